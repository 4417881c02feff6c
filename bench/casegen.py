"""Varied, valid synthetic case files for the benchmarks (seeded, so runs are comparable)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

SYMPTOMS = ["touch_unresponsive", "screen_flicker", "screen_dead", "charging_failure", "battery_drain",
            "battery_swelling", "abnormal_heat", "burn_smell_or_smoke", "no_power", "connectivity",
            "sensor_failure", "strap_or_casing", "other"]
REMEDIES = ["free_repair", "paid_repair", "free_replacement_same_model", "free_replacement_newer_model",
            "discounted_trade_in", "refund", "none"]
KINDS = ["offer", "refusal", "return_unrepaired", "repair", "replacement", "refund", "inquiry", "promise_callback"]
CATEGORIES = ["phone", "wearable", "earphones", "computer", "tablet", "tv", "appliance", "other"]


def _month(d: dt.date, back: int) -> str:
    total = d.year * 12 + d.month - 1 - back
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def case(rng: random.Random) -> tuple[dict[str, Any], dt.date]:
    """One case and an assessment date on or after all its dates."""
    bought = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1300))
    noticed = bought + dt.timedelta(days=rng.randrange(900))
    batch = _month(bought, rng.randrange(3)) if rng.random() < 0.8 else None
    model = rng.choice(["Band 8", "Band 9", "P50", "Pad 11"])
    interactions = []
    day = noticed
    for _ in range(rng.randrange(4)):
        day += dt.timedelta(days=rng.randrange(1, 20))
        kind = rng.choice(KINDS)
        x: dict[str, Any] = {"date": day.isoformat(), "party": rng.choice(["售后中心", "客服", "门店"]), "kind": kind}
        if kind in ("offer", "repair", "replacement", "refund"):
            x["remedy"] = rng.choice(REMEDIES)
            x["price_ratio"] = rng.choice([0, 0, 0.3, 0.5, 0.6, 1.0])
            x["accepted"] = rng.choice([True, False, False])
            x["conditional_refusal"] = rng.random() < 0.3
            if kind == "repair":
                x["fixed"] = rng.random() < 0.5
        if kind == "return_unrepaired":
            x["consumer_consented"] = rng.random() < 0.2
        if kind == "inquiry":
            x["topic"] = rng.choice(["policy_document", "reason_for_difference"])
            x["answered"] = rng.random() < 0.4
        interactions.append(x)
    symptoms = rng.sample(SYMPTOMS, rng.randrange(1, 4))
    comparators = [
        {"model": model, "production_batch": rng.choice([batch, batch, "2020-01", None]),
         "symptoms": rng.sample(symptoms, 1), "remedy": rng.choice(REMEDIES),
         "price_ratio": rng.choice([0, 0.5, 0.6])}
        for _ in range(rng.choice([0, 0, 1, 2]))
    ]
    evidence = rng.choice(["none", "none", "similar_reports", "acknowledged", "recall"])
    data: dict[str, Any] = {
        "version": 1,
        "consumer": {"name": f"用户{rng.randrange(10**6)}", "region": rng.choice(["河北省", "广东省", "四川省"])},
        "product": {"brand": "某品牌", "model": model, "category": rng.choice(CATEGORIES), "price": 299.0},
        "purchase": {"date": bought.isoformat(), "channel": "official_online", "seller": "官方商城",
                     "for_personal_use": rng.random() < 0.9, "warranty_months": rng.choice([12, 12, 24, 6])},
        "fault": {"first_noticed": noticed.isoformat(), "symptoms": symptoms,
                  "cause": rng.choice(["normal_use", "normal_use", "unknown", "user_damage"]),
                  "service_inspection": rng.choice(["none", "quality_problem", "user_damage", "inconclusive"]),
                  "batch_evidence": evidence},
        "harm": {"personal_injury": rng.random() < 0.05, "other_property_damage": rng.random() < 0.05},
        "interactions": interactions,
        "comparators": comparators,
        "demands": rng.sample(["free_repair", "refund", "compensation", "policy_disclosure", "equal_treatment"], 2),
    }
    if batch:
        data["product"]["production_batch"] = batch
    if evidence == "similar_reports":
        data["fault"]["similar_reports"] = rng.randrange(40)
    as_of = max([noticed] + [dt.date.fromisoformat(x["date"]) for x in interactions]) + dt.timedelta(days=30)
    return data, as_of


def cases(n: int, seed: int = 7) -> list[tuple[dict[str, Any], dt.date]]:
    rng = random.Random(seed)
    return [case(rng) for _ in range(n)]
