"""The message catalogue (engine/messages.py, issue 14 item 1): every sentence is said in both languages, and a
bad case-file field and a bad command-line option are told in the same sentence, because both adapters
(pydantic's and click's) fill in the one catalogue entry."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

from engine import messages as M
from tests.conftest import make_case, run_cli

ENTRIES = {name: msg for name, msg in vars(M).items() if isinstance(msg, M.Msg)}
# The Chinese leaves out the English-only reason that click or Python gives for a value they refuse.
ZH_LEAVES_OUT = {"OPTION_INVALID": {"why"}, "LINE_TOO_MANY_DIGITS": {"why"}}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_catalogue_is_not_empty() -> None:
    assert len(ENTRIES) > 50


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_each_message_has_both_languages_with_the_same_blanks(name: str) -> None:
    msg = ENTRIES[name]
    assert msg.zh.strip() and msg.en.strip()
    assert _fields(msg.zh) | ZH_LEAVES_OUT.get(name, set()) == _fields(msg.en)
    values = {f: 1 for f in _fields(msg.en)}  # 1 fits every blank, also {code:04X}
    assert msg("zh", **values) and msg("en", **values)  # no stray brace in either language


def _frame(msg: M.Msg, lang: str) -> re.Pattern[str]:
    """The sentence with its blanks as wildcards: what both adapters must print around name, value and list."""
    marked = msg(lang, **{f: f"\0{f}\0" for f in _fields(msg.en)})
    parts = re.split("\0[a-z_]+\0", marked)
    return re.compile("(.+?)".join(map(re.escape, parts)) + "$")


def _case_files(tmp_path: Path, **bad_changes: object) -> tuple[Path, Path]:
    """A valid case file and the same case with `bad_changes`, for comparing a field's message with an option's."""
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(yaml.safe_dump(make_case(), allow_unicode=True), encoding="utf-8")
    bad.write_text(yaml.safe_dump(make_case(**bad_changes), allow_unicode=True), encoding="utf-8")
    return good, bad


def _refusals(stderr: str) -> list[str]:
    return [line[4:] for line in stderr.splitlines() if line.startswith("  - ")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bad_choice_reads_the_same_in_a_case_file_and_on_the_command_line(tmp_path: Path, lang: str) -> None:
    good, bad = _case_files(tmp_path, **{"purchase.channel": "shop"})
    option = run_cli("assess", str(good), "--format", "shop", "--lang", lang, "--as-of", "2025-09-01")
    field = run_cli("assess", str(bad), "--lang", lang, "--as-of", "2025-09-01")
    assert option.returncode == field.returncode == 2
    frame = _frame(M.NOT_ALLOWED, lang)
    (said_option,), (said_field,) = _refusals(option.stderr), _refusals(field.stderr)
    by_option, by_field = frame.match(said_option), frame.match(said_field)
    assert by_option and by_field, (said_option, said_field)
    assert by_option.groups()[:2] == ("--format", "'shop'")
    assert by_field.groups()[:2] == ("purchase.channel", "'shop'")
    assert by_option.group(3) == M.listing(lang, ["text", "md", "json", "jsonl"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_day_not_in_the_calendar_reads_the_same_in_a_case_file_and_in_as_of(tmp_path: Path, lang: str) -> None:
    good, bad = _case_files(tmp_path, **{"purchase.date": "2024-02-30"})
    (said_option,) = _refusals(run_cli("assess", str(good), "--as-of", "2024-02-30", "--lang", lang).stderr)
    (said_field,) = _refusals(run_cli("assess", str(bad), "--as-of", "2025-09-01", "--lang", lang).stderr)
    assert said_option == M.INVALID(lang, name="--as-of", shown="'2024-02-30'", why=M.NO_SUCH_DAY)
    assert said_field == M.INVALID(lang, name="purchase.date", shown="'2024-02-30'", why=M.NO_SUCH_DAY)
