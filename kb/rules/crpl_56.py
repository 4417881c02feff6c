"""消费者权益保护法第五十六条 — conduct the regulator penalises; 第三十九条 — the ways to resolve a dispute.

> 经营者有下列情形之一，除承担相应的民事责任外，……由工商行政管理部门或者其他有关行政部门责令改正，……：……
> （八）对消费者提出的修理、重作、更换、退货、补足商品数量、退还货款和服务费用或者赔偿损失的要求，故意拖延或者无理拒绝的；……
> 消费者和经营者发生消费者权益争议的，可以通过下列途径解决：……（三）向有关行政部门投诉；……

Refusing or stalling a repair, replacement or return (第四十八条, and 第五十六条第一款第八项 in the same
words) is conduct a complaint to the market regulator (12315) can target. As strong as 第四十八条's finding
(L7).
"""

from kb.rules.dsl import Finding, Ref, T, Variant, fact

PLACE = 180  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:56", "crpl:39")  # the article(s) this module encodes

_BECAUSE = T("该行为可以向市场监督管理部门投诉（12315），由其责令改正并依法处罚",
             "this conduct can be reported to the market regulator (12315), which can order correction and penalise")

FINDINGS = [
    Finding(
        id="crpl56.report_to_regulator", place=210,
        letter=T("上述行为属于市场监督管理部门依法责令改正并可予处罚的情形。",
                 "The conduct above is conduct the market regulator can order corrected and penalise."),
        quotes=("crpl:56:1:8", "crpl:39:1"),
        title=T("可向市场监督管理部门（12315）投诉，请求责令改正",
                "Report to the market regulator (12315) for an order to correct"),
        cites=("crpl:56", "crpl:39"),
        gives=(),
        variants=(
            Variant(name="refusal", strength=Ref("f", "strength"), because=_BECAUSE,
                    when=(fact("f", "finding", fid="crpl48.refusal_liability"),)),
        ),
    ),
]
