"""Where an assessment's CPU goes, each figure against its anchor measured in the same run.

usage: python bench/phases.py [N]   (default 3000 generated cases; the oracle runs on N/10)

  full assessment      raw JSON line → parse → validate → engine → verdict → JSON line (what a batch does)
  validate only        raw JSON line → Case (json.loads + pydantic)
  engine.run alone     the case's base facts, prepared beforehand, through the durable-rules engine
  bare round trip      one fact into a one-rule durable-rules ruleset and the state deleted: the floor
                       any per-case session costs, whatever the rule base
  plain-Python oracle  the same compiled program by tests/oracle.py (naive fixpoint; the test oracle)

CPU seconds (time.process_time), so the shared machine's load drops out. Asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.casegen import cases  # noqa: E402
from engine.batch import assess_line  # noqa: E402
from engine.case import parse_case  # noqa: E402
from engine.facts import base_facts, periods  # noqa: E402
from engine.inference import ALWAYS, _SyncHost, engine  # noqa: E402


def per_second(n: int, fn) -> float:
    t = time.process_time()
    fn()
    return n / (time.process_time() - t)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    generated = cases(n)
    as_of = max(a for _, a in generated)
    lines = [json.dumps(c, ensure_ascii=False).encode("utf-8") for c, _ in generated]
    parsed = [parse_case(c, as_of=as_of) for c, _ in generated]
    bases = [base_facts(c, periods(c)) for c in parsed]
    eng = engine()
    for i in range(50):  # warm-up: the first sessions allocate the engine's structures
        assess_line(i, lines[i], as_of, "zh")

    full = per_second(n, lambda: [assess_line(i, x, as_of, "zh") for i, x in enumerate(lines)])
    validate = per_second(n, lambda: [parse_case(json.loads(x), as_of=as_of) for x in lines])
    run = per_second(n, lambda: [eng.run(b) for b in bases])

    host = _SyncHost()
    host.add("bare", {"r": {"all": [{"m": {"t": "x"}}], "run": lambda _c: None}}, {"r": lambda _c: None})

    def bare() -> None:
        for i in range(n):
            host.assert_fact("bare", {"sid": "s", ALWAYS: 1, "t": "x", "k": f"k{i}"})
            host.delete_state("bare", "s")

    round_trip = per_second(n, bare)
    from tests import oracle

    m = max(n // 10, 1)
    naive = per_second(m, lambda: [oracle.run(eng.program, b) for b in bases[:m]])

    print(f"{n} generated cases (oracle: {m}); cases per CPU-second, and each against the full assessment")
    for name, v in (("full assessment", full), ("validate only", validate), ("engine.run alone", run),
                    ("bare durable-rules round trip", round_trip), ("plain-Python oracle", naive)):
        print(f"  {name:<30} {v:>10,.0f}   {v / full:6.2f}x")
    print(f"  the engine's share of a full assessment: {full / run:.0%}; the rest is parsing, validation,")
    print("  verdict assembly and the JSON line")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}, "
          f"{dt.date.today()}")


if __name__ == "__main__":
    main()
