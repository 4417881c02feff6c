"""The letter as a PDF, with its Chinese font embedded (letters/pdf_font.py) so every reader shows it.

One regular face, so emphasis is carried by size. `invariant` pins the document's dates and id: the same
case gives the same bytes. A4, with "第 N 页 共 M 页" at the foot of every page (issue 13 item 7): the total
is known only when the story is laid out, so the canvas keeps each page until the end and numbers them
then. Lines break by the Chinese rules (letters/pdf_wrap.py).
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import HRFlowable, KeepTogether, SimpleDocTemplate, Spacer

from letters.markup import blocks, plain, sign_off
from letters.pdf_font import truetype_subset
from letters.pdf_wrap import CJKParagraph
from letters.phrases import PAGE_OF


def _numbered(font: str, label: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds every page until save(), then draws the page number and the total on each."""

        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - reportlab's signature
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 9)
                self.setFillColor("#555555")
                self.drawCentredString(A4[0] / 2, 12 * mm, label.format(n=self._pageNumber, m=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, wordWrap="CJK", spaceAfter=6)
    return {
        "h1": ParagraphStyle("h1", parent=base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=12),
        "h2": ParagraphStyle("h2", parent=base, fontSize=14, leading=22, spaceBefore=8),
        "h3": ParagraphStyle("h3", parent=base, fontSize=12, leading=20, spaceBefore=4),
        "p": base,
        "quote": ParagraphStyle("quote", parent=base, fontSize=10.5, leftIndent=8 * mm, textColor="#333333"),
        "ol": ParagraphStyle("ol", parent=base, leftIndent=7 * mm, firstLineIndent=-7 * mm, spaceAfter=3),
        "ul": ParagraphStyle("ul", parent=base, leftIndent=7 * mm, firstLineIndent=-5 * mm, spaceAfter=3),
    }


class MissingGlyphs(ValueError):
    """Characters the embedded font cannot draw: they would print as empty boxes (☒) in the letter."""

    def __init__(self, chars: list[str]) -> None:
        super().__init__("".join(chars))
        self.chars = chars


def _require_glyphs(text: str, font: bytes) -> None:
    from fontTools.ttLib import TTFont as _Font

    cmap = _Font(io.BytesIO(font)).getBestCmap()
    missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmap})
    if missing:
        raise MissingGlyphs(missing)


def _sign_off_together(items: list, flows: list[list]) -> list:
    """The story, with the closing's flowables in one KeepTogether (markup.sign_off); `flows` holds each
    block's flowables."""
    keep = sign_off(items)
    if keep:
        closing = [f for fl in flows[keep.start:keep.stop] for f in fl]
        flows = [*flows[:keep.start], [KeepTogether(closing)], *flows[keep.stop:]]
    return [f for fl in flows for f in fl]


def to_pdf(md: str, *, title: str, author: str, lang: str = "zh") -> bytes:
    items = blocks(md)
    label = PAGE_OF(lang)
    text = "".join(plain(b.text) for b in items) + title + author + label
    data = truetype_subset(text)
    _require_glyphs(text, data)
    import hashlib

    font = "WeiquanSerif-" + hashlib.sha1(data).hexdigest()[:10]  # one registration per distinct subset
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, io.BytesIO(data)))
    styles = _styles(font)
    flows: list[list] = []
    for b in items:
        if b.kind == "hr":
            flows.append([Spacer(1, 4), HRFlowable(width="100%", thickness=0.5, color="#999999"), Spacer(1, 4)])
            continue
        text = escape(plain(b.text))
        if b.kind == "ol":
            text = f"{b.number}. {text}"
        elif b.kind == "ul":
            text = f"· {text}"
        flows.append([CJKParagraph(text, styles[b.kind])])
    story = _sign_off_together(items, flows)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=title, author=author, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=22 * mm, bottomMargin=22 * mm, invariant=1)
    doc.build(story, canvasmaker=_numbered(font, label))
    return buf.getvalue()
