"""消保法第八条、第二十条、第二十六条 (kb/rules/crpl_8.py, crpl_20.py, crpl_26.py)."""

from tests.rules.helpers import OUT, basis, strength, verdict


def test_policy_disclosure_with_a_quality_fault() -> None:
    v = verdict()
    assert strength(v, "crpl8.policy_disclosure") == "strong"
    assert basis(v, "policy_disclosure") == "strong"


def test_unanswered_inquiry() -> None:
    ask = {"date": "2024-09-20", "party": "客服", "kind": "inquiry", "topic": "policy_document"}
    assert strength(verdict(interactions=[{**ask, "answered": False}]), "crpl20.unanswered_inquiry") == "arguable"
    assert strength(verdict(interactions=[{**ask, "answered": True}]), "crpl20.unanswered_inquiry") is None
    assert strength(verdict(interactions=[ask]), "crpl20.unanswered_inquiry") is None


def test_blanket_out_of_warranty_refusal_of_an_inherent_defect() -> None:
    refusal = {"date": "2025-08-05", "party": "售后", "kind": "refusal", "note": "过保不予处理"}
    v = verdict(**OUT, **{"fault.batch_evidence": "similar_reports", "fault.similar_reports": 15}, interactions=[refusal])
    assert strength(v, "crpl26.warranty_exclusion_void") == "arguable"
    assert v.finding("crpl26.warranty_exclusion_void").demands == []  # it voids the exclusion, gives nothing itself
    assert strength(v, "crpl48.refusal_liability") == "arguable"
    assert strength(verdict(interactions=[{**refusal, "date": "2024-09-05"}]), "crpl26.warranty_exclusion_void") is None
