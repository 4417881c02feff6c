"""What a text claims about each citation in it: the words the claim is read from.

Chinese complaint texts put the claim on either side of the citation: 「依据消保法第二十四条，商家应当维修」
reads forward, 「商家强迫换购，违反了消保法第十条」 and 「选择权（消保法第九条）」 read backward. So the claim
of a group of citations (消保法第八条、第九条 share one) is looked for in this order, stopping at the first
stretch that names any concept: its own clause (only its side of it when the clause holds other
citations); the neighbouring clauses without citations, in the direction the citation reads; the other
direction. A sentence never lends words across 。！？；.

Statute quotations are not part of the writer's claim (they are the article's words; `quotes` carries
where they come from), and neither are the citations themselves (处罚办法 must not read as a penalty).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.detect import concepts
from kb.citations import Found, statute_sources
from kb.segment import Span, clause_spans, containing, paren_spans, quote_spans, sentence_spans

_FORWARD = ("根据", "依据", "依照", "按照", "参照", "基于", "援引", "依", "据", "按")
_BACKWARD = ("违反了", "违反", "违背", "侵犯了", "侵犯", "侵害了", "侵害", "不符合", "符合", "属于", "构成", "触犯",
             "参见", "详见", "见", "即")
_FILLER = ("相关规定", "之规定", "的规定", "等规定", "规定", "等", "的", "之")
_NEGATION = ("不适用", "不能适用", "不应适用", "无法适用", "不予适用", "不属于", "并非", "而非", "不是", "误引", "错引",
             "无关", "并不")
_PUNCT = " \u3000\t\n，,；;：:、。！？!?（）()“”「」『』\"'…"
_NEAR = 10  # characters either side of a citation in which a negation counts


@dataclass(frozen=True)
class Claim:
    sentence: Span  # the sentence (up to 。！？；) shown as the claim
    evidence: str  # the words the claim is read from, quotations and citations blanked out
    context: str  # the whole sentence, quotations and citations blanked out (for `unless`)
    quoted: tuple[str, ...]  # paragraph keys of statute texts quoted word for word with these citations
    negated: bool  # the writer says the article does not apply


@dataclass(frozen=True)
class _Group:
    start: int
    end: int


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans blanked (line breaks kept, so sentences stay where they were)."""
    out: list[str] = []
    at = 0
    for a, b in sorted(spans):
        a = max(a, at)
        if a >= b:
            continue
        out.append(text[at:a])
        out.append(re.sub(r"[^\n]", " ", text[a:b]))
        at = b
    out.append(text[at:])
    return "".join(out)


def _strip_filler(text: str) -> str:
    text = text.strip(_PUNCT)
    changed = True
    while changed and text:
        changed = False
        for f in _FILLER:
            if text.startswith(f):
                text, changed = text[len(f) :].strip(_PUNCT), True
    return text


@dataclass(frozen=True)
class _Text:
    """The text as the claims are read from it: its quotations and sentences found once, with the starts
    that `bisect` and `containing` search."""

    text: str
    masked: str  # statute quotations and citations blanked out
    quotes: list[Span]
    quote_starts: list[int]
    statute_quotes: list[tuple[Span, tuple[str, ...]]]  # each with the keys it quotes word for word
    statute_starts: list[int]
    sentences: list[Span]
    sentence_starts: list[int]


@dataclass(frozen=True)
class _Clauses:
    """One sub-sentence (up to ；) with citations in it: its clauses and which groups sit in which."""

    clauses: list[Span]
    parens: list[Span]
    paren_starts: list[int]
    where: dict[int, int]  # group → its clause
    by_clause: dict[int, list[_Group]]  # the groups of each clause, in order
    rank: dict[int, int]  # group → its place among them


def claims(text: str, found: list[Found]) -> dict[int, Claim]:
    """The claim for every citation group in `found` (group number → Claim)."""
    t = _read(text, found)
    groups: dict[int, _Group] = {}
    for f in found:
        g = groups.get(f.group)
        groups[f.group] = _Group(f.start, f.end) if g is None else _Group(min(g.start, f.start), max(g.end, f.end))
    out: dict[int, Claim] = {}
    ordered = sorted(groups.items(), key=lambda x: x[1].start)
    starts = [g.start for _, g in ordered]
    for sub in sentence_spans(text, split_semicolons=True, quotes=t.quotes):
        here = ordered[bisect.bisect_left(starts, sub.start) : bisect.bisect_left(starts, sub.end)]
        if here:
            out.update(_sub_claims(t, sub, here))
    return out


def _read(text: str, found: list[Found]) -> _Text:
    all_quotes = quote_spans(text)
    statute_quotes = []
    for q in all_quotes:
        sources = statute_sources(text[q.start + 1 : q.end - 1])
        if sources:
            statute_quotes.append((q, tuple(sources)))
    masked = _blank(text, [(q.start, q.end) for q, _ in statute_quotes] + [(f.start, f.end) for f in found])
    sentences = sentence_spans(text, quotes=all_quotes)
    return _Text(text, masked, all_quotes, [q.start for q in all_quotes], statute_quotes,
                 [q.start for q, _ in statute_quotes], sentences, [s.start for s in sentences])


def _clauses(t: _Text, sub: Span, here: list[tuple[int, _Group]]) -> _Clauses:
    clauses = clause_spans(t.text, sub, t.quotes, t.quote_starts) or [sub]
    parens = paren_spans(t.text, sub.start, sub.end)
    clause_starts = [c.start for c in clauses]
    where = {gid: max(0, containing(clauses, g.start, clause_starts)) for gid, g in here}
    by_clause: dict[int, list[_Group]] = {}
    rank: dict[int, int] = {}
    for gid, g in here:
        rank[gid] = len(by_clause.setdefault(where[gid], []))
        by_clause[where[gid]].append(g)
    return _Clauses(clauses, parens, [p.start for p in parens], where, by_clause, rank)


def _sub_claims(t: _Text, sub: Span, here: list[tuple[int, _Group]]) -> dict[int, Claim]:
    """The claims of the groups in one sub-sentence."""
    layout = _clauses(t, sub, here)
    sentence = t.sentences[max(0, containing(t.sentences, sub.start, t.sentence_starts))]
    context = t.masked[sentence.start : sentence.end]
    lo, hi = bisect.bisect_left(t.statute_starts, sub.start), bisect.bisect_left(t.statute_starts, sub.end)
    owned = _owners(t.statute_quotes[lo:hi], here)
    cited_clauses = set(layout.where.values())
    out = {}
    for gid, g in here:
        ci = layout.where[gid]
        clause = layout.clauses[ci]
        mates = layout.by_clause[ci]
        pos = layout.rank[gid]
        before = Span(mates[pos - 1].end if pos > 0 else clause.start, g.start)
        after = Span(g.end, mates[pos + 1].start if pos + 1 < len(mates) else clause.end)
        k = containing(layout.parens, g.start, layout.paren_starts)
        forward = _reads_forward(t.text, before, after, in_paren=k >= 0 and layout.parens[k].start < g.start)
        own = [clause] if len(mates) == 1 else ([after, before] if forward else [before, after])
        ahead = _run(layout.clauses, ci, +1, cited_clauses)
        behind = _run(layout.clauses, ci, -1, cited_clauses)
        near = t.masked[max(clause.start, g.start - _NEAR) : min(clause.end, g.end + _NEAR)]
        out[gid] = Claim(
            sentence=sub,
            evidence=_first_with_concepts(t.masked, [*own, *([ahead, behind] if forward else [behind, ahead])]),
            context=context,
            quoted=tuple(owned.get(gid, ())),
            negated=any(n in near for n in _NEGATION),
        )
    return out


def _reads_forward(text: str, before: Span, after: Span, in_paren: bool) -> bool:
    """依据…第X条，<claim> reads forward; <claim>，违反…第X条 / <claim>（第X条） / a citation ending its
    clause reads backward."""
    before_text = text[before.start : before.end].strip(_PUNCT)
    if before_text.endswith(_FORWARD):
        return True
    return not (in_paren or before_text.endswith(_BACKWARD) or not _strip_filler(text[after.start : after.end]))


def _first_with_concepts(masked: str, spans: list[Span | None]) -> str:
    for span in spans:
        if span is not None and concepts(masked[span.start : span.end]):
            return masked[span.start : span.end]
    return ""


def _run(clauses: list[Span], ci: int, step: int, cited: set[int]) -> Span | None:
    """The uncited clauses next to clause `ci` in one direction, up to the next clause with a citation."""
    k = ci + step
    first = last = None
    while 0 <= k < len(clauses) and k not in cited:
        first = first if first is not None else k
        last = k
        k += step
    if first is None or last is None:
        return None
    a, b = sorted((first, last))
    return Span(clauses[a].start, clauses[b].end)


def _owners(statute_quotes: list[tuple[Span, tuple[str, ...]]], here: list[tuple[int, _Group]]) -> dict[int, list[str]]:
    """Sources of the statute quotations of one sentence, by the group they belong to: a quotation belongs
    to the nearest citation before it in the sentence (「第二十四条规定：“……”」), or the first one after it."""
    starts = [g.start for _, g in here]
    out: dict[int, list[str]] = {}
    for q, sources in statute_quotes:
        k = bisect.bisect_left(starts, q.start) - 1
        owner = here[max(k, 0)][0]
        out.setdefault(owner, []).extend(sources)
    return out
