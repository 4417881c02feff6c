"""The closed vocabularies of the case file (CONTRACT.md §1), as enums.

Their Chinese and English labels are knowledge (kb/vocab.yaml), kept apart from these values so a
translator or a lawyer can review the wording without touching code.
"""

from __future__ import annotations

from enum import StrEnum

from kb.labels import labels


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
    tv_phone_mail = "tv_phone_mail"  # v2: TV, phone or mail order (消保法第二十五条)
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
    return_request = "return_request"  # v2: the consumer asked to return the goods
    consumer_demand = "consumer_demand"  # v2: a written demand or complaint the business (or 消协/12315) received
    other = "other"


class Remedy(StrEnum):
    free_repair = "free_repair"
    paid_repair = "paid_repair"
    free_replacement_same_model = "free_replacement_same_model"
    free_replacement_newer_model = "free_replacement_newer_model"
    discounted_trade_in = "discounted_trade_in"
    refund = "refund"
    none = "none"


# The remedies that cost nothing by definition: a blank price is 0 for these and unknown for the rest
# (LEGAL_SPEC §1 `price of a remedy`, L9) — the one home of that set, for the facts, cohort and letters.
FREE_REMEDIES = frozenset({Remedy.free_repair, Remedy.free_replacement_same_model,
                           Remedy.free_replacement_newer_model, Remedy.refund})


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
    price_reduction = "price_reduction"  # v2
    costs = "costs"  # v2: shipping and other necessary costs (消保法第二十四条第二款)
    recall_measures = "recall_measures"  # v2: inform, warn, recall (第十九条)
    recall_costs = "recall_costs"  # v2: the necessary costs a recall puts on the business


class SoldAs(StrEnum):
    """v2: what the seller said it sold."""

    new = "new"
    refurbished = "refurbished"
    used = "used"


class FoundCondition(StrEnum):
    """v2: what the goods turned out to be."""

    as_sold = "as_sold"
    refurbished = "refurbished"
    used = "used"
    counterfeit = "counterfeit"


class ConditionEvidence(StrEnum):
    none = "none"
    activation_record = "activation_record"
    official_inspection = "official_inspection"
    authority_finding = "authority_finding"


class ReturnReason(StrEnum):
    no_reason = "no_reason"
    quality = "quality"


class DemandChannel(StrEnum):
    """v2: how a consumer_demand reached the business or the body that passes it on."""

    letter = "letter"
    platform = "platform"
    samr_12315 = "12315"
    consumer_association = "consumer_association"
    other = "other"


class LossKind(StrEnum):
    shipping = "shipping"
    repair_paid = "repair_paid"
    transport = "transport"
    medical = "medical"
    lost_income = "lost_income"
    other_property = "other_property"
    other = "other"


class Basis(StrEnum):
    """How a demand is supported (LEGAL_SPEC §2a, CONTRACT §2 v2)."""

    right = "right"
    request = "request"
    none = "none"


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
    "sold_as": SoldAs,
    "found_condition": FoundCondition,
    "condition_evidence": ConditionEvidence,
    "return_reason": ReturnReason,
    "demand_channel": DemandChannel,
    "loss_kind": LossKind,
    "basis": Basis,
}


def label(vocabulary: str, value: str, lang: str = "zh") -> str:
    """The user-facing name of a vocabulary value, e.g. label('symptom', 'abnormal_heat') == '异常发热'."""
    return labels()[vocabulary][str(value)][lang]
