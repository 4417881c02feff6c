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
    t = clock()
    parsed = [(parse_case(c, as_of=a), a) for c, a in generated]
    t_parse = clock() - t
    t = clock()
    prepared = [(case, a, (ps := periods(case)), base_facts(case, ps)) for case, a in parsed]
    t_facts = clock() - t
    t = clock()
    derived = [(case, a, ps, eng.run(base)) for case, a, ps, base in prepared]
    t_engine = clock() - t
    t = clock()
    verdicts = [assemble(case, a, ps, d, eng.program, "zh") for case, a, ps, d in derived]
    t_assemble = clock() - t
    t = clock()
    size = sum(len(v.to_line()) for v in verdicts)
    t_json = clock() - t
    total = t_parse + t_facts + t_engine + t_assemble + t_json
    print(f"{n} seeded cases, {dt.date.today()}, {os.cpu_count()} cores, Python {sys.version.split()[0]} (CPU seconds)")
    for name, sec in (("parse (pydantic)", t_parse), ("base facts", t_facts), ("engine (durable-rules)", t_engine),
                      ("verdict assembly", t_assemble), ("JSON line", t_json)):
        print(f"  {name:24s} {sec:7.3f} s  {sec / total:6.1%}  {n / sec:9,.0f} cases/s")
    print(f"  {'whole assessment':24s} {total:7.3f} s  {'':6s}  {n / total:9,.0f} cases/CPU-s")
    print(f"  assembly / engine = {t_assemble / t_engine:.2f} (goal <= 0.50); mean JSON line {size / n / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
