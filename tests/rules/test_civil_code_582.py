"""民法典第五百八十二条 (kb/rules/civil_code_582.py): contract remedies for a buyer outside the consumer law."""

import pytest

from tests.rules.helpers import OUT, basis, strength, verdict


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "strong"),
        (OUT, "weak"),
        ({**OUT, "fault.batch_evidence": "acknowledged"}, "arguable"),
    ],
)
def test_contract_remedy_for_a_business_buyer(changes: dict, expected: str) -> None:
    v = verdict(**{"purchase.for_personal_use": False}, **changes)
    assert strength(v, "civil_code582.contract_remedy") == expected
    for code in ("free_repair", "free_replacement_same_model", "refund", "price_reduction"):
        assert basis(v, code) == expected


def test_contract_remedy_is_for_business_buyers_only() -> None:
    assert strength(verdict(), "civil_code582.contract_remedy") is None
