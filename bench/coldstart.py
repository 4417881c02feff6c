"""CLI cold start: the CPU a whole `weiquan` process costs, against `python -c "import pydantic, typer, jinja2"`.

usage: python bench/coldstart.py [--runs 7]

CPU seconds (user + system, getrusage of the finished child), the minimum over the runs, so that the
shared machine's load drops out; then, for `weiquan assess`, `python -X importtime`'s own time of each
top-level package (the biggest first) — what importing costs, and where.

The project's bytecode is compiled first, as installing a wheel does: this machine sets
PYTHONDONTWRITEBYTECODE, so an editable checkout would otherwise compile ~50 modules from source in every
run (~0.12 s of CPU), a cost no installed user pays. The editable install's path finder (~0.03 s) stays in.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
WEIQUAN = [str(Path(PY).parent / "weiquan")] if (Path(PY).parent / "weiquan").exists() else [
    PY, "-c", "from cli import app; app()"]
SEED = str(ROOT / "examples" / "seed.yaml")

COMMANDS = {
    'python -c "import pydantic, typer, jinja2" (anchor)': [PY, "-c", "import pydantic, typer, jinja2"],
    "weiquan --help": WEIQUAN + ["--help"],
    "weiquan assess seed.yaml": WEIQUAN + ["assess", SEED, "--as-of", "2025-09-01"],
    "weiquan assess seed.yaml -f json": WEIQUAN + ["assess", SEED, "--as-of", "2025-09-01", "-f", "json"],
    "weiquan law crpl 24": WEIQUAN + ["law", "crpl", "24"],
    "weiquan letter seed.yaml -f md": WEIQUAN + ["letter", SEED, "--as-of", "2025-09-01"],
}


PACKAGES = ("cli.py", "engine", "kb", "letters", "views", "questionnaire", "checker", "cohort", "web")


def compile_project() -> None:
    import compileall

    for name in PACKAGES:
        path = ROOT / name
        if path.is_dir():
            compileall.compile_dir(path, quiet=1)
        else:
            compileall.compile_file(path, quiet=1)


def cpu(args: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def import_profile(args: list[str], top: int = 12) -> list[tuple[str, float]]:
    code = ("import sys; sys.argv = ['weiquan'] + sys.argv[1:]; from cli import app; app()")
    r = subprocess.run([PY, "-X", "importtime", "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    own: collections.Counter[str] = collections.Counter()
    for line in r.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if m:
            own[m.group(2).split(".")[0]] += int(m.group(1))
    return [(k, v / 1e6) for k, v in own.most_common(top)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    compile_project()
    best = {name: min(cpu(cmd) for _ in range(args.runs)) for name, cmd in COMMANDS.items()}
    anchor = next(iter(best.values()))
    print(f"CPU seconds per process, best of {args.runs}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    for name, s in best.items():
        print(f"  {name:<52} {s:6.3f}  {s / anchor:4.1f}x")
    print("weiquan assess seed.yaml, python -X importtime, own time by top-level package (wall, seconds):")
    for name, s in import_profile(["assess", SEED, "--as-of", "2025-09-01"]):
        print(f"  {name:<28} {s:6.3f}")


if __name__ == "__main__":
    main()
