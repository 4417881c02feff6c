"""消保法第二十五条 (kb/rules/crpl_25.py): the seven-day no-reason return of goods bought at a distance."""

import pytest

from tests.rules.helpers import basis, deadline, na_cites, strength, verdict

# Bought online 2025-11-03 (a Monday); the seventh day is 2025-11-10, a Monday.
BOUGHT = {"purchase.date": "2025-11-03", "fault.first_noticed": "2025-11-05", "fault.symptoms": [],
          "fault.cause": "unknown", "product.production_batch": None, "demands": ["refund"], "version": 2}


def request(date: str = "2025-11-05", **kw: object) -> dict:
    return {"date": date, "party": "本人", "kind": "return_request", "reason": "no_reason", **kw}


@pytest.mark.parametrize(("intact", "expected"), [(True, "strong"), (None, "arguable"), (False, None)])
def test_no_reason_return_by_the_state_of_the_goods(intact: bool | None, expected: str | None) -> None:
    v = verdict(**BOUGHT, interactions=[request(goods_intact=intact)])
    assert strength(v, "crpl25.no_reason_return") == expected
    if expected:
        f = v.finding("crpl25.no_reason_return")
        assert {"crpl:25", "online_returns:18", "online_returns:13"} <= set(f.cites)
        assert ("spc_online:3" in f.cites) == (intact is None)  # the opened-package rule, online only
        assert basis(v, "refund") == expected
        assert deadline(v, "return.no_reason") == "2025-11-10"
        assert "运费由消费者承担" in f.explanation
    else:
        assert "crpl:25" in na_cites(v)


def test_no_fault_is_needed_and_nothing_else_is_concluded() -> None:
    v = verdict(**BOUGHT, interactions=[request(goods_intact=True)])
    assert [f.id for f in v.findings] == ["crpl25.no_reason_return"]


@pytest.mark.parametrize(
    "changes",
    [
        {"interactions": [request("2025-11-11", goods_intact=True)]},  # the eighth day
        {"purchase.channel": "third_party_store", "interactions": [request(goods_intact=True)]},  # a shop
        {"purchase.non_returnable_confirmed": True, "interactions": [request(goods_intact=True)]},  # 第二款
        {"purchase.for_personal_use": False, "interactions": [request(goods_intact=True)]},
        {"interactions": []},
    ],
)
def test_no_reason_return_does_not_hold(changes: dict) -> None:
    v = verdict(**{**BOUGHT, **changes})
    assert strength(v, "crpl25.no_reason_return") is None
    assert deadline(v, "return.no_reason") is None


def test_a_refused_no_reason_return_is_a_refusal_under_article_48() -> None:
    """R6."""
    v = verdict(**BOUGHT, interactions=[request(goods_intact=True),
                                        {"date": "2025-11-06", "party": "店", "kind": "refusal"}])
    assert strength(v, "crpl48.refusal_liability") == "strong"
    assert strength(v, "crpl56.report_to_regulator") == "strong"


def test_the_safe_day_is_the_seventh_and_the_moved_day_an_argument() -> None:
    """L11: bought 2025-12-06, the seventh day 2025-12-13 is a Saturday."""
    v = verdict(**{**BOUGHT, "purchase.date": "2025-12-06", "fault.first_noticed": "2025-12-10"},
                interactions=[request("2025-12-10", goods_intact=True)])
    d = next(d for d in v.deadlines if d.id == "return.no_reason")
    assert d.date.isoformat() == "2025-12-13"
    assert [(a.id, a.date.isoformat()) for a in d.arguments] == [("return.no_reason.moved", "2025-12-15")]


def test_a_refund_demanded_online_without_a_timely_request_is_explained() -> None:
    """R7."""
    v = verdict(**{"demands": ["refund"]})
    na = next(n for n in v.not_applicable if n.id == "crpl25.no_reason_return")
    assert "七日内" in na.why
    assert "crpl25.no_reason_return" not in {n.id for n in verdict().not_applicable}  # no refund asked
