"""The checker's knowledge, loaded from `kb/statutes/topics.yaml` and checked against the statutes.

What an article is about and how it is commonly misread is legal judgement, so it lives as data a
lawyer can review beside the statute texts; this module only gives it types, resolves the paragraph /
article fallbacks, and refuses data that names a concept or an article that does not exist.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kb.bilingual import pick
from kb.laws import NotInKnowledgeBase, lookup
from kb.packaged import load_yaml


class TopicsError(ValueError):
    """topics.yaml names something that does not exist (a concept, an article, a bad pattern)."""


@dataclass(frozen=True)
class Phrase:
    text: str  # a literal, or a regular expression when `regex`
    weight: float
    regex: bool = False


@dataclass(frozen=True)
class Concept:
    id: str
    zh: str
    en: str
    phrases: tuple[Phrase, ...]
    outside_kb: dict[str, str] | None = None

    def label(self, lang: str) -> str:
        return pick(lang, self.zh, self.en)


@dataclass(frozen=True)
class Misreading:
    id: str
    when: tuple[str, ...]  # concept ids, literal phrases, or `re:` patterns
    unless: tuple[str, ...]
    correction: dict[str, str]
    suggest: str | None


UNITS = ("day", "month", "year", "times")  # what a figure counts; a claim in years or months compares with both


@dataclass(frozen=True)
class Figure:
    """A number the article states for a topic (七日 to return, 三倍 added damages): a claim that attaches
    another number of the same unit to the topic contradicts the article."""

    id: str
    quote: str  # words of the statute (validated), whose sentence is quoted back to the writer
    value: float  # in `unit`s
    unit: str  # day | month | times
    topic: tuple[str, ...]  # concept ids or phrases that name the topic next to the number in a claim
    about: dict[str, str]  # what the number is, zh / en (退货期限 / the return period)
    at_most: bool = False  # the article gives a ceiling (二倍以下): any number up to it agrees
    unless: tuple[str, ...] = ()  # in the sentence, the number comes from elsewhere (约定, 三包…)


@dataclass(frozen=True)
class Grant:
    """Something the article grants (七日后仍可以要求更换、修理): a claim denying it, under the
    condition `when`, contradicts the article."""

    id: str
    quote: str
    remedies: tuple[str, ...]  # phrases a denial names (维修, 更换…)
    when: tuple[str, ...]  # concept ids, phrases or `re:`, any of which must be in the claim
    unless: tuple[str, ...]
    says: dict[str, str]  # what the article grants, zh / en


@dataclass(frozen=True)
class Overreach:
    """Something specific a text may claim the article gives that it does not (第二十四条 gives a newer
    model): `claim` items name it, `asserted` items (if any) must say the article states it (明确规定),
    `unless` items in the sentence mean the writer is not reading it into the article."""

    id: str
    claim: tuple[str, ...]  # concept ids, phrases or `re:`; any of them in the claim
    asserted: tuple[str, ...]  # any of them in the claim too, when given
    unless: tuple[str, ...]
    quote: str  # statute words (validated): their sentence is quoted as what the article does say
    gives: dict[str, str]  # what the text claims, zh / en (更换为新款 / a newer model)
    note: dict[str, str]  # what the article does provide instead, and where the claim belongs
    suggest: str | None = None


@dataclass(frozen=True)
class Entry:
    key: str
    says: dict[str, str]
    topics: dict[str, float]
    misreadings: tuple[Misreading, ...] = ()
    figures: tuple[Figure, ...] = ()
    grants: tuple[Grant, ...] = ()
    overreach: tuple[Overreach, ...] = ()


@dataclass(frozen=True, eq=False)  # compared by identity, so it can key caches
class Topics:
    flag_at: float
    concepts: dict[str, Concept]
    entries: dict[str, Entry]
    # Per-key answers, worked out once: a long text asks the same few keys thousands of times.
    _memo: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)

    def _once(self, what: str, key: str, work: Callable[[], Any]) -> Any:
        hit = self._memo.get((what, key))
        if hit is None:
            hit = self._memo[(what, key)] = work()
        return hit

    def entry(self, key: str) -> Entry | None:
        """The most specific entry for a key: item, else paragraph, else article."""
        parts = key.split(":")
        for n in range(len(parts), 1, -1):
            hit = self.entries.get(":".join(parts[:n]))
            if hit is not None:
                return hit
        return None

    def coverage(self, key: str) -> dict[str, float]:
        """Concepts a citation of `key` covers: its own entry's, or for a whole article the union of the
        article's and all its paragraphs' and items' entries (a citation of 第二十四条 covers 第二款 too)."""
        return dict(self._once("coverage", key, lambda: self._coverage(key)))

    def _coverage(self, key: str) -> dict[str, float]:
        own = self.entries.get(key)
        if own is not None and key.count(":") > 1:
            return dict(own.topics)
        if key.count(":") > 1:
            fallback = self.entry(key)
            return dict(fallback.topics) if fallback else {}
        out: dict[str, float] = {}
        for k, e in self.entries.items():
            if k == key or k.startswith(key + ":"):
                for c, w in e.topics.items():
                    out[c] = max(out.get(c, 0.0), w)
        return out

    def misreadings(self, key: str) -> tuple[Misreading, ...]:
        """Known misreadings of the article a key belongs to (misreading a paragraph misreads the article)."""
        return tuple(m for e in self._family(key) for m in e.misreadings)

    def figures(self, key: str) -> tuple[Figure, ...]:
        """The figures of the article whose statute words lie inside what `key` cites (第二十四条 has the
        七日 of its first paragraph; 第二十四条第二款 does not)."""
        return self._once("figures", key, lambda: tuple(
            f for e in self._family(key) for f in e.figures if f.quote in lookup(key).text))

    def grants(self, key: str) -> tuple[Grant, ...]:
        return self._once("grants", key, lambda: tuple(
            g for e in self._family(key) for g in e.grants if g.quote in lookup(key).text))

    def overreach(self, key: str) -> tuple[Overreach, ...]:
        """The over-readings of the article a key belongs to (over-reading a paragraph over-reads the article)."""
        return tuple(o for e in self._family(key) for o in e.overreach)

    def _family(self, key: str) -> list[Entry]:
        article = ":".join(key.split(":")[:2])
        return self._once("family", article, lambda: [
            e for k, e in self.entries.items() if k == article or k.startswith(article + ":")])

    def articles(self) -> list[str]:
        """Article-level keys, in the order of the data (statute order): the candidates for a suggestion."""
        return [k for k in self.entries if k.count(":") == 1]


def _phrase(text: str, weight: float, where: str) -> Phrase:
    if text.startswith("re:"):
        try:
            re.compile(text[3:])
        except re.error as e:
            raise TopicsError(f"{where}: bad pattern {text!r}: {e}") from None
        return Phrase(text[3:], float(weight), regex=True)
    return Phrase(str(text), float(weight))


def _check_key(key: str, where: str) -> None:
    try:
        lookup(key)
    except NotInKnowledgeBase as e:
        raise TopicsError(f"{where}: {key} is not in the knowledge base ({e.reason})") from None


def _check_quote(quote: str, key: str, where: str) -> None:
    if not quote or quote not in lookup(key).text:
        raise TopicsError(f"{where}: quote {quote!r} is not in the text of {key}")


def _check_items(items: list[str], where: str) -> None:
    for item in items:
        if item.startswith("re:"):
            _phrase(item, 1, where)


def _figure(f: dict, key: str, concepts: dict[str, Concept]) -> Figure:
    where = f"figure {f.get('id')}"
    _check_quote(f["quote"], key, where)
    if f["unit"] not in UNITS:
        raise TopicsError(f"{where}: unit {f['unit']!r} is not one of {', '.join(UNITS)}")
    if not (f.get("about", {}).get("zh") and f["about"].get("en")):
        raise TopicsError(f"{where}: about needs zh and en")
    for t in f["topic"]:
        if t.startswith("re:"):
            raise TopicsError(f"{where}: a topic must be a concept id or a phrase, not a pattern")
        if t.isascii() and t not in concepts:
            raise TopicsError(f"{where}: unknown concept {t!r}")
    _check_items(f.get("unless") or [], where)
    return Figure(f["id"], f["quote"], float(f["value"]), f["unit"], tuple(f["topic"]), f["about"],
                  bool(f.get("at_most", False)), tuple(f.get("unless") or ()))


def _grant(g: dict, key: str) -> Grant:
    where = f"grant {g.get('id')}"
    _check_quote(g["quote"], key, where)
    if not (g.get("says", {}).get("zh") and g["says"].get("en")):
        raise TopicsError(f"{where}: says needs zh and en")
    _check_items([*g.get("when", []), *(g.get("unless") or [])], where)
    return Grant(g["id"], g["quote"], tuple(g["remedies"]), tuple(g.get("when") or ()), tuple(g.get("unless") or ()),
                 g["says"])


def _overreach(o: dict, key: str, concepts: dict[str, Concept]) -> Overreach:
    where = f"overreach {o.get('id')}"
    _check_quote(o.get("quote", ""), key, where)
    for part in ("gives", "note"):
        if not (o.get(part, {}).get("zh") and o[part].get("en")):
            raise TopicsError(f"{where}: {part} needs zh and en")
    if not o.get("claim"):
        raise TopicsError(f"{where}: claim needs at least one concept, phrase or pattern")
    items = [*o["claim"], *(o.get("asserted") or []), *(o.get("unless") or [])]
    _check_items(items, where)
    for item in items:
        if item.isascii() and not item.startswith("re:") and item not in concepts:
            raise TopicsError(f"{where}: unknown concept {item!r}")
    if o.get("suggest"):
        _check_key(o["suggest"], f"{where}.suggest")
    return Overreach(o["id"], tuple(o["claim"]), tuple(o.get("asserted") or ()), tuple(o.get("unless") or ()),
                     o["quote"], o["gives"], o["note"], o.get("suggest"))


def _misreading(m: dict) -> Misreading:
    for item in (*m["when"], *m["unless"]):
        if item.startswith("re:"):
            _phrase(item, 1, f"misreading {m['id']}")
    if m.get("suggest"):
        _check_key(m["suggest"], f"misreading {m['id']}.suggest")
    if not (m["correction"].get("zh") and m["correction"].get("en")):
        raise TopicsError(f"misreading {m['id']}: correction needs zh and en")
    return Misreading(m["id"], tuple(m["when"]), tuple(m["unless"]), m["correction"], m.get("suggest"))


def _entry(key: str, a: dict, concepts: dict[str, Concept]) -> Entry:
    _check_key(key, f"articles.{key}")
    for cid in a["topics"]:
        if cid not in concepts:
            raise TopicsError(f"articles.{key}.topics: unknown concept {cid!r}")
    if not (a.get("says", {}).get("zh") and a["says"].get("en")):
        raise TopicsError(f"articles.{key}: says needs zh and en")
    misreadings = tuple(_misreading(m) for m in a.get("misreadings") or [])
    figures = tuple(_figure(f, key, concepts) for f in a.get("figures") or [])
    grants = tuple(_grant(g, key) for g in a.get("grants") or [])
    overreach = tuple(_overreach(o, key, concepts) for o in a.get("overreach") or [])
    return Entry(key, a["says"], {c: float(w) for c, w in a["topics"].items()}, misreadings, figures, grants, overreach)


def parse(data: dict) -> Topics:
    """Build and validate the topics from their YAML form (exposed for tests of bad data)."""
    concepts = {}
    for cid, c in data["concepts"].items():
        phrases = tuple(_phrase(str(p), w, f"concept {cid}") for p, w in c["phrases"].items())
        concepts[cid] = Concept(cid, c["zh"], c["en"], phrases, c.get("outside_kb"))
    entries = {key: _entry(key, a, concepts) for key, a in data["articles"].items()}
    return Topics(float(data["flag_at"]), concepts, entries)


@cache
def topics() -> Topics:
    return parse(load_yaml("statutes", "topics.yaml"))
