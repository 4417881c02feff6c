"""产品质量法第四十五条 — the periods for claims for damage caused by a defect.

> 因产品存在缺陷造成损害要求赔偿的诉讼时效期间为二年，自当事人知道或者应当知道其权益受到损害时起计算。
> 因产品存在缺陷造成损害要求赔偿的请求权，在造成损害的缺陷产品交付最初消费者满十年丧失；但是，尚未超过明示的安全使用期的除外。

民法典第一百八十八条 sets three years "法律另有规定的，依照其规定": this special two-year period stays in
force. Counted from when the consumer first noticed the fault (the earliest date the case gives for
knowing of the harm). The ten-year long stop runs from delivery to the first consumer.
"""

from kb.rules.common import HARM
from kb.rules.dsl import Deadline, Ref, T, fact

PLACE = 220  # where its rules and missing facts come in the rule base
ARTICLE = ("pql:45",)  # the article(s) this module encodes

_D = fact("d", "dates")

DEADLINES = [
    Deadline(
        id="limitation.product_liability", place=20,
        title=T("产品缺陷损害赔偿的诉讼时效（二年）", "Limitation for defect damage claims (two years)"),
        cites=("pql:45", "civil_code:188"),
        variants=(
            ((HARM, _D), (), Ref("d", "noticed"),
             T("自 {d.noticed_on} 发现问题之日起二年（按最早可能知道损害之日计算）",
               "two years from {d.noticed_on}, when the problem was found (the earliest day the harm may have been known)")),
        ),
        years=2,
    ),
    Deadline(
        id="limitation.long_stop", place=30,
        title=T("缺陷损害赔偿请求权的最长期限（交付后十年）", "Long stop for defect damage claims (ten years from delivery)"),
        cites=("pql:45",),
        variants=(
            ((HARM, _D), (), Ref("d", "bought"),
             T("自 {d.bought_on} 交付起满十年丧失（尚未超过明示的安全使用期的除外）",
               "lost ten years after delivery on {d.bought_on} (unless a stated safe-use period is longer)")),
        ),
        years=10,
    ),
]
