"""Each finding of LEGAL_SPEC §2, positive and negative, through the engine API.

The base case (tests/conftest.py BASE_CASE) is a band bought 2024-05-20 with a 12-month warranty and a
fault noticed 2024-09-02 in normal use; each test changes only what its finding turns on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from engine.assess import assess
from engine.case import parse_case
from engine.verdict import Verdict
from tests.conftest import make_case

AS_OF = dt.date(2025, 12, 31)
OUT = {"fault.first_noticed": "2025-08-02"}  # after the warranty (ended 2025-05-20), past six months
LATE_IN = {"fault.first_noticed": "2025-02-10"}  # in warranty, past six months


def verdict(**changes: Any) -> Verdict:
    return assess(parse_case(make_case(**changes), as_of=AS_OF), AS_OF)


def strength(v: Verdict, fid: str) -> str | None:
    f = v.finding(fid)
    return f.strength if f else None


def na_ids(v: Verdict) -> set[str]:
    return {n.id for n in v.not_applicable}


def deadline(v: Verdict, did: str) -> str | None:
    return next((d.date for d in v.deadlines if d.id == did), None)


# ---------------------------------------------------------------- scope (消保法第二条)

def test_business_purchase_leaves_the_consumer_law_out() -> None:
    v = verdict(**{"purchase.for_personal_use": False})
    assert not [f for f in v.findings if f.id.startswith("crpl")]
    assert strength(v, "civil_code582.contract_remedy") == "strong"
    assert {"crpl8.policy_disclosure", "crpl10.fair_trade", "crpl24.remedies"} <= na_ids(v)
    assert any("生活消费" in n for n in v.notes)


def test_unknown_purpose_asks_for_it() -> None:
    v = verdict(**{"purchase.for_personal_use": None})
    assert not v.findings
    assert "purchase.for_personal_use" in {m.field for m in v.missing}
    assert "尚不清楚是否为生活消费" in next(n.why for n in v.not_applicable if n.id == "crpl24.remedies")


# ---------------------------------------------------------------- 消保法第二十四条

def test_return_within_seven_days() -> None:
    assert strength(verdict(**{"fault.first_noticed": "2024-05-27"}), "crpl24.return_7_days") == "strong"
    assert strength(verdict(**{"fault.first_noticed": "2024-05-28"}), "crpl24.return_7_days") is None


def test_seven_days_end_on_a_holiday_moves_to_the_next_working_day() -> None:
    # Received 2025-09-24: the seventh day is 2025-10-01, National Day; the holiday runs to 10-08.
    v = verdict(**{"purchase.date": "2025-09-24", "fault.first_noticed": "2025-10-08"})
    assert strength(v, "crpl24.return_7_days") == "strong"
    v = verdict(**{"purchase.date": "2025-09-24", "fault.first_noticed": "2025-10-10"})
    assert strength(v, "crpl24.return_7_days") is None


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


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"fault.batch_evidence": "recall"}, "strong"),
        ({"fault.batch_evidence": "acknowledged"}, "strong"),
        ({"fault.batch_evidence": "similar_reports", "fault.similar_reports": 12}, "arguable"),
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


def comparator(**kw: Any) -> dict[str, Any]:
    return {"model": "Band X", "production_batch": "2024-04", "symptoms": ["touch_unresponsive"],
            "remedy": "free_replacement_newer_model", "price_ratio": 0, **kw}


def test_free_remedy_for_a_same_batch_comparator_makes_after_warranty_strong() -> None:
    v = verdict(**OUT, comparators=[comparator()])
    assert strength(v, "crpl24.repair_replace_after_warranty") == "strong"
    assert "comparators[0].production_batch" in v.finding("crpl24.repair_replace_after_warranty").facts


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
    assert strength(v, "crpl24.repair_replace_after_warranty") == "strong"


def repair(date: str, fixed: bool) -> dict[str, Any]:
    return {"date": date, "party": "售后", "kind": "repair", "remedy": "free_repair", "price_ratio": 0, "fixed": fixed}


def test_two_failed_repairs_open_the_return() -> None:
    v = verdict(interactions=[repair("2024-09-05", False), repair("2024-10-05", False)])
    assert strength(v, "crpl24.return_after_failed_repairs") == "strong"
    assert "civil_code:563" in v.finding("crpl24.return_after_failed_repairs").cites
    v = verdict(interactions=[repair("2024-09-05", False), repair("2024-10-05", True)])
    assert strength(v, "crpl24.return_after_failed_repairs") is None


def test_costs_follow_the_claim_they_rest_on() -> None:
    assert strength(verdict(), "crpl24.costs") == "strong"
    weak = verdict(**OUT, **{"fault.batch_evidence": "similar_reports"})
    assert strength(weak, "crpl24.costs") == "weak"
    assert strength(verdict(**OUT), "crpl24.costs") is None


# ---------------------------------------------------------------- disputed nonconformity (LEGAL_SPEC caps)

def test_alleged_user_damage_in_warranty_caps_at_arguable() -> None:
    v = verdict(**LATE_IN, **{"fault.service_inspection": "user_damage"})
    assert strength(v, "crpl24.repair_replace_in_warranty") == "arguable"
    assert strength(v, "crpl8.policy_disclosure") == "strong"  # 第八条 is not capped


def test_alleged_user_damage_on_a_computer_within_six_months_stays_strong() -> None:
    v = verdict(**{"product.category": "computer", "fault.service_inspection": "user_damage"})
    assert strength(v, "crpl23.burden_of_proof") == "strong"
    assert strength(v, "crpl24.repair_replace_in_warranty") == "strong"


def test_alleged_user_damage_outside_both_windows_defeats_the_claim() -> None:
    v = verdict(**OUT, **{"fault.service_inspection": "user_damage", "fault.batch_evidence": "similar_reports",
                          "fault.similar_reports": 30})
    assert not [f for f in v.findings if f.id.startswith("crpl24")]
    assert "fault.service_inspection" in {m.field for m in v.missing}
    assert "独立检测" in next(n.why for n in v.not_applicable if n.id == "crpl24.remedies")


def test_user_damage_is_no_quality_fault() -> None:
    v = verdict(**{"fault.cause": "user_damage"})
    assert v.findings == []
    assert {"crpl8.policy_disclosure", "crpl10.fair_trade", "crpl24.remedies", "pql41.producer_liability"} <= na_ids(v)


# ---------------------------------------------------------------- 消保法第二十三条第三款

@pytest.mark.parametrize(("category", "expected"), [("computer", "strong"), ("tv", "strong"), ("appliance", "strong"),
                                                    ("phone", "arguable"), ("earphones", "arguable"), ("other", None)])
def test_burden_of_proof_within_six_months(category: str, expected: str | None) -> None:
    assert strength(verdict(**{"product.category": category}), "crpl23.burden_of_proof") == expected


def test_no_burden_shift_after_six_months() -> None:
    assert strength(verdict(**LATE_IN, **{"product.category": "computer"}), "crpl23.burden_of_proof") is None


# ---------------------------------------------------------------- 第九条、第十条

def offer(ratio: float, **kw: Any) -> dict[str, Any]:
    return {"date": "2024-09-10", "party": "售后", "kind": "offer", "remedy": "discounted_trade_in",
            "price_ratio": ratio, **kw}


def test_right_to_refuse_a_paid_offer() -> None:
    assert strength(verdict(interactions=[offer(0.5, accepted=False)]), "crpl9.right_to_refuse_offer") == "strong"
    assert strength(verdict(interactions=[offer(0.5)]), "crpl9.right_to_refuse_offer") == "strong"
    assert strength(verdict(interactions=[offer(0.5, accepted=True)]), "crpl9.right_to_refuse_offer") is None
    assert strength(verdict(interactions=[offer(0, remedy="free_repair")]), "crpl9.right_to_refuse_offer") is None


def test_forced_dealing_by_conditional_refusal() -> None:
    v = verdict(interactions=[offer(0.6, accepted=False, conditional_refusal=True)])
    f = v.finding("crpl10.forced_transaction")
    assert f.strength == "strong" and f.cites == ["crpl:10", "crpl:9", "crpl:16"]
    assert "interactions[0].conditional_refusal" in f.facts
    assert strength(v, "crpl56.report_to_regulator") == "strong"


def test_forced_dealing_by_returning_unrepaired_after_a_declined_offer() -> None:
    back = {"date": "2024-09-15", "party": "售后", "kind": "return_unrepaired"}
    assert strength(verdict(interactions=[offer(0.6, accepted=False), back]), "crpl10.forced_transaction") == "strong"
    consented = {**back, "consumer_consented": True}
    assert strength(verdict(interactions=[offer(0.6, accepted=False), consented]), "crpl10.forced_transaction") is None
    assert strength(verdict(interactions=[offer(0.6, accepted=True), back]), "crpl10.forced_transaction") is None


def test_unequal_treatment_by_price_cites_the_regulations() -> None:
    v = verdict(**OUT, interactions=[offer(0.5, accepted=False)], comparators=[comparator()])
    f = v.finding("crpl10.unequal_treatment")
    assert f.strength == "arguable"
    assert "crpl_regs:9" in f.cites and "free_replacement_newer_model" in f.demands


def test_unequal_treatment_when_offered_nothing_does_not_cite_price_rules() -> None:
    v = verdict(**OUT, comparators=[comparator(remedy="free_repair")])
    f = v.finding("crpl10.unequal_treatment")
    assert f.strength == "arguable" and "crpl_regs:9" not in f.cites
    assert "free_replacement_newer_model" not in f.demands


def test_no_unequal_treatment_when_the_comparator_paid_more() -> None:
    v = verdict(**OUT, interactions=[offer(0.3, accepted=False)], comparators=[comparator(remedy="discounted_trade_in", price_ratio=0.6)])
    assert strength(v, "crpl10.unequal_treatment") is None


def test_nothing_under_article_ten_is_explained() -> None:
    v = verdict()
    assert "crpl10.fair_trade" in na_ids(v)


# ---------------------------------------------------------------- 第八条、第二十条、第二十六条、第十九条

def test_policy_disclosure_with_a_quality_fault() -> None:
    assert strength(verdict(), "crpl8.policy_disclosure") == "strong"


def test_unanswered_inquiry() -> None:
    ask = {"date": "2024-09-20", "party": "客服", "kind": "inquiry", "topic": "policy_document"}
    assert strength(verdict(interactions=[{**ask, "answered": False}]), "crpl20.unanswered_inquiry") == "arguable"
    assert strength(verdict(interactions=[{**ask, "answered": True}]), "crpl20.unanswered_inquiry") is None
    assert strength(verdict(interactions=[ask]), "crpl20.unanswered_inquiry") is None


def test_blanket_out_of_warranty_refusal_of_an_inherent_defect() -> None:
    refusal = {"date": "2025-08-05", "party": "售后", "kind": "refusal", "note": "过保不予处理"}
    v = verdict(**OUT, **{"fault.batch_evidence": "similar_reports", "fault.similar_reports": 15}, interactions=[refusal])
    assert strength(v, "crpl26.warranty_exclusion_void") == "arguable"
    assert strength(v, "crpl48.refusal_liability") == "arguable"
    in_warranty = {**refusal, "date": "2024-09-05"}
    assert strength(verdict(interactions=[in_warranty]), "crpl26.warranty_exclusion_void") is None


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


# ---------------------------------------------------------------- 产品质量法第四十一条

def test_producer_liability_for_an_injury() -> None:
    v = verdict(**{"fault.symptoms": ["abnormal_heat"], "harm.personal_injury": True})
    f = v.finding("pql41.producer_liability")
    assert f.strength == "strong"
    assert {"pql:41", "pql:46", "civil_code:1202", "civil_code:1203", "crpl:40"} <= set(f.cites)
    assert deadline(v, "limitation.product_liability") == "2026-09-02"  # two years from 2024-09-02 (a Wednesday)
    assert deadline(v, "limitation.long_stop") == "2034-05-22"  # 2034-05-20 is a Saturday


def test_producer_liability_for_a_business_buyer_does_not_cite_the_consumer_law() -> None:
    v = verdict(**{"purchase.for_personal_use": False, "harm.other_property_damage": True})
    assert "crpl:40" not in v.finding("pql41.producer_liability").cites


def test_no_harm_means_article_41_does_not_apply_and_says_why() -> None:
    v = verdict()
    na = next(n for n in v.not_applicable if n.id == "pql41.producer_liability")
    assert "第二十四条" in na.why and na.cites == ["pql:41"]
    assert deadline(v, "limitation.product_liability") is None


def test_unknown_harm_with_heat_is_asked_for() -> None:
    v = verdict(**{"fault.symptoms": ["abnormal_heat"], "harm.personal_injury": None})
    assert "harm.personal_injury" in {m.field for m in v.missing}
    assert "pql41.producer_liability" in na_ids(v)


# ---------------------------------------------------------------- 第四十八条、第五十六条

def test_refusal_liability_follows_the_article_24_claim() -> None:
    refusal = {"date": "2024-09-05", "party": "售后", "kind": "refusal"}
    v = verdict(interactions=[refusal])
    assert strength(v, "crpl48.refusal_liability") == "strong"
    assert strength(v, "crpl56.report_to_regulator") == "strong"
    assert v.finding("crpl56.report_to_regulator").cites == ["crpl:56", "crpl:39"]
    v = verdict(**OUT, interactions=[{**refusal, "date": "2025-08-05"}])
    assert strength(v, "crpl48.refusal_liability") is None
    assert strength(v, "crpl56.report_to_regulator") is None


# ---------------------------------------------------------------- 民法典第五百八十二条

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


def test_contract_remedy_is_for_business_buyers_only() -> None:
    assert strength(verdict(), "civil_code582.contract_remedy") is None


# ---------------------------------------------------------------- 第五十五条 (never concluded)

def test_fraud_is_explained_when_compensation_is_demanded() -> None:
    v = verdict(demands=["compensation"])
    assert "crpl55.fraud" in na_ids(v)
    assert not any(f.id.startswith("crpl55") for f in v.findings)
    assert "crpl55.fraud" not in na_ids(verdict(demands=["free_repair"]))


# ---------------------------------------------------------------- deadlines and notes

def test_contract_limitation_runs_from_the_earliest_refusal_or_declined_offer() -> None:
    v = verdict(interactions=[{"date": "2024-09-20", "party": "店", "kind": "refusal"}, offer(0.5, accepted=False)])
    assert deadline(v, "limitation.contract") == "2027-09-10"  # the offer of 2024-09-10 came first (a Friday)
    assert deadline(verdict(), "limitation.contract") == "2027-09-02"  # from first_noticed, no interaction


def test_contract_limitation_moves_off_a_weekend() -> None:
    v = verdict(interactions=[{"date": "2025-09-10", "party": "店", "kind": "refusal"}], **{"fault.first_noticed": "2025-05-10"})
    d = next(d for d in v.deadlines if d.id == "limitation.contract")
    assert (d.date, d.moved_from) == ("2028-09-11", "2028-09-10")


def test_quality_period_notice_only_without_knowledge() -> None:
    v = verdict(**OUT)
    d = next(d for d in v.deadlines if d.id == "notice.quality_period")
    assert d.date == "2025-05-20" and d.passed
    assert deadline(verdict(**OUT, **{"fault.batch_evidence": "recall"}), "notice.quality_period") is None
    assert deadline(verdict(), "notice.quality_period") is None


def test_purchase_before_the_2013_amendment_is_noted() -> None:
    v = verdict(**{"purchase.date": "2014-01-10", "product.production_batch": "2013-12", "fault.first_noticed": "2014-02-01"})
    assert any("2014-03-15" in n for n in v.notes)


def test_always_addressed_articles() -> None:
    for changes in ({}, OUT, {"fault.cause": "user_damage"}, {"purchase.for_personal_use": False}):
        v = verdict(**changes)
        cited = {c.split(":")[0] + ":" + c.split(":")[1] for f in v.findings for c in f.cites}
        cited |= {c for n in v.not_applicable for c in n.cites}
        assert {"crpl:8", "crpl:10", "crpl:24", "pql:41"} <= cited, changes


def test_a_paid_offer_of_unknown_price_is_an_offer_not_nothing() -> None:
    v = verdict(**OUT, interactions=[offer(0.5, price_ratio=None, remedy="paid_repair")],
                comparators=[comparator(remedy="free_repair")])
    assert strength(v, "crpl10.unequal_treatment") is None
    assert "interactions.price_ratio" in {m.field for m in v.missing}


def test_harm_after_user_damage_is_only_arguable() -> None:
    v = verdict(**{"fault.cause": "user_damage", "fault.symptoms": ["battery_swelling"], "harm.personal_injury": True})
    assert strength(v, "pql41.producer_liability") == "arguable"
    assert not [f for f in v.findings if f.id.startswith("crpl24")]
