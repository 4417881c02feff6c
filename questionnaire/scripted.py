"""Prepared answers instead of prompts (`weiquan ask --answers FILE.yaml`), for advisers with many cases.

The answers file is shaped like a case file (CONTRACT.md §1) but read the way a person answers:
dates as 2024/5/20, choices by code or by their Chinese or English label, prices as 6折, "不知道" for
unknown. Each answer passes through the same `answers.parse` as a typed one, in the questionnaire's
order, so cross-checks (a fault noticed before delivery, a date in the future) hold as at the keyboard.
A key that names no question is an error, as in the case file: a typo must not drop a fact. An answer
to a question whose premise does not hold (harm without a safety symptom) is still kept as given.

`simulate` plays a consumer who answers only what the interactive questionnaire asks, from a known
case; it measures how many questions a case needs and checks that skipping never changed a verdict.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.errors import InputError
from kb.bilingual import pick
from questionnaire import answers
from questionnaire.draft import Draft, put
from questionnaire.flow import Relevance, Step, answer, eligible, fill_auto, next_step, prune, steps
from questionnaire.spec import Question, Questionnaire

LETTER_KEY = "letters"


def flatten(data: Any, qn: Questionnaire) -> tuple[dict[str, Any], dict[str, int]]:
    """Nested answers → {field path: raw answer}, and how many items each loop was given."""
    flat: dict[str, Any] = {}
    counts: dict[str, int] = {}

    def walk(node: Any, prefix: str) -> None:
        for k, v in node.items():
            path = f"{prefix}.{k}" if prefix else str(k)
            if prefix == "" and k in qn.loops:
                items = v or []
                if not isinstance(items, list):
                    flat[path] = v  # reported as not a list by the caller
                    continue
                counts[str(k)] = len(items)
                for i, item in enumerate(items):
                    if isinstance(item, dict):
                        walk(item, f"{k}[{i}]")
                    else:
                        flat[f"{k}[{i}]"] = item
            elif isinstance(v, dict) and prefix == "" and "." not in str(k):
                walk(v, path)
            else:
                flat[path] = v

    walk(data, "")
    return flat, counts


def question_for(qn: Questionnaire, key: str) -> tuple[Any, str | None, int | None]:
    """The question a field path answers ('interactions[2].kind' → the interactions[].kind question)."""
    m = re.fullmatch(r"(\w+)\[(\d+)\]\.(\w+)", key)
    if m:
        q = qn.by_id.get(f"{m.group(1)}[].{m.group(3)}")
        return q, m.group(1), int(m.group(2))
    return qn.by_id.get(key), None, None


def _top_level(qn: Questionnaire) -> list[str]:
    """The keys an answers file may have at its top: the case file's sections, and `letters`."""
    names: list[str] = ["version"]
    for qid in qn.by_id:
        top = qid.split(".", 1)[0].removesuffix("[]")
        if top not in names:
            names.append(top)
    return names + [LETTER_KEY]


def unknown_field(qn: Questionnaire, key: str, lang: str) -> str:
    """Why `key` names no question, with the closest known fields (a typo is the usual cause), the
    fields allowed beside it, and where the whole list is: `weiquan schema` (every case-file field
    is a question). Separated from the path by ": ", as engine/errors.py writes field messages."""
    m = re.fullmatch(r"(\w+)\[(\d+)\]\.(.+)", key)
    generic = f"{m.group(1)}[].{m.group(3)}" if m else key  # interactions[2].knd → interactions[].knd
    section, here = _allowed_beside(qn, generic)
    close = _closest(qn, generic)
    if m:  # name them for the same item: interactions[2].kind
        close = [re.sub(r"^(\w+)\[\]", rf"\g<1>[{m.group(2)}]", c) for c in close]
    return _unknown_message(key, close, section, here, lang)


def _allowed_beside(qn: Questionnaire, generic: str) -> tuple[str, list[str]]:
    """The section a mistyped field is under and the fields it allows; ("", the top-level keys) for a
    key at the top or under a section that does not exist ('fualt.cause')."""
    section = generic.rsplit(".", 1)[0] if "." in generic else ""
    here = [qid[len(section) + 1:] for qid in qn.by_id if section and qid.startswith(section + ".")]
    if not here:
        return "", _top_level(qn)
    return section, here


def _closest(qn: Questionnaire, generic: str) -> list[str]:
    """The known fields most like `generic`: the closest, and any as close (within 0.05), so that 'knd'
    is kind, not also note and date."""
    known = list(dict.fromkeys([*qn.by_id, *_top_level(qn)]))
    scored = sorted(((difflib.SequenceMatcher(None, generic.casefold(), k.casefold()).ratio(), k) for k in known),
                    key=lambda x: -x[0])
    best = scored[0][0] if scored else 0.0
    return [k for r, k in scored[:3] if r >= 0.6 and r >= best - 0.05]


def _unknown_message(key: str, close: list[str], section: str, here: list[str], lang: str) -> str:
    sep = pick(lang, "、", ", ")
    guess = (pick(lang, f"。是否想填：{sep.join(close)}？", f" Did you mean: {sep.join(close)}?") if close
             else pick(lang, "。", ""))
    if section:
        under = section.removesuffix("[]")
        allowed = pick(lang, f"{under} 下可填写的字段：{sep.join(here)}", f" Fields allowed under {under}: {sep.join(here)}.")
    else:
        allowed = pick(lang, f"顶层可填写的键：{sep.join(here)}", f" Keys allowed at the top level: {sep.join(here)}.")
    return (pick(lang, f"{key}: 没有这个问题（是否拼写错误？）", f"{key}: no such question (a typo?)") + guess + allowed
            + pick(lang, "；全部字段见 weiquan schema", " All fields: weiquan schema"))


_HINT = re.compile(r"([？?])\s*[（(][^（）()]*(空格键|回车|space to select|enter to confirm)[^（）()]*[）)]$")


def plain_text(q: Question, lang: str) -> str:
    """The question's words without the keyboard hint: there is no keyboard in an answers file."""
    return _HINT.sub(r"\1", q.text(lang))


def question_line(step: Step, lang: str) -> str:
    """An open question as a person reads it, with the answers-file field it fills: 是为个人或家庭
    生活使用而购买的吗？（purchase.for_personal_use）."""
    if step.control:
        assert step.loop is not None
        text, path = (step.loop.start if not step.index else step.loop.more)(lang), step.loop.name
    else:
        assert step.question is not None
        text, path = plain_text(step.question, lang), step.key
    return pick(lang, f"{text}（{path}）", f"{text} ({path})")


@dataclass
class ScriptResult:
    draft: Draft
    errors: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # answers kept although their question was not asked


def run_answers(qn: Questionnaire, data: dict[str, Any], as_of: dt.date, lang: str) -> ScriptResult:
    """Fill a draft from prepared answers, checking each as if typed."""
    flat, counts = flatten(data, qn)
    flat.pop("version", None)
    draft = Draft()
    if "version" in data:  # held to the case file's own rule when the case is validated
        draft.data["version"] = data["version"]
    result = ScriptResult(draft)
    used: set[str] = set()
    while True:
        prune(qn, draft)
        progressed = False
        for step in steps(qn, draft):
            if draft.is_answered(step.key) or not eligible(step, draft):
                continue
            if fill_auto(step, draft) and step.key not in flat:
                progressed = True
                break
            if step.control:
                answer(draft, step, counts.get(step.loop.name, 0) > step.index)
                progressed = True
                break
            q = step.question
            if step.key not in flat:
                if q.required:
                    result.errors.append(pick(lang, f"{step.key}: 缺少必答问题（{plain_text(q, 'zh')}）",
                                              f"{step.key}: a required answer is missing ({plain_text(q, 'en')})"))
                    draft.mark(step.key)
                    progressed = True
                    break
                continue
            used.add(step.key)
            ctx = answers.Context(draft.data, as_of, lang, step.loop.name if step.loop else None, step.index)
            try:
                value = answers.parse(q, flat[step.key], ctx)
            except answers.AnswerError as e:
                result.errors.append(f"{step.key}: {e}")
                value = None
            answer(draft, step, value)
            progressed = True
            break
        if not progressed:
            break
    for key, raw in flat.items():
        if key in used:
            continue
        q, loop, index = question_for(qn, key)
        if q is None:
            result.errors.append(unknown_field(qn, key, lang))
            continue
        ctx = answers.Context(draft.data, as_of, lang, loop, index)
        try:
            value = answers.parse(q, raw, ctx)
        except answers.AnswerError as e:
            result.errors.append(f"{key}: {e}")
            continue
        if value is not None:
            put(draft.data, key, value)
            result.kept.append(key)
    return result


@dataclass(frozen=True)
class LetterEntry:
    kind: str
    to: str
    fmt: str
    path: Path


def letter_entries(raw: Any, *, case_path: Path, answers_path: Path, as_of: dt.date, lang: str,
                   force: bool = False) -> list[LetterEntry]:
    """The `letters:` entries of an answers file, each {kind, to, format, file}, checked before anything
    is written. A letter never replaces the case or the answers file (not even with --force), nor any
    other existing file without --force; a missing or blank `file` is the default name of
    `weiquan letter` (weiquan-<kind>-<as-of>.<format>); two entries may not name one file."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InputError([pick(lang, f"letters: 应为列表，每项为 {{kind, to, format, file}}，而不是 {raw!r}",
                               f"letters: expected a list of {{kind, to, format, file}}, not {raw!r}")])
    out: list[LetterEntry] = []
    for i, spec in enumerate(raw):
        where = f"letters[{i}]"
        entry, named = _letter_entry(where, spec, as_of, lang)
        _check_letter_file(where, entry.path, named, (case_path, answers_path), out, lang, force)
        out.append(entry)
    return out


_LETTER_FIELDS = {"kind", "to", "format", "file"}


def _letter_entry(where: str, spec: Any, as_of: dt.date, lang: str) -> tuple[LetterEntry, bool]:
    """One entry read and its kind, addressee and format checked; whether it named its file."""
    from questionnaire.ending import FORMATS

    if not isinstance(spec, dict) or set(spec) - _LETTER_FIELDS:
        raise InputError([pick(lang, f"{where}: 每一项应为 {{kind, to, format, file}}，而不是 {spec!r}",
                               f"{where}: each entry is {{kind, to, format, file}}, not {spec!r}")])
    file = spec.get("file")
    if file is not None and not isinstance(file, str):
        raise InputError([pick(lang, f"{where}.file: 值 {file!r} 无效，应为文件名（文本）",
                               f"{where}.file: {file!r} is invalid: expected a file name (text)")])
    kind, to = spec.get("kind", "demand"), spec.get("to", "seller")
    name = (file or "").strip()
    fmt = spec.get("format") or Path(name).suffix.lstrip(".") or "md"
    if kind not in ("demand", "complaint") or to not in ("seller", "manufacturer") or fmt not in FORMATS:
        raise InputError([pick(lang, f"{where}: kind 应为 demand|complaint，to 应为 seller|manufacturer，format 应为 {'|'.join(FORMATS)}",
                               f"{where}: kind is demand|complaint, to is seller|manufacturer, format is {'|'.join(FORMATS)}")])
    path = Path(name) if name else Path(f"weiquan-{kind}-{as_of.isoformat()}.{fmt}")
    return LetterEntry(kind, to, fmt, path), bool(name)


def _check_letter_file(where: str, path: Path, named: bool, own: tuple[Path, Path], earlier: list[LetterEntry],
                       lang: str, force: bool) -> None:
    """A letter's file is neither the case nor the answers file (`own`), nor an earlier entry's, and is
    free to write (letters.check_target: an existing file only with --force)."""
    import letters
    from engine.io import same_file

    case_path, answers_path = own
    for other, what_zh, what_en in ((case_path, "保存的案件文件", "the case file being saved"),
                                    (answers_path, "答案文件", "the answers file")):
        if same_file(path, other):
            raise InputError([pick(lang, f"{where}.file: {path} 就是{what_zh}，文书不能写在它上面；请换一个文件名",
                                   f"{where}.file: {path} is {what_en}; a letter cannot be written over it; choose another name")])
    if any(same_file(path, e.path) for e in earlier):
        raise InputError([pick(lang, f"{where}.file: {path} 已被前面的一项使用；每份文书请用不同的文件名",
                               f"{where}.file: {path} is already used by an earlier entry; give each letter its own name")])
    try:
        letters.check_target(path, force=force, lang=lang, default=not named)
    except InputError as e:
        raise InputError([f"{where}.file: {m.removeprefix('-o: ')}" for m in e.messages]) from None


@dataclass
class Simulation:
    draft: Draft
    asked: list[str] = field(default_factory=list)  # verdict questions, in order
    letter: list[str] = field(default_factory=list)  # the letter's extra questions


def simulate(qn: Questionnaire, case: dict[str, Any], as_of: dt.date, lang: str, relevant: Relevance,
             with_letter: bool = True) -> Simulation:
    """Answer exactly what the interactive questionnaire asks, taking the answers from `case`."""
    flat, counts = flatten(case, qn)
    draft = Draft()
    sim = Simulation(draft)
    for phase, log in (("verdict", sim.asked), ("letter", sim.letter)):
        if phase == "letter" and not with_letter:
            break
        while (step := next_step(qn, draft, relevant, phase)) is not None:
            log.append(step.key)
            _give(step, draft, flat, counts, as_of, lang)
    return sim


def _give(step: Step, draft: Draft, flat: dict[str, Any], counts: dict[str, int], as_of: dt.date, lang: str) -> None:
    if step.control:
        answer(draft, step, counts.get(step.loop.name, 0) > step.index)
        return
    ctx = answers.Context(draft.data, as_of, lang, step.loop.name if step.loop else None, step.index)
    answer(draft, step, answers.parse(step.question, flat.get(step.key), ctx))
