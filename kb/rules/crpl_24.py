"""消费者权益保护法第二十四条 — return, replacement and repair of goods that fail quality requirements.

> 经营者提供的商品或者服务不符合质量要求的，消费者可以依照国家规定、当事人约定退货，或者要求经营者履行更换、修理等义务。
> 没有国家规定和当事人约定的，消费者可以自收到商品之日起七日内退货；七日后符合法定解除合同条件的，消费者可以及时退货，
> 不符合法定解除合同条件的，可以要求经营者履行更换、修理等义务。
> 依照前款规定进行退货、更换、修理的，经营者应当承担运输等必要费用。

This is not "defective-product liability" (that is 产品质量法第四十一条): it is the consumer's remedy for
the device itself. Within the warranty the business's own promise and 产品质量法第四十条 carry it. After
the warranty it holds only if the fault existed at delivery, and its strength follows what the
business knew: 民法典第六百二十一条 deems the goods conforming once the quality guarantee period has
passed, unless the seller knew or should have known. Repeated failed repairs make the contract's
purpose fail (民法典第五百六十三条), which opens the return. Every claim here rests on the
nonconformity, so a disputed one caps it (dsl.capped_when_disputed).
"""

from kb.rules.common import (
    CONSUMER,
    CRPL24_REMEDY_FINDINGS,
    FAULT,
    IN_WARRANTY,
    INHERENT_DEFECT,
    NONCONFORMITY,
    OUT_OF_WARRANTY,
    SAME_BATCH,
    WITHIN_7_DAYS,
)
from kb.rules.dsl import (
    Finding,
    NotApplicable,
    Reason,
    Ref,
    Rule,
    T,
    Variant,
    capped_when_disputed,
    fact,
)

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

FINDINGS = [
    Finding(
        id="crpl24.return_7_days",
        letter=T("该商品在本人收到之日起七日内即出现故障，不符合质量要求；依上述规定，消费者可以自收到商品之日起七日内退货，贵方应当办理退货并退还货款。",
                 "The goods failed within seven days of receipt and so fail quality requirements; under this rule the consumer may return them within seven days of receipt, and you must accept the return and refund the price."),
        quotes=("crpl:24:1",),
        title=T("收货七日内出现质量问题，可以退货", "A quality fault within seven days: you may return the goods"),
        cites=("crpl:24",),
        demands=("refund",),
        variants=capped_when_disputed((
            Variant(
                name="seven_days",
                strength="strong",
                when=(CONSUMER, NONCONFORMITY, WITHIN_7_DAYS, fact("d7x", "dates")),
                because=T("商品不符合质量要求，且在收货之日起七日内发现：消费者可以退货（退货应在七日内提出，最迟于 {d7x.day7_end_on}；"
                            "已提出的请保留记录）",
                          "the goods fail quality requirements, found within seven days of receipt: the consumer "
                          "may return them (the return must be asked for within the seven days, by "
                          "{d7x.day7_end_on}; keep a record of the request)"),
            ),
        )),
    ),
    Finding(
        id="crpl24.repair_replace_in_warranty",
        letter=T("该设备在保修期内、正常使用中出现故障，属于商品不符合质量要求，贵方应当依法免费修理或者更换。",
                 "The device failed in normal use within the warranty, so the goods fail quality requirements and you must repair or replace them free of charge."),
        quotes=("crpl:24:1", "pql:40:1"),
        title=T("保修期内出现质量问题，经营者应当免费修理或更换",
                "A quality fault within the warranty: the business must repair or replace"),
        cites=("crpl:24", "pql:40"),
        demands=("free_repair", "free_replacement_same_model"),
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
        id="crpl24.repair_replace_after_warranty",
        letter=T("该设备的故障在交付时即已存在，虽已过保修期，贵方仍应依法履行修理、更换义务。",
                 "The defect existed at delivery; although the warranty has ended, you must still repair or replace the device."),
        quotes=("crpl:24:1", "civil_code:621:3"),
        title=T("过保后出现的出厂缺陷，仍可要求修理或更换",
                "A defect present at delivery, found after the warranty: repair or replacement may still be claimed"),
        cites=("crpl:24", "pql:40", "civil_code:582", "civil_code:621"),
        demands=("free_repair", "free_replacement_same_model", "free_replacement_newer_model"),
        variants=capped_when_disputed((
            Variant(
                name="admitted",
                strength="strong",
                letter=T("该设备的故障属于经营者已承认或已公告召回的批次问题，经营者知道或者应当知道该缺陷，依民法典第六百二十一条第三款，买受人不受通知时间的限制；虽已过保修期，贵方仍应依法修理或者更换。", "The fault is a batch problem the business has acknowledged or recalled, so the business knew or should have known of the defect; under article 621(3) of the Civil Code the buyer is not bound by the notice period, and although the warranty has ended you must still repair or replace the device."),
                when=(CONSUMER, NONCONFORMITY, OUT_OF_WARRANTY, INHERENT_DEFECT,
                      FAULT.where(batch__in=("acknowledged", "recall"))),
                because=T("虽已过保修期，但经营者已承认批次问题或召回，明知缺陷：不受质量保证期的限制，仍应修理或更换",
                          "the warranty is over, but the business acknowledged the batch problem or recalled, so "
                          "it knew: the quality guarantee period does not bar the claim"),
            ),
            Variant(
                name="comparator_free",
                strength="strong",
                letter=T("据了解，同型号、同批次、同故障的其他消费者已获免费处理（见上述事实），说明经营者知道或者应当知道该缺陷在交付时即已存在；依民法典第六百二十一条第三款，虽已过保修期，贵方仍应依法修理或者更换。", "Reportedly, other consumers with the same model, batch and fault were handled free of charge (see the facts above), which shows the business knew or should have known the defect existed at delivery; under article 621(3) of the Civil Code, although the warranty has ended, you must still repair or replace the device."),
                when=(CONSUMER, NONCONFORMITY, OUT_OF_WARRANTY, INHERENT_DEFECT,
                      SAME_BATCH.where(ratio=0, remedy__ne="none")),
                because=T("虽已过保修期，但经营者已为同批次同故障的其他消费者免费处理，其自身行为表明知道该缺陷：仍应修理或更换",
                          "the warranty is over, but the business handled the same fault free of charge for "
                          "others in the batch, showing by its own conduct that it knew: repair or replacement "
                          "is still owed"),
            ),
            Variant(
                name="reports",
                strength="arguable",
                letter=T("同批次已有多起同类故障报告，本人认为贵方应当知道该缺陷在交付时即已存在，虽已过保修期，贵方仍应修理或者更换。", "Many similar reports from the same batch exist; I hold that you should have known the defect existed at delivery, so although the warranty has ended you should still repair or replace the device."),
                when=(CONSUMER, NONCONFORMITY, OUT_OF_WARRANTY, INHERENT_DEFECT, FAULT.where(reports__ge=10)),
                because=T("已过保修期；同批次十起以上同类报告可以说明经营者应当知道缺陷，但经营者可能否认，属可争取",
                          "the warranty is over; ten or more similar reports suggest the business should have "
                          "known, which it may deny: arguable"),
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
        id="crpl24.return_after_failed_repairs",
        letter=T("该设备经两次以上修理仍不能正常使用，合同目的不能实现，本人依法有权退货，贵方应当退还货款。",
                 "The device still does not work after two or more repairs; the purpose of the contract has failed, so I am entitled to return it and you must refund the price."),
        quotes=("crpl:24:1", "civil_code:563:1:4"),
        title=T("两次以上维修仍不能正常使用，可以要求退货",
                "Two or more failed repairs: you may return the goods"),
        cites=("crpl:24", "civil_code:563"),
        demands=("refund",),
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
        id="crpl24.costs",
        letter=T("因退货、更换、修理产生的运输等必要费用，应由贵方承担。",
                 "You must bear shipping and other necessary costs of the return, replacement or repair."),
        quotes=("crpl:24:2",),
        title=T("退货、更换、修理的运输等必要费用由经营者承担",
                "The business pays shipping and other necessary costs of return, replacement or repair"),
        cites=("crpl:24:2",),
        demands=(),
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
        id="crpl24.remedies",
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
