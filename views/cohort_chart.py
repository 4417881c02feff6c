"""The cohort as a picture: for each group, how many consumers got which remedy, as stacked bars.

Chinese labels need a font with Chinese glyphs, and most machines running this have none that
matplotlib knows. The project depends on a package that ships Noto Sans SC (SIL Open Font License),
used first so that the chart looks the same everywhere; a Chinese font matplotlib already knows is
the second choice. With neither, the chart is labelled in English and any name the available fonts
cannot draw (a Chinese model name) is left out of its label, which keeps the group's number from
the report: a chart must never show boxes for missing glyphs.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from cohort import CohortReport
from cohort.outcome import REMEDY_ORDER
from engine.vocab import label
from kb.bilingual import T, pick
from views.cohort_words import product_name, ratio_range

CHART_GROUPS = 20
_SAMPLE = "维权同型号批次故障处理结果"
_KNOWN_CJK = ("Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
              "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Droid Sans Fallback", "AR PL UMing CN")
# Red means one thing only, as the title says: the name of a group with materially different
# treatment. The bars use no red: greens for free, ambers for paid, dark grey for nothing (so a
# group where everyone got nothing, treated alike, does not look flagged).
FLAG_RED = "#b2182b"
_COLOURS = {
    "free_replacement_newer_model": "#1b7837", "free_replacement_same_model": "#5aae61", "refund": "#80cdc1",
    "free_repair": "#a6dba0", "discounted_trade_in": "#f4a582", "paid_repair": "#fdd49e", "none": "#595959",
}
_DARK = {"free_replacement_newer_model", "none"}  # bars dark enough to need white count labels


def _covers(path: str, text: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(c) in charmap for c in text)


@cache
def find_cjk_font() -> tuple[str, str] | None:
    """(family, file) of a font that draws Chinese, registered with matplotlib; None if there is none."""
    from matplotlib import font_manager

    candidates: list[str] = []
    try:
        import pylopdf_fonts_zh_cn

        candidates.append(str(pylopdf_fonts_zh_cn.sans_path()))
    except ImportError:
        pass
    candidates += [f.fname for f in font_manager.fontManager.ttflist if f.name in _KNOWN_CJK]
    for path in candidates:
        if Path(path).is_file() and _covers(path, _SAMPLE):
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name(), path
    return None


@cache
def _charmaps(paths: tuple[str, ...]) -> list[dict[int, int]]:
    from matplotlib.ft2font import FT2Font

    return [FT2Font(p).get_charmap() for p in paths]


def _drawable(text: str, paths: tuple[str, ...]) -> bool:
    maps = _charmaps(paths)
    return all(c.isspace() or any(ord(c) in m for m in maps) for c in text)


def draw_chart(report: CohortReport, path: Path | str, lang: str = "zh", cjk: bool = True,
               top: int = CHART_GROUPS) -> str:
    """Write the chart as PNG; return the language its labels are in ("zh" or "en").

    `cjk=False` draws it as on a machine without a Chinese font (used to check that fallback).
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    families, paths, chinese = _fonts(cjk)
    lang = "zh" if lang != "en" and chinese else "en"

    groups = report.to_json()["groups"][:top]
    labels = [_label(i, g, lang, paths) for i, g in enumerate(groups, start=1)]
    height = 1.9 + 0.42 * max(len(groups), 1)
    with matplotlib.rc_context({"font.family": families, "axes.unicode_minus": False}):
        fig = Figure(figsize=(11, height), dpi=120, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        _bars(ax, groups, labels, lang)
        _words(fig, ax, bool(groups), lang)
        fig.savefig(path)
    return lang


def _fonts(cjk: bool) -> tuple[list[str], tuple[str, ...], bool]:
    """The font families to draw with, their files (to tell which names they can draw), and whether
    one of them draws Chinese."""
    from matplotlib import font_manager

    base = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"), fallback_to_default=True)
    font = find_cjk_font() if cjk else None
    if font is None:
        return ["DejaVu Sans"], (base,), False
    return ["DejaVu Sans", font[0]], (base, font[1]), True


def _bars(ax: Any, groups: list[dict[str, Any]], labels: list[str], lang: str) -> None:
    """One stacked bar per group, a segment per remedy with its count, the price range after it; the
    names of groups with a disparity in red."""
    from matplotlib.ticker import MaxNLocator

    ys = list(range(len(groups)))
    left = [0] * len(groups)
    for remedy in (str(r) for r in REMEDY_ORDER):
        counts = [g["outcomes"].get(remedy, 0) for g in groups]
        if not any(counts):
            continue
        bars = ax.barh(ys, counts, left=left, color=_COLOURS[remedy], edgecolor="white", linewidth=0.6,
                       label=label("remedy", remedy, lang))
        ax.bar_label(bars, labels=[str(c) if c else "" for c in counts], label_type="center", fontsize=8,
                     color="white" if remedy in _DARK else "black")
        left = [a + b for a, b in zip(left, counts, strict=True)]
    for y, total, g in zip(ys, left, groups, strict=True):
        ax.text(total, y, "  " + ratio_range(g["price_ratio"], lang), va="center", fontsize=8, color="#333333")
    ax.set_xlim(0, max(left, default=1) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # people come in whole numbers
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    for tick, g in zip(ax.get_yticklabels(), groups, strict=True):
        if g["disparity"]:
            tick.set_color(FLAG_RED)


_TITLE = T("同型号、同批次、同故障的消费者得到的处理（红色组名：存在明显差别待遇）",
           "Remedies given to consumers of the same model, batch and fault (group name in red: materially different)")
_NOTE = T("一人有多个症状时计入每个相应的组；序号与文字报告一致。",
          "A consumer with several symptoms counts in each of their groups; numbers match the report.")


def _words(fig: Any, ax: Any, any_groups: bool, lang: str) -> None:
    """The title, the note under it, the axis label and the legend (or why there is no bar)."""
    ax.set_xlabel(pick(lang, "人数", "consumers"))
    ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(_TITLE(lang), x=0.01, ha="left", fontsize=12)
    ax.set_title(_NOTE(lang), loc="left", fontsize=8, color="#555555")
    if any_groups:
        fig.legend(loc="outside lower center", ncols=4, frameon=False, fontsize=9)
    else:
        ax.text(0.5, 0.5, pick(lang, "没有可比较的组", "no groups to compare"), ha="center", transform=ax.transAxes)


def _label(i: int, g: dict[str, Any], lang: str, paths: tuple[str, ...]) -> str:
    name = product_name(g["brand"], g["model"])
    parts = [f"#{i}"]
    if _drawable(name, paths):
        parts.append(name)
    parts += [g["production_batch"], label("symptom", g["symptoms"][0], lang)]
    return " · ".join(parts) + f" (n={g['size']})"
