"""The web interview as screens: which one a state shows, and what a submitted form does to the state.

Nothing here decides a question, its wording, its relevance or how an answer is read: the next question
is `flow.next_step` with the terminal's `Relevance` (what-if runs of the real rule base), answers go
through `answers.parse`, a change at the review through `flow.reopen`, the review's lines are
`session.review_entries`. This module only maps a state to a screen — a question, the review, the
verdict, the documents — and a form's fields to the value `answers.parse` takes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from engine.case import Case, parse_case
from engine.errors import InputError
from kb.bilingual import T
from questionnaire import answers, prompts
from questionnaire.conditions import holds
from questionnaire.flow import Step, answer, control_key, eligible, next_step, remove_item, reopen, steps
from questionnaire.relevance import Relevance
from questionnaire.scripted import plain_text
from questionnaire.session import review_entries
from questionnaire.spec import Questionnaire, questionnaire
from questionnaire.texts import t as qt
from web.store import State
from web.texts import t

UNKNOWN = prompts.UNKNOWN  # the "don't know" choice of a select or yes/no
MAX_FIELD = 2000  # characters in one answer, as answers.parse allows for free text


@dataclass
class Option:
    value: str
    label: str
    checked: bool = False


@dataclass
class Screen:
    """What one page shows. `kind`: question | review | verdict."""

    kind: str
    step: Step | None = None
    title: str = ""
    help: str = ""
    input: str = ""  # text | radio | checkbox
    options: list[Option] = field(default_factory=list)
    value: str = ""
    placeholder: str = ""
    optional: bool = False
    error: str = ""
    phase: str = "verdict"
    remaining: int = 0
    answered: int = 0
    entries: list[tuple[str, tuple]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Remembered:
    """A Relevance judge that remembers its answers by question and draft.

    A screen asks about the same questions on the same draft several times (the next question, the
    count of those left, the page after the redirect); the judgement depends on the draft's data alone,
    so it is computed once."""

    def __init__(self, judge: Relevance) -> None:
        self.judge = judge
        self._memo: dict[tuple[str, str], bool] = {}

    def __call__(self, step: Step, draft: Any) -> bool:
        key = (step.key, json.dumps(draft.data, sort_keys=True, ensure_ascii=False, default=str))
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) > 50000:
                self._memo.clear()
            got = self._memo[key] = self.judge(step, draft)
        return got


class Interview:
    """The questionnaire and one relevance judge per (as-of date, language), shared by every session.

    Relevance caches assessments by the exact draft, so sessions answering alike share the work."""

    def __init__(self, qn: Questionnaire | None = None) -> None:
        self.qn = qn or questionnaire()
        self._judges: dict[tuple[dt.date, str], Remembered] = {}
        self._sizes: dict[str, int] = {}

    def judge(self, as_of: dt.date, lang: str) -> Remembered:
        key = (as_of, lang)
        if key not in self._judges:
            if len(self._judges) > 8:  # a server running for days: yesterday's judge is not needed
                self._judges.clear()
            self._judges[key] = Remembered(Relevance(self.qn, as_of, lang))
        return self._judges[key]

    # ── which screen ─────────────────────────────────────────────────────────────────────────────
    def current(self, state: State, as_of: dt.date, lang: str) -> tuple[str, Step | None]:
        """('question', step) for the next open question, else ('review', None) or ('verdict', None).

        next_step may fill answers that follow from earlier ones (a free remedy costs 0) in `state`."""
        relevant = self.judge(as_of, lang)
        step = next_step(self.qn, state.draft, relevant, "verdict")
        if step is not None:
            return "question", step
        if not state.confirmed:
            return "review", None
        if state.letters:
            step = next_step(self.qn, state.draft, relevant, "letter")
            if step is not None:
                return "question", step
        return "verdict", None

    def question(self, state: State, step: Step, as_of: dt.date, lang: str, typed: str | None = None,
                 error: str = "", phase: str = "verdict") -> Screen:
        """The screen for one question; `typed` is what to put back in the field (after an error or Back)."""
        draft = state.draft
        s = Screen("question", step=step, error=error, phase=phase, answered=len(draft.answered))
        s.title = prompts.message(step, draft, lang) if step.control else (
            prompts.item_title(step, draft, lang) + plain_text(step.question, lang))
        s.help = step.loop.help(lang) if step.control else step.question.help(lang)
        if step.control:
            s.input = "radio"
            s.options = [Option("yes", qt("yes", lang)), Option("no", qt("no", lang))]
            if typed in ("yes", "no"):
                s.options[0 if typed == "yes" else 1].checked = True
            s.remaining = self.remaining(state, as_of, lang, phase)
            return s
        q = step.question
        current = prompts.default_answer(step, draft)  # the stored answer, else the question's default
        if q.type in ("choice", "yesno"):
            s.input = "radio"
            if q.type == "yesno":
                pairs = [("yes", qt("yes", lang)), ("no", qt("no", lang)), (UNKNOWN, qt("unknown", lang))]
                now = None if current is None else ("yes" if current else "no")
            else:
                # the terminal's list: the question's own labels, only the choices its choice_when allows
                pairs = [(v, text) for text, v in prompts.choice_options(step, draft, lang)]
                now = current
            pick = typed if typed is not None else now
            s.options = [Option(v, text, v == pick) for v, text in pairs]
        elif q.type == "multi":
            s.input = "checkbox"
            chosen = set(typed.split("\n")) if typed is not None else set(current or [])
            s.options = [Option(v, prompts.choice_text(q, v, lang), v in chosen) for v in q.options()]  # as ask shows them
            s.optional = not q.required
        else:
            s.input = "text"
            s.value = typed if typed is not None else answers.as_text(q, current)
            s.optional = not q.required
            s.placeholder = _PLACEHOLDER.get(q.type, T("", ""))(lang)
        s.remaining = self.remaining(state, as_of, lang, phase)
        return s

    def remaining(self, state: State, as_of: dt.date, lang: str, phase: str = "verdict") -> int:
        """About how many questions are left: the open ones that make sense and could matter now.

        An estimate ("约"): a later answer can make a question matter or moot, and a new loop item
        brings its own questions. Relevance is judged on the draft as it is, by the same judge."""
        relevant = self.judge(as_of, lang)
        draft = state.draft
        n = 0
        for step in steps(self.qn, draft):
            if draft.is_answered(step.key) or not eligible(step, draft):
                continue
            q = step.question
            if phase == "letter":
                n += step.mode == "letter" or (q is not None and q.letter)
                continue
            if step.mode == "letter" or (q is not None and q.auto):
                continue
            if step.mode == "relevant" and not relevant(step, draft):
                continue
            n += 1
            if step.control and phase == "verdict":
                n += self.item_size(step.loop.name)  # a yes brings an item's own questions
        return n

    def item_size(self, loop: str) -> int:
        """How many questions an average item of `loop` asks: over each answer to the item's first choice
        (an interaction's kind), the item questions that then make sense, rounded."""
        if loop in self._sizes:
            return self._sizes[loop]
        node = self.qn.loops[loop]
        items = [q for q in node.questions if q.in_item and q.ask != "letter" and not q.auto]
        first = next((q for q in items if q.type == "choice"), None)
        counts = []
        for value in (first.options() if first else (None,)):
            data: dict[str, Any] = {loop: [{first.id.rsplit(".", 1)[1]: value} if first else {}]}
            counts.append(sum(1 for q in items if holds(q.when, data, loop, 0)))
        self._sizes[loop] = round(sum(counts) / len(counts)) if counts else 0
        return self._sizes[loop]

    # ── what a form does ───────────────────────────────────────────────────────────────────────────
    def raw_answer(self, step: Step, form: dict[str, Any]) -> tuple[Any, str]:
        """The form's fields as the raw answer answers.parse takes, and as the text saved in the row."""
        if step.control:
            v = str(form.get("value") or "")
            return v == "yes", v
        q = step.question
        if q.type == "multi":
            values = [str(x)[:MAX_FIELD] for x in form.get("values") or []]
            return values, "\n".join(values)
        v = str(form.get("value") or "")[:MAX_FIELD + 1]
        if q.type == "yesno":
            return ({"yes": True, "no": False}.get(v), v)
        if q.type == "choice":
            return (None if v in (UNKNOWN, "") else v), v
        return v, v

    def submit(self, state: State, step: Step, form: dict[str, Any], as_of: dt.date, lang: str) -> tuple[str, str]:
        """Apply one answer to `state` (in place); ('', typed) or (error message, typed)."""
        raw, typed = self.raw_answer(step, form)
        if step.control:
            if typed not in ("yes", "no"):
                return t("choose_yes_no", lang), typed
            answer(state.draft, step, raw)
            return "", typed
        q = step.question
        if q.type in ("choice", "yesno") and typed == "":
            return t("choose_one", lang), typed
        if isinstance(raw, str) and len(raw) > MAX_FIELD:
            return t("field_too_long", lang, most=MAX_FIELD), typed
        ctx = answers.Context(state.draft.data, as_of, lang, step.loop.name if step.loop else None, step.index)
        try:
            value = answers.parse(q, raw, ctx)
        except answers.AnswerError as e:
            return str(e), typed
        changed = state.draft.is_answered(step.key)
        answer(state.draft, step, value)
        if changed:  # a change at the review: re-ask what depends on it, drop what no longer applies
            reopen(self.qn, state.draft, step.key, as_of, lang)
        return "", typed

    def find(self, state: State, key: str) -> Step | None:
        return next((s for s in steps(self.qn, state.draft) if s.key == key), None)

    def review(self, state: State, lang: str, problems: list[str] | None = None) -> Screen:
        return Screen("review", entries=review_entries(self.qn, state.draft, lang), problems=problems or [],
                      answered=len(state.draft.answered))

    def remove(self, state: State, loop: str, index: int) -> bool:
        if loop not in self.qn.loops or not 0 <= index < len(state.draft.items(loop)):
            return False
        remove_item(state.draft, loop, index)
        return True

    def add(self, state: State, loop: str) -> bool:
        """As if "is there another?" had been answered yes (the terminal review's "add one more")."""
        if loop not in self.qn.loops:
            return False
        step = self.find(state, control_key(loop, len(state.draft.items(loop))))
        if step is None:
            return False
        answer(state.draft, step, True)
        return True

    def case(self, state: State, as_of: dt.date, lang: str) -> Case:
        """The finished case; InputError with the case model's messages if the answers do not make one."""
        return parse_case(state.draft.data, as_of=as_of, lang=lang, source="web")

    def check(self, state: State, as_of: dt.date, lang: str) -> list[str]:
        try:
            self.case(state, as_of, lang)
        except InputError as e:
            return list(e.messages)
        return []


_PLACEHOLDER = {
    "date": T("例如 2024-05-20 或 2024/5/20", "e.g. 2024-05-20"),
    "month": T("例如 2024-04", "e.g. 2024-04"),
    "integer": T("例如 12", "e.g. 12"),
    "number": T("例如 239", "e.g. 239"),
    "ratio": T("例如 6折、60% 或 0.6；免费填 0", "e.g. 60% or 0.6; free is 0"),
}
