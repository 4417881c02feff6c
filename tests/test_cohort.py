"""`weiquan cohort`: same model, same batch, same fault — who was treated differently.

The hand-made cohorts below state their expected counts beside their data, worked out from the
definitions in cohort/__init__.py; the generated cohort is checked against the generator's own
record of what it planted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2025-12-31"


def weiquan(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from cli import app; app()", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, input=stdin, timeout=300,
    )


def offer(remedy: str, ratio: float | None, party: str = "小米客服") -> dict[str, Any]:
    x: dict[str, Any] = {"date": "2025-08-10", "party": party, "kind": "offer", "remedy": remedy, "accepted": False}
    if ratio is not None:
        x["price_ratio"] = ratio
    return x


def refusal(party: str = "小米客服") -> dict[str, Any]:
    return {"date": "2025-08-12", "party": party, "kind": "refusal", "note": "过保不予处理"}


def case(region: str | None, symptoms: list[str], interactions: list[dict[str, Any]], *, batch: str | None = "2024-04",
         model: str = "小米手环8", brand: str = "小米", personal: bool | None = True) -> dict[str, Any]:
    return {
        "version": 1,
        "consumer": {"name": "王某", "region": region},
        "product": {"brand": brand, "model": model, "category": "wearable", "production_batch": batch, "price": 239},
        "purchase": {"date": "2024-05-20", "channel": "official_online", "for_personal_use": personal,
                     "warranty_months": 12},
        "fault": {"first_noticed": "2025-08-02", "symptoms": symptoms, "cause": "normal_use",
                  "service_inspection": "quality_problem"},
        "interactions": interactions,
    }


def jsonl(path: Path, cases: list[dict[str, Any] | str]) -> Path:
    path.write_text("".join((c if isinstance(c, str) else json.dumps(c, ensure_ascii=False)) + "\n" for c in cases),
                    encoding="utf-8")
    return path


def cohort_json(*args: str) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    r = weiquan("cohort", *args, "--format", "json", "--as-of", AS_OF)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout), r


def group(report: dict[str, Any], symptom: str, batch: str = "2024-04", model: str = "小米手环8") -> dict[str, Any]:
    found = [g for g in report["groups"]
             if g["symptoms"] == [symptom] and g["production_batch"] == batch and g["model"] == model]
    assert len(found) == 1, [(g["model"], g["production_batch"], g["symptoms"]) for g in report["groups"]]
    return found[0]


# The seed story of the project, by hand: same band, same batch, touch failure; Beijing and Shanghai
# got a free newer band, Hebei a 6折 trade-in, Henan "过保不予处理".
SEED_COHORT = [
    case("北京市朝阳区", ["touch_unresponsive"], [offer("free_replacement_newer_model", 0, "北京小米之家")]),
    case("上海市", ["touch_unresponsive", "abnormal_heat"], [offer("free_replacement_newer_model", 0, "上海小米之家")]),
    case("河北省石家庄市", ["touch_unresponsive"], [offer("discounted_trade_in", 0.6, "河北小米寄修中心")]),
    case("河北保定", ["touch_unresponsive"], [offer("discounted_trade_in", 0.6, "河北小米寄修中心"),
                                            refusal("河北小米寄修中心")]),
    case("河南省郑州市", ["touch_unresponsive"], [refusal("小米客服")]),
    case("河北省廊坊市", ["abnormal_heat"], [offer("discounted_trade_in", 0.6, "河北小米寄修中心")]),
]


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    return jsonl(tmp_path / "seed.jsonl", SEED_COHORT)


def test_known_disparity_is_found_with_the_right_counts(seed_file: Path) -> None:
    report, r = cohort_json(str(seed_file))
    assert r.returncode == 0
    assert report["cases"] == 6 and report["skipped"] == [] and report["skipped_total"] == 0
    touch = group(report, "touch_unresponsive")
    assert touch["brand"] == "小米"
    assert touch["size"] == 5
    assert touch["outcomes"] == {"free_replacement_newer_model": 2, "discounted_trade_in": 2, "none": 1}
    assert touch["price_ratio"] == {"min": 0, "max": 0.6}
    assert touch["disparity"] is True
    assert touch["disparity_reasons"] == ["free_vs_paid", "remedy_vs_none", "price_spread"]
    # The trade-in offered before the refusal is still the best that consumer was offered.
    assert touch["by_region"] == {
        "上海市": {"size": 1, "outcomes": {"free_replacement_newer_model": 1}, "price_ratio": {"min": 0, "max": 0}},
        "北京市": {"size": 1, "outcomes": {"free_replacement_newer_model": 1}, "price_ratio": {"min": 0, "max": 0}},
        "河北省": {"size": 2, "outcomes": {"discounted_trade_in": 2}, "price_ratio": {"min": 0.6, "max": 0.6}},
        "河南省": {"size": 1, "outcomes": {"none": 1}, "price_ratio": {"min": None, "max": None}},
    }
    assert touch["by_party"]["河北小米寄修中心"]["outcomes"] == {"discounted_trade_in": 2}
    assert touch["by_party"]["小米客服"]["outcomes"] == {"none": 1}
    assert touch["best"]["remedy"] == "free_replacement_newer_model" and touch["best"]["count"] == 2
    assert touch["worst"]["remedy"] == "none" and touch["worst"]["count"] == 1
    assert touch["worst"]["region"] == "河南省"
    # Lines 3, 4 (trade-in) and 5 (nothing) paid more than the free newer band of lines 1 and 2.
    assert touch["crpl10"] == {"count": 3, "consumers": [f"{seed_file}:3", f"{seed_file}:4", f"{seed_file}:5"]}
    heat = group(report, "abnormal_heat")
    assert heat["size"] == 2 and heat["disparity"] is True
    assert heat["outcomes"] == {"free_replacement_newer_model": 1, "discounted_trade_in": 1}
    assert heat["crpl10"]["consumers"] == [f"{seed_file}:6"]
    # Groups with a disparity come first, the larger first.
    assert [g["symptoms"] for g in report["groups"]] == [["touch_unresponsive"], ["abnormal_heat"]]
    # Consumers are counted once each, whatever the number of their groups.
    assert report["crpl10"]["consumers"] == 4


def test_text_report_names_the_groups_and_the_numbers(seed_file: Path) -> None:
    r = weiquan("cohort", str(seed_file), "--as-of", AS_OF)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "共 2 个组，其中 2 个组存在明显差别待遇" in out
    assert "小米手环8 · 2024-04 · 触控失灵" in out
    assert "免费更换新款 2" in out and "折价换购 2" in out and "无任何处理 1" in out
    assert "6折" in out and "河南省" in out
    en = weiquan("cohort", str(seed_file), "--as-of", AS_OF, "--lang", "en")
    assert "2 groups, 2 with materially different treatment" in en.stdout
    assert "touch unresponsive" in en.stdout and "discounted trade-in 2" in en.stdout


def test_consistent_treatment_reports_no_disparity(tmp_path: Path) -> None:
    cases = [
        case("北京市", ["touch_unresponsive"], [offer("discounted_trade_in", 0.5)]),
        case("河北省", ["touch_unresponsive"], [offer("discounted_trade_in", 0.6)]),
        case("河南省", ["touch_unresponsive"], [offer("discounted_trade_in", 0.6)]),
        case("广东省", ["screen_dead"], [refusal()], batch="2024-05"),
        case("广东省", ["screen_dead"], [refusal()], batch="2024-05"),
    ]
    path = jsonl(tmp_path / "calm.jsonl", cases)
    report, r = cohort_json(str(path))
    assert r.returncode == 0
    assert len(report["groups"]) == 2
    assert not any(g["disparity"] for g in report["groups"])
    # 0.5 vs 0.6 is below the 0.2 materiality threshold, yet strictly cheaper: the legal rule of
    # 消保法第十条 still lets the two 6折 consumers cite it.
    assert group(report, "touch_unresponsive")["crpl10"]["count"] == 2
    assert group(report, "screen_dead", batch="2024-05")["crpl10"]["count"] == 0
    text = weiquan("cohort", str(path), "--as-of", AS_OF)
    assert "未发现同型号、同批次、同故障的消费者受到明显不同的对待" in text.stdout
    # A lower threshold makes the same spread material.
    strict, _ = cohort_json(str(path), "--spread", "0.1")
    assert group(strict, "touch_unresponsive")["disparity_reasons"] == ["price_spread"]


def test_different_batches_are_never_pooled(tmp_path: Path) -> None:
    cases = [
        case("北京市", ["touch_unresponsive"], [offer("free_replacement_newer_model", 0)], batch="2024-04"),
        case("河北省", ["touch_unresponsive"], [offer("discounted_trade_in", 0.6)], batch="2024-05"),
        case("河南省", ["touch_unresponsive"], [refusal()], batch=None),
        # Another consumer (another city, same province): an identical line would be a duplicate.
        case("河南省洛阳市", ["touch_unresponsive"], [refusal()], batch=None),
        case("山东省", ["touch_unresponsive"], [offer("discounted_trade_in", 0.6)], model="小米手环9"),
    ]
    report, _ = cohort_json(str(jsonl(tmp_path / "batches.jsonl", cases)))
    assert report["cases"] == 5
    assert sorted((g["model"], g["production_batch"], g["size"]) for g in report["groups"]) == [
        ("小米手环8", "2024-04", 1), ("小米手环8", "2024-05", 1), ("小米手环9", "2024-04", 1)]
    assert not any(g["disparity"] for g in report["groups"])
    # Unknown batches match nothing, not even each other.
    assert report["ungrouped"] == {"no_batch": 2, "no_symptoms": 0}
    assert report["crpl10"]["consumers"] == 0


def test_model_names_compare_without_case_or_spacing(tmp_path: Path) -> None:
    cases = [
        case("北京市", ["touch_unresponsive"], [offer("free_replacement_newer_model", 0)], model="Band 8"),
        case("河北省", ["touch_unresponsive"], [offer("discounted_trade_in", 0.6)], model="band  8"),
    ]
    report, _ = cohort_json(str(jsonl(tmp_path / "names.jsonl", cases)))
    assert [(g["model"], g["size"], g["disparity"]) for g in report["groups"]] == [("Band 8", 2, True)]


def test_malformed_lines_are_reported_by_number_and_skipped(tmp_path: Path) -> None:
    good = [json.dumps(c, ensure_ascii=False) for c in SEED_COHORT]
    typo = good[2].replace('"symptoms"', '"symptom"')
    bad_vocab = good[4].replace('"wearable"', '"watch"')
    lines = [good[0], '{"version": 1, "consumer": ', good[1], typo, "", bad_vocab, good[3], "[1, 2]"]
    path = jsonl(tmp_path / "mixed.jsonl", lines)
    report, r = cohort_json(str(path))
    assert r.returncode == 1  # the run finished, but the report is incomplete
    assert [s["line"] for s in report["skipped"]] == [2, 4, 6, 8]
    assert report["skipped_total"] == 4
    assert report["cases"] == 3  # lines 1, 3, 7; the blank line 5 is neither a case nor an error
    errors = {s["line"]: s["error"] for s in report["skipped"]}
    assert "JSON" in errors[2]
    assert "fault.symptom" in errors[4] and "未知字段" in errors[4]
    assert "product.category" in errors[6] and "'watch'" in errors[6]
    assert all(s["source"] == str(path) for s in report["skipped"])
    # The rest still counts: the touch group holds lines 1, 3 and 7 (the good copies of seed cases 1, 2, 4).
    assert group(report, "touch_unresponsive")["size"] == 3
    text = weiquan("cohort", str(path), "--as-of", AS_OF)
    assert text.returncode == 1
    assert "跳过 4 件" in text.stdout and "第4行" in text.stdout and "第8行" in text.stdout
    assert "Traceback" not in text.stderr
    en = weiquan("cohort", str(path), "--as-of", AS_OF, "--lang", "en", "--format", "json")
    assert "unknown field" in json.loads(en.stdout)["skipped"][1]["error"]


def test_planted_disparity_in_a_generated_cohort_is_found(tmp_path: Path) -> None:
    data, truth_file = tmp_path / "gen.jsonl", tmp_path / "truth.json"
    gen = subprocess.run([sys.executable, str(ROOT / "bench" / "cohort_gen.py"), "1500", "-o", str(data),
                          "--seed", "7", "--bad-rate", "0.004", "--truth", str(truth_file)],
                         capture_output=True, text=True, timeout=120)
    assert gen.returncode == 0, gen.stderr
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    r = weiquan("cohort", str(data), "--format", "json", "--as-of", truth["as_of"])
    report = json.loads(r.stdout)
    assert report["cases"] == truth["cases"]
    assert [s["line"] for s in report["skipped"]] == truth["bad_lines"] != []
    planted = {(p["model"], p["production_batch"], p["symptom"]): p for p in truth["planted"]}
    by_key = {(g["model"], g["production_batch"], g["symptoms"][0]): g for g in report["groups"]}
    for key, p in planted.items():
        assert by_key[key]["size"] == p["size"], key
        assert by_key[key]["outcomes"] == p["outcomes"], key
    # The planted groups themselves are flagged, for the reasons planted ...
    regional = by_key[("小米手环8", "2024-04", "touch_unresponsive")]
    assert {"free_vs_paid", "remedy_vs_none"} <= set(regional["disparity_reasons"])
    assert regional["by_region"]["北京市"]["outcomes"].keys() == {"free_replacement_newer_model"}
    assert regional["by_region"]["河北省"]["outcomes"].keys() == {"discounted_trade_in"}
    by_party = by_key[("华为nova 11", "2023-09", "screen_flicker")]
    assert by_party["disparity_reasons"] == ["price_spread"]
    assert by_party["by_party"]["华为官方客服"]["price_ratio"] == {"min": 0.4, "max": 0.4}
    # ... and nothing else is: every other (model, batch) was treated consistently.
    flagged = {(g["model"], g["production_batch"]) for g in report["groups"] if g["disparity"]}
    assert flagged == {("小米手环8", "2024-04"), ("华为nova 11", "2023-09")}
    assert report["groups"][0]["disparity"] and not report["groups"][-1]["disparity"]


def test_workers_give_the_same_report(seed_file: Path, tmp_path: Path) -> None:
    data = tmp_path / "gen.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "cohort_gen.py"), "1200", "-o", str(data), "--seed", "3",
                    "--bad-rate", "0.01"], check=True, timeout=120)
    one = weiquan("cohort", str(data), str(seed_file), "--format", "json", "--as-of", AS_OF)
    two = weiquan("cohort", str(data), str(seed_file), "--format", "json", "--as-of", AS_OF, "--workers", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert json.loads(one.stdout)["cases"] > 1000


def test_directories_yaml_files_and_stdin(tmp_path: Path) -> None:
    import yaml

    root = tmp_path / "cases"
    (root / "hebei").mkdir(parents=True)
    (root / "beijing.yaml").write_text(yaml.safe_dump(SEED_COHORT[0], allow_unicode=True), encoding="utf-8")
    (root / "hebei" / "a.json").write_text(json.dumps(SEED_COHORT[2], ensure_ascii=False), encoding="utf-8")
    (root / "hebei" / "broken.yaml").write_text("product: [unclosed", encoding="utf-8")
    (root / "notes.txt").write_text("not a case", encoding="utf-8")
    report, r = cohort_json(str(root))
    assert report["cases"] == 2
    assert [(s["source"], s["line"]) for s in report["skipped"]] == [(str(root / "hebei" / "broken.yaml"), None)]
    assert group(report, "touch_unresponsive")["outcomes"] == {"free_replacement_newer_model": 1,
                                                               "discounted_trade_in": 1}
    stdin = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in SEED_COHORT)
    piped = weiquan("cohort", "-", "--format", "json", "--as-of", AS_OF, stdin=stdin)
    assert piped.returncode == 0, piped.stderr
    assert group(json.loads(piped.stdout), "touch_unresponsive")["crpl10"]["count"] == 3


def test_csv_has_one_row_per_group_with_the_counts(seed_file: Path) -> None:
    r = weiquan("cohort", str(seed_file), "--format", "csv", "--as-of", AS_OF)
    assert r.returncode == 0
    assert r.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert [row["故障"] for row in rows] == ["触控失灵", "异常发热"]
    assert rows[0]["人数"] == "5" and rows[0]["免费更换新款"] == "2" and rows[0]["无任何处理"] == "1"
    assert rows[0]["明显差别待遇"] == "是" and rows[0]["可援引消保法第十条人数"] == "3"
    assert "河北省 2" in rows[0]["按地区"]
    en = list(csv.DictReader(io.StringIO(weiquan("cohort", str(seed_file), "--format", "csv", "--as-of", AS_OF,
                                                 "--lang", "en").stdout.lstrip("\ufeff"))))
    assert en[0]["size"] == "5" and en[0]["discounted trade-in"] == "2"


def test_paid_remedy_of_unknown_price_and_business_purchases(tmp_path: Path) -> None:
    cases = [
        case("北京市", ["touch_unresponsive"], [offer("discounted_trade_in", 0.5)]),
        case("河北省", ["touch_unresponsive"], [offer("paid_repair", None)]),  # paid, price unknown
        case("河北省", ["screen_dead"], [offer("free_repair", None)]),  # free needs no price
        case("河北省", ["screen_dead"], [offer("paid_repair", None)]),
        case("河北省", ["screen_dead"], [refusal()], personal=False),  # a company's purchase
    ]
    report, _ = cohort_json(str(jsonl(tmp_path / "unknown.jsonl", cases)))
    touch, dead = group(report, "touch_unresponsive"), group(report, "screen_dead")
    # Unknown price against 5折: not known to be lower or higher — no claim either way.
    assert touch["crpl10"]["count"] == 0 and touch["disparity"] is False
    # Paid at any price is more than free; the company cannot cite the consumer law.
    assert dead["crpl10"]["count"] == 1
    assert dead["disparity_reasons"] == ["free_vs_paid", "remedy_vs_none"]
    assert dead["outcomes"] == {"free_repair": 1, "paid_repair": 1, "none": 1}


@pytest.mark.parametrize("args, needle", [
    (["/no/such/dir"], "找不到输入：/no/such/dir"),
    (["{seed}", "--workers", "-1"], "--workers"),
    (["{seed}", "--spread", "0"], "--spread"),
    (["{seed}", "--chart", "out.jpg"], "--chart: 'out.jpg' 不是 .png"),
    (["{seed}", "--chart", "/no/such/dir/c.png"], "--chart: 目录"),
    (["{seed}", "--as-of", "2025-13-01"], "--as-of"),
    (["{txt}"], "不支持的文件类型 '.txt'"),
])
def test_bad_usage_is_exit_2_with_a_message(args: list[str], needle: str, seed_file: Path, tmp_path: Path) -> None:
    txt = tmp_path / "cases.txt"
    txt.write_text("{}", encoding="utf-8")
    r = weiquan("cohort", *[a.format(seed=seed_file, txt=txt) for a in args])
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert needle in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_chart_is_written_with_chinese_or_english_labels_and_no_missing_glyphs(seed_file: Path, tmp_path: Path) -> None:
    from cohort import analyse
    from views.cohort_chart import draw_chart, find_cjk_font

    report = analyse([str(seed_file)], dt.date.fromisoformat(AS_OF))
    zh, en = tmp_path / "zh.png", tmp_path / "en.png"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)" before drawing a box
        used = draw_chart(report, zh, "zh")
        fallback = draw_chart(report, en, "zh", cjk=False)
    assert used == ("zh" if find_cjk_font() else "en")
    assert fallback == "en"
    for png in (zh, en):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    r = weiquan("cohort", str(seed_file), "--as-of", AS_OF, "--chart", str(tmp_path / "cli.png"))
    assert r.returncode == 0 and (tmp_path / "cli.png").is_file()
    assert "图表已保存" in r.stderr
    before = (tmp_path / "cli.png").read_bytes()
    again = weiquan("cohort", str(seed_file), "--as-of", AS_OF, "--chart", str(tmp_path / "cli.png"))
    assert again.returncode == 2 and "--force" in again.stderr  # issue 16 item 2: never overwritten unasked
    assert (tmp_path / "cli.png").read_bytes() == before
    assert weiquan("cohort", str(seed_file), "--as-of", AS_OF, "--chart", str(tmp_path / "cli.png"),
                   "--force").returncode == 0


def test_rule_base_agrees_with_the_cohort_on_every_consumer(seed_file: Path) -> None:
    report, r = cohort_json(str(seed_file), "--verify")
    c = report["crpl10"]
    assert c["verified"] is True
    assert c["agree"] == c["checked"] == 6, c["disagree"]
    assert r.returncode == 0
    text = weiquan("cohort", str(seed_file), "--as-of", AS_OF, "--verify")
    assert "规则库逐案复核 6 件，结论一致 6 件" in text.stdout


def test_rule_base_agrees_on_a_generated_cohort(tmp_path: Path) -> None:
    data = tmp_path / "gen.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "cohort_gen.py"), "300", "-o", str(data), "--seed", "11",
                    "--plant-share", "0.3"], check=True, timeout=120)
    report, _ = cohort_json(str(data), "--verify", "--workers", "2")
    c = report["crpl10"]
    assert c["checked"] > 250 and c["consumers"] > 20
    assert c["agree"] == c["checked"], c["disagree"]


def test_rule_base_agrees_on_a_paid_offer_of_unknown_price(tmp_path: Path) -> None:
    cases = [
        case("北京市", ["touch_unresponsive"], [offer("discounted_trade_in", 0.5)]),
        case("河北省", ["touch_unresponsive"], [offer("paid_repair", None)]),
    ]
    report, _ = cohort_json(str(jsonl(tmp_path / "unknown.jsonl", cases)), "--verify")
    assert report["crpl10"]["disagree"] == []


# ── found in a new-user trial ─────────────────────────────────────────────────────────────────────

def _same_cases_twice(tmp_path: Path) -> Path:
    """A directory with each case both as a YAML file and as a line of a JSON Lines file."""
    import yaml

    root = tmp_path / "cases"
    root.mkdir()
    jsonl(root / "all.jsonl", SEED_COHORT)
    for i, c in enumerate(SEED_COHORT[:3], start=1):  # other key order and layout, same content
        (root / f"c{i}.yaml").write_text(yaml.safe_dump(dict(reversed(list(c.items()))), allow_unicode=True),
                                         encoding="utf-8")
    return root


def test_identical_cases_are_counted_once_and_the_duplicates_named(tmp_path: Path) -> None:
    root = _same_cases_twice(tmp_path)
    report, r = cohort_json(str(root))
    assert r.returncode == 0, r.stderr
    assert report["cases"] == 6 and report["duplicates_total"] == 3
    assert report["duplicates"] == [
        {"source": str(root / f"c{i}.yaml"), "line": None, "same_as": f"{root / 'all.jsonl'}:{i}"} for i in (1, 2, 3)]
    assert group(report, "touch_unresponsive")["size"] == 5  # as with the cases once each
    # Naming a file twice: its lines are duplicates of themselves, line by line.
    twice, _ = cohort_json(str(root / "all.jsonl"), str(root / "all.jsonl"))
    assert twice["cases"] == 6 and twice["duplicates_total"] == 6
    assert twice["duplicates"][0] == {"source": str(root / "all.jsonl"), "line": 1, "same_as": f"{root / 'all.jsonl'}:1"}
    def flat(out: str) -> str:  # long paths wrap at the terminal's width
        return re.sub(r"\s+", "", out)

    text = weiquan("cohort", str(root), "--as-of", AS_OF)
    assert "读取案件 6 件" in text.stdout and "跳过重复案件 3 件" in text.stdout
    assert flat(f"{root / 'c1.yaml'}（同 {root / 'all.jsonl'}:1）") in flat(text.stdout)
    en = weiquan("cohort", str(root), "--as-of", AS_OF, "--lang", "en")
    assert "6 cases read" in en.stdout and "3 duplicate case(s) skipped" in en.stdout
    assert flat(f"{root / 'c1.yaml'} (same as {root / 'all.jsonl'}:1)") in flat(en.stdout)
    # The rule base checks each consumer once, too.
    verified, _ = cohort_json(str(root), "--verify")
    assert verified["crpl10"]["checked"] == 6 == verified["crpl10"]["agree"]


def test_the_examples_directory_counts_each_case_once() -> None:
    r = weiquan("cohort", "examples", "--as-of", "2025-12-01")
    assert r.returncode == 0, r.stderr
    assert "读取案件 8 件" in r.stdout and "跳过重复案件 8 件" in r.stdout
    assert "examples/cases.jsonl:" in r.stdout


def test_duplicates_in_different_workers_give_the_same_report(tmp_path: Path) -> None:
    data = tmp_path / "gen.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "cohort_gen.py"), "1100", "-o", str(data), "--seed", "5"],
                   check=True, timeout=120)
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    # Copies of early lines in each later chunk of 512, so that different workers hold copies.
    data.write_text("".join(lines[:600] + lines[:20] + lines[600:] + lines[:20] + lines[530:540]), encoding="utf-8")
    one = weiquan("cohort", str(data), "--format", "json", "--as-of", AS_OF)
    two = weiquan("cohort", str(data), "--format", "json", "--as-of", AS_OF, "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    report = json.loads(one.stdout)
    assert report["duplicates_total"] == 50 and report["cases"] == 1100


def test_no_valid_case_means_no_conclusion_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "typo.yaml").write_text("product: [unclosed", encoding="utf-8")
    (tmp_path / "enum.yaml").write_text(json.dumps(case("北京市", ["touch_unresponsive"], []) | {"version": 3}),
                                        encoding="utf-8")
    args = [str(tmp_path / "typo.yaml"), str(tmp_path / "enum.yaml"), "--as-of", AS_OF]
    r = weiquan("cohort", *args)
    assert r.returncode == 2, r.stderr
    assert "没有有效的案件可供比较" in r.stdout and "未发现" not in r.stdout and "个组" not in r.stdout
    assert "typo.yaml" in r.stdout and "Traceback" not in r.stderr
    en = weiquan("cohort", *args, "--lang", "en")
    assert en.returncode == 2 and "No valid cases to compare" in en.stdout
    assert "materially differently" not in en.stdout
    js = weiquan("cohort", *args, "--format", "json", "--chart", str(tmp_path / "c.png"))
    assert js.returncode == 2 and json.loads(js.stdout)["skipped_total"] == 2
    assert not (tmp_path / "c.png").exists()
    # One good case among bad ones is a comparison (of one), as before.
    (tmp_path / "good.jsonl").write_text(json.dumps(SEED_COHORT[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert weiquan("cohort", *args, str(tmp_path / "good.jsonl")).returncode == 1


def test_unknown_region_and_unknown_handler_read_differently(tmp_path: Path) -> None:
    cases = [case(None, ["touch_unresponsive"], [offer("free_repair", 0)]),
             case(None, ["touch_unresponsive"], [{"date": "2025-08-12", "kind": "refusal"}])]
    path = jsonl(tmp_path / "unknown.jsonl", cases)
    en = weiquan("cohort", str(path), "--as-of", AS_OF, "--lang", "en")
    assert "region unknown" in en.stdout and "handler unknown" in en.stdout
    assert not re.search(r"│ unknown\s", en.stdout)
    zh = weiquan("cohort", str(path), "--as-of", AS_OF)
    assert "地区不明" in zh.stdout and "处理方不明" in zh.stdout
    rows = list(csv.DictReader(io.StringIO(weiquan("cohort", str(path), "--format", "csv", "--as-of", AS_OF, "--lang",
                                                   "en").stdout.lstrip("\ufeff"))))
    assert rows[0]["by_region"].startswith("region unknown 2") and "handler unknown 1" in rows[0]["by_party"]


def _red_pixels(png: Path) -> int:
    from matplotlib.image import imread

    img = imread(str(png))[..., :3] * 255
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    return int(((r > 140) & (g < 90) & (b < 90)).sum())


def test_red_in_the_chart_means_only_materially_different(tmp_path: Path) -> None:
    from cohort import analyse
    from views.cohort_chart import draw_chart

    # Everyone in the group got nothing: treated alike, not flagged — and nothing red.
    alike = jsonl(tmp_path / "alike.jsonl", [case("北京市", ["touch_unresponsive"], [refusal()]),
                                             case("河北省", ["touch_unresponsive"], [refusal()])])
    report = analyse([str(alike)], dt.date.fromisoformat(AS_OF))
    assert report.groups and not report.disparities
    draw_chart(report, tmp_path / "alike.png", "en", cjk=False)
    assert _red_pixels(tmp_path / "alike.png") == 0
    # A flagged group's name is red.
    flagged = analyse([str(jsonl(tmp_path / "seed.jsonl", SEED_COHORT))], dt.date.fromisoformat(AS_OF))
    draw_chart(flagged, tmp_path / "flagged.png", "en", cjk=False)
    assert _red_pixels(tmp_path / "flagged.png") > 0


# ---------------------------------------------------------------- comparators recorded in case files (issue 13 item 11)

def _comparator(remedy: str | None, ratio: float | None, **extra: Any) -> dict[str, Any]:
    c: dict[str, Any] = {"model": "小米手环8", "production_batch": "2024-04", "symptoms": ["touch_unresponsive"],
                         "source": "同地区用户"}
    if remedy is not None:
        c["remedy"] = remedy
    if ratio is not None:
        c["price_ratio"] = ratio
    return c | extra


def test_the_seeds_own_comparator_is_counted_in_its_group() -> None:
    import yaml

    seed = ROOT / "examples" / "seed.yaml"
    recorded = yaml.safe_load(seed.read_text(encoding="utf-8"))["comparators"]
    report, r = cohort_json(str(seed))
    assert report["cases"] == 1
    assert report["comparators"] == {"counted": len(recorded), "duplicates": 0, "ungrouped": 0}
    touch = group(report, "touch_unresponsive")
    assert touch["size"] == 1 + len(recorded)
    assert touch["outcomes"][recorded[0]["remedy"]] == 1 and touch["disparity"]
    assert touch["best"]["target_model"] == recorded[0]["target_model"]
    # The consumer, offered a trade-in while the comparator got a free newer band, can cite 第十条;
    # the comparator is someone else's story and is never counted as a citer.
    assert report["crpl10"]["consumers"] == 1 == touch["crpl10"]["count"]
    assert touch["crpl10"]["consumers"] == [str(seed)]
    verified, r = cohort_json(str(seed), "--verify")
    assert verified["crpl10"]["checked"] == verified["crpl10"]["agree"] == 1, verified["crpl10"]
    text = weiquan("cohort", str(seed), "--as-of", AS_OF).stdout
    assert f"对比人（其他消费者）{len(recorded)} 人计入各组" in text


def test_a_comparator_recorded_twice_counts_once_and_an_unplaceable_one_not_at_all(tmp_path: Path) -> None:
    free = _comparator("free_replacement_newer_model", 0)
    a = case("河北省", ["touch_unresponsive"], [offer("discounted_trade_in", 0.6)]) | {"comparators": [free]}
    b = case("河南省", ["touch_unresponsive"], [refusal()]) | {
        "comparators": [free, _comparator(None, None), _comparator("free_repair", 0, production_batch=None)]}
    report, _ = cohort_json(str(jsonl(tmp_path / "c.jsonl", [a, b])))
    assert report["comparators"] == {"counted": 1, "duplicates": 1, "ungrouped": 2}
    touch = group(report, "touch_unresponsive")
    assert touch["size"] == 3  # two consumers and the one free comparator
    assert touch["outcomes"] == {"free_replacement_newer_model": 1, "discounted_trade_in": 1, "none": 1}
    assert report["crpl10"]["consumers"] == 2


def test_the_summary_says_which_groups_the_table_lists() -> None:
    seed_file = ROOT / "examples" / "seed.yaml"
    report, _ = cohort_json(str(seed_file))
    n, flagged = len(report["groups"]), sum(g["disparity"] for g in report["groups"])
    assert 0 < flagged < n
    for args, rows in (([], flagged), (["--all"], n)):
        out = weiquan("cohort", str(seed_file), "--as-of", AS_OF, *args).stdout
        assert f"共 {n} 个组，其中 {flagged} 个组存在明显差别待遇" in out
        table = re.findall(r"^│ (\d+) +│", out, flags=re.M)
        assert [int(x) for x in table] == list(range(1, rows + 1))
        assert (f"下表只列出这 {flagged} 个组" in out) == (not args)


def test_the_charts_people_axis_has_whole_number_ticks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib.figure import Figure

    from cohort import analyse
    from views.cohort_chart import draw_chart

    seen: list[Any] = []
    monkeypatch.setattr(Figure, "savefig", lambda self, *a, **k: seen.append(self))
    report = analyse([str(ROOT / "examples" / "seed.yaml")], dt.date.fromisoformat("2025-09-01"))
    draw_chart(report, tmp_path / "c.png", "en", cjk=False)
    ax = seen[0].axes[0]
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), ticks


# ---------------------------------------------------------------- bad lines never end the run (issue 16 item 3)

def test_any_bad_line_is_skipped_with_its_number_with_one_or_two_workers(tmp_path: Path) -> None:
    from tests.test_batch import BAD_LINES

    good = [json.dumps(c, ensure_ascii=False) for c in SEED_COHORT]
    huge = dict(SEED_COHORT[0], fault=dict(SEED_COHORT[0]["fault"], similar_reports=1e20))
    bad = [*BAD_LINES.values(), json.dumps(huge, ensure_ascii=False)]
    lines: list[str] = []
    for i, g in enumerate(good):
        lines += [g, bad[i % len(bad)]]
    lines += bad
    path = jsonl(tmp_path / "bad.jsonl", lines)
    reports = []
    for workers in ("1", "2"):
        r = weiquan("cohort", str(path), "--format", "json", "--as-of", AS_OF, "--workers", workers, "--verify")
        assert r.returncode == 1, r.stderr
        assert "Traceback" not in r.stderr and "内部错误" not in r.stderr
        reports.append(r.stdout)
    assert reports[0] == reports[1]
    report = json.loads(reports[0])
    skipped = [s["line"] for s in report["skipped"]]
    expected = [n for n, line in enumerate(lines, 1) if line in bad]
    huge_lines = [n for n, line in enumerate(lines, 1) if line == bad[-1]]
    # similar_reports 1e20 is a valid number for the model today; if the model refuses it, it is skipped too.
    assert set(skipped) in (set(expected), set(expected) - set(huge_lines))
    assert report["crpl10"]["checked"] == report["crpl10"]["agree"]
