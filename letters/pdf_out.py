"""The letter as a PDF, with its Chinese font embedded (letters/pdf_font.py) so every reader shows it.

One regular face, so emphasis is carried by size. `invariant` pins the document's dates and id: the same
case gives the same bytes.
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
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer

from letters.markup import blocks, plain
from letters.pdf_font import truetype_subset


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


def to_pdf(md: str, *, title: str, author: str) -> bytes:
    items = blocks(md)
    text = "".join(plain(b.text) for b in items) + title + author
    data = truetype_subset(text)
    _require_glyphs(text, data)
    import hashlib

    font = "WeiquanSerif-" + hashlib.sha1(data).hexdigest()[:10]  # one registration per distinct subset
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, io.BytesIO(data)))
    styles = _styles(font)
    story = []
    for b in items:
        if b.kind == "hr":
            story += [Spacer(1, 4), HRFlowable(width="100%", thickness=0.5, color="#999999"), Spacer(1, 4)]
            continue
        text = escape(plain(b.text))
        if b.kind == "ol":
            text = f"{b.number}. {text}"
        elif b.kind == "ul":
            text = f"· {text}"
        story.append(Paragraph(text, styles[b.kind]))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=title, author=author, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=22 * mm, bottomMargin=22 * mm, invariant=1)
    doc.build(story)
    return buf.getvalue()
