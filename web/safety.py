"""The web app's defences: security headers, CSRF tokens, upload checks, and throttling code guesses.

- Headers: a CSP that allows scripts and styles from this server only (no inline script, no eval: the
  vendored htmx is configured by a <meta> tag, not a script), no referrer (the session token is in the
  URL and must not leak to another site), nosniff, no framing, no caching of personal pages.
- CSRF: a random cookie and the same value in a hidden field of every POST form (double submit).
  A forged cross-site form cannot read the cookie, so cannot fill the field.
- Uploads: at most 1 MB, and YAML with aliases is refused before it is loaded (an alias "bomb" expands
  a small file into gigabytes).
- Short codes: wrong guesses are limited per client (10 a minute), so 50-bit codes cannot be searched.
"""

from __future__ import annotations

import collections
import hmac
import secrets
import threading
import time

import yaml

CSRF_COOKIE = "wq_csrf"
CSRF_FIELD = "csrf"
MAX_UPLOAD = 1024 * 1024  # bytes
MAX_FORM = 64 * 1024  # bytes in one ordinary form post

HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(cookie: str | None, field: str | None) -> bool:
    return bool(cookie) and bool(field) and hmac.compare_digest(str(cookie), str(field))


def has_aliases(text: str) -> bool:
    """Whether YAML text uses anchors or aliases, found by the parser's events before anything is built."""
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return True
    return False


class Throttle:
    """At most `limit` failures per `window` seconds per client; in memory (a restart forgets, which is fine)."""

    def __init__(self, limit: int = 10, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self._fails: dict[str, collections.deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> collections.deque[float]:
        q = self._fails.setdefault(client, collections.deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def blocked(self, client: str) -> bool:
        with self._lock:
            return len(self._recent(client, time.monotonic())) >= self.limit

    def fail(self, client: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._recent(client, now).append(now)
            if len(self._fails) > 10000:  # forget idle clients
                for k in [k for k, q in self._fails.items() if not q]:
                    del self._fails[k]
