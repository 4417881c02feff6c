"""民法典第五百七十七条、第五百八十四条 — compensation for the losses a failure to perform caused.

> 当事人一方不履行合同义务或者履行合同义务不符合约定的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。
> 当事人一方不履行合同义务或者履行合同义务不符合约定，造成对方损失的，损失赔偿额应当相当于因违约所造成的损失，包括合同履行后可以获得的利益；但是，不得超过违约一方订立合同时预见到或者应当预见到的因违约可能造成的损失。

Compensation needs a loss (L1: 第四十八条 gives none without one): each recorded loss with its amount, beside
a finding that gives a repair, replacement, return or compensation (L14). Strong when some loss has a
receipt or record, else arguable — and never stronger than the strongest finding it rests on (R5), which is
how a disputed nonconformity caps it only when every such finding is capped. For a consumer, 消保法第五十二条
names the same liability.
"""

from kb.rules.common import CONSUMER, REMEDY_FINDINGS
from kb.rules.dsl import Finding, Give, Ref, T, Variant, fact

PLACE = 160  # where its rules and missing facts come in the rule base
ARTICLE = ("civil_code:577", "civil_code:584")  # the article(s) this module encodes

_LOSS = fact("ls", "loss", amount__gt=0)
_ON = fact("g", "finding", fid__in=REMEDY_FINDINGS)


def _variants(consumer: bool) -> tuple[Variant, ...]:
    extra = (CONSUMER,) if consumer else ()
    cites = ("crpl:52",) if consumer else ()
    tag = "-consumer" if consumer else ""
    return (
        Variant(name=f"evidenced{tag}", strength="strong", cites=cites,
                when=(_LOSS.where(evidence="yes"), _ON.where(strength="strong"), *extra),
                because=T("经营者未依法履行，消费者因此支出的费用有票据或记录（{ls.kind} {ls.amount} 元）：可以要求赔偿损失",
                          "the business did not perform as the law requires, and the consumer's resulting costs are "
                          "documented ({ls.kind}, CNY {ls.amount}): compensation may be claimed")),
        Variant(name=f"evidenced-follows{tag}", strength=Ref("g", "strength"), cites=cites,
                when=(_LOSS.where(evidence="yes"), _ON.where(strength__in=("arguable", "weak")), *extra),
                because=T("消费者因此支出的费用有票据或记录，但所依据的主张本身可能有争议：与该主张同等强度",
                          "the consumer's costs are documented, but the claim they rest on may be disputed: as strong "
                          "as that claim")),
        Variant(name=f"undocumented{tag}", strength="arguable", cites=cites,
                when=(_LOSS, _ON.where(strength__in=("strong", "arguable")), *extra),
                because=T("消费者因此支出了费用（{ls.kind} {ls.amount} 元），但尚无票据或记录：赔偿请求可以提出，但金额可能有争议，宜补充证据",
                          "the consumer bore costs ({ls.kind}, CNY {ls.amount}) but has no receipt or record yet: "
                          "compensation can be claimed, but the amount may be disputed — gather evidence")),
        Variant(name=f"undocumented-weak{tag}", strength="weak", cites=cites,
                when=(_LOSS, _ON.where(strength="weak"), *extra),
                because=T("消费者支出了费用，但所依据的主张较弱：赔偿请求较弱",
                          "the consumer bore costs, but the claim they rest on is weak: weak")),
    )


FINDINGS = [
    Finding(
        id="civil_code584.losses", place=190,
        letter=T("因贵方未依法履行上述义务，本人为此支出了下列费用，贵方应当予以赔偿。",
                 "Because you did not perform the obligations above, I bore the costs listed below, which you must compensate."),
        quotes=("civil_code:584:1",),
        title=T("因未依法履行造成的损失，可以要求赔偿", "Losses caused by the failure to perform may be compensated"),
        cites=("civil_code:577", "civil_code:584"),
        gives=(Give("compensation"),),
        variants=_variants(False) + _variants(True),
    ),
]
