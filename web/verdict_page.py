"""The verdict arranged for a phone: the same content `assess --format md` prints, reordered, not rewritten.

Claims come first with their strength, then deadlines, then the ways to escalate; the articles that do
not apply, the facts that could change the outcome and the notes follow. Each claim's law and reasoning
sit behind a tap (a <details> element). Every sentence is the verdict's own or a views/ helper's
(bottom line, strength words, article names): the page only chooses the order and the folding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.verdict import Verdict
from engine.vocab import Strength, label
from views.verdict_view import _status as status_line  # the md page's status line, not a copy
from views.verdict_view import bottom_line, cite_name, strength_word


@dataclass
class Quote:
    name: str
    text: str


def _quotes(v: Verdict, f: Any) -> tuple[list[Quote], list[str]]:
    """The quoted passages of a finding and the articles it only refers to, as views/ prints them."""
    keys = f.quotes or f.cites
    quotes = [Quote(cite_name(v, k), v.citations[k].text) for k in keys]
    others = [cite_name(v, k) for k in f.cites if not any(q == k or q.startswith(k + ":") for q in keys)]
    return quotes, others


def _note_text(note: Any) -> str:
    return getattr(note, "text", note) if not isinstance(note, str) else note


def page(v: Verdict) -> dict[str, Any]:
    """The template's view of a verdict."""
    lang = v.lang
    sep = "、" if lang != "en" else ", "
    claims = []
    rank = {s.value: i for i, s in enumerate(Strength)}  # strong, arguable, weak
    for f in sorted(v.findings, key=lambda f: rank.get(str(f.strength), len(rank))):  # strongest first, else as given
        quotes, others = _quotes(v, f)
        claims.append({
            "id": f.id, "strength": str(f.strength), "strength_word": strength_word(str(f.strength), lang),
            "title": f.title, "explanation": f.explanation, "quotes": quotes, "others": sep.join(others),
            "demands": sep.join(label("demand", d, lang) for d in f.demands),
        })
    not_applicable = [{"heads": "、".join(cite_name(v, k) for k in n.cites), "why": n.why} for n in v.not_applicable]
    return {
        "verdict": v,
        "status": status_line(v),
        "bottom_line": bottom_line(v),
        "claims": claims,
        "deadlines": sorted(v.deadlines, key=lambda d: d.date),  # soonest first, as views/ lists them
        "channels": v.channels,
        "not_applicable": not_applicable,
        "missing": v.missing,
        "notes": [_note_text(n) for n in v.notes],
        "notice": v.notice,
    }
