"""消保法第二条 (kb/rules/crpl_2.py): who the consumer law protects."""

from tests.rules.helpers import na_ids, strength, verdict


def test_business_purchase_leaves_the_consumer_law_out() -> None:
    v = verdict(**{"purchase.for_personal_use": False})
    assert not [f for f in v.findings if f.id.startswith("crpl")]
    assert strength(v, "civil_code582.contract_remedy") == "strong"
    assert {"crpl8.policy_disclosure", "crpl10.fair_trade", "crpl24.remedies"} <= na_ids(v)
    assert any("生活消费" in n.text for n in v.notes)


def test_business_purchase_gets_no_consumer_channels() -> None:
    ids = [c.id for c in verdict(**{"purchase.for_personal_use": False}).channels]
    assert ids == ["negotiate", "arbitration", "court"]


def test_unknown_purpose_asks_for_it() -> None:
    v = verdict(**{"purchase.for_personal_use": None})
    assert not v.findings
    assert "purchase.for_personal_use" in {m.field for m in v.missing}
    assert "尚不清楚是否为生活消费" in next(n.why for n in v.not_applicable if n.id == "crpl24.remedies")
