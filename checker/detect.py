"""Which concepts a stretch of text talks about, from the phrases in topics.yaml.

One pass, leftmost-longest across all phrases, so that 诉讼时效 is read as a limitation period and not
also as litigation; a phrase listed under several concepts counts for each of them.
"""

from __future__ import annotations

import re
from functools import cache

from checker.topics import Topics, topics


@cache
def _matcher(data: Topics) -> tuple[re.Pattern[str], list[list[tuple[str, float]]]]:
    """One alternation of every phrase (patterns first, then literals longest first) and, per
    alternative, the concepts it names with their weights."""
    by_text: dict[tuple[str, bool], list[tuple[str, float]]] = {}
    for concept in data.concepts.values():
        for p in concept.phrases:
            by_text.setdefault((p.text, p.regex), []).append((concept.id, p.weight))
    ordered = sorted(by_text, key=lambda tp: (not tp[1], -len(tp[0]), tp[0]))
    pattern = "|".join(f"(?P<p{i}>{t if is_re else re.escape(t)})" for i, (t, is_re) in enumerate(ordered))
    return re.compile(pattern), [by_text[tp] for tp in ordered]


def concepts(text: str, data: Topics | None = None) -> dict[str, float]:
    """Concept id → the strongest phrase weight found for it in `text`."""
    data = data or topics()
    pattern, names = _matcher(data)
    found: dict[str, float] = {}
    for m in pattern.finditer(text):
        assert m.lastgroup is not None  # the outer, named group of the phrase that matched
        for cid, weight in names[int(m.lastgroup[1:])]:
            found[cid] = max(found.get(cid, 0.0), weight)
    return found


def mentions(item: str, text: str, found: dict[str, float], data: Topics | None = None) -> bool:
    """Whether a misreading's `when`/`unless` item is in the text: a concept id, a phrase or `re:`."""
    data = data or topics()
    if item in data.concepts:
        return item in found
    if item.startswith("re:"):
        return re.search(item[3:], text) is not None
    return item in text
