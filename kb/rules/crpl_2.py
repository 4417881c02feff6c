"""消费者权益保护法第二条 — who the consumer law protects.

> 消费者为生活消费需要购买、使用商品或者接受服务，其权益受本法保护；本法未作规定的，受其他有关法律、法规保护。

A purchase for 生活消费 puts the case in scope; a purchase for resale or business (a company buying
bands for its staff) leaves the consumer law's findings out, while the product quality law and the
civil code still apply. An unknown purpose concludes neither, and the verdict asks for it.
"""

from kb.rules.dsl import Missing, Rule, T, fact

PLACE = 10  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:2",)  # the article(s) this module encodes

P = fact("p", "purchase")

RULES = [
    Rule(
        name="scope.consumer",
        when=(P.where(personal="yes"),),
        derive="scope.consumer",
        because=T("为生活消费需要购买，适用消费者权益保护法",
                  "bought for personal (生活消费) use, so the consumer rights law applies"),
        cites=("crpl:2",),
    ),
    Rule(
        name="scope.business",
        when=(P.where(personal="no"),),
        derive="scope.business",
        because=T("并非为生活消费购买（如单位采购、转售），消费者权益保护法不适用，产品质量法和民法典仍适用",
                  "not bought for personal use (e.g. by a company or for resale): the consumer rights law does not "
                  "apply; the product quality law and the civil code still do"),
        cites=("crpl:2",),
    ),
]

MISSING = [
    Missing(
        field="purchase.for_personal_use",
        why=T("是否为生活消费购买尚不清楚：若是，消费者权益保护法的退换修、知情权、公平交易等权利均适用；若否，只能依民法典主张违约责任",
              "whether the device was bought for personal use is unknown: if it was, the consumer rights law "
              "(repair/replace/return, right to know, fair trade) applies; if not, only civil-code contract remedies"),
        when=(P.where(personal="unknown"),),
    ),
]
