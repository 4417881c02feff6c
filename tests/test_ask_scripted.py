"""`weiquan ask --answers FILE.yaml`: prepared answers, the same checks as typed ones, through the CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from engine.assess import assess
from engine.case import dump_case, parse_case
from tests.conftest import SCENARIOS, load_scenario, run_cli
from views.verdict_view import render_text

LOOSE_SEED = """\
consumer: {name: 王某, region: 河北省石家庄市}
product: {brand: 小米, model: 小米手环8, category: 智能穿戴设备（手环、手表）, production_batch: 2024年4月, price: 239元}
purchase: {date: 2024/5/20, channel: 品牌官方网店, seller: 小米商城, for_personal_use: 是, warranty_months: 12个月}
fault:
  first_noticed: 2025年8月2日
  symptoms: 触控失灵、异常发热、无法充电
  description: 触控失灵、异常发热、无法正常充电，未摔碰、未进水
  cause: 正常使用中出现
  service_inspection: 官方检测认定为质量问题
  batch_evidence: similar_reports
  similar_reports: 40起
harm: {personal_injury: 否, other_property_damage: 否}
interactions:
  - {date: 2025-08-10, party: 河北小米寄修中心, kind: 提出处理方案, remedy: 折价换购, target_model: 小米手环9, price_ratio: 6折,
     accepted: 否, conditional_refusal: 是, note: 不接受6折换新即拒绝维修工单}
  - {date: 2025-08-15, party: 河北小米寄修中心, kind: return_unrepaired, consumer_consented: no}
  - {date: 2025-08-20, party: 小米客服, kind: 消费者询问, topic: 售后政策文件, answered: 否}
comparators:
  - {model: 小米手环8, production_batch: 2024-04, symptoms: [touch_unresponsive], remedy: 免费更换新款, target_model: 小米手环10,
     source: 同地区用户}
demands: [免费更换新款商品, policy_disclosure, equal_treatment]
"""


def _case(path: Path, as_of: str) -> dict:
    data = dump_case(parse_case(yaml.safe_load(path.read_text(encoding="utf-8")), as_of=None))
    data["fault"]["symptoms"] = sorted(data["fault"]["symptoms"])
    return data


def test_loose_answers_make_the_seed_case(tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(LOOSE_SEED, encoding="utf-8")
    run = run_cli("ask", "--answers", "answers.yaml", "--save", "seed.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "涉嫌强制交易" in run.stdout and "crpl10.forced_transaction" not in run.stdout  # ids only with --verbose, json
    sc = load_scenario(SCENARIOS[0])
    want = dump_case(parse_case(sc["case"]))
    want["fault"]["symptoms"] = sorted(want["fault"]["symptoms"])
    assert _case(tmp_path / "seed.yaml", "2025-09-01") == want


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem[:2] for p in SCENARIOS])
def test_each_scenario_as_answers_gives_the_same_verdict(tmp_path: Path, path: Path) -> None:
    sc = load_scenario(path)
    as_of = str(sc["as_of"])
    (tmp_path / "answers.yaml").write_text(yaml.safe_dump(sc["case"], allow_unicode=True), encoding="utf-8")
    run = run_cli("ask", "--answers", "answers.yaml", "--save", "case.yaml", "--as-of", as_of, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    day = dt.date.fromisoformat(as_of)
    saved = yaml.safe_load((tmp_path / "case.yaml").read_text(encoding="utf-8"))
    via_ask = assess(parse_case(saved, as_of=day), day).to_json()
    direct = assess(parse_case(sc["case"], as_of=day), day).to_json()
    assert json.loads(via_ask) == json.loads(direct)
    assert render_text(assess(parse_case(saved, as_of=day), day)) in run.stdout


def test_bad_answers_are_named_and_nothing_is_saved(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "product: {model: P50, category: 手表}\npurchase: {date: 2025-02-30}\n"
        "fault: {first_noticed: 2026-01-01, symptoms: [冒烟], colour: red}\n", encoding="utf-8")
    run = run_cli("ask", "--answers", "a.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert run.returncode == 2
    for text in ("product.category", "purchase.date: 日历上没有 2025年2月30日", "fault.first_noticed",
                 "fault.symptoms", "fault.colour: 没有这个问题"):
        assert text in run.stderr
    assert "Traceback" not in run.stderr
    assert not list(tmp_path.glob("weiquan-case*.yaml"))


def test_english_messages(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("product: {model: P50, category: phone}\n", encoding="utf-8")
    run = run_cli("ask", "--answers", "a.yaml", "--as-of", "2025-09-01", "--lang", "en", cwd=tmp_path)
    assert run.returncode == 2
    assert "purchase.date: a required answer is missing" in run.stderr


def test_a_minimal_case_says_which_answers_could_still_matter(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "product: {model: P50, category: phone}\npurchase: {date: 2023-01-10}\n"
        "fault: {first_noticed: 2025-08-01, symptoms: [no_power]}\n", encoding="utf-8")
    run = run_cli("ask", "--answers", "a.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "purchase.for_personal_use" in run.stderr and "purchase.warranty_months" in run.stderr
    assert (tmp_path / "weiquan-case.yaml").exists()


def test_without_a_terminal_the_questionnaire_says_to_use_answers(tmp_path: Path) -> None:
    run = run_cli("ask", "--as-of", "2025-09-01", cwd=tmp_path, input="")
    assert run.returncode == 2
    assert "--answers" in run.stderr


def test_resuming_a_missing_file_is_bad_input(tmp_path: Path) -> None:
    run = run_cli("ask", "--resume", "nope.yaml", cwd=tmp_path)
    assert run.returncode == 2 and "nope.yaml" in run.stderr


def test_prepared_answers_can_ask_for_documents(tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(
        LOOSE_SEED + "letters:\n  - {kind: complaint, format: txt, file: complaint.txt}\n"
                     "  - {kind: demand, to: manufacturer, file: demand.md}\n", encoding="utf-8")
    run = run_cli("ask", "--answers", "answers.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "王某" in (tmp_path / "complaint.txt").read_text(encoding="utf-8")
    assert "王某" in (tmp_path / "demand.md").read_text(encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(LOOSE_SEED + "letters:\n  - {kind: poem, file: x.md}\n", encoding="utf-8")
    bad = run_cli("ask", "--answers", "bad.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert bad.returncode == 2 and "demand|complaint" in bad.stderr
    assert "crpl" not in bad.stdout  # refused before any verdict or file


# ── found in a new-user trial ─────────────────────────────────────────────────────────────────────

MINIMAL = ("product: {{model: P50, category: {category}}}\npurchase: {{date: 2023-01-10}}\n"
           "fault: {{first_noticed: 2025-08-01, symptoms: [no_power]}}\n")


@pytest.mark.parametrize("category, lang", [
    ("智能穿戴设备", "zh"),  # the label's main part, as the choice list shows it
    ("' 智能穿戴设备 '", "zh"),
    ("智能穿戴设备（手环、手表）", "zh"),
    ("智能穿戴设备(手环、手表)", "zh"),  # half-width brackets
    ("WEARABLE", "zh"),
    ("'wearable (band, watch)'", "en"),
    ("Wearable", "en"),
])
def test_a_choice_by_code_full_label_or_the_labels_main_part(tmp_path: Path, category: str, lang: str) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL.format(category=category), encoding="utf-8")
    run = run_cli("ask", "--answers", "a.yaml", "--save", "case.yaml", "--as-of", "2025-09-01", "--lang", lang,
                  cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    saved = yaml.safe_load((tmp_path / "case.yaml").read_text(encoding="utf-8"))
    assert saved["product"]["category"] == "wearable"


def test_a_name_several_choices_share_is_refused_naming_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from questionnaire import answers
    from questionnaire.spec import questionnaire

    q = questionnaire().by_id["product.category"]
    real = answers.label
    fake = {"phone": "手持设备（手机）", "tablet": "手持设备（平板）"}
    monkeypatch.setattr(answers, "label", lambda v, value, lang="zh": fake.get(value) if lang == "zh" and value in fake
                        else real(v, value, lang))
    ctx = answers.Context({}, dt.date(2025, 9, 1), "zh")
    with pytest.raises(answers.AnswerError) as e:
        answers.parse(q, "手持设备", ctx)
    assert "可指多个选项" in str(e.value) and "phone（手持设备（手机））" in str(e.value) and "tablet" in str(e.value)
    assert "wearable" not in str(e.value)
    assert answers.parse(q, "手持设备（平板）", ctx) == "tablet"  # the full label is still exact
    assert answers.parse(q, "phone", ctx) == "phone"


def test_field_messages_separate_the_path_as_the_rest_of_the_app_does(tmp_path: Path) -> None:
    # engine/errors.py: "fault.symptoms: 缺少必填字段" — the field path, ": ", the message.
    (tmp_path / "a.yaml").write_text("product: {model: P50, category: phone}\nfault: {first_noticed: 2026-01-01, "
                                     "colour: red}\n", encoding="utf-8")
    run = run_cli("ask", "--answers", "a.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert run.returncode == 2
    items = [line[4:] for line in run.stderr.splitlines() if line.startswith("  - ")]
    assert len(items) >= 3  # symptoms may be none since v2 (a no-reason return has no fault)
    for item in items:
        path, sep, rest = item.partition(": ")
        assert sep and "：" not in path and re.fullmatch(r"[\w.\[\]]+", path), item
    assert "purchase.date: 缺少必答问题" in run.stderr and "fault.colour: 没有这个问题" in run.stderr
    assert "空格键" not in run.stderr  # no keyboard hints for a file


def test_an_unknown_field_suggests_the_closest_and_where_to_see_them_all(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "product: {model: P50, category: phone}\npurchase: {date: 2023-01-10, personal_use: yes}\n"
        "fault: {first_noticed: 2025-08-01, symptoms: [no_power]}\ndemand: [free_repair]\n"
        "interactions:\n  - {date: 2025-08-02, knd: refusal}\n", encoding="utf-8")
    run = run_cli("ask", "--answers", "a.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert run.returncode == 2
    lines = {line.split(": ", 1)[0][4:]: line for line in run.stderr.splitlines() if line.startswith("  - ")}
    assert "是否想填：purchase.for_personal_use？" in lines["purchase.personal_use"]
    assert "purchase 下可填写的字段：" in lines["purchase.personal_use"]
    assert "是否想填：demands？" in lines["demand"]
    assert "是否想填：interactions[0].kind？" in lines["interactions[0].knd"]
    assert all("weiquan schema" in lines[k] for k in ("purchase.personal_use", "demand", "interactions[0].knd"))
    en = run_cli("ask", "--answers", "a.yaml", "--as-of", "2025-09-01", "--lang", "en", cwd=tmp_path)
    assert "purchase.personal_use: no such question (a typo?) Did you mean: purchase.for_personal_use?" in en.stderr
    # A hand-edited case file resumed with the same typo gets the same help.
    (tmp_path / "draft.yaml").write_text("purchase: {personal_use: true}\n", encoding="utf-8")
    resumed = run_cli("ask", "--resume", "draft.yaml", "--as-of", "2025-09-01", cwd=tmp_path, input="")
    assert resumed.returncode == 2 and "是否想填：purchase.for_personal_use？" in resumed.stderr


def test_unanswered_questions_are_shown_as_questions_with_their_field(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL.format(category="phone"), encoding="utf-8")
    run = run_cli("ask", "--answers", "a.yaml", "--as-of", "2025-09-01", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "  - 是为个人或家庭生活使用而购买的吗？（而不是为转售或单位经营）（purchase.for_personal_use）" in run.stderr
    assert "故障是怎样出现的？（fault.cause）" in run.stderr
    en = run_cli("ask", "--answers", "a.yaml", "--save", "en.yaml", "--as-of", "2025-09-01", "--lang", "en",
                 cwd=tmp_path)
    assert "  - How did the fault come about? (fault.cause)" in en.stderr
