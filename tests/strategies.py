"""Hypothesis strategies for valid case files: varied enough to reach every rule, always valid."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from engine.vocab import (
    BatchEvidence,
    Category,
    Cause,
    Channel,
    ConditionEvidence,
    Demand,
    DemandChannel,
    FoundCondition,
    InquiryTopic,
    Inspection,
    InteractionKind,
    LossKind,
    Remedy,
    ReturnReason,
    SoldAs,
    Symptom,
)

TRI = st.sampled_from([True, False, None])
RATIO = st.one_of(st.none(), st.sampled_from([0, 0.1, 0.3, 0.5, 0.6, 1.0]))


def _month(d: dt.date, back: int) -> str:
    total = d.year * 12 + d.month - 1 - back
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, Any], dt.date]:
    bought = draw(st.dates(dt.date(2013, 6, 1), dt.date(2025, 10, 31)))
    noticed = bought + dt.timedelta(days=draw(st.integers(0, 1200)))
    batch = draw(st.one_of(st.none(), st.integers(0, 2).map(lambda b: _month(bought, b))))
    model = "Band 8"
    symptoms = draw(st.lists(st.sampled_from(list(Symptom)), max_size=3, unique=True))
    interactions = []
    for _ in range(draw(st.integers(0, 4))):
        day = bought + dt.timedelta(days=draw(st.integers(0, (noticed - bought).days + 200)))
        x: dict[str, Any] = {"date": day.isoformat(), "party": draw(st.sampled_from(["售后", "客服", None])),
                             "kind": draw(st.sampled_from(list(InteractionKind))).value}
        if draw(st.booleans()):
            x["remedy"] = draw(st.sampled_from(list(Remedy))).value
        for key in ("accepted", "conditional_refusal", "consumer_consented", "fixed", "answered"):
            v = draw(TRI)
            if v is not None:
                x[key] = v
        ratio = draw(RATIO)
        if ratio is not None:
            x["price_ratio"] = ratio
        if x["kind"] == "inquiry":
            x["topic"] = draw(st.sampled_from(list(InquiryTopic))).value
        if x["kind"] == "return_request":
            x["reason"] = draw(st.sampled_from(list(ReturnReason))).value
            if (intact := draw(TRI)) is not None:
                x["goods_intact"] = intact
        if x["kind"] == "consumer_demand":
            x["channel"] = draw(st.sampled_from(list(DemandChannel))).value
        if draw(st.booleans()):
            x["target_model"] = draw(st.sampled_from(["Band 9", "band 9", "Band 10"]))
        interactions.append(x)
    comparators = []
    for _ in range(draw(st.integers(0, 3))):
        c: dict[str, Any] = {
            "model": draw(st.sampled_from([model, "band 8", "Band 9", None])),
            "production_batch": draw(st.sampled_from([batch, "2020-01", None])),
            "symptoms": [s.value for s in draw(st.lists(st.sampled_from(list(Symptom)), max_size=2, unique=True))],
            "remedy": draw(st.sampled_from(list(Remedy))).value,
        }
        ratio = draw(RATIO)
        if ratio is not None:
            c["price_ratio"] = ratio
        if draw(st.booleans()):
            c["target_model"] = draw(st.sampled_from(["Band 9", "Band 10"]))
        comparators.append(c)
    similar = draw(st.one_of(st.none(), st.integers(0, 60)))
    fault: dict[str, Any] = {
        "first_noticed": noticed.isoformat(),
        "symptoms": [s.value for s in symptoms],
        "cause": draw(st.sampled_from(list(Cause))).value,
        "service_inspection": draw(st.sampled_from(list(Inspection))).value,
        "batch_evidence": draw(st.sampled_from(list(BatchEvidence))).value,
    }
    if similar is not None:
        fault["similar_reports"] = similar
    harm = {k: v for k in ("personal_injury", "other_property_damage") if (v := draw(TRI)) is not None}
    case: dict[str, Any] = {
        "version": 1,
        "consumer": {"name": "某某"},
        "product": {"brand": "某品牌", "model": model, "category": draw(st.sampled_from(list(Category))).value},
        "purchase": {"date": bought.isoformat(), "seller": "某店"},
        "fault": fault,
        "harm": harm,
        "interactions": interactions,
        "comparators": comparators,
        "demands": [d.value for d in draw(st.lists(st.sampled_from(list(Demand)), max_size=3, unique=True))],
    }
    if batch is not None:
        case["product"]["production_batch"] = batch
    if draw(st.booleans()):  # the v2 fields
        case["version"] = 2
        pu, pr = case["purchase"], case["product"]
        pu["channel"] = draw(st.sampled_from(list(Channel))).value
        for key in ("self_operated", "platform_identified_seller", "non_returnable_confirmed"):
            if (v := draw(TRI)) is not None:
                pu[key] = v
        pu["sold_as"] = draw(st.sampled_from(list(SoldAs))).value
        if (v := draw(TRI)) is not None:
            pr["same_model_available"] = v
        pr["found_condition"] = draw(st.sampled_from(list(FoundCondition))).value
        pr["condition_evidence"] = draw(st.sampled_from(list(ConditionEvidence))).value
        case["losses"] = [
            {"kind": draw(st.sampled_from(list(LossKind))).value,
             "amount": draw(st.sampled_from([1.0, 23.0, 620.0])), **({"evidence": e} if (e := draw(TRI)) is not None else {})}
            for _ in range(draw(st.integers(0, 2)))
        ]
    personal = draw(st.sampled_from([True, True, False, None]))
    if personal is not None:
        case["purchase"]["for_personal_use"] = personal
    warranty = draw(st.sampled_from([None, 0, 6, 12, 12, 24]))
    if warranty is not None:
        case["purchase"]["warranty_months"] = warranty
    latest = max([noticed] + [dt.date.fromisoformat(x["date"]) for x in interactions])
    as_of = latest + dt.timedelta(days=draw(st.integers(0, 400)))
    return case, as_of
