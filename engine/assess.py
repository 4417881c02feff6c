"""The engine's one entry point: a validated case and an assessment date in, a verdict out.

`Assessor` keeps the compiled rule base and its host for a whole batch, so that a JSON Lines file of
ten thousand cases pays for compilation once. Each case runs in a fresh session that is deleted
afterwards; a failing rule raises instead of yielding half a verdict.
"""

from __future__ import annotations

import datetime as dt

from engine.assemble import assemble
from engine.case import Case
from engine.facts import base_facts, periods
from engine.inference import Engine, engine
from engine.verdict import Verdict


class Assessor:
    def __init__(self, eng: Engine | None = None) -> None:
        self.engine = eng or engine()

    def assess(self, case: Case, as_of: dt.date, lang: str = "zh") -> Verdict:
        ps = periods(case)
        derivation = self.engine.run(base_facts(case, ps))
        return assemble(case, as_of, ps, derivation, self.engine.program, lang)


def assess(case: Case, as_of: dt.date, lang: str = "zh") -> Verdict:
    """Assess one case (the process's one engine is built on first use)."""
    return Assessor().assess(case, as_of, lang)
