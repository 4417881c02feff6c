"""Putting one question to a person in the terminal, with questionary.

Choices are select lists (numbered, so a key press picks one), several-of are checkboxes, the loops'
"another one?" are confirmations, and everything typed (dates, numbers, text) is a text prompt whose
validator is `answers.parse`: a bad answer is explained under the prompt and the prompt stays, so
nothing crashes and nothing half-typed is taken. `unsafe_ask` lets Ctrl-C through as
KeyboardInterrupt, which the session turns into "saved, resume with …".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import questionary
from prompt_toolkit.styles import Style

from engine.vocab import label
from questionnaire import answers
from questionnaire.draft import Draft, get
from questionnaire.flow import Step
from questionnaire.relevance import assumption
from questionnaire.texts import t

UNKNOWN = "__unknown__"
STYLE = Style([("qmark", "fg:#5f87af bold"), ("question", "bold"), ("answer", "fg:#ffaf00 bold"),
               ("pointer", "fg:#ffaf00 bold"), ("highlighted", "fg:#ffaf00 bold"),
               ("instruction", "fg:#808080"), ("help", "fg:#808080 italic")])


def item_title(step: Step, draft: Draft, lang: str) -> str:
    """'〔交涉2：2025-08-15 未修理即退回〕' — which loop item a question is about."""
    if step.loop is None or step.index is None or not step.question or not step.question.in_item:
        return ""
    name = step.loop.item(lang).format(n=step.index + 1)
    item = draft.items(step.loop.name)[step.index] if step.index < len(draft.items(step.loop.name)) else {}
    bits = []
    if item.get("date"):
        bits.append(str(item["date"]))
    if item.get("kind"):
        bits.append(label("interaction_kind", item["kind"], lang))
    if item.get("model") and step.loop.name == "comparators":
        bits.append(str(item["model"]))
    detail = " ".join(bits)
    if lang == "en":
        return f"[{name}{': ' + detail if detail else ''}] "
    return f"〔{name}{'：' + detail if detail else ''}〕"


def message(step: Step, draft: Draft, lang: str) -> str:
    if step.control:
        loop = step.loop
        return (loop.start if step.index == 0 else loop.more)(lang)
    return item_title(step, draft, lang) + step.question.text(lang)


def _default(step: Step, draft: Draft) -> Any:
    q = step.question
    current = get(draft.data, step.key)
    if current is not None:
        return current
    d = q.default
    loop = step.loop.name if step.loop else None
    if isinstance(d, str) and d.startswith("="):
        return assumption(replace(q, assume=d), draft.data, loop, step.index)
    return d


def show_help(step: Step, lang: str) -> None:
    why = step.loop.help(lang) if step.control else step.question.help(lang)
    questionary.print(f"  {t('why', lang)}{why}", style="fg:#808080")


def ask(step: Step, draft: Draft, ctx: answers.Context) -> Any:
    """Ask one step and return its parsed answer (None: don't know); KeyboardInterrupt on Ctrl-C."""
    lang = ctx.lang
    show_help(step, lang)
    msg = message(step, draft, lang)
    if step.control:
        return questionary.confirm(msg, default=False, style=STYLE, auto_enter=True,
                                   instruction=t("confirm_hint", lang)).unsafe_ask()
    q = step.question
    default = _default(step, draft)
    if q.type in ("choice", "yesno"):
        if q.type == "yesno":
            options = [(t("yes", lang), True), (t("no", lang), False), (t("unknown", lang), UNKNOWN)]
        else:
            options = [(label(q.vocab, v, lang), v) for v in q.options()]
            if not q.required and "unknown" not in q.options():
                options.append((t("unknown", lang), UNKNOWN))
        choices = [questionary.Choice(title, value=value) for title, value in options]
        pick = next((c for c in choices if c.value == default), None) if default is not None else None
        got = questionary.select(msg, choices=choices, default=pick, use_shortcuts=len(choices) <= 10,
                                 style=STYLE, instruction=t("select_hint", lang)).unsafe_ask()
        return None if got == UNKNOWN else got
    if q.type == "multi":
        chosen = set(default or [])
        choices = [questionary.Choice(label(q.vocab, v, lang), value=v, checked=v in chosen) for v in q.options()]

        def check(values: list[str]) -> bool | str:
            try:
                answers.parse(q, values, ctx)
            except answers.AnswerError as e:
                return str(e)
            return True

        got = questionary.checkbox(msg, choices=choices, validate=check, style=STYLE,
                                   instruction=t("checkbox_hint", lang)).unsafe_ask()
        return answers.parse(q, got, ctx)

    def validate(text: str) -> bool | str:
        try:
            answers.parse(q, text, ctx)
        except answers.AnswerError as e:
            return str(e)
        return True

    hint = "" if q.required else t("skip_hint", lang)
    typed = questionary.text(msg, default=answers.as_text(q, default), validate=validate, style=STYLE,
                             instruction=hint or None).unsafe_ask()
    return answers.parse(q, typed, ctx)
