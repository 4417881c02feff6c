"""The base case and small readers shared by the per-article rule tests (one file per kb/rules module).

The base case (tests/conftest.py BASE_CASE) is a band bought 2024-05-20 online with a 12-month warranty and a
fault noticed 2024-09-02 in normal use; each test changes only what its finding turns on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from engine.assess import assess
from engine.case import parse_case
from engine.verdict import DemandSupport, Verdict
from tests.conftest import make_case

AS_OF = dt.date(2025, 12, 31)
OUT = {"fault.first_noticed": "2025-08-02"}  # after the warranty (ended 2025-05-20), past six months
LATE_IN = {"fault.first_noticed": "2025-02-10"}  # in warranty, past six months


def verdict(**changes: Any) -> Verdict:
    return assess(parse_case(make_case(**changes), as_of=AS_OF), AS_OF)


def strength(v: Verdict, fid: str) -> str | None:
    f = v.finding(fid)
    return f.strength if f else None


def na_ids(v: Verdict) -> set[str]:
    return {n.id for n in v.not_applicable}


def na_cites(v: Verdict) -> set[str]:
    return {c for n in v.not_applicable for c in n.cites}


def deadline(v: Verdict, did: str) -> str | None:
    """The deadline's date as the verdict JSON writes it (ISO), or None."""
    return next((d.date.isoformat() for d in v.deadlines if d.id == did), None)


def demand(v: Verdict, code: str) -> DemandSupport | None:
    return next((d for d in v.demands if d.demand == code), None)


def basis(v: Verdict, code: str) -> str | None:
    """'strong' / 'arguable' / 'weak' for a right, 'request', 'none', or None when the demand is absent."""
    d = demand(v, code)
    if d is None:
        return None
    return d.strength if d.basis == "right" else str(d.basis)


def comparator(**kw: Any) -> dict[str, Any]:
    return {"model": "Band X", "production_batch": "2024-04", "symptoms": ["touch_unresponsive"],
            "remedy": "free_replacement_newer_model", "price_ratio": 0, **kw}


def offer(ratio: float | None, **kw: Any) -> dict[str, Any]:
    return {"date": "2024-09-10", "party": "售后", "kind": "offer", "remedy": "discounted_trade_in",
            "price_ratio": ratio, **kw}


def repair(date: str, fixed: bool) -> dict[str, Any]:
    return {"date": date, "party": "售后", "kind": "repair", "remedy": "free_repair", "price_ratio": 0, "fixed": fixed}


REFUSAL = {"date": "2024-09-05", "party": "售后", "kind": "refusal"}
BACK = {"date": "2024-09-15", "party": "售后", "kind": "return_unrepaired"}
