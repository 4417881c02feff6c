"""How fast `weiquan serve` answers (issue 12 §7): not a test, it prints figures.

Starts `weiquan serve` as its own process on a free loopback port (a fresh data folder, --as-of fixed),
then
  1. walks the seed case through the questionnaire, one session after another, timing each answer
     from its POST to the next question's HTML (the POST, its redirect and the GET, as a browser does);
  2. runs N sessions at once (threads, one HTTP client each), each answering the seed case, and counts
     HTTP requests per second over the whole run.
Bounded in count and time; loopback only.

    python bench/serve.py [--runs 5] [--concurrent 20] [--max-seconds 120]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.web_support import AS_OF, SEED, Consumer, free_port  # noqa: E402

KEY = re.compile(r'id="question" data-key="([^"]+)"')
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def start_server(data: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    exe = Path(sys.executable).parent / "weiquan"
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "cli"]),
           "serve", "--port", str(port), "--data", str(data), "--as-of", AS_OF.isoformat()]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/", timeout=1)
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def walk(base: str, who: Consumer, timings: list[float] | None = None, stop: float = float("inf")) -> int:
    """Answer the seed case's questions in one new session; the number of HTTP requests made."""
    with httpx.Client(base_url=base, follow_redirects=True, timeout=30) as c:
        r = c.get("/")
        csrf = CSRF.search(r.text).group(1)
        r = c.post("/new", data={"csrf": csrf})
        requests = 3
        url = str(r.url)
        for _ in range(300):  # bounded: the seed case takes under 60
            m = KEY.search(r.text)
            if m is None or time.monotonic() > stop:
                break
            key = m.group(1).replace("&#43;", "+")
            value = who.answer(key)
            data: dict[str, object] = {"csrf": csrf, "key": key, "mode": "next"}
            data["values" if isinstance(value, list) else "value"] = value
            t0 = time.perf_counter()
            r = c.post(url + "/answer", data=data)
            if timings is not None:
                timings.append(time.perf_counter() - t0)
            requests += 2
            if r.status_code != 200:
                raise SystemExit(f"{key}: HTTP {r.status_code}")
        return requests


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="sequential seed-case sessions to time (default 5)")
    ap.add_argument("--concurrent", type=int, default=20, help="sessions at once (default 20)")
    ap.add_argument("--max-seconds", type=float, default=120, help="stop the concurrent part after this long")
    args = ap.parse_args()
    who = Consumer(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        proc, base = start_server(Path(tmp))
        try:
            cold: list[float] = []
            walk(base, who, cold)  # the first session: imports, the rule engine, nothing cached yet
            cold.sort()
            timings: list[float] = []
            for _ in range(args.runs):
                walk(base, who, timings)
            timings.sort()
            median = statistics.median(timings) * 1000
            p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))] * 1000
            counts = [0] * args.concurrent
            stop = time.monotonic() + args.max_seconds

            def one(i: int) -> None:
                counts[i] = walk(base, who, stop=stop)

            threads = [threading.Thread(target=one, args=(i,)) for i in range(args.concurrent)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"weiquan serve, seed case, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"answer → next question, first session (cold caches): median {statistics.median(cold) * 1000:.1f} ms, "
          f"max {cold[-1] * 1000:.1f} ms")
    print(f"answer → next question, later sessions (relevance cached): {len(timings)} answers over {args.runs} sessions: "
          f"median {median:.1f} ms, p95 {p95:.1f} ms")
    print(f"{args.concurrent} concurrent sessions: {sum(counts)} requests in {wall:.1f} s = "
          f"{sum(counts) / wall:.0f} requests/s ({sum(counts) / 2 / wall:.0f} answers/s)")


if __name__ == "__main__":
    main()
