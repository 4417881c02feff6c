"""How long the heaviest case within the model's limits takes (issue 16 item 13), and why the limits are
where they are. Not a test: it prints figures.

    .venv/bin/python bench/limits.py

The rule base joins interactions with each other (two failed repairs make crpl24's return) and with the
comparators, so the cost of a case grows with the square of its lists or faster. Each row is one
assessment of examples/unequal-treatment.yaml with its lists filled to the size shown by the kind of
entry that costs most; the first rows sit at the limits (engine/case.py), the last beyond them (built
without validation, to show what the limits protect against).
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))

from engine.assess import assess  # noqa: E402
from engine.case import MAX_COMPARATORS, MAX_INTERACTIONS, MAX_LOSSES, Case, Interaction, parse_case  # noqa: E402
from engine.io import read_file  # noqa: E402

AS_OF = dt.date(2025, 9, 1)
KINDS = {
    "failed repairs": {"kind": "repair", "remedy": "free_repair", "price_ratio": 0, "fixed": False},
    "conditional offers": {"kind": "offer", "remedy": "discounted_trade_in", "price_ratio": 0.6, "accepted": False,
                           "conditional_refusal": True},
    "refusals": {"kind": "refusal"},
    "demands sent": {"kind": "consumer_demand", "channel": "letter"},
}


def build(kind: dict, n: int, comparators: int, losses: int) -> Case:
    """The example with `n` interactions of `kind`; past the model's limit the list is put in after
    validation (model_copy), which the CLI never does."""
    data = read_file(HERE.parent / "examples" / "unequal-treatment.yaml")
    data["purchase"]["date"], data["fault"]["first_noticed"] = "2024-05-01", "2024-06-01"
    items = [dict(kind, date=(dt.date(2024, 6, 2) + dt.timedelta(days=i)).isoformat()) for i in range(n)]
    data["interactions"] = items[:MAX_INTERACTIONS]
    data["comparators"] = [copy.deepcopy(data["comparators"][0]) for _ in range(comparators)]
    data["losses"] = [{"kind": "shipping", "amount": 20.0 + i, "date": "2024-07-01"} for i in range(losses)]
    data["version"] = 2
    case = parse_case(data, as_of=AS_OF)
    if n > MAX_INTERACTIONS:
        case = case.model_copy(update={"interactions": [Interaction.model_validate(x) for x in items]})
    return case


def timed(case: Case) -> float:
    start = time.perf_counter()
    assess(case, AS_OF, "zh")
    return time.perf_counter() - start


def main() -> None:
    timed(build(KINDS["refusals"], 1, 1, 0))  # warm up: the rule base compiles once per process
    print(f"limits: interactions {MAX_INTERACTIONS}, comparators {MAX_COMPARATORS}, losses {MAX_LOSSES}")
    print(f"{'interactions of kind':<22}{'n':>5}{'comparators':>13}{'losses':>8}{'seconds':>10}")
    for name, kind in KINDS.items():
        n = MAX_INTERACTIONS
        secs = timed(build(kind, n, MAX_COMPARATORS, MAX_LOSSES))
        print(f"{name:<22}{n:>5}{MAX_COMPARATORS:>13}{MAX_LOSSES:>8}{secs:>10.3f}")
    print("beyond the limits (not accepted by the case model):")
    for n in (40, 50, 70):
        secs = timed(build(KINDS["failed repairs"], n, MAX_COMPARATORS, 0))
        print(f"{'failed repairs':<22}{n:>5}{MAX_COMPARATORS:>13}{0:>8}{secs:>10.3f}")


if __name__ == "__main__":
    main()
