"""Saving the draft after every answer so that nothing typed is lost, and reading it back to resume.

One file holds both the case and the progress. The progress (which questions were answered, including
"don't know" answers that leave no field behind) is a JSON line inside a YAML comment at the top:
the case model rejects unknown keys, and a comment is invisible to it, so a finished file passes
`weiquan assess` as it is, while a partial one is still valid YAML that `--resume` continues. A side
file was the alternative, but two files cannot be replaced in one atomic step; one file can.
A case file without the progress line (written by hand, or by another tool) resumes too: its present
fields count as answered.

Writes are atomic: a temporary file in the same directory, flushed and fsynced, then `os.replace`d
over the old one, so Ctrl-C, a closed terminal or a crash leaves either the previous or the new
version, never half of one. The file is created readable by its owner only: it holds a name, a phone
number and an address.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from engine import io
from engine.errors import InputError
from kb.bilingual import pick
from questionnaire.draft import Draft, canonical, get, put
from questionnaire.spec import Questionnaire

PROGRESS = "# weiquan-progress: "
_MONTHS = ("product.production_batch",)


def render(draft: Draft, lang: str = "zh") -> str:
    """The file's text: a human note, the progress line, then the case as YAML."""
    note = pick(lang, "# weiquan ask 的问卷草稿，每答一题自动保存。继续填写：weiquan ask --resume 本文件",
                "# weiquan ask questionnaire draft, saved after every answer. Continue: weiquan ask --resume FILE")
    progress = json.dumps({"answered": draft.answered}, ensure_ascii=False, separators=(",", ":"))
    body = yaml.safe_dump(canonical(draft.data), allow_unicode=True, sort_keys=False, default_flow_style=False,
                          width=1000)
    return f"{note}\n{PROGRESS}{progress}\n{body}"


def write_atomic(path: Path, text: str, lang: str = "zh") -> None:
    """Replace `path` with `text` in one step, readable by its owner only (engine/io.py)."""
    io.write_atomic(path, text, lang=lang)


def save(path: Path, draft: Draft, lang: str = "zh") -> None:
    write_atomic(path, render(draft, lang), lang)


def _plain(value: Any) -> Any:
    """YAML's own dates back to the ISO text the questionnaire stores."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_yaml(path: Path, lang: str = "zh") -> Any:
    """A draft or an answers file, with file and syntax problems as InputError (exit 2): the loader of
    engine/io.py, so the depth limit, duplicate keys and dates as text hold as in a case file."""
    return io.read_file(path, lang)


def load(path: Path, qn: Questionnaire, lang: str = "zh") -> Draft:
    """Read a draft (or any case file) to resume it."""
    text = io.decode(io.read_bytes(path, lang), str(path), lang)
    return load_text(text, str(path), qn, lang, as_json=path.suffix.lower() == ".json")


def load_text(text: str, where: str, qn: Questionnaire, lang: str = "zh", as_json: bool = False) -> Draft:
    """A draft from its text (a file, or one uploaded to the web app), named `where` in messages."""
    data = io.parse_json(text, where, lang) if as_json else io.parse_yaml(text, where, lang)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError([pick(lang, "案件文件的顶层应为一个映射（字段: 值）",
                               "the case file must be a mapping (field: value) at the top level")], source=where)
    data = _plain(data)
    data.setdefault("version", 1)
    for p in _MONTHS:
        v = get(data, p)
        if isinstance(v, str) and len(v) == 10:
            put(data, p, v[:7])
    for c in data.get("comparators") or []:
        if isinstance(c, dict) and isinstance(c.get("production_batch"), str) and len(c["production_batch"]) == 10:
            c["production_batch"] = c["production_batch"][:7]
    answered = _progress(text)
    draft = Draft(data, answered if answered is not None else [])
    if answered is None:
        _infer(qn, draft)
    return draft


def recheck(qn: Questionnaire, draft: Draft, as_of: dt.date, lang: str, source: str = "") -> list[str]:
    """Hold a resumed file to the rules typed answers meet; the fields that will be asked again.

    A field no question fills is an error (as in the case model: a typo must not drop a fact). A value
    that would have been refused at the prompt (edited by hand, or valid on another day) is removed and
    its question re-opened, so the questionnaire never runs on a value it could not have accepted.
    """
    from questionnaire import answers
    from questionnaire.scripted import flatten, question_for, unknown_field

    flat, _ = flatten(draft.data, qn)
    flat.pop("version", None)
    unknown = [k for k in flat if question_for(qn, k)[0] is None]
    if unknown:
        raise InputError([unknown_field(qn, k, lang) for k in unknown], source=source)
    redo: list[str] = []
    for key, raw in flat.items():
        q, loop, index = question_for(qn, key)
        try:
            value = answers.parse(q, raw, answers.Context(draft.data, as_of, lang, loop, index))
        except answers.AnswerError:
            put(draft.data, key, None)
            draft.unmark(key)
            redo.append(key)
            continue
        put(draft.data, key, value)
    return redo


def _progress(text: str) -> list[str] | None:
    """The answered keys from the progress line among the leading comments; None if there is none."""
    for line in text.splitlines():
        if line.startswith(PROGRESS):
            try:
                got = io.loads_json(line[len(PROGRESS):])
            except ValueError:
                return None
            answered = got.get("answered") if isinstance(got, dict) else None
            if isinstance(answered, list) and all(isinstance(x, str) for x in answered):
                return answered
            return None
        if not line.startswith("#"):
            return None
    return None


def _infer(qn: Questionnaire, draft: Draft) -> None:
    """No progress line: every present field counts as answered, every existing item as a 'yes'."""
    from questionnaire.flow import control_key, eligible, steps

    for name in qn.loops:
        for i in range(len(draft.items(name))):
            draft.mark(control_key(name, i))
    for step in steps(qn, draft):
        if not step.control and get(draft.data, step.key) is not None and eligible(step, draft):
            draft.mark(step.key)
