"""The verdict arranged for a phone: exactly the Markdown `assess --format md` prints, cut into its
sections and reordered, never rewritten.

views/ renders the verdict (`render_md`); this module renders that Markdown to HTML with markdown-it
(raw HTML off, so every character a user typed is escaped), then cuts it at its headings: the claims
(the first section, one `###` per finding) come first, each with its strength and its law and reasoning
folded behind a tap; then the deadlines and the ways to escalate, found by the verdict's own deadline
dates and channel texts; then every other section in the order views/ gives. A new section in views/
appears here without a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup

from engine.verdict import Verdict
from views.verdict_view import render_md, strength_word

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


@dataclass
class Claim:
    heading: Markup
    body: Markup
    strength: str = ""
    strength_word: str = ""


@dataclass
class Section:
    id: str
    heading: Markup
    body: Markup
    raw: str = ""  # the section's Markdown, for finding it
    claims: list[Claim] = field(default_factory=list)


def _html(md: str) -> Markup:
    return Markup(_MD.render(md))  # markdown-it escapes the text: html is off  # noqa: S704


def _inline(md: str) -> Markup:
    return Markup(_MD.renderInline(md))  # noqa: S704


def _cut(md: str, marker: str) -> tuple[str, list[tuple[str, str]]]:
    """Text before the first `marker` heading, and (heading text, body) for each such heading."""
    head: list[str] = []
    parts: list[tuple[str, list[str]]] = []
    for line in md.splitlines():
        if line.startswith(marker):
            parts.append((line[len(marker):].strip(), []))
        elif parts:
            parts[-1][1].append(line)
        else:
            head.append(line)
    return "\n".join(head), [(h, "\n".join(b)) for h, b in parts]


def page(v: Verdict) -> dict[str, Any]:
    """The template's view of a verdict: the top (title, status, bottom line) and the sections in order."""
    top, parts = _cut(render_md(v), "## ")
    sections = [Section(f"section-{i}", _inline(h), _html(b), b) for i, (h, b) in enumerate(parts)]
    ordered: list[Section] = []
    if sections and "\n### " in "\n" + parts[0][1]:
        claims_section = sections[0]
        claims_section.id = "claims"
        _, items = _cut(parts[0][1], "### ")
        findings = v.findings if len(v.findings) == len(items) else [None] * len(items)
        for (heading, body), f in zip(items, findings, strict=True):
            strength = str(f.strength) if f is not None else ""
            claims_section.claims.append(Claim(_inline(heading), _html(body), strength,
                                               strength_word(strength, v.lang) if strength else ""))
        ordered.append(claims_section)
    rest = [s for s in sections if s not in ordered]
    for sid, probe in (("deadlines", [d.date.isoformat() for d in v.deadlines]), ("channels", [c.text for c in v.channels])):
        found = next((s for s in rest if probe and all(p in s.raw for p in probe)), None)
        if found is not None:
            found.id = sid
            ordered.append(found)
            rest.remove(found)
    return {"verdict": v, "top": _html(top), "sections": ordered + rest, "notice": v.notice}
