"""消费者权益保护法第二十六条 — notices that exclude the consumer's rights are void.

> 经营者不得以格式条款、通知、声明、店堂告示等方式，作出排除或者限制消费者权利、减轻或者免除经营者责任、加重消费者责任等对消费者不公平、不合理的规定，……
> 格式条款、通知、声明、店堂告示等含有前款所列内容的，其内容无效。

A blanket "过保不予处理" applied to a defect that was there at delivery limits the consumer's rights
under 第二十四条; as a standard term it is void (see also 民法典第四百九十七条). Arguable: whether the
refusal is a standard term, and whether the defect was there at delivery, can both be disputed.
"""

from kb.rules.common import CONSUMER, INHERENT_DEFECT, NONCONFORMITY, OUT_OF_WARRANTY
from kb.rules.crpl_23 import capped_when_disputed
from kb.rules.dsl import Finding, T, Variant, fact

PLACE = 130  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:26",)  # the article(s) this module encodes

FINDINGS = [
    Finding(
        id="crpl26.warranty_exclusion_void", place=140,
        letter=T("经营者一方拒绝处理（见上述事实）；本人认为，该缺陷交付时即已存在，以已过保修期为由排除消费者权利的格式条款、通知、声明等内容依法无效。",
                 "The business's side refused to handle it (see the facts above); I hold that the defect existed at delivery, and that standard terms, notices or statements excluding my rights because the warranty has ended are void."),
        quotes=("crpl:26:2", "crpl:26:3"),
        title=T("以“过保不予处理”排除消费者权利的规定，可主张无效",
                "A blanket “out of warranty, no service” rule that excludes your rights can be argued void"),
        cites=("crpl:26", "civil_code:497"),
        gives=(),  # §2a: it voids the exclusion; the repair itself comes from 第二十四条
        variants=capped_when_disputed((
            Variant(
                name="refusal",
                strength="arguable",
                when=(CONSUMER, NONCONFORMITY, OUT_OF_WARRANTY, INHERENT_DEFECT,
                      fact("x", "interaction", kind="refusal")),
                because=T("{x.on} {x.party}以过保为由拒绝处理一个交付时即已存在的缺陷：以通知、声明等方式排除消费者权利的内容无效",
                          "on {x.on} {x.party} refused, citing the warranty, to handle a defect present at "
                          "delivery: notices or statements that exclude consumer rights are void"),
            ),
        )),
    ),
]
