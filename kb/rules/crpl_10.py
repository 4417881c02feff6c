"""消费者权益保护法第十条 — fair trade: the right to refuse forced dealing, and equal terms.

> 消费者享有公平交易的权利。
> 消费者在购买商品或者接受服务时，有权获得质量保障、价格合理、计量正确等公平交易条件，有权拒绝经营者的强制交易行为。

Two conducts fall here. *Forced dealing*: refusing the repair unless the consumer buys the offered
trade-in, or sending the device back unrepaired after the consumer declined the paid offer (第十六条第三款
forbids 强制交易 and unfair conditions too). *Unequal treatment*: a consumer of the same model and batch
with the same fault got a cheaper remedy — arguable only, since the business may point to differences
we cannot see. Where the difference is a price or charge for the same service, the 2024 implementing
regulations (实施条例第九条第二款) speak to it directly.
"""

from kb.rules.common import CONSUMER, SAME_BATCH
from kb.rules.dsl import Finding, Missing, NotApplicable, Reason, Ref, Rule, T, Variant, fact

_X = fact("x", "interaction")
_DECLINED_OFFER = fact("o", "interaction", kind="offer", accepted__ne="yes")

RULES = [
    Rule(
        name="forced_offer.conditional",
        when=(_X.where(conditional="yes"),),
        derive="fact.forced_offer",
        because=T("{x.on} {x.party}以接受其方案（{x.remedy}）为条件，拒绝其他处理",
                  "on {x.on} {x.party} refused any other handling unless its offer ({x.remedy}) was accepted"),
    ),
    Rule(
        name="forced_offer.returned_after_decline",
        when=(_DECLINED_OFFER, _X.where(kind="return_unrepaired", consented__ne="yes", day__ge=Ref("o", "day"))),
        derive="fact.forced_offer",
        because=T("消费者未接受 {o.on} 的付费方案后，{x.on} {x.party}未经同意将设备原样退回、不予维修",
                  "after the consumer declined the offer of {o.on}, {x.party} sent the device back unrepaired on "
                  "{x.on} without consent"),
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

_UNEQUAL = T("同型号、同批次、同故障的消费者受到不同对待，可主张公平交易条件；经营者可能以个案差异抗辩，属可争取",
             "consumers of the same model, batch and fault were treated differently, which supports a claim to "
             "fair terms; the business may cite differences between cases: arguable")

FINDINGS = [
    Finding(
        id="crpl10.forced_transaction",
        letter=T("售后以本人接受付费方案为条件才肯处理，否则拒绝维修，属于本人有权拒绝的强制交易，经营者不得强制交易。",
                 "Making any handling conditional on my accepting a paid offer, and otherwise refusing the repair, is forced dealing, which I may refuse and which a business must not engage in."),
        quotes=("crpl:10:2", "crpl:16:3"),
        title=T("拒绝维修以迫使接受付费换购，涉嫌强制交易", "Refusing repair to force a paid trade-in: forced dealing"),
        cites=("crpl:10", "crpl:9", "crpl:16"),
        demands=("free_repair", "apology"),
        variants=(
            Variant(
                name="forced",
                strength="strong",
                when=(CONSUMER, fact("fo", "fact.forced_offer")),
                because=T("以拒绝履行维修义务迫使消费者接受其交易条件，属于消费者有权拒绝的强制交易，经营者不得强制交易",
                          "withholding the repair to make the consumer accept its terms is forced dealing, which "
                          "the consumer may refuse and the business must not engage in"),
            ),
        ),
    ),
    Finding(
        id="crpl10.unequal_treatment",
        letter=T("据本人了解，同型号、同批次、同故障的其他消费者获得了更优的处理，本人认为经营者应当给予本人同等的公平交易条件。",
                 "As far as I know, other consumers with the same model, batch and fault were treated better; I claim the same fair terms."),
        quotes=("crpl:10:2", "crpl_regs:9:2"),
        title=T("同批次同故障却差别对待，违背公平交易", "Same batch, same fault, different treatment: unfair terms"),
        cites=("crpl:10",),
        demands=("equal_treatment",),
        variants=(
            Variant(name="priced", strength="arguable", because=_UNEQUAL,
                    letter=T("同型号、同批次、同故障的其他消费者获得的处理比给本人的方案（需付原价的 {of.best_pct}）更优惠，本人认为经营者对同一商品、同等条件设置了不同的收费，应当给予本人同等待遇。",
                             "Other consumers with the same model, batch and fault were given a cheaper remedy than "
                             "the offer to me ({of.best_pct} of the price); I hold that the business set different charges "
                             "for the same goods on equal terms and should treat me equally."),
                    when=(CONSUMER, fact("ut", "fact.unequal_treatment", priced="yes"),
                          fact("of", "offers", best_known="yes")), cites=("crpl_regs:9",)),
            Variant(name="unpriced", strength="arguable", because=_UNEQUAL,
                    when=(CONSUMER, fact("ut", "fact.unequal_treatment", priced="no"))),
            Variant(name="newer", strength="arguable", because=_UNEQUAL,
                    when=(CONSUMER, fact("ut", "fact.unequal_treatment", newer="yes")),
                    demands=("free_replacement_newer_model",)),
        ),
    ),
]

NOT_APPLICABLE = [
    NotApplicable(
        id="crpl10.fair_trade",
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
