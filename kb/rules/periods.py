"""Where the fault falls in time: the warranty, the seven days and the six months.

民法典第二百零一条 — 按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。
民法典第二百零二条 — 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。
民法典第二百零三条 — 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。

The period ends are computed by engine/dates.py under these articles and handed to the rules as the
`dates` fact. The seven days (消保法第二十四条) and six months (消保法第二十三条第三款) are statutory
periods, so a last day on a rest day or holiday moves (第二百零三条). The warranty is the business's own
promise, counted by its terms: in warranty up to and including purchase.date + warranty_months, unmoved.
"""

from kb.rules.common import BURDEN_CATEGORIES, CONSUMER, DATES
from kb.rules.dsl import Missing, Ref, Rule, T, fact

PLACE = 20  # where its rules and missing facts come in the rule base
ARTICLE = ("civil_code:201", "civil_code:202", "civil_code:203")  # the article(s) this module encodes

RULES = [
    Rule(
        name="status.in_warranty",
        when=(DATES.where(warranty="yes", noticed__le=Ref("d", "warranty_end")),),
        derive="status.in_warranty",
        because=T("{d.noticed_on} 发现故障，在保修期内（保修期至 {d.warranty_end_on}）",
                  "the fault was noticed on {d.noticed_on}, within the warranty (which ran to {d.warranty_end_on})"),
    ),
    Rule(
        name="status.out_of_warranty",
        when=(DATES.where(warranty="yes", noticed__gt=Ref("d", "warranty_end")),),
        derive="status.out_of_warranty",
        because=T("{d.noticed_on} 发现故障，已过保修期（保修期至 {d.warranty_end_on}）",
                  "the fault was noticed on {d.noticed_on}, after the warranty ended on {d.warranty_end_on}"),
    ),
    Rule(
        name="status.within_7_days",
        when=(DATES.where(noticed__le=Ref("d", "day7_end")),),
        derive="status.within_7_days",
        because=T("收货后七日内（至 {d.day7_end_on}）即发现故障",
                  "the fault was noticed within seven days of delivery (by {d.day7_end_on})"),
        cites=("civil_code:201", "civil_code:203"),
    ),
    Rule(
        name="status.within_6_months",
        # L3: the six-month window serves only a consumer and a category 第二十三条第三款 can cover.
        when=(DATES.where(noticed__le=Ref("d", "month6_end")), CONSUMER,
              fact("pc", "purchase", category__in=BURDEN_CATEGORIES)),
        derive="status.within_6_months",
        because=T("收货后六个月内（至 {d.month6_end_on}）发现故障",
                  "the fault was noticed within six months of delivery (by {d.month6_end_on})"),
        cites=("civil_code:201", "civil_code:202", "civil_code:203"),
    ),
]

MISSING = [
    Missing(
        field="purchase.warranty_months",
        why=T("保修期未知：它决定适用保修期内的免费修理、更换，还是过保后的规则",
              "the warranty period is unknown: it decides between in-warranty repair/replacement and the "
              "after-warranty rules"),
        when=(DATES.where(warranty="no"),),
    ),
]
