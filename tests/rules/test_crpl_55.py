"""消保法第五十五条 (kb/rules/crpl_55.py): a used, refurbished or counterfeit unit sold as new."""

import pytest

from tests.rules.helpers import REFUSAL, basis, na_ids, strength, verdict

SOLD = {"version": 2, "demands": ["refund", "compensation"], "fault.symptoms": []}


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [("authority_finding", "strong"), ("activation_record", "arguable"), ("official_inspection", "arguable"),
     ("none", None)],
)
def test_fraud_by_its_evidence(evidence: str, expected: str | None) -> None:
    v = verdict(**SOLD, **{"product.found_condition": "used", "product.condition_evidence": evidence})
    assert strength(v, "crpl55.fraud") == expected
    if expected:
        assert basis(v, "refund") == expected and basis(v, "compensation") == expected  # R11: 退一赔三
    else:
        assert "crpl55.fraud" in na_ids(v)


def test_no_fraud_when_sold_as_what_it_was() -> None:
    v = verdict(**SOLD, **{"purchase.sold_as": "refurbished", "product.found_condition": "refurbished",
                           "product.condition_evidence": "activation_record"})
    assert strength(v, "crpl55.fraud") is None


def test_a_refused_return_of_goods_sold_by_fraud_is_a_refusal() -> None:
    v = verdict(**SOLD, **{"product.found_condition": "counterfeit", "product.condition_evidence": "activation_record"},
                interactions=[REFUSAL])
    assert strength(v, "crpl48.refusal_liability") == "arguable"


def test_fraud_is_explained_when_compensation_is_demanded() -> None:
    v = verdict(demands=["compensation"])
    assert "crpl55.fraud" in na_ids(v)
    assert "crpl55.fraud" not in na_ids(verdict(demands=["free_repair"]))


@pytest.mark.parametrize(("price", "amount"), [(4999.0, 14997.0), (100.0, 500.0), (166.0, 500.0), (167.0, 501.0)])
def test_increased_compensation_is_three_times_the_price_and_at_least_500(price: float, amount: float) -> None:
    """The figure the fraud letter asks for: three times the price, and 500 元 where that is less (crpl:55)."""
    from kb.rules.crpl_55 import increased_compensation

    assert increased_compensation(price) == amount
