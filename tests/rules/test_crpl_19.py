"""消保法第十九条 (kb/rules/crpl_19.py): the recall duty gives measures, and costs only once a recall exists."""

import pytest

from tests.rules.helpers import basis, strength, verdict


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"fault.symptoms": ["abnormal_heat"], "fault.batch_evidence": "recall"}, "strong"),
        ({"fault.symptoms": ["battery_swelling"], "fault.batch_evidence": "similar_reports", "fault.similar_reports": 10}, "arguable"),
        ({"fault.symptoms": ["abnormal_heat"]}, None),
        ({"fault.symptoms": ["touch_unresponsive"], "fault.batch_evidence": "recall"}, None),
    ],
)
def test_recall_duty_for_a_dangerous_defect_the_business_knew(changes: dict, expected: str | None) -> None:
    assert strength(verdict(**changes), "crpl19.recall_duty") == expected


def test_recall_gives_measures_and_costs_but_no_refund() -> None:
    v = verdict(**{"fault.symptoms": ["abnormal_heat"], "fault.batch_evidence": "recall"})
    assert set(v.finding("crpl19.recall_duty").demands) == {"recall_measures", "recall_costs"}
    v = verdict(**{"fault.symptoms": ["abnormal_heat"], "fault.batch_evidence": "acknowledged"})
    assert v.finding("crpl19.recall_duty").demands == ["recall_measures"]  # R14: no recall, no recall costs
    assert basis(v, "recall_costs") is None
