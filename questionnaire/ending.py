"""The end of the questionnaire: the verdict, then the offer of a demand letter and/or a 12315 complaint.

A letter needs what a verdict does not (a name, the seller's name, who said what): those questions are
asked only now, and only if the person wants a document, which is docassemble's rule of asking for what
the goal needs applied to the second goal. Drafting itself belongs to `letters/`; this module only
collects the choices (kind, addressee, format, file name) and hands them over.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import questionary

from engine.case import Case
from engine.errors import InputError
from questionnaire import prompts
from questionnaire.texts import t

FORMATS = ("docx", "pdf", "md", "txt")


def verdict_text(case: Case, as_of: Any, lang: str) -> tuple[Any, str]:
    from engine.assess import assess
    from views.verdict_view import render_text

    verdict = assess(case, as_of, lang)
    return verdict, render_text(verdict)


def default_name(case_path: Path, kind: str, fmt: str, lang: str) -> str:
    stem = case_path.stem
    if lang == "en":
        what = "demand-letter" if kind == "demand" else "complaint"
    else:
        what = "维权函" if kind == "demand" else "投诉"
    return f"{stem}-{what}.{fmt}"


def _letters_api() -> tuple[Any, Any] | str:
    try:
        import letters
    except ImportError as e:  # pragma: no cover - depends on the letters package being installed
        return str(e)
    draft = getattr(letters, "draft", None)
    write = getattr(letters, "write", None)
    if draft is None or write is None:
        return "letters.draft / letters.write"
    return draft, write


def finish(session: Any, case: Case) -> None:
    """Print the verdict, then offer the documents and write those chosen."""
    lang = session.lang
    _, text = verdict_text(case, session.as_of, lang)
    sys.stdout.write(t("verdict_head", lang))
    sys.stdout.write(text)
    sys.stdout.flush()
    choice = questionary.select(
        t("letter_offer", lang),
        choices=[questionary.Choice(t("letter_demand", lang), value=("demand",)),
                 questionary.Choice(t("letter_complaint", lang), value=("complaint",)),
                 questionary.Choice(t("letter_both", lang), value=("demand", "complaint")),
                 questionary.Choice(t("letter_none", lang), value=())],
        style=prompts.STYLE, use_shortcuts=True, instruction=t("select_hint", lang)).unsafe_ask()
    if choice:
        questionary.print(t("letter_details", lang), style="bold")
        session.questions("letter")  # saved in the case file even if no document can be drafted
        api = _letters_api()
        if isinstance(api, str):
            questionary.print(t("letter_unavailable", lang, why=api), style="fg:#ff5f5f")
        else:
            final = session.case() or case
            verdict, _ = verdict_text(final, session.as_of, lang)
            for kind in choice:
                _one(session, final, verdict, kind, api)
    print(t("done", lang, path=session.path))


def _one(session: Any, case: Case, verdict: Any, kind: str, api: tuple[Any, Any]) -> None:
    lang = session.lang
    draft_letter, write = api
    to = "seller"
    if kind == "demand":
        to = questionary.select(t("letter_to", lang), choices=[
            questionary.Choice(t("to_seller", lang), value="seller"),
            questionary.Choice(t("to_manufacturer", lang), value="manufacturer")],
            style=prompts.STYLE, use_shortcuts=True, instruction=t("select_hint", lang)).unsafe_ask()
    fmt = questionary.select(t("letter_format", lang), choices=list(FORMATS), style=prompts.STYLE,
                             use_shortcuts=True, instruction=t("select_hint", lang)).unsafe_ask()
    name = questionary.text(t("letter_file", lang), default=default_name(session.path, kind, fmt, lang),
                            validate=lambda s: bool(s.strip()) or t("file_required", lang),
                            style=prompts.STYLE).unsafe_ask()
    path = Path(name.strip())
    force = False
    if path.exists():
        force = questionary.confirm(t("letter_exists", lang, path=path), default=False, style=prompts.STYLE,
                                    auto_enter=True, instruction=t("confirm_hint", lang)).unsafe_ask()
        if not force:
            return
    try:
        data = draft_letter(case, verdict, kind=kind, to=to, fmt=fmt, lang=lang, today=session.as_of)
        write(path, data, force=force, lang=lang)
    except InputError as e:  # e.g. a detail the letter cannot do without: say which, keep going
        questionary.print(t("letter_failed", lang, why="; ".join(e.messages)), style="fg:#ff5f5f")
        return
    except OSError as e:
        questionary.print(t("letter_failed", lang, why=f"{path}: {e.strerror or e}"), style="fg:#ff5f5f")
        return
    questionary.print(t("letter_written", lang, path=path), style="bold")
