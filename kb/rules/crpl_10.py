"""消费者权益保护法第十条 — fair trade: the right to refuse forced dealing, and equal terms.

> 消费者享有公平交易的权利。
> 消费者在购买商品或者接受服务时，有权获得质量保障、价格合理、计量正确等公平交易条件，有权拒绝经营者的强制交易行为。

Two conducts fall here. *Forced dealing* (L4): refusing any other handling unless the consumer pays for
the offered repair or trade-in — a conditional refusal on a *paid* offer (第十六条第三款 forbids 强制交易
and unfair conditions too). A free offer sells nothing, so it is never forced dealing; handing the device
back after the consumer declined a paid offer is a refusal (第四十八条), not forced dealing by itself. It is as
strong as the repair claim it presses on, and never below arguable (R4). *Unequal treatment* (R8): a
consumer of the same model and batch with the same fault got a remedy where this one got none, or a
cheaper one — arguable only, since the business may point to differences we cannot see. Only where the
difference is the price of the same service (R3: a repair and a repair, or a replacement to the same target
model) does 实施条例第九条第二款 speak to it (L6). Neither conduct gives a remedy of its own beyond equal
treatment (§2a); a newer model is a request, never a right.
"""

from kb.rules.common import CONSUMER, CRPL24_REMEDY_FINDINGS, NONCONFORMITY, REPAIRS, REPLACEMENTS, SAME_BATCH
from kb.rules.dsl import Finding, Give, Missing, NotApplicable, Reason, Ref, Rule, T, Variant, fact

PLACE = 100  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:10",)  # the article(s) this module encodes

_X = fact("x", "interaction")
_PO = fact("po", "fact.paid_offer")
_OFFERED = ("offer", "repair", "replacement", "refund")

RULES = [
    Rule(
        name="forced_offer.conditional",
        when=(_PO, _X.where(conditional="yes", i=Ref("po", "i"))),
        derive="fact.forced_offer",
        because=T("{x.on} {x.party}以消费者接受其付费方案（{x.remedy}）为条件，拒绝其他处理",
                  "on {x.on} {x.party} refused any other handling unless the consumer paid for its offer ({x.remedy})"),
    ),
    Rule(
        name="unequal.priced_newer",
        when=(fact("of", "offers", any="yes", best_known="yes"),
              SAME_BATCH.where(remedy="free_replacement_newer_model", ratio__lt=Ref("of", "best"))),
        derive="fact.unequal_treatment",
        attrs={"priced": "yes", "newer": "yes"},
        because=T("同批次同故障的消费者免费换得新款，而您得到的最好方案仍需支付原价的 {of.best_pct}",
                  "a same-batch consumer with the same fault got a newer model free, while your best offer still "
                  "cost {of.best_pct} of the price"),
    ),
    Rule(
        name="unequal.priced",
        when=(fact("of", "offers", any="yes", best_known="yes"),
              SAME_BATCH.where(remedy__in=("free_repair", "paid_repair", "free_replacement_same_model",
                                           "discounted_trade_in", "refund"), ratio__lt=Ref("of", "best"))),
        derive="fact.unequal_treatment",
        attrs={"priced": "yes", "newer": "no"},
        because=T("同批次同故障的消费者获得的处理（{cmp.remedy}）比您得到的最好方案（原价的 {of.best_pct}）更便宜",
                  "a same-batch consumer with the same fault got a cheaper remedy ({cmp.remedy}) than your best "
                  "offer ({of.best_pct} of the price)"),
    ),
    Rule(
        name="unequal.nothing_newer",
        when=(fact("of", "offers", any="no"), SAME_BATCH.where(remedy="free_replacement_newer_model")),
        derive="fact.unequal_treatment",
        attrs={"priced": "no", "newer": "yes"},
        because=T("同批次同故障的消费者获得了新款更换，而您没有得到任何处理方案",
                  "a same-batch consumer with the same fault got a newer model, while you were offered nothing"),
    ),
    Rule(
        name="unequal.nothing",
        when=(fact("of", "offers", any="no"),
              SAME_BATCH.where(remedy__in=("free_repair", "paid_repair", "free_replacement_same_model",
                                           "discounted_trade_in", "refund"))),
        derive="fact.unequal_treatment",
        attrs={"priced": "no", "newer": "no"},
        because=T("同批次同故障的消费者获得了处理（{cmp.remedy}），而您没有得到任何处理方案",
                  "a same-batch consumer with the same fault got a remedy ({cmp.remedy}), while you were offered "
                  "nothing"),
    ),
]

_UT = fact("ut", "fact.unequal_treatment", priced="yes")
_MINE = fact("x", "interaction", kind__in=_OFFERED, price_known="yes")


def _same(name: str, mine: tuple, theirs: dict) -> Rule:
    return Rule(
        name=f"same_remedy_cheaper.{name}",
        when=(_UT, _MINE.where(remedy__in=mine), SAME_BATCH.where(ratio__lt=Ref("x", "price"), **theirs)),
        derive="fact.same_remedy_cheaper",
        because=T("同批次同故障的消费者就同一服务（{cmp.remedy}）支付的价格低于给您的方案（{x.on}，{x.price}）：同一服务、不同收费",
                  "a same-batch consumer with the same fault paid less for the same service ({cmp.remedy}) than "
                  "the offer to you ({x.on}, {x.price}): the same service at different prices"),
        cites=("crpl_regs:9",),
    )


# R3: a repair and a repair; a replacement or trade-in to the same target model (where both are given).
RULES += [
    _same("repair", REPAIRS, {"remedy__in": REPAIRS}),
    _same("replacement", REPLACEMENTS, {"remedy__in": REPLACEMENTS, "target": Ref("x", "target")}),
    _same("replacement_their_target_unknown", REPLACEMENTS, {"remedy__in": REPLACEMENTS, "target": "?"}),
]
RULES.append(Rule(
    name="same_remedy_cheaper.replacement_my_target_unknown",
    when=(_UT, _MINE.where(remedy__in=REPLACEMENTS, target="?"),
          SAME_BATCH.where(ratio__lt=Ref("x", "price"), remedy__in=REPLACEMENTS)),
    derive="fact.same_remedy_cheaper",
    because=T("同批次同故障的消费者就同类服务（{cmp.remedy}）支付的价格低于给您的方案（{x.on}，{x.price}）：同一服务、不同收费",
              "a same-batch consumer with the same fault paid less for the same kind of service ({cmp.remedy}) than "
              "the offer to you ({x.on}, {x.price}): the same service at different prices"),
    cites=("crpl_regs:9",),
))

_UNEQUAL = T("同型号、同批次、同故障的消费者受到不同对待，可主张公平交易条件；经营者可能以个案差异抗辩，属可争取",
             "consumers of the same model, batch and fault were treated differently, which supports a claim to "
             "fair terms; the business may cite differences between cases: arguable")

_FORCED = T("以拒绝其他处理迫使消费者接受付费方案，属于消费者有权拒绝的强制交易（与其所施压的修理主张同等强度，至少可争取）",
            "withholding other handling to make the consumer pay for its offer is forced dealing, which the consumer "
            "may refuse (as strong as the repair claim it presses on, and at least arguable)")

FINDINGS = [
    Finding(
        id="crpl10.forced_transaction", place=100,
        letter=T("售后以本人接受付费方案为条件才肯处理，否则拒绝其他处理，属于本人有权拒绝的强制交易，经营者不得强制交易；贵方应当不附条件地依法处理本人的设备。",
                 "Making any handling conditional on my paying for its offer, and otherwise refusing other handling, is forced dealing, which I may refuse and which a business must not engage in; you must handle my device as the law requires, without conditions."),
        quotes=("crpl:10:2", "crpl:16:3"),
        title=T("拒绝其他处理以迫使接受付费方案，涉嫌强制交易", "Refusing other handling to force a paid offer: forced dealing"),
        cites=("crpl:10", "crpl:9", "crpl:16"),
        gives=(),
        variants=(
            Variant(
                name="presses_on_claim",
                strength=Ref("rc", "strength"),
                when=(CONSUMER, fact("fo", "fact.forced_offer"),
                      fact("rc", "finding", fid__in=CRPL24_REMEDY_FINDINGS, strength__in=("strong", "arguable"))),
                because=_FORCED,
            ),
            Variant(
                name="forced",
                strength="arguable",
                when=(CONSUMER, fact("fo", "fact.forced_offer")),
                because=T("以拒绝其他处理为条件推销付费方案，可以主张属于不公平、不合理的交易条件（强制交易），属可争取",
                          "making other handling conditional on a paid purchase can be argued to be an unfair, "
                          "unreasonable trading condition (forced dealing): arguable"),
            ),
        ),
    ),
    Finding(
        id="crpl10.unequal_treatment", place=110,
        letter=T("据本人了解，同型号、同批次、有相同故障现象的其他消费者获得了更优的处理，本人认为经营者应当给予本人同等的公平交易条件。",
                 "As far as I know, other consumers with the same model and batch and a shared symptom were treated better; I hold that the business should give me the same fair terms."),
        quotes=("crpl:10:2", "crpl_regs:9:2"),
        title=T("同批次同故障却差别对待，涉嫌违背公平交易", "Same batch, same fault, different treatment: arguably unfair terms"),
        cites=("crpl:10",),
        gives=(
            Give("equal_treatment"),
            Give("free_replacement_newer_model", basis="request",
                 when=(SAME_BATCH.where(remedy="free_replacement_newer_model"),),
                 because=T("同批次同故障的消费者获得了新款更换：可以据此协商请求同等处理，但第二十四条的更换是同型号的合格商品，新款不是法定权利",
                           "a same-batch consumer with the same fault got a newer model: you may ask for the same as a "
                           "settlement, but art. 24's replacement is a conforming unit of the same model, so a newer "
                           "model is not a legal right")),
        ),
        variants=(
            Variant(name="same_remedy_cheaper", strength="arguable", because=_UNEQUAL,
                    letter=T("同型号、同批次、有相同故障现象的其他消费者就同一服务支付的价格低于给本人的方案，本人认为经营者在同等交易条件下对同一服务设置了不同的收费，应当给予本人同等待遇。",
                             "Other consumers with the same model and batch and a shared symptom paid less for the same "
                             "service than the offer made to me; I hold that the business set different charges for the "
                             "same service on equal trading terms and should treat me equally."),
                    when=(CONSUMER, NONCONFORMITY, fact("ut", "fact.unequal_treatment"),
                          fact("sr", "fact.same_remedy_cheaper")), cites=("crpl_regs:9",)),
            Variant(name="unequal", strength="arguable", because=_UNEQUAL,
                    when=(CONSUMER, NONCONFORMITY, fact("ut", "fact.unequal_treatment"))),
        ),
    ),
]

NOT_APPLICABLE = [
    NotApplicable(
        id="crpl10.fair_trade", place=20,
        cites=("crpl:10",),
        findings=("crpl10.forced_transaction", "crpl10.unequal_treatment"),
        reasons=(
            Reason(
                when=(fact("sb", "scope.business"),),
                why=T("并非为生活消费购买，消费者权益保护法第十条不适用",
                      "not bought for personal use, so consumer law art. 10 does not apply"),
            ),
            Reason(
                when=(fact("p", "purchase", personal="unknown"),),
                why=T("尚不清楚是否为生活消费购买；若是，且存在强制交易或差别待遇，第十条可能适用",
                      "it is not known whether the device was bought for personal use; if it was, art. 10 may "
                      "apply to forced dealing or unequal treatment"),
            ),
            Reason(
                why=T("未发现以拒绝处理相要挟的强制交易，也未发现同型号同批次同故障的消费者获得更优待遇（如知道他人获得不同处理，请补充对比信息）",
                      "no forced dealing (refusal used as leverage) and no better treatment of same-model, "
                      "same-batch consumers with the same fault was found (if you know of others treated "
                      "differently, add them as comparators)"),
            ),
        ),
    ),
]

MISSING = [
    Missing(
        field="interactions.price_ratio",
        why=T("经营者给出的方案价格未知：同批次消费者获得了处理，只有知道您需付原价的几成，才能比较是否差别对待",
              "the price of the business's offer to you is unknown: a same-batch consumer got a remedy, and only "
              "your price can show whether you were treated differently"),
        when=(fact("of", "offers", any="yes", best_known="no"), SAME_BATCH),
    ),
]
