"""Which findings a letter may argue each demand on as a legal claim.

The verdict lists every demand a finding *supports* (LEGAL_SPEC §2), which is right for advice. A letter
that the consumer signs and sends must be narrower: it demands only what the quoted article itself
gives, and puts anything else as a request for settlement. So:

- 第九条 (the right to refuse a paid offer) and 第十条 (forced dealing) give no right to a free repair:
  the repair duty comes from 第二十四条, 民法典第五百八十二条 or a void warranty exclusion (第二十六条).
- 第十九条 (the recall duty) gives the consumer no refund or replacement of its own.
- 第二十四条's 更换 is a conforming unit, not an upgrade: a newer model is asked for only on equal
  treatment (第十条), when the case records a comparator who got one.
- No article cited here gives 赔礼道歉 (消保法第五十条 ties it to dignity and personal information),
  so an apology is only ever requested.
"""

GROUNDS: dict[str, frozenset[str]] = {
    "free_repair": frozenset({"crpl24.repair_replace_in_warranty", "crpl24.repair_replace_after_warranty",
                              "crpl26.warranty_exclusion_void", "civil_code582.contract_remedy",
                              "crpl48.refusal_liability"}),
    "free_replacement_same_model": frozenset({"crpl24.repair_replace_in_warranty",
                                              "crpl24.repair_replace_after_warranty",
                                              "civil_code582.contract_remedy"}),
    "free_replacement_newer_model": frozenset({"crpl10.unequal_treatment"}),
    "refund": frozenset({"crpl24.return_7_days", "crpl24.return_after_failed_repairs",
                         "civil_code582.contract_remedy"}),
    "compensation": frozenset({"pql41.producer_liability", "crpl48.refusal_liability"}),
    "policy_disclosure": frozenset({"crpl8.policy_disclosure", "crpl20.unanswered_inquiry"}),
    "equal_treatment": frozenset({"crpl10.unequal_treatment"}),
    "apology": frozenset(),
}
