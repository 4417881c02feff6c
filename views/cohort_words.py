"""How a cohort report words a price and a product, shared by the table and the chart (one home, no circle)."""

from __future__ import annotations

from kb.bilingual import pick


def ratio_text(ratio: float | None, lang: str) -> str:
    """A price ratio as a consumer says it: 免费, 6折, 原价 (free, 60%, full price)."""
    if ratio is None:
        return pick(lang, "价格不明", "price unknown")
    if ratio == 0:
        return pick(lang, "免费", "free")
    if ratio >= 1:
        return pick(lang, "原价", "full price")
    return pick(lang, f"{round(ratio * 10, 2):g}折", f"{round(ratio * 100, 1):g}%")


def ratio_range(pr: dict[str, float | None], lang: str, unknown: str = "") -> str:
    """The price ratios of a group or a slice of it (6折 – 原价); `unknown` when none is known."""
    lo, hi = pr["min"], pr["max"]
    if lo is None:
        return unknown
    if lo == hi:
        return ratio_text(lo, lang)
    return f"{ratio_text(lo, lang)} – {ratio_text(hi, lang)}"


def product_name(brand: str | None, model: str) -> str:
    """'小米 小米手环8' reads as a stutter: the brand is left out when the model already starts with it."""
    if not brand or model.casefold().startswith(brand.casefold()):
        return model
    return f"{brand} {model}"
