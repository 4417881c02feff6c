"""Is a quoted passage the statute's own words, and if so whose?

A draft that quotes an article word for word (ellipses allowed) shows what the writer relies on far
better than any keyword, so the checker treats such a quotation as evidence, and the citation finder
ignores article numbers that are merely part of a quoted text (「依照本法第四十九条…」 inside 第五十五条).
Copies of statutes found online often swap full-width punctuation for ASCII; that is tolerated here,
since only the words are being compared, never reproduced.
"""

from __future__ import annotations

import re
from functools import cache

from kb.laws import laws

_ELLIPSIS = re.compile(r"…+|\.{3,}|。{3,}|⋯+")
_ASCII_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
_EDGE_PUNCT = "，。；：、“”「」‘’\"' \u3000\n\t"
MIN_FRAGMENT = 4
MIN_TOTAL = 8


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text.translate(_ASCII_TO_FULL))


@cache
def _paragraphs() -> tuple[tuple[str, str], ...]:
    """(paragraph key, normalised text) for every paragraph in the knowledge base."""
    return tuple(
        (f"{art.key}:{p.number}", _norm(p.text))
        for lw in laws().values()
        for art in lw.articles.values()
        for p in art.paragraphs
    )


def fragments(quoted: str) -> list[str]:
    """The pieces of a quotation between ellipses, trimmed of edge punctuation."""
    parts = [_norm(p).strip(_EDGE_PUNCT) for p in _ELLIPSIS.split(quoted)]
    return [p for p in parts if p]


def verbatim_sources(quoted: str) -> list[str]:
    """Paragraph keys (`crpl:24:1`) whose text contains every fragment of the quotation, in order.

    Empty when the quotation is too short to tell (a word or two is not a quotation of a statute) or
    when any fragment is not the statute's wording.
    """
    parts = fragments(quoted)
    if not parts or any(len(p) < MIN_FRAGMENT for p in parts) or sum(map(len, parts)) < MIN_TOTAL:
        return []
    out = [key for key, text in _paragraphs() if _in_order(parts, text)]
    if out:
        return out
    # A quotation may run across the paragraphs of one article.
    by_article: dict[str, str] = {}
    for key, text in _paragraphs():
        art_key = key.rsplit(":", 1)[0]
        by_article[art_key] = by_article.get(art_key, "") + text
    return [k for k, text in by_article.items() if _in_order(parts, text)]


def _in_order(parts: list[str], text: str) -> bool:
    pos = 0
    for p in parts:
        found = text.find(p, pos)
        if found < 0:
            return False
        pos = found + len(p)
    return True
