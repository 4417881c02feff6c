"""The citation checker: hand-written claims about every article in the knowledge base, right and wrong.

Each expectation is what a careful reader of the statute would say, written before looking at the
checker's output. `ok` here means "not flagged": it includes the neutral "nothing to check" result.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import RESULTS, check_text
from checker.topics import TopicsError, parse, topics
from kb.laws import laws, lookup

ROOT = Path(__file__).resolve().parents[1]

# (sentence, [(key, result), …] in order of appearance)
CASES: list[tuple[str, list[tuple[str | None, str]]]] = [
    # 消费者权益保护法
    ("消费者为生活消费需要购买手环，受消保法第二条保护。", [("crpl:2", "ok")]),
    ("依据消保法第二条，经营者应当免费维修。", [("crpl:2", "mismatch")]),
    ("手环充电时发烫，存在安全隐患，侵犯了《消费者权益保护法》第七条规定的安全权。", [("crpl:7", "ok")]),
    ("依据消保法第七条，商家应当退款。", [("crpl:7", "mismatch")]),
    ("依据消保法第八条，我有权要求商家公开售后政策。", [("crpl:8", "ok")]),
    ("商家拒绝维修，侵犯了我的选择权（消保法第八条）。", [("crpl:8", "misread")]),
    ("根据《消费者权益保护法》第8条，消费者享有自主选择商品的权利。", [("crpl:8", "misread")]),
    ("商家以6折换购为条件拒绝维修，侵犯了我的自主选择权（消保法第九条）。", [("crpl:9", "ok")]),
    ("依据新消法第九条，商家应当向我提供真实的售后政策并告知处理结果。", [("crpl:9", "mismatch")]),
    ("商家以不接受换购就不维修的方式强迫我购买新品，违反《消费者权益保护法》第十条。", [("crpl:10", "ok")]),
    ("商家要求七日内退货，违反消保法第十条。", [("crpl:10", "mismatch")]),
    ("经营者应当诚信经营，不得强制交易（消保法第十六条）。", [("crpl:16", "ok")]),
    ("依据消保法第十六条，我可以向消协投诉。", [("crpl:16", "mismatch")]),
    ("该批次手环存在发热缺陷，经营者应当依消保法第十九条召回。", [("crpl:19", "ok")]),
    ("依据消保法第十九条，商家应当七日内退货。", [("crpl:19", "mismatch")]),
    ("我多次询问处理政策，客服始终不予回复，违反消保法第二十条第二款。", [("crpl:20:2", "ok")]),
    ("商家对同批次用户区别对待，违反消保法第二十条。", [("crpl:20", "mismatch")]),
    ("依据消保法第二十三条第三款，购买六个月内发现瑕疵，应由经营者承担举证责任。", [("crpl:23:3", "ok")]),
    ("依据消保法第二十三条，商家应当在六个月内免费换新。", [("crpl:23", "misread")]),
    ("依据《中华人民共和国消费者权益保护法》第二十四条，商家应当免费维修。", [("crpl:24", "ok")]),
    ("商家拒绝承担寄修运费，违反消保法第24条第2款。", [("crpl:24:2", "ok")]),
    ("依据消保法第二十四条第二款，消费者可以在七日内退货。", [("crpl:24:2", "mismatch")]),
    ("消保法第二十四条规定了缺陷产品责任。", [("crpl:24", "misread")]),
    ("根据消法第二十四条，我可以七天无理由退货。", [("crpl:24", "misread")]),
    ("保修卡上“过保不修”的声明属于格式条款，依据消保法第二十六条，其内容无效。", [("crpl:26", "ok")]),
    ("依据消保法第二十六条，我有权知悉商品的产地。", [("crpl:26", "mismatch")]),
    ("我可以依据消保法第三十九条请求消费者协会调解，或者向人民法院起诉。", [("crpl:39", "ok")]),
    ("依据消保法第三十九条，商家应当赔偿三倍。", [("crpl:39", "mismatch")]),
    ("依据消保法第四十条，我可以向销售者要求赔偿，销售者赔偿后可以向生产者追偿。", [("crpl:40", "ok")]),
    ("根据消保法第四十条，商家应当明码标价。", [("crpl:40", "mismatch")]),
    ("商家对我的维修要求故意拖延，依据消保法第四十八条第一款第（八）项应当承担民事责任。", [("crpl:48:1:8", "ok")]),
    ("依据消保法第四十八条，市场监管部门应当对商家处以罚款。", [("crpl:48", "mismatch")]),
    ("商家维修时弄坏了我的电脑，依据消保法第五十二条应当赔偿损失。", [("crpl:52", "ok")]),
    ("依据消保法第五十四条，经市场监管部门认定为不合格的商品，商家应当退货。", [("crpl:54", "ok")]),
    ("商家把翻新机当新机出售，构成欺诈，依据消保法第五十五条我要求退一赔三。", [("crpl:55", "ok")]),
    ("手环只是质量问题，依据消保法第五十五条我要求退一赔三。", [("crpl:55", "misread")]),
    ("依据消保法第五十六条第一款第八项，市场监督管理部门可以对故意拖延的商家处以罚款。", [("crpl:56:1:8", "ok")]),
    ("依据消保法第二十五条，网购的手环我可以在收到后七日内无理由退货。", [("crpl:25", "ok")]),
    ("依据消保法第二十五条第三款，无理由退货的运费由我承担。", [("crpl:25:3", "ok")]),
    ("依据消保法第二十五条，经营者应当承担召回费用。", [("crpl:25", "mismatch")]),
    ("我在平台购买的手环受损，依据消保法第四十四条，平台不能提供卖家有效联系方式的，我可以向平台要求赔偿。",
     [("crpl:44", "ok")]),
    ("手环起火烫伤了我的手，依据消保法第四十九条，商家应当赔偿医疗费和误工费。", [("crpl:49", "ok")]),
    ("商家泄露了我的个人信息，依据消保法第五十条应当赔礼道歉并赔偿损失。", [("crpl:50", "ok")]),
    ("依据消保法第五十六条，商家应当赔偿我的损失。", [("crpl:56", "misread")]),
    # 产品质量法
    ("依据《产品质量法》第二十六条，生产者应当对其生产的产品质量负责。", [("pql:26", "ok")]),
    ("依据产品质量法第40条，销售者应当负责修理、更换、退货。", [("pql:40", "ok")]),
    ("产品质量法第四十条规定了诉讼时效。", [("pql:40", "mismatch")]),
    ("手环起火烧坏了我的沙发，依据产品质量法第四十一条，生产者应当赔偿其他财产损失。", [("pql:41", "ok")]),
    ("依据产品质量法第四十一条，手环过保后厂家仍应免费维修。", [("pql:41", "overreach")]),
    ("依据产品质量法第四十一条，厂家应当赔偿我手环本身的损失。", [("pql:41", "misread")]),
    ("依据产品质量法第四十二条，销售者不能指明生产者的，应当承担赔偿责任。", [("pql:42", "ok")]),
    ("依据产品质量法第四十三条，受害人可以向生产者要求赔偿，也可以向销售者要求赔偿。", [("pql:43", "ok")]),
    ("依据产品质量法第四十四条，侵害人应当赔偿医疗费和误工费。", [("pql:44", "ok")]),
    ("因产品缺陷造成损害要求赔偿的诉讼时效为二年（产品质量法第四十五条）。", [("pql:45", "ok")]),
    ("产品质量法第四十六条规定，缺陷是指产品存在危及人身、他人财产安全的不合理的危险。", [("pql:46", "ok")]),
    ("产品质量法第四十六条规定销售者应当七日内退货。", [("pql:46", "mismatch")]),
    # 民法典
    ("依据民法典第一百八十八条，诉讼时效期间为三年。", [("civil_code:188", "ok")]),
    ("民法典第一百八十八条规定诉讼时效为两年。", [("civil_code:188", "misread")]),
    ("我多次发函要求维修，依据民法典第一百九十五条，诉讼时效中断并重新计算。", [("civil_code:195", "ok")]),
    ("依照民法典第二百零一条，开始的当日不计入。", [("civil_code:201", "ok")]),
    ("按照月计算期间的，到期月的对应日为期间的最后一日（民法典第二百零二条）。", [("civil_code:202", "ok")]),
    ("依据民法典第二百零二条，商家应当更换。", [("civil_code:202", "mismatch")]),
    ("期间的最后一日是法定休假日的，依《民法典》第二百零三条顺延。", [("civil_code:203", "ok")]),
    ("依据民法典第四百九十六条，格式条款提供方应当提示对方注意免除其责任的条款。", [("civil_code:496", "ok")]),
    ("依据民法典第四百九十七条，排除消费者主要权利的格式条款无效。", [("civil_code:497", "ok")]),
    ("手环三次维修仍无法使用，不能实现合同目的，依据民法典第五百六十三条，我有权解除合同。", [("civil_code:563", "ok")]),
    ("依据民法典第五百七十七条，商家应当承担违约责任。", [("civil_code:577", "ok")]),
    ("依据《民法典》第五百八十二条，我可以合理选择请求修理、更换、退货或者减少价款。", [("civil_code:582", "ok")]),
    ("依据民法典第五百八十二条，商家应当召回全部产品。", [("civil_code:582", "mismatch")]),
    ("依据民法典第五百八十三条，采取补救措施后我还有其他损失的，商家应当赔偿。", [("civil_code:583", "ok")]),
    ("依据民法典第五百八十四条，损失赔偿额包括合同履行后可以获得的利益。", [("civil_code:584", "ok")]),
    ("手环质量不合格致使不能实现合同目的，依据民法典第六百一十条，我可以解除合同。", [("civil_code:610", "ok")]),
    ("出卖人交付的标的物不符合质量要求，依据民法典第六百一十七条，买受人可以请求承担违约责任。", [("civil_code:617", "ok")]),
    ("商家称过保不修，但依据民法典第六百二十一条第三款，出卖人知道或者应当知道标的物不符合约定的，"
     "买受人不受通知时间的限制。", [("civil_code:621:3", "ok")]),
    ("手环起火烧伤了我，依据民法典第一千一百七十九条，商家应当赔偿医疗费、护理费和误工费。", [("civil_code:1179", "ok")]),
    ("依据民法典第一千一百七十九条，商家应当七日内退货。", [("civil_code:1179", "mismatch")]),
    ("依据民法典第一千二百零二条，因产品缺陷造成他人损害的，生产者应当承担侵权责任。", [("civil_code:1202", "ok")]),
    ("依据民法典第一千二百零三条，被侵权人可以向产品的销售者请求赔偿。", [("civil_code:1203", "ok")]),
    ("依据民法典第一千二百零五条，产品缺陷危及人身安全的，可以请求消除危险。", [("civil_code:1205", "ok")]),
    ("依据民法典第一千二百零六条，生产者发现缺陷后应当及时召回，并负担必要费用。", [("civil_code:1206", "ok")]),
    ("明知产品存在缺陷仍然销售，造成健康严重损害的，依据民法典第1207条可以请求惩罚性赔偿。", [("civil_code:1207", "ok")]),
    ("依据民法典第一千二百零七条，过保后商家应当免费维修。", [("civil_code:1207", "mismatch")]),
    # 实施条例、处罚办法
    ("同一型号在同等交易条件下对我收取更高的价格，违反《消费者权益保护法实施条例》第九条第二款。", [("crpl_regs:9:2", "ok")]),
    ("依据消保法实施条例第九条，商家应当免费维修。", [("crpl_regs:9", "mismatch")]),
    ("商家逾期十五日未处理，依据侵害消费者权益行为处罚办法第八条视为故意拖延。", [("crpl_penalties:8", "ok")]),
    ("依据《侵害消费者权益行为处罚办法》第八条，我享有知情权。", [("crpl_penalties:8", "mismatch")]),
    # 电子商务法、司法解释、七日无理由退货办法
    ("依据电子商务法第九条，该平台属于电子商务平台经营者。", [("ecommerce:9", "ok")]),
    ("平台未以显著方式标记自营业务，违反电子商务法第三十七条。", [("ecommerce:37", "ok")]),
    ("依据《电子商务法》第三十八条，平台明知卖家销售不安全的商品而未采取必要措施，应承担连带责任。", [("ecommerce:38", "ok")]),
    ("依据电子商务法第三十八条，我有权七日无理由退货。", [("ecommerce:38", "mismatch")]),
    ("平台“签收即视为认可质量”的格式条款无效（网络消费纠纷规定（一）第一条）。", [("spc_online:1", "ok")]),
    ("商家对定作商品作出了七日无理由退货承诺，依据网络消费纠纷规定（一）第二条应当遵守承诺。", [("spc_online:2", "ok")]),
    ("我拆封查验不影响商品完好，依据网络消费纠纷规定（一）第三条，商家不能以已拆封为由拒绝无理由退货。",
     [("spc_online:3", "ok")]),
    ("依据《网络消费纠纷规定（一）》第四条，平台自营的商品由平台承担销售者责任。", [("spc_online:4", "ok")]),
    ("依据买卖合同解释第十二条，合理期限应当综合瑕疵的性质等因素判断。", [("spc_sales:12", "ok")]),
    ("依据买卖合同解释第十四条第二款，出卖人自愿承担违约责任后不得翻悔。", [("spc_sales:14:2", "ok")]),
    ("商家拒不维修，我自行修理后，依据买卖合同解释第十六条可以要求商家负担合理费用。", [("spc_sales:16", "ok")]),
    ("我通过电子邮件发送了维修要求，依据诉讼时效规定第八条，数据电文到达即产生诉讼时效中断的效力。",
     [("spc_limitation:8", "ok")]),
    ("我向人民调解委员会申请调解，依据诉讼时效规定第十二条，诉讼时效从提出请求之日起中断。", [("spc_limitation:12", "ok")]),
    ("依据七日无理由退货办法第二条，网购的手环适用七日无理由退货。", [("online_returns:2", "ok")]),
    ("定作的商品属于除外商品（七日无理由退货办法第六条）。", [("online_returns:6", "ok")]),
    ("依据七日无理由退货办法第七条，一经激活价值贬损较大的商品经消费者在购买时确认后可以拒绝无理由退货。",
     [("online_returns:7", "ok")]),
    ("依据七日无理由退货办法第八条，为查验打开包装不影响商品完好。", [("online_returns:8", "ok")]),
    ("依据七日无理由退货办法第九条，电子电器类商品有激活等使用痕迹的视为不完好。", [("online_returns:9", "ok")]),
    ("依据七日无理由退货办法第十条，七日期间自签收商品的次日开始起算。", [("online_returns:10", "ok")]),
    ("依据七日无理由退货办法第十三条，商家应当在收到退回商品之日起七日内退款。", [("online_returns:13", "ok")]),
    ("依据七日无理由退货办法第十八条，退货运费由消费者承担。", [("online_returns:18", "ok")]),
    ("依据七日无理由退货办法第十八条，商家应当免费维修。", [("online_returns:18", "mismatch")]),
    ("商家未对除外商品进行明确标注，违反七日无理由退货办法第二十条。", [("online_returns:20", "ok")]),
    ("依据七日无理由退货办法第三十六条，电视购物的商品也适用本办法。", [("online_returns:36", "ok")]),
    # several citations, bare articles, unknowns
    ("消保法第八条规定了知情权，第九条规定了选择权。", [("crpl:8", "ok"), ("crpl:9", "ok")]),
    ("商家强迫换购违反消保法第十条，且未告知政策，违反第八条。", [("crpl:10", "ok"), ("crpl:8", "ok")]),
    ("依据消保法第八条、第九条，我有权自主选择是否换购。", [("crpl:8", "ok"), ("crpl:9", "ok")]),
    ("依据消保法第二十四条、产品质量法第四十条及民法典第五百八十二条，请贵方免费维修或者更换同型号产品。",
     [("crpl:24", "ok"), ("pql:40", "ok"), ("civil_code:582", "ok")]),
    ("依据消保法第三十条，我可以七天无理由退货。", [("crpl:30", "unknown")]),
    ("根据电子商务法第六十一条，平台应当协助维权。", [("ecommerce:61", "unknown")]),
    ("根据《江苏省消费者权益保护条例》第六十一条，平台应当协助维权。", [(None, "unknown")]),
    ("依据消保法第24条。", [("crpl:24", "ok")]),
    ("本案不适用产品质量法第四十一条。", [("pql:41", "ok")]),
    ("产品质量法第四十一条只适用于缺陷造成人身伤害或缺陷产品以外的其他财产损害；本案仅设备本身故障，"
     "应依消保法第二十四条主张修理、更换。", [("pql:41", "ok"), ("crpl:24", "ok")]),
    # quotations: the article's own words, or another article's
    ("依据《中华人民共和国消费者权益保护法》第二十四条第一款“经营者提供的商品或者服务不符合质量要求的，消费者可以"
     "……要求经营者履行更换、修理等义务”，贵方应当免费修理。", [("crpl:24:1", "ok")]),
    ("依据《消费者权益保护法》第八条“消费者享有自主选择商品或者服务的权利。”，我有权拒绝换购。", [("crpl:8", "mismatch")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_hand_written_claims(sentence: str, expected: list[tuple[str | None, str]]) -> None:
    results = check_text(sentence)
    assert [(r.key, r.result) for r in results] == expected, [r.why for r in results]


def test_every_article_in_the_knowledge_base_is_tested_right_and_has_topics() -> None:
    tested_ok = {key.split(":")[0] + ":" + key.split(":")[1] for _, exp in CASES for key, res in exp
                 if key and res == "ok"}
    held = {a.key for lw in laws().values() for a in lw.articles.values()}
    assert held - tested_ok == set()
    assert held - set(topics().articles()) == set(), "every article needs a topics.yaml entry"


def test_wrong_results_name_the_right_article() -> None:
    [r] = check_text("商家拒绝维修，侵犯了我的选择权（消保法第八条）。")
    assert r.suggest == "crpl:9" and "第九条" in r.why and r.says and "知情权" in r.says
    [r] = check_text("依据产品质量法第四十一条，手环过保后厂家仍应免费维修。")
    assert r.suggest == "crpl:24" and "人身" in r.why
    [r] = check_text("依据消保法第二十四条第二款，消费者可以在七日内退货。")
    assert r.suggest == "crpl:24:1"
    [r] = check_text("依据消保法第二条，经营者应当免费维修。")
    assert r.suggest == "crpl:24" and "修理" in r.why


def test_no_claim_is_never_called_wrong() -> None:
    for text in ("依据消保法第24条。", "商家的做法违反了《消费者权益保护法》第十条、第十六条的规定。", "见民法典第五百八十二条"):
        results = check_text(text)
        assert results and all(r.result == "ok" and not r.checked for r in results)


def test_unknown_is_not_flagged_and_says_why() -> None:
    [r] = check_text("依据消保法第三十条，我可以七天无理由退货。")
    assert r.result == "unknown" and not r.flagged and "第三十条" in r.why and r.says is None


def test_claim_is_the_sentence_and_results_are_in_order() -> None:
    text = "手环坏了。依据消保法第二十四条，商家应当维修；依据第八条，应当告知政策。另见产品质量法第四十条。"
    results = check_text(text)
    assert [r.key for r in results] == ["crpl:24", "crpl:8", "pql:40"]
    assert results[0].claim == "依据消保法第二十四条，商家应当维修；"
    assert results[1].claim == "依据第八条，应当告知政策。"
    assert [text[r.start : r.end] for r in results] == ["消保法第二十四条", "第八条", "产品质量法第四十条"]


def test_english_messages() -> None:
    [r] = check_text("商家拒绝维修，侵犯了我的选择权（消保法第八条）。", lang="en")
    assert r.result == "misread" and "right to choose" in r.why and "right to know" in (r.says or "")


def test_topics_data_is_validated() -> None:
    data = yaml.safe_load((ROOT / "kb" / "statutes" / "topics.yaml").read_text(encoding="utf-8"))
    data["articles"]["crpl:99"] = {"says": {"zh": "x", "en": "x"}, "topics": {}}
    with pytest.raises(TopicsError, match="crpl:99"):
        parse(data)
    data = yaml.safe_load((ROOT / "kb" / "statutes" / "topics.yaml").read_text(encoding="utf-8"))
    data["articles"]["crpl:8"]["topics"]["no_such_concept"] = 1
    with pytest.raises(TopicsError, match="no_such_concept"):
        parse(data)


def _paragraphs() -> list[tuple[str, str, str, str]]:
    """(expected key, full title, heading as cited, paragraph text) for every paragraph in the KB."""
    out = []
    for lw in laws().values():
        for art in lw.articles.values():
            many = len(art.paragraphs) > 1
            for p in art.paragraphs:
                key = f"{art.key}:{p.number}" if many else art.key
                out.append((key, lw.title, art.heading + (p.heading if many else ""), p.text))
    return out


@pytest.mark.parametrize(("key", "title", "heading", "words"), _paragraphs(), ids=[p[0] for p in _paragraphs()])
def test_quoting_any_paragraph_word_for_word_is_ok(key: str, title: str, heading: str, words: str) -> None:
    """How a letter drafted by weiquan cites: the full title, the article, its own words."""
    short = words if len(words) < 60 else words[:25] + "……" + words[-25:]
    for text in (f"依据《{title}》{heading}“{words}”，贵方应当依法处理。",
                 f"根据《{title}》{heading}的规定：“{short}”因此，请贵方在十五日内书面答复。"):
        assert [(r.key, r.result) for r in check_text(text)] == [(key, "ok")], text


_PIECES = ["消保法第八条", "第九条", "《产品质量法》第四十一条", "民法典第582条", "电子商务法第十条", "消保法第二十五条", "、",
           "依据", "违反", "（", "）", "，", "。", "；", "选择权", "知情权", "免费维修", "过保", "烫伤", "三倍", "不适用",
           "“消费者享有自主选择商品或者服务的权利。”", "商家", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_any_text_checks_without_error_and_unknown_is_never_flagged(text: str) -> None:
    results = check_text(text)
    assert [r.start for r in results] == sorted(r.start for r in results)
    for r in results:
        assert r.result in RESULTS
        assert r.claim and r.text in text
        if r.result in ("unknown", "unnamed"):
            assert not r.flagged and r.says is None
        if r.flagged:
            assert r.why and r.says


# ── the command line ──────────────────────────────────────────────────────────────────────────

DRAFT = ("本人购买的手环出现触控失灵。根据消法第8条我有选择权。依据消保法第二十四条，商家应当免费维修。"
         "依据电子商务法第十条，平台应当协助。")


def weiquan(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-c", "from cli import app; app()", *args], cwd=ROOT, input=data,
                          capture_output=True, timeout=60)


def test_cli_json_shape_and_exit_1_on_a_wrong_citation(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    r = weiquan("check", str(draft), "--format", "json")
    assert r.returncode == 1, r.stderr.decode()
    data = json.loads(r.stdout)
    assert list(data) == ["citations"]
    for c in data["citations"]:
        assert list(c) == ["text", "key", "claim", "result", "says", "suggest", "why"]
    assert [(c["text"], c["key"], c["result"], c["suggest"]) for c in data["citations"]] == [
        ("消法第8条", "crpl:8", "misread", "crpl:9"),
        ("消保法第二十四条", "crpl:24", "ok", None),
        ("电子商务法第十条", "ecommerce:10", "unknown", None),
    ]
    assert data["citations"][0]["claim"] == "根据消法第8条我有选择权。"


def test_cli_exit_0_when_all_citations_hold_and_reads_stdin() -> None:
    r = weiquan("check", "-", stdin="依据消保法第二十四条，商家应当免费维修。依据电子商务法第十条。")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode("utf-8")
    assert "相符" in out and "未收录" in out and "\x1b[" not in out
    assert "经营者提供的商品或者服务不符合质量要求的" in out  # the article's own words


def test_cli_text_report_quotes_claim_and_correction() -> None:
    r = weiquan("check", "-", stdin=DRAFT)
    out = r.stdout.decode("utf-8")
    assert r.returncode == 1
    assert "“根据消法第8条我有选择权。”" in out and "误读" in out and "第九条" in out
    assert "消费者享有知悉其购买、使用的商品或者接受的服务的真实情况的权利。" in out


def test_cli_no_citations() -> None:
    r = weiquan("check", "-", stdin="手环坏了，商家不管。")
    assert r.returncode == 0 and "未发现" in r.stdout.decode("utf-8")


def test_cli_english() -> None:
    r = weiquan("check", "-", "--lang", "en", stdin=DRAFT)
    out = r.stdout.decode("utf-8")
    assert r.returncode == 1 and "misread" in out and "Cite instead" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["check", "/no/such/draft.txt"], None, "找不到文件：/no/such/draft.txt"),
        (["check", "-"], "依据消保法第二十四条".encode("gbk"), "UTF-8"),
        (["check", "."], None, "这是一个目录，不是文本文件"),
    ],
)
def test_cli_bad_input_exits_2_without_traceback(args: list[str], stdin: bytes | None, message: str) -> None:
    r = weiquan(*args, stdin=stdin)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2 and message in err and "Traceback" not in err


def test_cli_prints_draft_text_literally(tmp_path: Path) -> None:
    """A draft is the user's text: rich markup in it must come out as written, never interpreted."""
    r = weiquan("check", "-", stdin="[bold red]依据[/]消保法第八条，我有选择权。")
    assert "[bold red]依据[/]消保法第八条" in r.stdout.decode("utf-8")


def test_cli_accepts_a_byte_order_mark() -> None:
    r = weiquan("check", "-", "--format", "json", stdin="\ufeff依据消保法第二十四条，商家应当维修。")
    assert json.loads(r.stdout)["citations"][0]["result"] == "ok"


# ── wrong content under the right article, and paragraphs or items that do not exist ─────────────

def _json(stdin: str, *args: str) -> tuple[int, list[dict]]:
    r = weiquan("check", "-", "--format", "json", *args, stdin=stdin)
    assert "Traceback" not in r.stderr.decode("utf-8"), r.stderr.decode("utf-8")
    return r.returncode, json.loads(r.stdout)["citations"]


@pytest.mark.parametrize(
    ("text", "said", "right"),
    [
        ("依据《消费者权益保护法》第24条，消费者可以自收到商品之日起三十日内退货。", "三十日内退货", "七日"),
        ("依据消保法第二十四条，自收到商品之日起十五日内退货。", "十五日内退货", "七日"),
        ("依据消保法第24条第1款，消费者可以在30天内退货。", "30天内退货", "七日"),
        ("依照消保法第55条，欺诈的应当退一赔十。", "退一赔十", "三倍"),
        ("依据消保法第五十五条第一款，商家欺诈的，应当赔偿价款的五倍。", "赔偿价款的五倍", "三倍"),
        ("商家明知缺陷仍然销售，造成健康严重损害，依据消保法第五十五条第二款，可以要求所受损失三倍的惩罚性赔偿。",
         "三倍的惩罚性赔偿", "二倍以下"),
        ("依据消保法第二十三条，耐用商品一年内发现瑕疵的，由经营者举证。", "一年内发现瑕疵", "六个月"),
        ("依据产品质量法第四十五条，因产品缺陷要求赔偿的诉讼时效为三年。", "诉讼时效为三年", "二年"),
        ("依据侵害消费者权益行为处罚办法第八条，超过三十日视为故意拖延。", "三十日视为故意拖延", "十五日"),
    ],
)
def test_cli_a_number_the_article_states_otherwise_is_wrong(text: str, said: str, right: str) -> None:
    code, [c] = _json(text)
    assert code == 1 and c["result"] == "misread", c
    assert f"「{said}」" in c["why"] and f"是{right}" in c["why"], c["why"]
    art = c["key"].split(":")
    words = lookup(":".join(art[:2])).text
    quoted = c["why"].split("“")[1].split("”")[0]
    assert quoted in words and right.removesuffix("以下") in quoted  # the article's own sentence, from kb/


def test_cli_wrong_return_period_text_and_english() -> None:
    text = "依据《消费者权益保护法》第24条，消费者可以自收到商品之日起三十日内退货。"
    r = weiquan("check", "-", stdin=text)
    out = r.stdout.decode("utf-8")
    assert r.returncode == 1 and "✗" in out and "相符 0" in out
    assert "“没有国家规定和当事人约定的，消费者可以自收到商品之日起七日内退货；" in out and "不是三十日" in out
    r = weiquan("check", "-", "--lang", "en", stdin=text)
    out = r.stdout.decode("utf-8")
    assert r.returncode == 1 and "misread" in out and "7 days, not 30 days" in out


def test_cli_denying_what_the_article_grants_is_wrong() -> None:
    code, [c] = _json("依照消费者权益保护法第二十四条，过了七天就不能再退货或者维修了。")
    assert code == 1 and c["result"] == "misread"
    assert "「不能再退货或者维修」" in c["why"] and "可以要求经营者履行更换、修理等义务" in c["why"]
    code, [c] = _json("依照消费者权益保护法第二十四条，过了七天就不能再退货或者维修了。", "--lang", "en")
    assert code == 1 and "may still demand replacement or repair" in c["why"]


def test_cli_numbers_and_denials_that_agree_or_are_not_claims_about_the_article_pass() -> None:
    """Low false alarms: the article's own numbers, numbers of something else, facts of the case, dates,
    another source named (承诺, 三包), reported speech, and a seller's conduct said to break the article."""
    text = "\n".join([
        "依据消保法第二十四条，消费者可以自收到商品之日起七日内退货。",
        "依据消保法第24条第1款，消费者可以在7天内退货，超过7天可以要求换货或者维修。",
        "根据消保法第24条，我在收货后三天内就提出了退货，商家应当退货。",
        "依据消保法第二十四条，商家承诺的三十日内退货应当兑现。",
        "依据消保法第二十四条和三包规定，七日内退货、十五日内换货。",
        "商家只允许三天内退货，违反消保法第二十四条。",
        "我于2024年3月5日购买，依据消保法第二十四条要求退货。",
        "依据消保法第二十四条，商家应在15天内给予答复并免费维修。",
        "依据消保法第二十四条，商家不得拒绝维修。",
        "依据消保法第二十四条，商家不能以过了七天为由拒绝维修。",
        "商家称过了七天就不能维修了，但依据消保法第二十四条，我仍可以要求修理。",
        "商家把翻新机当新机出售，构成欺诈，依据消保法第五十五条我要求退一赔三。",
        "依据消保法第五十五条，商家构成欺诈，应当赔偿价款的三倍。",
        "依据民法典第一百八十八条，诉讼时效期间为三年，最长不超过二十年。",
        "依据产品质量法第四十五条，诉讼时效为二年，请求权满十年丧失。",
        "依据民法典第六百二十一条，买受人应当在合理期限内通知出卖人，最长不超过两年。",
        "商家逾期十五日未处理，依据侵害消费者权益行为处罚办法第八条视为故意拖延。",
    ])
    code, cites = _json(text)
    assert code == 0, [c for c in cites if c["result"] != "ok"]
    assert all(c["result"] == "ok" for c in cites)


@pytest.mark.parametrize(
    ("text", "key", "message", "suggest"),
    [
        ("依据消保法第二十四条第三款，商家应当承担运费。", "crpl:24", "第二十四条共二款，没有第三款", "crpl:24:2"),
        ("消保法第二十四条第3款规定，经营者应当承担运费。", "crpl:24", "第二十四条共二款，没有第三款", "crpl:24:2"),
        ("依据消保法第五十六条第一款第十二项，市场监管部门可以对拖延的商家罚款。", "crpl:56:1", "共十项，没有第十二项",
         "crpl:56:1:8"),
        ("依据民法典第一百八十八条第二款第一项，诉讼时效为三年。", "civil_code:188:2", "不分项，没有第一项", None),
    ],
)
def test_cli_a_paragraph_or_item_that_does_not_exist_is_wrong(text: str, key: str, message: str,
                                                               suggest: str | None) -> None:
    code, [c] = _json(text)
    assert code == 1 and c["result"] == "mismatch" and c["key"] == key and c["suggest"] == suggest, c
    assert message in c["why"] and "未收录" not in c["why"] and c["says"]
    r = weiquan("check", "-", stdin=text)
    out = r.stdout.decode("utf-8")
    assert r.returncode == 1 and "✗ 不相符" in out and message in out and "? 未收录" not in out
    r = weiquan("check", "-", "--lang", "en", stdin=text)
    assert r.returncode == 1 and "the citation is wrong" in r.stdout.decode("utf-8")


def test_cli_an_article_the_knowledge_base_does_not_hold_stays_unknown() -> None:
    """kb/ holds selected articles of each law, never a whole law: 第一百条 may or may not exist."""
    code, [c] = _json("依据消保法第一百条，商家应当维修。")
    assert code == 0 and c["result"] == "unknown" and "这不表示引用有误" in c["why"]


def test_figures_and_grants_are_validated() -> None:
    def fresh() -> dict:
        return yaml.safe_load((ROOT / "kb" / "statutes" / "topics.yaml").read_text(encoding="utf-8"))

    data = fresh()
    data["articles"]["crpl:24"]["figures"][0]["quote"] = "自收到商品之日起三十日内退货"
    with pytest.raises(TopicsError, match="not in the text of crpl:24"):
        parse(data)
    data = fresh()
    data["articles"]["crpl:24"]["figures"][0]["unit"] = "week"
    with pytest.raises(TopicsError, match="unit"):
        parse(data)
    data = fresh()
    data["articles"]["crpl:24"]["grants"][0]["quote"] = "七日后不能修理"
    with pytest.raises(TopicsError, match="crpl24.repair_after_seven_days"):
        parse(data)


# ── over-reading: the right article, read as giving more than it does ───────────────────────────

OVERREACH = [
    # (text, key, what the message must quote from the article, suggest)
    ("依据消保法第二十四条，商家应当为我更换性能不低于原商品的新款手环。", "crpl:24", "要求经营者履行更换、修理等义务", None),
    ("根据《消费者权益保护法》第24条，经营者应当把故障手环升级为新一代产品。", "crpl:24", "要求经营者履行更换、修理等义务", None),
    ("消保法第十条明确规定，同批次的消费者应当获得同等对待。", "crpl:10", "公平交易条件", None),
    ("依据消保法第五十六条，我有权要求商家公开售后政策。", "crpl:56", "向社会公布", "crpl:8"),
    ("依据产品质量法第四十一条，厂家应当免费维修或者更换手环。", "pql:41", "生产者应当承担赔偿责任", "crpl:24"),
    ("依据消保法第十九条，商家应当退款。", "crpl:19", "召回支出的必要费用", "crpl:24"),
    ("依据消保法第九条，商家应当免费维修。", "crpl:9", "自主选择商品或者服务的权利", "crpl:24"),
    ("手环触控失灵，依据消保法第五十条，商家应当向我赔礼道歉。", "crpl:50", "赔礼道歉", None),
]


@pytest.mark.parametrize(("text", "key", "quoted", "suggest"), OVERREACH, ids=[o[0][:20] for o in OVERREACH])
def test_cli_overreach_quotes_what_the_article_does_say(text: str, key: str, quoted: str, suggest: str | None) -> None:
    code, [c] = _json(text)
    assert code == 1 and (c["key"], c["result"], c["suggest"]) == (key, "overreach", suggest), c
    sentence = c["why"].split("规定的是：“", 1)[1].split("”本条没有", 1)[0]
    assert sentence in lookup(key).text and quoted in sentence  # the article's own sentence, from kb/
    assert c["says"]
    code, [c] = _json(text, "--lang", "en")
    assert code == 1 and c["result"] == "overreach" and "into this article" in c["why"]


def test_cli_overreach_text_report() -> None:
    r = weiquan("check", "-", stdin="消保法第十条明确规定，同批次的消费者应当获得同等对待。")
    out = r.stdout.decode("utf-8")
    assert r.returncode == 1 and "✗ 超出条文" in out and "超出条文 1" in out
    assert "消费者在购买商品或者接受服务时，有权获得质量保障、价格合理、计量正确等公平交易条件" in out


def test_what_the_articles_do_give_is_not_overreach() -> None:
    """The same articles, claimed for what they say, or over-readings the writer disowns or argues."""
    text = "\n".join([
        "依据消保法第二十四条，商家应当免费维修或者更换同型号的手环。",
        "依据消保法第二十四条不能要求新款，本人仅作为协商请求，希望贵方更换新款。",
        "同批次其他消费者获得了新款，本人认为应当同等对待（消保法第十条）。",
        "消保法第十条并没有明确规定同批次同等对待。",
        "依据消保法第五十六条，市场监管部门可以对故意拖延的商家处以罚款，并向社会公布。",
        "依据消保法第八条，我有权要求商家公开售后政策。",
        "手环起火烧坏了我的沙发，依据产品质量法第四十一条，生产者应当赔偿其他财产损失。",
        "依据产品质量法第四十条、第四十一条，厂家应当免费维修。",
        "该批次手环存在发热缺陷，经营者应当依消保法第十九条召回，并依召回公告退款。",
        "商家拒绝免费维修、强迫我换购，侵犯了我的自主选择权（消保法第九条）。",
        "商家泄露了我的个人信息，依据消保法第五十条应当赔礼道歉并赔偿损失。",
        "消保法第十条规定了公平交易权，经营者对同批次用户区别对待，违反了该条。",  # an argument, not 明确规定
        "商家拒绝维修，只愿意以六折换购新款，违反消保法第二十四条。",  # the business's offer, not the claim
        "商家要求我补差价升级新款，违反消保法第二十四条。",
    ])
    code, cites = _json(text)
    assert code == 0, [c for c in cites if c["result"] != "ok"]
    assert [c["result"] for c in cites] == ["ok"] * 15


def test_overreach_data_is_validated() -> None:
    def fresh() -> dict:
        return yaml.safe_load((ROOT / "kb" / "statutes" / "topics.yaml").read_text(encoding="utf-8"))

    data = fresh()
    data["articles"]["crpl:24"]["overreach"][0]["quote"] = "经营者应当更换新款"
    with pytest.raises(TopicsError, match="crpl24.newer_model"):
        parse(data)
    data = fresh()
    data["articles"]["crpl:24"]["overreach"][0]["claim"] = ["newer_modle"]
    with pytest.raises(TopicsError, match="newer_modle"):
        parse(data)
    data = fresh()
    del data["articles"]["crpl:24"]["overreach"][0]["note"]["en"]
    with pytest.raises(TopicsError, match="note"):
        parse(data)


# ── bare article numbers ─────────────────────────────────────────────────────────────────────

def test_cli_a_bare_article_with_no_law_is_listed_as_law_not_named() -> None:
    code, cites = _json("手环坏了。第二十四条规定商家应当维修。依据消保法第九条，我有权选择。")
    assert code == 0
    assert [(c["text"], c["key"], c["result"]) for c in cites] == [("第二十四条", None, "unnamed"),
                                                                   ("消保法第九条", "crpl:9", "ok")]
    assert "没有指明是哪部法律" in cites[0]["why"] and cites[0]["says"] is None
    r = weiquan("check", "-", stdin="第二十四条规定商家应当维修。")
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0 and "? 未指明法律" in out and "未指明法律 1" in out
    r = weiquan("check", "-", "--lang", "en", stdin="第二十四条规定商家应当维修。")
    assert "law not named" in r.stdout.decode("utf-8")


def test_cli_a_bare_article_right_after_a_named_law_is_checked_against_it() -> None:
    code, cites = _json("依据消保法的相关规定，第10条规定消费者享有公平交易权。依据产品质量法，第四十一条规定厂家应当免费维修。")
    assert [(c["text"], c["key"], c["result"]) for c in cites] == [("第10条", "crpl:10", "ok"),
                                                                   ("第四十一条", "pql:41", "overreach")]
    assert code == 1


# ── hostile input: long runs, huge article numbers ────────────────────────────────────────────

def test_cli_long_runs_of_numerals_quotes_and_spaces_are_read_and_the_citations_after_them_found() -> None:
    """Runs that made the reader quadratic (16,000 “ took a minute): each 40,000 characters long, then
    real citations. Linear reading answers well inside the helper's timeout."""
    runs = ["“" * 40_000, "十" * 40_000, "1" * 40_000, "十、" * 20_000, "第" + " " * 40_000 + "十",
            "消保法第" + "十" * 40_000 + "条", "（" * 40_000, "消保法第八条、" + "第十、" * 13_000]
    tail = "依据消保法第二十四条，商家应当免费维修。依据产品质量法第四十一条，厂家应当免费维修。"
    code, cites = _json("。".join(runs) + "。" + tail)
    found = [(c["text"], c["result"]) for c in cites]
    assert found[-2:] == [("消保法第二十四条", "ok"), ("产品质量法第四十一条", "overreach")], found[-4:]
    assert code == 1
    assert ("消保法第八条", "ok") in found  # the article before the 第十、 run, read as itself
    assert not any("十十" in t or "11" in t for t, _ in found)  # a run is no article number


def test_cli_an_article_number_past_any_law_is_no_such_article() -> None:
    code, [c] = _json("依据消保法第12345678901234567条，商家应当维修。")
    assert code == 0 and c["result"] == "unknown" and c["key"] == "crpl:12345678901234567"
    assert "没有第12345678901234567条" in c["why"] and c["says"] is None
    code, [c] = _json("依据消保法第一万零一条，商家应当维修。")
    assert code == 0 and c["result"] == "unknown" and "没有第一万零一条" in c["why"]
