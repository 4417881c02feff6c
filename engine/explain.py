"""Filling a rule's `because` sentence with the facts it matched, in the user's language."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from engine.vocab import label
from kb.bilingual import pick

_PLACEHOLDER = re.compile(r"\{(\w+)\.(\w+)\}")
_VOCAB = {
    "remedy": "remedy", "kind": "interaction_kind", "topic": "inquiry_topic", "category": "category",
    "batch": "batch_evidence", "inspection": "inspection", "cause": "cause", "reason": "return_reason",
    "found": "found_condition", "evidence": "condition_evidence",
}
_VOCAB_BY_FACT = {("loss", "kind"): "loss_kind", ("interaction", "channel"): "demand_channel",
                  ("purchase", "channel"): "channel"}


def _symptoms(value: Any, lang: str, kind: str) -> str:
    return pick(lang, "、", ", ").join(label("symptom", s, lang) for s in value) or pick(lang, "无", "none")


def _price(value: Any, lang: str, kind: str) -> str:
    if float(value) == 0:
        return pick(lang, "免费", "free")
    pct = f"{round(float(value) * 100):d}%"
    return pick(lang, f"需付原价的{pct}", f"{pct} of the price")


def _party(value: Any, lang: str, kind: str) -> str:
    return value or pick(lang, "经营者", "the business")


def _batch(value: Any, lang: str, kind: str) -> str:
    if kind not in ("comparator", "product"):
        return _labelled("batch", value, lang, kind)
    return value if value != "?" else pick(lang, "批次未知", "unknown batch")


def _labelled(attr: str, value: Any, lang: str, kind: str) -> str:
    vocab = _VOCAB_BY_FACT.get((kind, attr)) or _VOCAB.get(attr)
    if vocab and isinstance(value, str):
        if value == "?":
            return pick(lang, "未说明", "unspecified")
        try:
            return label(vocab, value, lang)
        except KeyError:
            return value
    return str(value)


# Attributes that read as something other than their vocabulary label; the rest go to `_labelled`.
_SHOWN = {"symptoms": _symptoms, "ratio": _price, "price": _price, "party": _party, "batch": _batch}


def show(attr: str, value: Any, lang: str, kind: str = "") -> str:
    """A matched fact's attribute as a `because` sentence says it (a label, a price, a party)."""
    if value is None:
        return "?"
    special = _SHOWN.get(attr)
    return special(value, lang, kind) if special else _labelled(attr, value, lang, kind)


@lru_cache(maxsize=4096)
def _parts(template: str) -> tuple[str | tuple[str, str, str], ...]:
    """A template split once into literal text and (alias, attr, placeholder) slots."""
    out: list[str | tuple[str, str, str]] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(template):
        if m.start() > pos:
            out.append(template[pos:m.start()])
        out.append((m.group(1), m.group(2), m.group(0)))
        pos = m.end()
    if pos < len(template):
        out.append(template[pos:])
    return tuple(out)


def render(template: str, matched: dict[str, dict[str, Any]], lang: str) -> str:
    pieces = []
    for part in _parts(template):
        if isinstance(part, str):
            pieces.append(part)
            continue
        alias, attr, raw = part
        fact = matched.get(alias)
        pieces.append(raw if fact is None else show(attr, fact.get(attr), lang, fact.get("t", "")))
    return "".join(pieces)
