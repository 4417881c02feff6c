"""Where web interviews live: one SQLite file, one row per answer, so that Back is an undo.

Each row holds the whole state after that answer (the draft's data, which questions were answered, and
the two decisions outside the questionnaire: review confirmed, letter wanted). The current state is the
newest row not undone; Back marks that row undone, which brings the one before it back exactly, with no
replaying of answers. Undone rows stay: what a person typed is never deleted, and the question they step
back to is offered again with what they had typed.

WAL mode lets the server read while it writes, and a committed answer survives a crash or a restart.
The file and its folder are created readable by their owner only: they hold names, phone numbers and
addresses.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from questionnaire.draft import Draft

# Short codes avoid letters people confuse (0/O, 1/I/L, U/V): Crockford's base-32 alphabet.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 50 bits; guessing is also throttled per client (web/limits.py)
TOKEN_BYTES = 24  # 192 bits, URL-safe base64: 32 characters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    token   TEXT PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS answers (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    token   TEXT NOT NULL REFERENCES sessions(token),
    at      TEXT NOT NULL,
    key     TEXT NOT NULL,
    raw     TEXT,
    state   TEXT NOT NULL,
    undone  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS answers_by_token ON answers(token, id);
"""


@dataclass
class State:
    """A session's state after its newest answer."""

    draft: Draft = field(default_factory=Draft)
    confirmed: bool = False  # the review was confirmed: show the verdict
    letters: bool = False  # the person asked for documents: ask what a letter needs

    def dump(self) -> str:
        return json.dumps({"data": self.draft.data, "answered": self.draft.answered, "confirmed": self.confirmed,
                           "letters": self.letters}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def load(cls, text: str) -> State:
        got = json.loads(text)
        return cls(Draft(got["data"], list(got["answered"])), bool(got["confirmed"]), bool(got["letters"]))

    def copy(self) -> State:
        return State(self.draft.copy(), self.confirmed, self.letters)


def normalise_code(text: str) -> str:
    """What a person typed as a code, as stored: upper case, no spaces or dashes, O→0, I/L→1."""
    t = "".join(ch for ch in text.upper() if ch.isalnum())
    return t.translate(str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"}))


def show_code(code: str) -> str:
    """'ABCDE12345' → 'ABCDE-12345', easier to copy down."""
    return f"{code[:5]}-{code[5:]}"


class Store:
    """The interviews under one data folder. Thread-safe: one connection, guarded by a lock."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = folder / "weiquan-web.sqlite3"
        fresh = not self.path.exists()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        if fresh:
            os.chmod(self.path, 0o600)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across a process crash
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def create(self, state: State | None = None, key: str = "start", raw: str | None = None) -> tuple[str, str]:
        """A new session; its (token, code). The first row is its starting state (empty, or an import)."""
        with self._lock:
            while True:
                token = secrets.token_urlsafe(TOKEN_BYTES)
                code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.execute("INSERT INTO sessions(token, code, created) VALUES (?, ?, ?)",
                                     (token, code, _now()))
                    self._db.execute("INSERT INTO answers(token, at, key, raw, state) VALUES (?, ?, ?, ?, ?)",
                                     (token, _now(), key, raw, (state or State()).dump()))
                    self._db.execute("COMMIT")
                    return token, code
                except sqlite3.IntegrityError:  # a code already taken (vanishingly rare): draw again
                    self._db.execute("ROLLBACK")

    def code(self, token: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT code FROM sessions WHERE token = ?", (token,)).fetchone()
        return row[0] if row else None

    def by_code(self, code: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT token FROM sessions WHERE code = ?", (normalise_code(code),)).fetchone()
        return row[0] if row else None

    def state(self, token: str) -> State | None:
        """The current state, or None for a token that names no session."""
        with self._lock:
            row = self._db.execute("SELECT state FROM answers WHERE token = ? AND undone = 0 ORDER BY id DESC LIMIT 1",
                                   (token,)).fetchone()
        return State.load(row[0]) if row else None

    def record(self, token: str, key: str, raw: Any, state: State) -> None:
        """Save one answer (or decision) and the state it leads to, in one committed row."""
        text = raw if raw is None or isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)
        with self._lock:
            self._db.execute("INSERT INTO answers(token, at, key, raw, state) VALUES (?, ?, ?, ?, ?)",
                             (token, _now(), key, text, state.dump()))

    def undo(self, token: str) -> str | None:
        """Back: undo the newest answer (never the starting row); the key it answered, None if nothing to undo."""
        with self._lock:
            rows = self._db.execute("SELECT id, key FROM answers WHERE token = ? AND undone = 0 ORDER BY id DESC LIMIT 2",
                                    (token,)).fetchall()
            if len(rows) < 2:
                return None
            self._db.execute("UPDATE answers SET undone = 1 WHERE id = ?", (rows[0][0],))
            return rows[0][1]

    def last_typed(self, token: str, key: str) -> str | None:
        """What was last typed for `key`, undone or not: offered again after Back."""
        with self._lock:
            row = self._db.execute("SELECT raw FROM answers WHERE token = ? AND key = ? ORDER BY id DESC LIMIT 1",
                                   (token, key)).fetchone()
        return row[0] if row else None

    def count(self, token: str) -> int:
        """How many answers stand (not undone), the starting row excluded."""
        with self._lock:
            row = self._db.execute("SELECT COUNT(*) FROM answers WHERE token = ? AND undone = 0", (token,)).fetchone()
        return max(0, row[0] - 1)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
