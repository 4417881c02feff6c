"""消费者权益保护法第十九条 — the duty to act on a dangerous defect (report, warn, recall).

> 经营者发现其提供的商品或者服务存在缺陷，有危及人身、财产安全危险的，应当立即向有关行政部门报告和告知消费者，并采取停止销售、警示、召回、无害化处理、销毁、停止生产或者服务等措施。……

The duty starts when the business finds the dangerous defect: strong where it has admitted the batch
problem or recalled; arguable where we infer it should have found it (many reports, others handled).
民法典第一千二百零六条 adds the tort side: remedial measures after circulation, and the costs of a recall.
It gives the measures (inform, warn, recall), never a refund or replacement of its own (§2a); the necessary
costs fall on the business only once a recall exists — "采取召回措施的" (R14). The duty runs to every
consumer, so it needs no fault of this unit (R8).
"""

from kb.rules.common import BUSINESS_KNEW, CONSUMER, FAULT, SAFETY_DEFECT
from kb.rules.dsl import Finding, Give, T, Variant

PLACE = 140  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:19",)  # the article(s) this module encodes

FINDINGS = [
    Finding(
        id="crpl19.recall_duty", place=150,
        letter=T("该批次产品的缺陷有危及人身、财产安全的危险，且已由经营者承认或公告召回，经营者应当依法告知消费者并采取警示、召回等措施。",
                 "The batch's defect endangers persons or property and has been acknowledged or recalled; the business must inform consumers and take measures such as warnings and a recall."),
        quotes=("crpl:19:1",),
        title=T("存在危及安全的缺陷，经营者应当告知、警示、召回",
                "A dangerous defect: the business must warn, inform and recall"),
        cites=("crpl:19", "civil_code:1206"),
        gives=(Give("recall_measures"),
               Give("recall_costs", when=(FAULT.where(batch="recall"),),
                    because=T("经营者已采取召回措施，应当承担消费者因商品被召回支出的必要费用",
                              "the business has recalled, so it bears the consumer's necessary costs of the recall"))),
        variants=(
            Variant(
                name="admitted",
                strength="strong",
                when=(CONSUMER, SAFETY_DEFECT, BUSINESS_KNEW, FAULT.where(batch__in=("acknowledged", "recall"))),
                because=T("经营者已承认或召回存在安全危险的缺陷批次，应当告知消费者并采取警示、召回等措施；采取召回措施的，应当承担消费者因商品被召回支出的必要费用",
                          "the business has admitted or recalled a batch with a dangerous defect: it must inform "
                          "consumers and take measures such as warnings and a recall; once it recalls, it bears the "
                          "consumer's necessary costs of the recall"),
            ),
            Variant(
                name="should_have_known",
                strength="arguable",
                letter=T("本人认为，该设备的故障表现可能属于危及人身、财产安全的缺陷，且同批次已有同类故障，经营者应当已经发现该缺陷，应当依法告知消费者并采取警示、召回等措施。",
                         "I hold that the device's fault may be a defect endangering persons or property, and as the "
                         "same batch has shown the same fault the business should have found it and must inform consumers "
                         "and take measures such as warnings and a recall."),
                when=(CONSUMER, SAFETY_DEFECT, BUSINESS_KNEW),
                because=T("缺陷有危及人身、财产安全的危险，且经营者应当已经发现：应当报告、告知并采取警示、召回等措施；经营者可能否认已发现，属可争取",
                          "the defect endangers persons or property and the business should have found it: it "
                          "must report, inform and warn or recall; it may deny having found it: arguable"),
            ),
        ),
    ),
]
