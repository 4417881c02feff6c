"""消费者权益保护法第三十九条 — the ways to resolve a dispute, always listed in this order.

> 消费者和经营者发生消费者权益争议的，可以通过下列途径解决：（一）与经营者协商和解；（二）请求消费者协会或者依法成立的其他
> 调解组织调解；（三）向有关行政部门投诉；（四）根据与经营者达成的仲裁协议提请仲裁机构仲裁；（五）向人民法院提起诉讼。

Each channel is an item of that paragraph (its words come from the statute text), with a practical
hint on how to use it. LEGAL_SPEC §4 (L12): 消协 mediation and the market regulator's complaint are
alternatives for one dispute (the regulator does not take a dispute a 消协 has taken up: 市场监督管理投诉
举报处理办法第十六条第（二）项, named in plain words because its text is not yet verified); a buyer outside
the consumer law gets neither (the regulator's procedure serves 生活消费 only); a batch case is offered the
joint complaint (the same rule's 第十二条).
"""

from dataclasses import dataclass

from kb.bilingual import T


@dataclass(frozen=True)
class ChannelSpec:
    id: str
    key: str | None  # the item of 第三十九条 it is, quoted in the verdict
    how: T
    consumer_only: bool = False
    alternatives: tuple[str, ...] = ()
    needs: str | None = None  # a derived fact kind that must hold (the joint complaint: a batch the business knew of)
    text: T | None = None  # for a channel that is not an item of 第三十九条


_CHANNELS_OLD: tuple[tuple[str, T], ...] = (
    ("crpl:39:1:1", T("先书面向经营者提出要求（可用本工具生成的维权函），保留沟通记录",
                      "put your demands to the business in writing first (weiquan can draft the letter); keep records")),
    ("crpl:39:1:2", T("向当地消费者协会申请调解（可拨打 12315 或通过当地消协网站）",
                      "ask the local consumer association to mediate (via 12315 or the association's website)")),
    ("crpl:39:1:3", T("向市场监督管理部门投诉：全国12315平台（www.12315.cn）、12315 热线或“全国12315”小程序",
                      "complain to the market regulator: the national 12315 platform (www.12315.cn), the 12315 "
                      "hotline or its mini-program")),
    ("crpl:39:1:4", T("仅在与经营者订有仲裁协议时适用", "only if you have an arbitration agreement with the business")),
    ("crpl:39:1:5", T("向有管辖权的人民法院起诉；小额纠纷可适用小额诉讼程序",
                      "sue in the competent people's court; small claims may use the small-claims procedure")),
)

_IDS = ("negotiate", "mediation", "samr_complaint", "arbitration", "court")
_CONSUMER_ONLY = {"mediation", "samr_complaint"}
_ALTERNATIVES = {"mediation": ("samr_complaint",), "samr_complaint": ("mediation",)}
_CHOOSE = T("；市场监督管理部门不受理已由消费者协会或者其他调解组织调解、处理的争议，因此消协调解与12315投诉只能选一",
            "; the market regulator does not take a dispute a consumer association or other mediator has taken up, so "
            "mediation and the 12315 complaint are one or the other")

CHANNELS: tuple[ChannelSpec, ...] = tuple(
    ChannelSpec(
        id=cid, key=key,
        how=T(how.zh + _CHOOSE.zh, how.en + _CHOOSE.en) if cid in _ALTERNATIVES else how,
        consumer_only=cid in _CONSUMER_ONLY, alternatives=_ALTERNATIVES.get(cid, ()),
    )
    for cid, (key, how) in zip(_IDS, _CHANNELS_OLD, strict=True)
) + (
    ChannelSpec(
        id="joint_complaint", key=None, consumer_only=True, needs="fact.business_knew",
        text=T("同一批次消费者共同投诉", "a joint complaint by consumers of the same batch"),
        how=T("同批次出现同类故障的消费者可以共同向市场监督管理部门投诉（依市场监督管理投诉举报处理办法关于共同投诉的规定）；"
              "可在 12315 平台说明同批次、同故障的情况和人数",
              "consumers of the same batch with the same fault may complain to the market regulator together (under "
              "the market regulator's complaint rules on joint complaints); on the 12315 platform, say how many share "
              "the batch and the fault"),
    ),
)
