"""Which question comes next: the questionnaire as a state machine over the draft.

There is no stored position. The next question is always recomputed as the first step, in the
questionnaire's order, that is unanswered, makes sense (`when`) and is needed (`relevance`). That is
what makes resuming trivial (a resumed draft simply continues at its first open question), what lets a
question that was not needed earlier come back when a later answer makes it matter (your own batch, once
you name a same-batch comparator), and what makes a changed answer at the review cheap: re-open the
questions that depend on it and carry on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from questionnaire import answers
from questionnaire.conditions import extract, fields, holds
from questionnaire.draft import Draft, concrete, get, put
from questionnaire.spec import Loop, Question, Questionnaire


@dataclass(frozen=True)
class Step:
    """One question for one loop item, or a loop's "is there (another) one?" (`question` None)."""

    key: str  # the field path, or `interactions+2` for the control that would open item 2
    question: Question | None
    loop: Loop | None = None
    index: int | None = None

    @property
    def control(self) -> bool:
        return self.question is None

    @property
    def mode(self) -> str:
        return self.question.ask if self.question else (self.loop.ask if self.loop else "always")


def control_key(loop: str, index: int) -> str:
    return f"{loop}+{index}"


def steps(qn: Questionnaire, draft: Draft) -> list[Step]:
    """Every step the draft's current shape offers, in asking order."""
    out: list[Step] = []
    seen: set[str] = set()
    for node in qn.nodes:
        if isinstance(node, Question):
            out.append(Step(node.id, node))
            continue
        items = draft.items(node.name)
        for i in range(len(items) + 1):
            out.append(Step(control_key(node.name, i), None, node, i))
            if i == len(items):
                break
            for q in node.questions:
                key = concrete(q.id, i)
                if key not in seen:  # an absolute field inside a loop is asked once, with the first item
                    seen.add(key)
                    out.append(Step(key, q, node, i))
    return out


def eligible(step: Step, draft: Draft) -> bool:
    if step.control:
        return holds(step.loop.when, draft.data)
    q = step.question
    return holds(q.when, draft.data, step.loop.name if step.loop else None, step.index)


def value(step: Step, draft: Draft) -> object:
    return get(draft.data, step.key) if not step.control else None


def prune(qn: Questionnaire, draft: Draft) -> bool:
    """Forget answers to questions that no longer make sense (an offer's price after it became a refusal)."""
    changed_any = False
    changed = True
    while changed:
        changed = False
        for step in steps(qn, draft):
            if step.control or eligible(step, draft):
                continue
            if draft.is_answered(step.key):  # unasked values (a prepared answer kept as given) stay
                draft.unmark(step.key)
                put(draft.data, step.key, None)
                changed = changed_any = True
    return changed_any


def fill_auto(step: Step, draft: Draft) -> bool:
    """Fill an answer that follows from earlier ones (a free remedy costs 0); True if it did."""
    q = step.question
    loop = step.loop.name if step.loop else None
    if q is None or not q.auto or not holds(q.auto["when"], draft.data, loop, step.index):
        return False
    value = extract(q.auto["extract"], draft.data, loop, step.index) if "extract" in q.auto else q.auto["value"]
    if value is None:
        return False
    put(draft.data, step.key, value)
    draft.mark(step.key)
    return True


Relevance = Callable[[Step, Draft], bool]


def next_step(qn: Questionnaire, draft: Draft, relevant: Relevance, phase: str = "verdict") -> Step | None:
    """The first open step of `phase` ("verdict": what the assessment needs; "letter": what a letter adds)."""
    prune(qn, draft)
    for step in steps(qn, draft):
        if draft.is_answered(step.key) or not eligible(step, draft):
            continue
        if fill_auto(step, draft):
            continue
        q = step.question
        if phase == "letter":
            if step.mode == "letter" or (q is not None and q.letter):
                return step
            continue
        if step.mode == "letter":
            continue
        if step.control and step.index and step.loop.more_ask == "always":
            return step  # "another one?" once there is one (several comparators make a stronger case)
        if step.mode == "relevant" and not relevant(step, draft):
            if value(step, draft) is not None:
                draft.mark(step.key)  # answered before a change made it moot: keep the fact
            continue
        return step
    return None


def answer(draft: Draft, step: Step, value: object) -> None:
    """Record an answer (already parsed); a control's True opens a new loop item."""
    if step.control:
        if value:
            draft.data.setdefault(step.loop.name, []).append({})
        draft.mark(step.key)
        return
    put(draft.data, step.key, value)
    draft.mark(step.key)


def dependents(qn: Questionnaire, draft: Draft, key: str) -> list[Step]:
    """The steps whose `when` reads this field, directly or through another dependent."""
    found: list[Step] = []
    frontier = {key}
    all_steps = steps(qn, draft)
    while frontier:
        nxt: set[str] = set()
        for step in all_steps:
            if step.control or step in found:
                continue
            q = step.question
            reads = fields(q.when, step.loop.name if step.loop else None, step.index)
            if q.auto:
                reads |= fields(q.auto["when"], step.loop.name if step.loop else None, step.index)
            if reads & frontier:
                found.append(step)
                nxt.add(step.key)
        frontier = nxt
    return found


def reopen(qn: Questionnaire, draft: Draft, key: str, as_of: dt.date, lang: str) -> None:
    """After `key` changed: re-ask the questions that depend on it, and any whose answer it made invalid.

    Answers whose question no longer makes sense are dropped first, while still marked as answered.
    """
    prune(qn, draft)
    for step in dependents(qn, draft, key):
        draft.unmark(step.key)
    for step in steps(qn, draft):
        q = step.question
        if q is None or not (q.min or q.max) or not draft.is_answered(step.key):
            continue
        current = get(draft.data, step.key)
        if current is None:
            continue
        ctx = answers.Context(draft.data, as_of, lang, step.loop.name if step.loop else None, step.index)
        try:
            answers.parse(q, current, ctx)
        except answers.AnswerError:
            draft.unmark(step.key)


def remove_item(draft: Draft, loop: str, index: int) -> None:
    """Delete one interaction or comparator, renumbering the answers of those after it."""
    items = draft.items(loop)
    n = len(items)
    del items[index]
    renamed: list[str] = []
    prefix = f"{loop}["
    for key in draft.answered:
        if key == control_key(loop, n):
            continue
        if key.startswith(prefix):
            i = int(key[len(prefix):key.index("]")])
            if i == index:
                continue
            if i > index:
                key = f"{loop}[{i - 1}]" + key[key.index("]") + 1:]
        renamed.append(key)
    draft.answered = renamed
    if not items:
        draft.data.pop(loop, None)
