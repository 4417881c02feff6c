"""The letter as a Word document that Word and WPS both show in a Chinese font.

python-docx sets only the Latin font name; East Asian text takes the font named in `w:eastAsia`, which
must be set on every style and run we write, or Word falls back to a font that may lack the glyphs.
Core properties and the zip entries' timestamps are pinned to the letter's date so the same case gives the
same bytes (python-docx stamps each zip entry with the current time).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from letters.markup import blocks, spans

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


def to_docx(md: str, *, title: str, author: str, day: dt.date) -> bytes:
    doc = Document()
    _font(doc.styles["Normal"], *BODY_FONT, 12)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        _font(doc.styles[name], *HEAD_FONT)
    for b in blocks(md):
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
