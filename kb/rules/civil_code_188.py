"""民法典第一百八十八条、第一百九十五条 — the three-year limitation period for the contract claim, and what interrupts it.

> 向人民法院请求保护民事权利的诉讼时效期间为三年。法律另有规定的，依照其规定。
> 诉讼时效期间自权利人知道或者应当知道权利受到损害以及义务人之日起计算。……
> 有下列情形之一的，诉讼时效中断，从中断、有关程序终结时起，诉讼时效期间重新计算：（一）权利人向义务人提出履行请求；……

L10: the safe date runs from the earliest day a court could take as the day the consumer knew of the harm —
`first_noticed` (R12: also with no fault at all, the day the consumer found out). The later start that
can be argued (the first refusal, return unrepaired or declined offer after it) is an argument beside the
safe date, never the date itself. A demand the business received, or a complaint to 消协 or the market
regulator, interrupts the period and starts it anew (第一百九十五条; 诉讼时效规定第八条、第十二条): the
restarted end is what that interruption argues, so the letter should go by a route that proves receipt.
Counted by 第二百零一条至第二百零三条 (a last day on a rest day or holiday moves).
"""

from kb.rules.dsl import Argument, Deadline, Ref, T, fact

PLACE = 210  # where its rules and missing facts come in the rule base
ARTICLE = ("civil_code:188", "civil_code:195")  # the article(s) this module encodes

_TRIGGER_KINDS = ("refusal", "return_unrepaired")
_D = fact("d", "dates")
_X = fact("x", "interaction")
_INTERRUPTS = T("；向经营者提出的书面要求（经营者收到）一般可以使时效中断，向消费者协会、市场监督管理部门投诉通常也可以，"
                "时效自中断或有关程序终结时起重新计算（民法典第一百九十五条），因此维权函宜以能证明送达的方式寄送",
                "; a written demand the business receives can generally interrupt the period, and so usually can a "
                "complaint to the consumer association or the market regulator; the period then runs anew from the "
                "interruption or the end of that procedure (civil code art. 195), so send the letter by a route that "
                "proves receipt")

DEADLINES = [
    Deadline(
        id="limitation.contract", place=10,
        title=T("违约之诉的诉讼时效（三年）", "Limitation for the contract claim (three years)"),
        cites=("civil_code:188", "civil_code:195"),
        years=3,
        variants=(
            (
                (_D,),
                (),
                Ref("d", "noticed"),
                T("自 {d.noticed_on} 发现问题（法院可能认定的最早知道权利受损之日）起三年，按最早的起算日计算" + _INTERRUPTS.zh,
                  "three years from {d.noticed_on}, when the problem was found (the earliest day a court may take as "
                  "the day the consumer knew of the harm), counted from that earliest start" + _INTERRUPTS.en),
            ),
        ),
        arguments=(
            Argument(
                id="limitation.contract.later_start",
                variants=(
                    ((_D, _X.where(kind__in=_TRIGGER_KINDS, day__gt=Ref("d", "noticed"))), (), Ref("x", "day"),
                     T("也可以主张自 {x.on} {x.party}{x.kind}时才知道权利受到损害，时效至 {date}（可能有争议）",
                       "it can be argued that the consumer knew of the harm only on {x.on}, when {x.party} {x.kind}, "
                       "so the period runs to {date} (this may be disputed)")),
                    ((_D, _X.where(kind="offer", accepted__ne="yes", day__gt=Ref("d", "noticed"))), (), Ref("x", "day"),
                     T("也可以主张自 {x.on} 未接受{x.party}的方案时才知道权利受到损害，时效至 {date}（可能有争议）",
                       "it can be argued that the consumer knew of the harm only on {x.on}, when {x.party}'s offer was "
                       "declined, so the period runs to {date} (this may be disputed)")),
                ),
                pick="earliest",
            ),
            Argument(
                id="limitation.contract.restarted",
                variants=(
                    ((_D, _X.where(kind="consumer_demand", day__ge=Ref("d", "noticed"))), (), Ref("x", "day"),
                     T("{x.on} 的书面要求或投诉（{x.channel}）使时效中断、重新计算，可以主张时效至 {date}（需能证明对方收到）",
                       "the written demand or complaint of {x.on} ({x.channel}) interrupted the period and started it "
                       "anew, so it can be argued to run to {date} (if its receipt can be proved)")),
                ),
                pick="latest",
            ),
        ),
    ),
]
