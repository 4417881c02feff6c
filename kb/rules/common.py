"""Patterns that many rules read, named once so each rule file reads like the article it encodes.

Base fact kinds (built from the case file by engine/facts.py): purchase, dates, fault, harm, product,
interaction (one per entry), comparator (one per entry), offers (the best remedy offered), demands.
String attributes are always present (`"unknown"`/`"?"` for unknowns); numbers are absent when unknown,
and an absent attribute fails every test — but a join (`Ref`) to an attribute the other fact lacks is an
error in durable-rules (code 311), so a rule must first test that the attribute is known (`best_known`).
"""

from kb.rules.dsl import fact

SAFETY_SYMPTOMS = ("abnormal_heat", "battery_swelling", "burn_smell_or_smoke")
CRPL24_REMEDY_FINDINGS = (
    "crpl24.return_7_days",
    "crpl24.repair_replace_in_warranty",
    "crpl24.repair_replace_after_warranty",
    "crpl24.return_after_failed_repairs",
    "crpl24.return_purpose_frustrated",
)
# Findings that give a repair, replacement or return as of right (LEGAL_SPEC §2a; R6: what 第四十八条 rests on).
PERFORMANCE_FINDINGS = (*CRPL24_REMEDY_FINDINGS, "crpl25.no_reason_return", "crpl55.fraud")
# Findings that give a repair, replacement, return or compensation (§2a): what 民法典第五百八十四条 rests on.
REMEDY_FINDINGS = (*PERFORMANCE_FINDINGS, "civil_code582.contract_remedy", "pql41.producer_liability")
# Remedies of the same kind of service (R3): a repair, or a replacement or trade-in.
REPAIRS = ("free_repair", "paid_repair")
REPLACEMENTS = ("free_replacement_same_model", "free_replacement_newer_model", "discounted_trade_in")
# Purchases at a distance (消保法第二十五条第一款: 网络、电视、电话、邮购); spc_online applies to the online ones.
DISTANCE_CHANNELS = ("official_online", "third_party_online", "tv_phone_mail")
ONLINE_CHANNELS = ("official_online", "third_party_online")
# Categories 消保法第二十三条第三款 can cover (L3): named, or arguably 「等耐用商品」.
BURDEN_CATEGORIES = ("computer", "tv", "appliance", "phone", "tablet", "wearable", "earphones")

CONSUMER = fact("sc", "scope.consumer")
BUSINESS = fact("sb", "scope.business")
IN_WARRANTY = fact("w", "status.in_warranty")
OUT_OF_WARRANTY = fact("w", "status.out_of_warranty")
WITHIN_7_DAYS = fact("d7", "status.within_7_days")
WITHIN_6_MONTHS = fact("m6", "status.within_6_months")
NONCONFORMITY = fact("nc", "fact.nonconformity")
INHERENT_DEFECT = fact("id", "fact.inherent_defect")
BUSINESS_KNEW = fact("bk", "fact.business_knew")
SAFETY_DEFECT = fact("sd", "fact.safety_defect")
HARM = fact("h", "fact.harm")
SAME_BATCH = fact("cmp", "comparator.same_batch")
FAULT = fact("f", "fault")
DATES = fact("d", "dates")
ADMITTED = FAULT.where(batch__in=("acknowledged", "recall"))
# A refused repair (R13): a refusal, or the device sent back unrepaired without consent.
REFUSED = fact("rf", "interaction", kind="refusal")
RETURNED_UNREPAIRED = fact("rf", "interaction", kind="return_unrepaired", consented__ne="yes")
