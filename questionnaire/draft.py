"""The case being filled in: partial case-file data plus which questions have been answered.

"Answered" and "known" differ: a consumer who says "don't know" has answered, and must not be asked
again on resume, yet the field stays absent (unknown is absent, CONTRACT.md §1). So the draft keeps the
answered question keys beside the data; `store.py` writes both into one file.

Paths are the case file's own (`purchase.date`, `interactions[1].kind`), so that what the user sees
in a review, in an error message and in the file are the same names.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

_PART = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")

# The case model's key order, so a saved draft reads like CONTRACT.md's example.
ORDER: dict[str, tuple[str, ...]] = {
    "": ("version", "consumer", "product", "purchase", "fault", "harm", "interactions", "comparators", "demands",
         "losses"),
    "consumer": ("name", "phone", "address", "region"),
    "product": ("brand", "model", "category", "production_batch", "serial", "price", "same_model_available",
                "found_condition", "condition_evidence"),
    "purchase": ("date", "channel", "platform", "self_operated", "platform_identified_seller",
                 "non_returnable_confirmed", "sold_as", "order_number", "seller", "seller_registered_name",
                 "seller_address", "manufacturer", "for_personal_use", "warranty_months"),
    "fault": ("first_noticed", "symptoms", "description", "cause", "service_inspection", "batch_evidence",
              "similar_reports"),
    "harm": ("personal_injury", "other_property_damage", "description"),
    "interactions": ("date", "party", "kind", "remedy", "target_model", "price_ratio", "accepted",
                     "conditional_refusal", "consumer_consented", "fixed", "topic", "answered", "reason",
                     "goods_intact", "channel", "note"),
    "losses": ("kind", "amount", "date", "evidence", "note"),
    "comparators": ("model", "production_batch", "symptoms", "remedy", "target_model", "price_ratio", "source"),
}


def split(path: str) -> list[str | int]:
    """'interactions[1].kind' → ['interactions', 1, 'kind']."""
    out: list[str | int] = []
    for chunk in path.split("."):
        m = _PART.fullmatch(chunk)
        if not m:
            raise ValueError(f"bad path {path!r}")
        out.append(m.group(1))
        if m.group(2) is not None:
            out.append(int(m.group(2)))
    return out


def concrete(qid: str, index: int | None) -> str:
    """The field path of a loop question for one item: 'interactions[].kind', 1 → 'interactions[1].kind'."""
    return qid.replace("[]", f"[{index}]") if index is not None else qid


def get(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in split(path):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict):
                return None
            node = node.get(part)
        if node is None:
            return None
    return node


def put(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a field (None removes it: unknown is absent), creating the mappings on the way."""
    parts = split(path)
    node: Any = data
    for part, nxt in zip(parts, parts[1:], strict=False):
        if isinstance(part, int):
            node = node[part]
        else:
            if node.get(part) is None:
                node[part] = [] if isinstance(nxt, int) else {}
            node = node[part]
    last = parts[-1]
    if value is None:
        if isinstance(node, dict):
            node.pop(last, None)
    else:
        node[last] = value


def canonical(data: Any, section: str = "") -> Any:
    """The data with keys in the case model's order (unknown keys last, in their own order)."""
    if isinstance(data, dict):
        order = ORDER.get(section, ())
        keys = [k for k in order if k in data] + [k for k in data if k not in order]
        return {k: canonical(data[k], k if section == "" else section) for k in keys}
    if isinstance(data, list):
        return [canonical(x, section) for x in data]
    return data


@dataclass
class Draft:
    data: dict[str, Any] = field(default_factory=lambda: {"version": 1})
    answered: list[str] = field(default_factory=list)  # question keys, in the order first answered

    def copy(self) -> Draft:
        return Draft(copy.deepcopy(self.data), list(self.answered))

    def is_answered(self, key: str) -> bool:
        return key in self.answered

    def mark(self, key: str) -> None:
        if key not in self.answered:
            self.answered.append(key)

    def unmark(self, key: str) -> None:
        if key in self.answered:
            self.answered.remove(key)

    def items(self, loop: str) -> list[dict[str, Any]]:
        value = self.data.get(loop)
        return value if isinstance(value, list) else []
