"""The deadlines (kb/rules/civil_code_188.py, pql_45.py, civil_code_621.py, samr_complaints.py) and the notes."""

from tests.rules.helpers import OUT, offer, verdict


def _d(v, did):  # noqa: ANN001, ANN202
    return next((d for d in v.deadlines if d.id == did), None)


def test_contract_limitation_runs_from_first_noticed_with_the_later_start_as_an_argument() -> None:
    """L10: 2024-09-02 + 3 years; the refusal of 2024-09-20 is argued, the earlier offer of 09-10 first."""
    v = verdict(interactions=[{"date": "2024-09-20", "party": "店", "kind": "refusal"}, offer(0.5, accepted=False)])
    d = _d(v, "limitation.contract")
    assert d.date.isoformat() == "2027-09-02" and d.cites == ["civil_code:188", "civil_code:195"]
    assert [(a.id, a.date.isoformat()) for a in d.arguments] == [("limitation.contract.later_start", "2027-09-10")]
    assert "第一百九十五条" in d.explanation and "2027-09-10" in d.explanation
    assert _d(verdict(), "limitation.contract").arguments == []


def test_a_consumer_demand_restarts_the_period_as_an_argument() -> None:
    demand = {"date": "2025-03-03", "party": "本人", "kind": "consumer_demand", "channel": "12315"}
    d = _d(verdict(version=2, interactions=[demand]), "limitation.contract")
    assert d.date.isoformat() == "2027-09-02"
    assert [(a.id, a.date.isoformat()) for a in d.arguments] == [("limitation.contract.restarted", "2028-03-03")]


def test_contract_limitation_moves_off_a_weekend() -> None:
    d = _d(verdict(**{"fault.first_noticed": "2025-05-10"}), "limitation.contract")
    assert (d.date.isoformat(), d.moved_from) == ("2028-05-10", None)  # a Wednesday
    d = _d(verdict(**{"fault.first_noticed": "2025-09-10"}), "limitation.contract")
    assert (d.date.isoformat(), str(d.moved_from)) == ("2028-09-11", "2028-09-10")


def test_samr_complaint_date_is_three_years_inclusive_and_never_moves() -> None:
    """R2: 2025-09-10 + 36 months = 2028-09-10, a Sunday, not moved; consumers only."""
    assert _d(verdict(**{"fault.first_noticed": "2025-09-10"}), "complaint.samr").date.isoformat() == "2028-09-10"
    assert _d(verdict(**{"purchase.for_personal_use": False}), "complaint.samr") is None


def test_quality_period_notice_only_without_knowledge() -> None:
    v = verdict(**OUT)
    d = _d(v, "notice.quality_period")
    assert d.date.isoformat() == "2025-05-20" and d.passed
    assert _d(verdict(**OUT, **{"fault.batch_evidence": "recall"}), "notice.quality_period") is None
    assert _d(verdict(), "notice.quality_period") is None


def test_purchase_before_the_2013_amendment_is_noted_against_the_purchase() -> None:
    v = verdict(**{"purchase.date": "2014-01-10", "product.production_batch": "2013-12", "fault.first_noticed": "2014-02-01"})
    notes = [n for n in v.notes if n.kind == "law_in_force"]
    assert any(n.law == "crpl" and str(n.date) == "2014-01-10" and "2014-03-15" in n.text for n in notes)


def test_law_in_force_follows_the_date_of_the_facts_a_finding_rests_on() -> None:
    """L13: a purchase-based finding is keyed to the purchase; 实施条例第九条 to the pricing conduct."""
    v = verdict(**{"purchase.date": "2020-10-10", "product.production_batch": "2020-09",
                   "fault.first_noticed": "2022-03-01", "fault.batch_evidence": "recall"})
    notes = [(n.law, n.finding, str(n.date)) for n in v.notes if n.kind == "law_in_force"]
    assert ("civil_code", "crpl24.repair_replace_after_warranty", "2020-10-10") in notes

    same = {"purchase.date": "2024-03-10", "product.production_batch": "2024-01", "fault.first_noticed": "2024-04-20",
            "product.category": "appliance"}
    cheaper = {"model": "Band X", "production_batch": "2024-01", "symptoms": ["touch_unresponsive"],
               "remedy": "paid_repair", "price_ratio": 0.2}

    def regs_notes(offered_on: str) -> list[str]:
        v = verdict(**same, comparators=[cheaper], interactions=[offer(0.5, remedy="paid_repair", date=offered_on)])
        assert "crpl_regs:9" in v.finding("crpl10.unequal_treatment").cites
        return [str(n.date) for n in v.notes if n.kind == "law_in_force" and n.law == "crpl_regs"]

    assert regs_notes("2024-06-20") == ["2024-06-20"]  # priced before 2024-07-01
    assert regs_notes("2024-07-02") == []  # after it, whatever the purchase date


def test_always_addressed_articles() -> None:
    for changes in ({}, OUT, {"fault.cause": "user_damage"}, {"purchase.for_personal_use": False}):
        v = verdict(**changes)
        cited = {c.split(":")[0] + ":" + c.split(":")[1] for f in v.findings for c in f.cites}
        cited |= {c for n in v.not_applicable for c in n.cites}
        assert {"crpl:8", "crpl:10", "crpl:24", "pql:41"} <= cited, changes


def test_channels_mediation_and_12315_are_alternatives_and_the_batch_gets_the_joint_complaint() -> None:
    v = verdict()
    by = {c.id: c for c in v.channels}
    assert list(by) == ["negotiate", "mediation", "samr_complaint", "arbitration", "court"]
    assert by["mediation"].alternatives == ["samr_complaint"] and by["samr_complaint"].alternatives == ["mediation"]
    v = verdict(**{"fault.batch_evidence": "recall"})
    assert [c.id for c in v.channels][-1] == "joint_complaint"
