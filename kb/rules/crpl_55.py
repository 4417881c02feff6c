"""消费者权益保护法第五十五条第一款 — punitive damages for fraud: a refurbished, used or counterfeit unit sold as new.

> 经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为消费者购买商品的价款或者接受服务的费用的三倍；增加赔偿的金额不足五百元的，为五百元。法律另有规定的，依照其规定。

"退一赔三" needs fraud: that the business misstated what it sold. Selling a refurbished, used or counterfeit
unit as new is that misstatement (L14); its proof is graded by the evidence — strong with a finding of the
regulator or another authority, arguable with an activation record or the official service's inspection (欺诈
needs intent, which the business may dispute). A later batch defect, a refusal or a trade-in offer is not
fraud at the time of sale. It gives compensation (three times the price, at least 500 元) and the refund the
"退一" stands for (R11).
"""

from kb.rules.common import CONSUMER
from kb.rules.dsl import Finding, Give, NotApplicable, Reason, T, Variant, fact

PLACE = 200  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:55",)  # the article(s) this module encodes

MULTIPLE, FLOOR = 3, 500.0  # "价款…的三倍；增加赔偿的金额不足五百元的，为五百元"


def increased_compensation(price: float) -> float:
    """The increased compensation the article fixes for a price: three times it, and never under 500 元."""
    return max(price * MULTIPLE, FLOOR)


_SOLD_NEW = fact("p", "purchase", sold_as="new")
_FOUND = fact("pr", "product", found__in=("refurbished", "used", "counterfeit"))

FINDINGS = [
    Finding(
        id="crpl55.fraud", place=180,
        letter=T("贵方以全新商品名义出售的该商品，经查实为{pr.found}，属于欺诈行为；依上述规定，本人要求退货并退还货款，并按商品价款的三倍增加赔偿（不足五百元的按五百元）。",
                 "The goods you sold as new turned out to be {pr.found}, which is fraud; under this rule I demand a return and refund and increased compensation of three times the price (at least CNY 500)."),
        quotes=("crpl:55:1",),
        title=T("以翻新、二手或假冒商品冒充新品出售，涉嫌欺诈，可要求退一赔三",
                "A refurbished, used or counterfeit unit sold as new: fraud, refund and triple damages"),
        cites=("crpl:55", "crpl:23:2"),
        gives=(Give("refund"), Give("compensation")),
        variants=(
            Variant(
                name="authority",
                strength="strong",
                when=(CONSUMER, _SOLD_NEW, _FOUND.where(evidence="authority_finding")),
                because=T("经营者以新品名义出售的商品经有关部门认定为{pr.found}：属于欺诈，增加赔偿的金额为价款的三倍，不足五百元的为五百元",
                          "the goods sold as new were found by an authority to be {pr.found}: fraud; the increased "
                          "compensation is three times the price, at least CNY 500"),
            ),
            Variant(
                name="record",
                strength="arguable",
                letter=T("贵方以全新商品名义出售的该商品，据{pr.evidence}显示为{pr.found}，本人认为贵方的行为构成欺诈；依上述规定，本人要求退货并退还货款，并按商品价款的三倍增加赔偿（不足五百元的按五百元）。",
                         "The goods you sold as new are shown by {pr.evidence} to be {pr.found}; I hold that this is fraud, and under this rule I demand a return and refund and increased compensation of three times the price (at least CNY 500)."),
                when=(CONSUMER, _SOLD_NEW, _FOUND.where(evidence__in=("activation_record", "official_inspection"))),
                because=T("{pr.evidence}显示以新品名义出售的商品实为{pr.found}：可以主张欺诈（退一赔三，赔偿不足五百元的为五百元），但欺诈以故意为要件，经营者可能否认明知，属可争取",
                          "{pr.evidence} shows the goods sold as new were {pr.found}: fraud can be claimed (refund and "
                          "three times the price, at least CNY 500), but fraud needs intent, which the business may "
                          "deny: arguable"),
            ),
        ),
    ),
]

NOT_APPLICABLE = [
    NotApplicable(
        id="crpl55.fraud", place=60,
        cites=("crpl:55",),
        findings=("crpl55.fraud",),
        also_when=(fact("dm", "demands", items__any=("compensation",)),),
        reasons=(
            Reason(
                when=(fact("pf", "product", found__in=("refurbished", "used", "counterfeit"), evidence="none"),),
                why=T("第五十五条的“退一赔三”以欺诈为前提：怀疑商品并非新品，但尚无证据（如官方激活记录、售后检测结论或有关部门的认定）",
                      "art. 55's triple damages need fraud: the goods are suspected not to be new, but there is no "
                      "evidence yet (an official activation record, a service inspection or an authority's finding)"),
            ),
            Reason(
                why=T("第五十五条的“退一赔三”以欺诈为前提，需证明经营者在销售时对所售商品作了虚假陈述（如以翻新机冒充新机）；事后出现批次故障、拒绝维修或推销换购本身不构成欺诈",
                      "art. 55's triple damages require fraud: proof that the business misstated what it sold (such as "
                      "a refurbished unit sold as new); a later batch fault, a refusal or a trade-in offer is not "
                      "fraud in itself"),
            ),
        ),
    ),
]
