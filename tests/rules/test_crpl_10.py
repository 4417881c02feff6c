"""消保法第十条 (kb/rules/crpl_10.py): forced dealing and unequal treatment."""

import pytest

from tests.rules.helpers import BACK, OUT, basis, comparator, na_ids, offer, strength, verdict


def test_forced_dealing_by_a_conditional_refusal_on_a_paid_offer() -> None:
    v = verdict(interactions=[offer(0.6, accepted=False, conditional_refusal=True)])
    f = v.finding("crpl10.forced_transaction")
    assert f.strength == "strong"  # as strong as the in-warranty repair claim it presses on (L7)
    assert f.cites == ["crpl:10", "crpl:9", "crpl:16"]
    assert "interactions[0].conditional_refusal" in f.facts
    assert f.demands == []  # §2a: nothing of its own
    assert strength(v, "crpl56.report_to_regulator") is None  # 第五十六条 follows 第四十八条 only


def test_forced_dealing_takes_the_repair_claims_strength_and_never_falls_below_arguable() -> None:
    """R4."""
    forced = [offer(0.6, accepted=False, conditional_refusal=True, date="2025-08-05")]
    assert strength(verdict(**OUT, **{"fault.batch_evidence": "similar_reports", "fault.similar_reports": 12},
                            interactions=forced), "crpl10.forced_transaction") == "arguable"
    assert strength(verdict(**OUT, interactions=forced), "crpl10.forced_transaction") == "arguable"


def test_a_free_offer_is_never_forced_dealing() -> None:
    """L4: nothing is sold."""
    v = verdict(interactions=[offer(0, remedy="free_repair", accepted=False, conditional_refusal=True)])
    assert strength(v, "crpl10.forced_transaction") is None
    assert "crpl10.fair_trade" in na_ids(v)


def test_returning_unrepaired_after_a_declined_paid_offer_is_a_refusal_not_forced_dealing() -> None:
    """L4: it counts for 第四十八条."""
    v = verdict(interactions=[offer(0.6, accepted=False), BACK])
    assert strength(v, "crpl10.forced_transaction") is None
    assert strength(v, "crpl48.refusal_liability") == "strong"


def test_unequal_treatment_by_price_for_a_different_service_does_not_cite_the_regulations() -> None:
    """L6, R3: a free newer model and a trade-in to another model are not the same remedy."""
    v = verdict(**OUT, interactions=[offer(0.5, accepted=False, target_model="Band Y")],
                comparators=[comparator(target_model="Band Z")])
    f = v.finding("crpl10.unequal_treatment")
    assert f.strength == "arguable" and "crpl_regs:9" not in f.cites
    assert "同一商品、同等条件设置了不同的收费" not in f.application
    assert basis(v, "equal_treatment") == "arguable"
    assert basis(v, "free_replacement_newer_model") == "request"  # never a right


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        (offer(0.5, remedy="paid_repair"), comparator(remedy="paid_repair", price_ratio=0.2)),
        (offer(0.5, remedy="paid_repair"), comparator(remedy="free_repair")),
        (offer(0.6, target_model="Band Y"), comparator(remedy="discounted_trade_in", target_model="Band Y", price_ratio=0.3)),
        (offer(0.6), comparator(remedy="discounted_trade_in", target_model="Band Y", price_ratio=0.3)),  # mine unknown
    ],
)
def test_the_same_remedy_at_a_lower_price_opens_the_regulations(mine: dict, theirs: dict) -> None:
    v = verdict(**OUT, interactions=[{**mine, "date": "2025-08-05"}], comparators=[theirs])
    f = v.finding("crpl10.unequal_treatment")
    assert "crpl_regs:9" in f.cites and "同一服务" in f.application


def test_unequal_treatment_when_offered_nothing() -> None:
    v = verdict(**OUT, comparators=[comparator(remedy="free_repair")])
    f = v.finding("crpl10.unequal_treatment")
    assert f.strength == "arguable" and "crpl_regs:9" not in f.cites
    assert basis(v, "free_replacement_newer_model") is None


def test_no_unequal_treatment_when_the_comparator_paid_more_or_got_nothing() -> None:
    v = verdict(**OUT, interactions=[offer(0.3, accepted=False)],
                comparators=[comparator(remedy="discounted_trade_in", price_ratio=0.6)])
    assert strength(v, "crpl10.unequal_treatment") is None
    v = verdict(**OUT, comparators=[comparator(remedy="none")])  # R9: told of the fault, treated no better
    assert strength(v, "crpl10.unequal_treatment") is None
    assert strength(v, "crpl24.repair_replace_after_warranty") == "arguable"


def test_unequal_treatment_needs_a_fault_of_ones_own() -> None:
    """R8."""
    v = verdict(**{"fault.cause": "user_damage"}, comparators=[comparator(remedy="free_repair")])
    assert strength(v, "crpl10.unequal_treatment") is None


def test_a_paid_offer_of_unknown_price_is_an_offer_not_nothing() -> None:
    v = verdict(**OUT, interactions=[offer(None, remedy="paid_repair")], comparators=[comparator(remedy="free_repair")])
    assert strength(v, "crpl10.unequal_treatment") is None
    assert "interactions.price_ratio" in {m.field for m in v.missing}


def test_nothing_under_article_ten_is_explained() -> None:
    assert "crpl10.fair_trade" in na_ids(verdict())
