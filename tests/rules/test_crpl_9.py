"""消保法第九条 (kb/rules/crpl_9.py): the right to refuse a paid offer — it protects, it gives nothing."""

from tests.rules.helpers import basis, offer, strength, verdict


def test_right_to_refuse_a_paid_offer() -> None:
    assert strength(verdict(interactions=[offer(0.5, accepted=False)]), "crpl9.right_to_refuse_offer") == "strong"
    assert strength(verdict(interactions=[offer(0.5)]), "crpl9.right_to_refuse_offer") == "strong"
    assert strength(verdict(interactions=[offer(0.5, accepted=True)]), "crpl9.right_to_refuse_offer") is None
    assert strength(verdict(interactions=[offer(0, remedy="free_repair")]), "crpl9.right_to_refuse_offer") is None


def test_an_offer_of_unknown_price_that_is_not_free_is_a_paid_offer() -> None:
    """L9: a blank price is 0 only for a free remedy; a paid repair of unknown price is not free."""
    assert strength(verdict(interactions=[offer(None, remedy="paid_repair")]), "crpl9.right_to_refuse_offer") == "strong"
    assert strength(verdict(interactions=[offer(None, remedy="free_repair")]), "crpl9.right_to_refuse_offer") is None
    assert strength(verdict(interactions=[offer(None, remedy="none")]), "crpl9.right_to_refuse_offer") is None


def test_article_9_gives_no_repair_of_its_own() -> None:
    from tests.rules.helpers import OUT
    v = verdict(**OUT, interactions=[offer(0.5, accepted=False, date="2025-08-05")])
    assert strength(v, "crpl9.right_to_refuse_offer") == "strong"
    assert v.finding("crpl9.right_to_refuse_offer").demands == []
    assert basis(v, "free_repair") == "none"  # asked for (the base case demands it); nothing gives it
