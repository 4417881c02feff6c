"""消费者权益保护法第四十八条第一款第八项 — civil liability for stalling or refusing.

> 经营者提供商品或者服务有下列情形之一的，除本法另有规定外，应当依照其他有关法律、法规的规定，承担民事责任：……
> （八）对消费者提出的修理、重作、更换、退货、补足商品数量、退还货款和服务费用或者赔偿损失的要求，故意拖延或者无理拒绝的；……

A refusal, or sending the device back unrepaired without consent, while the consumer holds a claim to a
repair, replacement or return as of right (第二十四条, a no-reason return under 第二十五条, or goods sold by
fraud under 第五十五条 — 第八项 names 退货 and 退还货款 too, R6). As strong as the strongest claim it refuses:
refusing a weak claim is not 无理拒绝. It gives nothing of its own (§2a): the liability is civil, and
compensation comes only through a recorded loss (民法典第五百八十四条).
"""

from kb.rules.common import CONSUMER, PERFORMANCE_FINDINGS
from kb.rules.dsl import Finding, Ref, T, Variant, fact

PLACE = 170  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:48",)  # the article(s) this module encodes

_CLAIM = fact("f", "finding", fid__in=PERFORMANCE_FINDINGS)

FINDINGS = [
    Finding(
        id="crpl48.refusal_liability", place=200,
        letter=T("本人依法提出的要求被无理拒绝，经营者应当依法承担民事责任。",
                 "My lawful request was refused without proper reason; the business bears civil liability for it."),
        quotes=("crpl:48:1:8",),
        title=T("无理拒绝或故意拖延修理、更换、退货，应当承担民事责任",
                "Refusing or stalling repair, replacement or return: civil liability"),
        cites=("crpl:48",),
        gives=(),
        variants=(
            Variant(
                name="refusal",
                strength=Ref("f", "strength"),
                when=(CONSUMER, fact("x", "interaction", kind="refusal"), _CLAIM),
                letter=T("{x.party}于 {x.on} 拒绝了本人依上述规定提出的要求，属于无理拒绝，经营者应当依法承担民事责任。",
                         "I hold rights under the articles above, yet on {x.on} {x.party} refused my request: an "
                         "unreasonable refusal, for which the business bears civil liability."),
                because=T("{x.on} {x.party}拒绝处理，而消费者依法有权要求修理、更换或退货：属于无理拒绝（与该项主张同等强度）",
                          "on {x.on} {x.party} refused, although the consumer holds a claim to repair, replacement or "
                          "return: an unreasonable refusal (as strong as that claim)"),
            ),
            Variant(
                name="returned_unrepaired",
                strength=Ref("f", "strength"),
                when=(CONSUMER, fact("x", "interaction", kind="return_unrepaired", consented__ne="yes"), _CLAIM),
                letter=T("{x.party}于 {x.on} 未经本人同意将设备原样退回、不予处理，而本人依上述规定享有相应权利，属于无理拒绝，经营者应当依法承担民事责任。",
                         "I hold rights under the articles above, yet on {x.on} {x.party} sent the device "
                         "back unrepaired without my consent: an unreasonable refusal, for which the business bears "
                         "civil liability."),
                because=T("{x.on} {x.party}未经消费者同意将设备原样退回、不予维修，而消费者依法有权要求修理、更换或退货：属于无理拒绝（与该项主张同等强度）",
                          "on {x.on} {x.party} sent the device back unrepaired without consent, although the consumer "
                          "holds a claim to repair, replacement or return: an unreasonable refusal (as strong as that claim)"),
            ),
        ),
    ),
]
