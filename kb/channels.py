"""消费者权益保护法第三十九条 — the ways to resolve a dispute, always listed in this order.

> 消费者和经营者发生消费者权益争议的，可以通过下列途径解决：（一）与经营者协商和解；（二）请求消费者协会或者依法成立的其他
> 调解组织调解；（三）向有关行政部门投诉；（四）根据与经营者达成的仲裁协议提请仲裁机构仲裁；（五）向人民法院提起诉讼。

Each channel is an item of that paragraph (its words come from the statute text), with a practical
hint on how to use it.
"""

from kb.rules.dsl import T

CHANNELS: tuple[tuple[str, T], ...] = (
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
