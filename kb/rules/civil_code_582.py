"""民法典第五百八十二条、第六百一十七条 — the buyer's contract remedies outside the consumer law.

> 第五百八十二条 履行不符合约定的，应当按照当事人的约定承担违约责任。……受损害方根据标的的性质以及损失的大小，可以合理选择请求对方承担修理、重作、更换、退货、减少价款或者报酬等违约责任。
> 第六百一十七条 出卖人交付的标的物不符合质量要求的，买受人可以依据本法第五百八十二条至第五百八十四条的规定请求承担违约责任。

For a buyer outside the consumer law (a company buying for its staff): repair, replacement, return
or price reduction. Strong within the warranty. After it, 第六百二十一条 deems the goods conforming unless
the seller knew or should have known: arguable with such knowledge, weak without (LEGAL_SPEC says
"arguable after"; the issue note explains the split).
"""

from kb.rules.common import BUSINESS, BUSINESS_KNEW, IN_WARRANTY, NONCONFORMITY, OUT_OF_WARRANTY
from kb.rules.crpl_23 import capped_when_disputed
from kb.rules.dsl import Finding, Give, T, Variant

PLACE = 190  # where its rules and missing facts come in the rule base
ARTICLE = ("civil_code:582", "civil_code:617")  # the article(s) this module encodes

FINDINGS = [
    Finding(
        id="civil_code582.contract_remedy", place=220,
        letter=T("贵方交付的标的物不符合质量要求，我方有权合理选择要求贵方修理、更换、退货或者减少价款。",
                 "The goods you delivered fail quality requirements; we may choose to require repair, replacement, return or a price reduction."),
        quotes=("civil_code:582:1", "civil_code:617:1", "civil_code:621:3"),
        title=T("买受人可以要求修理、更换、退货或减少价款（合同违约责任）",
                "The buyer may claim repair, replacement, return or a price reduction (contract remedies)"),
        cites=("civil_code:582", "civil_code:617"),
        gives=(Give("free_repair"), Give("free_replacement_same_model"), Give("refund"), Give("price_reduction")),
        variants=capped_when_disputed((
            Variant(
                name="in_warranty",
                strength="strong",
                when=(BUSINESS, NONCONFORMITY, IN_WARRANTY),
                because=T("标的物在质量保证期内不符合质量要求：买受人可以合理选择请求修理、更换、退货或减少价款",
                          "the goods failed quality requirements within the quality guarantee period: the buyer "
                          "may choose repair, replacement, return or a price reduction"),
            ),
            Variant(
                name="after_knew",
                strength="arguable",
                when=(BUSINESS, NONCONFORMITY, OUT_OF_WARRANTY, BUSINESS_KNEW),
                because=T("已过质量保证期，但出卖人知道或应当知道不符合约定，不受通知期限限制：可以主张，但可能有争议",
                          "the guarantee period is over, but the seller knew or should have known, so the notice "
                          "period does not bar the claim: arguable"),
                cites=("civil_code:621",),
            ),
            Variant(
                name="after",
                strength="weak",
                when=(BUSINESS, NONCONFORMITY, OUT_OF_WARRANTY),
                because=T("已过质量保证期，民法典第六百二十一条视为标的物符合约定，除非能证明出卖人知道或应当知道：主张较弱",
                          "the guarantee period is over and civil code art. 621 deems the goods conforming unless "
                          "the seller knew or should have known: weak"),
                cites=("civil_code:621",),
            ),
        )),
    ),
]
