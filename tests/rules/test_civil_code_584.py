"""民法典第五百八十四条 (kb/rules/civil_code_584.py): losses, each with its amount."""

from tests.rules.helpers import OUT, REFUSAL, basis, strength, verdict

LOSS = {"kind": "shipping", "amount": 23.0, "date": "2024-09-06"}


def test_losses_with_a_receipt_are_strong_without_arguable() -> None:
    v = verdict(version=2, losses=[{**LOSS, "evidence": True}])
    f = v.finding("civil_code584.losses")
    assert f.strength == "strong" and {"civil_code:577", "civil_code:584", "crpl:52"} <= set(f.cites)
    assert basis(v, "compensation") == "strong"
    assert [(x.kind, x.amount) for x in v.losses] == [("shipping", 23.0)]
    assert strength(verdict(version=2, losses=[{**LOSS, "evidence": False}]), "civil_code584.losses") == "arguable"


def test_losses_are_never_stronger_than_the_claim_they_rest_on() -> None:
    """R5."""
    weak = {**OUT, "fault.batch_evidence": "similar_reports"}
    assert strength(verdict(**weak, version=2, losses=[{**LOSS, "evidence": True}]), "civil_code584.losses") == "weak"
    disputed = {"fault.first_noticed": "2025-02-10", "fault.service_inspection": "user_damage"}
    assert strength(verdict(**disputed, version=2, losses=[{**LOSS, "evidence": True}]), "civil_code584.losses") == "arguable"


def test_no_losses_finding_without_a_claim_to_rest_on() -> None:
    v = verdict(**{"fault.cause": "user_damage"}, interactions=[REFUSAL], version=2, losses=[{**LOSS, "evidence": True}])
    assert strength(v, "civil_code584.losses") is None


def test_a_company_buyer_claims_losses_without_the_consumer_law() -> None:
    f = verdict(**{"purchase.for_personal_use": False}, version=2, losses=[{**LOSS, "evidence": True}]).finding(
        "civil_code584.losses")
    assert f.strength == "strong" and "crpl:52" not in f.cites
