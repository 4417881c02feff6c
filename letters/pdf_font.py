"""An embeddable Chinese font for the PDF, made from the packaged Noto Serif SC.

A PDF that names a font without embedding it (reportlab's STSong-Light CID font) shows blank boxes in
readers that lack Adobe's Chinese fonts — poppler, for one, measured here. So the letter embeds its
font. reportlab embeds only TrueType outlines and the packaged Noto fonts are CFF (PostScript), so each
letter gets a TrueType font holding the glyphs of its own characters (a few hundred), their cubic
outlines converted to TrueType quadratics with fontTools.

Speed without losing determinism: the source font is opened once per process and each glyph is
converted once per process (a cache keyed by glyph name); a letter's font is then assembled with
fontTools' FontBuilder from the converted glyphs of exactly its characters, in the source font's glyph
order. What a letter's font holds depends only on the letter's text — never on which letters this
process drew before — so the same letter gives the same bytes in a batch, alone, on every run.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import io
import threading
from pathlib import Path
from typing import Any

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._g_l_y_f import Glyph


def source_font() -> Path:
    import pylopdf_fonts_zh_cn

    sans = Path(pylopdf_fonts_zh_cn.sans_path())
    serif = sans.with_name("NotoSerifSC-Regular.otf")
    return serif if serif.exists() else sans


_EXTRA = "0123456789.,:;()[]-—·“”「」《》（）、，。：；？！ "


@functools.cache
def _source() -> tuple[TTFont, dict[int, str]]:
    font = TTFont(str(source_font()), lazy=True, recalcTimestamp=False)
    return font, font.getBestCmap()


@functools.cache
def _glyph_data(name: str) -> tuple[bytes, tuple[int, int, int, int] | None, int, int]:
    """One glyph's outline as compiled TrueType quadratics, its bounds, points and contours (cached:
    converting and compiling a glyph is nearly all the cost of a letter's font)."""
    font, _ = _source()
    pen = TTGlyphPen(None)
    font.getGlyphSet()[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyph = pen.glyph()  # a simple glyph: no table is needed to measure or compile it
    glyph.recalcBounds(None)
    contours = max(glyph.numberOfContours, 0)
    bounds = (glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax) if contours else None
    points = len(glyph.coordinates) if contours else 0
    return glyph.compile(None, recalcBBoxes=False), bounds, points, contours


_LOCK = threading.Lock()  # the source font's tables load lazily, which is not safe from two threads at once


def truetype_subset(text: str) -> bytes:
    """A TrueType font holding the glyphs of `text` (plus digits and basic punctuation)."""
    with _LOCK:
        return _subset(text)


def _subset(text: str) -> bytes:
    src, cmap = _source()
    chars = sorted({ord(c) for c in text + _EXTRA} & cmap.keys())
    names = [".notdef"] + sorted({cmap[c] for c in chars} - {".notdef"}, key=src.getGlyphID)
    parts = [_glyph_data(n) for n in names]
    hmtx = src["hmtx"]
    # TrueType's left side bearing is the outline's own xMin (the converted outline, not the CFF one).
    metrics = [(hmtx[n][0], p[1][0] if p[1] else hmtx[n][1]) for n, p in zip(names, parts, strict=True)]
    inked = [(w, lsb, p[1]) for (w, lsb), p in zip(metrics, parts, strict=True) if p[1]]

    fb = FontBuilder(src["head"].unitsPerEm, isTTF=True)
    fb.font.recalcTimestamp = False
    # The bounds and maxima below come from the cached figures, so that saving does not expand (and
    # recompile) every glyph to measure it again.
    fb.font.recalcBBoxes = False
    _setup_head(fb, src["head"], inked)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({c: cmap[c] for c in chars})
    _setup_glyf(fb, names, parts)
    fb.setupHorizontalMetrics(dict(zip(names, metrics, strict=True)))
    _setup_hhea(fb, src["hhea"], metrics, inked)
    fb.font["name"] = _name_table(src, text)
    fb.font["OS/2"] = _os2_table(src, chars)
    post = src["post"]
    fb.setupPost(keepGlyphNames=False, italicAngle=post.italicAngle, underlinePosition=post.underlinePosition,
                 underlineThickness=post.underlineThickness, isFixedPitch=post.isFixedPitch)
    fb.setupMaxp()
    fb.font["maxp"].maxPoints = max((p[2] for p in parts), default=0)
    fb.font["maxp"].maxContours = max((p[3] for p in parts), default=0)
    buf = io.BytesIO()
    fb.font.save(buf)
    return buf.getvalue()


Inked = list[tuple[int, int, tuple[int, int, int, int]]]  # advance, left side bearing, bounds of the inked glyphs


def _setup_head(fb: FontBuilder, head: Any, inked: Inked) -> None:
    """The source's head table, with the bounds of this font's own glyphs."""
    fb.setupHead(unitsPerEm=head.unitsPerEm, created=head.created, modified=head.modified,
                 fontRevision=head.fontRevision, flags=head.flags, macStyle=head.macStyle,
                 lowestRecPPEM=head.lowestRecPPEM,
                 xMin=min((b[0] for _, _, b in inked), default=0), yMin=min((b[1] for _, _, b in inked), default=0),
                 xMax=max((b[2] for _, _, b in inked), default=0), yMax=max((b[3] for _, _, b in inked), default=0))


def _setup_glyf(fb: FontBuilder, names: list[str], parts: list[tuple]) -> None:
    """FontBuilder.setupGlyf, for glyphs already compiled (it would expand each one only to check that no
    cubic curve is left, which `_glyph_data` guarantees)."""
    fb.font["loca"] = newTable("loca")
    glyf = fb.font["glyf"] = newTable("glyf")
    glyf.glyphs = {n: Glyph(p[0]) for n, p in zip(names, parts, strict=True)}
    glyf.glyphOrder = names


def _setup_hhea(fb: FontBuilder, hhea: Any, metrics: list[tuple[int, int]], inked: Inked) -> None:
    """The source's vertical metrics; the horizontal extremes of this font's own glyphs."""
    fb.setupHorizontalHeader(
        ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap,
        advanceWidthMax=max(w for w, _ in metrics),
        minLeftSideBearing=min((lsb for _, lsb, _ in inked), default=0),
        minRightSideBearing=min((w - lsb - (b[2] - b[0]) for w, lsb, b in inked), default=0),
        xMaxExtent=max((lsb + (b[2] - b[0]) for _, lsb, b in inked), default=0))


def _name_table(src: TTFont, text: str) -> Any:
    """The font's names, copyright and licence (SIL OFL), unchanged but for the PostScript name: reportlab
    keeps one face per PostScript name, so two letters drawn in one process (the web server, `ask` drafting
    both documents) would share the first one's glyphs. A name per character set keeps them apart and
    stays deterministic."""
    names_table = copy.deepcopy(src["name"])
    ps_name = "WeiquanSerif-" + hashlib.sha1("".join(sorted(set(text))).encode("utf-8")).hexdigest()[:12]
    for record in names_table.names:
        if record.nameID == 6:
            record.string = ps_name
    return names_table


def _os2_table(src: TTFont, chars: list[int]) -> Any:
    """The source's OS/2 table, with this font's first and last character."""
    os2 = copy.deepcopy(src["OS/2"])
    os2.usFirstCharIndex, os2.usLastCharIndex = min(chars, default=0x20), min(max(chars, default=0x20), 0xFFFF)
    return os2
