"""Where quotations, sentences and clauses of a Chinese text begin and end.

Citations and the claims made about them are read sentence by sentence, but a statute quoted inside
“…” has its own 。 and ；, so a quotation must never be cut. Every function returns character spans
into the original text (no normalisation), so that callers can point back at what the user wrote.
"""

from __future__ import annotations

from dataclasses import dataclass

_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
_PARENS = {"（": "）", "(": ")"}
SENTENCE_END = frozenset("。！？!?\n")
SUBSENTENCE_END = SENTENCE_END | frozenset("；;")
CLAUSE_END = frozenset("，,；;：:")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __contains__(self, pos: object) -> bool:
        return isinstance(pos, int) and self.start <= pos < self.end


def quote_spans(text: str) -> list[Span]:
    """Quotations, outermost only, from the opening mark to the closing mark inclusive.

    An opening mark without its closing mark is not a quotation (a stray “ must not swallow the rest
    of a complaint).
    """
    spans: list[Span] = []
    i = 0
    while i < len(text):
        close = _PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        j = _matching(text, i, text[i], close)
        if j is None:
            i += 1
            continue
        spans.append(Span(i, j + 1))
        i = j + 1
    return spans


def _matching(text: str, start: int, open_: str, close: str) -> int | None:
    depth = 0
    for k in range(start + 1, len(text)):
        ch = text[k]
        if ch == close and (depth == 0 or open_ == close):
            return k
        if ch == open_ and open_ != close:
            depth += 1
        elif ch == close:
            depth -= 1
    return None


def _inside(spans: list[Span]) -> set[int]:
    return {p for s in spans for p in range(s.start, s.end)}


def _split(text: str, start: int, end: int, stops: frozenset[str], protected: set[int]) -> list[Span]:
    out: list[Span] = []
    begin = start
    for k in range(start, end):
        if text[k] in stops and k not in protected:
            if text[begin : k + 1].strip():
                out.append(Span(begin, k + 1))
            begin = k + 1
    if begin < end and text[begin:end].strip():
        out.append(Span(begin, end))
    return out


def sentence_spans(text: str, *, split_semicolons: bool = False) -> list[Span]:
    """Sentences (ending in 。！？ or a line break), never cutting a quotation.

    With `split_semicolons`, ；also ends a unit: complaint texts often string separate claims together
    with semicolons, while a cited law stays "named" across them.
    """
    stops = SUBSENTENCE_END if split_semicolons else SENTENCE_END
    return _split(text, 0, len(text), stops, _inside(quote_spans(text)))


def paren_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Parenthesised asides （…）, innermost ignored; an unclosed one is no aside."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    i = start
    while i < end:
        close = _PARENS.get(text[i])
        j = text.find(close, i + 1, end) if close else -1
        if close and j != -1:
            spans.append(Span(i, j + 1))
            i = j + 1
        else:
            i += 1
    return spans


def clause_spans(text: str, within: Span, quotes: list[Span] | None = None) -> list[Span]:
    """Clauses of one sentence, split at ，；： — but not inside quotations or parentheses.

    `quotes` are the text's quotation spans when the caller has them already (a long text is split
    sentence by sentence; finding its quotations once is enough)."""
    quotes = quote_spans(text) if quotes is None else quotes
    inner = [q for q in quotes if q.end > within.start and q.start < within.end]
    protected = _inside(inner) | _inside(paren_spans(text, within.start, within.end))
    return _split(text, within.start, within.end, CLAUSE_END, protected)
