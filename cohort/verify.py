"""The rule base's own answer to "can this consumer cite 消保法第十条?", with the group as comparators.

The cohort's count of who can cite crpl:10 is only worth printing if the legal rule base, asked
about the same consumer, says the same. So each grouped case is assessed again with its
`comparators` replaced by the other members of its groups, and the verdict's
`crpl10.unequal_treatment` is compared with the cohort's view.

Only the best-treated other member of each group is passed: LEGAL_SPEC's `fact.unequal_treatment`
asks whether *some* same-batch comparator got a lower price, so the lowest-priced one decides, and
members who got nothing cannot make anyone's treatment unequal. Passing one real member per group
keeps the check linear in the number of cases instead of quadratic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from cohort.aggregate import Exemplar
from cohort.outcome import GroupKey, Member
from engine.case import Case, Comparator
from engine.vocab import Remedy

UNEQUAL_TREATMENT = "crpl10.unequal_treatment"

Assess = Callable[[Case, dt.date, str], Any]


def load_assessor() -> Assess:
    """The rule engine's batch assessor: the rule base compiled once for all the cases a process checks."""
    from engine.assess import Assessor  # here, so that a cohort without --verify never loads the rule engine

    return Assessor().assess


def best_others(m: Member, table: dict[GroupKey, tuple[Exemplar, ...]]) -> list[Exemplar]:
    """For each of the member's groups, the best-treated member other than themself (once each)."""
    seen: dict[int, Exemplar] = {}
    for key in m.group_keys():
        for ex in table.get(key, ()):
            if ex.seq != m.seq:
                if ex.outcome.remedy != Remedy.none:
                    seen.setdefault(ex.seq, ex)
                break
    return [seen[s] for s in sorted(seen)]


def as_comparators(others: list[Exemplar]) -> list[Comparator]:
    return [
        Comparator(
            model=ex.model,
            production_batch=ex.batch,
            symptoms=list(ex.symptoms),
            remedy=ex.outcome.remedy,
            target_model=ex.outcome.target_model,
            price_ratio=ex.outcome.ratio,
            source=f"cohort: {ex.ref}",
        )
        for ex in others
    ]


def engine_says_unequal(assess: Assess, case: Case, comparators: list[Comparator], as_of: dt.date,
                        lang: str) -> bool:
    verdict = assess(case.model_copy(update={"comparators": comparators}), as_of, lang)
    return any(f.id == UNEQUAL_TREATMENT for f in verdict.findings)
