"""民法典第一百八十八条 — the three-year limitation period for the contract claim.

> 向人民法院请求保护民事权利的诉讼时效期间为三年。法律另有规定的，依照其规定。
> 诉讼时效期间自权利人知道或者应当知道权利受到损害以及义务人之日起计算。……

The consumer knows the right is harmed at the latest when the business first refuses, returns the
device unrepaired, or makes an offer the consumer declines; with none of these, from when the fault was
noticed. Counted by 第二百零一条至第二百零三条 (a last day on a rest day or holiday moves).
"""

from kb.rules.dsl import Deadline, Ref, T, fact

_TRIGGER_KINDS = ("refusal", "return_unrepaired")
_D = fact("d", "dates")

DEADLINES = [
    Deadline(
        id="limitation.contract",
        title=T("违约之诉的诉讼时效（三年）", "Limitation for the contract claim (three years)"),
        cites=("civil_code:188",),
        years=3,
        variants=(
            (
                (fact("x", "interaction", kind__in=_TRIGGER_KINDS),),
                (fact("y", "interaction", kind__in=_TRIGGER_KINDS, day__lt=Ref("x", "day")),
                 fact("z", "interaction", kind="offer", accepted__ne="yes", day__lt=Ref("x", "day"))),
                Ref("x", "day"),
                T("自 {x.on} {x.party}{x.kind}（知道权利受到损害）起三年",
                  "three years from {x.on}, when {x.party} {x.kind} (the consumer knew the right was harmed)"),
            ),
            (
                (fact("x", "interaction", kind="offer", accepted__ne="yes"),),
                (fact("y", "interaction", kind__in=_TRIGGER_KINDS, day__lt=Ref("x", "day")),
                 fact("z", "interaction", kind="offer", accepted__ne="yes", day__lt=Ref("x", "day"))),
                Ref("x", "day"),
                T("自 {x.on} 拒绝{x.party}的方案（知道权利受到损害）起三年",
                  "three years from {x.on}, when the consumer declined {x.party}'s offer (knowing the right was harmed)"),
            ),
            (
                (_D,),
                (fact("y", "interaction", kind__in=_TRIGGER_KINDS),
                 fact("z", "interaction", kind="offer", accepted__ne="yes")),
                Ref("d", "noticed"),
                T("尚无拒绝或未接受的方案，自 {d.noticed_on} 发现故障起三年",
                  "no refusal or declined offer yet: three years from {d.noticed_on}, when the fault was noticed"),
            ),
        ),
    ),
]
