"""民法典第六百二十一条 — the quality guarantee period, and what the seller knew.

> 当事人没有约定检验期限的，……但是，对标的物有质量保证期的，适用质量保证期，不适用该二年的规定。
> 出卖人知道或者应当知道提供的标的物不符合约定的，买受人不受前两款规定的通知时间的限制。

After the warranty (the quality guarantee period) the goods are deemed conforming — unless the seller
knew or should have known they were not. So an after-warranty claim turns on two facts derived here:
`fact.inherent_defect` (the fault existed at delivery) and `fact.business_knew`. Evidence that others of
the same model and batch had the same fault, or that the business admitted a batch problem, speaks to
both. A comparator counts only if model and batch are known and equal and a symptom is shared:
unknown batches never match.
"""

from kb.rules.common import (
    BUSINESS_KNEW,
    FAULT,
    NONCONFORMITY,
    OUT_OF_WARRANTY,
    SAME_BATCH,
    WITHIN_6_MONTHS,
)
from kb.rules.dsl import Deadline, Missing, Ref, Rule, T, fact

PLACE = 40  # where its rules and missing facts come in the rule base
ARTICLE = ("civil_code:621",)  # the article(s) this module encodes

_CMP = fact("c", "comparator", shared__ge=1)
_PRODUCT = fact("pr", "product", batch__ne="?")

RULES = [
    Rule(
        name="comparator.same_batch",
        when=(_PRODUCT, _CMP.where(model=Ref("pr", "model"), batch=Ref("pr", "batch"))),
        derive="comparator.same_batch",
        attrs={"i": Ref("c", "i"), "ratio": Ref("c", "ratio"), "remedy": Ref("c", "remedy"), "target": Ref("c", "target")},
        because=T("您记录的第 {c.n} 位其他消费者与您同型号、同批次（{c.batch}）、有相同故障现象，获得的处理是{c.remedy}",
                  "the other consumer you recorded as no. {c.n} has the same model, the same batch ({c.batch}) and a "
                  "shared symptom, and got {c.remedy}"),
    ),
    Rule(
        name="inherent_defect.batch",
        when=(NONCONFORMITY, FAULT.where(batch__in=("similar_reports", "acknowledged", "recall"))),
        derive="fact.inherent_defect",
        because=T("同批次存在同类故障（{f.batch}），说明缺陷在交付时即已存在",
                  "the same batch shows the same fault ({f.batch}): the defect existed at delivery"),
    ),
    Rule(
        name="inherent_defect.comparator",
        when=(NONCONFORMITY, SAME_BATCH),
        derive="fact.inherent_defect",
        because=T("同批次其他消费者出现相同故障，说明缺陷在交付时即已存在",
                  "others in the same batch had the same fault: the defect existed at delivery"),
    ),
    Rule(
        name="inherent_defect.six_months",
        when=(NONCONFORMITY, WITHIN_6_MONTHS),
        derive="fact.inherent_defect",
        because=T("故障在收货后六个月内出现，推定交付时即已存在",
                  "the fault appeared within six months of delivery: presumed present at delivery"),
        cites=("crpl:23:3",),
    ),
    Rule(
        name="business_knew.admitted",
        when=(FAULT.where(batch__in=("acknowledged", "recall")),),
        derive="fact.business_knew",
        because=T("经营者已承认批次问题或公告召回，可以认定其知道或者应当知道该缺陷",
                  "the business acknowledged a batch problem or recalled: it knew or should have known of the defect"),
        cites=("civil_code:621:3",),
    ),
    Rule(
        name="business_knew.reports",
        when=(FAULT.where(reports__ge=10),),
        derive="fact.business_knew",
        because=T("同批次同类故障报告已有 {f.reports} 起（十起以上），经营者应当知道",
                  "{f.reports} similar reports from the same batch (ten or more): the business should have known"),
        cites=("civil_code:621:3",),
    ),
    Rule(
        name="business_knew.comparator",
        when=(SAME_BATCH,),
        derive="fact.business_knew",
        because=T("经营者曾处理过同批次同故障的其他消费者，应当知道该缺陷",
                  "the business has handled the same fault for others of the same batch: it should have known"),
        cites=("civil_code:621:3",),
    ),
]

DEADLINES = [
    Deadline(
        id="notice.quality_period", place=40,
        title=T("质量保证期（保修期）届满日", "End of the quality guarantee (warranty) period"),
        cites=("civil_code:621",),
        variants=(
            (
                (OUT_OF_WARRANTY, fact("d", "dates")),
                (BUSINESS_KNEW,),
                Ref("d", "warranty_end"),
                T("已过保修期，且尚无证据表明经营者知道或应当知道该缺陷：依民法典第六百二十一条，质量保证期届满后才提出异议的，视为标的物符合约定",
                  "the warranty is over and nothing yet shows the business knew or should have known: under civil "
                  "code art. 621, an objection after the quality guarantee period means the goods are deemed conforming"),
            ),
        ),
        moves=False,
        passed_note=T("已届满：此后主张质量问题，需证明经营者知道或应当知道缺陷",
                      "passed: a quality claim now needs proof that the business knew or should have known"),
    ),
]

MISSING = [
    Missing(
        field="fault.similar_reports",
        why=T("同批次同类故障报告的数量未知：十起以上即可支持“经营者应当知道”，使过保后的主张更有力",
              "the number of similar same-batch reports is unknown: ten or more support that the business "
              "should have known, which strengthens an after-warranty claim"),
        when=(FAULT.where(batch="similar_reports", reports_known="no"), NONCONFORMITY),
    ),
    Missing(
        field="product.production_batch",
        why=T("您的生产批次未知：只有同型号、同批次的对比才能证明缺陷出厂即有、经营者应当知道，以及差别待遇",
              "your production batch is unknown: only a same-model, same-batch comparison can show the defect "
              "was there at delivery, that the business should have known, and unequal treatment"),
        when=(fact("pr", "product", batch="?"), fact("c", "comparator")),
    ),
    Missing(
        field="comparators.production_batch",
        why=T("对比消费者的生产批次未知：批次相同才能作为同批次对比",
              "a comparator's production batch is unknown: only the same batch makes a same-batch comparison"),
        when=(fact("pr", "product", batch__ne="?"), fact("c", "comparator", batch="?", model=Ref("pr", "model"))),
    ),
]
