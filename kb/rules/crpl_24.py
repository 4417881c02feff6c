"""消费者权益保护法第二十四条 — return, replacement and repair of goods that fail quality requirements.

> 经营者提供的商品或者服务不符合质量要求的，消费者可以依照国家规定、当事人约定退货，或者要求经营者履行更换、修理等义务。
> 没有国家规定和当事人约定的，消费者可以自收到商品之日起七日内退货；七日后符合法定解除合同条件的，消费者可以及时退货，
> 不符合法定解除合同条件的，可以要求经营者履行更换、修理等义务。
> 依照前款规定进行退货、更换、修理的，经营者应当承担运输等必要费用。

This is not "defective-product liability" (that is 产品质量法第四十一条): it is the consumer's remedy for
the device itself. Within the warranty the business's own promise and 产品质量法第四十条 carry it. After
the warranty it holds only if the fault existed at delivery, and its strength follows what the
business knew: 民法典第六百二十一条 deems the goods conforming once the quality guarantee period has
passed, unless the seller knew or should have known — and only the business's own acknowledgement or
recall shows that beyond dispute (L5; reports or a comparator make it the consumer's view). Repeated
failed repairs make the contract's purpose fail (民法典第五百六十三条), which opens the return; so does a
device that endangers its user (民法典第六百一十条, L14), and a refused repair (R13). Every claim here rests
on the nonconformity, so a disputed one caps it (dsl.capped_when_disputed).

What each finding gives (LEGAL_SPEC §2a) sits beside it in `gives`: 更换 is a conforming unit of what
was bought, never a newer model; the choice between repair and replacement is the injured party's
"合理选择…根据标的的性质以及损失的大小" (民法典第五百八十二条), so a same-model replacement is arguable.
"""

from kb.rules.common import (
    ADMITTED,
    BUSINESS_KNEW,
    CONSUMER,
    CRPL24_REMEDY_FINDINGS,
    FAULT,
    HARM,
    IN_WARRANTY,
    INHERENT_DEFECT,
    NONCONFORMITY,
    OUT_OF_WARRANTY,
    REFUSED,
    RETURNED_UNREPAIRED,
    SAFETY_DEFECT,
    WITHIN_7_DAYS,
)
from kb.rules.crpl_23 import capped_when_disputed
from kb.rules.dsl import (
    Deadline,
    Finding,
    Give,
    Missing,
    NotApplicable,
    Reason,
    Ref,
    Rule,
    T,
    Variant,
    fact,
)

PLACE = 70  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:24",)  # the article(s) this module encodes

_REPAIR = fact("r1", "interaction", kind="repair", fixed="no")

RULES = [
    Rule(
        name="repeated_failed_repair",
        when=(_REPAIR, fact("r2", "interaction", kind="repair", fixed="no", i__gt=Ref("r1", "i"))),
        derive="fact.repeated_failed_repair",
        because=T("{r1.on} 和 {r2.on} 两次维修后仍未修好：反复修理不能使商品正常使用，合同目的不能实现",
                  "repairs on {r1.on} and {r2.on} both failed: repeated repair cannot make the device usable, "
                  "so the purpose of the contract fails"),
        cites=("civil_code:563",),
    ),
]

_R13 = T("经营者拒绝修理、更换（或未经同意原样退回）：经催告后在合理期限内仍不履行的，消费者可以主张解除合同（民法典第五百六十三条第一款第三项），"
         "维权函即可作为催告；可以要求退货，但经营者可能争辩，至多可争取",
         "the business refused the repair or replacement (or sent the device back unrepaired without consent): if it "
         "still does not perform within a reasonable time after being called on to, the consumer can claim to end the "
         "contract (civil code art. 563(1)(3)), and the demand letter can be that call; a return may be demanded, "
         "but the business may contest it: at most arguable")
_R13_CITES = ("civil_code:563",)
# R13: a refused repair opens the return, at most arguable.
_REFUND_ON_REFUSAL = (
    Give("refund", cap="arguable", when=(REFUSED,), cites=_R13_CITES, because=_R13),
    Give("refund", cap="arguable", when=(RETURNED_UNREPAIRED,), cites=_R13_CITES, because=_R13),
)
_CHOICE = T("更换同型号商品：民法典第五百八十二条规定受损害方“根据标的的性质以及损失的大小，可以合理选择”，经营者可能主张修理即足",
            "a same-model replacement: civil code art. 582 lets the injured party choose “reasonably … according to the "
            "nature of the subject matter and the extent of the loss”, and the business may argue a repair suffices")
_DAY7 = fact("d7x", "dates")

FINDINGS = [
    Finding(
        id="crpl24.return_7_days", place=10,
        letter=T("该商品在本人收到之日起七日内即出现故障，不符合质量要求；依上述规定，消费者可以自收到商品之日起七日内退货，贵方应当办理退货并退还货款。",
                 "The goods failed within seven days of receipt and so fail quality requirements; under this rule the consumer may return them within seven days of receipt, and you must accept the return and refund the price."),
        quotes=("crpl:24:1",),
        title=T("收货七日内出现质量问题，可以退货", "A quality fault within seven days: you may return the goods"),
        cites=("crpl:24",),
        gives=(Give("refund"),),
        variants=capped_when_disputed((
            Variant(
                name="seven_days",
                strength="strong",
                when=(CONSUMER, NONCONFORMITY, WITHIN_7_DAYS, _DAY7.where(day7_moved="no")),
                because=T("商品不符合质量要求，且在收货之日起七日内发现：消费者可以退货（退货应在七日内、最迟于 {d7x.day7_unmoved_on} 提出；已提出的请保留记录）",
                          "the goods fail quality requirements, found within seven days of receipt: the consumer "
                          "may return them (ask for the return within the seven days, by {d7x.day7_unmoved_on}; "
                          "keep a record of the request)"),
            ),
            Variant(
                name="seven_days_moved",
                strength="strong",
                when=(CONSUMER, NONCONFORMITY, WITHIN_7_DAYS, _DAY7.where(day7_moved="yes")),
                because=T("商品不符合质量要求，且在收货之日起七日内发现：消费者可以退货（稳妥起见最迟于第七日 {d7x.day7_unmoved_on} 提出；"
                            "该日为休息日，依民法典第二百零三条可主张顺延至 {d7x.day7_end_on}；已提出的请保留记录）",
                          "the goods fail quality requirements, found within seven days of receipt: the consumer "
                          "may return them (to be safe, ask by the seventh day, {d7x.day7_unmoved_on}; it is a rest "
                          "day, so civil code art. 203 arguably moves it to {d7x.day7_end_on}; keep a record of the request)"),
            ),
        )),
    ),
    Finding(
        id="crpl24.repair_replace_in_warranty", place=20,
        letter=T("该设备在保修期内、正常使用中出现故障，属于商品不符合质量要求，贵方应当依法免费修理；本人亦可合理选择更换同型号的合格商品。",
                 "The device failed in normal use within the warranty, so the goods fail quality requirements and you must repair them free of charge; I may also reasonably choose a conforming replacement of the same model."),
        quotes=("crpl:24:1", "pql:40:1"),
        title=T("保修期内出现质量问题，经营者应当免费修理或更换",
                "A quality fault within the warranty: the business must repair or replace"),
        cites=("crpl:24", "pql:40"),
        gives=(Give("free_repair"), Give("free_replacement_same_model", cap="arguable", because=_CHOICE),
               *_REFUND_ON_REFUSAL),
        variants=capped_when_disputed((
            Variant(
                name="in_warranty",
                strength="strong",
                when=(CONSUMER, NONCONFORMITY, IN_WARRANTY),
                because=T("商品不符合质量要求，且在保修期内：消费者可以要求经营者履行更换、修理等义务",
                          "the goods fail quality requirements within the warranty: the consumer may require "
                          "replacement or repair"),
            ),
        )),
    ),
    Finding(
        id="crpl24.repair_replace_after_warranty", place=30,
        letter=T("本人认为，该设备的故障在交付时即已存在，贵方知道或者应当知道该缺陷；依民法典第六百二十一条第三款，买受人不受通知时间的限制，虽已过保修期，贵方仍应免费修理或者更换同型号的合格商品。",
                 "I hold that the defect existed at delivery and that you knew or should have known of it; under article 621(3) of the Civil Code the buyer is not bound by the notice period, so although the warranty has ended you should still repair the device free of charge or replace it with a conforming unit of the same model."),
        quotes=("crpl:24:1", "civil_code:621:3"),
        title=T("过保后出现的出厂缺陷，仍可要求修理或更换",
                "A defect present at delivery, found after the warranty: repair or replacement may still be claimed"),
        cites=("crpl:24", "pql:40", "civil_code:582", "civil_code:621"),
        gives=(
            Give("free_repair"),
            Give("free_replacement_same_model"),
            Give("refund", cap="arguable", when=(fact("pm", "product", same_model="no"),),
                 because=T("同型号商品已无法提供，更换不能实现：可以要求退货并退还货款",
                           "the same model can no longer be supplied, so no replacement is possible: a return and "
                           "refund may be demanded")),
            Give("refund", basis="request", when=(fact("pm", "product", same_model="unknown"),),
                 because=T("若同型号商品已无法提供，可以要求退货；是否能提供尚不清楚，退货目前只能协商请求",
                           "if the same model cannot be supplied a return may be demanded; as that is not known, "
                           "a return can for now only be requested")),
            *_REFUND_ON_REFUSAL,
        ),
        variants=capped_when_disputed((
            Variant(
                name="admitted",
                strength="strong",
                letter=T("该设备的故障属于经营者已承认或已公告召回的批次问题，经营者知道或者应当知道该缺陷，依民法典第六百二十一条第三款，买受人不受通知时间的限制；虽已过保修期，贵方仍应依法免费修理或者更换同型号的合格商品。", "The fault is a batch problem the business has acknowledged or recalled, so the business knew or should have known of the defect; under article 621(3) of the Civil Code the buyer is not bound by the notice period, and although the warranty has ended you must still repair the device free of charge or replace it with a conforming unit of the same model."),
                when=(CONSUMER, NONCONFORMITY, OUT_OF_WARRANTY, INHERENT_DEFECT, ADMITTED),
                because=T("虽已过保修期，但经营者已承认批次问题或召回，知道或者应当知道该缺陷：买受人不受通知时间的限制，仍可要求修理或更换",
                          "the warranty is over, but the business acknowledged the batch problem or recalled, so "
                          "it knew or should have known: the notice period does not bar the claim"),
            ),
            Variant(
                name="knew",
                strength="arguable",
                when=(CONSUMER, NONCONFORMITY, OUT_OF_WARRANTY, INHERENT_DEFECT, BUSINESS_KNEW),
                because=T("已过保修期；同批次的报告或对比消费者的处理可以说明经营者应当知道该缺陷，但这是消费者一方的看法，经营者可能否认，属可争取",
                          "the warranty is over; same-batch reports or the handling of a comparable consumer suggest "
                          "the business should have known, but that is the consumer's view and the business may deny "
                          "it: arguable"),
            ),
            Variant(
                name="inherent_only",
                strength="weak",
                when=(CONSUMER, NONCONFORMITY, OUT_OF_WARRANTY, INHERENT_DEFECT),
                because=T("已过保修期；虽有迹象表明缺陷出厂即有，但尚无证据表明经营者知道或应当知道，民法典第六百二十一条视为符合约定，主张较弱",
                          "the warranty is over; there are signs the defect was there at delivery but no evidence "
                          "yet that the business knew or should have known, and civil code art. 621 deems the "
                          "goods conforming: weak"),
            ),
        )),
    ),
    Finding(
        id="crpl24.return_after_failed_repairs", place=40,
        letter=T("该设备经两次以上修理仍不能正常使用，合同目的不能实现，本人依法有权退货，贵方应当退还货款。",
                 "The device still does not work after two or more repairs; the purpose of the contract has failed, so I am entitled to return it and you must refund the price."),
        quotes=("crpl:24:1", "civil_code:563:1:4"),
        title=T("两次以上维修仍不能正常使用，可以要求退货",
                "Two or more failed repairs: you may return the goods"),
        cites=("crpl:24", "civil_code:563"),
        gives=(Give("refund"),),
        variants=capped_when_disputed((
            Variant(
                name="in_warranty",
                strength="strong",
                when=(CONSUMER, NONCONFORMITY, IN_WARRANTY, fact("rr", "fact.repeated_failed_repair")),
                because=T("保修期内反复修理仍不能使用，符合法定解除合同条件：消费者可以及时退货",
                          "repeated repair within the warranty failed, meeting the statutory conditions to "
                          "terminate the contract: the consumer may return the goods"),
            ),
            Variant(
                name="inherent",
                strength="strong",
                when=(CONSUMER, NONCONFORMITY, INHERENT_DEFECT, fact("rr", "fact.repeated_failed_repair")),
                because=T("出厂即有的缺陷经反复修理仍不能使用，符合法定解除合同条件：消费者可以及时退货",
                          "a defect present at delivery survived repeated repair, meeting the statutory "
                          "conditions to terminate: the consumer may return the goods"),
            ),
        )),
    ),
    Finding(
        id="crpl24.return_purpose_frustrated", place=50,
        letter=T("该设备存在危及人身安全的缺陷，不能实现合同目的；依上述规定，本人有权解除合同、退货，贵方应当退还货款，而不应仅以修理代替。",
                 "The device has a defect that endangers its user and cannot serve the purpose of the contract; under these rules I am entitled to end the contract and return it, and you must refund the price rather than offer only a repair."),
        quotes=("crpl:24:1", "civil_code:610:1", "civil_code:563:1:4"),
        title=T("危及人身安全的缺陷致合同目的不能实现，可以退货",
                "A defect that endangers the user defeats the contract's purpose: you may return the goods"),
        cites=("crpl:24", "civil_code:610", "civil_code:563"),
        gives=(Give("refund"),),
        variants=capped_when_disputed(tuple(
            Variant(
                name=f"{name}-{when_name}",
                strength=strength,
                when=(CONSUMER, NONCONFORMITY, SAFETY_DEFECT, period, extra),
                because=because,
            )
            for when_name, period in (("in_warranty", IN_WARRANTY), ("inherent", INHERENT_DEFECT))
            for name, strength, extra, because in (
                ("admitted", "strong", ADMITTED,
                 T("设备存在危及人身、财产安全的缺陷，且经营者已承认或召回：危及使用者的设备不能实现合同目的（民法典第六百一十条、第五百六十三条第一款第四项），符合法定解除合同条件，消费者可以及时退货",
                   "the device has a defect endangering persons or property, acknowledged or recalled by the business: "
                   "a device that endangers its user cannot serve the contract's purpose (civil code arts. 610, "
                   "563(1)(4)), so the statutory conditions to terminate are met and the consumer may return it")),
                ("harm", "arguable", HARM,
                 T("设备的缺陷已造成人身伤害或其他财产损害：可以主张其不能实现合同目的（民法典第六百一十条、第五百六十三条第一款第四项）而退货；经营者可能主张修理即可消除危险，属可争取",
                   "the defect has caused injury or damage to other property: it can be argued that the device cannot "
                   "serve the contract's purpose (civil code arts. 610, 563(1)(4)) and may be returned; the business "
                   "may argue a repair removes the danger: arguable")),
            )
        )),
    ),
    Finding(
        id="crpl24.costs", place=60,
        letter=T("因退货、更换、修理产生的运输等必要费用，应由贵方承担。",
                 "You must bear shipping and other necessary costs of the return, replacement or repair."),
        quotes=("crpl:24:2",),
        title=T("退货、更换、修理的运输等必要费用由经营者承担",
                "The business pays shipping and other necessary costs of return, replacement or repair"),
        cites=("crpl:24:2",),
        gives=(Give("costs"),),
        variants=(
            Variant(
                name="follows",
                strength=Ref("f", "strength"),
                when=(CONSUMER, fact("f", "finding", fid__in=CRPL24_REMEDY_FINDINGS)),
                because=T("依照第二十四条第一款进行退货、更换、修理的，运输等必要费用由经营者承担（与其所依据的主张同等强度）",
                          "where goods are returned, replaced or repaired under art. 24(1), the business bears "
                          "shipping and other necessary costs (as strong as the claim it follows)"),
            ),
        ),
    ),
]

_NC = fact("nc", "fact.nonconformity")
_P = fact("p", "purchase")

NOT_APPLICABLE = [
    NotApplicable(
        id="crpl24.remedies", place=30,
        cites=("crpl:24",),
        findings=CRPL24_REMEDY_FINDINGS,
        reasons=(
            Reason(
                when=(fact("sb", "scope.business"),),
                why=T("并非为生活消费购买，消费者权益保护法第二十四条不适用；可依民法典第五百八十二条、第六百一十七条主张修理、更换、退货",
                      "not bought for personal use, so consumer law art. 24 does not apply; repair, replacement "
                      "or return can be claimed under civil code arts. 582 and 617"),
            ),
            Reason(
                when=(_P.where(personal="unknown"),),
                why=T("尚不清楚是否为生活消费购买；若是，第二十四条可能适用",
                      "it is not known whether the device was bought for personal use; if it was, art. 24 may apply"),
            ),
            Reason(
                when=(FAULT.where(cause="user_damage"),),
                why=T("故障系人为损坏（摔落、挤压、进水等），不属于商品不符合质量要求，第二十四条的退货、更换、修理不适用",
                      "the fault is damage by the user (dropped, crushed, water…), not goods failing quality "
                      "requirements, so art. 24's return, replacement and repair do not apply"),
            ),
            Reason(
                when=(FAULT.where(n_symptoms=0),),
                why=T("案件未说明任何故障现象，无法认定商品不符合质量要求",
                      "the case names no symptom, so no failure to meet quality requirements can be found"),
            ),
            Reason(
                when=(FAULT.where(inspection="user_damage"),),
                unless=(_NC,),
                why=T("售后检测认定为人为损坏，且已过保修期和收货六个月的举证期：需由消费者以独立检测报告证明质量问题",
                      "the service found user damage, and both the warranty and the six-month burden period are "
                      "over: the consumer needs an independent test report to show a quality defect"),
            ),
            Reason(
                when=(_NC, fact("w", "status.out_of_warranty")),
                unless=(INHERENT_DEFECT,),
                why=T("已过保修期，且尚无证据表明缺陷在交付时即已存在（同批次报告、经营者承认或召回、同批次对比）：依民法典第六百二十一条视为符合约定",
                      "the warranty is over and nothing yet shows the defect existed at delivery (same-batch "
                      "reports, an admission or recall, a same-batch comparison): civil code art. 621 deems the "
                      "goods conforming"),
            ),
            Reason(
                when=(fact("d", "dates", warranty="no"),),
                why=T("保修期未知，无法判断适用保修期内还是过保后的规则",
                      "the warranty period is unknown, so neither the in-warranty nor the after-warranty rule "
                      "can be applied"),
            ),
            Reason(
                why=T("本案事实不满足第二十四条的适用条件", "the facts of this case do not meet art. 24's conditions"),
            ),
        ),
    ),
]

DEADLINES = [
    Deadline(
        id="return.seven_days", place=50,
        title=T("七日内质量问题退货的最后一日", "Last day to return goods with a quality fault within seven days"),
        cites=("crpl:24",),
        days=7,
        safe_unmoved=True,  # L11: the consumer is told the seventh day itself
        moved_because=T("第七日是休息日，依民法典第二百零三条可主张顺延至 {date}（稳妥起见仍以第七日为准）",
                        "the seventh day is a rest day, so civil code art. 203 arguably moves it to {date} (to be safe, "
                        "act by the seventh day)"),
        variants=(
            ((fact("r7", "finding", fid="crpl24.return_7_days"), fact("d", "dates")), (), Ref("d", "bought"),
             T("自 {d.bought_on} 收到商品起七日（收到当日不计入）内提出退货", "ask for the return within seven days of receipt "
               "on {d.bought_on} (the day of receipt not counted)")),
        ),
    ),
]

MISSING = [
    Missing(
        field="product.same_model_available",
        why=T("是否还能提供同型号商品尚不清楚：若无法提供，过保后的主张还可以要求退货并退还货款",
              "whether the same model can still be supplied is unknown: if it cannot, the after-warranty claim "
              "also supports a return and refund"),
        when=(fact("af", "finding", fid="crpl24.repair_replace_after_warranty"), fact("pm", "product", same_model="unknown")),
    ),
]
