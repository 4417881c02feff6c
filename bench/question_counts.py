"""How many questions `weiquan ask` puts to a consumer whose answers reproduce each reference scenario.

usage: python bench/question_counts.py [SCENARIO_DIR]   (default tests/scenarios)

For each scenario a simulated consumer answers exactly what the questionnaire asks, from the scenario's
case ("don't know" where the case is silent); the table gives the questions needed for the verdict, the
extra ones a letter needs, the case file's own field count for comparison, the time the relevance
judgement took, and whether the verdict equals the one for the full case (it must).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.assess import assess  # noqa: E402
from engine.case import parse_case  # noqa: E402
from questionnaire.relevance import Relevance, signature  # noqa: E402
from questionnaire.scripted import flatten, simulate  # noqa: E402
from questionnaire.spec import questionnaire  # noqa: E402


def main(directory: Path) -> None:
    qn = questionnaire()
    print(f"{'scenario':<40} {'verdict':>7} {'letter':>6} {'fields':>6} {'time':>6}  same verdict")
    for path in sorted(directory.glob("*.yaml")):
        sc = yaml.safe_load(path.read_text(encoding="utf-8"))
        case, as_of = sc["case"], sc["as_of"]
        relevant = Relevance(qn, as_of)
        start = time.perf_counter()
        sim = simulate(qn, case, as_of, "zh", relevant)
        took = time.perf_counter() - start
        fields = len([k for k, v in flatten(case, qn)[0].items() if v is not None and k != "version"])
        same = signature(assess(parse_case(case, as_of=as_of), as_of)) == signature(
            assess(parse_case(sim.draft.data, as_of=as_of), as_of))
        print(f"{path.stem[:40]:<40} {len(sim.asked):>7} {len(sim.letter):>6} {fields:>6} {took:>5.2f}s  {same}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/scenarios"))
