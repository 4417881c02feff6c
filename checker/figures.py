"""Numbers and denials in a claim that contradict the words of the article it cites.

「依据消保法第二十四条，自收到商品之日起三十日内退货」 cites the right article and still misstates it: the
article says 七日. The article's numbers are data (`figures` in topics.yaml: the value, its unit, the
topic words it belongs to and the statute words it comes from); here a claim's numbers are read and
attached to a topic. To keep false alarms rare a number counts only when it is plainly attached to the
topic — in the same clause, right next to it, with no other item (、和及或) between — and when it states
a limit rather than a date, an ordinal, time already elapsed or what happened in the case (3月5日, 第三十天,
已经过了十天, 七日后, 三天内就提出了退货).
Sentences that report what someone else says or that question it (商家称…, 是否…) are not read at all.

A denial (「过了七天就不能再维修了」) contradicts an article that grants what is denied (`grants`): the
denial must name the remedy right after the negation, and the claim must speak of the condition the
grant is about (a period that has passed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from checker.detect import concepts, mentions
from checker.topics import Figure, Topics
from kb.bilingual import T  # a contradiction is said in both languages, like every user-facing text
from kb.laws import lookup

_NUM = r"[0-9０-９]+(?:\.[0-9]+)?|[零〇一二三四五六七八九十百千两]+|半"
_AMOUNT = re.compile(
    rf"[退假]一赔(?P<mult>{_NUM})|(?P<num>{_NUM})\s*(?P<unit>个月|个星期|星期|周|日|天|月|年|倍)"
)
_UNIT = {"日": ("day", 1), "天": ("day", 1), "周": ("day", 7), "星期": ("day", 7), "个星期": ("day", 7),
         "月": ("month", 1), "个月": ("month", 1), "年": ("month", 12), "倍": ("times", 1)}
_BASE = {"day": ("day", 1), "month": ("month", 1), "year": ("month", 12), "times": ("times", 1)}
_ZH_UNIT = {"day": "日", "month": "个月", "year": "年", "times": "倍"}
_EN_UNIT = {"日": "days", "天": "days", "周": "weeks", "星期": "weeks", "个星期": "weeks", "月": "months",
            "个月": "months", "年": "years", "倍": "times", "day": "days", "month": "months", "year": "years",
            "times": "times"}
_CLAUSE_END = "，,；;。！？!?\n：:"
_ITEM_SEP = ("、", "和", "及", "与", "或", "跟")
_ELAPSED = ("过了", "已经", "已", "第")  # 已经过了十天, 第三十天: facts and ordinals, not limits
_FACT = ("了", "已", "曾")  # 我在三天内就提出了退货: what happened in this case, not what the law allows
_AFTER = re.compile(r"\s*[以之]?后")  # 七日后: what follows a period, not its length
_TOPIC_AFTER = 8  # 三十日内退货: the topic follows the number within this many characters
_TOPIC_BEFORE = 6  # 退货期限为三十天: or precedes it within this many
# The sentence reports or questions what someone else says, rather than saying what the article says.
_REPORTED = ("称", "说", "表示", "认为", "以为", "告知", "告诉", "答复", "回复", "错误", "不对", "违反", "违背", "违法",
             "不合法", "侵犯", "侵害", "无效", "并非", "而非", "误", "谎", "是否", "是不是", "吗", "？", "?")
_DENY = re.compile(r"不能|不可以|不可|无权|不得|不再|无法|没法|不允许|不准")
_NOT_A_DENIAL = ("拒绝", "拖延", "推", "免费", "收费", "付费", "有偿", "不")  # 不得拒绝维修, 不能免费维修


@dataclass(frozen=True)
class _Amount:
    start: int
    end: int
    value: float  # in base units (days, months, times)
    base: str
    shown_zh: str  # 三十日, 十倍
    shown_en: str  # 30 days, 10 times


def _number(text: str) -> float | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text == "半":
        return 0.5
    try:
        return float(text) if text[0].isdigit() else float(cn2an.cn2an(text.replace("两", "二").replace("〇", "零"), "strict"))
    except (ValueError, KeyError, IndexError):
        return None


def _amounts(text: str) -> list[_Amount]:
    out = []
    for m in _AMOUNT.finditer(text):
        if m.group("mult") is not None:
            raw, unit = m.group("mult"), "倍"
            start = m.start()
        else:
            raw, unit, start = m.group("num"), m.group("unit"), m.start("num")
            before, after = text[max(0, start - 2) : start], text[m.end() :]
            if unit == "月" and not after.startswith(("内", "以内", "之内")):
                continue  # 3月5日 is a date
            if unit in ("日", "天") and before[-1:] in ("月", *"0123456789"):
                continue
            if before.endswith(_ELAPSED) or _AFTER.match(after):
                continue
        value = _number(raw)
        if value is None or value <= 0 or (unit == "年" and value >= 100):
            continue
        base, factor = _UNIT[unit]
        n = f"{value:g}"
        out.append(_Amount(start, m.end(), value * factor, base, f"{raw}{'倍' if unit == '倍' else unit}",
                           f"{n} {_EN_UNIT[unit]}"))
    return out


def _phrases(items: tuple[str, ...], data: Topics) -> list[str]:
    out: list[str] = []
    for item in items:
        if item in data.concepts:
            out.extend(p.text for p in data.concepts[item].phrases if not p.regex)
        else:
            out.append(item)
    return sorted(set(out), key=len, reverse=True)


def _clause(text: str, pos: int) -> tuple[int, int]:
    a = pos
    while a > 0 and text[a - 1] not in _CLAUSE_END:
        a -= 1
    b = pos
    while b < len(text) and text[b] not in _CLAUSE_END:
        b += 1
    return a, b


def _attached(text: str, amount: _Amount, phrases: list[str], others: list[_Amount]) -> tuple[int, int] | None:
    """Where a topic phrase plainly attached to `amount` is: in its clause, right after or before it (or
    inside it: 退一赔十), with no other item or number in between."""
    ca, cb = _clause(text, amount.start)
    for phrase in phrases:
        for m in re.finditer(re.escape(phrase), text[ca:cb]):
            ps, pe = ca + m.start(), ca + m.end()
            if ps < amount.end and pe > amount.start:
                return ps, pe
            if ps >= amount.end:
                gap, a, b = text[amount.end : ps], amount.end, ps
                if len(gap) > _TOPIC_AFTER:
                    continue
            elif amount.start - pe <= _TOPIC_BEFORE:
                gap, a, b = text[pe : amount.start], pe, amount.start
            else:
                continue
            if any(s in gap for s in _ITEM_SEP) or any(a <= o.start < b for o in others):
                continue
            return ps, pe
    return None


def _sentence(key_text: str, quote: str) -> str:
    """The statute's sentence (up to 。) that holds `quote`."""
    i = key_text.index(quote)
    a = max(key_text.rfind("。", 0, i), key_text.rfind("\n", 0, i)) + 1
    b = key_text.find("。", i)
    return key_text[a : b + 1 if b >= 0 else len(key_text)]


def where_said(key: str, quote: str) -> tuple[str, str, str]:
    """The paragraph of the article that holds `quote`: its label zh / en and its sentence."""
    c = lookup(":".join(key.split(":")[:2]))
    for p in c.article.paragraphs:
        if quote in p.text:
            many = len(c.article.paragraphs) > 1
            zh = f"《{c.law.short}》{c.article.heading}{p.heading if many else ''}"
            en = f"{c.law.short_en} art. {c.article.number}" + (f"({p.number})" if many else "")
            return zh, en, _sentence(p.text, quote)
    raise KeyError(quote)


def _reported(context: str) -> bool:
    return any(w in context for w in _REPORTED)


def _shown(figure: Figure) -> tuple[str, str]:
    v = figure.value
    zh = f"{cn2an.an2cn(int(v)) if v == int(v) else f'{v:g}'}{_ZH_UNIT[figure.unit]}"
    return zh + ("以下" if figure.at_most else ""), ("at most " if figure.at_most else "") + f"{v:g} {_EN_UNIT[figure.unit]}"


def _agrees(amount: _Amount, figure: Figure) -> bool:
    base, factor = _BASE[figure.unit]
    limit = figure.value * factor
    return amount.value <= limit if figure.at_most else abs(amount.value - limit) < 1e-9


def figure_contradiction(key: str, evidence: str, context: str, data: Topics) -> T | None:
    """A number in the claim that the cited article states otherwise for the same topic, if any."""
    figures = data.figures(key)
    if not figures or _reported(context):
        return None
    amounts = _amounts(evidence)
    in_context = concepts(context, data)
    for amount in amounts:
        ca, cb = _clause(evidence, amount.start)
        if any(w in evidence[ca:cb] for w in _FACT):
            continue
        others = [o for o in amounts if o is not amount]
        hits: list[tuple[Figure, tuple[int, int]]] = []
        for f in figures:
            if _BASE[f.unit][0] != amount.base:
                continue
            if any(mentions(u, context, in_context, data) for u in f.unless):
                continue
            where = _attached(evidence, amount, _phrases(f.topic, data), others)
            if where is not None:
                hits.append((f, where))
        if not hits or any(_agrees(amount, f) for f, _ in hits):
            continue
        figure, (ps, pe) = hits[0]
        said = evidence[min(ps, amount.start) : max(pe, amount.end)]
        label_zh, label_en, sentence = where_said(key, figure.quote)
        right_zh, right_en = _shown(figure)
        return T(
            f"文中说「{said}」，但{label_zh}规定：“{sentence}”{figure.about['zh']}是{right_zh}，"
            f"不是{amount.shown_zh}。",
            f"The text says “{said}” ({amount.shown_en}), but {label_en} provides: “{sentence}” "
            f"For {figure.about['en']} it says {right_en}, not {amount.shown_en}.",
        )
    return None


def grant_contradiction(key: str, evidence: str, context: str, data: Topics) -> T | None:
    """A denial in the claim of something the cited article grants, if any."""
    grants = data.grants(key)
    if not grants or _reported(context):
        return None
    in_evidence, in_context = concepts(evidence, data), concepts(context, data)
    for g in grants:
        if not any(mentions(w, evidence, in_evidence, data) for w in g.when):
            continue
        if any(mentions(u, context, in_context, data) for u in g.unless):
            continue
        remedies = "|".join(re.escape(r) for r in sorted(g.remedies, key=len, reverse=True))
        for m in re.finditer(rf"(?:{_DENY.pattern})(?P<mid>[^{_CLAUSE_END}]{{0,6}}?)(?:{remedies})", evidence):
            if any(w in m.group("mid") for w in _NOT_A_DENIAL):
                continue
            label_zh, label_en, sentence = where_said(key, g.quote)
            return T(
                f"文中说「{m.group(0)}」，但{label_zh}规定：“{sentence}”{g.says['zh']}。",
                f"The text says “{m.group(0)}”, but {label_en} provides: “{sentence}” {g.says['en']}.",
            )
    return None
