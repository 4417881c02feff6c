"""Patterns that many rules read, named once so each rule file reads like the article it encodes.

Base fact kinds (built from the case file by engine/facts.py): purchase, dates, fault, harm, product,
interaction (one per entry), comparator (one per entry), offers (the best remedy offered), demands.
String attributes are always present (`"unknown"`/`"?"` for unknowns); numbers are absent when unknown,
and an absent attribute fails every test — but a join (`Ref`) to an attribute the other fact lacks is an
error in durable-rules (code 311), so a rule must first test that the attribute is known (`best_known`).
"""

from kb.rules.dsl import fact

SAFETY_SYMPTOMS = ("abnormal_heat", "battery_swelling", "burn_smell_or_smoke")
SOUND_GRADES = ("established", "supported", "asserted")
CRPL24_REMEDY_FINDINGS = (
    "crpl24.return_7_days",
    "crpl24.repair_replace_in_warranty",
    "crpl24.repair_replace_after_warranty",
    "crpl24.return_after_failed_repairs",
)

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
