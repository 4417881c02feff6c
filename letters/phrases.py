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
