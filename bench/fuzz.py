"""Fuzz benchmark (issue 16): mutated case files through `assess`, `letter` (every format), `check` and
`cohort`, counting exit codes. Not a test: it prints figures, and the files behind any exit 3 (or any
exit outside 0/1/2, or a run over the time bound) are kept for reproduction.

    .venv/bin/python bench/fuzz.py                # 10,000 files, seed 0
    .venv/bin/python bench/fuzz.py -n 2000 --seed 7 --jobs 2

Each file goes through `assess -f json` and one `letter` format in turn (md, txt, docx; pdf every 40th
file, as it embeds a font subset and takes a second or two), and `check` reads it as a text; every 100
files also go through one `cohort` run over their folder. Commands run in-process through the CLI's
own entry point (typer's CliRunner), so the exit codes are the ones a user gets.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))

BOUND = 10.0  # seconds: any single run past this counts as a hang
FORMATS = ("md", "txt", "docx")


def _run(runner, app, args: list[str]) -> tuple[int, float]:  # noqa: ANN001 - typer types, imported late
    start = time.perf_counter()
    result = runner.invoke(app, args)
    took = time.perf_counter() - start
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return -1, took  # escaped the CLI's own handling: counted under "other"
    return result.exit_code, took


def work(job: tuple[int, int, int, str]) -> tuple[Counter, list[str], float]:
    """Fuzz files [first, first+count) with seeds seed+i; returns the counts, the kept failures, the slowest run."""
    first, count, seed, keep = job
    import random

    from typer.testing import CliRunner

    from cli import app
    from tests.mutations import mutate

    texts = [p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "examples").glob("*.yaml"))]
    runner = CliRunner()
    counts: Counter = Counter()
    kept: list[str] = []
    slowest = 0.0
    as_of = ["--as-of", "2025-12-31"]
    with tempfile.TemporaryDirectory(prefix="weiquan-fuzz-") as tmp:
        folder = Path(tmp) / "cohort"
        folder.mkdir()
        for i in range(first, first + count):
            rng = random.Random(seed * 1_000_003 + i)
            path = folder / f"case-{i}.yaml"
            path.write_text(mutate(rng.choice(texts), rng), encoding="utf-8", errors="surrogatepass")
            fmt = "pdf" if i % 40 == 39 else FORMATS[i % len(FORMATS)]
            runs = [("assess", ["assess", str(path), "-f", "json", *as_of]),
                    (f"letter {fmt}", ["letter", str(path), "-f", fmt, "-o", str(Path(tmp) / f"out-{i}.{fmt}"),
                                       "--force", *as_of]),
                    ("check", ["check", str(path)])]
            if (i + 1) % 100 == 0:
                runs.append(("cohort", ["cohort", str(folder), "-f", "json", *as_of]))
            for name, args in runs:
                code, took = _run(runner, app, args)
                slowest = max(slowest, took)
                counts[(name, code)] += 1
                if code not in (0, 1, 2) or took > BOUND:
                    dest = Path(keep) / f"{name.replace(' ', '-')}-exit{code}-{i}.yaml"
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(path, dest)
                    kept.append(f"{dest} ({took:.1f} s)")
            (Path(tmp) / f"out-{i}.{fmt}").unlink(missing_ok=True)
            if (i + 1) % 100 == 0:
                for old in folder.iterdir():
                    old.unlink()
    return counts, kept, slowest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000, help="mutated files (default 10,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1, help="processes")
    ap.add_argument("--keep", default=str(HERE / "fuzz-failures"), help="folder for the files behind failures")
    opts = ap.parse_args()
    size = -(-opts.n // max(1, opts.jobs * 4))
    size = max(100, size - size % 100)
    jobs = [(first, min(size, opts.n - first), opts.seed, opts.keep) for first in range(0, opts.n, size)]
    start = time.perf_counter()
    total: Counter = Counter()
    kept: list[str] = []
    slowest = 0.0
    if opts.jobs > 1:
        with multiprocessing.get_context("spawn").Pool(opts.jobs) as pool:
            results = pool.map(work, jobs)
    else:
        results = [work(j) for j in jobs]
    for counts, k, s in results:
        total.update(counts)
        kept += k
        slowest = max(slowest, s)
    took = time.perf_counter() - start
    commands = sorted({name for name, _ in total})
    print(f"{opts.n} mutated files, seed {opts.seed}, {sum(total.values())} runs in {took:.0f} s "
          f"(slowest single run {slowest:.2f} s)")
    print(f"{'command':<12}" + "".join(f"{'exit ' + str(c):>10}" for c in (0, 1, 2, 3)) + f"{'other':>10}")
    for name in commands:
        row = [total[(name, c)] for c in (0, 1, 2, 3)]
        other = sum(v for (n, c), v in total.items() if n == name and c not in (0, 1, 2, 3))
        print(f"{name:<12}" + "".join(f"{v:>10}" for v in row) + f"{other:>10}")
    internal = sum(v for (_, c), v in total.items() if c not in (0, 1, 2))
    print(f"internal errors (exit 3 or other): {internal}")
    for k in kept:
        print("  kept:", k)
    sys.exit(1 if internal or kept else 0)


if __name__ == "__main__":
    main()
