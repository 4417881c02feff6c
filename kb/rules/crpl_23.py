"""消费者权益保护法第二十三条 — the business guarantees quality in normal use; the six-month burden.

> 经营者应当保证在正常使用商品或者接受服务的情况下其提供的商品或者服务应当具有的质量、性能、用途和有效期限；……
> 经营者提供的机动车、计算机、电视机、电冰箱、空调器、洗衣机等耐用商品或者装饰装修等服务，消费者自接受商品或者服务之日起
> 六个月内发现瑕疵，发生争议的，由经营者承担有关瑕疵的举证责任。

`fact.nonconformity` — the device fails in normal use — is graded by the evidence: *established* (the
official service found a quality problem, or the business acknowledged a batch problem or recalled),
*supported* (similar reports from the same batch), *disputed* (the service alleges user damage and the
consumer does not concede it), *asserted* (the consumer's word only). A disputed nonconformity holds
only while the business bears the burden of proving the damage it alleges: within the warranty (an
exclusion is the business's to prove) or within six months (第三款). Outside both, the service's
user-damage finding stands until the consumer brings an independent test report.

The grades are taken in order (LEGAL_SPEC L2): a user-damage inspection makes the nonconformity disputed
*whatever the batch evidence* — batch evidence is about the batch, the inspection about this unit — and
outside the business's burden it defeats the nonconformity; only without one do an inspection finding a
quality problem, an acknowledgement or a recall establish it, and same-batch reports support it.
"""

from dataclasses import replace

from kb.rules.common import CONSUMER, FAULT, IN_WARRANTY, NONCONFORMITY, OUT_OF_WARRANTY, WITHIN_6_MONTHS
from kb.rules.dsl import Finding, Missing, Ref, Rule, T, Variant, fact, weaker

PLACE = 30  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:23",)  # the article(s) this module encodes

_FAILS = FAULT.where(n_symptoms__ge=1, cause__ne="user_damage")

RULES = [
    Rule(
        name="nonconformity.inspected",
        when=(_FAILS.where(inspection="quality_problem"),),
        derive="fact.nonconformity",
        attrs={"grade": "established"},
        because=T("正常使用中出现故障，官方售后检测认定为质量问题：商品不符合质量要求（已确认）",
                  "the device failed in normal use and the official service found a quality problem: the goods "
                  "do not meet quality requirements (established)"),
        cites=("crpl:23:1",),
    ),
    Rule(
        name="nonconformity.admitted",
        when=(_FAILS.where(batch__in=("acknowledged", "recall"), inspection__ne="user_damage"),),
        derive="fact.nonconformity",
        attrs={"grade": "established"},
        because=T("经营者已承认该批次问题或公告召回：商品不符合质量要求（已确认）",
                  "the business acknowledged a batch problem or announced a recall: the goods do not meet "
                  "quality requirements (established)"),
        cites=("crpl:23:1",),
    ),
    Rule(
        name="nonconformity.reports",
        when=(_FAILS.where(batch="similar_reports", inspection__in=("none", "inconclusive")),),
        derive="fact.nonconformity",
        attrs={"grade": "supported"},
        because=T("正常使用中出现{f.symptoms}，同批次有同类故障报告：商品不符合质量要求（有佐证）",
                  "{f.symptoms} in normal use, with similar reports from the same batch: the goods do not meet "
                  "quality requirements (supported)"),
        cites=("crpl:23:1",),
    ),
    Rule(
        name="nonconformity.asserted",
        when=(_FAILS.where(batch="none", inspection__in=("none", "inconclusive")),),
        derive="fact.nonconformity",
        attrs={"grade": "asserted"},
        because=T("正常使用中出现{f.symptoms}：商品不符合质量要求（消费者陈述，尚无检测或批次证据）",
                  "{f.symptoms} in normal use: the goods do not meet quality requirements (the consumer's "
                  "account, no inspection or batch evidence yet)"),
        cites=("crpl:23:1",),
    ),
    Rule(
        name="nonconformity.disputed_in_warranty",
        when=(_FAILS.where(inspection="user_damage"), IN_WARRANTY),
        derive="fact.nonconformity",
        attrs={"grade": "disputed"},
        because=T("售后称人为损坏而消费者并未认可；保修期内，以人为损坏为由排除保修的一方，通常应当证明其主张（本工具的理解）：质量问题存在争议",
                  "the service alleges user damage, which the consumer does not concede; within the warranty the side "
                  "that excludes the warranty for user damage should normally prove it (this tool's reading): the "
                  "nonconformity is disputed"),
    ),
    Rule(
        name="nonconformity.disputed_six_months",
        when=(_FAILS.where(inspection="user_damage"), WITHIN_6_MONTHS),
        derive="fact.nonconformity",
        attrs={"grade": "disputed"},
        because=T("售后称人为损坏而消费者并未认可；收货六个月内发现瑕疵，发生争议的由经营者承担举证责任：质量问题存在争议",
                  "the service alleges user damage, which the consumer does not concede; within six months of "
                  "delivery the business bears the burden of proof: the nonconformity is disputed"),
        cites=("crpl:23:3",),
    ),
]

_DURABLES = ("computer", "tv", "appliance")  # named in 第三款
_LIKE_DURABLES = ("phone", "tablet", "wearable", "earphones")  # 「等耐用商品」: arguable

FINDINGS = [
    Finding(
        id="crpl23.burden_of_proof", place=70,
        letter=T("本人在收到商品之日起六个月内即发现瑕疵，如贵方对瑕疵有异议，应由贵方承担举证责任。",
                 "I found the defect within six months of receipt; if you dispute it, the burden of proof is yours."),
        quotes=("crpl:23:3",),
        title=T("收货六个月内发现瑕疵的举证责任（耐用商品）", "Burden of proof for a defect found within six months (durable goods)"),
        cites=("crpl:23",),
        gives=(),
        variants=(
            Variant(
                name="named",
                strength="strong",
                when=(CONSUMER, WITHIN_6_MONTHS, NONCONFORMITY, fact("p", "purchase", category__in=_DURABLES)),
                because=T("{p.category}是第二十三条第三款明文列举的耐用商品，六个月内发现瑕疵，发生争议的由经营者举证",
                          "a {p.category} is a durable good named in art. 23(3): for a defect found within six "
                          "months, the business bears the burden of proof"),
            ),
            Variant(
                name="like",
                letter=T("本人在收到商品之日起六个月内即发现瑕疵；本人认为{p.category}属于该款所称的耐用商品，如贵方对瑕疵有异议，应由贵方承担举证责任。",
                         "I found the defect within six months of receipt; I hold that a {p.category} is a durable good "
                         "in the sense of that paragraph, so if you dispute the defect the burden of proof is yours."),
                strength="arguable",
                when=(CONSUMER, WITHIN_6_MONTHS, NONCONFORMITY, fact("p", "purchase", category__in=_LIKE_DURABLES)),
                because=T("第二十三条第三款列举的是机动车、计算机、电视机等耐用商品，“等”字能否涵盖{p.category}可能有争议",
                          "art. 23(3) names cars, computers, televisions and the like; whether a {p.category} is "
                          "“the like” may be disputed"),
            ),
        ),
    ),
]

MISSING = [
    Missing(
        field="fault.service_inspection",
        why=T("售后称人为损坏，且已过保修期和收货六个月的举证期：需要有资质的检测机构出具报告，证明故障并非人为损坏，才能主张质量问题",
              "the service alleges user damage, and both the warranty and the six-month burden period are over: "
              "an independent test report showing the fault is not user damage is needed to claim a quality defect"),
        when=(_FAILS.where(inspection="user_damage"), OUT_OF_WARRANTY),
        unless=(WITHIN_6_MONTHS,),
    ),
]

# --- the disputed-fault cap (LEGAL_SPEC §2): the findings resting on a nonconformity the service disputes ---

_CAPPED = T("；但质量问题存在争议（售后称人为损坏），在经营者举证之前至多为“可争取”",
            "; but the fault is disputed (the service alleges user damage), so at most arguable until the "
            "business proves it")
_DISPUTED = T("；质量问题存在争议（售后称人为损坏）", "; the fault is disputed (the service alleges user damage)")
_BURDEN = T("；质量问题虽有争议，但该商品属第二十三条第三款明列的耐用商品，六个月内由经营者举证，仍为“有力”",
            "; the fault is disputed, but this is a durable good named in art. 23(3), so the business bears the "
            "burden of proof within six months and the claim stays strong")
_DISPUTED_LETTER = T("本人对售后所称人为损坏不予认可；本人认为，该主张应由提出者提供检测依据予以证明。",
                     "I do not accept the after-sales service's allegation of damage by the user; I hold that it is "
                     "for the one who alleges it to prove it with the inspection's grounds.")


def capped_when_disputed(variants: tuple[Variant, ...], nc: str = "nc") -> tuple[Variant, ...]:
    """A finding resting on a *disputed* nonconformity is at most `arguable`, or at most what
    crpl23.burden_of_proof gives where that finding holds (`strong` for computer, tv, appliance: 第三款).

    Each variant must read the nonconformity fact under alias `nc`. Stated positively: the variant as
    written for a grade other than disputed; a disputed copy at the capped strength; and, for strong
    variants, a disputed copy that stays strong when the business bears the burden of proof.
    """
    out: list[Variant] = []
    for v in variants:
        if not any(p.alias == nc for p in v.when):
            raise ValueError(f"variant {v.name} does not read the nonconformity as {nc!r}")
        sound = tuple(p.where(grade__ne="disputed") if p.alias == nc else p for p in v.when)
        disputed = tuple(p.where(grade="disputed") if p.alias == nc else p for p in v.when)
        out.append(replace(v, when=sound))
        if isinstance(v.strength, Ref):
            raise ValueError("a copied strength cannot be capped here")
        capped = weaker(v.strength, "arguable")
        note = _CAPPED if capped != v.strength else _DISPUTED
        because = T(v.because.zh + note.zh, v.because.en + note.en)
        out.append(replace(v, name=f"{v.name}-disputed", when=disputed, strength=capped, because=because,
                           letter_suffix=_DISPUTED_LETTER))
        if v.strength == "strong":
            burden = fact("bp", "finding", fid="crpl23.burden_of_proof", strength="strong")
            kept = T(v.because.zh + _BURDEN.zh, v.because.en + _BURDEN.en)
            out.append(replace(v, name=f"{v.name}-disputed-burden", when=disputed + (burden,), because=kept,
                               letter_suffix=_DISPUTED_LETTER))
    return tuple(out)
