"""消费者权益保护法第九条 — the right to choose, including to refuse.

> 消费者享有自主选择商品或者服务的权利。
> 消费者有权自主选择提供商品或者服务的经营者，自主选择商品品种或者服务方式，自主决定购买或者不购买任何一种商品、接受或者不接受任何一项服务。

A paid repair or a discounted trade-in offered for a device that fails quality requirements is a new
purchase the consumer may decline; declining it does not waive the claim for the device itself.
(The right to know is 第八条; this is the right to choose.) It protects the refusal and gives no remedy of
its own (LEGAL_SPEC §2a): the free repair comes from 第二十四条. "Paid" follows the one price rule (L9):
a remedy of unknown price is not free.
"""

from kb.rules.common import CONSUMER, NONCONFORMITY
from kb.rules.dsl import Finding, Ref, Rule, T, Variant, fact

PLACE = 90  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:9",)  # the article(s) this module encodes

_OFFER = fact("x", "interaction", kind="offer", remedy__ne="none")
RULES = [
    Rule(
        name="paid_offer",
        when=(NONCONFORMITY, _OFFER.where(price__gt=0)),
        derive="fact.paid_offer",
        attrs={"accepted": Ref("x", "accepted"), "i": Ref("x", "i")},
        because=T("{x.on} {x.party}提出需要付费的方案（{x.remedy}，{x.price}），而故障属于质量问题",
                  "on {x.on} {x.party} offered a paid remedy ({x.remedy}, {x.price}) for a quality fault"),
    ),
    Rule(
        name="paid_offer.unpriced",
        when=(NONCONFORMITY, _OFFER.where(price_known="no", remedy__ne="?")),
        derive="fact.paid_offer",
        attrs={"accepted": Ref("x", "accepted"), "i": Ref("x", "i")},
        because=T("{x.on} {x.party}提出的方案（{x.remedy}）并非免费方案，价格未说明，而故障属于质量问题",
                  "on {x.on} {x.party} offered a remedy ({x.remedy}) that is not a free one, at a price not stated, "
                  "for a quality fault"),
    ),
]

FINDINGS = [
    Finding(
        id="crpl9.right_to_refuse_offer", place=90,
        letter=T("售后提出的付费方案是一项新的交易，本人有权拒绝；拒绝该方案不影响经营者对原商品依法应承担的义务。",
                 "The paid offer made by the after-sales service is a new transaction, which I am free to refuse; refusing it does not release the business from its legal obligations for the device I bought."),
        quotes=("crpl:9:2",),
        title=T("有权拒绝付费维修或折价换购，拒绝不影响对原商品的主张",
                "You may refuse a paid repair or trade-in without giving up your claim"),
        cites=("crpl:9",),
        gives=(),
        variants=(
            Variant(
                name="declined",
                strength="strong",
                when=(CONSUMER, fact("po", "fact.paid_offer", accepted__ne="yes")),
                because=T("付费方案是一项新的交易，消费者有权自主决定接受或者不接受",
                          "a paid remedy is a new transaction, which the consumer is free to accept or refuse"),
            ),
        ),
    ),
]
