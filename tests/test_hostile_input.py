"""Hostile case files (issue 16 items 4, 5, 6, 9, 10, 12, 13): each is refused with exit 2 and a message that
names the field (or the line), the value and what is allowed — never a crash, never a silent guess."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from engine.case import MAX_INTERACTIONS, parse_case, read_data
from engine.errors import InputError
from tests.conftest import BASE_CASE, make_case, run_cli

AS_OF = dt.date(2025, 9, 1)


def refusal(data: dict, lang: str = "zh") -> list[str]:
    with pytest.raises(InputError) as e:
        parse_case(data, as_of=AS_OF, lang=lang)
    return e.value.messages


def read_refusal(tmp_path: Path, text: str, name: str = "case.yaml", lang: str = "zh") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_data(path, lang)
    return e.value.messages


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("purchase.warranty_months", True, "purchase.warranty_months: 值 true 无效，应为整数，允许 0 – 120"),
    ("product.price", "239", "product.price: 值 '239' 无效，应为数字（数字不加引号），允许 0 – 10000000"),
    ("product.price", float("inf"), "product.price: 值 inf 无效，应为有限的数字（0 – 10000000）"),
    ("product.price", 1e20, "product.price: 值 1e+20 超出范围，允许 0 – 10000000"),
    ("version", True, "version: 值 true 无效，应为整数，允许 1 – 2"),
    ("version", 3, "version: 值 3 超出范围，允许 1 – 2"),
    ("fault.similar_reports", 2**64, "fault.similar_reports: 值 18446744073709551616 超出范围，允许 0 – 1000000"),
    ("fault.similar_reports", 1e20, "fault.similar_reports: 值 1e+20 无效，应为整数，允许 0 – 1000000"),
    ("purchase.date", "9999-05-20", "purchase.date: 值 '9999-05-20' 超出范围，允许 1990-01-01 到 2099-12-31 之间的日期"),
    ("purchase.for_personal_use", 1, "purchase.for_personal_use: 值 1 无效，应为 true（是）、false（否）或 null（不知道）"),
])
def test_loose_types_and_out_of_range_numbers_are_refused_naming_the_field(field: str, value: object,
                                                                          expected: str) -> None:
    assert refusal(make_case(**{field: value})) == [expected]


def test_a_ratio_given_as_true_is_not_the_full_price() -> None:
    data = make_case(interactions=[{"date": "2024-09-05", "kind": "offer", "remedy": "discounted_trade_in",
                                    "price_ratio": True}])
    assert refusal(data, "en") == ["interactions[0].price_ratio: true is invalid: expected a number; allowed: 0 – 1"]


@pytest.mark.parametrize("char", ["\x01", "\x00", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029", "\u202e", "\ud800"])
def test_control_and_layout_characters_are_refused_in_any_text(char: str) -> None:
    (msg,) = refusal(make_case(**{"consumer.name": f"王某{char}伪造的标题"}))
    assert msg.startswith("consumer.name: ")
    if char != "\ud800":
        assert f"U+{ord(char):04X}" in msg and "一行文字" in msg


def test_a_description_may_have_lines_but_a_name_may_not() -> None:
    case = parse_case(make_case(**{"fault.description": "第一行\n第二行\t缩进"}), as_of=AS_OF)
    assert case.fault.description == "第一行\n第二行\t缩进"
    (msg,) = refusal(make_case(**{"consumer.name": "王\n某"}), "en")
    assert msg.startswith("consumer.name: '王\\u000a某' holds the character U+000A")


def test_long_texts_and_lists_are_refused_with_their_limit() -> None:
    assert refusal(make_case(**{"consumer.name": "王" * 256})) == ["consumer.name: 文本过长（256 个字符，最多 200 个）"]
    many = [{"date": "2024-09-05", "kind": "refusal"}] * (MAX_INTERACTIONS + 1)
    assert refusal(make_case(interactions=many), "en") == [
        f"interactions: {MAX_INTERACTIONS + 1} items; at most {MAX_INTERACTIONS} are allowed"]


def test_full_width_digits_in_a_date_are_read() -> None:
    case = parse_case(make_case(**{"purchase.date": "２０２４－０５－２０"}), as_of=AS_OF)
    assert case.purchase.date == dt.date(2024, 5, 20)


def test_a_key_given_twice_is_refused_naming_both_lines(tmp_path: Path) -> None:
    text = yaml.safe_dump(BASE_CASE, allow_unicode=True, sort_keys=False).replace(
        "  model: Band X\n", "  model: 小米手环8\n  category: wearable\n  model: 华为P50\n", 1)
    text = text.replace("  category: wearable\n  production_batch", "  production_batch", 1)
    line_a = text.splitlines().index("  model: 小米手环8") + 1
    line_b = text.splitlines().index("  model: 华为P50") + 1
    assert read_refusal(tmp_path, text) == [f"{tmp_path / 'case.yaml'}: 字段 model 出现了两次（第{line_a}行和第{line_b}行）；请只保留一个"]
    js = json.dumps(BASE_CASE, ensure_ascii=False, indent=1).replace('"model": "Band X"', '"model": "小米手环8", "model": "华为P50"')
    line = next(i for i, x in enumerate(js.splitlines(), 1) if "华为P50" in x)
    (msg,) = read_refusal(tmp_path, js, "case.json", "en")
    assert msg == f"{tmp_path / 'case.json'}: the key model is given twice (lines {line} and {line}); keep one"


@pytest.mark.parametrize("name", ["case.yaml", "case.json"])
def test_deep_nesting_is_refused_at_load(tmp_path: Path, name: str) -> None:
    (msg,) = read_refusal(tmp_path, "[" * 3000 + "]" * 3000, name)
    assert "嵌套超过 20 层" in msg


def test_a_huge_number_is_out_of_range_not_a_crash(tmp_path: Path) -> None:
    text = yaml.safe_dump(BASE_CASE, allow_unicode=True).replace("batch_evidence: none",
                                                                 "batch_evidence: none\n  similar_reports: " + "9" * 5000)
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    assert refusal(read_data(path)) == ["fault.similar_reports: 值 999999999999…（共 5000 位） 超出范围，允许 0 – 1000000"]


def test_a_non_text_key_is_said_in_the_users_language(tmp_path: Path) -> None:
    (msg,) = read_refusal(tmp_path, "product:\n  1: x\n")
    assert msg.endswith("第2行起的映射：字段名 1 不是文本；如确是文本请加引号，如 '1'")


def test_a_bom_is_accepted_in_json_as_in_yaml(tmp_path: Path) -> None:
    for name, text in (("c.json", json.dumps(BASE_CASE)), ("c.yaml", yaml.safe_dump(BASE_CASE))):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        assert parse_case(read_data(path), as_of=AS_OF).product.model == "Band X"


def test_an_oversized_file_is_refused(tmp_path: Path) -> None:
    (msg,) = read_refusal(tmp_path, "# " + "x" * 1_100_000 + "\n")
    assert "文件过大（超过 1000 kB）" in msg


def test_the_schema_states_the_limits() -> None:
    run = run_cli("schema")
    schema = json.loads(run.stdout)
    defs = schema["$defs"]
    assert schema["properties"]["interactions"]["maxItems"] == MAX_INTERACTIONS
    assert schema["properties"]["version"] == {"default": 1, "maximum": 2, "minimum": 1, "title": "Version",
                                               "type": "integer"}
    price = defs["Product"]["properties"]["price"]["anyOf"][0]
    assert (price["type"], price["minimum"], price["maximum"]) == ("number", 0, 10_000_000)
    name = defs["Consumer"]["properties"]["name"]
    assert name["anyOf"][0]["maxLength"] == 200 and "\\u2028" in name["pattern"]
    assert defs["Purchase"]["properties"]["date"]["formatMinimum"] == "1990-01-01"


def test_a_pdf_letter_refuses_characters_its_font_cannot_draw(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(make_case(**{"consumer.name": "王𪚥😀"}), allow_unicode=True), encoding="utf-8")
    run = run_cli("letter", str(case), "-f", "pdf", "-o", str(tmp_path / "x.pdf"), "--as-of", "2025-09-01")
    assert run.returncode == 2, run.stderr
    assert "consumer.name: 值 '王𪚥😀' 含 PDF 字体无法显示的字符 𪚥（U+2A6A5）、😀（U+1F600）" in run.stderr
    assert not (tmp_path / "x.pdf").exists()
    md = run_cli("letter", str(case), "-f", "md", "--as-of", "2025-09-01")
    assert md.returncode == 0 and "王𪚥😀" in md.stdout
