"""消保法第二十三条 (kb/rules/crpl_23.py): nonconformity and its grade; the six-month burden."""

import pytest

from tests.rules.helpers import LATE_IN, OUT, strength, verdict


@pytest.mark.parametrize(("category", "expected"), [("computer", "strong"), ("tv", "strong"), ("appliance", "strong"),
                                                    ("phone", "arguable"), ("earphones", "arguable"), ("other", None)])
def test_burden_of_proof_within_six_months(category: str, expected: str | None) -> None:
    assert strength(verdict(**{"product.category": category}), "crpl23.burden_of_proof") == expected


def test_no_burden_shift_after_six_months() -> None:
    assert strength(verdict(**LATE_IN, **{"product.category": "computer"}), "crpl23.burden_of_proof") is None


def test_alleged_user_damage_in_warranty_caps_at_arguable() -> None:
    v = verdict(**LATE_IN, **{"fault.service_inspection": "user_damage"})
    assert strength(v, "crpl24.repair_replace_in_warranty") == "arguable"
    assert strength(v, "crpl8.policy_disclosure") == "strong"  # 第八条 is not capped


@pytest.mark.parametrize("batch", ["acknowledged", "recall", "similar_reports"])
def test_user_damage_inspection_disputes_the_cause_whatever_the_batch_evidence(batch: str) -> None:
    """L2: batch evidence is about the batch, the inspection about this unit."""
    v = verdict(**LATE_IN, **{"fault.service_inspection": "user_damage", "fault.batch_evidence": batch,
                              "fault.similar_reports": 30})
    f = v.finding("crpl24.repair_replace_in_warranty")
    assert f.strength == "arguable" and "人为损坏" in f.explanation


def test_alleged_user_damage_on_a_computer_within_six_months_stays_strong() -> None:
    v = verdict(**{"product.category": "computer", "fault.service_inspection": "user_damage"})
    assert strength(v, "crpl23.burden_of_proof") == "strong"
    assert strength(v, "crpl24.repair_replace_in_warranty") == "strong"


@pytest.mark.parametrize("batch", ["similar_reports", "acknowledged"])
def test_alleged_user_damage_outside_both_windows_defeats_the_claim(batch: str) -> None:
    v = verdict(**OUT, **{"fault.service_inspection": "user_damage", "fault.batch_evidence": batch,
                          "fault.similar_reports": 30})
    assert not [f for f in v.findings if f.id.startswith("crpl24")]
    assert "fault.service_inspection" in {m.field for m in v.missing}
    assert "独立检测" in next(n.why for n in v.not_applicable if n.id == "crpl24.remedies")


def test_user_damage_is_no_quality_fault() -> None:
    from tests.rules.helpers import na_ids
    v = verdict(**{"fault.cause": "user_damage"})
    assert v.findings == []
    assert {"crpl8.policy_disclosure", "crpl10.fair_trade", "crpl24.remedies", "pql41.producer_liability"} <= na_ids(v)
