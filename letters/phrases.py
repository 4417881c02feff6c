"""The wording of the letters that is not statute text: how each demand, evidence item and fact is put.

Statute words never appear here (they come from kb/ through the verdict's citations); these are the
consumer's own sentences, in formal Chinese and in English.
"""

from kb.rules.dsl import T

DEMANDS: dict[str, T] = {
    "free_repair": T("免费修理该设备，使其恢复正常使用", "repair the device free of charge so that it works normally"),
    "free_replacement_same_model": T("免费更换同型号的合格商品", "replace it free of charge with a sound unit of the same model"),
    "free_replacement_newer_model": T("免费更换新款商品", "replace it free of charge with the newer model"),
    "refund": T("办理退货并全额退还货款", "take the goods back and refund the full price"),
    "compensation": T("赔偿因此造成的损失（以实际发生并有凭证的费用为准）",
                      "compensate the losses caused (as actually incurred and documented)"),
    "policy_disclosure": T("书面提供适用于本人设备的售后服务政策及处理依据",
                           "provide in writing the after-sales policy applied to my device and the basis of your handling"),
    "equal_treatment": T("给予本人与同型号、同批次、同故障的其他消费者同等的处理",
                         "treat me as other consumers with the same model, batch and fault were treated"),
    "apology": T("就以拒绝维修迫使本人接受付费方案的行为赔礼道歉",
                 "apologise for withholding the repair to make me accept a paid offer"),
}

# Said only when a comparator in the case really got a newer model: otherwise the letter would assert a
# fact the consumer has not given.
NEWER_AS_OTHERS = T("，与同批次其他消费者获得的处理一致", ", as other consumers of the same batch received")

COSTS = T("承担因退货、更换、修理产生的运输等必要费用", "bear shipping and other necessary costs of the return, replacement or repair")

ARGUABLE_LEAD = T("本人认为，", "I hold that ")

EVIDENCE = {
    "purchase": T("购买凭证（订单截图、发票或收据）", "proof of purchase (order screenshot, invoice or receipt)"),
    "fault": T("故障照片或视频", "photos or video of the fault"),
    "inspection": T("官方售后检测报告或维修工单", "the official service's inspection report or repair ticket"),
    "interactions": T("与经营者沟通的记录（聊天记录、通话录音、工单、短信等）",
                      "records of contacts with the business (chat logs, call recordings, tickets, messages)"),
    "batch": T("同批次同类故障的证据（其他消费者的投诉、报道、经营者的公告或召回通知）",
               "evidence of the same fault in the batch (other consumers' complaints, reports, the business's notice or recall)"),
    "comparators": T("其他消费者获得不同处理的证据（截图、聊天记录等）",
                     "evidence that other consumers were treated differently (screenshots, chats)"),
    "harm": T("人身伤害或财产损失的证据（就医记录、费用票据、照片）",
              "evidence of the injury or damage (medical records, receipts, photos)"),
    "serial": T("设备序列号及包装、说明书", "the device's serial number, packaging and manual"),
}

OFFER_CONDITIONAL = T("，并表示不接受该方案即不予处理", ", and said it would not handle the device otherwise")

# Notes to the writer, printed after the letter under 起草说明 (to be deleted before sending).
NOTE_SEVEN_DAYS = T(
    "七日内退货须在 {end}（含当日）前向经营者提出：请在该日前发出本函，或先通过订单页面、客服提出退货并截图保存。",
    "The seven-day return must be asked for by {end} (inclusive): send this letter by then, or ask for the "
    "return first through the order page or customer service and keep a screenshot.",
)
NOTE_SEVEN_DAYS_PASSED = T(
    "七日内退货须在 {end}（含当日）前提出。如您在该日前已向经营者提出退货，请在“基本事实”中补写提出的日期和方式，并保留记录；"
    "如未提出，请删去退货要求，改为要求修理或者更换（第二十四条第一款后段）。",
    "The seven-day return had to be asked for by {end} (inclusive). If you asked for it by then, add the date and "
    "the way you asked to the facts and keep the record; if not, drop the return and ask for repair or "
    "replacement instead (the end of article 24(1)).",
)
NOTE_PRODUCT_LIABILITY = T(
    "因产品缺陷造成损害要求赔偿的诉讼时效为二年，本案最迟于 {date}（产品质量法第四十五条第一款）；请在此前起诉或以书面方式主张，以免时效届满。",
    "A claim for damage caused by a product defect must be brought within two years: here by {date} (article "
    "45(1) of the Product Quality Law); sue or claim in writing before then.",
)
NOTE_NOT_CONSUMER = T(
    "本次购买并非为生活消费，消费者权益保护法不适用，市场监督管理部门的消费投诉和消费者协会的调解也可能不予受理；"
    "本函只依民法典主张违约责任。协商不成的，可依合同向人民法院起诉，或依仲裁协议申请仲裁。",
    "This purchase was not for personal use, so the consumer rights law does not apply and the regulator's "
    "consumer complaints and the consumer association's mediation may refuse the case; the letter relies on the "
    "civil code's contract remedies only. If negotiation fails, sue on the contract or arbitrate under an "
    "arbitration agreement.",
)
