"""What a letter says, decided from the case and its verdict; the templates only lay it out.

Rules a careful consumer lawyer would follow, and this module enforces:
- only strong and arguable findings are argued; an arguable one is put as the consumer's claim;
- every quoted passage comes from the verdict's citations (which the engine looked up in kb/);
- an article the verdict marks not applicable is never cited (findings are the only source of cites);
- a demand no finding supports is made as a plain request, never as a legal entitlement.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from engine.case import Case, Interaction
from engine.dates import add_months, period_end
from engine.errors import InputError
from engine.verdict import Finding, Verdict
from engine.vocab import label
from kb import laws
from kb.rules.dsl import T
from letters import phrases
from letters.grounds import GROUNDS

ARGUED = ("strong", "arguable")
KINDS = ("demand", "complaint")
ADDRESSEES = ("seller", "manufacturer")


@dataclass(frozen=True)
class Quote:
    label: str  # 《中华人民共和国消费者权益保护法》第二十四条第一款
    text: str


@dataclass(frozen=True)
class Basis:
    title: str
    strength: str
    quotes: list[Quote]
    see_also: list[str]  # the finding's other articles, named but not quoted
    application: str
    finding: str


@dataclass(frozen=True)
class Step:
    because: str
    facts: list[str]
    rule: str
    cites: list[str]


@dataclass(frozen=True)
class Annex:
    title: str
    finding: str
    steps: list[Step]


@dataclass
class Letter:
    kind: str
    lang: str
    today: str
    consumer: str
    phone: str
    address: str
    region: str
    addressee: str
    addressee_role: str
    other_party: str
    product: str
    product_rows: list[tuple[str, str]]
    facts: list[str]
    basis: list[Basis]
    demands: list[str]
    requests: list[str]
    reply_by: str
    penalties: Quote | None
    channels_quote: Quote
    channels: list[str]
    evidence: list[str]
    complaint_by: str
    complaint_from: str
    notice: str
    annex: list[Annex] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    consumer_law: bool = True


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def product_name(case: Case, lang: str) -> str:
    """Brand and model, without doubling a brand the model already names (小米 + 小米手环8)."""
    brand, model = case.product.brand or "", case.product.model
    if not brand or model.casefold().startswith(brand.casefold()):
        return model
    return f"{brand} {model}" if lang == "en" else f"{brand}{model}"


def _quote(key: str, lang: str) -> Quote:
    c = laws.lookup(key)
    name = c.label if lang != "en" else f"{c.law.short_en} {c.heading_en} ({c.label})"
    return Quote(label=name, text=c.text)


def _ratio(r: float | None, lang: str) -> str:
    if r is None:
        return ""
    if r == 0:
        return _t(lang, "免费", "free of charge")
    pct = f"{round(r * 100)}%"
    return _t(lang, f"需支付原价的{pct}", f"at {pct} of the price")


def _interaction(x: Interaction, lang: str) -> str:
    who = x.party or _t(lang, "贵方", "you")
    day = x.date.isoformat()
    kind = str(x.kind)
    note = f"（{x.note}）" if x.note and lang != "en" else (f" ({x.note})" if x.note else "")
    remedy = label("remedy", x.remedy, lang) if x.remedy else ""
    if kind == "offer":
        target = _t(lang, f"（{x.target_model}）", f" ({x.target_model})") if x.target_model else ""
        ratio = _ratio(x.price_ratio, lang)
        text = _t(lang, f"{day}，{who}提出{remedy or '处理'}方案{target}", f"On {day}, {who} offered {remedy or 'a remedy'}{target}")
        if ratio:
            text += _t(lang, f"，{ratio}", f", {ratio}")
        if x.conditional_refusal:
            text += phrases.OFFER_CONDITIONAL(lang)
        if x.accepted is True:
            text += _t(lang, "；本人接受了该方案", "; I accepted it")
        elif x.accepted is False:
            text += _t(lang, "；本人未接受", "; I did not accept it")
        return text + note + _t(lang, "。", ".")
    if kind == "refusal":
        return _t(lang, f"{day}，{who}拒绝处理{note}。", f"On {day}, {who} refused to handle it{note}.")
    if kind == "return_unrepaired":
        consent = ""
        if x.consumer_consented is False or x.consumer_consented is None:
            consent = _t(lang, "，事先未征得本人同意", ", without my consent")
        return _t(lang, f"{day}，{who}将设备原样退回，未予维修{consent}{note}。",
                  f"On {day}, {who} sent the device back unrepaired{consent}{note}.")
    if kind == "repair":
        done = ""
        if x.fixed is False:
            done = _t(lang, "，但故障未能排除", ", but the fault remained")
        elif x.fixed is True:
            done = _t(lang, "，故障已排除", ", and the fault was fixed")
        ratio = _ratio(x.price_ratio, lang)
        paid = _t(lang, f"（{ratio}）", f" ({ratio})") if ratio else ""
        return _t(lang, f"{day}，{who}对设备进行了维修{paid}{done}{note}。", f"On {day}, {who} repaired the device{paid}{done}{note}.")
    if kind in ("replacement", "refund"):
        what = label("interaction_kind", kind, lang)
        return _t(lang, f"{day}，{who}{what}{note}。", f"On {day}, {who} {what}{note}.")
    if kind == "inquiry":
        topic = label("inquiry_topic", x.topic, lang) if x.topic else _t(lang, "处理事宜", "the handling")
        answer = ""
        if x.answered is False:
            answer = _t(lang, "，未获真实、明确的答复", ", and got no true and clear answer")
        return _t(lang, f"{day}，本人向{who}询问{topic}{answer}{note}。", f"On {day}, I asked {who} about {topic}{answer}{note}.")
    if kind == "promise_callback":
        return _t(lang, f"{day}，{who}承诺回复{note}。", f"On {day}, {who} promised to call back{note}.")
    return _t(lang, f"{day}，{who}{note or '与本人联系'}。", f"On {day}, {who}{note or ' contacted me'}.")


def facts(case: Case, lang: str) -> list[str]:
    """The facts in date order: purchase, fault, every interaction, then how others were treated."""
    p, pr, f = case.purchase, case.product, case.fault
    seller = p.seller or _t(lang, "销售者", "the seller")
    channel = label("channel", p.channel, lang) if p.channel else ""
    what = product_name(case, lang)
    extra = []
    if pr.price is not None:
        extra.append(_t(lang, f"价款{pr.price:g}元", f"for CNY {pr.price:g}"))
    if pr.production_batch:
        extra.append(_t(lang, f"生产批次为{pr.production_batch}", f"production batch {pr.production_batch}"))
    tail = _t(lang, f"（{'，'.join(extra)}）", f" ({', '.join(extra)})") if extra else ""
    via = _t(lang, f"通过{channel}", f" through {channel}") if channel else ""
    dated: list[tuple[dt.date, int, str]] = [
        (p.date, 0, _t(lang, f"{p.date}，本人{via}向{seller}购买{what}{tail}。",
                       f"On {p.date}, I bought a {what} from {seller}{via}{tail}."))
    ]
    symptoms = ("、" if lang != "en" else ", ").join(label("symptom", s, lang) for s in f.symptoms)
    desc = _t(lang, f"（{f.description}）", f" ({f.description})") if f.description else ""
    fault = _t(lang, f"{f.first_noticed}，该设备出现{symptoms or '故障'}{desc}", f"On {f.first_noticed}, the device showed {symptoms or 'a fault'}{desc}")
    if str(f.cause) == "normal_use":
        fault += _t(lang, "，系正常使用中发生", ", in normal use")
    if str(f.service_inspection) == "quality_problem":
        fault += _t(lang, "；经官方售后检测，认定为质量问题", "; the official service found a quality problem")
    elif str(f.service_inspection) == "user_damage" and str(f.cause) == "user_damage":
        fault += _t(lang, "；官方售后认定系人为损坏", "; the official service found damage by the user")
    elif str(f.service_inspection) == "user_damage":
        fault += _t(lang, "；官方售后称系人为损坏，本人不予认可", "; the official service alleged damage by the user, which I do not accept")
    batch = str(f.batch_evidence)
    if batch == "similar_reports":
        n = _t(lang, f"，已有{f.similar_reports}起类似报告", f", with {f.similar_reports} similar reports") if f.similar_reports else ""
        fault += _t(lang, f"；同批次产品存在同类故障{n}", f"; the same fault occurs in the same batch{n}")
    elif batch == "acknowledged":
        fault += _t(lang, "；经营者已承认该批次存在质量问题", "; the business has acknowledged a problem with this batch")
    elif batch == "recall":
        fault += _t(lang, "；该批次产品已公告召回", "; a recall of this batch has been announced")
    dated.append((f.first_noticed, 1, fault + _t(lang, "。", ".")))
    h = case.harm
    if h.personal_injury or h.other_property_damage:
        hd = h.description or _t(lang, "人身伤害或其他财产损害", "injury or damage to other property")
        dated.append((f.first_noticed, 2, _t(lang, f"该故障造成{hd}。", f"The fault caused {hd}.")))
    for i, x in enumerate(case.interactions):
        dated.append((x.date, 3 + i, _interaction(x, lang)))
    out = [text for _, _, text in sorted(dated, key=lambda t: (t[0], t[1]))]
    for c in case.comparators:
        bits = [c.model or pr.model]
        if c.production_batch:
            bits.append(_t(lang, f"同批次（{c.production_batch}）", f"batch {c.production_batch}"))
        syms = ("、" if lang != "en" else ", ").join(label("symptom", s, lang) for s in c.symptoms)
        remedy = label("remedy", c.remedy, lang) if c.remedy else _t(lang, "处理", "a remedy")
        target = _t(lang, f"（{c.target_model}）", f" ({c.target_model})") if c.target_model else ""
        ratio = _ratio(c.price_ratio, lang) if not (c.price_ratio == 0 and str(c.remedy or "").startswith("free")) else ""
        ratio = _t(lang, f"，{ratio}", f", {ratio}") if ratio else ""
        src = _t(lang, f"（信息来源：{c.source}）", f" (source: {c.source})") if c.source else ""
        out.append(_t(lang, f"据了解，另有{'、'.join(bits)}、出现{syms or '相同故障'}的消费者获得了{remedy}{target}{ratio}{src}。",
                      f"Reportedly, another consumer ({', '.join(bits)}) with {syms or 'the same fault'} received {remedy}{target}{ratio}{src}."))
    return out


_THIRD_PERSON_EN = ((re.compile(r"\b[Yy]ou have\b"), "the business has"), (re.compile(r"\b[Yy]ou are\b"), "the business is"),
                    (re.compile(r"\bYour\b"), "The business's"), (re.compile(r"\byour\b"), "the business's"),
                    (re.compile(r"\bYou\b"), "The business"), (re.compile(r"\byou\b"), "the business"))


def third_person(text: str, lang: str) -> str:
    """A complaint speaks of the business to the regulator, not to it: 贵方 becomes 被投诉方."""
    if lang != "en":
        return text.replace("贵方", "被投诉方")
    for pattern, repl in _THIRD_PERSON_EN:
        text = pattern.sub(repl, text)
    return text


def _basis(f: Finding, v: Verdict, lang: str, kind: str) -> Basis:
    application = f.application if kind == "demand" else third_person(f.application, lang)
    if f.strength == "arguable" and "本人认为" not in application and "I hold" not in application:
        lead = phrases.ARGUABLE_LEAD(lang)
        application = lead + (application[0].lower() + application[1:] if lang == "en" else application)
    keys = f.quotes or f.cites
    covered = {":".join(k.split(":")[:2]) for k in keys}
    see_also = [_quote(k, lang).label for k in f.cites if ":".join(k.split(":")[:2]) not in covered]
    return Basis(title=f.title, strength=f.strength, quotes=[_quote(k, lang) for k in keys], see_also=see_also,
                 application=application, finding=f.id)


def _newer_to_others(case: Case) -> bool:
    return any(str(c.remedy) == "free_replacement_newer_model" for c in case.comparators)


def _demand(case: Case, demand: str, lang: str) -> str:
    text = phrases.DEMANDS[demand](lang)
    if demand == "free_replacement_newer_model" and _newer_to_others(case):
        text += phrases.NEWER_AS_OTHERS(lang)
    return text


def _grounded(case: Case, demand: str, argued_ids: set[str]) -> bool:
    """An argued finding that gives this demand itself (letters.grounds), not only supports it."""
    if demand == "free_replacement_newer_model" and not _newer_to_others(case):
        return False
    return bool(GROUNDS.get(demand, frozenset()) & argued_ids)


def _demands(case: Case, v: Verdict, argued: list[Finding], lang: str) -> tuple[list[str], list[str]]:
    """Numbered legal demands (supported by an argued finding), and plain requests (no legal support)."""
    argued_ids = {f.id for f in argued}
    legal: list[str] = []
    requests: list[str] = []
    remedies = ("free_repair", "free_replacement_same_model", "free_replacement_newer_model", "refund")
    requested = [d for d in v.demands if d.requested]
    for d in requested:
        (legal if _grounded(case, d.demand, argued_ids) else requests).append(_demand(case, d.demand, lang))
    asked_remedy = any(d.demand in remedies and _grounded(case, d.demand, argued_ids) for d in requested)
    for d in v.demands:
        if d.requested or not _grounded(case, d.demand, argued_ids):
            continue
        if d.demand in remedies and asked_remedy:
            continue  # the consumer chose the remedy; do not add competing ones
        if d.demand in remedies:
            asked_remedy = True
        if d.demand == "policy_disclosure" or d.demand in remedies:
            legal.append(_demand(case, d.demand, lang))
    if "crpl24.costs" in argued_ids:
        legal.append(phrases.COSTS(lang))
    return legal, requests


def _evidence(case: Case, lang: str) -> list[str]:
    keys = ["purchase", "fault"]
    if str(case.fault.service_inspection) != "none":
        keys.append("inspection")
    if case.interactions:
        keys.append("interactions")
    if str(case.fault.batch_evidence) != "none":
        keys.append("batch")
    if case.comparators:
        keys.append("comparators")
    if case.harm.personal_injury or case.harm.other_property_damage:
        keys.append("harm")
    keys.append("serial")
    return [phrases.EVIDENCE[k](lang) for k in keys]


def build(case: Case, v: Verdict, *, kind: str = "demand", to: str = "seller", lang: str = "zh",
          today: dt.date, annex: bool = False) -> Letter:
    if kind not in KINDS:
        raise InputError([_t(lang, f"--kind: 值 '{kind}' 无效，允许：demand、complaint",
                             f"--kind: '{kind}' is invalid; allowed: demand, complaint")])
    if to not in ADDRESSEES:
        raise InputError([_t(lang, f"--to: 值 '{to}' 无效，允许：seller、manufacturer",
                             f"--to: '{to}' is invalid; allowed: seller, manufacturer")])
    name = case.consumer.name
    if not name or not name.strip():
        raise InputError([_t(lang, "consumer.name: 缺少必填字段——维权函和投诉文本需要写明您的姓名",
                             "consumer.name: required for a letter — the letter must say who writes it")])
    seller = case.purchase.seller
    maker = case.purchase.manufacturer or case.product.brand
    if to == "seller":
        addressee, other = seller, maker
        if not addressee:
            raise InputError([_t(lang, "purchase.seller: 缺少销售者名称，无法向销售者发函（或改用 --to manufacturer）",
                                 "purchase.seller: the seller's name is missing, so the letter has no addressee "
                                 "(or use --to manufacturer)")])
    else:
        addressee, other = maker, seller
        if not addressee:
            raise InputError([_t(lang, "purchase.manufacturer: 缺少生产者名称（也没有 product.brand），无法向生产者发函",
                                 "purchase.manufacturer: the manufacturer's name is missing (and so is product.brand)")])
    argued = [f for f in v.findings if f.strength in ARGUED]
    legal, requests = _demands(case, v, argued, lang)
    if kind == "complaint":
        legal = [third_person(d, lang) for d in legal]
        requests = [third_person(d, lang) for d in requests]
    contract = next(d for d in v.deadlines if d.id == "limitation.contract")
    # SAMR counts three years from when the consumer knew or should have known of the harm: the earlier of
    # the fault and the first refusal, so the date we give is never later than the one SAMR may apply.
    start = min(dt.date.fromisoformat(contract.start), case.fault.first_noticed)
    complaint_by = add_months(start, 36).isoformat()
    pr = case.product
    rows = [
        (_t(lang, "商品名称", "Product"), product_name(case, lang)),
        (_t(lang, "商品类别", "Category"), label("category", pr.category, lang)),
    ]
    if pr.production_batch:
        rows.append((_t(lang, "生产批次", "Production batch"), pr.production_batch))
    if pr.serial:
        rows.append((_t(lang, "序列号", "Serial number"), pr.serial))
    rows.append((_t(lang, "购买日期", "Bought on"), case.purchase.date.isoformat()))
    if case.purchase.channel:
        rows.append((_t(lang, "购买渠道", "Channel"), label("channel", case.purchase.channel, lang)))
    if seller:
        rows.append((_t(lang, "销售者", "Seller"), seller))
    if pr.price is not None:
        rows.append((_t(lang, "价格", "Price"), _t(lang, f"{pr.price:g}元", f"CNY {pr.price:g}")))
    annexes = []
    if annex:
        for f in argued:
            annexes.append(Annex(title=f.title, finding=f.id,
                                 steps=[Step(because=s.because, facts=s.facts, rule=s.rule, cites=s.cites) for s in f.trace]))
    penalties = _quote("crpl_penalties:8", lang) if v.finding("crpl56.report_to_regulator") and any(
        f.id == "crpl56.report_to_regulator" for f in argued) else None
    return Letter(
        kind=kind, lang=lang, today=today.isoformat(), consumer=name.strip(),
        phone=case.consumer.phone or "", address=case.consumer.address or "", region=case.consumer.region or "",
        addressee=addressee, addressee_role=label_role(to, lang), other_party=other or "",
        product=product_name(case, lang),
        product_rows=rows, facts=facts(case, lang), basis=[_basis(f, v, lang, kind) for f in argued],
        demands=legal, requests=requests, reply_by=(today + dt.timedelta(days=15)).isoformat(),
        penalties=penalties, channels_quote=_quote("crpl:39:1", lang), channels=[c.how for c in v.channels],
        evidence=_evidence(case, lang), complaint_by=complaint_by, complaint_from=start.isoformat(),
        notice=v.notice, annex=annexes, notes=_notes(case, v, argued, today, lang),
        consumer_law=case.purchase.for_personal_use is not False,
    )


def _notes(case: Case, v: Verdict, argued: list[Finding], today: dt.date, lang: str) -> list[str]:
    """What the writer must check before sending: said beside the letter, never inside it."""
    out: list[str] = []
    if any(f.id == "crpl24.return_7_days" for f in argued):
        end = period_end(case.purchase.date, days=7).date
        if today > end:
            out.append(phrases.NOTE_SEVEN_DAYS_PASSED(lang).format(end=end.isoformat()))
        else:
            out.append(phrases.NOTE_SEVEN_DAYS(lang).format(end=end.isoformat()))
    for d in v.deadlines:
        if d.id == "limitation.product_liability" and not d.passed:
            out.append(phrases.NOTE_PRODUCT_LIABILITY(lang).format(date=d.date))
    if case.purchase.for_personal_use is False:
        out.append(phrases.NOTE_NOT_CONSUMER(lang))
    return out



_ROLES = {"seller": T("销售者", "seller"), "manufacturer": T("生产者", "manufacturer")}


def label_role(to: str, lang: str) -> str:
    return _ROLES[to](lang)
