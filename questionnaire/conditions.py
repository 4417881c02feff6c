"""The `when` conditions of kb/questions.yaml: when a question makes sense at all.

These are structural ("ask the price only of a paid offer") or the legal gates the issue names ("harm
only with a safety symptom", "batch evidence only out of warranty or for a safety defect"). Whether an
answer could change the verdict is decided elsewhere, by the rule base itself (relevance.py).

A condition on an unknown field is false, except a warranty status that cannot be computed yet, which
counts as possible: better one question too many than a missed claim.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from engine.facts import warranty_status
from questionnaire.draft import concrete, get


def resolve(name: str, loop: str | None, index: int | None) -> str:
    """'item.kind' in loop interactions, item 1 → 'interactions[1].kind'."""
    if name.startswith("item."):
        return concrete(f"{loop}[].{name[len('item.'):]}", index)
    return name


def _warranty_status(data: dict[str, Any]) -> str | None:
    """The engine's own warranty status (engine/facts.py, mirroring kb/rules/periods.py) on the draft."""
    bought, noticed, months = get(data, "purchase.date"), get(data, "fault.first_noticed"), get(
        data, "purchase.warranty_months")
    if bought is None or noticed is None or months is None:
        return None
    try:
        return warranty_status(dt.date.fromisoformat(str(bought)), dt.date.fromisoformat(str(noticed)), int(months))
    except (ValueError, TypeError, OverflowError):
        return None


def holds(cond: Any, data: dict[str, Any], loop: str | None = None, index: int | None = None) -> bool:
    """Whether `cond` holds on the draft (for a loop question: on its item `index`)."""
    if cond is None:
        return True
    if not isinstance(cond, dict):
        raise ValueError(f"bad condition {cond!r}")
    if "all" in cond:
        return all(holds(c, data, loop, index) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, data, loop, index) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], data, loop, index)
    if "status" in cond:
        status = _warranty_status(data)
        return status is None or status == cond["status"]
    if "exists" in cond:  # some item of a loop satisfies `where` (an interaction that was a refusal)
        items = data.get(cond["exists"]) or []
        return any(isinstance(x, dict) and holds(cond.get("where"), data, cond["exists"], i) for i, x in enumerate(items))
    if "within_days" in cond:  # {within_days: 7, field: item.date, of: purchase.date}: at most N days after
        a, b = get(data, resolve(cond["field"], loop, index)), get(data, resolve(cond["of"], loop, index))
        if a is None or b is None:
            return False
        try:
            return 0 <= (dt.date.fromisoformat(str(a)) - dt.date.fromisoformat(str(b))).days <= int(cond["within_days"])
        except ValueError:
            return False
    value = get(data, resolve(cond["field"], loop, index))
    ok = True
    if "known" in cond:
        ok = ok and ((value is not None) == bool(cond["known"]))
    if value is None:
        return ok and "known" in cond and not cond["known"] and len(cond) == 2
    if "is" in cond:
        ok = ok and value == cond["is"]
    if "in" in cond:
        ok = ok and value in cond["in"]
    if "not_in" in cond:
        ok = ok and value not in cond["not_in"]
    if "any_of" in cond:
        ok = ok and isinstance(value, list) and bool(set(value) & set(cond["any_of"]))
    if "matches" in cond:
        ok = ok and isinstance(value, str) and re.search(cond["matches"], value) is not None
    return ok


def extract(spec: dict[str, Any], data: dict[str, Any], loop: str | None = None, index: int | None = None) -> Any:
    """An `auto` value taken from another answer: {field: consumer.address, pattern: REGEX} → the match."""
    value = get(data, resolve(spec["field"], loop, index))
    m = re.search(spec["pattern"], value) if isinstance(value, str) else None
    return m.group(0) if m else None


def fields(cond: Any, loop: str | None = None, index: int | None = None) -> set[str]:
    """The field paths a condition reads: the answers a question depends on."""
    if not isinstance(cond, dict):
        return set()
    out: set[str] = set()
    for key in ("all", "any"):
        for c in cond.get(key, ()):
            out |= fields(c, loop, index)
    if "not" in cond:
        out |= fields(cond["not"], loop, index)
    if "status" in cond:
        out |= {"purchase.date", "fault.first_noticed", "purchase.warranty_months"}
    if "field" in cond:
        out.add(resolve(cond["field"], loop, index))
    if "of" in cond:
        out.add(resolve(cond["of"], loop, index))
    if "exists" in cond:
        out.add(cond["exists"])
    return out
