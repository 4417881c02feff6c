"""消费者权益保护法第五十五条 — punitive damages for fraud (not concluded in this version).

> 经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为消费者购买商品的价款或者接受服务的费用的三倍；……

"退一赔三" needs fraud: that the seller knew of the defect *when it sold* and concealed it. A later
batch defect, a refusal or a trade-in offer is not fraud at the time of sale. v1 never concludes it;
when the consumer asks for compensation, the verdict says why this article is not the ground.
"""

from kb.rules.dsl import NotApplicable, Reason, T, fact

NOT_APPLICABLE = [
    NotApplicable(
        id="crpl55.fraud",
        cites=("crpl:55",),
        findings=(),
        also_when=(fact("dm", "demands", items__any=("compensation",)),),
        reasons=(
            Reason(
                why=T("第五十五条的“退一赔三”以欺诈为前提，需证明经营者在销售时即明知缺陷并故意隐瞒；事后出现批次故障、拒绝维修或推销换购本身不构成欺诈，本工具不认定欺诈",
                      "art. 55's triple damages require fraud: proof that the seller knew of the defect at the time "
                      "of sale and concealed it; a later batch fault, a refusal or a trade-in offer is not fraud "
                      "in itself, and this tool does not find fraud"),
            ),
        ),
    ),
]
