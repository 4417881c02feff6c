"""消保法第四十四条、电子商务法第三十七条 (kb/rules/crpl_44.py): marketplaces."""

from tests.rules.helpers import strength, verdict

MARKET = {"version": 2, "purchase.channel": "third_party_online", "purchase.platform": "某平台"}


def test_a_platform_that_cannot_identify_the_seller_answers_for_it() -> None:
    v = verdict(**MARKET, **{"purchase.platform_identified_seller": False})
    f = v.finding("crpl44.platform_liability")
    assert f.strength == "strong" and {"crpl:44", "ecommerce:38"} <= set(f.cites)
    assert f.demands == []  # the claims above may be made against the platform; nothing of its own


def test_no_platform_finding_when_the_seller_is_known_or_it_is_the_platforms_own_store() -> None:
    assert strength(verdict(**MARKET, **{"purchase.platform_identified_seller": True}), "crpl44.platform_liability") is None
    v = verdict(**MARKET, **{"purchase.self_operated": True, "purchase.platform_identified_seller": False})
    assert strength(v, "crpl44.platform_liability") is None
    note = next(n for n in v.notes if n.kind == "self_operated")
    assert note.cites == ["ecommerce:37"] and "ecommerce:37" in v.citations


def test_unknown_identification_is_asked_for() -> None:
    v = verdict(**MARKET)
    assert "purchase.platform_identified_seller" in {m.field for m in v.missing}
    assert "purchase.platform_identified_seller" not in {m.field for m in verdict().missing}  # not a marketplace
