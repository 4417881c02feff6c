"""市场监督管理投诉举报处理办法 (总局令第121号, in force 2026-04-15, repealing the 2019 暂行办法) — the market
regulator's limit for accepting a complaint.

Its text is not yet verified against two independent copies, so it is named in plain words here and never
quoted or cited by key (LEGAL_SPEC §3). The regulator does not accept a complaint about a dispute more than
three years after the consumer knew or should have known of the infringement (its 第十六条第（四）项). R2:
`first_noticed` + 36 months, that day included and not moved; only for a consumer (the procedure serves
生活消费 only).
"""

from kb.rules.common import CONSUMER
from kb.rules.dsl import Deadline, Ref, T, fact

PLACE = 230  # where its rules and missing facts come in the rule base
ARTICLE = ()  # 市场监督管理投诉举报处理办法: not yet verified, so named in plain words and cited by no key

_D = fact("d", "dates")

DEADLINES = [
    Deadline(
        id="complaint.samr", place=70,
        title=T("向市场监督管理部门（12315）投诉的期限", "Last day to complain to the market regulator (12315)"),
        cites=(),
        months=36,
        moves=False,
        variants=(
            ((CONSUMER, _D), (), Ref("d", "noticed"),
             T("市场监督管理部门对自消费者知道或者应当知道权益受到侵害之日起超过三年的投诉不予受理（市场监督管理投诉举报处理办法，2026-04-15 起施行，取代2019年的暂行办法）：自 {d.noticed_on} 发现问题起算，当日仍可投诉，不顺延",
               "the market regulator does not accept a complaint made more than three years after the consumer knew or "
               "should have known of the infringement (its complaint rules, in force 2026-04-15, replacing the 2019 "
               "interim rules): counted from {d.noticed_on}, when the problem was found; that day itself still counts, "
               "and it does not move")),
        ),
    ),
]
