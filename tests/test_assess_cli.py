"""`weiquan assess` as a user runs it: bad input, formats, stdin, batch (CONTRACT.md §3, §4)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml

from tests.conftest import ROOT, make_case, run_cli, weiquan_cmd


def write(tmp: Path, data: object, name: str = "case.yaml") -> Path:
    p = tmp / name
    p.write_text(yaml.safe_dump(data, allow_unicode=True) if name.endswith(".yaml") else json.dumps(data), encoding="utf-8")
    return p


def test_unknown_key_names_the_field_value_and_what_is_allowed(tmp_path: Path) -> None:
    data = make_case()
    data["fault"]["symptom"] = ["abnormal_heat"]  # a typo for `symptoms`
    r = run_cli("assess", str(write(tmp_path, data)), "--as-of", "2025-09-01")
    assert r.returncode == 2
    assert "fault.symptom" in r.stderr and "symptoms" in r.stderr and "未知字段" in r.stderr
    assert "Traceback" not in r.stderr


def test_bad_enum_in_english(tmp_path: Path) -> None:
    r = run_cli("assess", str(write(tmp_path, make_case(**{"product.category": "watch"}))), "--lang", "en",
                "--as-of", "2025-09-01")
    assert r.returncode == 2
    assert "product.category: 'watch' is not allowed" in r.stderr and "wearable" in r.stderr


def test_dates_after_as_of_and_before_purchase_are_refused(tmp_path: Path) -> None:
    r = run_cli("assess", str(write(tmp_path, make_case())), "--as-of", "2024-08-01")
    assert r.returncode == 2 and "晚于评估日期 2024-08-01" in r.stderr
    r = run_cli("assess", str(write(tmp_path, make_case(**{"fault.first_noticed": "2024-05-01"}))), "--as-of", "2025-09-01")
    assert r.returncode == 2 and "fault.first_noticed" in r.stderr and "早于收货日期" in r.stderr


def test_impossible_date_and_bad_as_of(tmp_path: Path) -> None:
    r = run_cli("assess", str(write(tmp_path, make_case(**{"purchase.date": "2024-02-30"}))), "--as-of", "2025-09-01")
    assert r.returncode == 2 and "purchase.date" in r.stderr and "2024-02-30" in r.stderr
    r = run_cli("assess", str(write(tmp_path, make_case())), "--as-of", "yesterday")
    assert r.returncode == 2 and "--as-of" in r.stderr


def test_missing_file_and_broken_yaml(tmp_path: Path) -> None:
    r = run_cli("assess", str(tmp_path / "nope.yaml"))
    assert r.returncode == 2 and "找不到文件" in r.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("product: [unclosed\n", encoding="utf-8")
    r = run_cli("assess", str(bad))
    assert r.returncode == 2 and "YAML" in r.stderr and "Traceback" not in r.stderr


def test_json_case_file_and_stdin_give_the_same_verdict(tmp_path: Path) -> None:
    data = make_case()
    a = run_cli("assess", str(write(tmp_path, data, "case.json")), "-f", "json", "--as-of", "2025-09-01")
    b = run_cli("assess", "-", "-f", "json", "--as-of", "2025-09-01", input=json.dumps(data))
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout
    assert json.loads(a.stdout)["findings"][0]["id"] == "crpl24.repair_replace_in_warranty"


def test_english_text_and_markdown(tmp_path: Path) -> None:
    p = write(tmp_path, make_case())
    en = run_cli("assess", str(p), "--lang", "en", "--as-of", "2025-09-01").stdout
    assert en.splitlines()[2].startswith("Bottom line:") and "not a lawyer's advice" in en
    md = run_cli("assess", str(p), "-f", "md", "--as-of", "2025-09-01").stdout
    assert md.startswith("# 维权分析") and "> 《消费者权益保护法》第二十四条第一款" in md


def test_schema_is_json_schema_of_the_case_file() -> None:
    r = run_cli("schema")
    schema = json.loads(r.stdout)
    assert r.returncode == 0
    assert set(schema["required"]) == {"product", "purchase", "fault"}
    assert schema["$defs"]["Product"]["additionalProperties"] is False


def test_batch_keeps_order_reports_bad_lines_and_scales_with_workers(tmp_path: Path) -> None:
    lines = [json.dumps(make_case(**{"consumer.name": f"用户{i}"})) for i in range(30)]
    lines[7] = "{not json"
    lines[12] = json.dumps(make_case(**{"product.category": "watch"}))
    lines.insert(20, "")  # blank lines are skipped but keep their numbers
    src = tmp_path / "cases.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run_cli("assess", str(src), "--as-of", "2025-09-01")
    two = run_cli("assess", str(src), "--as-of", "2025-09-01", "--workers", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    out = [json.loads(x) for x in one.stdout.splitlines()]
    assert len(out) == 30
    assert out[7]["line"] == 8 and "JSON" in out[7]["error"]
    assert out[12]["line"] == 13 and "product.category" in out[12]["error"]
    assert out[0]["findings"] and out[29]["case"]["product"] == "Band X"
    assert "2 行无法分析" in one.stderr


def test_batch_refuses_text_format(tmp_path: Path) -> None:
    src = tmp_path / "cases.jsonl"
    src.write_text(json.dumps(make_case()) + "\n", encoding="utf-8")
    r = run_cli("assess", str(src), "-f", "text")
    assert r.returncode == 2 and "jsonl" in r.stderr


def test_examples_assess_cleanly() -> None:
    for p in sorted((ROOT / "examples").glob("*.yaml")):
        r = run_cli("assess", str(p), "--as-of", "2025-12-31")
        assert r.returncode == 0, (p.name, r.stderr)


def test_every_vocabulary_value_has_a_chinese_and_an_english_label() -> None:
    from engine.vocab import VOCABULARIES
    from kb.labels import labels as _labels

    labels = _labels()
    for name, enum in VOCABULARIES.items():
        assert set(labels[name]) == {m.value for m in enum}, name
        for value, texts in labels[name].items():
            assert set(texts) == {"zh", "en"} and all(isinstance(t, str) and t for t in texts.values()), (name, value)
    assert labels["category"]["wearable"]["en"] == "wearable (band, watch)"


def test_unquoted_impossible_date_in_yaml_names_the_field(tmp_path: Path) -> None:
    p = tmp_path / "case.yaml"
    p.write_text("product: {model: x, category: phone}\npurchase: {date: 2025-02-30}\nfault: {first_noticed: 2025-03-01}\n",
                 encoding="utf-8")
    r = run_cli("assess", str(p), "--as-of", "2025-09-01")
    assert r.returncode == 2 and "purchase.date" in r.stderr and "2025-02-30" in r.stderr


def test_no_claim_and_nothing_to_add_does_not_point_at_missing_facts(tmp_path: Path) -> None:
    """Admitted user damage in warranty: nothing holds, and no fact is asked for, so none is promised."""
    data = make_case(**{"fault.cause": "user_damage", "fault.symptoms": ["connectivity"],
                        "demands": ["refund", "free_repair"]})
    p = write(tmp_path, data)
    r = run_cli("assess", str(p), "--as-of", "2024-10-01", "--format", "json")
    v = json.loads(r.stdout)
    assert r.returncode == 0 and v["findings"] == [] and v["missing"] == []
    text = run_cli("assess", str(p), "--as-of", "2024-10-01").stdout
    assert "未发现可以主张的权利" in text and "补充下列事实" not in text


# --- found in a new-user trial -------------------------------------------------------------------------

SEED = ROOT / "examples" / "seed.yaml"


def test_single_case_with_jsonl_format_is_one_verdict_line(tmp_path: Path) -> None:
    """-f jsonl on one YAML/JSON case prints its verdict as one JSON line; only .jsonl (or JSON-lines stdin) is a batch."""
    want = json.loads(run_cli("assess", str(SEED), "-f", "json", "--as-of", "2025-09-01").stdout)
    seed_text = SEED.read_text(encoding="utf-8")
    pretty = json.dumps(yaml.safe_load(seed_text), default=str, ensure_ascii=False, indent=2)
    for args, stdin in (((str(SEED),), None), (("-",), seed_text), (("-",), pretty)):
        r = run_cli("assess", *args, "-f", "jsonl", "--as-of", "2025-09-01", input=stdin)
        assert r.returncode == 0, r.stderr
        lines = r.stdout.splitlines()
        assert len(lines) == 1 and json.loads(lines[0]) == want
    one = json.dumps(yaml.safe_load(seed_text), default=str, ensure_ascii=False)
    r = run_cli("assess", "-", "-f", "jsonl", "--as-of", "2025-09-01", input=f"{one}\n\n{one}\n")
    assert r.returncode == 0 and [json.loads(x) for x in r.stdout.splitlines()] == [want, want]
    assert "jsonl" in run_cli("assess", "--help").stdout


def test_batch_line_that_is_not_utf8_is_reported_in_place(tmp_path: Path) -> None:
    good = json.dumps(make_case(), ensure_ascii=False).encode("utf-8")
    src = tmp_path / "cases.jsonl"
    src.write_bytes(good + b"\n" + '{"consumer": {"name": "王某"}}'.encode("gbk") + b"\n" + good + b"\n")
    for lang, word in (("zh", "不是 UTF-8 编码的文本"), ("en", "not UTF-8 text")):
        r = run_cli("assess", str(src), "--as-of", "2025-09-01", "--lang", lang)
        assert r.returncode == 1, r.stderr
        out = [json.loads(x) for x in r.stdout.splitlines()]
        assert len(out) == 3 and out[0]["findings"] and out[2]["findings"]
        assert out[1]["line"] == 2 and word in out[1]["error"]
    r = subprocess.run([*weiquan_cmd(), "assess", "-", "-f", "jsonl", "--as-of", "2025-09-01", "--workers", "2"],
                       input=src.read_bytes(), capture_output=True, timeout=120)
    lines = r.stdout.decode("utf-8").splitlines()
    assert r.returncode == 1 and len(lines) == 3 and json.loads(lines[1])["line"] == 2


def test_top_level_not_a_mapping_is_said_in_plain_words(tmp_path: Path) -> None:
    cases = {"empty.yaml": ("", "空文件", "empty file"), "comment.yaml": ("# 只有注释\n", "空文件", "empty file"),
             "list.yaml": ("- a\n- b\n", "列表", "a list"), "text.yaml": ("hello\n", "文本", "text"),
             "number.yaml": ("42\n", "数字", "a number")}
    for name, (content, zh, en) in cases.items():
        p = tmp_path / name
        p.write_text(content, encoding="utf-8")
        r = run_cli("assess", str(p), "--as-of", "2025-09-01")
        assert r.returncode == 2 and zh in r.stderr, r.stderr
        assert not any(f"而不是 {t}" in r.stderr for t in ("empty", "list", "str", "int", "NoneType"))
        r = run_cli("assess", str(p), "--as-of", "2025-09-01", "--lang", "en")
        assert r.returncode == 2 and en in r.stderr, r.stderr
        assert not any(f"not {t}\n" in r.stderr or f"not {t};" in r.stderr for t in ("empty", "list", "str", "int"))


def test_json_syntax_errors_are_described_in_chinese(tmp_path: Path) -> None:
    src = tmp_path / "cases.jsonl"
    src.write_text("{bad\n\n[1, 2]\n", encoding="utf-8")
    r = run_cli("assess", str(src), "--as-of", "2025-09-01")
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.returncode == 1 and out[0]["line"] == 1 and out[1]["line"] == 3
    assert "JSON 格式错误" in out[0]["error"] and "Expecting" not in out[0]["error"]
    assert "列表" in out[1]["error"] and "list" not in out[1]["error"]
    bad = tmp_path / "case.json"
    bad.write_text('{"product": {"model": "x",}}', encoding="utf-8")
    r = run_cli("assess", str(bad))
    assert r.returncode == 2 and "JSON 格式错误" in r.stderr and "Expecting" not in r.stderr


def test_as_of_must_be_a_real_yyyy_mm_dd_day_in_every_command(tmp_path: Path) -> None:
    for cmd in (["assess", str(SEED)], ["letter", str(SEED)], ["cohort", str(SEED)], ["ask"]):
        r = run_cli(*cmd, "--as-of", "2024-02-30", cwd=tmp_path)
        assert r.returncode == 2 and "不存在" in r.stderr and "应为 YYYY-MM-DD" not in r.stderr, (cmd, r.stderr)
        r = run_cli(*cmd, "--as-of", "20250901", cwd=tmp_path)
        assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr and "20250901" in r.stderr, (cmd, r.stderr)
    r = run_cli("assess", str(SEED), "--as-of", "2024-02-30", "--lang", "en")
    assert r.returncode == 2 and "no such day" in r.stderr


def test_bad_option_values_are_explained_in_the_users_language() -> None:
    cases = [
        (["assess", str(SEED), "--format", "xml"], ["--format", "'xml'", "允许的值", "text", "jsonl"]),
        (["assess", str(SEED), "--lang", "fr"], ["--lang", "'fr'", "允许的值", "zh", "en"]),
        (["letter", str(SEED), "--kind", "foo"], ["--kind", "'foo'", "允许的值", "demand", "complaint"]),
        (["letter", str(SEED), "--to", "me"], ["--to", "'me'", "seller", "manufacturer"]),
        (["letter", str(SEED), "-f", "odt"], ["--format", "'odt'", "pdf"]),
        (["cohort", str(SEED), "-f", "xls"], ["--format", "'xls'", "csv"]),
        (["law", "--format", "xml"], ["--format", "'xml'", "json"]),
        (["check", "-", "--format", "xml"], ["--format", "'xml'", "json"]),
        (["assess", str(SEED), "--workers", "-1"], ["--workers", "'-1'", "0"]),
        (["assess", str(SEED), "--workers", "many"], ["--workers", "'many'", "整数"]),
        (["assess", str(SEED), "--formt", "json"], ["--formt", "--format"]),
        (["assess", str(SEED), "--format", "xml", "--lang", "en"], ["--format", "'xml'", "Allowed values", "jsonl"]),
        (["letter", str(SEED), "--lang", "en", "--kind", "foo"], ["--kind", "'foo'", "Allowed values", "complaint"]),
        (["assess", str(SEED), "--lang=en", "--workers", "-1"], ["--workers", "'-1'", "0"]),
    ]
    for args, words in cases:
        r = run_cli(*args, input="")
        assert r.returncode == 2, (args, r.stderr)
        assert all(w in r.stderr for w in words), (args, r.stderr)
        assert not any(w in r.stderr for w in ("Error:", "Value error", "Input should", "Traceback")), (args, r.stderr)
        if "en" not in args and "--lang=en" not in args:
            assert "命令行有误" in r.stderr, (args, r.stderr)


def test_deadlines_are_listed_soonest_first() -> None:
    r = run_cli("assess", str(ROOT / "examples" / "band-burn-recall.yaml"), "--as-of", "2026-11-25")
    dates = [line[2:12] for line in r.stdout.splitlines() if re.match(r"- \d{4}-\d\d-\d\d  ", line)]
    assert r.returncode == 0 and len(dates) >= 3 and dates == sorted(dates)
