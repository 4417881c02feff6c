"""消保法第二十四条 (kb/rules/crpl_24.py): return, replacement, repair — and what each finding gives (§2a)."""

import pytest

from tests.rules.helpers import BACK, OUT, REFUSAL, basis, comparator, na_ids, repair, strength, verdict


def test_return_within_seven_days() -> None:
    assert strength(verdict(**{"fault.first_noticed": "2024-05-27"}), "crpl24.return_7_days") == "strong"
    assert strength(verdict(**{"fault.first_noticed": "2024-05-28"}), "crpl24.return_7_days") is None


def test_seven_days_end_on_a_holiday_moves_and_the_safe_day_is_said() -> None:
    # Received 2025-09-24: the seventh day is 2025-10-01, National Day; the holiday runs to 10-08 (R1, L11).
    v = verdict(**{"purchase.date": "2025-09-24", "fault.first_noticed": "2025-10-08"})
    f = v.finding("crpl24.return_7_days")
    assert f.strength == "strong" and "2025-10-01" in f.explanation and "2025-10-09" in f.explanation
    v = verdict(**{"purchase.date": "2025-09-24", "fault.first_noticed": "2025-10-10"})
    assert strength(v, "crpl24.return_7_days") is None


def test_in_warranty_gives_repair_strong_and_a_same_model_replacement_arguable() -> None:
    v = verdict()
    assert strength(v, "crpl24.repair_replace_in_warranty") == "strong"
    assert basis(v, "free_repair") == "strong"
    assert basis(v, "free_replacement_same_model") == "arguable"  # 民法典582 “合理选择”
    assert basis(v, "refund") is None and basis(v, "free_replacement_newer_model") is None


@pytest.mark.parametrize("refused", [REFUSAL, BACK])
def test_a_refused_repair_opens_the_refund_at_most_arguable(refused: dict) -> None:
    """R13: 民法典第五百六十三条 — the business's refusal to perform lets the consumer end the contract."""
    v = verdict(interactions=[refused])
    assert basis(v, "refund") == "arguable"
    assert "civil_code:563" in v.finding("crpl24.repair_replace_in_warranty").cites
    assert basis(verdict(interactions=[{**BACK, "consumer_consented": True}]), "refund") is None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"fault.batch_evidence": "recall"}, "strong"),
        ({"fault.batch_evidence": "acknowledged"}, "strong"),
        ({"fault.batch_evidence": "similar_reports", "fault.similar_reports": 12}, "arguable"),  # L5
        ({"fault.batch_evidence": "similar_reports", "fault.similar_reports": 3}, "weak"),
        ({"fault.batch_evidence": "similar_reports"}, "weak"),
        ({}, None),
    ],
)
def test_after_warranty_strength_follows_what_the_business_knew(changes: dict, expected: str | None) -> None:
    v = verdict(**OUT, **changes)
    assert strength(v, "crpl24.repair_replace_after_warranty") == expected
    if expected is None:
        assert "crpl24.remedies" in na_ids(v)
    else:
        assert basis(v, "free_repair") == expected and basis(v, "free_replacement_same_model") == expected


@pytest.mark.parametrize("ratio", [0, 0.5])
def test_a_same_batch_comparator_free_or_paid_makes_after_warranty_arguable_only(ratio: float) -> None:
    """L5: only the business's own acknowledgement or recall makes it strong; the letter says 本人认为."""
    v = verdict(**OUT, comparators=[comparator(remedy="paid_repair", price_ratio=ratio)])
    f = v.finding("crpl24.repair_replace_after_warranty")
    assert f.strength == "arguable"
    assert "comparators[0].production_batch" in f.facts
    assert "本人认为" in f.application


def test_after_warranty_refund_depends_on_whether_the_model_can_be_supplied() -> None:
    base = {**OUT, "fault.batch_evidence": "recall"}
    assert basis(verdict(**base, **{"product.same_model_available": False}), "refund") == "arguable"
    v = verdict(**base)
    assert basis(v, "refund") == "request"
    assert "product.same_model_available" in {m.field for m in v.missing}
    assert basis(verdict(**base, **{"product.same_model_available": True}), "refund") is None


@pytest.mark.parametrize(
    "other",
    [
        {"production_batch": "2024-03"},  # another batch
        {"production_batch": None},  # unknown batch never matches
        {"model": "Band Y"},
        {"symptoms": ["screen_dead"]},  # no shared symptom
    ],
)
def test_only_same_model_same_batch_shared_symptom_comparators_count(other: dict) -> None:
    v = verdict(**OUT, comparators=[comparator(**other)])
    assert strength(v, "crpl24.repair_replace_after_warranty") is None
    assert strength(v, "crpl10.unequal_treatment") is None


def test_unknown_own_batch_is_asked_for_when_comparators_exist() -> None:
    v = verdict(**OUT, **{"product.production_batch": None}, comparators=[comparator()])
    assert "product.production_batch" in {m.field for m in v.missing}


def test_model_names_compare_without_spacing_or_case() -> None:
    v = verdict(**OUT, comparators=[comparator(model="band  x")])
    assert strength(v, "crpl24.repair_replace_after_warranty") == "arguable"


def test_two_failed_repairs_open_the_return() -> None:
    v = verdict(interactions=[repair("2024-09-05", False), repair("2024-10-05", False)])
    assert strength(v, "crpl24.return_after_failed_repairs") == "strong"
    assert basis(v, "refund") == "strong"
    assert "civil_code:563" in v.finding("crpl24.return_after_failed_repairs").cites
    v = verdict(interactions=[repair("2024-09-05", False), repair("2024-10-05", True)])
    assert strength(v, "crpl24.return_after_failed_repairs") is None


SAFETY = {"fault.symptoms": ["battery_swelling"]}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({**SAFETY, "fault.batch_evidence": "recall"}, "strong"),
        ({**SAFETY, "harm.personal_injury": True}, "arguable"),
        ({**SAFETY, **OUT, "fault.batch_evidence": "recall"}, "strong"),  # after the warranty, inherent via the recall
        ({**SAFETY}, None),  # a danger without harm or recall: repair, not return
        ({"fault.symptoms": ["screen_dead"], "fault.batch_evidence": "recall"}, None),  # no safety defect
        ({**SAFETY, **OUT, "harm.personal_injury": True}, None),  # out of warranty, nothing shows it inherent
    ],
)
def test_a_device_that_endangers_its_user_defeats_the_contract_purpose(changes: dict, expected: str | None) -> None:
    """L14: 民法典第六百一十条、第五百六十三条第一款第四项 open 第二十四条's return after seven days."""
    v = verdict(**changes)
    assert strength(v, "crpl24.return_purpose_frustrated") == expected
    if expected:
        assert {"civil_code:610", "civil_code:563"} <= set(v.finding("crpl24.return_purpose_frustrated").cites)
        assert basis(v, "refund") == expected


def test_costs_follow_the_strongest_claim_they_rest_on() -> None:
    assert strength(verdict(), "crpl24.costs") == "strong"
    assert basis(verdict(), "costs") == "strong"
    weak = verdict(**OUT, **{"fault.batch_evidence": "similar_reports"})
    assert strength(weak, "crpl24.costs") == "weak"
    assert strength(verdict(**OUT), "crpl24.costs") is None


def test_no_newer_model_as_of_right_anywhere_in_article_24() -> None:
    v = verdict(**OUT, **{"fault.batch_evidence": "recall"}, demands=["free_replacement_newer_model"])
    assert basis(v, "free_replacement_newer_model") == "none"
    for f in v.findings:
        assert "free_replacement_newer_model" not in f.demands


def test_the_seven_day_return_has_its_safe_day_and_the_moved_day_as_an_argument() -> None:
    """L11: received 2025-09-24, the seventh day 2025-10-01 is National Day; the holiday moves it to 10-09."""
    v = verdict(**{"purchase.date": "2025-09-24", "fault.first_noticed": "2025-09-26", "product.production_batch": None})
    d = next(d for d in v.deadlines if d.id == "return.seven_days")
    assert d.date.isoformat() == "2025-10-01"
    assert [(a.id, a.date.isoformat()) for a in d.arguments] == [("return.seven_days.moved", "2025-10-09")]
    assert "return.seven_days" not in {d.id for d in verdict().deadlines}
