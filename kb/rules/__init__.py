"""The rule base: one module per article (or close group), each rule beside the words it encodes.

`rulebase()` gathers them in a fixed order. The order of `FINDING_ORDER` is the order findings appear
in every verdict (LEGAL_SPEC §2's table), so that output is stable and reads from the core claim
outward.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from types import ModuleType

from kb.rules import (
    civil_code_188,
    civil_code_582,
    civil_code_584,
    civil_code_621,
    crpl_2,
    crpl_8,
    crpl_9,
    crpl_10,
    crpl_19,
    crpl_20,
    crpl_23,
    crpl_24,
    crpl_25,
    crpl_26,
    crpl_44,
    crpl_48,
    crpl_55,
    crpl_56,
    periods,
    pql_41,
    pql_45,
    pql_46,
    samr_complaints,
)
from kb.rules.dsl import Deadline, Finding, Missing, NotApplicable, Rule

MODULES: tuple[ModuleType, ...] = (
    crpl_2, periods, crpl_23, civil_code_621, pql_46, pql_41, crpl_24, crpl_25, crpl_9, crpl_10, crpl_8,
    crpl_20, crpl_26, crpl_19, crpl_44, civil_code_584, crpl_48, crpl_56, civil_code_582, crpl_55, civil_code_188,
    pql_45, samr_complaints,
)

FINDING_ORDER = (
    "crpl24.return_7_days",
    "crpl24.repair_replace_in_warranty",
    "crpl24.repair_replace_after_warranty",
    "crpl24.return_after_failed_repairs",
    "crpl24.return_purpose_frustrated",
    "crpl24.costs",
    "crpl23.burden_of_proof",
    "crpl25.no_reason_return",
    "crpl9.right_to_refuse_offer",
    "crpl10.forced_transaction",
    "crpl10.unequal_treatment",
    "crpl8.policy_disclosure",
    "crpl20.unanswered_inquiry",
    "crpl26.warranty_exclusion_void",
    "crpl19.recall_duty",
    "pql41.producer_liability",
    "crpl44.platform_liability",
    "crpl55.fraud",
    "civil_code584.losses",
    "crpl48.refusal_liability",
    "crpl56.report_to_regulator",
    "civil_code582.contract_remedy",
)
NOT_APPLICABLE_ORDER = (
    "crpl8.policy_disclosure", "crpl10.fair_trade", "crpl24.remedies", "pql41.producer_liability",
    "crpl25.no_reason_return", "crpl55.fraud",
)
DEADLINE_ORDER = ("limitation.contract", "limitation.product_liability", "limitation.long_stop", "notice.quality_period",
                  "return.seven_days", "return.no_reason", "complaint.samr")


@dataclass(frozen=True)
class RuleBase:
    rules: tuple[Rule, ...]  # every inference step, findings and the rest compiled to rules
    findings: dict[str, Finding]
    not_applicable: dict[str, NotApplicable]
    deadlines: dict[str, Deadline]
    missing: tuple[Missing, ...]


def _tag(module: ModuleType, item):  # noqa: ANN001, ANN202 - any of the dataclasses above
    return replace(item, module=module.__name__.rsplit(".", 1)[-1])


@cache
def rulebase() -> RuleBase:
    rules: list[Rule] = []
    findings: dict[str, Finding] = {}
    nas: dict[str, NotApplicable] = {}
    deadlines: dict[str, Deadline] = {}
    missing: list[Missing] = []
    for m in MODULES:
        for r in getattr(m, "RULES", []):
            rules.append(_tag(m, r))
        for f in getattr(m, "FINDINGS", []):
            findings[f.id] = _tag(m, f)
        for n in getattr(m, "NOT_APPLICABLE", []):
            nas[n.id] = _tag(m, n)
        for d in getattr(m, "DEADLINES", []):
            deadlines[d.id] = _tag(m, d)
        for x in getattr(m, "MISSING", []):
            missing.append(_tag(m, x))
    assert set(findings) == set(FINDING_ORDER), set(findings) ^ set(FINDING_ORDER)
    assert set(nas) == set(NOT_APPLICABLE_ORDER), set(nas) ^ set(NOT_APPLICABLE_ORDER)
    assert set(deadlines) == set(DEADLINE_ORDER), set(deadlines) ^ set(DEADLINE_ORDER)
    for fid in FINDING_ORDER:
        rules.extend(findings[fid].rules())
    for nid in NOT_APPLICABLE_ORDER:
        rules.extend(nas[nid].rules())
    for did in DEADLINE_ORDER:
        rules.extend(deadlines[did].rules())
    rules.extend(x.rule(i) for i, x in enumerate(missing))
    return RuleBase(
        rules=tuple(rules),
        findings={fid: findings[fid] for fid in FINDING_ORDER},
        not_applicable={nid: nas[nid] for nid in NOT_APPLICABLE_ORDER},
        deadlines={did: deadlines[did] for did in DEADLINE_ORDER},
        missing=tuple(missing),
    )


@cache
def demand_bases() -> dict[str, str]:
    """For each demand code, the most any finding can give it (LEGAL_SPEC §2a): "right" where some finding
    gives it as of right, "request" where findings give it only as a settlement request, "none" where no
    finding gives it at all (an apology). The questionnaire says so beside its choices."""
    rights = {g.demand for f in rulebase().findings.values() for g in f.gives if g.basis == "right"}
    requests = {g.demand for f in rulebase().findings.values() for g in f.gives if g.basis == "request"}
    from engine.vocab import Demand

    return {str(d): "right" if d in rights else ("request" if d in requests else "none") for d in Demand}
