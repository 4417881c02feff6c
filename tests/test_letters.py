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
from tests.conftest import SCENARIOS, load_scenario, make_case, run_cli


def scenario_case(path: Path) -> tuple[dict, str]:
    sc = load_scenario(path)
    return sc["case"], str(sc["as_of"])


def write_case(tmp: Path, data: dict) -> Path:
    p = tmp / "case.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def verdict_of(data: dict, as_of: str):
    day = dt.date.fromisoformat(as_of)
    case = parse_case(data, as_of=day)
    return case, assess(case, day)


def empty_sections(md: str) -> list[str]:
    """Headings followed directly by another heading of the same or a higher level (nothing under them)."""
    heads = [(m.start(), len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#{1,3}) (.*)$", md, re.M)]
    out = []
    for (start, level, title), nxt in zip(heads, heads[1:] + [(len(md), 0, "")], strict=True):
        body = md[md.index("\n", start) + 1 : nxt[0]].strip()
        if not body and nxt[1] <= level:
            out.append(title)
    return out


@pytest.mark.parametrize("kind", ["demand", "complaint"])
@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_scenario_letter_renders_and_says_what_it_must(path: Path, kind: str, tmp_path: Path) -> None:
    data, as_of = scenario_case(path)
    r = run_cli("letter", str(write_case(tmp_path, data)), "--kind", kind, "--as-of", as_of)
    assert r.returncode == 0, r.stderr
    md = r.stdout
    case, v = verdict_of(data, as_of)
    assert case.consumer.name in md
    for f in v.findings:
        if f.strength == "strong":
            for key in f.cites:
                c = laws.lookup(key)
                assert c.law.title in md and c.article.heading in md, (f.id, key)
    for d in v.demands:
        if d.requested:
            assert letters.phrases.DEMANDS[d.demand]("zh") in md, d.demand
    if any("pql:41" in n.cites for n in v.not_applicable):
        assert "产品质量法》第四十一条" not in md
    for f in v.findings:
        if f.strength == "weak":
            assert f.title not in md  # weak findings are not argued
    assert "{{" not in md and "None" not in md
    assert empty_sections(md) == []
    assert "不构成律师意见" in md
    flagged = [x for x in check_text(md, "zh") if x.flagged]
    assert flagged == [], [(x.text, x.result, x.why) for x in flagged]


def test_no_article_marked_not_applicable_is_cited() -> None:
    for path in SCENARIOS:
        data, as_of = scenario_case(path)
        case, v = verdict_of(data, as_of)
        md = letters.draft(case, v).decode()
        for n in v.not_applicable:
            for key in n.cites:
                c = laws.lookup(key)
                assert f"《{c.law.title}》{c.article.heading}" not in md, (path.name, key)


def test_reply_deadline_is_fifteen_days_and_penalty_rule_is_quoted_when_reporting_holds() -> None:
    data, as_of = scenario_case(SCENARIOS[0])  # the seed: crpl56.report_to_regulator strong
    case, v = verdict_of(data, as_of)
    md = letters.draft(case, v).decode()
    assert "2025-09-16" in md  # 2025-09-01 + 15 days
    assert laws.lookup("crpl_penalties:8").text in md
    assert laws.lookup("crpl:39:1").text in md
    data3, as_of3 = scenario_case(next(p for p in SCENARIOS if p.stem.startswith("03")))
    case3, v3 = verdict_of(data3, as_of3)
    assert laws.lookup("crpl_penalties:8").text not in letters.draft(case3, v3).decode()


def test_complaint_has_the_12315_fields_and_the_three_year_date() -> None:
    data, as_of = scenario_case(SCENARIOS[0])
    case, v = verdict_of(data, as_of)
    md = letters.draft(case, v, kind="complaint").decode()
    for field in ("投诉人信息", "被投诉方", "商品信息", "事实与理由", "诉求", "证据"):
        assert f"## {field}" in md
    # Three years from the earlier of the fault (2025-08-02) and the declined offer (2025-08-10): SAMR
    # counts from when the consumer knew or should have known, so the letter gives the safe, earlier date.
    assert "最迟于 2028-08-02（含当日）" in md and "三年" in md and "2028-08-10" not in md
    assert "贵方" not in md.split("## 事实与理由")[1].split("## 证据")[0]  # speaks of 被投诉方 to the regulator


def test_unsupported_demand_is_a_request_not_an_entitlement() -> None:
    data, as_of = scenario_case(next(p for p in SCENARIOS if p.stem.startswith("04")))  # user damage
    case, v = verdict_of(data, as_of)
    md = letters.draft(case, v).decode()
    assert "协商请求" in md and "据此，本人要求贵方" not in md


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
    assert "【规则：crpl24.repair_replace_after_warranty#comparator_free】" in annex
    assert "【事实：fault.symptoms" in annex and "【条文：crpl:2】" in annex


def test_newer_model_demand_claims_equal_treatment_only_when_a_comparator_got_it() -> None:
    """The letter may say others of the batch got the newer model only when the case records one who did."""
    alone = make_case(demands=["free_replacement_newer_model"])
    case, v = verdict_of(alone, "2024-10-01")
    md = letters.draft(case, v, fmt="md").decode("utf-8")
    assert "免费更换新款商品" in md and "与同批次其他消费者获得的处理一致" not in md
    compared = make_case(demands=["free_replacement_newer_model"], **{
        "comparators": [{"model": "Band X", "production_batch": "2024-04", "symptoms": ["touch_unresponsive"],
                         "remedy": "free_replacement_newer_model", "target_model": "Band X2"}]})
    case, v = verdict_of(compared, "2024-10-01")
    md = letters.draft(case, v, fmt="md").decode("utf-8")
    assert "免费更换新款商品，与同批次其他消费者获得的处理一致" in md


def _scenario_letter(prefix: str, kind: str = "demand", lang: str = "zh") -> str:
    path = next(p for p in SCENARIOS if p.name.startswith(prefix))
    data, as_of = scenario_case(path)
    case, v = verdict_of(data, as_of)
    return letters.draft(case, v, kind=kind, lang=lang).decode("utf-8")


def _section(md: str, head: str) -> str:
    start = md.index(head)
    return md[start: md.index("\n## ", start + 1)]


def test_conduct_of_the_brand_service_is_not_put_on_the_addressee() -> None:
    """Scenario 01 writes to the seller; the repair centre sent the device back. It is named, not called 贵方."""
    md = _scenario_letter("01")
    assert "贵方（河北小米寄修中心）" not in md
    assert "河北小米寄修中心却于 2025-08-15" in md
    assert "表明贵方知道" not in md and "知道或者应当知道该缺陷" in md


def test_a_demand_the_cited_articles_do_not_give_is_only_a_request() -> None:
    """07: 第九条 gives the right to refuse a paid offer, not a free repair; 05: 第十九条 gives no refund."""
    demands = _section(_scenario_letter("07"), "## 三、")
    assert "本人请求贵方：免费修理该设备" in demands and "1. 免费修理" not in demands
    demands = _section(_scenario_letter("05"), "## 三、")
    assert "本人请求贵方：办理退货并全额退还货款" in demands


def test_apology_is_never_added_unasked_and_never_demanded_as_of_right() -> None:
    assert "赔礼道歉" not in _scenario_letter("01")
    path = next(p for p in SCENARIOS if p.name.startswith("01"))
    data, as_of = scenario_case(path)
    data["demands"] = [*data["demands"], "apology"]
    case, v = verdict_of(data, as_of)
    demands = _section(letters.draft(case, v).decode("utf-8"), "## 三、")
    legal, _, asked = demands.partition("本人请求贵方")
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
    md = _scenario_letter("04")
    assert "不予认可" not in md and "官方售后认定系人为损坏" in md


def test_drafting_notes_give_the_seven_day_and_injury_deadlines() -> None:
    assert "七日内退货须在 2025-06-09（含当日）前提出" in _scenario_letter("03")  # 06-08 is a Sunday
    assert "最迟于 2027-03-01（产品质量法第四十五条第一款）" in _scenario_letter("05", kind="complaint")
    assert "Reportedly, another consumer" in _scenario_letter("01", lang="en")


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
