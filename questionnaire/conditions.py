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
from collections.abc import Callable
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
    for key, test in _FORMS:  # the first form the condition has decides; else it tests one field
        if key in cond:
            return test(cond, data, loop, index)
    return _field_holds(cond, data, loop, index)


def _all(cond: dict[str, Any], data: dict[str, Any], loop: str | None, index: int | None) -> bool:
    return all(holds(c, data, loop, index) for c in cond["all"])


def _any(cond: dict[str, Any], data: dict[str, Any], loop: str | None, index: int | None) -> bool:
    return any(holds(c, data, loop, index) for c in cond["any"])


def _not(cond: dict[str, Any], data: dict[str, Any], loop: str | None, index: int | None) -> bool:
    return not holds(cond["not"], data, loop, index)


def _status(cond: dict[str, Any], data: dict[str, Any], loop: str | None, index: int | None) -> bool:
    """A warranty status not computable yet counts as possible (see the module's docstring)."""
    status = _warranty_status(data)
    return status is None or status == cond["status"]


def _exists(cond: dict[str, Any], data: dict[str, Any], loop: str | None, index: int | None) -> bool:
    """Some item of a loop satisfies `where` (an interaction that was a refusal)."""
    items = data.get(cond["exists"]) or []
    return any(isinstance(x, dict) and holds(cond.get("where"), data, cond["exists"], i) for i, x in enumerate(items))


def _within_days(cond: dict[str, Any], data: dict[str, Any], loop: str | None, index: int | None) -> bool:
    """{within_days: 7, field: item.date, of: purchase.date}: at most N days after; false while unknown."""
    a, b = get(data, resolve(cond["field"], loop, index)), get(data, resolve(cond["of"], loop, index))
    if a is None or b is None:
        return False
    try:
        return 0 <= (dt.date.fromisoformat(str(a)) - dt.date.fromisoformat(str(b))).days <= int(cond["within_days"])
    except ValueError:
        return False


_FORMS: tuple[tuple[str, Callable[[dict[str, Any], dict[str, Any], str | None, int | None], bool]], ...] = (
    ("all", _all), ("any", _any), ("not", _not), ("status", _status), ("exists", _exists),
    ("within_days", _within_days))

# The tests on one field's value, all of which must pass: {field: kind, in: [refused, ignored]}.
_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    "is": lambda value, want: value == want,
    "in": lambda value, want: value in want,
    "not_in": lambda value, want: value not in want,
    "any_of": lambda value, want: isinstance(value, list) and bool(set(value) & set(want)),
    "matches": lambda value, want: isinstance(value, str) and re.search(want, value) is not None,
}


def _field_holds(cond: dict[str, Any], data: dict[str, Any], loop: str | None, index: int | None) -> bool:
    """A test on one field. An unknown field fails every test but {known: false} alone."""
    value = get(data, resolve(cond["field"], loop, index))
    if value is None:
        return "known" in cond and not cond["known"] and len(cond) == 2
    if "known" in cond and not cond["known"]:
        return False
    for key, test in _TESTS.items():  # a loop, not all(): this runs for every step at every question
        if key in cond and not test(value, cond[key]):
            return False
    return True


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
