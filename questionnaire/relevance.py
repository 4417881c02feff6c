"""Whether a question is worth asking: could any answer to it change the verdict?

Asked the way docassemble asks for what its goal lacks, but with the real rule base as the judge
instead of a hand-kept tree: for an open question, take the draft, complete every other unknown field
with its neutral assumption from kb/questions.yaml (`assume`: personal use, a 12-month warranty, normal
use…), try each plausible answer (`probes`, or every choice), and run `engine.assess` on each. If all
give the same findings, strengths, inapplicable articles and deadlines, the answer cannot matter and
the question is skipped. A rule added to kb/rules/ changes what is asked without touching this file.

A loop's "is there another one?" is judged the same way, with a hypothetical item made of the item
questions' assumptions (a same-model, same-batch consumer who got a free replacement).

Each assessment takes about a millisecond and results are cached by the exact draft, so choosing the
next question stays well under the time a person notices.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from engine.assess import Assessor
from engine.case import parse_case
from engine.errors import InputError
from questionnaire.conditions import extract, holds, resolve
from questionnaire.draft import Draft, get, put
from questionnaire.flow import Step, eligible, steps
from questionnaire.spec import Question, Questionnaire

_REQUIRED = ("product.model", "product.category", "purchase.date", "fault.first_noticed")
_SENTINEL_MONTH = "1900-01"


def _coerce(q: Question, value: Any) -> Any:
    if value is None:
        return None
    if q.type == "month":
        return str(value)[:7]
    if q.type == "multi":
        return list(value)
    return value


def assumption(q: Question, data: dict[str, Any], loop: str | None, index: int | None) -> Any:
    """The neutral value the question's `assume` gives on this draft (`=PATH` copies another field)."""
    a = q.assume
    if isinstance(a, str) and a.startswith("="):
        return _coerce(q, copy.deepcopy(get(data, resolve(a[1:], loop, index))))
    return copy.deepcopy(a)


def signature(verdict: Any) -> tuple:
    """What counts as "the outcome": findings with strengths, what each demand rests on (v2: a refund
    the law gives or not), inapplicable articles and why, deadlines."""
    return (
        tuple((f.id, str(f.strength)) for f in verdict.findings),
        tuple((d.demand, str(d.basis), str(d.strength)) for d in verdict.demands),
        tuple((n.id, n.why) for n in verdict.not_applicable),
        tuple((d.id, d.date) for d in verdict.deadlines),
    )


def _unless_required(q: Question) -> list[Any]:
    """"Don't know" is a probe too where the question may stay open."""
    return [] if q.required else [None]


def _assumed(step: Step, data: dict[str, Any]) -> Any:
    q = step.question
    return assumption(q, data, step.loop.name if step.loop else None, step.index) if q.assume is not None else None


def _multi_probes(step: Step, data: dict[str, Any]) -> list[Any]:
    """None chosen, the assumption, and each choice alone."""
    assumed = _assumed(step, data)
    out: list[Any] = [[]] + ([assumed] if assumed else [])
    return out + [[v] for v in step.question.options()]


def _month_probes(step: Step, data: dict[str, Any]) -> list[Any]:
    """The months that can matter for a batch: the purchase's, one's own batch, the comparators', and one
    long before them all."""
    months = {str(get(data, "purchase.date") or "")[:7], _SENTINEL_MONTH}
    months.add(str(get(data, "product.production_batch") or "")[:7])
    for c in data.get("comparators") or []:
        if isinstance(c, dict) and c.get("production_batch"):
            months.add(str(c["production_batch"])[:7])
    return [None] + sorted(m for m in months if m)


def _text_probes(step: Step, data: dict[str, Any]) -> list[Any]:
    """No answer, any answer (a dash), and the assumed one."""
    assumed = _assumed(step, data)
    return [None, "\u2014"] + ([assumed] if assumed else [])


def _numeric_probes(step: Step, data: dict[str, Any]) -> list[Any]:
    """The question's own `probes` (the thresholds the rules test)."""
    return list(step.question.probes) + _unless_required(step.question)


_PROBES: dict[str, Callable[[Step, dict[str, Any]], list[Any]]] = {
    "yesno": lambda step, data: [True, False, None],
    "choice": lambda step, data: list(step.question.options()) + _unless_required(step.question),
    "multi": _multi_probes,
    "integer": _numeric_probes,
    "number": _numeric_probes,
    "ratio": _numeric_probes,
    "month": _month_probes,
    "text": _text_probes,
}


class Relevance:
    """Callable deciding relevance for flow.next_step; one per questionnaire run (it caches)."""

    def __init__(self, qn: Questionnaire, as_of: dt.date, lang: str = "zh") -> None:
        self.qn, self.as_of, self.lang = qn, as_of, lang
        self.assessor = Assessor()
        self.cache: dict[str, tuple | None] = {}

    def outcome(self, data: dict[str, Any]) -> tuple | None:
        """The signature of a complete-enough draft, None if it is not a valid case."""
        key = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        if key in self.cache:
            return self.cache[key]
        try:
            case = parse_case(data, as_of=self.as_of, lang=self.lang)
        except InputError:
            result = None
        else:
            result = signature(self.assessor.assess(case, self.as_of, self.lang))
        if len(self.cache) > 20000:
            self.cache.clear()
        self.cache[key] = result
        return result

    def world(self, data: dict[str, Any], exclude: str) -> dict[str, Any]:
        """The draft with every other unknown field set to its assumption, and unfinished items dropped."""
        draft = Draft(data, [])
        for step in steps(self.qn, draft):
            q = step.question
            if q is None or step.key == exclude or get(data, step.key) is not None:
                continue
            loop = step.loop.name if step.loop else None
            if not holds(q.when, data, loop, step.index):
                continue
            if q.auto and holds(q.auto["when"], data, loop, step.index):
                value = extract(q.auto["extract"], data, loop, step.index) if "extract" in q.auto else q.auto["value"]
                put(data, step.key, value)  # what the questionnaire itself would fill in
            elif q.assume is not None:
                put(data, step.key, assumption(q, data, loop, step.index))
        for name, needed in (("interactions", ("date", "kind")), ("losses", ("kind", "amount"))):
            items = data.get(name)
            if isinstance(items, list):
                data[name] = [x for x in items if isinstance(x, dict) and all(x.get(k) for k in needed)]
        return data

    def probes(self, step: Step, data: dict[str, Any]) -> list[Any]:
        """The answers tried for an open question; none for a date (no sensible "what if": it is asked)."""
        probe = _PROBES.get(step.question.type)
        return probe(step, data) if probe is not None else []

    def __call__(self, step: Step, draft: Draft) -> bool:
        if any(get(draft.data, p) is None for p in _REQUIRED):
            return True  # nothing can be assessed yet: ask rather than guess
        if step.control:
            return self._control(step, draft)
        candidates = self.probes(step, draft.data)
        if not candidates:
            return True
        seen: set[tuple] = set()
        for v in candidates:
            data = copy.deepcopy(draft.data)
            put(data, step.key, v)
            outcome = self.outcome(self.world(data, step.key))
            if outcome is None:
                continue
            seen.add(outcome)
            if len(seen) > 1:
                return True
        return False

    def _control(self, step: Step, draft: Draft) -> bool:
        loop = step.loop
        without = self.outcome(self.world(copy.deepcopy(draft.data), step.key))
        data = copy.deepcopy(draft.data)
        data.setdefault(loop.name, []).append({})
        probe = Draft(data, [])
        for s in steps(self.qn, probe):
            if s.loop is not loop or s.index != step.index or s.control:
                continue
            if not eligible(s, probe) or s.question.assume is None:
                if s.question.required:
                    return True
                continue
            if get(data, s.key) is None:
                put(data, s.key, assumption(s.question, data, loop.name, s.index))
        with_item = self.outcome(self.world(data, step.key))
        return without is None or with_item is None or without != with_item
