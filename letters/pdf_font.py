"""An embeddable Chinese font for the PDF, made from the packaged Noto Serif SC.

A PDF that names a font without embedding it (reportlab's STSong-Light CID font) shows blank boxes in
readers that lack Adobe's Chinese fonts — poppler, for one, measured here. So the letter embeds its
font. reportlab embeds only TrueType outlines and the packaged Noto fonts are CFF (PostScript), so we
subset the font to the characters of this one letter (a few hundred glyphs) and convert those glyphs'
cubic outlines to TrueType quadratics with fontTools. Deterministic, offline, about a second.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import newTable

_MAXP_ZERO = ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints", "maxContours",
              "maxCompositePoints", "maxCompositeContours", "maxComponentDepth")


def source_font() -> Path:
    import pylopdf_fonts_zh_cn

    sans = Path(pylopdf_fonts_zh_cn.sans_path())
    serif = sans.with_name("NotoSerifSC-Regular.otf")
    return serif if serif.exists() else sans


def truetype_subset(text: str) -> bytes:
    """A TrueType font holding the glyphs of `text` (plus digits and basic punctuation)."""
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.layout_features = []
    opts.hinting = False
    opts.desubroutinize = True
    font = subset.load_font(str(source_font()), opts)
    sub = subset.Subsetter(opts)
    sub.populate(text=text + "0123456789.,:;()[]-—·“”「」《》（）、，。：；？！ ")
    sub.subset(font)
    # reportlab keeps one face per PostScript name: two subsets both named NotoSerifSC-Regular in one
    # process (the web server, `ask` drafting both documents) drew the second letter with the first's
    # glyphs, blanks where it had none. A name per character set keeps them apart, and stays deterministic.
    ps_name = "WeiquanSerif-" + hashlib.sha1("".join(sorted(set(text))).encode("utf-8")).hexdigest()[:12]
    for record in font["name"].names:
        if record.nameID == 6:
            record.string = ps_name

    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    for g in glyphs.values():
        g.recalcBounds(glyf)
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in _MAXP_ZERO:
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()
