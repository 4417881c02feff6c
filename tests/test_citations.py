"""Citation parsing: the ways Chinese texts cite the laws, and the honest answer when we lack the article."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.citations import CitationError, find_citations, parse_citation
from kb.laws import laws, lookup

# (citation as written, key) — every style the parser must read.
GOOD = [
    ("《中华人民共和国消费者权益保护法》第二十四条", "crpl:24"),
    ("《消费者权益保护法》第24条", "crpl:24"),
    ("消费者权益保护法第二十四条", "crpl:24"),
    ("消保法第二十四条第一款", "crpl:24:1"),
    ("消法第二十四条第一款", "crpl:24:1"),
    ("新消法第二十四条第二款", "crpl:24:2"),
    ("《消法》第8条", "crpl:8"),
    ("消保法24条", "crpl:24"),
    ("消保法第２４条", "crpl:24"),
    ("消保法 第 24 条 第 2 款", "crpl:24:2"),
    ("《消费者权益保护法》（2013年修正）第十条", "crpl:10"),
    ("《消费者权益保护法（2013修正）》第九条", "crpl:9"),
    ("产品质量法第41条", "pql:41"),
    ("《中华人民共和国产品质量法》第四十条第一款", "pql:40:1"),
    ("《产品质量法》第四十六条", "pql:46"),
    ("《民法典》第六百二十一条第三款", "civil_code:621:3"),
    ("民法典第582条", "civil_code:582"),
    ("《中华人民共和国民法典》第一千二百零二条", "civil_code:1202"),
    ("民法典第二百零一条", "civil_code:201"),
    ("民法典第一百八十八条第一款", "civil_code:188:1"),
    ("《消费者权益保护法实施条例》第九条", "crpl_regs:9"),
    ("《中华人民共和国消费者权益保护法实施条例》第九条第二款", "crpl_regs:9:2"),
    ("消保法实施条例第9条", "crpl_regs:9"),
    ("《侵害消费者权益行为处罚办法》第八条", "crpl_penalties:8"),
    ("消保法第五十六条第一款第（八）项", "crpl:56:1:8"),
    ("消保法第五十六条第一款第八项", "crpl:56:1:8"),
    ("消保法第五十六条第一款第(8)项", "crpl:56:1:8"),
    ("消保法第五十六条第1款第8项", "crpl:56:1:8"),
    ("消保法第五十六条第八项", "crpl:56:1:8"),  # the one paragraph with items
    ("产品质量法第四十一条第（二）项", "pql:41:2:2"),
    ("《消费者权益保护法》第四十八条第一款第（八）项", "crpl:48:1:8"),
    ("依据《消费者权益保护法》第二十三条第三款的规定", "crpl:23:3"),
    ("《中华人民共和国电子商务法》第三十八条", "ecommerce:38"),
    ("电商法第9条第2款", "ecommerce:9:2"),
    ("网络消费纠纷规定（一）第二条", "spc_online:2"),
    ("网络消费纠纷规定(一)第四条第二款", "spc_online:4:2"),
    ("《最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）》第一条第（三）项", "spc_online:1:1:3"),
    ("买卖合同解释第十四条", "spc_sales:14"),
    ("诉讼时效规定第八条第一款第（二）项", "spc_limitation:8:1:2"),
    ("七日无理由退货办法第十八条", "online_returns:18"),
    ("《网络购买商品七日无理由退货暂行办法》第六条", "online_returns:6"),
    ("crpl:24:2", "crpl:24:2"),
    ("civil_code:1206", "civil_code:1206"),
]

# (citation, error kind, key the citation denotes, if the law is known)
BAD = [
    ("消保法第三十条", "article_not_in_kb", "crpl:30"),
    ("《消费者权益保护法》第51条", "article_not_in_kb", "crpl:51"),
    ("产品质量法第三十九条", "article_not_in_kb", "pql:39"),
    ("民法典第五百八十五条", "article_not_in_kb", "civil_code:585"),
    ("消保法实施条例第十条", "article_not_in_kb", "crpl_regs:10"),
    ("消保法第二十四条第三款", "paragraph_missing", "crpl:24:3"),
    ("《民法典》第六百二十一条第四款", "paragraph_missing", "civil_code:621:4"),
    ("消保法第五十六条第一款第十一项", "item_missing", "crpl:56:1:11"),
    ("消保法第五十六条第二款第一项", "item_missing", "crpl:56:2:1"),
    ("消保法第二十四条第一项", "item_missing", "crpl:24"),
    ("《电子商务法》第六十一条", "article_not_in_kb", "ecommerce:61"),
    ("网络消费纠纷规定（一）第五条", "article_not_in_kb", "spc_online:5"),
    ("《网络消费纠纷规定（二）》第一条", "law_unknown", None),
    ("《部分商品修理更换退货责任规定》第十条", "law_unknown", None),
    ("《江苏省消费者权益保护条例》第二十条", "law_unknown", None),
    ("第二十四条", "no_law", None),
    ("消费者权益保护法", "not_a_citation", None),
    ("我的手环坏了", "not_a_citation", None),
    ("消保法第八条、第九条", "several", None),
    ("crpl:30", "article_not_in_kb", "crpl:30"),
    ("gdpr:5", "law_unknown", None),
]


@pytest.mark.parametrize(("text", "key"), GOOD)
def test_parses_citation_styles(text: str, key: str) -> None:
    assert parse_citation(text) == key
    assert lookup(key).key == key  # and the knowledge base holds it


@pytest.mark.parametrize(("text", "kind", "key"), BAD)
def test_unresolvable_citation_says_why(text: str, kind: str, key: str | None) -> None:
    with pytest.raises(CitationError) as err:
        parse_citation(text)
    assert err.value.kind == kind
    assert err.value.key == key
    assert err.value.message("zh") and err.value.message("en")
    assert err.value.message("zh") != err.value.message("en")


def test_not_in_kb_message_names_what_is_held() -> None:
    with pytest.raises(CitationError) as err:
        parse_citation("消保法第三十条")
    assert "第三十条" in err.value.zh and "第二十四条" not in err.value.zh
    assert "二十四" in err.value.zh  # the list of articles held
    assert "Article 30" in err.value.en and "24" in err.value.en
    with pytest.raises(CitationError) as err:
        parse_citation("《部分商品修理更换退货责任规定》第十条")
    assert "部分商品修理更换退货责任规定" in err.value.zh and "消费者权益保护法（crpl）" in err.value.zh
    assert "电子商务法（ecommerce）" in err.value.zh and "七日无理由退货办法（online_returns）" in err.value.zh


def test_regulations_are_not_read_as_the_law_itself() -> None:
    """实施条例第九条 is the State Council's regulation, not 消保法第九条 (the right to choose)."""
    for text in ("消费者权益保护法实施条例第九条", "《消费者权益保护法实施条例》第九条", "消法实施条例第九条"):
        assert parse_citation(text) == "crpl_regs:9"


@pytest.mark.parametrize("law_id", ["crpl", "pql", "civil_code", "crpl_regs", "crpl_penalties", "ecommerce", "spc_online",
                                    "spc_sales", "spc_limitation", "online_returns"])
def test_every_article_every_alias_both_numerals(law_id: str) -> None:
    lw = laws()[law_id]
    for name in (lw.title, lw.short, *lw.aliases):
        for n, art in lw.articles.items():
            for form in (f"《{name}》{art.heading}", f"{name}第{n}条", f"{name}第{cn2an.an2cn(n)}条第1款"):
                expected = art.key + (":1" if form.endswith("款") else "")
                assert parse_citation(form) == expected, form


def test_bare_articles_borrow_the_law_named_in_the_same_sentence() -> None:
    found = find_citations("商家的做法违反了消保法第八条、第九条和第十条，也违反了第十六条。第十九条另说。")
    assert [f.key for f in found] == ["crpl:8", "crpl:9", "crpl:10", "crpl:16", None]  # 第十九条: another sentence
    assert [f.inherited for f in found] == [False, True, True, True, False]
    assert found[4].problem is not None and found[4].problem.kind == "no_law"
    assert found[0].group == found[1].group == found[2].group != found[3].group


def test_bare_article_with_no_law_named_is_listed_as_such_never_dropped() -> None:
    found = find_citations("保修卡第三条写明过保不修。第二十四条另说。")
    assert [(f.text, f.key, f.problem.kind if f.problem else None) for f in found] == [("第二十四条", None, "no_law")]
    found = find_citations("依据消保法第二十四条，商家应当维修。第十条也规定了公平交易。")
    assert [f.key for f in found] == ["crpl:24", None]
    assert found[1].problem is not None and "消费者权益保护法" in found[1].problem.zh  # the law named earlier


def test_bare_article_right_after_a_named_law_resolves_to_it() -> None:
    for text, key in (("依据消保法的相关规定，第10条规定消费者享有公平交易权。", "crpl:10"),
                      ("根据《产品质量法》的规定，第四十条要求销售者负责修理。", "pql:40"),
                      ("按照电子商务法，第三十八条规定平台应当承担连带责任。", "ecommerce:38")):
        [f] = find_citations(text)
        assert (f.key, f.inherited, f.problem) == (key, True, None), text


def test_paragraph_after_article_and_backreference() -> None:
    found = find_citations("依据产品质量法第四十条第一款、第二款。该法第四十一条不适用。")
    assert [f.key for f in found] == ["pql:40:1", "pql:40:2", "pql:41"]


def test_spans_point_into_the_original_text() -> None:
    text = "我认为，依据《消费者权益保护法》第２４条，以及《民法典》第五百八十二条，商家应当维修。"
    found = find_citations(text)
    assert [text[f.start : f.end] for f in found] == ["《消费者权益保护法》第２４条", "《民法典》第五百八十二条"]
    assert [f.text for f in found] == ["《消费者权益保护法》第２４条", "《民法典》第五百八十二条"]


def test_unknown_laws_are_reported_not_guessed() -> None:
    found = find_citations("根据江苏省消费者权益保护条例第六十一条和消保法第二十四条，商家应当处理。")
    assert [(f.key, f.problem.kind if f.problem else None) for f in found] == [
        (None, "law_unknown"),
        ("crpl:24", None),
    ]


def test_article_numbers_inside_a_quoted_statute_are_not_citations() -> None:
    text = ("《消费者权益保护法》第五十五条第二款规定“受害人有权要求经营者依照本法第四十九条、第五十一条等法律规定"
            "赔偿损失，并有权要求所受损失二倍以下的惩罚性赔偿”。")
    assert [f.key for f in find_citations(text)] == ["crpl:55:2"]


def test_a_quotation_that_is_not_a_statute_keeps_its_citations() -> None:
    text = "客服说“根据三包规定第十条，过保不修”。"
    found = find_citations(text)
    assert len(found) == 1 and found[0].problem is not None and found[0].problem.kind == "law_unknown"


_PIECES = ["消保法", "《消费者权益保护法》", "产品质量法", "民法典", "实施条例", "电子商务法", "本法", "该法", "第", "二十四",
           "八", "一百八十八", "24", "２", "条", "款", "项", "（", "）", "、", "和", "，", "。", "；", "“", "”", "……",
           "经营者提供的商品或者服务不符合质量要求的", "选择权", "维修", "不适用", " ", "\n", "[bold]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_any_text_gives_consistent_spans(text: str) -> None:
    found = find_citations(text)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for f in found:
        assert text[f.start : f.end] == f.text
        assert (f.problem is None) == (f.key is not None and f.key.count(":") >= 1 and _held(f.key))


def _held(key: str) -> bool:
    try:
        lookup(key)
    except KeyError:
        return False
    return True
