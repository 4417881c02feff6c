"""The cohort report: the groups as CONTRACT.md §4 fixes them, plus what the cohort adds.

Plain data with a stable order, so that the same input gives byte-identical JSON: groups with a
disparity first, then larger groups first, then by brand, model, batch and symptom; remedies in
the order best to worst; regions and parties by name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cohort.aggregate import DEFAULT_SPREAD, Exemplar, GroupAgg, Tally
from cohort.outcome import REMEDY_ORDER, symptom_index
from cohort.store import Figures

GROUPING = "per_symptom"


def _outcomes(t: Tally) -> dict[str, int]:
    return {str(r): t.outcomes[r] for r in REMEDY_ORDER if t.outcomes.get(r)}


def _ratio(t: Tally) -> dict[str, float | None]:
    return {"min": t.ratio_min, "max": t.ratio_max}


def _slice(t: Tally) -> dict[str, Any]:
    return {"size": t.size, "outcomes": _outcomes(t), "price_ratio": _ratio(t)}


def _extreme(ex: Exemplar, count: int) -> dict[str, Any]:
    o = ex.outcome
    return {"remedy": o.remedy, "price_ratio": o.ratio, "target_model": o.target_model, "count": count,
            "region": ex.region, "party": o.party, "example": ex.ref}


@dataclass(slots=True)
class Group:
    agg: GroupAgg
    reasons: list[str]
    crpl10_count: int
    crpl10_refs: list[str]

    @property
    def disparity(self) -> bool:
        return bool(self.reasons)

    def sort_key(self) -> tuple:
        brand, model, batch, symptom = self.agg.key
        return (not self.disparity, -self.agg.size, brand, model, batch, symptom_index(symptom))

    def to_json(self) -> dict[str, Any]:
        a = self.agg
        _, _, batch, symptom = a.key
        _, brand, model = a.shown
        assert a.worst is not None
        return {
            "brand": brand,
            "model": model,
            "production_batch": batch,
            "symptoms": [symptom],
            "size": a.size,
            "outcomes": _outcomes(a.all),
            "price_ratio": _ratio(a.all),
            "disparity": self.disparity,
            "disparity_reasons": self.reasons,
            "by_region": {k: _slice(a.by_region[k]) for k in sorted(a.by_region)},
            "by_party": {k: _slice(a.by_party[k]) for k in sorted(a.by_party)},
            "best": _extreme(a.best[0], a.best_count),
            "worst": _extreme(a.worst, a.worst_count),
            "crpl10": {"count": self.crpl10_count, "consumers": self.crpl10_refs},
        }


@dataclass(slots=True)
class CohortReport:
    as_of: dt.date
    spread: float
    cases: int
    skipped: list[dict[str, Any]]
    skipped_total: int
    no_batch: int
    no_symptoms: int
    groups: list[Group] = field(default_factory=list)
    # Cases identical to one read before (same content after parsing), counted once: the first
    # SKIPPED_SHOWN in input order as {"source", "line", "same_as"}, and how many in all.
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    duplicates_total: int = 0
    # Comparators recorded inside case files, counted in their groups like the consumers (each
    # distinct record once); those recorded without model, batch, symptom or remedy are not placed.
    comparators: int = 0
    comparators_duplicate: int = 0
    comparators_ungrouped: int = 0
    crpl10_consumers: int = 0
    crpl10_refs: list[str] = field(default_factory=list)
    verified: bool = False
    checked: int = 0
    agree: int = 0
    disagreements: list[dict[str, Any]] = field(default_factory=list)

    @property
    def disparities(self) -> list[Group]:
        return [g for g in self.groups if g.disparity]

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "as_of": self.as_of.isoformat(),
            "cases": self.cases,
            "skipped": self.skipped,
            "skipped_total": self.skipped_total,
            "duplicates": self.duplicates,
            "duplicates_total": self.duplicates_total,
            "ungrouped": {"no_batch": self.no_batch, "no_symptoms": self.no_symptoms},
            "comparators": {"counted": self.comparators, "duplicates": self.comparators_duplicate,
                            "ungrouped": self.comparators_ungrouped},
            "grouping": GROUPING,
            "spread": self.spread,
            "crpl10": {
                "consumers": self.crpl10_consumers,
                "examples": self.crpl10_refs,
                "verified": self.verified,
                "checked": self.checked,
                "agree": self.agree,
                "disagree": self.disagreements,
            },
            "groups": [g.to_json() for g in self.groups],
        }


def build_report(f: Figures, as_of: dt.date, spread: float = DEFAULT_SPREAD, verified: bool = False) -> CohortReport:
    groups = []
    for key, agg in f.groups.items():
        count, refs = f.citers.get(key, (0, []))
        groups.append(Group(agg, agg.disparity(spread), count, refs))
    groups.sort(key=Group.sort_key)
    return CohortReport(
        as_of=as_of,
        spread=spread,
        cases=f.cases,
        skipped=f.skipped,
        skipped_total=f.skipped_total,
        no_batch=f.no_batch,
        no_symptoms=f.no_symptoms,
        groups=groups,
        duplicates=f.duplicates,
        duplicates_total=f.duplicates_total,
        comparators=f.comparators,
        comparators_duplicate=f.comparators_duplicate,
        comparators_ungrouped=f.comparators_ungrouped,
        crpl10_consumers=f.consumers,
        crpl10_refs=f.consumer_refs,
        verified=verified,
        checked=f.checked,
        agree=f.agree,
        disagreements=f.disagree,
    )
