"""The letter as a Word document that Word and WPS both show in a Chinese font.

python-docx sets only the Latin font name; East Asian text takes the font named in `w:eastAsia`, which
must be set on every style and run we write, or Word falls back to a font that may lack the glyphs.
Core properties and the zip entries' timestamps are pinned to the letter's date so the same case gives the
same bytes (python-docx stamps each zip entry with the current time).

Like the pdf (issue 13 item 7): A4 with the pdf's margins (python-docx's template is US Letter), "第 N 页
共 M 页" in the footer from Word's PAGE and NUMPAGES fields, and the East Asian line-breaking rules on —
the document's language zh-CN, kinsoku on every paragraph, and the characters that may not start or end a
line named in the settings, so Word and WPS never leave `（` at a line's end.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from letters.markup import blocks, sign_off, spans
from letters.phrases import PAGE_OF

# What may not start / end a line (Word's own zh-CN defaults, with the marks a letter uses).
NO_BREAK_BEFORE = "!%),.:;?]}¢°·’\"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？！］｝～》」』】〉”"
NO_BREAK_AFTER = "$(£¥·‘\"〈《「『【〔〖〝﹙﹛＄（．［｛￡￥“"
BODY_FONT = ("SimSun", "宋体")
HEAD_FONT = ("SimHei", "黑体")


def _font(target, latin: str, east: str, size: float | None = None) -> None:  # noqa: ANN001 - a style or run
    target.font.name = latin
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), east if attr == "w:eastAsia" else latin)
    if size:
        target.font.size = Pt(size)


def _runs(paragraph, text: str, latin: str, east: str, size: float, bold: bool = False) -> None:  # noqa: ANN001
    for chunk, b, i in spans(text):
        run = paragraph.add_run(chunk)
        _font(run, latin, east, size)
        run.bold = bold or b
        run.italic = i


def _el(tag: str, **attrs: str):  # noqa: ANN202 - an lxml element
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def _field(paragraph, code: str) -> None:  # noqa: ANN001 - a python-docx paragraph
    """A Word field (PAGE, NUMPAGES) that Word and WPS fill in when they lay the document out."""
    run = paragraph.add_run()
    _font(run, *BODY_FONT, 9)
    run._r.append(_el("w:fldChar", **{"w:fldCharType": "begin"}))
    run._r.append(instr := _el("w:instrText", **{"xml:space": "preserve"}))
    instr.text = f" {code} "
    run._r.append(_el("w:fldChar", **{"w:fldCharType": "separate"}))
    run._r.append(text := _el("w:t"))
    text.text = "1"
    run._r.append(_el("w:fldChar", **{"w:fldCharType": "end"}))


def _page_setup(doc, lang: str) -> None:  # noqa: ANN001 - a python-docx Document
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(22)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, rest = PAGE_OF(lang).split("{n}")
        middle, after = rest.split("{m}")
        for piece, code in ((before, "PAGE"), (middle, "NUMPAGES"), (after, None)):
            if piece:
                _font(footer.add_run(piece), *BODY_FONT, 9)
            if code:
                _field(footer, code)
    settings = doc.settings.element
    # The schema's order: after w:characterSpacingControl / w:strictFirstAndLastChars, before the rest.
    anchor = settings.find(qn("w:savePreviewPicture"))
    if anchor is None:
        anchor = settings.find(qn("w:compat"))
    for el in (_el("w:noLineBreaksAfter", **{"w:lang": "zh-CN", "w:val": NO_BREAK_AFTER}),
               _el("w:noLineBreaksBefore", **{"w:lang": "zh-CN", "w:val": NO_BREAK_BEFORE})):
        if anchor is None:
            settings.append(el)
        else:
            anchor.addprevious(el)


def _east_asian(style) -> None:  # noqa: ANN001 - a python-docx style
    """zh-CN as the East Asian language and kinsoku on: Word applies the line-breaking rules above."""
    rpr = style.element.get_or_add_rPr()
    rpr.append(_el("w:lang", **{"w:val": "zh-CN", "w:eastAsia": "zh-CN"}))
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:kinsoku", "w:overflowPunct", "w:autoSpaceDE", "w:autoSpaceDN"):
        ppr.append(_el(tag, **{"w:val": "1"}))


def to_docx(md: str, *, title: str, author: str, day: dt.date, lang: str = "zh") -> bytes:
    doc = Document()
    _font(doc.styles["Normal"], *BODY_FONT, 12)
    _east_asian(doc.styles["Normal"])
    _page_setup(doc, lang)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        _font(doc.styles[name], *HEAD_FONT)
    items = blocks(md)
    keep = sign_off(items)
    for i, b in enumerate(items):
        if b.kind == "h1":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _runs(p, b.text, *HEAD_FONT, 18, bold=True)
        elif b.kind in ("h2", "h3"):
            p = doc.add_heading(level=1 if b.kind == "h2" else 2)
            _runs(p, b.text, *HEAD_FONT, 14 if b.kind == "h2" else 12, bold=True)
        elif b.kind == "quote":
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Pt(24)
            _runs(p, b.text, "KaiTi", "楷体", 11)
        elif b.kind in ("ol", "ul"):
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Pt(18)
            p.paragraph_format.first_line_indent = Pt(-18)
            _runs(p, (f"{b.number}. " if b.kind == "ol" else "· ") + b.text, *BODY_FONT, 12)
        elif b.kind == "hr":
            doc.add_paragraph("—" * 20)
        else:
            p = doc.add_paragraph()
            _runs(p, b.text, *BODY_FONT, 12)
            if i + 1 in keep:  # the closing on one page, as in the pdf
                p.paragraph_format.keep_with_next = True
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    stamp = dt.datetime(day.year, day.month, day.day)
    props.created = props.modified = stamp
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _pin_zip_times(buf.getvalue(), (day.year, day.month, day.day, 0, 0, 0))


def _pin_zip_times(data: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
