"""消费者权益保护法第二十条 — true and clear answers to the consumer's questions.

> 经营者对消费者就其提供的商品或者服务的质量和使用方法等问题提出的询问，应当作出真实、明确的答复。

An inquiry about the handling policy, or about why others were treated better, left without a true and
clear answer. Arguable: "no answer" is the consumer's account and the business may say it answered.
"""

from kb.rules.common import CONSUMER
from kb.rules.dsl import Finding, Give, Rule, T, Variant, fact

PLACE = 120  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:20",)  # the article(s) this module encodes

RULES = [
    Rule(
        name="unanswered_inquiry",
        when=(fact("x", "interaction", kind="inquiry", answered="no"),),
        derive="fact.unanswered_inquiry",
        because=T("{x.on} 向{x.party}询问（{x.topic}），未得到真实、明确的答复",
                  "on {x.on} the consumer asked {x.party} ({x.topic}) and got no true, clear answer"),
    ),
]

FINDINGS = [
    Finding(
        id="crpl20.unanswered_inquiry", place=130,
        letter=T("本人曾就售后处理向经营者一方询问（见上述事实），本人认为未获真实、明确的答复，请贵方予以书面答复。",
                 "I asked the business's side about the handling of my device (see the facts above) and I hold that I received no true and clear answer; please answer in writing."),
        quotes=("crpl:20:2",),
        title=T("对消费者的询问未作真实、明确的答复", "No true and clear answer to the consumer's inquiry"),
        cites=("crpl:20", "crpl:8"),
        gives=(Give("policy_disclosure"),),
        variants=(
            Variant(
                name="unanswered",
                strength="arguable",
                when=(CONSUMER, fact("ui", "fact.unanswered_inquiry")),
                because=T("经营者应当对消费者就商品质量等问题的询问作出真实、明确的答复；是否答复可能有争议，宜保留询问记录",
                          "the business must answer questions about quality truly and clearly; whether it "
                          "answered may be disputed, so keep a record of the inquiry"),
            ),
        ),
    ),
]
