"""`weiquan assess FILE.jsonl --workers 1` against `--workers 2`, side by side in one run.

usage: python bench/workers.py [N] [--rounds R]   (default 20000 cases, 2 rounds)

The machine is shared, so wall time alone says little: each run's CPU seconds (the command and all its
worker processes, from getrusage) are printed too. `speed-up` is wall(1)/wall(2) measured now;
`CPU ratio` is CPU(2)/CPU(1), the overhead two workers add — on two idle cores the attainable
speed-up is 2 / CPU ratio. Outputs of both runs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.casegen import cases  # noqa: E402


def weiquan() -> list[str]:
    exe = Path(sys.executable).parent / "weiquan"
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from cli import app; app()"]


def write_batch(n: int, path: Path) -> str:
    generated = cases(n)
    late = max(a for _, a in generated)
    with path.open("w", encoding="utf-8") as f:
        for c, _ in generated:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    return late.isoformat()


def measure(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process and its children, sha256 of stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, hashlib.sha256(out).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=20_000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--command", default="assess", choices=["assess", "cohort"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="weiquan-bench-") as tmp:
        batch = Path(tmp) / "cases.jsonl"
        as_of = write_batch(args.n, batch)
        base = weiquan() + [args.command, str(batch), "--as-of", as_of]
        if args.command == "cohort":
            base += ["--format", "json"]
        runs: dict[int, list[tuple[float, float, str]]] = {1: [], 2: []}
        for _ in range(args.rounds):
            for w in (1, 2):
                runs[w].append(measure(base + ["--workers", str(w)]))
        print(f"{args.command}, {args.n} cases, {args.rounds} rounds alternating; "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
        print(f"{'workers':>7} {'wall s':>8} {'CPU s':>8} {'cases/CPU-s':>12}")
        for w, rs in runs.items():
            wall = min(r[0] for r in rs)
            cpu = min(r[1] for r in rs)
            print(f"{w:>7} {wall:>8.2f} {cpu:>8.2f} {args.n / cpu:>12,.0f}")
        w1, w2 = min(r[0] for r in runs[1]), min(r[0] for r in runs[2])
        c1, c2 = min(r[1] for r in runs[1]), min(r[1] for r in runs[2])
        same = len({r[2] for rs in runs.values() for r in rs}) == 1
        print(f"speed-up wall(1)/wall(2): {w1 / w2:.2f}x   CPU ratio CPU(2)/CPU(1): {c2 / c1:.2f} "
              f"(attainable on 2 idle cores: {2 * c1 / c2:.2f}x)   outputs identical: {same}")


if __name__ == "__main__":
    main()
