"""Chinese line breaking for the PDF: the rules reportlab's CJK wrap leaves out.

reportlab (5.1, `wordWrap='CJK'`) keeps a character that may not start a line (，。）」 …) on the line
before, but it will end a line with an opening bracket or quotation mark (（ “ 《), and it breaks inside a
Latin word or a number (an order number split over two lines). A letter with `（` at a line's end looks
careless (issue 13 item 7), so single-run paragraphs — all the letter's paragraphs are plain text — are
broken here: greedy, one hanging closing mark at most, an opening mark carried to the next line, Latin
words and numbers kept whole when they fit on a line.
"""

from __future__ import annotations

import re

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

# A run that must not be split: Latin letters, digits and the marks inside numbers, dates and codes.
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%_\-+@#]*[A-Za-z0-9%]|[A-Za-z0-9]|.", re.S)
_FUZZ = 1e-6
# reportlab's tables are Japanese: they miss the Chinese full-width ，；：！？ and the closing quotes.
CANNOT_START = frozenset(ALL_CANNOT_START) | frozenset("，；：！？”’》」』】〕）〉")
CANNOT_END = frozenset(ALL_CANNOT_END) | frozenset("（“‘《「『【〔〈")


def kinsoku_split(text: str, max_widths: list[float], font: str, size: float) -> list[list]:
    """Lines as reportlab's `wordSplit` returns them: [extra space, line text]."""
    units = _UNIT.findall(text)
    widths = [stringWidth(u, font, size) for u in units]
    lines: list[list] = []
    start, n = 0, len(units)
    while start < n:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        used, i = 0.0, start
        while i < n and used + widths[i] <= limit + _FUZZ:
            used += widths[i]
            i += 1
        if i == start:  # a unit wider than the line: it goes alone
            i += 1
        elif i < n:
            if units[i] in CANNOT_START and (i + 1 >= n or units[i + 1] not in CANNOT_START):
                i += 1  # hang one closing mark in the margin
            else:  # back off until the next line starts with no closing mark and this one ends with no opening
                while i - start > 1 and (units[i] in CANNOT_START or units[i - 1] in CANNOT_END):
                    i -= 1
        line = "".join(units[start:i])
        lines.append([limit - stringWidth(line, font, size), line])
        start = i
    return lines


class CJKParagraph(Paragraph):
    """A Paragraph whose plain-text lines follow the Chinese line-breaking rules above."""

    def breakLinesCJK(self, maxWidths):  # noqa: ANN001, ANN201, N802, N803 - reportlab's signature
        frags = self.frags
        if len(frags) != 1 or hasattr(frags[0], "cbDefn") or self.style.endDots or not hasattr(frags[0], "text"):
            return super().breakLinesCJK(maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return frags[0].clone(kind=0, lines=self.blPara.lines)
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        self.height = 0
        f = frags[0]
        lines = kinsoku_split(f.text, list(maxWidths), f.fontName, f.fontSize)
        return f.clone(kind=0, lines=[(sp, [line]) for sp, line in lines], ascent=f.fontSize,
                       descent=-0.2 * f.fontSize)
