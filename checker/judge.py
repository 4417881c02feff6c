"""The verdict on one citation: ok, mismatch, misread, overreach or unknown, and why.

The order of the tests is the policy, and it leans towards never calling a citation wrong without
evidence:
1. a paragraph or item the knowledge base knows does not exist (第二十四条共二款, 第三款 cited) → mismatch,
   with the paragraph that does say the claim where there is one; otherwise not in the knowledge base →
   unknown (we cannot read the article, so we say nothing about it);
2. the writer says the article does not apply → ok, not checked;
3. a quotation of another article's words where this one's were expected → mismatch;
4. the claim reads into the article something specific it does not give (topics.yaml `overreach`: a newer
   model from 第二十四条, free repair from 产品质量法第四十一条) → overreach, quoting what it does say —
   unless a citation in the same breath covers what is claimed;
5. a known misreading (topics.yaml) whose trigger is in the claim → misread — unless the article the
   claim belongs to is cited in the same breath (消保法第八条、第九条 for the right to choose);
6. a number the article states otherwise for the same topic (三十日内退货 where it says 七日), or a denial of
   what the article grants (过了七天就不能维修) → misread, quoting the article's sentence;
7. a quotation of the article's own words → ok (the strongest evidence there is);
8. the claim touches anything the article covers, or that a citation in the same group covers → ok;
9. the claim names, with a strong phrase, only things the article does not cover, and nothing in the
   whole sentence plainly names what it does cover → mismatch, with the article that does cover the
   claim where the knowledge base has one;
10. otherwise (no claim recognised, or only weak hints) → ok, saying that nothing was checked.

A bare article number with no law named near it (第10条 alone) is `unnamed`: shown, never checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from checker.claims import Claim
from checker.detect import concepts, mentions
from checker.figures import figure_contradiction, grant_contradiction
from checker.overreach import overreach
from checker.topics import Topics
from kb.bilingual import T, pick
from kb.citations import Found
from kb.laws import exists, lookup

RESULTS = ("ok", "mismatch", "misread", "overreach", "unknown", "unnamed")
FLAGGED = ("mismatch", "misread", "overreach")


@dataclass(frozen=True)
class Result:
    """One citation checked. `to_json` gives exactly the fields of CONTRACT §4."""

    text: str  # the citation as written
    key: str | None  # what it cites (also when the KB lacks it, e.g. crpl:25); None for an unknown law
    claim: str  # the sentence around it
    result: str  # one of RESULTS
    says: str | None  # what the article is about, in the user's language (None when unknown)
    suggest: str | None  # the key that does say the claim, where the KB has one
    why: str
    start: int  # the citation's span in the checked text
    end: int
    checked: bool = True  # False when an ok means "nothing to check" rather than "it matches"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "key": self.key, "claim": self.claim, "result": self.result, "says": self.says,
                "suggest": self.suggest, "why": self.why}

    @property
    def flagged(self) -> bool:
        return self.result in FLAGGED


def _label(key: str, lang: str) -> str:
    c = lookup(key)
    return pick(lang, c.short_label, f"{c.short_label} ({key})")


def _article(key: str) -> str:
    return ":".join(key.split(":")[:2])


def _names(ids: list[str], data: Topics, lang: str) -> str:
    return pick(lang, "".join(f"「{data.concepts[c].zh}」" for c in ids), ", ".join(data.concepts[c].en for c in ids))


def _said(text: dict[str, str], lang: str) -> str:
    """One of the data's {zh, en} texts (what an article says, a correction) in the user's language."""
    return pick(lang, text["zh"], text["en"])


def _best(strong: list[str], cited: str, data: Topics) -> str | None:
    """The key that covers the strong concepts best: another paragraph of the cited article first
    (第二十四条第二款 cited for 七日退货 → 第一款), then any article, in statute order."""
    def score(key: str) -> float:
        cov = data.coverage(key)
        return sum(cov.get(c, 0.0) for c in strong)

    candidates = []
    if cited.count(":") > 1:
        art = _article(cited)
        candidates = [k for k in data.entries if k.startswith(art + ":") and k != cited and k.count(":") == 2]
    candidates += [k for k in data.articles() if k != _article(cited)]
    best, best_score = None, 0.0
    for k in candidates:
        s = score(k)
        if s > best_score:
            best, best_score = k, s
    return best


_NO_SUCH = ("paragraph_missing", "item_missing")  # the article is held whole: what it lacks is known


def _no_such(found: Found, claim: Claim, sentence: str, data: Topics, lang: str) -> Result:
    """A paragraph or item the cited article does not have: the citation is wrong, not unknown. The key
    reported is the part that does exist (the article, or the paragraph of a missing item), so that its
    words can be shown; the suggestion is the paragraph of that article that covers the claim."""
    assert found.problem is not None and found.key is not None
    parts = found.key.split(":")
    while len(parts) > 2 and not exists(":".join(parts)):
        parts.pop()
    key = ":".join(parts)
    strong = [c for c, w in concepts(claim.evidence, data).items() if w >= data.flag_at]
    article = _article(key)
    suggest = None
    best = 0.0
    for k in data.entries:
        if k.startswith(article + ":") and k != key:
            score = sum(data.coverage(k).get(c, 0.0) for c in strong)
            if score > best:
                suggest, best = k, score
    entry = data.entry(key)
    why = pick(lang, f"{found.problem.zh}，引用有误。", f"{found.problem.en}; the citation is wrong.")
    if suggest:
        why += pick(lang, f"该内容见{_label(suggest, lang)}。", f" The claim is in {_label(suggest, lang)}.")
    return Result(found.text, key, sentence, "mismatch", _said(entry.says, lang) if entry else None, suggest,
                  why, found.start, found.end)


@dataclass
class _Citation:
    """The citation being judged, with what the checks read from it, each worked out once when first read
    (most citations are settled before the concepts of their sentence are needed)."""

    found: Found
    others: list[Found]  # the citations grouped with it (消保法第八条、第九条)
    claim: Claim
    sentence: str
    data: Topics
    lang: str

    @property
    def key(self) -> str:
        """What it cites; only read once `_unresolved` has let the citation through."""
        assert self.found.key is not None
        return self.found.key

    @cached_property
    def quoted_articles(self) -> set[str]:
        return {_article(k) for k in self.claim.quoted}

    @cached_property
    def concepts(self) -> dict[str, float]:
        return concepts(self.claim.evidence, self.data)

    @cached_property
    def context_concepts(self) -> dict[str, float]:
        return concepts(self.claim.context, self.data)

    @cached_property
    def partners(self) -> list[str]:
        """The keys of the resolved citations cited with this one."""
        return [o.key for o in self.others if o.key and o.problem is None]

    @cached_property
    def coverage(self) -> dict[str, float]:
        return self.data.coverage(self.key)

    @cached_property
    def strong(self) -> list[str]:
        return [c for c, w in self.concepts.items() if w >= self.data.flag_at]

    def names(self, ids: list[str]) -> str:
        return _names(ids, self.data, self.lang)

    def label(self, key: str) -> str:
        return _label(key, self.lang)

    def result(self, kind: str, why: str, suggest: str | None = None, checked: bool = True) -> Result:
        f = self.found
        says = None
        if f.key is not None and f.problem is None:
            entry = self.data.entry(f.key)
            says = _said(entry.says, self.lang) if entry else None
        return Result(f.text, f.key, self.sentence, kind, says, suggest, why, f.start, f.end, checked)


Check = Callable[[_Citation], Result | None]  # a result, or None to leave the citation to the next check

_UNNAMED_END = T("。", ".")
_NOTHING_TO_CHECK = T("；无从核对。", "; nothing to check.")
_CANNOT_CHECK = T("；无法核对，这不表示引用有误。", "; it cannot be checked, which does not mean it is wrong.")
_NEGATED = T("文中表示本条不适用或并非所指，未作核对。", "The text says this article does not apply here; not checked.")
_OWN_WORDS = T("引文与本条原文一致。", "The quotation matches the article's own words.")
_NO_CLAIM = T("未在上下文中识别出对本条内容的具体主张，未作核对。",
              "No claim about this article was recognised nearby; not checked.")
_NOWHERE = T("知识库中没有规定该内容的条文。", " No article in the knowledge base says it.")


def _unresolved(c: _Citation) -> Result | None:
    """1. A citation without a key the knowledge base holds: a missing paragraph or item is a mismatch; a
    bare article number is unnamed; anything else is unknown (not read, so nothing said about it)."""
    f, lang = c.found, c.lang
    if f.problem is None and f.key is not None:
        return None
    if f.problem is not None and f.problem.kind in _NO_SUCH and f.key is not None:
        return _no_such(f, c.claim, c.sentence, c.data, lang)
    if f.problem is not None and f.problem.kind == "no_law":
        return c.result("unnamed", f.problem.message(lang) + _UNNAMED_END(lang), checked=False)
    reason = f.problem.message(lang) if f.problem else ""
    tail = _NOTHING_TO_CHECK if f.problem is not None and f.problem.kind == "no_such_article" else _CANNOT_CHECK
    return c.result("unknown", reason + tail(lang), checked=False)


def _negated(c: _Citation) -> Result | None:
    """2. The writer says the article does not apply."""
    return c.result("ok", _NEGATED(c.lang), checked=False) if c.claim.negated else None


def _foreign_quote(c: _Citation) -> Result | None:
    """3. Quoted words of an article that is not among the ones cited together here."""
    group_articles = {_article(c.key)} | {_article(o.key) for o in c.others if o.key}
    if not c.quoted_articles or c.quoted_articles & group_articles:
        return None
    source = sorted(c.claim.quoted)[0]
    why = pick(c.lang, f"引号中的文字出自{c.label(source)}，不是本条的内容。",
               f"The quoted words are from {c.label(source)}, not from this article.")
    return c.result("mismatch", why, suggest=source)


def _overreach(c: _Citation) -> Result | None:
    """4. Something specific read into the article that it does not give."""
    over = overreach(c.key, c.claim, c.partners, c.data)
    return None if over is None else c.result("overreach", over[1](c.lang), suggest=over[0].suggest)


def _misread(c: _Citation) -> Result | None:
    """5. A known misreading whose trigger is in the claim, unless the article it belongs to is cited too."""
    data, claim = c.data, c.claim
    for m in data.misreadings(c.key):
        triggers = [w for w in m.when if mentions(w, claim.evidence, c.concepts, data)]
        if not triggers or any(mentions(u, claim.context, c.context_concepts, data) for u in m.unless):
            continue
        # 消保法第八条、第九条 for the right to choose: the writer cited the right article too.
        if any(_article(p) == _article(m.suggest or "") or set(triggers) & set(data.coverage(p)) for p in c.partners):
            continue
        return c.result("misread", _said(m.correction, c.lang), suggest=m.suggest)
    return None


def _contradiction(c: _Citation) -> Result | None:
    """6. A number the article states otherwise, or a denial of what it grants."""
    for contradiction in (figure_contradiction, grant_contradiction):
        hit = contradiction(c.key, c.claim.evidence, c.claim.context, c.data)
        if hit is not None:
            return c.result("misread", hit(c.lang))
    return None


def _own_quote(c: _Citation) -> Result | None:
    """7. A quotation of the article's own words."""
    return c.result("ok", _OWN_WORDS(c.lang)) if _article(c.key) in c.quoted_articles else None


def _covered(c: _Citation) -> Result | None:
    """8. The claim touches what the article covers."""
    covered = [x for x in c.concepts if c.coverage.get(x, 0.0) > 0]
    if not covered:
        return None
    names = c.names(covered)
    return c.result("ok", pick(c.lang, f"主张涉及{names}，与本条内容相符。",
                               f"The claim is about {names}, which this article covers."))


def _covered_by_partner(c: _Citation) -> Result | None:
    """8. … or what a citation in the same group covers."""
    for other in c.others:
        if other.key and other.problem is None:
            theirs = [x for x in c.concepts if c.data.coverage(other.key).get(x, 0.0) > 0]
            if theirs:
                label, names = c.label(other.key), c.names(theirs)
                return c.result("ok", pick(c.lang, f"与同处引用的{label}一并引用，后者涵盖{names}。",
                                           f"Cited together with {label}, which covers {names}."))
    return None


def _weak(c: _Citation) -> Result | None:
    """10. No claim recognised, or only weak hints: ok, saying that nothing was checked."""
    if c.strong:
        return None
    if not c.concepts:
        return c.result("ok", _NO_CLAIM(c.lang), checked=False)
    names = c.names(list(c.concepts))
    return c.result("ok", pick(c.lang, f"上下文只隐约提到{names}，不足以判断引用不当，未判为错误。",
                               f"The text only hints at {names}; too little to say the citation is wrong, so not "
                               "flagged."), checked=False)


def _said_elsewhere(c: _Citation) -> Result | None:
    """9. … unless the sentence also plainly names what the article covers."""
    # Which words of a sentence belong to which citation is a reading, not a certainty: where the
    # sentence also speaks, plainly, of what this article does cover, do not call it wrong.
    elsewhere = [x for x, w in c.context_concepts.items() if w >= c.data.flag_at and c.coverage.get(x, 0.0) >= 0.5]
    if not elsewhere:
        return None
    names = c.names(elsewhere)
    return c.result("ok", pick(c.lang, f"本句也提到本条涵盖的{names}；引用与主张的对应关系不明确，未判为错误。",
                               f"The sentence also speaks of {names}, which this article covers; which claim the "
                               "citation supports is unclear, so not flagged."), checked=False)


def _mismatch(c: _Citation) -> Result:
    """9. The claim names, strongly, only what the article does not cover: mismatch, with the article that
    does cover it where the knowledge base has one."""
    lang, data = c.lang, c.data
    suggest = _best(c.strong, c.key, data)
    said = data.entry(c.key)
    what = _said(said.says, lang) if said else ""
    if suggest is not None:
        where = pick(lang, f"该内容见{c.label(suggest)}。", f" That is in {c.label(suggest)}.")
    elif outside := [data.concepts[x].outside_kb for x in c.strong if data.concepts[x].outside_kb]:
        where = pick(lang, f"该内容见{outside[0]['zh']}。", f" That is in {outside[0]['en']}.")
    else:
        where = _NOWHERE(lang)
    names = c.names(c.strong)
    why = pick(lang, f"主张涉及{names}，但本条规定的是：{what}。{where}",
               f"The claim is about {names}, but this article provides: {what}.{where}")
    return c.result("mismatch", why, suggest=suggest)


# The policy of the module docstring, in its order: the first check with an answer decides.
CHECKS: tuple[Check, ...] = (_unresolved, _negated, _foreign_quote, _overreach, _misread, _contradiction,
                             _own_quote, _covered, _covered_by_partner, _weak, _said_elsewhere, _mismatch)


def judge(found: Found, others: list[Found], claim: Claim, sentence: str, data: Topics, lang: str) -> Result:
    """The result for citation `found`; `others` are the citations grouped with it (消保法第八条、第九条)."""
    citation = _Citation(found, others, claim, sentence, data, lang)
    for check in CHECKS:
        result = check(citation)
        if result is not None:
            return result
    raise AssertionError("the last check always answers")  # pragma: no cover
