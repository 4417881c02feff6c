"""消费者权益保护法第四十四条 — claims against an online marketplace; 电子商务法第三十七条、第三十八条.

> 消费者通过网络交易平台购买商品或者接受服务，其合法权益受到损害的，可以向销售者或者服务者要求赔偿。网络交易平台提供者不能提供销售者或者服务者的真实名称、地址和有效联系方式的，消费者也可以向网络交易平台提供者要求赔偿；网络交易平台提供者作出更有利于消费者的承诺的，应当履行承诺。网络交易平台提供者赔偿后，有权向销售者或者服务者追偿。

When the platform cannot give the seller's real name, address and contact, the consumer may claim from the
platform itself (L14). It gives nothing of its own (§2a): the claims above may be made against the platform.
电子商务法第三十八条 adds the platform's joint liability where it knew or should have known of the seller's
infringement and took no necessary measures — cited beside, never as a promise that the platform is liable
for everything. A platform's own store (自营) is the seller itself (电子商务法第三十七条第二款): no finding,
a note, and the letters address the platform as the seller.
"""

from kb.rules.common import CONSUMER
from kb.rules.dsl import Finding, Missing, Rule, T, Variant, fact

PLACE = 150  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:44", "ecommerce:37", "ecommerce:38")  # the article(s) this module encodes

_MARKET = fact("p", "purchase", channel="third_party_online")

RULES = [
    Rule(
        name="note.self_operated",
        when=(_MARKET.where(self_operated="yes"),),
        derive="note",
        attrs={"kind": "self_operated"},
        because=T("本案商品购自电商平台的自营店铺：平台对其标记为自营的业务依法承担商品销售者的民事责任（电子商务法第三十七条第二款），维权函应直接致平台",
                  "the goods were bought from the platform's own (self-operated) store: the platform bears the seller's "
                  "civil liability for business it marks as its own (e-commerce law art. 37(2)), so address the letter to it"),
        cites=("ecommerce:37",),
    ),
]

FINDINGS = [
    Finding(
        id="crpl44.platform_liability", place=170,
        letter=T("本人通过贵平台购买该商品，贵平台未能提供销售者的真实名称、地址和有效联系方式；依上述规定，本人可以向贵平台要求赔偿，贵平台赔偿后有权向销售者追偿。",
                 "I bought the goods on your platform, and you could not give the seller's real name, address and valid contact details; under these rules I may claim from you, and you may then recover from the seller."),
        quotes=("crpl:44:1",),
        title=T("平台不能提供销售者真实信息的，可以向平台要求赔偿",
                "The platform could not identify the seller: you may claim from the platform"),
        cites=("crpl:44", "ecommerce:38"),
        gives=(),
        variants=(
            Variant(
                name="unidentified",
                strength="strong",
                when=(CONSUMER, _MARKET.where(self_operated__ne="yes", identified="no")),
                because=T("通过第三方平台购买，平台不能提供销售者的真实名称、地址和有效联系方式：消费者也可以向平台提供者要求赔偿（平台知道或者应当知道销售者侵害消费者权益而未采取必要措施的，还依法承担连带责任）",
                          "bought on a marketplace whose operator cannot give the seller's real name, address and valid "
                          "contact: the consumer may also claim from the platform (which is jointly liable besides where it "
                          "knew or should have known of the seller's infringement and took no necessary measures)"),
            ),
        ),
    ),
]

MISSING = [
    Missing(
        field="purchase.platform_identified_seller",
        why=T("平台能否提供销售者的真实名称、地址和有效联系方式尚不清楚：若不能，可以直接向平台要求赔偿（消保法第四十四条）",
              "whether the platform can give the seller's real name, address and contact is unknown: if it cannot, "
              "you may claim from the platform itself (consumer law art. 44)"),
        when=(CONSUMER, _MARKET.where(self_operated__ne="yes", identified="unknown")),
    ),
]
