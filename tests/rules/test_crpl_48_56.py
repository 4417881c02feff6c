"""消保法第四十八条、第五十六条 (kb/rules/crpl_48.py, crpl_56.py): refusal liability and reporting."""

from tests.rules.helpers import OUT, REFUSAL, basis, strength, verdict


def test_refusal_liability_follows_the_claim_it_refuses() -> None:
    v = verdict(interactions=[REFUSAL])
    assert strength(v, "crpl48.refusal_liability") == "strong"
    assert strength(v, "crpl56.report_to_regulator") == "strong"
    assert v.finding("crpl56.report_to_regulator").cites == ["crpl:56", "crpl:39"]
    v = verdict(**OUT, interactions=[{**REFUSAL, "date": "2025-08-05"}])
    assert strength(v, "crpl48.refusal_liability") is None
    assert strength(v, "crpl56.report_to_regulator") is None


def test_refusal_gives_no_compensation_without_a_recorded_loss() -> None:
    """L1: 第四十八条 gives nothing of its own."""
    v = verdict(interactions=[REFUSAL], demands=["compensation"])
    assert v.finding("crpl48.refusal_liability").demands == []
    assert basis(v, "compensation") == "none"
    v = verdict(interactions=[REFUSAL], demands=["compensation"],
                losses=[{"kind": "shipping", "amount": 20.0, "evidence": True}])
    assert basis(v, "compensation") == "strong"  # through 民法典第五百八十四条


def test_refusal_liability_takes_the_strongest_claim() -> None:
    """R6: arguable after the warranty on reports, strong on a recall."""
    late = {**REFUSAL, "date": "2025-08-05"}
    v = verdict(**OUT, **{"fault.batch_evidence": "similar_reports", "fault.similar_reports": 12}, interactions=[late])
    assert strength(v, "crpl48.refusal_liability") == "arguable"
    v = verdict(**OUT, **{"fault.batch_evidence": "recall"}, interactions=[late])
    assert strength(v, "crpl48.refusal_liability") == "strong"
