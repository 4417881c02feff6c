"""Putting one question to a person in the terminal, with questionary.

Choices (yes/no included) are select lists, numbered so that a key press picks one; several-of are
checkboxes; everything typed (dates, numbers, text) is a text prompt whose validator is `answers.parse`:
a bad answer is explained under the prompt and the prompt stays, so nothing crashes and nothing
half-typed is taken. Every prompt has "返回上一题": a choice (key <) in a list, the < key in a checkbox
or an untouched text field; `ask` then returns BACK and the session undoes the last answer.

An answer that contradicts an earlier one (a fault before delivery) is not refused at the prompt:
`ask` returns a `Contradicted`, and the session offers to change the earlier answer instead.

questionary's own answered line is English for checkboxes ("done (3 selections)") and yes/no, so each
prompt erases itself when done and the answer is printed back here, in the user's language.
`unsafe_ask` lets Ctrl-C through as KeyboardInterrupt, which the session turns into "saved, resume with …".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import questionary
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.styles import Style

from kb.bilingual import pick
from questionnaire import answers
from questionnaire.draft import Draft, get
from questionnaire.flow import Step
from questionnaire.relevance import assumption
from questionnaire.texts import t

UNKNOWN = "__unknown__"
BACK = "__back__"
SHORTCUTS = 19  # questionary numbers 1…0 then a…i; j and k are its arrow keys
STYLE = Style([("qmark", "fg:#5f87af bold"), ("question", "bold"), ("answer", "fg:#ffaf00 bold"),
               ("pointer", "fg:#ffaf00 bold"), ("highlighted", "fg:#ffaf00 bold"),
               ("instruction", "fg:#808080"), ("help", "fg:#808080 italic")])


@dataclass(frozen=True)
class Contradicted:
    """The answer given contradicts the earlier field `other`; `message` says how."""

    value: Any
    other: str
    message: str


_BASIS_HINT = {"request": ("（只能协商请求，不是法定权利）", " (a settlement request only, not a legal right)"),
               "none": ("（没有条文给予，只能协商请求）", " (no article gives it; a request only)")}


def choice_text(q: Any, value: str, lang: str) -> str:
    """A choice as shown: for a demand, what the rule base can give it (§2a) beside its name, so a consumer
    ticking a newer model or an apology knows before the verdict that it is only a request."""
    text = q.label(value, lang)
    if q.vocab == "demand":
        from kb.rules import demand_bases

        hint = _BASIS_HINT.get(demand_bases().get(value, "none"))
        if hint:
            text += pick(lang, *hint)
    return text


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
        bits.append(kind_label(step.loop, item["kind"], lang))
    if item.get("model") and step.loop.name == "comparators":
        bits.append(str(item["model"]))
    detail = " ".join(bits)
    return pick(lang, f"〔{name}{'：' + detail if detail else ''}〕", f"[{name}{': ' + detail if detail else ''}] ")


def kind_label(loop: Any, value: str, lang: str) -> str:
    """An item's kind as its own question words it, without the bracketed example: 我向对方询问了问题."""
    q = next((x for x in loop.questions if x.id == f"{loop.name}[].kind"), None)
    text = q.label(value, lang) if q is not None else str(value)
    return answers.main_part(text) or text


def message(step: Step, draft: Draft, lang: str) -> str:
    if step.control:
        loop = step.loop
        return (loop.start if step.index == 0 else loop.more)(lang)
    return item_title(step, draft, lang) + step.question.text(lang)


def default_answer(step: Step, draft: Draft, previous: Any = None) -> Any:
    """What a prompt starts from: the stored answer, else the one being re-asked after a Back, else the
    question's default (`=PATH`: taken from another answer). The web's form starts from it too."""
    q = step.question
    current = get(draft.data, step.key)
    if current is not None:
        return current
    if previous is not None:
        return previous
    d = q.default
    loop = step.loop.name if step.loop else None
    if isinstance(d, str) and d.startswith("="):
        return assumption(replace(q, assume=d), draft.data, loop, step.index)
    return d


def show_help(step: Step, lang: str) -> None:
    why = step.loop.help(lang) if step.control else step.question.help(lang)
    questionary.print(f"  {t('why', lang)}{why}", style="fg:#808080")


def said(msg: str, answer: str) -> None:
    """The answered line, as the prompt would have left it, in the user's words."""
    questionary.print(f"? {msg} {answer}", style="bold")


def back_key(question: Any, when: Any = None) -> Any:
    """Add the < key (back) to a question's application; `when` a filter for text fields."""
    kb = KeyBindings()

    @kb.add("<", eager=True, filter=when if when is not None else Condition(lambda: True))
    def _(event: Any) -> None:
        event.app.exit(result=BACK)

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, kb]) if app.key_bindings else kb
    return question


def select(msg: str, options: list[tuple[str, Any]], default: Any, lang: str, back: bool = True) -> Any:
    choices = [questionary.Choice(title, value=value) for title, value in options]
    if back:
        choices.append(questionary.Choice(t("back", lang), value=BACK, shortcut_key=False))
    pick = next((c for c in choices if c.value == default), None) if default is not None else None
    shortcuts = len(choices) <= SHORTCUTS
    question = questionary.select(msg, choices=choices, default=pick, use_shortcuts=shortcuts, style=STYLE,
                                  instruction=t(("select_hint" if back else "select_hint_noback") if shortcuts
                                                else "select_hint_arrows", lang),
                                  erase_when_done=True)
    got = (back_key(question) if back else question).unsafe_ask()
    shown = next((title for title, value in options if value == got), t("back", lang))
    said(msg, shown)
    return got


def ask(step: Step, draft: Draft, ctx: answers.Context, previous: Any = None) -> Any:
    """Ask one step and return its parsed answer (None: don't know), BACK, or a Contradicted;
    KeyboardInterrupt on Ctrl-C. `previous` is the answer being re-asked after a Back."""
    lang = ctx.lang
    show_help(step, lang)
    msg = message(step, draft, lang)
    if step.control:
        return select(msg, [(t("yes", lang), True), (t("no", lang), False)],
                      previous if previous is not None else False, lang)
    q = step.question
    default = default_answer(step, draft, previous)
    if q.type in ("choice", "yesno"):
        got = select(msg, choice_options(step, draft, lang), default, lang)
        return None if got == UNKNOWN else got
    if q.type == "multi":
        return _ask_multi(q, msg, default, ctx)
    return _ask_text(q, msg, default, ctx)


def choice_options(step: Step, draft: Draft, lang: str) -> list[tuple[str, Any]]:
    """A yes/no or choice question's list: the choices its `choice_when` allows on this draft, and
    "don't know" (UNKNOWN) where the question may stay open."""
    q = step.question
    if q.type == "yesno":
        return [(t("yes", lang), True), (t("no", lang), False), (t("unknown", lang), UNKNOWN)]
    from questionnaire.conditions import holds

    loop = step.loop.name if step.loop else None
    options = [(q.label(v, lang), v) for v in q.options()
               if v not in q.choice_when or holds(q.choice_when[v], draft.data, loop, step.index)]
    if not q.required and "unknown" not in q.options():
        options.append((t("unknown", lang), UNKNOWN))
    return options


def _ask_multi(q: Any, msg: str, default: Any, ctx: answers.Context) -> Any:
    """Several of: a checkbox list whose validator is `answers.parse`."""
    lang = ctx.lang
    chosen = set(default or [])
    choices = [questionary.Choice(choice_text(q, v, lang), value=v, checked=v in chosen) for v in q.options()]

    def check(values: list[str]) -> bool | str:
        try:
            answers.parse(q, values, ctx)
        except answers.AnswerError as e:
            return str(e)
        return True

    question = questionary.checkbox(msg, choices=choices, validate=check, style=STYLE,
                                    instruction=t("checkbox_hint", lang), erase_when_done=True)
    got = back_key(question).unsafe_ask()
    if got == BACK:
        said(msg, t("back", lang))
        return BACK
    value = answers.parse(q, got, ctx)
    said(msg, answers.show(q, value, lang) if value else t("none_chosen", lang))
    return value


def _text_hint(q: Any, start: str, lang: str) -> str:
    """What Enter does in a text field: nothing for a required one, keep the shown value, or skip."""
    if q.required:
        return t("back_hint", lang)
    if start:
        return t("keep_hint", lang, value=start)
    return t("skip_hint", lang)


def _ask_text(q: Any, msg: str, default: Any, ctx: answers.Context) -> Any:
    """Anything typed: a text prompt validated by `answers.parse`; a contradiction is let through, to be
    offered as a change of the earlier answer."""
    lang = ctx.lang

    def validate(text: str) -> bool | str:
        try:
            answers.parse(q, text, ctx)
        except answers.Contradiction:
            return True  # offered as a change of the earlier answer once the prompt is done
        except answers.AnswerError as e:
            return str(e)
        return True

    start = answers.as_text(q, default)
    question = questionary.text(msg, default=start, validate=validate, style=STYLE,
                                instruction=_text_hint(q, start, lang), erase_when_done=True)
    buffer = question.application.current_buffer
    typed = back_key(question, Condition(lambda: buffer.text in ("", start))).unsafe_ask()
    if typed == BACK:
        said(msg, t("back", lang))
        return BACK
    try:
        value = answers.parse(q, typed, ctx)
    except answers.Contradiction as e:
        said(msg, typed)
        return Contradicted(typed, e.other, str(e))
    said(msg, answers.show(q, value, lang))
    note = answers.approximate_note(q, typed, value, lang)
    if note:
        questionary.print(f"  {note}", style="fg:#808080")
    return value
