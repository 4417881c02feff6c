"""产品质量法第四十一条 — the producer's liability for damage a defect causes.

> 因产品存在缺陷造成人身、缺陷产品以外的其他财产（以下简称他人财产）损害的，生产者应当承担赔偿责任。

Only injury to a person or damage to property *other than the defective product itself*. It does not
oblige free repair or replacement of the device after the warranty: where nothing but the device
failed, the remedy for the device lies in 消保法第二十四条, 产品质量法第四十条 and 民法典第五百八十二条.
The producer answers without fault (民法典第一千二百零二条); the victim may claim from the producer or
the seller (第一千二百零三条; for consumers also 消保法第四十条). When the consumer says the device was
damaged by them first, the claim is only arguable: the harm must be caused by a defect, and the producer
may prove the defect did not exist when the product was put into circulation (第二款).

It gives compensation (§2a), the amounts listed where the case records them (民法典第五百八十四条). With a
personal injury the heads of compensation are named: 产品质量法第四十四条, 民法典第一千一百七十九条 and, for a
consumer, 消保法第四十九条.
LEGAL_SPEC asks for `fact.harm` with `fact.safety_defect` or `fact.nonconformity`; harm itself makes a
safety defect (pql_46), so the variants below read the safety defect only.
"""

from kb.rules.common import CONSUMER, FAULT, HARM, SAFETY_DEFECT, SAFETY_SYMPTOMS
from kb.rules.dsl import Finding, Give, Missing, NotApplicable, Reason, Rule, T, Variant, fact

PLACE = 60  # where its rules and missing facts come in the rule base
ARTICLE = ("pql:41",)  # the article(s) this module encodes

_H = fact("hm", "harm")

RULES = [
    Rule(
        name="harm.injury",
        when=(_H.where(injury="yes"),),
        derive="fact.harm",
        because=T("造成了人身伤害", "a person was injured"),
    ),
    Rule(
        name="harm.property",
        when=(_H.where(property="yes"),),
        derive="fact.harm",
        because=T("造成了缺陷产品以外的其他财产损害", "property other than the device itself was damaged"),
    ),
]

# The heads of compensation for an injury (LEGAL_SPEC §2 pql41 row; 第四十九条 only for a consumer, R10).
_INJURY_CITES = ("pql:44", "civil_code:1179")
_BECAUSE = T("产品缺陷造成了人身伤害或他人财产损害：生产者应当承担赔偿责任，受害人可以向生产者或销售者要求赔偿",
             "the defect caused injury or damage to other property: the producer must compensate, and the "
             "injured may claim from the producer or the seller")

_AFTER_DAMAGE = T("损害发生在设备受到人为损坏之后：仍可主张产品存在缺陷（如电池受正常可预见的跌落即起火），但生产者可能证明缺陷并非投入流通时即已存在（第四十一条第二款），属可争取",
                  "the harm followed damage by the user: a defect can still be argued (a battery should not catch "
                  "fire from a foreseeable drop), but the producer may prove the defect was not there when the "
                  "product was put into circulation (art. 41(2)): arguable")

FINDINGS = [
    Finding(
        id="pql41.producer_liability", place=160,
        letter=T("该产品缺陷已造成人身伤害或其他财产损害，生产者应当依法承担赔偿责任，本人可以向生产者或者销售者要求赔偿。",
                 "The defect has caused injury or damage to other property; the producer is liable to compensate, and I may claim from the producer or the seller."),
        quotes=("pql:41:1", "crpl:40:2"),
        title=T("产品缺陷致人身或他人财产损害，生产者承担赔偿责任",
                "The producer is liable for injury or damage to other property caused by the defect"),
        cites=("pql:41", "pql:46", "civil_code:1202", "civil_code:1203"),
        gives=(Give("compensation"),),
        variants=tuple(
            Variant(name=f"{name}{'-consumer' if consumer else ''}{'-injury' if injury else ''}", strength=strength,
                    because=because, cites=(("crpl:40",) if consumer else ()) + (_INJURY_CITES if injury else ())
                    + (("crpl:49",) if consumer and injury else ()),
                    when=(HARM, SAFETY_DEFECT, cause) + ((CONSUMER,) if consumer else ())
                    + ((_H.where(injury="yes"),) if injury else ()))
            for name, strength, because, cause in (
                ("harm", "strong", _BECAUSE, FAULT.where(cause__ne="user_damage")),
                ("harm-after-damage", "arguable", _AFTER_DAMAGE, FAULT.where(cause="user_damage")),
            )
            for consumer in (False, True)
            for injury in (False, True)
        ),
    ),
]

NOT_APPLICABLE = [
    NotApplicable(
        id="pql41.producer_liability", place=40,
        cites=("pql:41",),
        findings=("pql41.producer_liability",),
        reasons=(
            Reason(
                when=(_H.where(injury="unknown"), FAULT.where(symptoms__any=SAFETY_SYMPTOMS)),
                why=T("尚不清楚故障是否造成人身伤害或其他财产损害；若有，产品质量法第四十一条（生产者赔偿责任）适用。目前仅设备本身故障的部分，应依消保法第二十四条主张修理、更换",
                      "it is not yet known whether the fault injured anyone or damaged other property; if it did, "
                      "product quality law art. 41 (producer liability) applies. For the device itself, claim "
                      "repair or replacement under consumer law art. 24"),
            ),
            Reason(
                when=(fact("sb", "scope.business"),),
                why=T("产品质量法第四十一条只适用于缺陷造成人身伤害或缺陷产品以外的其他财产损害；本案仅设备本身故障，应依民法典第五百八十二条主张修理、更换",
                      "product quality law art. 41 covers only injury or damage to property other than the "
                      "defective product; here only the device failed, so repair or replacement is claimed "
                      "under civil code art. 582"),
            ),
            Reason(
                when=(fact("nc", "fact.nonconformity"),),
                why=T("产品质量法第四十一条只适用于缺陷造成人身伤害或缺陷产品以外的其他财产损害；本案仅设备本身故障，应依消保法第二十四条主张修理、更换",
                      "product quality law art. 41 covers only injury or damage to property other than the "
                      "defective product; here only the device failed, so repair or replacement is claimed "
                      "under consumer law art. 24"),
            ),
            Reason(
                why=T("产品质量法第四十一条只适用于产品缺陷造成人身伤害或缺陷产品以外的其他财产损害；本案未发生此类损害",
                      "product quality law art. 41 covers only injury or damage to other property caused by a "
                      "defect; no such harm occurred here"),
            ),
        ),
    ),
]

MISSING = [
    Missing(
        field="harm.personal_injury",
        why=T("出现发热、鼓包或冒烟等危险现象，但是否造成人身伤害未知：若造成烫伤等伤害，产品质量法第四十一条适用，可要求赔偿",
              "the device showed heat, swelling or smoke, but whether anyone was injured is unknown: an injury "
              "such as a burn brings in product quality law art. 41 (compensation)"),
        when=(_H.where(injury="unknown"), FAULT.where(symptoms__any=SAFETY_SYMPTOMS)),
    ),
    Missing(
        field="harm.other_property_damage",
        why=T("出现发热、鼓包或冒烟等危险现象，但是否损坏了其他财产未知：若有，产品质量法第四十一条适用，可要求赔偿",
              "the device showed heat, swelling or smoke, but whether other property was damaged is unknown: "
              "if it was, product quality law art. 41 applies (compensation)"),
        when=(_H.where(property="unknown"), FAULT.where(symptoms__any=SAFETY_SYMPTOMS)),
    ),
]
