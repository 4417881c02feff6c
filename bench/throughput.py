"""How fast weiquan assesses: cases/second on one core, per-case latency, CLI cold start, batch scaling.

usage: python bench/throughput.py [N]   (default 2000). Prints figures; asserts nothing.
Targets (issue #3): >= 500 cases/s on one core through `assess`; a cold `weiquan assess` under 1 s;
`weiquan assess FILE.jsonl --workers N` scaling with cores.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.casegen import cases  # noqa: E402
from engine.assess import Assessor  # noqa: E402
from engine.case import parse_case  # noqa: E402


def weiquan() -> str:
    exe = Path(sys.executable).parent / "weiquan"
    return str(exe) if exe.exists() else "weiquan"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    generated = cases(n)
    assessor = Assessor()
    t0 = time.perf_counter()
    parsed = [(parse_case(c, as_of=a), a) for c, a in generated]
    t_parse = time.perf_counter() - t0
    for case, a in parsed[:50]:  # warm-up (compilation happens on construction)
        assessor.assess(case, a)
    lat = []
    findings = 0
    t0 = time.perf_counter()
    for case, a in parsed:
        s = time.perf_counter()
        v = assessor.assess(case, a)
        lat.append(time.perf_counter() - s)
        findings += len(v.findings)
    total = time.perf_counter() - t0
    print(f"cases: {n} generated (seeded), {findings / n:.1f} findings per case on average")
    print(f"validation (pydantic): {n / t_parse:,.0f} cases/s")
    print(f"assess, one core:      {n / total:,.0f} cases/s  (median {statistics.median(lat) * 1e3:.2f} ms, "
          f"p95 {sorted(lat)[int(0.95 * n)] * 1e3:.2f} ms per case)")
    t0 = time.perf_counter()
    for case, a in parsed:
        assessor.assess(case, a).to_json()
    print(f"assess + JSON output:  {n / (time.perf_counter() - t0):,.0f} cases/s")

    with tempfile.TemporaryDirectory() as d:
        one = Path(d) / "case.json"
        one.write_text(json.dumps(generated[0][0], ensure_ascii=False), encoding="utf-8")
        as_of = generated[0][1].isoformat()
        runs = []
        for _ in range(5):
            s = time.perf_counter()
            subprocess.run([weiquan(), "assess", str(one), "--as-of", as_of], check=True, capture_output=True)
            runs.append(time.perf_counter() - s)
        print(f"CLI cold start (`weiquan assess` one case, whole process): median {statistics.median(runs):.3f} s "
              f"over {len(runs)} runs")
        batch = Path(d) / "cases.jsonl"
        late = max(a for _, a in generated)
        with batch.open("w", encoding="utf-8") as f:
            for c, _ in generated:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        for workers in sorted({1, 2, os.cpu_count() or 1}):
            s = time.perf_counter()
            subprocess.run([weiquan(), "assess", str(batch), "--format", "jsonl", "--as-of", late.isoformat(),
                            "--workers", str(workers)], check=True, stdout=subprocess.DEVNULL)
            el = time.perf_counter() - s
            print(f"CLI batch jsonl, --workers {workers}: {n / el:,.0f} cases/s ({el:.2f} s whole process)")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {dt.date.today()}")


if __name__ == "__main__":
    main()
