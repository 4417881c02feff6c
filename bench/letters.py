"""What a PDF letter costs, with the font cache cold (as every letter paid before the cache) and warm.

usage: python bench/letters.py [N]   (default 20 letters, each from a different generated case)

Prints CPU seconds per letter (time.process_time, so the shared machine's load drops out), with the
per-process glyph cache cleared before each letter ("cold") and kept ("warm"), and checks that a
letter's bytes do not depend on which letters were drawn before it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import letters  # noqa: E402
from bench.casegen import cases  # noqa: E402
from engine.assess import Assessor  # noqa: E402
from engine.case import parse_case  # noqa: E402
from letters import pdf_font  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    assessor = Assessor()
    docs = []
    for data, as_of in cases(n, seed=11):
        case = parse_case(data, as_of=as_of)
        docs.append((case, assessor.assess(case, as_of), as_of))

    def pdf(i: int) -> bytes:
        case, verdict, as_of = docs[i]
        return letters.draft(case, verdict, fmt="pdf", today=as_of)

    md = []
    for case, verdict, as_of in docs:
        t = time.process_time()
        letters.draft(case, verdict, fmt="md", today=as_of)
        md.append(time.process_time() - t)
    cold, warm, first = [], [], {}
    for i in range(n):
        pdf_font._glyph_data.cache_clear()
        t = time.process_time()
        first[i] = hashlib.sha256(pdf(i)).hexdigest()
        cold.append(time.process_time() - t)
    for i in reversed(range(n)):  # another order: each letter's bytes must not depend on the ones before
        t = time.process_time()
        same = hashlib.sha256(pdf(i)).hexdigest() == first[i]
        warm.append(time.process_time() - t)
        assert same, f"letter {i} changed with the cache warm"
    print(f"{n} demand letters, CPU seconds per letter (median / max); {os.cpu_count()} CPUs, {dt.date.today()}")
    print(f"  markdown only (assessment done):   {statistics.median(md):.3f} / {max(md):.3f}")
    print(f"  pdf, font cache cold (as before):  {statistics.median(cold):.3f} / {max(cold):.3f}")
    print(f"  pdf, font cache warm:              {statistics.median(warm):.3f} / {max(warm):.3f}   "
          f"({statistics.median(cold) / statistics.median(warm):.1f}x less)")
    print("  bytes of every letter identical cold and warm, in another order: True")


if __name__ == "__main__":
    main()
