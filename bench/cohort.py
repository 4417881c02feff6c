"""How fast `weiquan cohort` reads cases, and whether its memory stays flat as the cohort grows.

Generates synthetic cohorts (bench/cohort_gen.py) of 10k, 100k and 1M cases, then runs the analysis
in a fresh process per configuration, so that each peak-memory figure is that run's alone. Prints
wall seconds, CPU seconds (the run and its workers: the machine is shared, CPU is what it cost),
cases per CPU-second, the peak resident memory of the main process (DuckDB runs there) and of the
largest worker, each peak's ratio to the smallest cohort's, and whether the planted disparities
were found.

Usage: python bench/cohort.py [--sizes 10000 100000 1000000] [--workers 1 2] [--verify-sizes 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This file is named like the package it measures: take its own folder off the path, so that
# `import cohort` finds the package, not this script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))


def _child(path: str, workers: int, verify: bool, as_of: str) -> None:
    """One measured run; prints its figures as JSON on stdout."""
    from cohort import analyse

    start, cpu0 = time.perf_counter(), time.process_time()
    report = analyse([path], dt.date.fromisoformat(as_of), workers=workers, verify=verify)
    seconds = time.perf_counter() - start
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu0 + kids.ru_utime + kids.ru_stime
    flagged = sorted({f"{g.agg.shown[2]} {g.agg.key[3]}" for g in report.disparities})
    print(json.dumps({
        "cases": report.cases, "skipped": report.skipped_total, "groups": len(report.groups),
        "seconds": seconds, "cpu": cpu, "flagged": flagged, "checked": report.checked, "agree": report.agree,
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }, ensure_ascii=False))


def _measure(path: Path, workers: int, verify: bool, as_of: str) -> dict:
    args = [sys.executable, __file__, "--child", str(path), "--workers", str(workers), "--as-of", as_of]
    out = subprocess.run(args + (["--verify"] if verify else []), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--verify-sizes", type=int, nargs="*", default=[10_000],
                    help="sizes also run with --verify (the rule base per case; slow)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--verify", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--as-of", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.workers[0], args.verify, args.as_of)
        return

    import importlib.util

    spec = importlib.util.spec_from_file_location("cohort_gen", HERE / "cohort_gen.py")
    assert spec and spec.loader
    cohort_gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cohort_gen)

    print(f"{'cases':>8} {'workers':>7} {'verify':>6} {'wall s':>7} {'CPU s':>7} {'cases/CPU-s':>11} "
          f"{'main MB':>8} {'ratio':>5} {'worker MB':>9}  planted disparities found")
    first_mb: dict[tuple[int, bool], float] = {}
    with tempfile.TemporaryDirectory(prefix="weiquan-bench-") as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"cohort-{n}.jsonl"
            with open(path, "w", encoding="utf-8") as f:
                truth = cohort_gen.write(n, f, seed=1, bad_rate=0.001)
            planted = {(p["model"], p["symptom"]) for p in truth["planted"]
                       if p["symptom"] in ("touch_unresponsive", "screen_flicker")}
            runs = [(w, False) for w in args.workers]
            if n in args.verify_sizes:
                runs += [(w, True) for w in args.workers]
            for workers, verify in runs:
                r = _measure(path, workers, verify, truth["as_of"])
                found = all(f"{m} {s}" in r["flagged"] for m, s in planted)
                base = first_mb.setdefault((workers, verify), r["rss_main_mb"])
                worker_mb = f"{r['rss_worker_mb']:9.0f}" if workers > 1 else f"{'—':>9}"
                print(f"{r['cases']:>8} {workers:>7} {'yes' if verify else 'no':>6} {r['seconds']:>7.1f} "
                      f"{r['cpu']:>7.1f} {r['cases'] / r['cpu']:>11,.0f} {r['rss_main_mb']:>8.0f} "
                      f"{r['rss_main_mb'] / base:>5.2f} {worker_mb}  "
                      f"{'yes' if found else 'NO'} ({len(r['flagged'])} groups flagged"
                      + (f"; rule base agreed on {r['agree']}/{r['checked']}" if verify else "") + ")",
                      flush=True)
            path.unlink()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, {dt.date.today()}")


if __name__ == "__main__":
    main()
