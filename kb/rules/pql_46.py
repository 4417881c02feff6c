"""产品质量法第四十六条 — what a defect (缺陷) is.

> 本法所称缺陷，是指产品存在危及人身、他人财产安全的不合理的危险；产品有保障人体健康和人身、财产安全的国家标准、行业标准的，是指不符合该标准。

A device that overheats, swells or smokes presents an unreasonable danger to persons or other
property; one that has already hurt someone or damaged other property has shown it. A device that
merely stopped working is not defective in this sense (it may still fail the quality it should have:
消保法第二十三条、第二十四条).
"""

from kb.rules.common import FAULT, HARM, SAFETY_SYMPTOMS
from kb.rules.dsl import Rule, T

PLACE = 50  # where its rules and missing facts come in the rule base
ARTICLE = ("pql:46",)  # the article(s) this module encodes

RULES = [
    Rule(
        name="safety_defect.symptoms",
        when=(FAULT.where(symptoms__any=SAFETY_SYMPTOMS),),
        derive="fact.safety_defect",
        because=T("出现{f.symptoms}，存在危及人身、财产安全的不合理危险（产品质量法所称缺陷）",
                  "{f.symptoms}: an unreasonable danger to persons or property (a defect under the product "
                  "quality law)"),
        cites=("pql:46",),
    ),
    Rule(
        name="safety_defect.harm",
        when=(HARM,),
        derive="fact.safety_defect",
        because=T("故障已造成人身伤害或其他财产损害，说明存在不合理的危险",
                  "the fault has already caused injury or damage to other property: an unreasonable danger"),
        cites=("pql:46",),
    ),
]
