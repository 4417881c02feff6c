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
from kb.bilingual import T
from questionnaire import prompts
from questionnaire.draft import get
from questionnaire.texts import command, t

FORMATS = ("docx", "pdf", "md", "txt")


def verdict_text(case: Case, as_of: Any, lang: str) -> tuple[Any, str]:
    from engine.assess import assess
    from views.verdict_view import render_text

    verdict = assess(case, as_of, lang)
    return verdict, render_text(verdict)


_FILE_WORDS = {"demand": T("维权函", "demand-letter"), "complaint": T("投诉", "complaint"), "analysis": T("分析", "analysis")}


def default_name(case_path: Path, kind: str, fmt: str, lang: str) -> str:
    """A document's file name beside its case file (my-case-维权函.docx), so the two are found together."""
    what = _FILE_WORDS[kind](lang) if kind in _FILE_WORDS else kind
    return f"{case_path.stem}-{what}.{fmt}"


def page(text: str) -> None:
    """The full verdict in a pager ($PAGER, else less or more), so the summary is not scrolled away."""
    from rich.console import Console

    console = Console(markup=False, emoji=False, highlight=False)
    with console.pager(styles=False):
        console.print(text, end="", soft_wrap=True)  # the pager wraps; no hard breaks inside words


def save_md(session: Any, verdict: Any) -> None:
    """Write the full verdict as Markdown, atomically, never over an existing file without asking."""
    from engine.io import write_atomic
    from views.verdict_view import render_md

    lang = session.lang
    name = questionary.text(t("md_file", lang), default=default_name(session.path, "analysis", "md", lang),
                            validate=lambda s: bool(s.strip()) or t("file_required", lang),
                            style=prompts.STYLE).unsafe_ask()
    path = Path(name.strip())
    if path.exists() and prompts.select(t("letter_exists", lang, path=path),
                                         [(t("yes", lang), True), (t("no", lang), False)], False, lang,
                                         back=False) is not True:
        return
    try:
        write_atomic(path, render_md(verdict))
    except OSError as e:
        questionary.print(t("letter_failed", lang, why=f"{path}: {e.strerror or e}"), style="fg:#ff5f5f")
        return
    questionary.print(t("md_written", lang, path=path), style="bold")


def finish(session: Any, case: Case) -> None:
    """Print the verdict's summary, offer the full text (pager, .md), then the documents."""
    from views.verdict_view import render_summary

    lang = session.lang
    verdict, text = verdict_text(case, session.as_of, lang)
    sys.stdout.write(t("summary_head", lang))
    sys.stdout.write(render_summary(verdict))
    sys.stdout.flush()
    while True:
        what = prompts.select(t("after_summary", lang), [(t("show_full", lang), "full"), (t("save_md", lang), "md"),
                                                          (t("to_letters", lang), "go")], "full", lang, back=False)
        if what == "full":
            page(text)
        elif what == "md":
            save_md(session, verdict)
        else:
            break
    choice = prompts.select(t("letter_offer", lang), [(t("letter_demand", lang), ("demand",)),
                                                     (t("letter_complaint", lang), ("complaint",)),
                                                     (t("letter_both", lang), ("demand", "complaint")),
                                                     (t("letter_none", lang), ())], ("demand",), lang, back=False)
    if choice:
        questionary.print(t("letter_details", lang), style="bold")
        session.questions("letter")  # saved in the case file even if no document can be drafted
        final = session.case() or case
        verdict, _ = verdict_text(final, session.as_of, lang)
        for kind in choice:
            _one(session, final, verdict, kind)
    print(t("done", lang, path=session.path, assess=command("assess", session.path, lang=lang)))


def _one(session: Any, case: Case, verdict: Any, kind: str) -> None:
    """One document: its addressee, format and file asked, then drafted and written; a failure is said and
    the run goes on (the case file is already saved)."""
    import letters

    lang = session.lang
    to = "seller"
    if kind == "demand":
        to = prompts.select(t("letter_to", lang), [(t("to_seller", lang), "seller"),
                                                   (t("to_manufacturer", lang), "manufacturer")], "seller", lang,
                            back=False)
    if to == "seller" and kind == "demand" and not get(session.draft.data, "purchase.seller"):
        # A letter to the seller must name it: ask now rather than fail with a field path.
        from questionnaire.flow import steps

        questionary.print(t("seller_needed", lang), style="bold")
        step = next(s for s in steps(session.qn, session.draft) if s.key == "purchase.seller")
        session.draft.unmark(step.key)
        session.put(step)
        if not get(session.draft.data, "purchase.seller"):
            questionary.print(t("seller_fallback", lang), style="fg:#808080")
            to = "manufacturer"
        case = session.case() or case
        verdict, _ = verdict_text(case, session.as_of, lang)
    fmt = prompts.select(t("letter_format", lang), [(t(f"format_{f}", lang), f) for f in FORMATS], "docx", lang,
                         back=False)
    name = questionary.text(t("letter_file", lang), default=default_name(session.path, kind, fmt, lang),
                            validate=lambda s: bool(s.strip()) or t("file_required", lang),
                            style=prompts.STYLE).unsafe_ask()
    path = Path(name.strip())
    force = False
    if path.exists():
        force = prompts.select(t("letter_exists", lang, path=path), [(t("yes", lang), True), (t("no", lang), False)],
                                False, lang, back=False) is True
        if not force:
            return
    try:
        data = letters.draft(case, verdict, kind=kind, to=to, fmt=fmt, lang=lang, today=session.as_of)
        letters.write(path, data, force=force, lang=lang)
    except InputError as e:  # e.g. a detail the letter cannot do without: say which, keep going
        questionary.print(t("letter_failed", lang, why="; ".join(e.messages)), style="fg:#ff5f5f")
        return
    except OSError as e:
        questionary.print(t("letter_failed", lang, why=f"{path}: {e.strerror or e}"), style="fg:#ff5f5f")
        return
    questionary.print(t("letter_written", lang, path=path), style="bold")
