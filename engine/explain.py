"""Filling a rule's `because` sentence with the facts it matched, in the user's language."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from engine.vocab import label

_PLACEHOLDER = re.compile(r"\{(\w+)\.(\w+)\}")
_VOCAB = {
    "remedy": "remedy", "kind": "interaction_kind", "topic": "inquiry_topic", "category": "category",
    "batch": "batch_evidence", "inspection": "inspection", "cause": "cause", "reason": "return_reason",
    "found": "found_condition", "evidence": "condition_evidence",
}
_VOCAB_BY_FACT = {("loss", "kind"): "loss_kind", ("interaction", "channel"): "demand_channel",
                  ("purchase", "channel"): "channel"}


def show(attr: str, value: Any, lang: str, kind: str = "") -> str:
    zh = lang != "en"
    if value is None:
        return "?"
    if attr == "symptoms":
        return ("、" if zh else ", ").join(label("symptom", s, lang) for s in value) or ("无" if zh else "none")
    if attr in ("ratio", "price"):
        if float(value) == 0:
            return "免费" if zh else "free"
        pct = f"{round(float(value) * 100):d}%"
        return f"需付原价的{pct}" if zh else f"{pct} of the price"
    if attr == "party":
        return value or ("经营者" if zh else "the business")
    if attr == "batch" and kind in ("comparator", "product"):
        return value if value != "?" else ("批次未知" if zh else "unknown batch")
    vocab = _VOCAB_BY_FACT.get((kind, attr)) or _VOCAB.get(attr)
    if vocab and isinstance(value, str):
        if value == "?":
            return "未说明" if zh else "unspecified"
        try:
            return label(vocab, value, lang)
        except KeyError:
            return value
    return str(value)


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
