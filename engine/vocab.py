"""The closed vocabularies of the case file (CONTRACT.md §1), as enums.

Their Chinese and English labels are knowledge (kb/vocab.yaml), kept apart from these values so a
translator or a lawyer can review the wording without touching code.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources

import yaml


class Category(StrEnum):
    phone = "phone"
    wearable = "wearable"
    earphones = "earphones"
    computer = "computer"
    tablet = "tablet"
    tv = "tv"
    appliance = "appliance"
    other = "other"


class Channel(StrEnum):
    official_online = "official_online"
    official_store = "official_store"
    third_party_online = "third_party_online"
    third_party_store = "third_party_store"
    other = "other"


class Symptom(StrEnum):
    touch_unresponsive = "touch_unresponsive"
    screen_flicker = "screen_flicker"
    screen_dead = "screen_dead"
    charging_failure = "charging_failure"
    battery_drain = "battery_drain"
    battery_swelling = "battery_swelling"
    abnormal_heat = "abnormal_heat"
    burn_smell_or_smoke = "burn_smell_or_smoke"
    no_power = "no_power"
    connectivity = "connectivity"
    sensor_failure = "sensor_failure"
    strap_or_casing = "strap_or_casing"
    other = "other"


class Cause(StrEnum):
    normal_use = "normal_use"
    user_damage = "user_damage"
    unknown = "unknown"


class Inspection(StrEnum):
    none = "none"
    quality_problem = "quality_problem"
    user_damage = "user_damage"
    inconclusive = "inconclusive"


class BatchEvidence(StrEnum):
    none = "none"
    similar_reports = "similar_reports"
    acknowledged = "acknowledged"
    recall = "recall"


class InteractionKind(StrEnum):
    offer = "offer"
    refusal = "refusal"
    return_unrepaired = "return_unrepaired"
    repair = "repair"
    replacement = "replacement"
    refund = "refund"
    inquiry = "inquiry"
    promise_callback = "promise_callback"
    other = "other"


class Remedy(StrEnum):
    free_repair = "free_repair"
    paid_repair = "paid_repair"
    free_replacement_same_model = "free_replacement_same_model"
    free_replacement_newer_model = "free_replacement_newer_model"
    discounted_trade_in = "discounted_trade_in"
    refund = "refund"
    none = "none"


class InquiryTopic(StrEnum):
    policy_document = "policy_document"
    reason_for_difference = "reason_for_difference"
    other = "other"


class Demand(StrEnum):
    free_repair = "free_repair"
    free_replacement_same_model = "free_replacement_same_model"
    free_replacement_newer_model = "free_replacement_newer_model"
    refund = "refund"
    compensation = "compensation"
    policy_disclosure = "policy_disclosure"
    equal_treatment = "equal_treatment"
    apology = "apology"


class Strength(StrEnum):
    strong = "strong"
    arguable = "arguable"
    weak = "weak"


VOCABULARIES: dict[str, type[StrEnum]] = {
    "category": Category,
    "channel": Channel,
    "symptom": Symptom,
    "cause": Cause,
    "inspection": Inspection,
    "batch_evidence": BatchEvidence,
    "interaction_kind": InteractionKind,
    "remedy": Remedy,
    "inquiry_topic": InquiryTopic,
    "demand": Demand,
    "strength": Strength,
}


@cache
def _labels() -> dict:
    return yaml.safe_load((resources.files("kb") / "vocab.yaml").read_text(encoding="utf-8"))


def label(vocabulary: str, value: str, lang: str = "zh") -> str:
    """The user-facing name of a vocabulary value, e.g. label('symptom', 'abnormal_heat') == '异常发热'."""
    return _labels()[vocabulary][str(value)][lang]
