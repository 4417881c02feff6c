"""Where a case's time goes: parse, base facts, the engine, verdict assembly, JSON — in CPU seconds.

usage: python bench/assembly.py [N]   (default 3000). Prints figures and each phase's share; asserts nothing.
Issue 15's goal for the verdict assembly: at most half the engine's cost. CPU time (time.process_time) so
that other load on the machine counts less; every phase runs over the same seeded cases.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.casegen import cases  # noqa: E402
from engine.assemble import assemble  # noqa: E402
from engine.case import parse_case  # noqa: E402
from engine.facts import base_facts, periods  # noqa: E402
from engine.inference import engine  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    generated = cases(n)
    eng = engine()
    for c, a in generated[:100]:  # warm-up
        case = parse_case(c, as_of=a)
        ps = periods(case)
        assemble(case, a, ps, eng.run(base_facts(case, ps)), eng.program, "zh").to_line()
    clock = time.process_time
    # Phase by phase for each case in turn, as the pipeline runs: holding every case's objects until its
    # phase ends made the cyclic GC rescan them all and charged that to the later phases (~40% of assembly).
    spent = [0.0] * 5
    size = 0
    for c, a in generated:
        t0 = clock()
        case = parse_case(c, as_of=a)
        t1 = clock()
        ps = periods(case)
        base = base_facts(case, ps)
        t2 = clock()
        d = eng.run(base)
        t3 = clock()
        v = assemble(case, a, ps, d, eng.program, "zh")
        t4 = clock()
        size += len(v.to_line())
        t5 = clock()
        for i, dt_ in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            spent[i] += dt_
    t_parse, t_facts, t_engine, t_assemble, t_json = spent
    total = t_parse + t_facts + t_engine + t_assemble + t_json
    print(f"{n} seeded cases, {dt.date.today()}, {os.cpu_count()} cores, Python {sys.version.split()[0]} (CPU seconds)")
    for name, sec in (("parse (pydantic)", t_parse), ("base facts", t_facts), ("engine (durable-rules)", t_engine),
                      ("verdict assembly", t_assemble), ("JSON line", t_json)):
        print(f"  {name:24s} {sec:7.3f} s  {sec / total:6.1%}  {n / sec:9,.0f} cases/s")
    print(f"  {'whole assessment':24s} {total:7.3f} s  {'':6s}  {n / total:9,.0f} cases/CPU-s")
    print(f"  assembly / engine = {t_assemble / t_engine:.2f} (goal <= 0.50); JSON line / engine = "
          f"{t_json / t_engine:.2f}; whole / engine = {total / t_engine:.2f}; mean JSON line {size / n / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
