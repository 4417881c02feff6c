"""Letters (issue 4) through the CLI as a user runs it and through `letters.draft`."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
import time
from pathlib import Path

import pytest
import yaml
from docx import Document
from pypdf import PdfReader

import letters
from checker import check_text
from engine.assess import assess
from engine.case import parse_case
from kb import laws
from tests.conftest import ROOT, SCENARIOS, load_scenario, make_case, run_cli


def scenario_case(path: Path) -> tuple[dict, str]:
    sc = load_scenario(path)
    return sc["case"], str(sc["as_of"])


def write_case(tmp: Path, data: dict) -> Path:
    p = tmp / "case.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def verdict_of(data: dict, as_of: str, lang: str = "zh"):
    day = dt.date.fromisoformat(as_of)
    case = parse_case(data, as_of=day)
    return case, assess(case, day, lang)


def empty_sections(md: str) -> list[str]:
    """Headings followed directly by another heading of the same or a higher level (nothing under them)."""
    heads = [(m.start(), len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#{1,3}) (.*)$", md, re.M)]
    out = []
    for (start, level, title), nxt in zip(heads, heads[1:] + [(len(md), 0, "")], strict=True):
        body = md[md.index("\n", start) + 1 : nxt[0]].strip()
        if not body and nxt[1] <= level:
            out.append(title)
    return out


CASES = SCENARIOS


def case_path(prefix: str) -> Path:
    return next(p for p in CASES if p.name.startswith(prefix))


def cli_letter(tmp: Path, prefix: str, *args: str) -> str:
    """The letter as a user gets it: the scenario's case through `weiquan letter` at its as-of date."""
    data, as_of = scenario_case(case_path(prefix))
    r = run_cli("letter", str(write_case(tmp, data)), "--as-of", as_of, *args)
    assert r.returncode == 0, r.stderr
    return r.stdout


def section(md: str, head: str) -> str:
    start = md.index(head)
    nxt = md.find("\n## ", start + 1)
    return md[start: nxt if nxt > 0 else len(md)]


def numbered(text: str) -> list[str]:
    return re.findall(r"^\d+\. (.*)$", text, re.M)


def judged(md: str) -> list[tuple[str, str, str]]:
    """The citation checker's objections, less those it raises with no data on the article at all (an empty
    "本条规定的是：。": kb/statutes/topics.yaml has no topics for it yet — see letters-notes.md)."""
    return [(x.text, x.result, x.why) for x in check_text(md, "zh") if x.flagged and "本条规定的是：。" not in x.why]


def as_of_right(v) -> list[str]:  # noqa: ANN001
    return [d.demand for d in v.demands if d.basis == "right" and d.strength in ("strong", "arguable")]


@pytest.mark.parametrize("kind", ["demand", "complaint"])
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_scenario_letter_renders_and_says_what_it_must(path: Path, kind: str, tmp_path: Path) -> None:
    data, as_of = scenario_case(path)
    r = run_cli("letter", str(write_case(tmp_path, data)), "--kind", kind, "--as-of", as_of)
    assert r.returncode == 0, r.stderr
    md = r.stdout
    case, v = verdict_of(data, as_of)
    if not as_of_right(v) and not any(d.basis == "request" for d in v.demands):
        assert "没有可依法主张的要求" in md and not md.startswith("#")
        return
    assert case.consumer.name in md
    short = md.startswith("# 退货退款函")  # the short return letter leaves out the escalation articles
    for f in v.findings:
        if f.strength == "strong" and not (short and f.id == "crpl56.report_to_regulator"):
            for key in f.quotes:
                c = laws.lookup(key)
                assert c.label in md, (f.id, key)
        if f.strength == "weak":
            assert f.title not in md  # weak findings are not argued
    if any("pql:41" in n.cites for n in v.not_applicable):
        assert "产品质量法》第四十一条" not in md
    for key in {k for f in v.findings if f.strength != "weak" for k in f.quotes}:
        c = laws.lookup(key)
        assert md.count(f"{c.label}规定：“{c.text}") <= 1, key  # quoted once, referred to after
    for m in re.finditer(r"所依据的(.+?)，原文见前文", md):  # "see above" only where that very passage stands above
        for label in m.group(1).split("、"):
            assert f"{label}规定：“" in md[:m.start()], label
    if not any("crpl_regs:9" in f.cites for f in v.findings):  # L6: only with the same remedy cheaper
        assert "同一商品、同等条件设置了不同的收费" not in md and "实施条例》第九条" not in md
    assert "{{" not in md and "None" not in md
    assert not re.search(r"\d{4}-\d{2}-\d{2}", md.replace(str(case.fault.description), "")), "ISO date in a Chinese letter"
    assert "（（" not in md and "。）" not in md
    assert empty_sections(md) == []
    assert "不构成律师意见" in md
    assert judged(md) == []


def test_no_article_marked_not_applicable_is_cited() -> None:
    for path in CASES:
        data, as_of = scenario_case(path)
        case, v = verdict_of(data, as_of)
        try:
            md = letters.draft(case, v).decode()
        except letters.NoLetter:
            continue
        for n in v.not_applicable:
            for key in n.cites:
                c = laws.lookup(key)
                assert f"《{c.law.title}》{c.article.heading}" not in md, (path.name, key)


def test_every_as_of_right_demand_is_made_and_requests_come_after_marked() -> None:
    """LEGAL_SPEC §2a: the letter demands what the verdict's demands give as of right, ticked or not; a
    request is after them, marked; a demand no finding gives is never among the numbered demands."""
    from letters import phrases

    for path in CASES:
        data, as_of = scenario_case(path)
        case, v = verdict_of(data, as_of)
        try:
            md = letters.draft(case, v).decode()
        except letters.NoLetter:
            continue
        part = section(md, "## 三、")
        demands, _, requests = part.partition("协商请求")
        listed = "\n".join(numbered(demands))
        for d in as_of_right(v):
            if d in ("free_repair", "free_replacement_same_model", "refund", "price_reduction"):
                continue  # the remedy line, tested on its own below
            if d == "compensation":
                assert "赔偿" in listed, (path.name, d)
            else:
                assert phrases.DEMANDS[d]("zh") in listed, (path.name, d)
        for d in v.demands:
            if d.basis in ("request", "none") and d.demand != "refund":
                assert phrases.DEMANDS[d.demand]("zh") not in listed, (path.name, d.demand)
        if requests.strip():
            assert "并非依据上述法律规定提出的主张" in part


def test_seed_demands_repair_or_same_model_first_and_the_newer_model_as_a_request(tmp_path: Path) -> None:
    """Issue 10's Done-means, through the CLI with the example case file."""
    r = run_cli("letter", str(ROOT / "examples" / "seed.yaml"), "--as-of", "2025-09-01")
    assert r.returncode == 0, r.stderr
    md = r.stdout
    part = section(md, "## 三、")
    items = numbered(part)
    assert items[0] == "免费修理该设备，或者免费更换同型号的合格商品；同型号商品无法提供的，办理退货并全额退还货款；"
    legal, _, asked = part.partition("此外，本人提出以下协商请求（此项为协商请求，并非依据上述法律规定提出的主张）")
    assert "小米手环10" not in legal and "新款" not in legal
    assert "免费更换为小米手环10" in asked
    # the after-warranty ground is the consumer's view (L5); no 实施条例第九条 (L6)
    ground = section(md, "### （一）过保后")
    assert "本人认为，该设备的故障在交付时即已存在" in ground
    assert "实施条例" not in md and "同一商品、同等条件设置了不同的收费" not in md
    # the limitation: three years from the day the fault was found, with the interruption advice
    notes = md.split("\n---\n")[-1]
    assert "最稳妥按2028年8月2日届满计算（自2025年8月2日发现问题起三年）" in notes
    assert "EMS" in notes and "回执" in notes and "民法典第一百九十五条" in notes and "中断" in notes
    assert "2025年9月16日" in section(md, "## 四、")  # fifteen days to answer
    assert laws.lookup("crpl_penalties:8").text in md


def test_burn_letter_demands_the_refund_and_lists_the_losses_with_their_total(tmp_path: Path) -> None:
    md = cli_letter(tmp_path, "14")
    part = section(md, "## 三、")
    items = numbered(part)
    assert items[0] == "办理退货并全额退还货款；"
    assert not any("修理" in i and "费用" not in i for i in items)  # never a repair of the battery that burned her
    assert "赔偿本人因此支出的下列费用，合计700元" in part
    assert "- 医疗费 620元（门诊挂号、清创及药费，2025年9月6日，有票据）" in part
    assert "- 交通费 80元" in part and "- 合计：700元" in part


def test_manufacturer_letter_never_quotes_product_quality_law_40(tmp_path: Path) -> None:
    """L15: repair rests on the manufacturer's own warranty; 产品质量法第四十条 is the seller's duty."""
    for prefix in ("01", "02", "14"):
        md = cli_letter(tmp_path, prefix, "--to", "manufacturer")
        assert "（生产者）" in md
        assert "产品质量法》第四十条" not in md and "产品质量法第四十条" not in md, prefix
    md = cli_letter(tmp_path, "02", "--to", "manufacturer")
    assert "依贵方的保修承诺（当事人约定）" in md
    for path in CASES:  # and in every scenario, both kinds
        data, as_of = scenario_case(path)
        case, v = verdict_of(data, as_of)
        for kind in ("demand", "complaint"):
            try:
                text = letters.draft(case, v, kind=kind, to="manufacturer").decode()
            except letters.NoLetter:
                continue
            assert "产品质量法》第四十条" not in text, (path.name, kind)
    assert "《中华人民共和国产品质量法》第四十条" in cli_letter(tmp_path, "02")  # to the seller it is quoted


def test_admitted_damage_gets_no_demand_letter_only_a_goodwill_request(tmp_path: Path) -> None:
    data, as_of = scenario_case(case_path("04"))
    p = write_case(tmp_path, data)
    r = run_cli("letter", str(p), "--as-of", as_of, "-f", "pdf", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "没有可依法主张的要求" in r.stdout and "--goodwill" in r.stdout
    assert not list(tmp_path.glob("*.pdf"))  # nothing written
    r = run_cli("letter", str(p), "--as-of", as_of, "--goodwill")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# 协商请求函") and "不主张任何法律上的权利" in r.stdout
    assert "《" not in r.stdout and "要求贵方" not in r.stdout  # no article, no demand


def test_platform_letter_goes_to_the_platform_and_claims_under_article_44(tmp_path: Path) -> None:
    md = cli_letter(tmp_path, "15")
    assert "**致：抖音（电子商务平台经营者）**" in md
    basis = section(md, "## 二、")
    assert basis.index("第四十四条第一款") < basis.index("第二十四条")  # why it goes to the platform, first
    assert "要求贵平台赔偿本人因销售者不履行下列责任所受的损失" in md
    assert "销售者应当依法免费修理" in md and "贵方应当依法免费修理" not in md  # the repair is the seller's duty


def test_no_reason_return_letter_is_short_and_names_the_seven_day_date(tmp_path: Path) -> None:
    md = cli_letter(tmp_path, "11")
    assert md.startswith("# 退货退款函")
    assert "本人于2025年11月7日提出退货，在收到商品之日起七日的期限（至2025年11月10日）之内" in md
    assert "运费由本人承担" in md  # §2a: say who pays the return shipping
    assert "订单号308812345671" in md
    assert laws.lookup("crpl_penalties:8").text not in md and "第五十六条" not in md
    assert len(md) < len(cli_letter(tmp_path, "14")) * 0.7


def test_fraud_letter_asks_three_times_the_price(tmp_path: Path) -> None:
    items = numbered(section(cli_letter(tmp_path, "17"), "## 三、"))
    assert items == ["办理退货并全额退还货款；", "按商品价款4999元的三倍增加赔偿14997元。"]


@pytest.mark.parametrize("prefix", ["01", "05", "11", "14", "15", "17"])
def test_complaint_fits_the_12315_form(prefix: str, tmp_path: Path) -> None:
    md = cli_letter(tmp_path, prefix, "--kind", "complaint")
    head, _, attachment = md.partition("## 附件：事实与理由")
    assert attachment, "the full reasoning is an attachment after the form's fields"
    summary = section(head, "## 投诉内容").split("\n\n", 1)[1].split("\n\n")[0].strip()
    assert len(summary) <= 500 and f"（可直接粘贴，{len(summary)}字）" in head
    assert "要求被投诉人" not in summary or "投诉请求：" in summary
    assert "“" not in summary  # the articles by name only
    assert "涉及的法律规定：《" in summary
    respondent = section(head, "## 被投诉人")
    assert "- 名称：" in respondent and "- 地址：" in respondent
    assert "贵方" not in attachment
    data, as_of = scenario_case(case_path(prefix))
    case, v = verdict_of(data, as_of)
    samr = next(d for d in v.deadlines if d.id == "complaint.samr")
    assert f"请最迟于{letters.content.day(samr.date, 'zh')}（含当日）提交投诉" in head
    if case.purchase.order_number:
        assert f"订单号{case.purchase.order_number}" in summary


@pytest.mark.parametrize("prefix", ["01", "05", "14", "15", "17"])
def test_english_complaint_summary_reads_as_sentences(prefix: str, tmp_path: Path) -> None:
    """English runs longer than Chinese, so it is the text that must be cut: whole demands only, the rest pointed
    to the attachment; and the business is "the respondent", as 被投诉人 (the form has a field for its name)."""
    md = cli_letter(tmp_path, prefix, "--kind", "complaint", "--lang", "en")
    head = md.partition("## Attachment: facts and grounds")[0]
    summary = section(head, "## Complaint content").split("\n\n", 1)[1].split("\n\n")[0].strip()
    assert len(summary) <= 500 and f"(paste as is; {len(summary)} characters)" in head
    assert " from the respondent. " in summary and "from ." not in summary
    assert summary.endswith(".") and not re.search(r"[a-z][.;][A-Z]|  |: \.", summary)
    if "set out in the attachment" in summary:
        assert summary.endswith("; and the rest set out in the attachment.")


def test_complaint_names_the_registered_name_address_and_order(tmp_path: Path) -> None:
    data = make_case(version=2, **{"purchase.seller_registered_name": "某某科技有限公司",
                                  "purchase.seller_address": "北京市海淀区某路2号", "purchase.order_number": "A123",
                                  "product.serial": "SN9"})
    r = run_cli("letter", str(write_case(tmp_path, data)), "--as-of", "2024-10-01", "--kind", "complaint")
    assert r.returncode == 0, r.stderr
    respondent = section(r.stdout, "## 被投诉人")
    assert "- 名称：某某科技有限公司" in respondent and "- 地址：北京市海淀区某路2号" in respondent
    assert "店铺：官方商城" in respondent
    r = run_cli("letter", str(write_case(tmp_path, data)), "--as-of", "2024-10-01")
    assert "**致：某某科技有限公司（销售者，店铺：官方商城）**" in r.stdout
    assert "Band X（序列号SN9，订单号A123）" in r.stdout


def test_user_text_is_inserted_without_doubled_brackets(tmp_path: Path) -> None:
    data = make_case(**{"fault.description": "（屏幕不亮。）", "interactions": [
        {"date": "2024-09-05", "party": "售后", "kind": "refusal", "note": "称已过保。"}]})
    r = run_cli("letter", str(write_case(tmp_path, data)), "--as-of", "2024-10-01")
    assert r.returncode == 0, r.stderr
    assert "（屏幕不亮）" in r.stdout and "（称已过保）" in r.stdout
    assert "（（" not in r.stdout and "。）" not in r.stdout


def test_user_text_is_printed_literally(tmp_path: Path) -> None:
    data = make_case(**{"consumer.name": "{{ 1+1 }} 张*三#", "fault.description": "屏幕\n# 不亮 **真的**"})
    r = run_cli("letter", str(write_case(tmp_path, data)), "--as-of", "2025-09-01", "-f", "txt")
    assert r.returncode == 0, r.stderr
    assert "{{ 1+1 }} 张*三#" in r.stdout and "2 张" not in r.stdout
    assert "屏幕 # 不亮 **真的**" in r.stdout


def test_pdf_text_contains_the_chinese_article_text(tmp_path: Path) -> None:
    data, as_of = scenario_case(SCENARIOS[0])
    out = tmp_path / "letter.pdf"
    r = run_cli("letter", str(write_case(tmp_path, data)), "-f", "pdf", "-o", str(out), "--as-of", as_of)
    assert r.returncode == 0, r.stderr
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert "维权函" in text and "王某" in text
    assert "消费者可以自收到商品之日起七日内退货" in text
    assert "经营者应当承担运输等必要费用" in text


def test_docx_reopens_with_the_article_text_and_an_east_asian_font(tmp_path: Path) -> None:
    data, as_of = scenario_case(SCENARIOS[0])
    out = tmp_path / "letter.docx"
    r = run_cli("letter", str(write_case(tmp_path, data)), "-f", "docx", "-o", str(out), "--as-of", as_of)
    assert r.returncode == 0, r.stderr
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert laws.lookup("crpl:24:2").text in text and "王某" in text
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "宋体"


def test_binary_formats_are_deterministic() -> None:
    data, as_of = scenario_case(SCENARIOS[0])
    case, v = verdict_of(data, as_of)
    first = {fmt: letters.draft(case, v, fmt=fmt) for fmt in ("pdf", "docx")}
    time.sleep(2.1)  # zip entries carry a two-second DOS time: a later draft must still match
    for fmt in ("pdf", "docx"):
        assert letters.draft(case, v, fmt=fmt) == first[fmt]
    assert isinstance(Document(io.BytesIO(letters.draft(case, v, fmt="docx"))), object)


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    p = write_case(tmp_path, make_case())
    out = tmp_path / "letter.md"
    out.write_text("mine", encoding="utf-8")
    r = run_cli("letter", str(p), "-o", str(out), "--as-of", "2025-09-01")
    assert r.returncode == 2 and "--force" in r.stderr and out.read_text(encoding="utf-8") == "mine"
    r = run_cli("letter", str(p), "-o", str(out), "--force", "--as-of", "2025-09-01")
    assert r.returncode == 0 and out.read_text(encoding="utf-8").startswith("# 维权函")
    assert sorted(x.name for x in tmp_path.iterdir()) == ["case.yaml", "letter.md"]  # no temp files left


def test_binary_format_without_output_goes_to_a_default_file(tmp_path: Path) -> None:
    p = write_case(tmp_path, make_case())
    r = run_cli("letter", str(p), "-f", "docx", "--as-of", "2025-09-01", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "weiquan-demand-2025-09-01.docx").exists()
    assert r.stdout == ""


def test_letter_needs_a_name_and_an_addressee(tmp_path: Path) -> None:
    r = run_cli("letter", str(write_case(tmp_path, make_case(**{"consumer.name": None}))), "--as-of", "2025-09-01")
    assert r.returncode == 2 and "consumer.name" in r.stderr
    data = make_case()
    del data["purchase"]["seller"]
    r = run_cli("letter", str(write_case(tmp_path, data)), "--as-of", "2025-09-01")
    assert r.returncode == 2 and "purchase.seller" in r.stderr
    r = run_cli("letter", str(write_case(tmp_path, data)), "--to", "manufacturer", "--as-of", "2025-09-01")
    assert r.returncode == 0 and "致：某品牌（生产者）" in r.stdout


def test_english_rendering_is_marked_as_a_translation_and_keeps_the_chinese_text(tmp_path: Path) -> None:
    data, as_of = scenario_case(SCENARIOS[0])
    r = run_cli("letter", str(write_case(tmp_path, data)), "--lang", "en", "--as-of", as_of)
    assert r.returncode == 0, r.stderr
    assert "English translation" in r.stdout
    assert laws.lookup("crpl:24:1").text in r.stdout
    assert "Consumer Rights Protection Law Art. 24(1)" in r.stdout
    assert "过保后" not in r.stdout  # titles and reasons come from an English verdict


def test_annex_traces_fact_rule_article(tmp_path: Path) -> None:
    data, as_of = scenario_case(SCENARIOS[0])
    r = run_cli("letter", str(write_case(tmp_path, data)), "--annex", "--as-of", as_of)
    annex = r.stdout.split("## 附件：推理过程")[1]
    # reader language (issue 13 item 10): the step's sentence and the articles by name, no ids or field paths
    assert "为生活消费需要购买，适用消费者权益保护法（依据：《消费者权益保护法》第二条）。" in annex
    assert "依据：《民法典》第六百二十一条第三款" in annex
    assert "【" not in annex and not re.search(r"[a-z_]+\.[a-z_]+", annex)


def test_newer_model_demand_claims_equal_treatment_only_when_a_comparator_got_it() -> None:
    """The letter may say others of the batch got the newer model only when the case records one who did."""
    alone = make_case(demands=["free_replacement_newer_model"])
    case, v = verdict_of(alone, "2024-10-01")
    md = letters.draft(case, v, fmt="md").decode("utf-8")
    assert "免费更换新款商品" in _section(md, "## 三、").partition("协商请求")[2]
    assert "参照同批次其他消费者获得的处理" not in md
    compared = make_case(demands=["free_replacement_newer_model"], **{
        "comparators": [{"model": "Band X", "production_batch": "2024-04", "symptoms": ["touch_unresponsive"],
                         "remedy": "free_replacement_newer_model", "target_model": "Band X2"}]})
    case, v = verdict_of(compared, "2024-10-01")
    md = letters.draft(case, v, fmt="md").decode("utf-8")
    asked = _section(md, "## 三、").partition("协商请求")[2]
    assert "参照同批次其他消费者获得的处理，免费更换为Band X2" in asked


def _scenario_letter(prefix: str, kind: str = "demand", lang: str = "zh") -> str:
    path = next(p for p in SCENARIOS if p.name.startswith(prefix))
    data, as_of = scenario_case(path)
    case, v = verdict_of(data, as_of, lang)  # letters take a verdict in their own language
    return letters.draft(case, v, kind=kind, lang=lang).decode("utf-8")


def _section(md: str, head: str) -> str:
    start = md.index(head)
    return md[start: md.index("\n## ", start + 1)]


def test_conduct_of_the_brand_service_is_not_put_on_the_addressee() -> None:
    """Scenario 01 writes to the seller; the repair centre sent the device back. It is named, not called 贵方."""
    md = _scenario_letter("01")
    assert "贵方（河北小米寄修中心）" not in md
    assert "河北小米寄修中心于2025年8月15日未经本人同意" in md
    assert "表明贵方知道" not in md and "知道或者应当知道该缺陷" in md


def test_a_demand_the_cited_articles_do_not_give_is_only_a_request() -> None:
    """07: 第九条 gives the right to refuse a paid offer, not a free repair; 05: the refund rests on 第二十四条
    (a recalled device that burns its user frustrates the contract), not on 第十九条."""
    legal, _, asked = _section(_scenario_letter("07"), "## 三、").partition("协商请求")
    assert "免费修理该设备" in asked and "免费修理" not in legal
    assert numbered(legal) == ["书面提供适用于本人设备的售后服务政策及处理依据。"]
    assert numbered(_section(_scenario_letter("05"), "## 三、"))[0] == "办理退货并全额退还货款；"  # L14: purpose frustrated


def test_apology_is_never_added_unasked_and_never_demanded_as_of_right() -> None:
    assert "赔礼道歉" not in _scenario_letter("01")
    path = next(p for p in SCENARIOS if p.name.startswith("01"))
    data, as_of = scenario_case(path)
    data["demands"] = [*data["demands"], "apology"]
    case, v = verdict_of(data, as_of)
    demands = _section(letters.draft(case, v).decode("utf-8"), "## 三、")
    legal, _, asked = demands.partition("协商请求")
    assert "赔礼道歉" in asked and "赔礼道歉" not in legal


def test_penalty_rule_is_applied_only_to_repair_replacement_return_without_proper_reason() -> None:
    md = _section(_scenario_letter("01"), "## 四、")
    assert "修理、更换、退货等要求，贵方无正当理由超过十五日拒不履行的" in md
    assert "上述义务" not in md


def test_company_purchase_letter_does_not_threaten_consumer_channels() -> None:
    md = _scenario_letter("06")
    assert "12315" not in _section(md, "## 五、") and "第三十九条" not in md
    assert "人民法院" in _section(md, "## 五、") and "一台" not in md
    complaint = _scenario_letter("06", kind="complaint")
    assert "并非为生活消费" in complaint.split("## 投诉人信息")[0]


def test_admitted_user_damage_is_not_turned_into_a_dispute() -> None:
    path = next(p for p in SCENARIOS if p.name.startswith("04"))
    data, as_of = scenario_case(path)
    case, v = verdict_of(data, as_of)
    md = letters.draft(case, v, kind="goodwill").decode()
    assert "不予认可" not in md and "官方售后认定系人为损坏" in md


def test_drafting_notes_give_the_seven_day_and_injury_deadlines() -> None:
    """The dates come from the verdict's deadlines (return.seven_days, limitation.product_liability)."""
    assert "七日内退货最稳妥须在2025年6月8日（含当日）前提出" in _scenario_letter("03")  # the verdict's return.seven_days
    assert "2025年6月9日" in _scenario_letter("03")  # the moved day (a Sunday), as the arguable one
    assert "最迟于2027年3月1日（产品质量法第四十五条第一款）" in _scenario_letter("05", kind="complaint")
    assert laws.lookup("crpl_penalties:8").text not in _scenario_letter("03")  # no crpl56: not quoted
    assert "Reportedly, another consumer" in _scenario_letter("01", lang="en")


def test_a_verdict_in_the_other_language_is_refused_not_reassessed() -> None:
    """issue 14 item 6: the letters never call the engine."""
    path = next(p for p in SCENARIOS if p.name.startswith("01"))
    case, v = verdict_of(*scenario_case(path))
    with pytest.raises(ValueError, match="cannot make a en letter"):
        letters.draft(case, v, lang="en")


def test_existing_default_file_is_named_as_the_default_not_as_o(tmp_path: Path) -> None:
    p = write_case(tmp_path, make_case())
    assert run_cli("letter", str(p), "-f", "docx", "--as-of", "2025-09-01", cwd=tmp_path).returncode == 0
    r = run_cli("letter", str(p), "-f", "docx", "--as-of", "2025-09-01", cwd=tmp_path)
    assert r.returncode == 2 and "-o:" not in r.stderr
    assert "默认输出文件 weiquan-demand-2025-09-01.docx 已存在" in r.stderr and "-o" in r.stderr and "--force" in r.stderr
    r = run_cli("letter", str(p), "-f", "docx", "--as-of", "2025-09-01", "--lang", "en", cwd=tmp_path)
    assert r.returncode == 2 and "default output file" in r.stderr and "-o:" not in r.stderr
    assert "weiquan-demand-" in run_cli("letter", "--help").stdout


def test_written_letters_follow_the_umask(tmp_path: Path) -> None:
    p = write_case(tmp_path, make_case())
    old = os.umask(0o022)  # the child inherits it
    try:
        assert run_cli("letter", str(p), "-o", str(tmp_path / "l.md"), "--as-of", "2025-09-01").returncode == 0
        assert run_cli("letter", str(p), "-f", "pdf", "--as-of", "2025-09-01", cwd=tmp_path).returncode == 0
        os.umask(0o027)
        assert run_cli("letter", str(p), "-o", str(tmp_path / "l.txt"), "--as-of", "2025-09-01").returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "l.md").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "weiquan-demand-2025-09-01.pdf").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "l.txt").stat().st_mode) == 0o640


OPENING, CLOSING = "（“《「【〔", "）”》」】〕，。、；：！？"


def _poppler(*args: str) -> str:
    import shutil
    import subprocess

    assert shutil.which(args[0]), f"{args[0]} (poppler-utils) is needed to read the pdf as a viewer does"
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("kind", ["demand", "complaint"])
def test_seed_pdf_renders_on_a4_with_page_numbers_and_chinese_line_breaks(kind: str, tmp_path: Path) -> None:
    """Issue 13's Done-means: the seed letter to PNG (pdftoppm), page numbers, A4, and no line that starts
    with a closing mark or ends with an opening one in the text poppler lays out."""
    from PIL import Image

    out = tmp_path / "seed.pdf"
    r = run_cli("letter", str(ROOT / "examples" / "seed.yaml"), "--as-of", "2025-09-01", "--kind", kind, "--annex",
                "-f", "pdf", "-o", str(out))
    assert r.returncode == 0, r.stderr
    pages = len(PdfReader(str(out)).pages)
    assert pages >= 3
    _poppler("pdftoppm", "-r", "50", "-png", str(out), str(tmp_path / "page"))
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == pages
    for png in pngs:
        with Image.open(png) as im:
            w, h = im.size
            assert abs(w / 50 * 25.4 - 210) < 1.5 and abs(h / 50 * 25.4 - 297) < 1.5  # A4 in mm
            foot = im.convert("L").crop((0, int(h * 0.93), w, int(h * 0.97)))
            assert foot.getextrema()[0] < 200, f"{png.name}: no page number drawn at the foot"
    for n in range(1, pages + 1):
        text = _poppler("pdftotext", "-f", str(n), "-l", str(n), "-layout", str(out), "-")
        assert f"第{n}页共{pages}页" in re.sub(r"\s+", "", text)
    lines = [ln.strip() for ln in _poppler("pdftotext", "-layout", str(out), "-").splitlines() if ln.strip()]
    assert len(lines) > 100
    bad = [ln for ln in lines if ln[0] in CLOSING or ln[-1] in OPENING]
    assert bad == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sign_off_stays_on_one_page(lang: str, tmp_path: Path) -> None:
    """此致, the addressee, the signature line and the date on one page: the seed letter used to put its date
    alone at the top of the last page."""
    out = tmp_path / "seed.pdf"
    r = run_cli("letter", str(ROOT / "examples" / "seed.yaml"), "--as-of", "2025-09-01", "--lang", lang,
                "-f", "pdf", "-o", str(out))
    assert r.returncode == 0, r.stderr
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(str(out)).pages]
    close, sign, dated = (("此致", "签名：", "日期：2025年9月1日") if lang == "zh"
                          else ("Yoursfaithfully", "Signature:", "Date:2025-09-01"))
    signed = [p for p in pages if sign in p]
    assert len(signed) == 1 and close in signed[0] and dated in signed[0][signed[0].index(sign):]
    docx = tmp_path / "seed.docx"
    r = run_cli("letter", str(ROOT / "examples" / "seed.yaml"), "--as-of", "2025-09-01", "--lang", lang,
                "-f", "docx", "-o", str(docx))
    assert r.returncode == 0, r.stderr
    paras = [p for p in Document(str(docx)).paragraphs if p.text.strip()]
    at = next(i for i, p in enumerate(paras) if sign in p.text.replace(" ", ""))
    assert all(p.paragraph_format.keep_with_next for p in paras[at - 1:at + 1])  # Word keeps them with the date


def test_line_breaking_carries_an_opening_bracket_and_keeps_codes_whole() -> None:
    """The rule itself, on a line that would end at （ and one that would split an order number."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from letters.pdf_wrap import kinsoku_split

    font = "Helvetica"  # the widths only matter: CJK characters fall back to one width in the core font
    unit = stringWidth("中", font, 10)
    lines = kinsoku_split("一二三四（五六）七八。九", [unit * 5 + 0.1], font, 10)
    texts = [t for _, t in lines]
    assert all(t[-1] not in OPENING and t[0] not in CLOSING for t in texts), texts
    lines = kinsoku_split("订单号308812345671已付", [stringWidth("订单号3088", font, 10) + 0.1], font, 10)
    assert any("308812345671" in t for _, t in lines)


def test_docx_is_a4_with_page_fields_and_east_asian_line_breaking(tmp_path: Path) -> None:
    out = tmp_path / "seed.docx"
    r = run_cli("letter", str(ROOT / "examples" / "seed.yaml"), "--as-of", "2025-09-01", "-f", "docx", "-o", str(out))
    assert r.returncode == 0, r.stderr
    doc = Document(str(out))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    footer = section.footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "第 " in footer and " 页 共 " in footer
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    settings = doc.settings.element
    after = settings.find(f"{w}noLineBreaksAfter")
    before = settings.find(f"{w}noLineBreaksBefore")
    assert "（" in after.get(f"{w}val") and "）" in before.get(f"{w}val") and "，" in before.get(f"{w}val")
    ppr = doc.styles["Normal"].element.pPr
    assert ppr.find(f"{w}kinsoku").get(f"{w}val") == "1"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2025年9月1日" in text and "2025-09-01" not in text
