"""Which concepts a stretch of text talks about, from the phrases in topics.yaml.

One pass, leftmost-longest across all phrases, so that 诉讼时效 is read as a limitation period and not
also as litigation; a phrase listed under several concepts counts for each of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from checker.topics import Topics, topics


@dataclass(frozen=True)
class _Matcher:
    literals: dict[str, list[tuple[str, list[tuple[str, float]]]]]  # first character → phrases, longest first
    patterns: list[tuple[re.Pattern[str], list[tuple[str, float]]]]  # each as (?=(…)): every place it matches
    starts: re.Pattern[str]  # the first characters of the literals: the only places one can begin


@cache
def _matcher(data: Topics) -> _Matcher:
    """Phrases indexed by their first character (a single alternation of hundreds of phrases is slow in
    `re`), and the `re:` patterns, each with the concepts it names and their weights."""
    literals: dict[str, dict[str, list[tuple[str, float]]]] = {}
    patterns: dict[str, list[tuple[str, float]]] = {}
    for concept in data.concepts.values():
        for p in concept.phrases:
            if p.regex:
                patterns.setdefault(p.text, []).append((concept.id, p.weight))
            else:
                literals.setdefault(p.text[0], {}).setdefault(p.text, []).append((concept.id, p.weight))
    return _Matcher(
        {ch: sorted(group.items(), key=lambda kv: (-len(kv[0]), kv[0])) for ch, group in literals.items()},
        [(re.compile(f"(?=({t}))"), names) for t, names in sorted(patterns.items())],
        re.compile("[" + re.escape("".join(sorted(literals))) + "]"),
    )


def concepts(text: str, data: Topics | None = None) -> dict[str, float]:
    """Concept id → the strongest phrase weight found for it in `text`.

    Leftmost first; at one position a pattern beats a literal (patterns are the specific multi-part
    phrases), and a longer literal beats a shorter one. The citations of one sentence read the same
    words again and again, so results are remembered (a copy is returned: callers may change it).
    """
    return dict(_concepts(text, data or topics()))


@lru_cache(maxsize=4096)
def _concepts(text: str, data: Topics) -> dict[str, float]:
    # Only the places where a pattern matches or a literal's first character stands can begin a phrase,
    # so the walk visits those alone (the regex engine finds them), in the order the text reads.
    matcher = _matcher(data)
    by_pattern: dict[int, tuple[int, list[tuple[str, float]]]] = {}
    for rx, names in matcher.patterns:  # in order: the first pattern matching at a place wins there
        for m in rx.finditer(text):
            if m.group(1) and m.start() not in by_pattern:
                by_pattern[m.start()] = (len(m.group(1)), names)
    places = sorted({*by_pattern, *(m.start() for m in matcher.starts.finditer(text))})
    found: dict[str, float] = {}
    i = 0
    for at in places:
        if at < i:
            continue
        hit = by_pattern.get(at)
        if hit is None:
            for phrase, names in matcher.literals.get(text[at], ()):
                if text.startswith(phrase, at):
                    hit = (len(phrase), names)
                    break
        if hit is None:
            continue
        for cid, weight in hit[1]:
            found[cid] = max(found.get(cid, 0.0), weight)
        i = at + hit[0]
    return found


def mentions(item: str, text: str, found: dict[str, float], data: Topics | None = None) -> bool:
    """Whether a misreading's `when`/`unless` item is in the text: a concept id, a phrase or `re:`."""
    data = data or topics()
    if item in data.concepts:
        return item in found
    if item.startswith("re:"):
        return re.search(item[3:], text) is not None
    return item in text
