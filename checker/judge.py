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

from dataclasses import dataclass
from typing import Any

from checker.claims import Claim
from checker.detect import concepts, mentions
from checker.figures import figure_contradiction, grant_contradiction
from checker.overreach import overreach
from checker.topics import Topics
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
    return f"{c.short_label} ({key})" if lang == "en" else c.short_label


def _article(key: str) -> str:
    return ":".join(key.split(":")[:2])


def _names(ids: list[str], data: Topics, lang: str) -> str:
    if lang == "en":
        return ", ".join(data.concepts[c].en for c in ids)
    return "".join(f"「{data.concepts[c].zh}」" for c in ids)


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
    en = lang == "en"
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
    if en:
        why = f"{found.problem.en}; the citation is wrong."
        if suggest:
            why += f" The claim is in {_label(suggest, lang)}."
    else:
        why = f"{found.problem.zh}，引用有误。"
        if suggest:
            why += f"该内容见{_label(suggest, lang)}。"
    return Result(found.text, key, sentence, "mismatch", entry.says["en" if en else "zh"] if entry else None, suggest,
                  why, found.start, found.end)


def judge(found: Found, others: list[Found], claim: Claim, sentence: str, data: Topics, lang: str) -> Result:
    """The result for citation `found`; `others` are the citations grouped with it (消保法第八条、第九条)."""
    en = lang == "en"

    def result(kind: str, why: str, suggest: str | None = None, checked: bool = True) -> Result:
        says = None
        if found.key is not None and found.problem is None:
            entry = data.entry(found.key)
            says = entry.says["en" if en else "zh"] if entry else None
        return Result(found.text, found.key, sentence, kind, says, suggest, why, found.start, found.end, checked)

    if found.problem is not None and found.problem.kind in _NO_SUCH and found.key is not None:
        return _no_such(found, claim, sentence, data, lang)
    if found.problem is not None and found.problem.kind == "no_law":
        return result("unnamed", found.problem.message(lang) + ("." if en else "。"), checked=False)
    if found.problem is not None or found.key is None:
        reason = found.problem.message(lang) if found.problem else ""
        if found.problem is not None and found.problem.kind == "no_such_article":
            tail = "; nothing to check." if en else "；无从核对。"
        else:
            tail = ("; it cannot be checked, which does not mean it is wrong." if en
                    else "；无法核对，这不表示引用有误。")
        return result("unknown", reason + tail, checked=False)
    key = found.key
    if claim.negated:
        return result("ok", "The text says this article does not apply here; not checked." if en
                      else "文中表示本条不适用或并非所指，未作核对。", checked=False)

    quoted_articles = {_article(k) for k in claim.quoted}
    group_articles = {_article(key)} | {_article(o.key) for o in others if o.key}
    if quoted_articles and not quoted_articles & group_articles:
        source = sorted(claim.quoted)[0]
        why = (f"The quoted words are from {_label(source, lang)}, not from this article." if en
               else f"引号中的文字出自{_label(source, lang)}，不是本条的内容。")
        return result("mismatch", why, suggest=source)

    found_concepts = concepts(claim.evidence, data)
    context_concepts = concepts(claim.context, data)
    partners = [o.key for o in others if o.key and o.problem is None]
    over = overreach(key, claim, partners, data)
    if over is not None:
        return result("overreach", over[1].en if en else over[1].zh, suggest=over[0].suggest)
    for m in data.misreadings(key):
        triggers = [w for w in m.when if mentions(w, claim.evidence, found_concepts, data)]
        if not triggers or any(mentions(u, claim.context, context_concepts, data) for u in m.unless):
            continue
        # 消保法第八条、第九条 for the right to choose: the writer cited the right article too.
        if any(_article(p) == _article(m.suggest or "") or set(triggers) & set(data.coverage(p)) for p in partners):
            continue
        return result("misread", m.correction["en" if en else "zh"], suggest=m.suggest)

    for contradiction in (figure_contradiction, grant_contradiction):
        hit = contradiction(key, claim.evidence, claim.context, data)
        if hit is not None:
            return result("misread", hit.en if en else hit.zh)

    if _article(key) in quoted_articles:
        return result("ok", "The quotation matches the article's own words." if en else "引文与本条原文一致。")

    coverage = data.coverage(key)
    covered = [c for c in found_concepts if coverage.get(c, 0.0) > 0]
    if covered:
        return result("ok", (f"The claim is about {_names(covered, data, lang)}, which this article covers." if en
                             else f"主张涉及{_names(covered, data, lang)}，与本条内容相符。"))
    for other in others:
        if other.key and other.problem is None:
            theirs = [c for c in found_concepts if data.coverage(other.key).get(c, 0.0) > 0]
            if theirs:
                return result("ok", (f"Cited together with {_label(other.key, lang)}, which covers "
                                     f"{_names(theirs, data, lang)}." if en else
                                     f"与同处引用的{_label(other.key, lang)}一并引用，后者涵盖"
                                     f"{_names(theirs, data, lang)}。"))

    strong = [c for c, w in found_concepts.items() if w >= data.flag_at]
    if not strong:
        if found_concepts:
            return result("ok", (f"The text only hints at {_names(list(found_concepts), data, lang)}; too little "
                                 "to say the citation is wrong, so not flagged." if en else
                                 f"上下文只隐约提到{_names(list(found_concepts), data, lang)}，"
                                 "不足以判断引用不当，未判为错误。"), checked=False)
        return result("ok", ("No claim about this article was recognised nearby; not checked." if en
                             else "未在上下文中识别出对本条内容的具体主张，未作核对。"), checked=False)

    # Which words of a sentence belong to which citation is a reading, not a certainty: where the
    # sentence also speaks, plainly, of what this article does cover, do not call it wrong.
    elsewhere = [c for c, w in context_concepts.items() if w >= data.flag_at and coverage.get(c, 0.0) >= 0.5]
    if elsewhere:
        return result("ok", (f"The sentence also speaks of {_names(elsewhere, data, lang)}, which this article "
                             "covers; which claim the citation supports is unclear, so not flagged." if en else
                             f"本句也提到本条涵盖的{_names(elsewhere, data, lang)}；引用与主张的对应关系不明确，"
                             "未判为错误。"), checked=False)

    suggest = _best(strong, key, data)
    said = data.entry(key)
    what = said.says["en" if en else "zh"] if said else ""
    if suggest is not None:
        where = f" That is in {_label(suggest, lang)}." if en else f"该内容见{_label(suggest, lang)}。"
    else:
        outside = [data.concepts[c].outside_kb for c in strong if data.concepts[c].outside_kb]
        if outside:
            where = (f" That is in {outside[0]['en']}." if en else f"该内容见{outside[0]['zh']}。")
        else:
            where = " No article in the knowledge base says it." if en else "知识库中没有规定该内容的条文。"
    why = (f"The claim is about {_names(strong, data, lang)}, but this article provides: {what}.{where}" if en
           else f"主张涉及{_names(strong, data, lang)}，但本条规定的是：{what}。{where}")
    return result("mismatch", why, suggest=suggest)
