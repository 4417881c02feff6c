"""From a validated case to the flat base facts the rule base reads (one dict per fact).

This module decides nothing legal. It flattens the case, computes the period ends the rules compare
against (engine/dates.py, under 民法典第二百零一条至第二百零三条) and summarises the best remedy the
consumer was offered. Encoding choices that keep the durable-rules engine honest (ENGINE_NOTES.md):
every string attribute is always present, with "unknown" or "?" for unknowns, because an absent
attribute fails even a `!=` test; booleans become "yes"/"no"/"unknown" strings, because the engine
compares loosely and rejects booleans in some tests; numbers are absent when unknown, so that no
comparison with them can succeed; dates are day ordinals for comparison plus ISO text for display.

`PATHS` maps each attribute back to the case-file field it came from, so that every finding can list
the facts it used as CONTRACT.md's field paths.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from engine.case import Case
from engine.dates import PeriodEnd, period_end
from engine.vocab import FREE_REMEDIES

REMEDY_KINDS = {"offer", "repair", "replacement", "refund"}

PATHS: dict[str, dict[str, tuple[str, ...]]] = {
    "purchase": {"personal": ("purchase.for_personal_use",), "category": ("product.category",),
                 "channel": ("purchase.channel",), "self_operated": ("purchase.self_operated",),
                 "identified": ("purchase.platform_identified_seller",),
                 "nonreturnable": ("purchase.non_returnable_confirmed",), "sold_as": ("purchase.sold_as",)},
    "dates": {"bought": ("purchase.date",), "noticed": ("fault.first_noticed",),
              "warranty": ("purchase.warranty_months",),
              "warranty_end": ("purchase.date", "purchase.warranty_months"),
              "day7_end": ("purchase.date",), "month6_end": ("purchase.date",),
              "day7_moved": ("purchase.date",)},
    "fault": {"symptoms": ("fault.symptoms",), "n_symptoms": ("fault.symptoms",), "cause": ("fault.cause",),
              "inspection": ("fault.service_inspection",), "batch": ("fault.batch_evidence",),
              "reports": ("fault.similar_reports",), "reports_known": ("fault.similar_reports",)},
    "harm": {"injury": ("harm.personal_injury",), "property": ("harm.other_property_damage",)},
    "product": {"model": ("product.model",), "batch": ("product.production_batch",),
                "same_model": ("product.same_model_available",), "found": ("product.found_condition",),
                "evidence": ("product.condition_evidence",)},
    "interaction": {"kind": ("kind",), "remedy": ("remedy",), "ratio": ("price_ratio",),
                    "price": ("remedy", "price_ratio"), "price_known": ("remedy", "price_ratio"),
                    "target": ("target_model",), "reason": ("reason",), "intact": ("goods_intact",),
                    "channel": ("channel",),
                    "accepted": ("accepted",), "conditional": ("conditional_refusal",),
                    "consented": ("consumer_consented",), "fixed": ("fixed",), "answered": ("answered",),
                    "topic": ("topic",), "day": ("date",), "i": ("date",)},
    "comparator": {"model": ("model",), "batch": ("production_batch",), "shared": ("symptoms",),
                   "remedy": ("remedy",), "ratio": ("remedy", "price_ratio"), "target": ("target_model",)},
    "loss": {"amount": ("amount",), "evidence": ("evidence",), "kind": ("kind",)},
    "offers": {"any": ("interactions",), "best": ("interactions",), "best_known": ("interactions",)},
    "demands": {"items": ("demands",)},
}


def tri(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def model_key(model: str | None) -> str:
    """Models compare without case or spacing ('小米手环 8' is '小米手环8'); an unknown model is '?'."""
    if not model:
        return "?"
    return re.sub(r"\s+", "", model).casefold()


def effective_ratio(remedy: str | None, ratio: float | None) -> float | None:
    """LEGAL_SPEC §1 `price of a remedy` (L9), the one place it is decided: the price ratio given; when
    blank, 0 for a free remedy (FREE_REMEDIES), otherwise unknown. Comparators and offers alike."""
    if ratio is not None:
        return float(ratio)
    if remedy in FREE_REMEDIES:
        return 0.0
    return None


def percent(ratio: float) -> str:
    return f"{round(ratio * 100):d}%"


@dataclass(frozen=True)
class Periods:
    warranty_end: dt.date | None
    day7: PeriodEnd
    month6: PeriodEnd


def warranty_end(bought: dt.date, months: int) -> dt.date:
    """The warranty's last day: the business's own promise, counted by its terms and never moved (LEGAL_SPEC §3)."""
    return period_end(bought, months=months, moves=False).date


def warranty_status(bought: dt.date, noticed: dt.date, months: int | None) -> str | None:
    """What kb/rules/periods.py concludes (status.in_warranty / status.out_of_warranty), for callers that have
    no whole case yet (the questionnaire choosing its next question); tests hold the two together."""
    if months is None:
        return None
    return "in_warranty" if noticed <= warranty_end(bought, months) else "out_of_warranty"


def periods(case: Case) -> Periods:
    bought = case.purchase.date
    wm = case.purchase.warranty_months
    return Periods(
        warranty_end=warranty_end(bought, wm) if wm is not None else None,
        day7=period_end(bought, days=7),
        month6=period_end(bought, months=6),
    )


def _put(d: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        d[key] = value


def base_facts(case: Case, ps: Periods | None = None) -> list[dict[str, Any]]:
    """The case as base facts; each carries `t` (its kind) and `k` (a stable identity). One builder per kind,
    in a fixed order, so the facts (and the engine's firing order) are the same for the same case."""
    ps = ps or periods(case)
    interactions, offers = _interactions(case)
    return [_purchase(case), _dates(case, ps), _fault(case), _harm(case), _product(case), *interactions, offers,
            *_comparators(case), *_losses(case),
            {"t": "demands", "k": "demands", "items": sorted({str(d) for d in case.demands})}]


def _purchase(case: Case) -> dict[str, Any]:
    p = case.purchase
    return {"t": "purchase", "k": "purchase", "personal": tri(p.for_personal_use),
            "category": str(case.product.category), "channel": str(p.channel or "?"),
            "self_operated": tri(p.self_operated), "identified": tri(p.platform_identified_seller),
            "nonreturnable": tri(p.non_returnable_confirmed), "sold_as": str(p.sold_as)}


def _dates(case: Case, ps: Periods) -> dict[str, Any]:
    p, f = case.purchase, case.fault
    dates: dict[str, Any] = {
        "t": "dates", "k": "dates",
        "bought": p.date.toordinal(), "bought_on": p.date.isoformat(),
        "noticed": f.first_noticed.toordinal(), "noticed_on": f.first_noticed.isoformat(),
        "warranty": "yes" if ps.warranty_end else "no",
        "day7_end": ps.day7.date.toordinal(), "day7_end_on": ps.day7.date.isoformat(),
        "day7_unmoved_on": ps.day7.unmoved.isoformat(), "day7_moved": "yes" if ps.day7.moved else "no",
        "month6_end": ps.month6.date.toordinal(), "month6_end_on": ps.month6.date.isoformat(),
    }
    if ps.warranty_end:
        dates["warranty_end"] = ps.warranty_end.toordinal()
        dates["warranty_end_on"] = ps.warranty_end.isoformat()
    return dates


def _fault(case: Case) -> dict[str, Any]:
    f = case.fault
    fault: dict[str, Any] = {"t": "fault", "k": "fault", "symptoms": sorted({str(s) for s in f.symptoms}),
                             "n_symptoms": len(set(f.symptoms)), "cause": str(f.cause),
                             "inspection": str(f.service_inspection), "batch": str(f.batch_evidence),
                             "reports_known": "no" if f.similar_reports is None else "yes"}
    _put(fault, "reports", f.similar_reports)
    return fault


def _harm(case: Case) -> dict[str, Any]:
    return {"t": "harm", "k": "harm", "injury": tri(case.harm.personal_injury),
            "property": tri(case.harm.other_property_damage)}


def _product(case: Case) -> dict[str, Any]:
    pr = case.product
    return {"t": "product", "k": "product", "model": model_key(pr.model),
            "batch": pr.production_batch or "?", "same_model": tri(pr.same_model_available),
            "found": str(pr.found_condition), "evidence": str(pr.condition_evidence)}


def _interaction(i: int, x: Any) -> dict[str, Any]:  # noqa: ANN401 - an engine.case.Interaction
    fx: dict[str, Any] = {
        "t": "interaction", "k": f"interactions[{i}]", "i": i, "kind": str(x.kind),
        "remedy": str(x.remedy or "?"), "accepted": tri(x.accepted), "conditional": tri(x.conditional_refusal),
        "consented": tri(x.consumer_consented), "fixed": tri(x.fixed), "answered": tri(x.answered),
        "topic": str(x.topic or "?"), "day": x.date.toordinal(), "on": x.date.isoformat(),
        "party": x.party or "", "target": model_key(x.target_model), "reason": str(x.reason or "?"),
        "intact": tri(x.goods_intact), "channel": str(x.channel or "?"),
    }
    ratio = effective_ratio(x.remedy, x.price_ratio)
    _put(fx, "ratio", x.price_ratio)
    _put(fx, "price", ratio)
    fx["price_known"] = "no" if ratio is None else "yes"
    if ratio is not None:
        fx["price_pct"] = percent(ratio)
    return fx


def _interactions(case: Case) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One fact per interaction, and the `offers` fact: `any` says whether anything was offered; `best` only
    what is known of its price. A paid offer of unknown price is an offer, not "nothing", and cannot be
    compared with a comparator's price."""
    facts = [_interaction(i, x) for i, x in enumerate(case.interactions)]
    offered = [(fx.get("price"), i) for i, (x, fx) in enumerate(zip(case.interactions, facts, strict=True))
               if str(x.kind) in REMEDY_KINDS and x.remedy not in (None, "none")]
    priced = [(price, i) for price, i in offered if price is not None]
    offers: dict[str, Any] = {"t": "offers", "k": "offers", "any": "yes" if offered else "no",
                              "best_known": "yes" if priced else "no"}
    if priced:
        best, best_i = min(priced)  # the cheapest; of equal prices the first
        offers.update(best=best, best_i=best_i, best_pct=percent(best))
    return facts, offers


def _comparators(case: Case) -> list[dict[str, Any]]:
    mine = {str(s) for s in case.fault.symptoms}
    out = []
    for i, c in enumerate(case.comparators):
        fc: dict[str, Any] = {
            "t": "comparator", "k": f"comparators[{i}]", "i": i, "n": i + 1, "model": model_key(c.model),
            "batch": c.production_batch or "?", "shared": len(mine & {str(s) for s in c.symptoms}),
            "remedy": str(c.remedy or "?"), "target": model_key(c.target_model),
        }
        _put(fc, "ratio", effective_ratio(c.remedy, c.price_ratio))
        out.append(fc)
    return out


def _losses(case: Case) -> list[dict[str, Any]]:
    return [{"t": "loss", "k": f"losses[{i}]", "i": i, "kind": str(loss.kind), "amount": float(loss.amount),
             "evidence": tri(loss.evidence)} for i, loss in enumerate(case.losses)]


def field_paths(fact: dict[str, Any], attrs: list[str]) -> list[str]:
    """The case-file fields behind the attributes a rule tested on a base fact."""
    kind = fact["t"]
    table = PATHS.get(kind, {})
    out: list[str] = []
    if kind == "offers":
        best_i = fact.get("best_i")
        return [f"interactions[{best_i}].price_ratio"] if best_i is not None else ["interactions"]
    prefix = fact["k"] + "." if kind in ("interaction", "comparator", "loss") else ""
    for a in attrs:
        for p in table.get(a, ()):
            path = prefix + p
            if path not in out:
                out.append(path)
    return out
