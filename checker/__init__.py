"""The citation checker: does each article a text cites say what the text claims it says?

Complaint drafts that circulate online cite 消保法第八条 for the right to choose (it is the right to
know), call 第二十四条 defective-product liability, or read 产品质量法第四十一条 as free repair after the
warranty. `check_text` finds every citation of the laws in the knowledge base, reads the claim around
it and answers ok / mismatch / misread / overreach / unknown — or unnamed for a bare 第十条 with no law
near it — from the topics, known misreadings and over-readings kept as data in `kb/statutes/topics.yaml`.
Letters drafted by weiquan are expected to pass it. It runs in time linear in the text (see kb/segment.py
and bench/check_speed.py): a draft may be pasted from anywhere, at any length.
"""

from __future__ import annotations

from checker.claims import claims
from checker.judge import RESULTS, Result, judge
from checker.topics import topics
from kb.citations import Found, find_citations

__all__ = ["RESULTS", "Result", "check_text"]

_PARTNERS = 8


def check_text(text: str, lang: str = "zh") -> list[Result]:
    """Every citation in `text`, in order of appearance, with its result (`lang`: zh | en)."""
    data = topics()
    found = find_citations(text)
    by_group = claims(text, found)
    members: dict[int, list[Found]] = {}
    for f in found:
        members.setdefault(f.group, []).append(f)
    rank = {id(f): n for group in members.values() for n, f in enumerate(group)}
    out = []
    for f in found:
        claim = by_group[f.group]
        sentence = text[claim.sentence.start : claim.sentence.end].strip()
        group, n = members[f.group], rank[id(f)]
        # the citations cited with this one; the nearest few are enough (a list of thousands is no claim)
        others = group[max(0, n - _PARTNERS) : n] + group[n + 1 : n + 1 + _PARTNERS]
        out.append(judge(f, others, claim, sentence, data, lang))
    return out
