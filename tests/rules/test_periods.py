"""民法典第二百零一条至第二百零三条 (kb/rules/periods.py): the warranty, the seven days, the six months."""

from tests.rules.helpers import strength, verdict


def test_in_warranty_up_to_and_including_the_last_day() -> None:
    assert strength(verdict(**{"fault.first_noticed": "2025-05-20"}), "crpl24.repair_replace_in_warranty") == "strong"
    v = verdict(**{"fault.first_noticed": "2025-05-21"})
    assert strength(v, "crpl24.repair_replace_in_warranty") is None
    assert v.case.in_warranty is False


def test_warranty_counts_month_ends() -> None:
    # 2024-01-31 + 1 month ends on 2024-02-29 (民法典第二百零二条), never moved.
    case = {"purchase.date": "2024-01-31", "purchase.warranty_months": 1, "product.production_batch": "2024-01"}
    assert verdict(**case, **{"fault.first_noticed": "2024-02-29"}).case.in_warranty is True
    assert verdict(**case, **{"fault.first_noticed": "2024-03-01"}).case.in_warranty is False


def test_six_month_window_serves_only_a_consumer_and_a_covered_category() -> None:
    """L3: for 'other' goods, or a company buyer, the six months shift no burden and presume nothing."""
    assert strength(verdict(**{"product.category": "other"}), "crpl23.burden_of_proof") is None
    # Out of a one-month warranty but within six months, the service alleging user damage: the window keeps
    # the fault disputed for a band, while for 'other' goods nothing shifts the burden and the claim falls.
    disputed = {"fault.service_inspection": "user_damage", "purchase.warranty_months": 1}
    assert strength(verdict(**disputed), "crpl24.repair_replace_after_warranty") is not None
    v = verdict(**disputed, **{"product.category": "other"})
    assert not [f for f in v.findings if f.id.startswith("crpl24")]
