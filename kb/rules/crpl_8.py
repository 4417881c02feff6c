"""消费者权益保护法第八条 — the right to know, including the after-sales terms.

> 消费者享有知悉其购买、使用的商品或者接受的服务的真实情况的权利。
> 消费者有权根据商品或者服务的不同情况，要求经营者提供商品的价格、产地、生产者、用途、性能、规格、等级、主要成份、生产日期、有效期限、检验合格证明、使用方法说明书、售后服务，或者服务的内容、规格、费用等有关情况。

The right to know (知情权), not the right to choose (that is 第九条). A consumer whose device fails may
ask for the after-sales policy that decides how it is handled, in writing.
"""

from kb.rules.common import CONSUMER, NONCONFORMITY
from kb.rules.dsl import Finding, Give, NotApplicable, Reason, T, Variant, fact

PLACE = 110  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:8",)  # the article(s) this module encodes

FINDINGS = [
    Finding(
        id="crpl8.policy_disclosure", place=120,
        letter=T("本人有权了解贵方的售后服务政策及对本人设备的处理依据，请以书面形式如实提供。",
                 "I am entitled to know your after-sales policy and the basis of your handling of my device; please provide them truthfully and in writing."),
        quotes=("crpl:8:2",),
        title=T("有权要求经营者提供售后服务政策等真实情况", "You may require the business to disclose its after-sales policy"),
        cites=("crpl:8",),
        gives=(Give("policy_disclosure"),),
        variants=(
            Variant(
                name="fault",
                strength="strong",
                when=(CONSUMER, NONCONFORMITY),
                because=T("设备出现质量问题，消费者有权要求经营者如实提供售后服务政策及其处理依据",
                          "the device has a quality fault: the consumer may require the business to disclose "
                          "its after-sales policy and the basis of its handling"),
            ),
        ),
    ),
]

NOT_APPLICABLE = [
    NotApplicable(
        id="crpl8.policy_disclosure", place=10,
        cites=("crpl:8",),
        findings=("crpl8.policy_disclosure", "crpl20.unanswered_inquiry"),
        reasons=(
            Reason(
                when=(fact("sb", "scope.business"),),
                why=T("并非为生活消费购买，消费者权益保护法第八条不适用", "not bought for personal use, so consumer law art. 8 does not apply"),
            ),
            Reason(
                when=(fact("p", "purchase", personal="unknown"),),
                why=T("尚不清楚是否为生活消费购买；若是，可依第八条要求经营者提供售后服务政策",
                      "it is not known whether the device was bought for personal use; if it was, art. 8 lets "
                      "you ask for the after-sales policy"),
            ),
            Reason(
                why=T("知情权始终存在，但本案未能认定商品存在质量问题（如人为损坏），本工具不把第八条作为本案的主张依据",
                      "the right to know always exists, but no quality fault is found here (e.g. user damage), "
                      "so art. 8 is not used as a ground of this claim"),
            ),
        ),
    ),
]
