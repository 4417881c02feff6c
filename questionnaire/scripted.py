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
import re
from dataclasses import dataclass, field
from typing import Any

from questionnaire import answers
from questionnaire.draft import Draft, put
from questionnaire.flow import Relevance, Step, _auto, answer, eligible, next_step, prune, steps
from questionnaire.spec import Questionnaire

LETTER_KEY = "letters"


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


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
    result = ScriptResult(draft)
    used: set[str] = set()
    while True:
        prune(qn, draft)
        progressed = False
        for step in steps(qn, draft):
            if draft.is_answered(step.key) or not eligible(step, draft):
                continue
            if _auto(step, draft) and step.key not in flat:
                progressed = True
                break
            if step.control:
                answer(draft, step, counts.get(step.loop.name, 0) > step.index)
                progressed = True
                break
            q = step.question
            if step.key not in flat:
                if q.required:
                    result.errors.append(_t(lang, f"{step.key}：缺少必答问题（{q.text('zh')}）",
                                            f"{step.key}: a required answer is missing ({q.text('en')})"))
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
            result.errors.append(_t(lang, f"{key}：没有这个问题（是否拼写错误？）", f"{key}: no such question (a typo?)"))
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
