"""The v2 facts (CONTRACT §1 v2) are asked only when they can matter (issue 11 item 4), and prepared
answers (`--answers`) accept them: played through the questionnaire's own `simulate`, which answers
exactly what the interactive run asks, and through the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from questionnaire.relevance import Relevance
from questionnaire.scripted import simulate
from questionnaire.spec import questionnaire
from tests.conftest import make_case, run_cli

QN = questionnaire()
AS_OF = dt.date(2025, 9, 1)
ONLINE_RETURN = {
    "version": 2, "purchase.date": "2025-08-20", "purchase.channel": "third_party_online",
    "fault.first_noticed": "2025-08-22", "fault.symptoms": [], "fault.cause": "unknown",
    "interactions": [{"date": "2025-08-23", "kind": "return_request", "reason": "no_reason", "goods_intact": True},
                     {"date": "2025-08-24", "kind": "refusal"}],
    "demands": ["refund"],
}


def asked(**changes: object) -> list[str]:
    return simulate(QN, make_case(**changes), AS_OF, "zh", Relevance(QN, AS_OF), with_letter=False).asked


def test_a_return_request_in_the_first_week_of_an_online_purchase() -> None:
    got = asked(**ONLINE_RETURN)
    assert {"interactions[0].reason", "interactions[0].goods_intact", "purchase.non_returnable_confirmed"} <= set(got)
    assert "purchase.self_operated" in got                 # a marketplace seller: the platform questions
    in_store = asked(**{**ONLINE_RETURN, "purchase.channel": "third_party_store"})
    assert "purchase.non_returnable_confirmed" not in in_store and "purchase.self_operated" not in in_store


def test_goods_intact_asks_about_activation() -> None:
    q = QN.by_id["interactions[].goods_intact"]
    assert "已激活" in q.text("zh") and "登录" in q.text("zh") and "七日无理由退货办法第九条" in q.help("zh")


def test_platform_questions_only_for_a_marketplace_purchase() -> None:
    assert "purchase.self_operated" not in asked()      # the base case: the brand's official online store
    got = asked(**{"purchase.channel": "third_party_online"})
    assert "purchase.self_operated" in got and "purchase.platform_identified_seller" in got
    own = asked(**{"purchase.channel": "third_party_online", "purchase.self_operated": True})
    assert "purchase.platform_identified_seller" not in own  # the platform is the seller itself


def test_losses_only_after_a_refusal_or_a_harm() -> None:
    assert "losses+0" not in asked()
    assert "losses+0" in asked(interactions=[{"date": "2024-09-05", "kind": "refusal"}])
    refused = asked(interactions=[{"date": "2024-09-05", "kind": "refusal"}],
                    losses=[{"kind": "shipping", "amount": 23.0, "evidence": True}])
    assert {"losses[0].kind", "losses[0].amount", "losses[0].evidence", "losses+1"} <= set(refused)


def test_condition_as_sold_only_when_a_used_unit_is_suspected() -> None:
    plain = asked()
    assert "product.found_condition" in plain and "purchase.sold_as" not in plain
    used = asked(**{"product.found_condition": "used", "product.condition_evidence": "activation_record"})
    assert "purchase.sold_as" in used and "product.condition_evidence" in used


def test_same_model_available_only_after_the_warranty() -> None:
    assert "product.same_model_available" not in asked()  # noticed within the warranty
    late = asked(**{"fault.first_noticed": "2025-08-02", "fault.batch_evidence": "acknowledged"})
    assert "product.same_model_available" in late


def test_a_consumer_demand_asks_how_it_was_made() -> None:
    got = asked(interactions=[{"date": "2024-09-05", "kind": "refusal"},
                              {"date": "2024-09-10", "kind": "consumer_demand", "channel": "letter"}])
    assert "interactions[1].channel" in got


def test_prepared_answers_accept_the_v2_fields(tmp_path: Path) -> None:
    case = make_case(**ONLINE_RETURN, **{"purchase.platform": "京东", "purchase.self_operated": False,
                                        "purchase.order_number": "3088123", "product.found_condition": "as_sold",
                                        "losses": [{"kind": "shipping", "amount": 12.0, "evidence": True}]})
    (tmp_path / "answers.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    run = run_cli("ask", "--answers", "answers.yaml", "--save", "out.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    want = json.loads(run_cli("assess", "case.yaml", "-f", "json", "--as-of", "2025-09-01", cwd=tmp_path).stdout)
    got = json.loads(run_cli("assess", "out.yaml", "-f", "json", "--as-of", "2025-09-01", cwd=tmp_path).stdout)
    assert got == want and any(f["id"] == "crpl25.no_reason_return" for f in got["findings"])
    saved = yaml.safe_load((tmp_path / "out.yaml").read_text(encoding="utf-8"))
    assert saved["losses"] == [{"kind": "shipping", "amount": 12.0, "evidence": True}]
