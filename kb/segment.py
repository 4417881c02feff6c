"""Where quotations, sentences and clauses of a Chinese text begin and end.

Citations and the claims made about them are read sentence by sentence, but a statute quoted inside
“…” has its own 。 and ；, so a quotation must never be cut. Every function returns character spans
into the original text (no normalisation), so that callers can point back at what the user wrote.

A draft pasted from anywhere may be megabytes long or hostile (16,000 “ in a row, no 。 at all), so every
function here runs in time linear in the text: marks are matched once with stacks, membership is
answered by bisection over sorted spans, never by re-scanning, and a sentence is never longer than
`MAX_SENTENCE` characters, which bounds what the readers of one sentence can spend on it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
_MARKS = re.compile("[“”「」『』‘’\"]")
_PARENS = {"（": "）", "(": ")"}
_PAREN_MARKS = re.compile("[（）()]")
SENTENCE_END = frozenset("。！？!?\n")
SUBSENTENCE_END = SENTENCE_END | frozenset("；;")
CLAUSE_END = frozenset("，,；;：:")
_STOPS = {stops: re.compile("[" + re.escape("".join(sorted(stops))) + "]")
          for stops in (SENTENCE_END, SUBSENTENCE_END, CLAUSE_END)}
# A sentence longer than this is cut (a statute paragraph is under 1,000 characters): a text without 。
# must not become one sentence that every citation in it reads whole.
MAX_SENTENCE = 3000
# An opening mark whose closing mark was lost in an ellipsis (“……规定的“……判断。”) still opens the
# quotation when the next mark, this close and on the same line, opens a complete one.
_LOST_CLOSE_REACH = 200


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __contains__(self, pos: object) -> bool:
        return isinstance(pos, int) and self.start <= pos < self.end


def _partners(text: str) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """Every quotation mark (position, mark) in order, and for each opening mark its matching closing
    mark: nested marks of the same kind are counted, `"` pairs with the next `"`."""
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text)]
    stacks: dict[str, list[int]] = {o: [] for o in _PAIRS if o != '"'}
    closes = {c: o for o, c in _PAIRS.items() if o != c}
    partner: dict[int, int] = {}
    pending_straight: int | None = None
    for pos, ch in marks:
        if ch == '"':
            if pending_straight is None:
                pending_straight = pos
            else:
                partner[pending_straight], pending_straight = pos, None
        elif ch in stacks:
            stacks[ch].append(pos)
        elif stacks[closes[ch]]:
            partner[stacks[closes[ch]].pop()] = pos
    return marks, partner


def quote_spans(text: str) -> list[Span]:
    """Quotations, outermost only, from the opening mark to the closing mark inclusive.

    An opening mark without its closing mark is not a quotation (a stray “ must not swallow the rest
    of a complaint) — unless the very next mark, within `_LOST_CLOSE_REACH` characters on the same
    line, opens a complete quotation of the same kind: then the inner closing mark was lost (a nested
    quotation cut short by an ellipsis) and the two are one quotation.
    """
    marks, partner = _partners(text)
    spans: list[Span] = []
    after = 0
    for n, (pos, ch) in enumerate(marks):
        if pos < after or ch not in _PAIRS:
            continue
        end = partner.get(pos)
        if end is None and n + 1 < len(marks):
            nxt, nch = marks[n + 1]
            if nch == ch and nxt in partner and nxt - pos <= _LOST_CLOSE_REACH and "\n" not in text[pos:nxt]:
                end = partner[nxt]
        if end is None:
            continue
        spans.append(Span(pos, end + 1))
        after = end + 1
    return spans


class _Cover:
    """Positions covered by some of several lists of sorted, non-overlapping spans, by bisection."""

    def __init__(self, *lists: Sequence[Span]) -> None:
        self._lists = [(list(spans), [s.start for s in spans]) for spans in lists]

    def __contains__(self, pos: int) -> bool:
        for spans, starts in self._lists:
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0 and pos < spans[i].end:
                return True
        return False


def _split(text: str, start: int, end: int, stops: frozenset[str], protected: _Cover,
           limit: int | None = None) -> list[Span]:
    out: list[Span] = []
    begin = start

    def emit(a: int, b: int) -> None:
        while limit is not None and b - a > limit:
            if text[a : a + limit].strip():
                out.append(Span(a, a + limit))
            a += limit
        if text[a:b].strip():
            out.append(Span(a, b))

    for m in _STOPS[stops].finditer(text, start, end):
        k = m.start()
        if k not in protected:
            emit(begin, k + 1)
            begin = k + 1
    if begin < end:
        emit(begin, end)
    return out


def sentence_spans(text: str, *, split_semicolons: bool = False, quotes: list[Span] | None = None) -> list[Span]:
    """Sentences (ending in 。！？ or a line break), never cutting a quotation (but never longer than
    `MAX_SENTENCE`).

    With `split_semicolons`, ；also ends a unit: complaint texts often string separate claims together
    with semicolons, while a cited law stays "named" across them.
    """
    stops = SUBSENTENCE_END if split_semicolons else SENTENCE_END
    quotes = quote_spans(text) if quotes is None else quotes
    return _split(text, 0, len(text), stops, _Cover(quotes), MAX_SENTENCE)


def containing(spans: Sequence[Span], pos: int, starts: Sequence[int] | None = None) -> int:
    """The index of the span (sorted, non-overlapping) that holds `pos`, else -1; `starts` are the
    spans' starts when the caller keeps them."""
    starts = [s.start for s in spans] if starts is None else starts
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < spans[i].end else -1


def paren_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Parenthesised asides （…）, innermost ignored; an unclosed one is no aside."""
    end = len(text) if end is None else end
    marks = [(m.start(), m.group()) for m in _PAREN_MARKS.finditer(text, start, end)]
    closes = {c: [p for p, ch in marks if ch == c] for c in _PARENS.values()}
    spans: list[Span] = []
    after = start
    for pos, ch in marks:
        if pos < after or ch not in _PARENS:
            continue
        later = closes[_PARENS[ch]]
        k = bisect.bisect_right(later, pos)
        if k < len(later):
            spans.append(Span(pos, later[k] + 1))
            after = later[k] + 1
    return spans


def within(spans: Sequence[Span], start: int, end: int, starts: Sequence[int] | None = None) -> list[Span]:
    """The spans (sorted, non-overlapping) that overlap start..end."""
    starts = [s.start for s in spans] if starts is None else starts
    i = max(0, bisect.bisect_right(starts, start) - 1)
    j = bisect.bisect_left(starts, end)
    return [s for s in spans[i:j] if s.end > start]


def clause_spans(text: str, sentence: Span, quotes: list[Span] | None = None,
                 quote_starts: Sequence[int] | None = None) -> list[Span]:
    """Clauses of one sentence, split at ，；： — but not inside quotations or parentheses.

    `quotes` are the text's quotation spans when the caller has them already (a long text is split
    sentence by sentence; finding its quotations once is enough), `quote_starts` their starts."""
    quotes = quote_spans(text) if quotes is None else quotes
    inner = within(quotes, sentence.start, sentence.end, quote_starts)
    protected = _Cover(inner, paren_spans(text, sentence.start, sentence.end))
    return _split(text, sentence.start, sentence.end, CLAUSE_END, protected)
