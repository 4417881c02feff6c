"""The wording of the letters that is not statute text: how each demand, evidence item and fact is put.

Statute words never appear here (they come from kb/ through the verdict's citations); these are the
consumer's own sentences, in formal Chinese and in English. Articles are named, never quoted.
"""

from kb.bilingual import T

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
    "apology": T("赔礼道歉", "apologise"),
    "price_reduction": T("相应减少价款", "reduce the price accordingly"),
    "costs": T("承担因退货、更换、修理产生的运输等必要费用", "bear shipping and other necessary costs of the return, replacement or repair"),
    "recall_measures": T("依法告知同批次产品的缺陷，并采取警示、召回等措施",
                         "inform consumers of the batch's defect and take warning and recall measures as the law requires"),
    "recall_costs": T("承担本人因商品被召回支出的必要费用", "bear the necessary costs I incur because the goods are recalled"),
}

# The footer of every page, in the pdf (filled in when drawn) and the docx (Word's PAGE and NUMPAGES fields).
PAGE_OF = T("第 {n} 页 共 {m} 页", "Page {n} of {m}")

# The device remedy is one demand with its alternatives (LEGAL_SPEC §2a).
DEMAND_REFUND = T("办理退货并全额退还货款", "take the goods back and refund the full price")
DEMAND_PRICE_REDUCTION = T("相应减少价款", "reduce the price accordingly")
DEMAND_FIX: dict[tuple[str, ...], T] = {
    ("free_repair",): T("免费修理该设备，使其恢复正常使用", "repair the device free of charge so that it works normally"),
    ("free_replacement_same_model",): T("免费更换同型号的合格商品", "replace it free of charge with a sound unit of the same model"),
    ("free_repair", "free_replacement_same_model"): T("免费修理该设备，或者免费更换同型号的合格商品",
                                                      "repair the device free of charge, or replace it free of charge with a sound unit of the same model"),
    ("free_replacement_same_model", "free_repair"): T("免费更换同型号的合格商品，或者免费修理该设备",
                                                      "replace it free of charge with a sound unit of the same model, or repair it free of charge"),
}
REFUND_FALLBACK = T("；同型号商品无法提供的，办理退货并全额退还货款",
                    "; if the same model cannot be supplied, take the goods back and refund the full price")
RESERVE: dict[tuple[bool, bool], T] = {
    (True, False): T("（本人保留依法要求退货并退还货款的权利）", " (I reserve the right to return the goods for a refund)"),
    (True, True): T("（本人保留依法要求退货或者减少价款的权利）", " (I reserve the right to return the goods or have the price reduced)"),
    (False, True): T("（本人保留依法要求减少价款的权利）", " (I reserve the right to have the price reduced)"),
}
REQUEST_REFUND_FALLBACK = T("同型号商品无法提供的，办理退货并全额退还货款",
                            "if the same model cannot be supplied, take the goods back and refund the full price")

# Said only when a comparator in the case really got a newer model: otherwise the letter would assert a
# fact the consumer has not given.
NEWER_AS_OTHERS = T("参照同批次其他消费者获得的处理，免费更换为{model}",
                    "replace it free of charge with the {model}, as other consumers of the same batch received")

COMPENSATE_LOSSES = T("赔偿本人因此支出的下列费用，合计{total}", "compensate the costs listed below, {total} in total")
COMPENSATE_FRAUD = T("按商品价款{price}的三倍增加赔偿{amount}", "pay increased compensation of three times the price of {price}: {amount}")
COMPENSATE_FRAUD_NO_PRICE = T("按商品价款的三倍增加赔偿（不足五百元的，按五百元）",
                              "pay increased compensation of three times the price (at least CNY 500)")
LOSS_EVIDENCE = {True: T("有票据", "receipt kept"), False: T("票据待补", "receipt to be found")}

ARGUABLE_LEAD = T("本人认为，", "I hold that ")

MANUFACTURER_AFTER_WARRANTY = T(
    "本人认为，该缺陷在产品出厂时即已存在，贵方作为生产者知道或者应当知道；虽已过保修期，请贵方依其售后服务承诺免费修理，或者更换同型号的合格商品"
    "（销售者承担修理、更换责任后，可以依法向生产者追偿）。",
    "I hold that the defect existed when the product left the factory and that you, as its manufacturer, knew or "
    "should have known of it; although the warranty has ended, please repair it free of charge or replace it with a "
    "conforming unit of the same model under your after-sales promise (a seller who bears the repair or replacement "
    "may recover from the producer).",
)

# The articles that bind the seller as the buyer's contract party (出卖人): not argued to a manufacturer (L15).
SELLER_CONTRACT_ARTICLES = frozenset({"pql:40", "civil_code:621", "civil_code:582", "civil_code:610",
                                      "civil_code:563"})

MANUFACTURER_WARRANTY = T(
    "贵方作为生产者，对该商品作出了保修承诺{months}；该设备在保修期内、正常使用中出现故障，依贵方的保修承诺（当事人约定），"
    "贵方应当免费修理，或者更换同型号的合格商品。",
    "As the manufacturer you promised a warranty for this product{months}; the device failed in normal use within it, so "
    "under your own warranty promise (the parties' agreement) you must repair it free of charge or replace it with a "
    "sound unit of the same model.",
)

EVIDENCE = {
    "purchase": T("购买凭证（{order}订单截图、发票或收据）", "proof of purchase ({order}order screenshot, invoice or receipt)"),
    "device": T("设备实物{serial}及其包装、说明书", "the device itself{serial}, its packaging and manual"),
    "fault": T("故障现象的照片或视频", "photos or video of the fault"),
    "inspection": T("官方售后的检测报告或维修工单（结论：{result}）", "the official service's report or ticket (finding: {result})"),
    "interactions": T("与经营者沟通的记录（{listed}；聊天记录、工单、通话录音、短信等）",
                      "records of the contacts with the business ({listed}; chats, tickets, call recordings, messages)"),
    "return_request": T("{date}提出退货的记录（订单页面或客服聊天截图）", "the record of the return request of {date} (order page or chat screenshot)"),
    "consumer_demand": T("{date}书面要求的副本及对方收到的凭证", "a copy of the written demand of {date} and proof that it was received"),
    "batch_similar_reports": T("同批次同类故障的{n}起报告（截图或链接）", "the {n} same-batch reports of the same fault (screenshots or links)"),
    "batch_acknowledged": T("经营者承认该批次存在问题的公告或答复", "the business's notice or reply acknowledging the batch problem"),
    "batch_recall": T("该批次产品的召回公告", "the recall notice for the batch"),
    "comparator": T("其他消费者获得{what}的记录（来源：{source}）", "the record of another consumer receiving {what} (source: {source})"),
    "injury": T("就医记录、诊断证明及伤情照片", "medical records, diagnosis and photos of the injury"),
    "property": T("其他财产受损的照片及价值凭证", "photos of the other damaged property and proof of its value"),
    "loss": T("{what}的票据（{amount}）", "the receipt for {what} ({amount})"),
    "condition": T("{what}的截图或报告", "screenshot or report of the {what}"),
}

# One sentence per interaction in the facts: {on} its date, {who} the business (贵方 when unnamed), {note} the
# consumer's note in brackets; the other fields are the words below, chosen in letters/content.py.
INTERACTION = {
    "offer": T("{on}，{who}提出{remedy}方案{target}{ratio}{conditional}{note}{accepted}。",
               "On {on}, {who} offered {remedy}{target}{ratio}{conditional}{note}{accepted}."),
    "refusal": T("{on}，{who}拒绝处理{note}。", "On {on}, {who} refused to handle it{note}."),
    "return_unrepaired": T("{on}，{who}将设备原样退回，未予维修{consent}{note}。",
                           "On {on}, {who} sent the device back unrepaired{consent}{note}."),
    "repair": T("{on}，{who}对设备进行了维修{paid}{done}{note}。", "On {on}, {who} repaired the device{paid}{done}{note}."),
    "replacement": T("{on}，{who}{what}{note}。", "On {on}, {who} {what}{note}."),
    "refund": T("{on}，{who}{what}{note}。", "On {on}, {who} {what}{note}."),
    "inquiry": T("{on}，本人向{who}询问{topic}{answer}{note}。", "On {on}, I asked {who} about {topic}{answer}{note}."),
    "promise_callback": T("{on}，{who}承诺回复{note}。", "On {on}, {who} promised to call back{note}."),
    "return_request": T("{on}，本人{why}提出退货{intact}{note}。", "On {on}, I asked to return the goods {why}{intact}{note}."),
    "consumer_demand": T("{on}，本人{via}提出书面要求{note}。", "On {on}, I made a written demand{via}{note}."),
    "other": T("{on}，{who}：{said}。", "On {on}, {who}: {said}."),
    "contact": T("{on}，{who}与本人联系。", "On {on}, {who} contacted me."),  # an `other` without a note
}
OFFER_REMEDY = T("处理", "a remedy")  # an offer that names no remedy
OFFER_CONDITIONAL = T("，并表示不接受该方案即不予处理", ", and said it would not handle the device otherwise")
OFFER_ACCEPTED = {True: T("；本人接受了该方案", "; I accepted it"), False: T("；本人未接受", "; I did not accept it")}
WITHOUT_CONSENT = T("，事先未征得本人同意", ", without my consent")
REPAIR_FIXED = {True: T("，故障已排除", ", and the fault was fixed"), False: T("，但故障未能排除", ", but the fault remained")}
INQUIRY_TOPIC = T("处理事宜", "the handling")  # an inquiry that names no topic
NOT_ANSWERED = T("，未获真实、明确的答复", ", and got no true and clear answer")
RETURN_WHY = {True: T("无理由", "without giving a reason"), False: T("因质量问题", "for the quality problem")}
GOODS_INTACT = T("，商品完好", ", the goods intact")
DEMAND_VIA = T("通过{via}", " through {via}")

# The 12315 form's short 投诉内容: the purchase and the fault, the contacts, what is asked, the articles by name.
# The form names the business in its own field (被投诉人), so the text says "the respondent", as the Chinese does.
SUMMARY_HEAD = T("本人于{bought}向被投诉人购买{what}，{fault}。", "On {bought} I bought a {what} from the respondent. {fault}. ")
SUMMARY_FAULT = {True: T("{on}出现{symptoms}", "On {on} it showed {symptoms}"),  # by whether symptoms are given
                 False: T("{on}发现{found}", "On {on} I found: {found}")}
SUMMARY_FOUND = T("商品存在问题", "a fault")  # a fault with neither symptoms nor a description
SUMMARY_SETTLEMENT = T("；另协商请求：", "; and, as a settlement request: ")
SUMMARY_LAW = T("涉及的法律规定：{names}。", " Provisions concerned: {names}.")
SUMMARY_ASK = T("投诉请求：{asked}。", "I ask the business to: {asked}.")  # alone when nothing else fits
SUMMARY_MORE = T("等（详见附件）", "; and the rest set out in the attachment")  # after the clauses that fit
SUMMARY_TAIL = T("投诉请求：{asked}。{law}", "I ask the business to: {asked}.{law}")

# How to send the letter and why (issue 13 item 8), printed after the letter for the writer.
SEND_HOW = T("寄送方式：请用能证明对方收到的方式寄送本函——EMS 或挂号信并要求回执（邮寄单上注明“维权函”），"
             "或者通过购物平台的消息系统发送并截图保存；同时自留一份。",
             "How to send: use a route that proves receipt — EMS or registered post with a return receipt (write "
             "“demand letter” on the slip), or the shopping platform's message system with screenshots; keep a copy.")
SEND_HOW_PLATFORM = T("寄送方式：请通过平台的客服或投诉通道提交本函并截图保存；平台公示了经营者地址的，也可用 EMS 或挂号信并要求回执寄送；同时自留一份。",
                      "How to send: submit this letter through the platform's customer service or complaint channel "
                      "and keep screenshots; where the platform publishes an address, also send it by EMS or "
                      "registered post with a return receipt; keep a copy.")
SEND_WHY = T("为什么：一是证明对方已经收到（十五日的答复期从收到之日起算）；二是对方收到本人的要求，诉讼时效即中断、重新计算（民法典第一百九十五条）。",
             "Why: it proves receipt (the fifteen days to answer run from receipt), and a demand the business "
             "receives interrupts the limitation period, which then starts anew (Civil Code art. 195).")
LIMITATION = T("诉讼时效：最稳妥按{date}届满计算（自{start}发现问题起三年）",
               "Limitation: safest to count it as ending on {date} (three years from {start}, when the problem was found)")

DEMAND_LEAD = T("据此，本人要求贵方：", "I therefore require you to:")
PLATFORM_LEAD = T("销售者依法应当承担下列责任。因贵平台不能提供销售者的真实名称、地址和有效联系方式，本人依消费者权益保护法第四十四条第一款，"
                  "要求贵平台赔偿本人因销售者不履行下列责任所受的损失（贵平台赔偿后有权向销售者追偿）：",
                  "The seller owes the following. Because you cannot give the seller's real name, address and contact, "
                  "I claim from you, under art. 44(1) of the Consumer Rights Protection Law, compensation for what the "
                  "seller's failure to do so costs me (you may recover it from the seller):")

NO_REASON_LINE = T(
    "本人于{asked}提出退货，在收到商品之日起七日的期限（至{end}）之内。请贵方告知退货地址；退回商品的运费由本人承担"
    "（双方另有约定的，按照约定），贵方应当自收到退回商品之日起七日内退还货款。",
    "I asked for the return on {asked}, within seven days of receipt (which end on {end}). Please give me the "
    "return address; I pay the return shipping (unless we agreed otherwise), and you must refund the price "
    "within seven days of receiving the goods back.",
)

NO_LETTER = T(
    "本案没有可依法主张的要求：依现有事实，没有一项法律规定支持向经营者主张修理、更换、退货或赔偿，因此不起草维权函。"
    "如您仍想请求经营者给予优惠或免费处理（不主张任何权利），可加 --goodwill 生成一封简短的协商请求函。",
    "There is nothing to demand: on these facts no provision supports a repair, replacement, refund or "
    "compensation, so no demand letter is drafted. To ask the business for a goodwill gesture (claiming no "
    "right), add --goodwill for a short request.",
)

# Notes to the writer, printed after the letter under 起草说明 (to be deleted before sending).
NOTE_SEVEN_DAYS = {
    "open": T("七日内退货最稳妥须在{end}（含当日）前向经营者提出{moved}：请在该日前发出本函，或先通过订单页面、客服提出退货并截图保存。",
              "The seven-day return is safest asked for by {end} (inclusive){moved}: send this letter by then, or ask "
              "for the return first through the order page or customer service and keep a screenshot."),
    "passed": T("七日内退货最稳妥须在{end}（含当日）前提出{moved}。如您在该日前已向经营者提出退货，请在“基本事实”中补写提出的日期和方式，"
                "并保留记录；如未提出，请删去退货要求，改为要求修理或者更换。",
                "The seven-day return was safest asked for by {end} (inclusive){moved}. If you asked by then, add the "
                "date and the way you asked to the facts and keep the record; if not, drop the return and ask for "
                "repair or replacement instead."),
}
NOTE_NO_REASON = T(
    "七日无理由退货的最后一日为{date}（此日为最稳妥的日期；恰逢休息日的，依民法典第二百零三条可顺延，但可能有争议）。"
    "退回商品的运费除另有约定外由本人承担。",
    "The last day of the seven-day no-reason return is {date} (the safe date; a rest day may move it under Civil "
    "Code art. 203, which may be disputed). Unless agreed otherwise, I pay the return shipping.",
)
NOTE_PRODUCT_LIABILITY = T(
    "因产品缺陷造成损害要求赔偿的诉讼时效为二年，本案最迟于{date}（产品质量法第四十五条第一款）；请在此前起诉或以书面方式主张，以免时效届满。",
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
