"""`weiquan law`: statute text verbatim, through the command line as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
OFFICIAL = {
    (e["law"], a["number"]): a["paragraphs"]
    for e in yaml.safe_load((ROOT / "kb" / "statutes" / "statutes.yaml").read_text(encoding="utf-8"))
    for a in e["articles"]
}


def weiquan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from cli import app; app()", *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )


def test_lists_the_laws_with_edition_and_date() -> None:
    r = weiquan("law")
    assert r.returncode == 0, r.stderr
    for text in ("中华人民共和国消费者权益保护法", "2013修正", "2014-03-15", "crpl_penalties", "国务院令第778号"):
        assert text in r.stdout
    assert "\x1b[" not in r.stdout  # plain when not a terminal


def test_lists_the_laws_as_json() -> None:
    r = weiquan("law", "--format", "json")
    data = json.loads(r.stdout)
    assert [d["id"] for d in data] == ["crpl", "pql", "civil_code", "crpl_regs", "crpl_penalties", "ecommerce",
                                   "spc_online", "spc_sales", "spc_limitation", "online_returns"]
    assert data[0]["articles"] == 22 and data[0]["effective"] == "2014-03-15"


@pytest.mark.parametrize("args", [("crpl",), ("消保法",), ("《消费者权益保护法》",)])
def test_lists_a_laws_articles_with_first_sentence(args: tuple[str, ...]) -> None:
    r = weiquan("law", *args)
    assert r.returncode == 0, r.stderr
    assert "第二十四条" in r.stdout and "消费者享有自主选择商品或者服务的权利。" in r.stdout
    assert "《中华人民共和国消费者权益保护法》（2013修正，2014-03-15 起施行）" in r.stdout


@pytest.mark.parametrize(
    "args",
    [("crpl", "24"), ("crpl", "第二十四条"), ("crpl", "二十四"), ("消保法第24条",), ("消保法", "第２４条"), ("crpl:24",)],
)
def test_prints_an_article_verbatim(args: tuple[str, ...]) -> None:
    r = weiquan("law", *args)
    assert r.returncode == 0, r.stderr
    for para in OFFICIAL[("crpl", 24)]:
        assert para + "\n" in r.stdout
    assert "中华人民共和国消费者权益保护法" in r.stdout and "2013修正" in r.stdout and "2014-03-15" in r.stdout


def test_json_of_one_article_is_the_contract_shape() -> None:
    r = weiquan("law", "crpl", "24", "--format", "json")
    assert json.loads(r.stdout) == {
        "key": "crpl:24", "law": "中华人民共和国消费者权益保护法", "edition": "2013修正", "effective": "2014-03-15",
        "heading": "第二十四条", "paragraphs": OFFICIAL[("crpl", 24)],
    }


def test_paragraph_and_item() -> None:
    para = json.loads(weiquan("law", "crpl:24:2", "--format", "json").stdout)
    assert para["key"] == "crpl:24:2" and para["heading"] == "第二十四条第二款"
    assert para["paragraphs"] == [OFFICIAL[("crpl", 24)][1]]
    item = weiquan("law", "消保法", "第五十六条第一款第八项")
    assert item.returncode == 0
    assert "对消费者提出的修理、重作、更换、退货、补足商品数量、退还货款和服务费用或者赔偿损失的要求，故意拖延或者无理拒绝的" in item.stdout


def test_search_needs_every_word() -> None:
    r = weiquan("law", "--search", "召回", "--format", "json")
    assert [h["key"] for h in json.loads(r.stdout)] == ["crpl:19", "crpl:56", "civil_code:1206"]
    both = json.loads(weiquan("law", "--search", "召回 必要费用", "--format", "json").stdout)
    assert [h["key"] for h in both] == ["crpl:19", "civil_code:1206"]
    text = weiquan("law", "pql", "--search", "他人财产")
    assert text.returncode == 0 and "《产品质量法》第四十一条" in text.stdout and "《民法典》" not in text.stdout


def test_search_without_hits_says_so() -> None:
    r = weiquan("law", "--search", "航空器适航")
    assert r.returncode == 0 and "没有条文" in r.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("crpl", "30"), ["第三十条", "二十四"]),
        (("江苏省消费者权益保护条例",), ["不在知识库中", "crpl", "civil_code", "online_returns"]),
        (("crpl", "24:3"), ["没有第三款"]),
        (("crpl", "abc"), ["abc"]),
    ],
)
def test_not_in_the_knowledge_base_is_bad_input(args: tuple[str, ...], expected: list[str]) -> None:
    r = weiquan("law", *args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    for text in expected:
        assert text in r.stderr


@pytest.mark.parametrize("args", [("电子商务法", "38"), ("《电子商务法》第三十八条",), ("ecommerce:38",)])
def test_the_new_laws_by_their_names(args: tuple[str, ...]) -> None:
    r = weiquan("law", *args)
    assert r.returncode == 0, r.stderr
    for para in OFFICIAL[("ecommerce", 38)]:
        assert para + "\n" in r.stdout
    for name, law_id, n in (("网络消费纠纷规定（一）", "spc_online", 2), ("七日无理由退货办法", "online_returns", 18),
                            ("买卖合同解释", "spc_sales", 14), ("诉讼时效规定", "spc_limitation", 8)):
        r = weiquan("law", name, str(n), "--format", "json")
        assert r.returncode == 0 and json.loads(r.stdout)["paragraphs"] == OFFICIAL[(law_id, n)], (name, r.stderr)


def test_english_framing_keeps_chinese_statute_text() -> None:
    r = weiquan("law", "crpl", "24", "--lang", "en")
    assert "Law of the PRC on the Protection of Consumer Rights and Interests" in r.stdout
    assert OFFICIAL[("crpl", 24)][1] in r.stdout
    bad = weiquan("law", "crpl", "30", "--lang", "en")
    assert bad.returncode == 2 and "not in the knowledge base" in bad.stderr


def test_rules_reading_order_lists_each_paragraph_then_what_cites_it() -> None:
    """issue 14: `weiquan law crpl 24 --rules` — each 款, then the findings and reasons resting on it."""
    r = weiquan("law", "crpl", "24", "--rules")
    assert r.returncode == 0, r.stderr
    first, second = r.stdout.index("第一款"), r.stdout.index("第二款")
    assert first < r.stdout.index("crpl24.repair_replace_in_warranty") < second < r.stdout.index("crpl24.costs")
    assert "crpl24.remedies" in r.stdout  # the reasons it does not apply cite the whole article
    data = json.loads(weiquan("law", "crpl", "24", "--rules", "--format", "json").stdout)
    assert [p["number"] for p in data["paragraphs"]] == [1, 2]
    assert "crpl24.costs" in {u["id"] for u in data["paragraphs"][1]["rules"]}
    assert weiquan("law", "crpl", "--rules").returncode == 2


@pytest.mark.parametrize(("args", "shown"), [
    (("crpl", "99999999999999999999"), "没有第99999999999999999999条"),
    (("crpl", "12345678901234567"), "没有第12345678901234567条"),
    (("消保法第12345678901234567条",), "没有第12345678901234567条"),
    (("crpl:99999999999999999999:2",), "没有第99999999999999999999条"),
    (("crpl", "9" * 5000), "条号过长"),
])
def test_an_article_number_past_any_law_is_no_such_article(args: tuple[str, ...], shown: str) -> None:
    r = weiquan("law", *args)
    assert r.returncode == 2 and shown in r.stderr and "Traceback" not in r.stderr, r.stderr
    en = weiquan("law", *args, "--lang", "en")
    assert en.returncode == 2 and ("no article" in en.stderr or "too long" in en.stderr), en.stderr
