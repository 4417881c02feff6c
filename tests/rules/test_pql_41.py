"""产品质量法第四十一条 (kb/rules/pql_41.py): the producer's liability for harm a defect causes."""

from tests.rules.helpers import basis, deadline, na_ids, strength, verdict


def test_producer_liability_for_an_injury_names_the_heads_of_compensation() -> None:
    v = verdict(**{"fault.symptoms": ["abnormal_heat"], "harm.personal_injury": True})
    f = v.finding("pql41.producer_liability")
    assert f.strength == "strong"
    assert {"pql:41", "pql:46", "civil_code:1202", "civil_code:1203", "crpl:40", "crpl:49", "pql:44",
            "civil_code:1179"} <= set(f.cites)
    assert basis(v, "compensation") == "strong"
    assert deadline(v, "limitation.product_liability") == "2026-09-02"  # two years from 2024-09-02 (a Wednesday)
    assert deadline(v, "limitation.long_stop") == "2034-05-22"  # 2034-05-20 is a Saturday


def test_property_damage_alone_does_not_cite_the_injury_heads() -> None:
    f = verdict(**{"harm.other_property_damage": True}).finding("pql41.producer_liability")
    assert f and not {"crpl:49", "pql:44", "civil_code:1179"} & set(f.cites)


def test_producer_liability_for_a_business_buyer_does_not_cite_the_consumer_law() -> None:
    v = verdict(**{"purchase.for_personal_use": False, "harm.personal_injury": True})
    cites = v.finding("pql41.producer_liability").cites
    assert "crpl:40" not in cites and "crpl:49" not in cites  # R10
    assert "pql:44" in cites


def test_no_harm_means_article_41_does_not_apply_and_says_why() -> None:
    v = verdict()
    na = next(n for n in v.not_applicable if n.id == "pql41.producer_liability")
    assert "第二十四条" in na.why and na.cites == ["pql:41"]
    assert deadline(v, "limitation.product_liability") is None


def test_unknown_harm_with_heat_is_asked_for() -> None:
    v = verdict(**{"fault.symptoms": ["abnormal_heat"], "harm.personal_injury": None})
    assert "harm.personal_injury" in {m.field for m in v.missing}
    assert "pql41.producer_liability" in na_ids(v)


def test_harm_after_user_damage_is_only_arguable() -> None:
    v = verdict(**{"fault.cause": "user_damage", "fault.symptoms": ["battery_swelling"], "harm.personal_injury": True})
    assert strength(v, "pql41.producer_liability") == "arguable"
    assert not [f for f in v.findings if f.id.startswith("crpl24")]
