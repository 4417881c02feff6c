"""What a letter says, decided from the case and its verdict; the templates only lay it out.

Rules a careful consumer lawyer would follow, and this module enforces:
- what is demanded is the verdict's `demands` list and nothing else (LEGAL_SPEC §2a, L1): every
  as-of-right demand at strong or arguable strength is demanded, whether or not the consumer ticked it;
  a request comes after them, marked as a settlement request; `none` is at most a plain request the
  consumer made; weak findings are never argued;
- every quoted passage comes from the verdict's citations (looked up in kb/), each article quoted once
  and referred to after; an article the verdict marks not applicable is never cited;
- the dates are the verdict's deadlines (the letter computes none of its own, LEGAL_SPEC §3);
- to the manufacturer, repair rests on its own warranty promise, never on 产品质量法第四十条 (L15);
- a case where no finding gives anything gets no demand letter (L15): `NoLetter` says why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.case import Case, Interaction
from engine.errors import InputError
from engine.verdict import DemandSupport, Finding, Verdict
from engine.vocab import label
from kb import laws
from kb.bilingual import T, pick
from kb.rules.crpl_55 import increased_compensation
from letters import phrases

ARGUED = ("strong", "arguable")
KINDS = ("demand", "complaint", "goodwill")
ADDRESSEES = ("seller", "manufacturer", "platform")
REMEDIES = ("refund", "free_repair", "free_replacement_same_model", "price_reduction")
# The findings whose refund is only the fallback of a repair or replacement (R13, §2a "when the same model
# cannot be supplied"); any other finding giving a refund gives it outright.
REPAIR_FINDINGS = ("crpl24.repair_replace_in_warranty", "crpl24.repair_replace_after_warranty")
# The order of the numbered demands after the remedy: money, then information, then the batch.
ORDER = ("costs", "compensation", "policy_disclosure", "equal_treatment", "recall_measures", "recall_costs")
SUMMARY_LIMIT = 500  # characters the 12315 form's 投诉内容 takes


class NoLetter(InputError):
    """No finding gives the consumer anything: a demand letter would claim what the law does not give.

    An InputError, so every caller that shows a letter's refusal (the questionnaire, the web app) shows this
    one too; the CLI catches it first and says it with exit code 0 (LEGAL_SPEC §7)."""

    def __init__(self, message: str) -> None:
        super().__init__([message])
        self.message = message


@dataclass(frozen=True)
class Quote:
    label: str  # 《中华人民共和国消费者权益保护法》第二十四条第一款
    text: str  # empty when the passage was quoted earlier in the same letter: the template refers to it


@dataclass(frozen=True)
class Basis:
    title: str
    strength: str
    quotes: list[Quote]
    see_also: list[str]  # the finding's other articles, named but not quoted
    application: str
    finding: str


@dataclass(frozen=True)
class Annex:
    title: str
    steps: list[str]  # reader sentences: what was found, from which facts, on which articles


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
    addressee_address: str
    other_party: str
    product: str
    device: str  # the product named with its serial and order number, when known
    product_rows: list[tuple[str, str]]
    facts: list[str]
    basis: list[Basis]
    demands: list[str]
    losses: list[str]
    losses_total: str
    requests: list[str]
    reply_by: str
    penalties: Quote | None
    channels_quote: Quote
    evidence: list[str]
    complaint_by: str
    complaint_from: str
    summary: str
    respondent_rows: list[tuple[str, str]]
    short: bool
    notice: str
    demand_lead: str = ""
    no_reason: str = ""  # the short return letter's sentence: when it was asked, by which day, who ships
    sending: list[str] = field(default_factory=list)
    annex: list[Annex] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    consumer_law: bool = True


# ---- dates and user text -------------------------------------------------------------------------------

_ISO = re.compile(r" ?(\d{4})-(\d{2})-(\d{2}) ?")


def day(d: dt.date, lang: str) -> str:
    """A date as a Chinese letter writes it (2025年9月1日); ISO in English."""
    return pick(lang, f"{d.year}年{d.month}月{d.day}日", d.isoformat())


def cn_dates(text: str, lang: str) -> str:
    """ISO dates inside the verdict's sentences (applications, deadline reasons) in the letter's style; the
    spaces the verdict puts around them are for ISO digits and go with them in Chinese."""
    if lang == "en":
        return text
    return _ISO.sub(lambda m: f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日", text)


def clean(text: str | None) -> str:
    """User text ready to sit inside the letter's own brackets: no outer bracket pair of its own, no
    closing 。；, at its end (it would stand before the letter's ）)."""
    s = (text or "").strip()
    while len(s) >= 2 and s[0] in "（(" and s[-1] in "）)":
        s = s[1:-1].strip()
    return s.rstrip("。；;，,.").strip()


def paren(text: str | None, lang: str) -> str:
    s = clean(text)
    if not s:
        return ""
    return pick(lang, f"（{s}）", f" ({s})")


def product_name(case: Case, lang: str) -> str:
    """Brand and model, without doubling a brand the model already names (小米 + 小米手环8)."""
    brand, model = case.product.brand or "", case.product.model
    if not brand or model.casefold().startswith(brand.casefold()):
        return model
    latin = brand[-1:].isascii() and model[:1].isascii()
    return f"{brand} {model}" if lang == "en" or latin else f"{brand}{model}"


def device_name(case: Case, lang: str) -> str:
    """The device as the business can find it in its records: the model, its serial and the order number."""
    bits = []
    if case.product.serial:
        bits.append(pick(lang, f"序列号{case.product.serial}", f"serial number {case.product.serial}"))
    if case.purchase.order_number:
        bits.append(pick(lang, f"订单号{case.purchase.order_number}", f"order number {case.purchase.order_number}"))
    sep = pick(lang, "，", ", ")
    return product_name(case, lang) + (paren(sep.join(bits), lang) if bits else "")


def money(amount: float, lang: str) -> str:
    text = f"{amount:.2f}".rstrip("0").rstrip(".")
    return pick(lang, f"{text}元", f"CNY {text}")


# ---- quotes ----------------------------------------------------------------------------------------------


class Quoter:
    """Hands out each passage's text the first time and only its name after (issue 13 item 7)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.seen: set[str] = set()

    def label(self, key: str) -> str:
        c = laws.lookup(key)
        return c.label if self.lang != "en" else f"{c.law.short_en} {c.heading_en} ({c.label})"

    def __call__(self, key: str) -> Quote:
        c = laws.lookup(key)
        text = c.text
        # By passage, never by wording: 第五十六条第一款第八项 reads as 第四十八条第一款第八项 does, but "原文见前文"
        # under the one would send the reader to a quotation of the other article.
        if key in self.seen:
            return Quote(label=self.label(key), text="")
        self.seen.add(key)
        return Quote(label=self.label(key), text=text)


def _article(key: str) -> str:
    return ":".join(key.split(":")[:2])


# ---- facts -----------------------------------------------------------------------------------------------


def _ratio(r: float | None, lang: str) -> str:
    if r is None:
        return ""
    if r == 0:
        return pick(lang, "免费", "free of charge")
    pct = f"{round(r * 100)}%"
    return pick(lang, f"需支付原价的{pct}", f"at {pct} of the price")


def _offer_words(x: Interaction, lang: str) -> dict[str, str]:
    ratio = _ratio(x.price_ratio, lang)
    return {"remedy": (label("remedy", x.remedy, lang) if x.remedy else "") or phrases.OFFER_REMEDY(lang),
            "target": paren(x.target_model, lang), "ratio": pick(lang, f"，{ratio}", f", {ratio}") if ratio else "",
            "conditional": phrases.OFFER_CONDITIONAL(lang) if x.conditional_refusal else "",
            "accepted": _chosen(phrases.OFFER_ACCEPTED, x.accepted, lang)}


def _unrepaired_words(x: Interaction, lang: str) -> dict[str, str]:
    return {"consent": phrases.WITHOUT_CONSENT(lang) if x.consumer_consented is not True else ""}


def _repair_words(x: Interaction, lang: str) -> dict[str, str]:
    return {"paid": paren(_ratio(x.price_ratio, lang), lang), "done": _chosen(phrases.REPAIR_FIXED, x.fixed, lang)}


def _done_words(x: Interaction, lang: str) -> dict[str, str]:
    return {"what": label("interaction_kind", x.kind, lang)}


def _inquiry_words(x: Interaction, lang: str) -> dict[str, str]:
    return {"topic": label("inquiry_topic", x.topic, lang) if x.topic else phrases.INQUIRY_TOPIC(lang),
            "answer": phrases.NOT_ANSWERED(lang) if x.answered is False else ""}


def _return_words(x: Interaction, lang: str) -> dict[str, str]:
    return {"why": phrases.RETURN_WHY[str(x.reason) == "no_reason"](lang),
            "intact": phrases.GOODS_INTACT(lang) if x.goods_intact is True else ""}


def _demand_words(x: Interaction, lang: str) -> dict[str, str]:
    via = label("demand_channel", x.channel, lang) if x.channel else ""
    return {"via": phrases.DEMAND_VIA(lang).format(via=via) if via else ""}


def _other_words(x: Interaction, lang: str) -> dict[str, str]:
    return {"said": clean(x.note)}


# The words each kind of interaction fills into its sentence (phrases.INTERACTION) beyond date, party and note.
_WORDS: dict[str, Callable[[Interaction, str], dict[str, str]]] = {
    "offer": _offer_words, "return_unrepaired": _unrepaired_words, "repair": _repair_words,
    "replacement": _done_words, "refund": _done_words, "inquiry": _inquiry_words,
    "return_request": _return_words, "consumer_demand": _demand_words, "other": _other_words,
}


def _chosen(table: dict[bool, T], flag: bool | None, lang: str) -> str:
    """The words for a yes or a no; nothing when the case does not say."""
    return table[flag](lang) if flag is not None else ""


def _interaction(x: Interaction, lang: str) -> str:
    kind = str(x.kind)
    if kind == "other" and not x.note:
        kind = "contact"
    words = {"on": day(x.date, lang), "who": x.party or pick(lang, "贵方", "you"), "note": paren(x.note, lang)}
    if kind in _WORDS:
        words.update(_WORDS[kind](x, lang))
    return phrases.INTERACTION[kind](lang).format(**words)


def facts(case: Case, lang: str) -> list[str]:
    """The facts in date order: purchase, fault, every interaction, then how others were treated."""
    f = case.fault
    dated: list[tuple[dt.date, int, str]] = [(case.purchase.date, 0, _purchase_line(case, lang)),
                                             (f.first_noticed, 1, _fault_line(case, lang))]
    h = case.harm
    if h.personal_injury or h.other_property_damage:
        hd = clean(h.description) or pick(lang, "人身伤害或其他财产损害", "injury or damage to other property")
        dated.append((f.first_noticed, 2, pick(lang, f"该故障造成{hd}。", f"The fault caused {hd}.")))
    for i, x in enumerate(case.interactions):
        dated.append((x.date, 3 + i, _interaction(x, lang)))
    out = [text for _, _, text in sorted(dated, key=lambda t: (t[0], t[1]))]
    return out + [_comparator_line(case, c, lang) for c in case.comparators]


def _purchase_line(case: Case, lang: str) -> str:
    p, pr = case.purchase, case.product
    seller = p.seller or pick(lang, "销售者", "the seller")
    channel = label("channel", p.channel, lang) if p.channel else ""
    if p.platform and str(p.channel) == "third_party_online":
        channel = pick(lang, f"{p.platform}平台", f"the {p.platform} platform")
    what = device_name(case, lang)
    extra = []
    if pr.price is not None:
        extra.append(pick(lang, f"价款{money(pr.price, lang)}", f"for {money(pr.price, lang)}"))
    if pr.production_batch:
        extra.append(pick(lang, f"生产批次为{pr.production_batch}", f"production batch {pr.production_batch}"))
    sold = ""
    if str(pr.found_condition) != "as_sold":
        sold = pick(lang, f"，贵方以{label('sold_as', p.sold_as, lang)}商品出售", f", sold as {label('sold_as', p.sold_as, lang)}")
    tail = pick(lang, f"，{'，'.join(extra)}", f", {', '.join(extra)}") if extra else ""
    via = pick(lang, f"通过{channel}", f" through {channel}") if channel else ""
    return pick(lang, f"{day(p.date, lang)}，本人{via}向{seller}购买{what}{tail}{sold}。",
              f"On {day(p.date, lang)}, I bought a {what} from {seller}{via}{tail}{sold}.")


# What the official service's inspection adds to the fault line, by (inspection, cause); None: any cause.
_INSPECTION = {
    ("quality_problem", None): ("；经官方售后检测，认定为质量问题", "; the official service found a quality problem"),
    ("user_damage", "user_damage"): ("；官方售后认定系人为损坏", "; the official service found damage by the user"),
    ("user_damage", None): ("；官方售后称系人为损坏，本人不予认可",
                            "; the official service alleged damage by the user, which I do not accept"),
}
_BATCH = {
    "acknowledged": ("；经营者已承认该批次存在质量问题", "; the business has acknowledged a problem with this batch"),
    "recall": ("；该批次产品已公告召回", "; a recall of this batch has been announced"),
}


def _fault_line(case: Case, lang: str) -> str:
    f = case.fault
    symptoms = pick(lang, "、", ", ").join(label("symptom", s, lang) for s in f.symptoms)
    desc = paren(f.description, lang)
    if symptoms:
        fault = pick(lang, f"{day(f.first_noticed, lang)}，该设备出现{symptoms}{desc}",
                   f"On {day(f.first_noticed, lang)}, the device showed {symptoms}{desc}")
    else:
        fault = pick(lang, f"{day(f.first_noticed, lang)}，本人发现：{clean(f.description) or '商品存在问题'}",
                   f"On {day(f.first_noticed, lang)}, I found: {clean(f.description) or 'a problem with the goods'}")
    if str(f.cause) == "normal_use":
        fault += pick(lang, "，系正常使用中发生", ", in normal use")
    inspection = str(f.service_inspection)
    said = _INSPECTION.get((inspection, str(f.cause))) or _INSPECTION.get((inspection, None))
    if said:
        fault += pick(lang, *said)
    fault += _batch_words(case, lang) + _found_words(case, lang)
    return fault + pick(lang, "。", ".")


def _batch_words(case: Case, lang: str) -> str:
    f = case.fault
    batch = str(f.batch_evidence)
    if batch == "similar_reports":
        n = pick(lang, f"，已有{f.similar_reports}起类似报告", f", with {f.similar_reports} similar reports") if f.similar_reports else ""
        return pick(lang, f"；同批次产品存在同类故障{n}", f"; the same fault occurs in the same batch{n}")
    return pick(lang, *_BATCH[batch]) if batch in _BATCH else ""


def _found_words(case: Case, lang: str) -> str:
    pr = case.product
    if str(pr.found_condition) == "as_sold":
        return ""
    found = label("found_condition", pr.found_condition, lang)
    how = label("condition_evidence", pr.condition_evidence, lang) if str(pr.condition_evidence) != "none" else ""
    return pick(lang, f"；{how}显示该商品实为{found}" if how else f"；该商品实为{found}",
              f"; {how} shows it is in fact {found}" if how else f"; it is in fact {found}")


def _comparator_line(case: Case, c: Any, lang: str) -> str:  # noqa: ANN401 - an engine.case.Comparator
    bits = [c.model or case.product.model]
    if c.production_batch:
        bits.append(pick(lang, f"同批次（{c.production_batch}）", f"batch {c.production_batch}"))
    syms = pick(lang, "、", ", ").join(label("symptom", s, lang) for s in c.symptoms)
    remedy = label("remedy", c.remedy, lang) if c.remedy else pick(lang, "处理", "a remedy")
    ratio = _ratio(c.price_ratio, lang) if not (c.price_ratio == 0 and str(c.remedy or "").startswith("free")) else ""
    ratio = pick(lang, f"，{ratio}", f", {ratio}") if ratio else ""
    inside = [clean(c.target_model)] if c.target_model else []
    if c.source:
        inside.append(pick(lang, f"信息来源：{clean(c.source)}", f"source: {clean(c.source)}"))
    more = paren(pick(lang, "；", "; ").join(inside), lang)
    return pick(lang, f"据了解，另有{'、'.join(bits)}、出现{syms or '相同故障'}的消费者获得了{remedy}{more}{ratio}。",
              f"Reportedly, another consumer ({', '.join(bits)}) with {syms or 'the same fault'} received {remedy}{more}{ratio}.")


# ---- who the letter speaks to ----------------------------------------------------------------------------

_THIRD_PERSON_EN = ((re.compile(r"\b[Yy]ou have\b"), "the business has"), (re.compile(r"\b[Yy]ou are\b"), "the business is"),
                    (re.compile(r"\bYour\b"), "The business's"), (re.compile(r"\byour\b"), "the business's"),
                    (re.compile(r"\b[Yy]ou must\b"), "the business must"), (re.compile(r"\b[Yy]ou\b"), "the business"))


def third_person(text: str, lang: str, who: str = "") -> str:
    """A complaint speaks of the business to the regulator, not to it: 贵方 becomes 被投诉人 (or `who`)."""
    if lang != "en":
        return text.replace("贵平台", who or "被投诉人").replace("贵方", who or "被投诉人")
    for pattern, repl in _THIRD_PERSON_EN:
        text = pattern.sub(repl, text)
    return text


def _basis(f: Finding, lang: str, kind: str, to: str, quoter: Quoter, warranty: int | None) -> Basis:
    seller_only = phrases.SELLER_CONTRACT_ARTICLES if to == "manufacturer" else frozenset()  # L15
    keys = [k for k in (f.quotes or f.cites) if _article(k) not in seller_only]
    return Basis(title=f.title, strength=str(f.strength), quotes=[quoter(k) for k in keys],
                 see_also=_see_also(f, keys, seller_only, quoter),
                 application=cn_dates(_application(f, lang, kind, to, warranty), lang), finding=f.id)


# To the manufacturer, repair and replacement rest on its own promise, not the seller's contract (L15); the
# after-warranty text has no {months} to fill.
_TO_MANUFACTURER = {"crpl24.repair_replace_in_warranty": phrases.MANUFACTURER_WARRANTY,
                    "crpl24.repair_replace_after_warranty": phrases.MANUFACTURER_AFTER_WARRANTY}


def _application(f: Finding, lang: str, kind: str, to: str, warranty: int | None) -> str:
    """The finding's reasoning as this letter says it: to whom, in which person, and how firmly."""
    application = f.application
    if to == "manufacturer" and f.id in _TO_MANUFACTURER:
        months = pick(lang, f"（{warranty}个月）", f" ({warranty} months)") if warranty else ""
        application = _TO_MANUFACTURER[f.id](lang).format(months=months)
    if to == "platform" and f.id != "crpl44.platform_liability":
        application = third_person(application, lang, pick(lang, "销售者", "the seller"))
    if kind == "complaint":
        application = third_person(application, lang)
    if f.strength == "arguable" and "本人认为" not in application and "I hold" not in application:
        lead = phrases.ARGUABLE_LEAD(lang)
        application = lead + pick(lang, application, application[:1].lower() + application[1:])
    return application


def _see_also(f: Finding, keys: list[str], seller_only: frozenset[str], quoter: Quoter) -> list[str]:
    """The finding's other articles, each named once: neither quoted above nor kept from this addressee."""
    covered = {_article(k) for k in keys}
    see_also = []
    for k in f.cites:
        if _article(k) in covered or _article(k) in seller_only:
            continue
        covered.add(_article(k))
        see_also.append(quoter.label(_article(k)))
    return see_also


# ---- what is demanded ------------------------------------------------------------------------------------


def _argued(d: DemandSupport) -> bool:
    return d.basis == "right" and str(d.strength) in ARGUED


def _newer_to_others(case: Case) -> str:
    targets = [c.target_model for c in case.comparators if str(c.remedy) == "free_replacement_newer_model"]
    return next((t for t in targets if t), "") if targets else ""


_FIXES = ("free_repair", "free_replacement_same_model")


def _remedy_line(case: Case, v: Verdict, lang: str) -> list[str]:
    """The device remedy as one demand: refund when given outright, else repair or a same-model replacement
    with the refund as its fallback (LEGAL_SPEC §2a). Alternatives, so one line; never a repair of a device
    that endangers its user when the refund is given outright (L14)."""
    rights = {d.demand: d for d in v.demands if _argued(d) and d.demand in REMEDIES}
    asked = [str(d) for d in case.demands]
    refund = rights.get("refund")
    outright = _outright(case, refund)
    fix = _fixes(rights, asked)
    reduce = "price_reduction" in rights
    if outright and (not fix or "refund" in asked or not any(d in asked for d in _FIXES)):
        return [phrases.DEMAND_REFUND(lang)]
    if not fix:
        return [phrases.DEMAND_PRICE_REDUCTION(lang)] if reduce else []
    return [phrases.DEMAND_FIX[fix](lang) + _fix_tail(refund is not None, outright, reduce, lang)]


def _outright(case: Case, refund: DemandSupport | None) -> bool:
    """A refund given in its own right, not only as the fallback of a repair or replacement (R13)."""
    return refund is not None and (any(fid not in REPAIR_FINDINGS for fid in refund.findings)
                                   or case.product.same_model_available is False)


def _fixes(rights: dict[str, DemandSupport], asked: list[str]) -> tuple[str, ...]:
    """Repair and same-model replacement as given, in the consumer's own order when both were asked for."""
    fix = tuple(d for d in _FIXES if d in rights)
    if len(fix) == 2 and "free_replacement_same_model" in asked and (
            "free_repair" not in asked or asked.index("free_replacement_same_model") < asked.index("free_repair")):
        return fix[::-1]
    return fix


def _fix_tail(refund: bool, outright: bool, reduce: bool, lang: str) -> str:
    """After the repair line: the refund as its fallback, or the reserved return or price reduction."""
    if refund and not outright:
        return phrases.REFUND_FALLBACK(lang)
    return phrases.RESERVE[(outright, reduce)](lang) if outright or reduce else ""


def _fallback_request(v: Verdict) -> bool:
    """A refund given only as a request (the same model's availability unknown) rides on the repair line."""
    return any(d.demand == "refund" and d.basis == "request" and set(d.findings) <= set(REPAIR_FINDINGS)
               for d in v.demands)


def _demands(case: Case, v: Verdict, lang: str) -> tuple[list[str], list[str], bool]:
    """Numbered as-of-right demands, then the requests (marked), and whether compensation carries the
    losses list."""
    legal = _remedy_line(case, v, lang)
    rights = {d.demand: d for d in v.demands if _argued(d)}
    losses = False
    for demand in ORDER:
        if demand not in rights:
            continue
        if demand == "compensation":
            legal.append(_compensation(case, v, lang))
            losses = bool(case.losses) and "civil_code584.losses" in rights[demand].findings
        else:
            legal.append(phrases.DEMANDS[demand](lang))
    requests: list[str] = []
    if legal and _fallback_request(v) and "refund" not in rights:
        requests.append(phrases.REQUEST_REFUND_FALLBACK(lang))
    for d in v.demands:
        if not d.requested or d.demand in rights or (d.demand == "refund" and requests):
            continue
        if d.basis == "request" or (d.basis == "none" and d.demand in phrases.DEMANDS):
            text = phrases.DEMANDS[d.demand](lang)
            target = _newer_to_others(case)
            if d.demand == "free_replacement_newer_model" and target:
                text = phrases.NEWER_AS_OTHERS(lang).format(model=target)
            requests.append(text)
    return legal, requests, losses


def _compensation(case: Case, v: Verdict, lang: str) -> str:
    fraud = v.finding("crpl55.fraud")
    parts = []
    if v.finding("civil_code584.losses") and case.losses:
        total = sum(x.amount for x in case.losses)
        parts.append(phrases.COMPENSATE_LOSSES(lang).format(total=money(total, lang)))
    elif v.finding("pql41.producer_liability"):
        parts.append(phrases.DEMANDS["compensation"](lang))
    if fraud and fraud.strength in ARGUED:
        price = case.product.price
        if price:
            amount = increased_compensation(price)
            parts.append(phrases.COMPENSATE_FRAUD(lang).format(price=money(price, lang), amount=money(amount, lang)))
        else:
            parts.append(phrases.COMPENSATE_FRAUD_NO_PRICE(lang))
    return pick(lang, "；并", "; and ").join(parts) if parts else phrases.DEMANDS["compensation"](lang)


def _loss_lines(case: Case, lang: str) -> tuple[list[str], str]:
    lines = []
    for x in case.losses:
        bits = [label("loss_kind", x.kind, lang), money(x.amount, lang)]
        extra = [clean(x.note)] if x.note else []
        if x.date:
            extra.append(day(x.date, lang))
        extra.append(phrases.LOSS_EVIDENCE[x.evidence is True](lang))
        sep = pick(lang, "，", ", ")
        lines.append(" ".join(bits) + paren(sep.join(e for e in extra if e), lang))
    total = money(sum(x.amount for x in case.losses), lang) if case.losses else ""
    return lines, total


# ---- evidence, sending, notes ----------------------------------------------------------------------------


def _evidence(case: Case, lang: str) -> list[str]:
    """What this case has, item by item: a list the business can check against its own records."""
    return (_device_evidence(case, lang) + _contact_evidence(case, lang) + _batch_evidence(case, lang)
            + _harm_evidence(case, lang))


_E = phrases.EVIDENCE
# The consumer's own steps, each an item of its own with its date; the other contacts are listed in one.
_OWN_STEPS = ("return_request", "consumer_demand")


def _device_evidence(case: Case, lang: str) -> list[str]:
    """The purchase, the device, the fault and the service's inspection."""
    p, pr, f = case.purchase, case.product, case.fault
    out = [_E["purchase"](lang).format(order=pick(lang, f"订单号{p.order_number}的", f"order {p.order_number}: ")
                                         if p.order_number else ""),
           _E["device"](lang).format(serial=pick(lang, f"（序列号{pr.serial}）", f" (serial {pr.serial})")
                                       if pr.serial else "")]
    if f.symptoms:
        out.append(_E["fault"](lang))
    if str(f.service_inspection) != "none":
        out.append(_E["inspection"](lang).format(result=label("inspection", f.service_inspection, lang)))
    return out


def _contact_evidence(case: Case, lang: str) -> list[str]:
    """The contacts with the business in one item, then each return request and written demand."""
    out = []
    contacts = [x for x in case.interactions if str(x.kind) not in _OWN_STEPS]
    if contacts:
        sep = pick(lang, "、", "; ")
        out.append(_E["interactions"](lang).format(listed=sep.join(_contact(x, lang) for x in contacts)))
    return out + [_E[str(x.kind)](lang).format(date=day(x.date, lang))
                  for x in case.interactions if str(x.kind) in _OWN_STEPS]


def _batch_evidence(case: Case, lang: str) -> list[str]:
    """What shows the batch's defect, and how other consumers were treated."""
    f = case.fault
    batch = str(f.batch_evidence)
    out = [_E[f"batch_{batch}"](lang).format(n=f.similar_reports or "")] if batch != "none" else []
    for c in case.comparators:
        what = label("remedy", c.remedy, lang) if c.remedy else pick(lang, "处理", "a remedy")
        src = clean(c.source) or pick(lang, "来源待补充", "source to be added")
        out.append(_E["comparator"](lang).format(what=what + paren(c.target_model, lang), source=src))
    return out


def _harm_evidence(case: Case, lang: str) -> list[str]:
    """The harm, the receipts for the losses, and what shows the goods' real condition."""
    out = []
    if case.harm.personal_injury:
        out.append(_E["injury"](lang))
    if case.harm.other_property_damage:
        out.append(_E["property"](lang))
    out += [_E["loss"](lang).format(what=label("loss_kind", x.kind, lang) + paren(x.note, lang), amount=money(x.amount, lang))
            for x in case.losses if x.evidence]
    if str(case.product.condition_evidence) != "none":
        out.append(_E["condition"](lang).format(what=label("condition_evidence", case.product.condition_evidence, lang)))
    return out


def _no_reason(case: Case, v: Verdict, lang: str) -> str:
    """When the return was asked for, the seven-day end the verdict gives, and who pays the return shipping
    (§2a: say so)."""
    end = _deadline(v, "return.no_reason")
    asked = next((x.date for x in case.interactions if str(x.kind) == "return_request"), None)
    if end is None or asked is None:
        return ""
    return phrases.NO_REASON_LINE(lang).format(asked=day(asked, lang), end=day(end.date, lang))


def _contact(x: Interaction, lang: str) -> str:
    who = x.party or pick(lang, "经营者", "the business")
    on = day(x.date, lang)
    if str(x.kind) == "inquiry":
        return pick(lang, f"{on}本人向{who}询问", f"{on}: my inquiry to {who}")
    if str(x.kind) == "return_request":
        return pick(lang, f"{on}本人提出退货", f"{on}: I asked to return the goods")
    if str(x.kind) == "consumer_demand":
        return pick(lang, f"{on}本人提出书面要求", f"{on}: my written demand")
    if str(x.kind) == "other" and x.note:
        return pick(lang, f"{on}{who}：{clean(x.note)}", f"{on}: {who}: {clean(x.note)}")
    return pick(lang, f"{on}{who}{label('interaction_kind', x.kind, lang)}", f"{on}: {who}, {label('interaction_kind', x.kind, lang)}")


def _deadline(v: Verdict, did: str):  # noqa: ANN202 - a Deadline or None
    return next((d for d in v.deadlines if d.id == did), None)


def _sending(v: Verdict, lang: str, platform: bool) -> list[str]:
    """How to send it and why (issue 13 item 8): proof of receipt, and the interruption of the limitation."""
    out = [phrases.SEND_HOW_PLATFORM(lang) if platform else phrases.SEND_HOW(lang)]
    out.append(phrases.SEND_WHY(lang))
    lim = _deadline(v, "limitation.contract")
    if lim is not None:
        text = phrases.LIMITATION(lang).format(date=day(lim.date, lang), start=day(lim.start, lang))
        for a in lim.arguments:
            text += pick(lang, "；", "; ") + clean(cn_dates(a.why, lang))
        out.append(text + pick(lang, "。", "."))
    return out


def _notes(case: Case, v: Verdict, lang: str) -> list[str]:
    """What the writer must check before sending: said beside the letter, never inside it."""
    out: list[str] = []
    seven = _deadline(v, "return.seven_days")
    if seven is not None and v.finding("crpl24.return_7_days"):
        moved = "".join(pick(lang, f"；{clean(cn_dates(a.why, lang))}", f"; {a.why}") for a in seven.arguments)
        key = "passed" if seven.passed else "open"
        out.append(phrases.NOTE_SEVEN_DAYS[key](lang).format(end=day(seven.date, lang), moved=moved))
    ret = _deadline(v, "return.no_reason")
    if ret is not None:
        out.append(phrases.NOTE_NO_REASON(lang).format(date=day(ret.date, lang)))
    for d in v.deadlines:
        if d.id == "limitation.product_liability" and not d.passed:
            out.append(phrases.NOTE_PRODUCT_LIABILITY(lang).format(date=day(d.date, lang)))
    if case.purchase.for_personal_use is False:
        out.append(phrases.NOTE_NOT_CONSUMER(lang))
    for n in v.notes:
        if n.kind in ("self_operated", "law_in_force"):
            out.append(cn_dates(n.text, lang))
    return out


# ---- the annex -------------------------------------------------------------------------------------------


def _annex(argued: list[Finding], lang: str) -> list[Annex]:
    """The reasoning in reader language: each step's sentence and the articles it rests on, by name; the
    case-file field names and rule ids stay in `--format json` (issue 13 item 10)."""
    out = []
    for f in argued:
        steps = []
        for s in f.trace:
            names = []
            for k in s.cites:
                try:
                    names.append(pick(lang, laws.lookup(k).short_label, laws.lookup(k).heading_en))
                except KeyError:
                    continue
            text = cn_dates(s.because, lang).rstrip("。.")
            text = re.sub(r"（[a-z0-9_]+\.[a-z0-9_.]+）|\([a-z0-9_]+\.[a-z0-9_.]+\)", "", text)
            if names:
                on = pick(lang, f"依据：{'、'.join(dict.fromkeys(names))}", f"on: {'; '.join(dict.fromkeys(names))}")
                if text.endswith(("）", ")")):  # one bracket, not two side by side
                    text = text[:-1] + pick(lang, f"；{on}）", f"; {on})")
                else:
                    text += paren(on, lang)
            steps.append(text + pick(lang, "。", "."))
        out.append(Annex(title=f.title, steps=steps))
    return out


# ---- the 12315 form's 投诉内容 ----------------------------------------------------------------------------


def _summary(case: Case, argued: list[Finding], demands: list[str], requests: list[str],
             lang: str, to: str = "seller") -> str:
    """The complaint in at most 500 characters: facts, what is asked, the articles by name only."""
    head = _summary_head(case, lang)
    asked = _summary_asked(demands, requests, lang)
    # The articles in a sentence of their own: beside the demands they would read as giving each of them.
    names = _law_names([k for fd in argued for k in (fd.quotes or fd.cites)
                        if not (to == "manufacturer" and _article(k) in phrases.SELLER_CONTRACT_ARTICLES)], lang)  # L15
    law = phrases.SUMMARY_LAW(lang).format(names=pick(lang, "；", "; ").join(names)) if names else ""
    tail = phrases.SUMMARY_TAIL(lang).format(asked=asked, law=law)
    steps = [_short_interaction(x, lang) for x in case.interactions]
    # Drop the oldest contacts first until it fits; the demand and the articles always stay.
    while steps and len(head + "".join(steps) + tail) > SUMMARY_LIMIT:
        steps.pop(0)
    text = head + "".join(steps) + tail
    if len(text) > SUMMARY_LIMIT:
        text = _fitted_ask(head, demands, lang)
    return text


def _fitted_ask(head: str, demands: list[str], lang: str) -> str:
    """Head and ask alone, with as many whole demands as fit and a pointer to the attachment for the rest
    (a demand is never cut, nor a word)."""
    sep = pick(lang, "；", "; ")
    for n in range(len(demands) - 1, 0, -1):
        asked = sep.join(d.rstrip("。；;.") for d in demands[:n]) + phrases.SUMMARY_MORE(lang)
        text = head + phrases.SUMMARY_ASK(lang).format(asked=asked)
        if len(text) <= SUMMARY_LIMIT:
            return text
    return (head + phrases.SUMMARY_ASK(lang).format(asked=_summary_asked(demands, [], lang)))[:SUMMARY_LIMIT]


def _summary_head(case: Case, lang: str) -> str:
    """The purchase and the fault in one or two sentences."""
    f = case.fault
    on = day(f.first_noticed, lang)
    symptoms = pick(lang, "、", ", ").join(label("symptom", s, lang) for s in f.symptoms)
    fault = phrases.SUMMARY_FAULT[bool(symptoms)](lang).format(
        on=on, symptoms=symptoms, found=clean(f.description) or phrases.SUMMARY_FOUND(lang))
    return phrases.SUMMARY_HEAD(lang).format(bought=day(case.purchase.date, lang), what=device_name(case, lang),
                                             fault=fault)


def _summary_asked(demands: list[str], requests: list[str], lang: str) -> str:
    """The demands, then the settlement requests, as one run of clauses."""
    sep = pick(lang, "；", "; ")
    asked = sep.join(d.rstrip("。；;.") for d in demands)
    return asked + phrases.SUMMARY_SETTLEMENT(lang) + sep.join(requests) if requests else asked


def _law_names(keys: list[str], lang: str) -> list[str]:
    """The articles by name only, grouped by law in first-cited order: 《消费者权益保护法》第八条、第九条."""
    by_law: dict[str, set] = {}
    for k in keys:
        c = laws.lookup(_article(k))
        by_law.setdefault(pick(lang, c.law.short, c.law.short_en), set()).add((c.article.number, c.article.heading))
    if lang == "en":
        return [f"{law} art. {', '.join(str(n) for n, _ in sorted(arts))}" for law, arts in by_law.items()]
    return [f"《{law}》" + "、".join(h for _, h in sorted(arts)) for law, arts in by_law.items()]


def _short_interaction(x: Interaction, lang: str) -> str:
    text = _contact(x, lang)
    if str(x.kind) == "offer" and x.remedy:
        text += paren(label("remedy", x.remedy, lang), lang)
    return text + pick(lang, "。", ". ")


# ---- the letter ------------------------------------------------------------------------------------------


def nothing_to_demand(v: Verdict, lang: str) -> str | None:
    """Why there is no demand letter, or None: no finding gives anything as of right or as a request (L15)."""
    if any(_argued(d) or d.basis == "request" for d in v.demands):
        return None
    return phrases.NO_LETTER(lang)


@dataclass(frozen=True)
class _Party:
    """Whom the letter goes to (after the platform rule), as it names them, and the other business it names."""

    to: str
    name: str
    role: str
    address: str
    other: str


def _maker(case: Case) -> str:
    return case.purchase.manufacturer or case.product.brand or ""


def _to_platform(case: Case, v: Verdict, lang: str) -> _Party:
    p = case.purchase
    return _Party("platform", p.platform or "", label_role("platform", lang), "", p.seller or "")


def _to_seller(case: Case, v: Verdict, lang: str) -> _Party:
    """The seller by its registered name; the shop's name, when it differs, in its role."""
    p = case.purchase
    role = label_role("seller", lang)
    if any(n.kind == "self_operated" for n in v.notes):
        role = pick(lang, "销售者，平台自营", "seller, the platform's own store")
    if p.seller_registered_name and p.seller and p.seller not in p.seller_registered_name:
        role += pick(lang, f"，店铺：{clean(p.seller)}", f", shop: {p.seller}")
    return _Party("seller", p.seller_registered_name or p.seller or "", role, p.seller_address or "", _maker(case))


def _to_manufacturer(case: Case, v: Verdict, lang: str) -> _Party:
    p = case.purchase
    return _Party("manufacturer", _maker(case), label_role("manufacturer", lang), "", p.seller_registered_name or p.seller or "")


_PARTIES: dict[str, Callable[[Case, Verdict, str], _Party]] = {
    "platform": _to_platform, "seller": _to_seller, "manufacturer": _to_manufacturer}
# Why a letter cannot go to this addressee: the case does not name it.
_UNNAMED = {
    "platform": T("purchase.platform: 缺少电商平台名称，无法向平台发函（或改用 --to seller）",
                  "purchase.platform: the platform's name is missing (or use --to seller)"),
    "seller": T("purchase.seller: 缺少销售者名称，无法向销售者发函（或改用 --to manufacturer）",
                "purchase.seller: the seller's name is missing, so the letter has no addressee (or use --to manufacturer)"),
    "manufacturer": T("purchase.manufacturer: 缺少生产者名称（也没有 product.brand），无法向生产者发函",
                      "purchase.manufacturer: the manufacturer's name is missing (and so is product.brand)"),
}


def _addressee(case: Case, v: Verdict, to: str, lang: str) -> _Party:
    """A platform that cannot name its seller is written to (消保法第四十四条); a platform's own store is the
    seller itself (电子商务法第三十七条第二款)."""
    if to == "seller" and case.purchase.platform and v.finding("crpl44.platform_liability") is not None:
        to = "platform"
    party = _PARTIES[to](case, v, lang)
    if not party.name:
        raise InputError([_UNNAMED[to](lang)])
    return party


def build(case: Case, v: Verdict, *, kind: str = "demand", to: str = "seller", lang: str = "zh",
          today: dt.date, annex: bool = False) -> Letter:
    """The letter's content: who writes to whom, the facts, the grounds, what is demanded, the dates."""
    _refuse(case, v, kind, to, lang)
    party = _addressee(case, v, to, lang)
    argued, short = _argued_findings(v, kind, party.to)
    legal, requests, with_losses = _asks(case, v, kind, lang)
    basis, penalties, channels_quote = _grounds(case, argued, kind, party.to, lang)
    loss_lines, loss_total = _loss_lines(case, lang) if with_losses else ([], "")
    complaint_by, complaint_from = _complaint_dates(v, lang)
    complaint = kind == "complaint"
    return Letter(
        kind=kind, lang=lang, today=day(today, lang), consumer=(case.consumer.name or "").strip(),
        phone=case.consumer.phone or "", address=case.consumer.address or "", region=case.consumer.region or "",
        addressee=party.name, addressee_role=party.role, addressee_address=party.address, other_party=party.other,
        product=product_name(case, lang), device=device_name(case, lang), product_rows=_product_rows(case, lang),
        facts=[third_person(x, lang) if complaint else x for x in facts(case, lang)], basis=basis,
        demands=legal, losses=loss_lines, losses_total=loss_total, requests=requests,
        reply_by=day(today + dt.timedelta(days=15), lang),
        penalties=penalties, channels_quote=channels_quote, evidence=_evidence(case, lang),
        complaint_by=complaint_by, complaint_from=complaint_from,
        summary=_summary(case, argued, legal, requests, lang, party.to) if complaint else "",
        respondent_rows=_respondent_rows(party, lang),
        demand_lead=(phrases.PLATFORM_LEAD if party.to == "platform" else phrases.DEMAND_LEAD)(lang),
        short=short, no_reason=_no_reason(case, v, lang) if short else "", notice=v.notice,
        sending=_sending(v, lang, party.to == "platform") if not complaint else [],
        annex=_annex(argued, lang) if annex else [], notes=_notes(case, v, lang),
        consumer_law=case.purchase.for_personal_use is not False,
    )


def _refuse(case: Case, v: Verdict, kind: str, to: str, lang: str) -> None:
    """The letter's own input errors, in the order a user meets them; `NoLetter` when nothing is given."""
    if kind not in KINDS:
        raise InputError([pick(lang, f"--kind: 值 '{kind}' 无效，允许：demand、complaint",
                               f"--kind: '{kind}' is invalid; allowed: demand, complaint")])
    if to not in ADDRESSEES:
        raise InputError([pick(lang, f"--to: 值 '{to}' 无效，允许：seller、manufacturer、platform",
                               f"--to: '{to}' is invalid; allowed: seller, manufacturer, platform")])
    if not (case.consumer.name or "").strip():
        raise InputError([pick(lang, "consumer.name: 缺少必填字段——维权函和投诉文本需要写明您的姓名",
                               "consumer.name: required for a letter — the letter must say who writes it")])
    why = nothing_to_demand(v, lang) if kind != "goodwill" else None
    if why:
        raise NoLetter(why)


# A letter arguing only these is the short return letter (issue 11 item 5).
_RETURN_ONLY = frozenset({"crpl25.no_reason_return", "crpl48.refusal_liability", "crpl56.report_to_regulator"})


def _argued_findings(v: Verdict, kind: str, to: str) -> tuple[list[Finding], bool]:
    """The findings the letter argues, in order, and whether it is the short return letter: the return, the
    refusal, the date, and no escalation articles."""
    if kind == "goodwill":
        return [], False
    argued = [f for f in v.findings if f.strength in ARGUED]
    if to == "platform":  # the platform's liability first: it is why the letter goes to the platform
        argued.sort(key=lambda f: f.id != "crpl44.platform_liability")
    short = kind == "demand" and bool(argued) and {f.id for f in argued} <= _RETURN_ONLY
    if short:
        argued = [f for f in argued if f.id != "crpl56.report_to_regulator"]
    return argued, short


def _asks(case: Case, v: Verdict, kind: str, lang: str) -> tuple[list[str], list[str], bool]:
    """The demands and requests (`_demands`), said of the business in the third person in a complaint."""
    if kind == "goodwill":
        return [], [], False
    legal, requests, with_losses = _demands(case, v, lang)
    if kind == "complaint":
        return [third_person(d, lang) for d in legal], [third_person(d, lang) for d in requests], with_losses
    return legal, requests, with_losses


def _grounds(case: Case, argued: list[Finding], kind: str, to: str, lang: str) -> tuple[list[Basis], Quote | None, Quote]:
    """Each argued finding's basis, then the penalties and channels articles: in the order the letter quotes
    them, so each passage is quoted in full once, where it first appears."""
    quoter = Quoter(lang)
    basis = [_basis(f, lang, kind, to, quoter, case.purchase.warranty_months) for f in argued]
    penalties = quoter("crpl_penalties:8") if any(f.id == "crpl56.report_to_regulator" for f in argued) else None
    return basis, penalties, quoter("crpl:39:1")


def _complaint_dates(v: Verdict, lang: str) -> tuple[str, str]:
    """The verdict's last day for a complaint to the market regulator, and the day it counts from."""
    samr = _deadline(v, "complaint.samr")
    return (day(samr.date, lang), day(samr.start, lang)) if samr else ("", "")


def _product_rows(case: Case, lang: str) -> list[tuple[str, str]]:
    """The product table: what the case gives, in a fixed order."""
    pr, p = case.product, case.purchase
    rows = [(T("商品名称", "Product"), product_name(case, lang)),
            (T("商品类别", "Category"), label("category", pr.category, lang)),
            (T("生产批次", "Production batch"), pr.production_batch),
            (T("序列号", "Serial number"), pr.serial),
            (T("订单号", "Order number"), p.order_number),
            (T("购买日期", "Bought on"), day(p.date, lang)),
            (T("购买渠道", "Channel"), label("channel", p.channel, lang) if p.channel else ""),
            (T("电商平台", "Platform"), p.platform),
            (T("价格", "Price"), money(pr.price, lang) if pr.price is not None else "")]
    return [(head(lang), value) for head, value in rows if value]


def _respondent_rows(party: _Party, lang: str) -> list[tuple[str, str]]:
    """The complaint form's respondent: name, role, address (a reminder to fill it in), the other business."""
    rows = [(pick(lang, "名称", "Name"), party.name), (pick(lang, "身份", "Role"), party.role)]
    if party.address:
        rows.append((pick(lang, "地址", "Address"), party.address))
    elif party.to != "manufacturer":
        rows.append((pick(lang, "地址", "Address"),
                     pick(lang, "（请填写营业执照或店铺页面上的地址）", "(fill in from the business licence or shop page)")))
    if party.other and party.other != party.name:
        rows.append((pick(lang, "相关经营者", "Other business"), party.other))
    return rows


_ROLES = {"seller": T("销售者", "seller"), "manufacturer": T("生产者", "manufacturer"),
          "platform": T("电子商务平台经营者", "e-commerce platform operator")}


def label_role(to: str, lang: str) -> str:
    return _ROLES[to](lang)
