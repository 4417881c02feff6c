"""The interactive questionnaire from first question to verdict: ask, save, review, assess.

Every answer is saved before the next question is computed, so the file on disk is never more than
the current question behind the person at the keyboard. Ctrl-C or a closed terminal ends the run with
the file as it was after the last answer and a line saying how to resume it.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import signal
import sys
from pathlib import Path
from typing import Any

import questionary

from engine.case import Case, parse_case
from engine.errors import InputError
from kb.bilingual import pick
from questionnaire import answers, prompts
from questionnaire.draft import Draft, get
from questionnaire.flow import (
    Step,
    answer,
    control_key,
    next_step,
    remove_item,
    reopen,
    steps,
)
from questionnaire.relevance import Relevance
from questionnaire.spec import Questionnaire, questionnaire
from questionnaire.store import save
from questionnaire.texts import command, t


class Session:
    """One person's run: the draft, where it is saved, and the relevance judge (with its cache)."""

    def __init__(self, path: Path, draft: Draft, as_of: dt.date, lang: str, qn: Questionnaire | None = None) -> None:
        self.path, self.draft, self.as_of, self.lang = path, draft, as_of, lang
        self.qn = qn or questionnaire()
        self.relevant = Relevance(self.qn, as_of, lang)
        # Back: the state before each answer, newest last, and the answers undone (offered again).
        self.history: list[tuple[str, dict[str, Any], list[str], Any]] = []
        self.undone: dict[str, Any] = {}

    def save(self) -> None:
        save(self.path, self.draft, self.lang)

    def context(self, step: Step) -> answers.Context:
        return answers.Context(self.draft.data, self.as_of, self.lang, step.loop.name if step.loop else None,
                               step.index)

    def put(self, step: Step) -> bool:
        """Ask one step and save its answer at once; False if the person went back instead."""
        value = prompts.ask(step, self.draft, self.context(step), self.undone.pop(step.key, None))
        if value == prompts.BACK:
            self.back()
            return False
        if isinstance(value, prompts.Contradicted):
            self.contradiction(step, value)
            return False
        self.history.append((step.key, copy.deepcopy(self.draft.data), list(self.draft.answered), value))
        answer(self.draft, step, value)
        self.save()
        return True

    def back(self) -> None:
        """Undo the last answer: the draft as it was before it, the question asked again with it offered."""
        if not self.history:
            questionary.print(t("back_first", self.lang), style="fg:#808080")
            return
        key, data, answered, value = self.history.pop()
        self.draft.data, self.draft.answered = data, answered
        if value is not None:
            self.undone[key] = value
        self.save()

    def contradiction(self, step: Step, c: prompts.Contradicted) -> None:
        """An answer contradicting an earlier one: re-enter this one, or change the earlier one right here."""
        lang = self.lang
        other = next((s for s in steps(self.qn, self.draft) if s.key == c.other), None)
        now = get(self.draft.data, c.other)
        options = [(t("contradiction_redo", lang), "redo")]
        if other is not None:
            name = short(other.question.text(lang))
            options.append((t("contradiction_change", lang, what=name, value=now), "change"))
        choice = prompts.select(t("contradiction", lang, why=c.message), options, "redo", lang, back=False)
        self.undone[step.key] = c.value
        if choice == "change" and other is not None:
            self.put(other)
            reopen(self.qn, self.draft, other.key, self.as_of, lang)
            self.save()

    def questions(self, phase: str = "verdict") -> int:
        """Ask every open question of the phase; how many were asked."""
        n = 0
        while (step := next_step(self.qn, self.draft, self.relevant, phase)) is not None:
            self.put(step)
            n += 1
        self.save()  # answers filled in automatically, and forgotten ones, reach the file too
        return n

    # ── review ─────────────────────────────────────────────────────────────────────────────────────
    def review_entries(self) -> list[tuple[str, tuple]]:
        return review_entries(self.qn, self.draft, self.lang)

    def review(self) -> bool:
        """One round of the review; True when the person confirms."""
        lang = self.lang
        entries = self.review_entries()
        choices = [questionary.Choice(t("review_ok", lang), value=("ok",))]
        choices += [questionary.Choice(f"{i}. {title}", value=action) for i, (title, action) in enumerate(entries, 1)]
        choices.append(questionary.Choice(t("back", lang), value=("back",), shortcut_key=False))
        questionary.print(t("review_title", lang), style="bold")
        question = questionary.select(t("review_prompt", lang), choices=choices, style=prompts.STYLE,
                                      use_shortcuts=len(choices) <= prompts.SHORTCUTS,
                                      instruction=t("select_hint" if len(choices) <= prompts.SHORTCUTS
                                                    else "select_hint_arrows", lang))
        action = prompts.back_key(question).unsafe_ask()
        if action == prompts.BACK:
            action = ("back",)
        if action[0] == "ok":
            return True
        if action[0] == "back":
            self.back()
            return False
        if action[0] == "change":
            step = next(s for s in steps(self.qn, self.draft) if s.key == action[1])
            if self.put(step):
                reopen(self.qn, self.draft, step.key, self.as_of, lang)
        elif action[0] == "remove":
            remove_item(self.draft, action[1], action[2])
        elif action[0] == "add":  # as if "is there another?" had been answered yes
            step = next(s for s in steps(self.qn, self.draft) if s.key == control_key(action[1], len(self.draft.items(action[1]))))
            answer(self.draft, step, True)
        self.save()
        return False

    def case(self) -> Case | None:
        try:
            return parse_case(self.draft.data, as_of=self.as_of, lang=self.lang, source=str(self.path))
        except InputError as e:
            questionary.print(t("not_valid", self.lang), style="fg:#ff5f5f bold")
            for m in e.messages:
                questionary.print(f"  - {m}", style="fg:#ff5f5f")
            return None

    def run(self) -> Case:
        """Questions, then the review until confirmed; the finished case."""
        while True:
            self.questions("verdict")
            if self.review():
                case = self.case()
                if case is not None:
                    return case


def review_entries(qn: Questionnaire, draft: Draft, lang: str) -> list[tuple[str, tuple]]:
    """The review's lines with what choosing each does: ("change", key), ("remove", loop, i), ("add", loop).

    A function of the draft alone, so the terminal review and the web's review page list the same lines."""
    out: list[tuple[str, tuple]] = []
    for step in steps(qn, draft):
        if step.control or not draft.is_answered(step.key):
            continue
        q = step.question
        title = prompts.item_title(step, draft, lang) + short(q.text(lang)).rstrip("？?")
        value = get(draft.data, step.key)
        shown = q.label(value, lang) if q.type == "choice" and value is not None else answers.show(q, value, lang)
        out.append((pick(lang, f"{title}：{shown}", f"{title}: {shown}"), ("change", step.key)))
    for name, loop in qn.loops.items():
        items = draft.items(name)
        for i in range(len(items)):
            what = _item_name(loop, i, items[i], lang)
            out.append((t("review_remove", lang, what=what), ("remove", name, i)))
        if items or draft.is_answered(control_key(name, 0)):
            out.append((t("review_add", lang, what=loop.item(lang).format(n=len(items) + 1)), ("add", name)))
    return out


def short(text: str) -> str:
    """A question without its parenthetical hint, for the review list."""
    return re.sub(r"[（(][^（）()]*[）)]\s*$", "", text).strip()


def _item_name(loop: Any, i: int, item: dict[str, Any], lang: str) -> str:
    name = loop.item(lang).format(n=i + 1)
    bits = [str(item[k]) for k in ("date", "model") if item.get(k)]
    if item.get("kind"):
        bits.append(prompts.kind_label(loop, item["kind"], lang))
    if item.get("amount"):
        amount = f"{float(item['amount']):g}"
        bits.append(pick(lang, f"{amount}元", f"CNY {amount}"))
    if not bits:
        return name
    detail = " ".join(bits)
    return pick(lang, f"{name}（{detail}）", f"{name} ({detail})")


def _hangup(_signum: int, _frame: Any) -> None:
    """SIGHUP (the terminal closed) as Ctrl-C, so the draft is saved the same way."""
    raise KeyboardInterrupt


def interactive(path: Path, draft: Draft, as_of: dt.date, lang: str, resumed: bool) -> int:
    """The whole interactive run; the exit code (130 when interrupted, the file saved)."""
    from questionnaire.ending import finish

    session = Session(path, draft, as_of, lang)
    # A session assessed as of another day resumes as of that day: without it, --resume would silently re-date
    # the case to the day it is resumed.
    dated = () if as_of == dt.date.today() else ("--as-of", as_of.isoformat())
    resume = command("ask", "--resume", path, *dated, lang=lang)
    previous = signal.signal(signal.SIGHUP, _hangup) if hasattr(signal, "SIGHUP") else None
    try:
        session.save()
        if resumed:
            print(t("resumed", lang, path=path, n=len(draft.answered)))
        else:
            print(t("intro", lang, path=path, resume=resume))
        case = session.run()
        finish(session, case)
        return 0
    except (KeyboardInterrupt, EOFError):
        session.save()
        try:
            print(t("saved_exit", lang, path=path, resume=resume), file=sys.stderr)
        except OSError:  # the terminal is gone; the file is what matters
            pass
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGHUP, previous)
