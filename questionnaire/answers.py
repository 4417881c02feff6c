"""Reading one answer as a person types it, and showing it back.

Typed and scripted answers go through the same `parse`, so an adviser's prepared file is held to the
same rules as a consumer at the keyboard. People write dates as 2024/5/20 or 2024年5月20日 and prices
as 6折: these are accepted and stored in the case file's own form (ISO dates, ratios 0–1). A rejected
answer raises `AnswerError` with a message that says what was wrong and what would be right, in the
user's language; the prompt shows it and asks again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from engine.vocab import label
from kb.bilingual import pick
from questionnaire import texts
from questionnaire.conditions import resolve
from questionnaire.draft import get
from questionnaire.spec import Question

UNKNOWN_WORDS = {"", "不知道", "不清楚", "未知", "跳过", "记不清", "unknown", "?", "？", "skip", "n/a", "null", "~",
                 "don't know", "don’t know", "dont know", "do not know", "not sure"}  # the English prompt says "don't know"
_YES = {"是", "是的", "有", "对", "y", "yes", "true", "1"}
_NO = {"否", "不是", "没有", "无", "不", "n", "no", "false", "0"}
_DATE = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]
_MONTH = [
    re.compile(r"^(\d{4})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月?$"),
    re.compile(r"^(\d{4})(\d{2})$"),
]
FIELD_NAMES = {
    "purchase.date": ("收货日期", "the delivery date"),
    "fault.first_noticed": ("发现故障的日期", "the day the fault was noticed"),
}


class AnswerError(ValueError):
    """An answer that cannot be used; the message is ready to show, in the user's language."""


class Contradiction(AnswerError):
    """An answer that is fine alone but contradicts an earlier one (a fault noticed before delivery):
    `other` is the earlier field, which the questionnaire offers to change instead."""

    def __init__(self, message: str, other: str) -> None:
        super().__init__(message)
        self.other = other


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_APPROX = re.compile(r"^(约|大约|大概|差不多|将近|接近|近|约莫)\s*|\s*(左右|上下|来|多|余|以上)$")


def chinese_number(text: str) -> int | None:
    """二十 → 20, 十五 → 15, 一百二十 → 120, 两 → 2, 十几 → 10 (its least value); None if not one."""
    text = text.strip().replace("几", "")
    if not text or any(c not in _DIGITS and c not in _UNITS for c in text):
        return None
    total, section, digit = 0, 0, None
    for c in text:
        if c in _DIGITS:
            digit = _DIGITS[c]
        else:
            unit = _UNITS[c]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
    return total + section + (digit or 0)


def plain_number(text: str) -> tuple[str, bool]:
    """A number as typed, with 约/左右/多 taken off and Chinese numerals turned into digits:
    ('20', True) for 约二十; the flag says it was approximate."""
    t = unicodedata.normalize("NFKC", text).strip()
    approx = False
    while (m := _APPROX.search(t)) and m.group(0):
        t = (t[:m.start()] + t[m.end():]).strip()
        approx = True
    if "几" in t:
        approx = True
    m = re.match(r"^([零〇一二两三四五六七八九十百千万几]+)(.*)$", t)
    if m:
        n = chinese_number(m.group(1))
        if n is not None:
            t = f"{n}{m.group(2)}"
    return t, approx


def approximate_note(q: Question, raw: Any, value: Any, lang: str) -> str | None:
    """What to tell the person when a loose answer was read as a definite value (约20 → 20)."""
    if not isinstance(raw, str) or value is None or q.type not in ("integer", "number"):
        return None
    text, approx = plain_number(raw)
    if not approx and text == raw.strip():
        return None
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    if "几" in raw:
        return pick(lang, f"已按 {shown} 记录（“几”按最小值计）", f"recorded as {shown} (the least value)")
    if approx:
        return pick(lang, f"已按 {shown} 记录（约数）", f"recorded as {shown} (an approximate answer)")
    return pick(lang, f"已按 {shown} 记录", f"recorded as {shown}")


_PHONE = [re.compile(r"^1[3-9]\d{9}$"),                      # a mainland mobile number
          re.compile(r"^0\d{2,3}\d{7,8}(转\d{1,6}|-\d{1,6})?$"),  # a landline with its area code
          re.compile(r"^[48]00\d{7}$"),                       # 400 / 800 service numbers
          re.compile(r"^(852|853)?[2-9]\d{7}$"),               # Hong Kong and Macao
          re.compile(r"^(886)?0?9\d{8}$")]                    # Taiwan mobile


def phone(text: str, lang: str) -> str:
    """A phone number as the person wrote it, checked as one: 138 0013 8000, 0311-87654321, +86…."""
    t = unicodedata.normalize("NFKC", text).strip()
    digits = re.sub(r"[\s\-()（）]", "", t)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    digits = digits.lstrip("+")
    if not any(p.match(digits) for p in _PHONE):
        raise AnswerError(pick(lang, f"“{text}”不像电话号码：请填写 11 位手机号（例如 138 0013 8000）或带区号的座机号（例如 0311-87654321）",
                               f"'{text}' does not look like a phone number: an 11-digit mobile (138 0013 8000) or a landline "
                               "with its area code (0311-87654321)"))
    return t


def is_unknown(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip().casefold() in UNKNOWN_WORDS)


class Context:
    """What an answer is checked against: the other answers, the assessment date, the language."""

    def __init__(self, data: dict[str, Any], as_of: dt.date, lang: str, loop: str | None = None,
                 index: int | None = None) -> None:
        self.data, self.as_of, self.lang, self.loop, self.index = data, as_of, lang, loop, index

    def ref(self, name: str | None) -> Any:
        return get(self.data, resolve(name, self.loop, self.index)) if name else None


def parse(q: Question, raw: Any, ctx: Context) -> Any:
    """The value to store for this answer (None: unknown), or AnswerError."""
    lang = ctx.lang
    if isinstance(raw, str):
        raw = raw.strip()
    if (q.type not in ("multi", "yesno") and is_unknown(raw)) or (q.type == "yesno" and raw is None):
        if q.required:
            raise AnswerError(pick(lang, "这个问题必须回答（不能填“不知道”）", "this question needs an answer (not \"don't know\")"))
        return None
    return _PARSERS[q.type](q, raw, ctx)


def _date(q: Question, raw: Any, ctx: Context) -> str:
    lang = ctx.lang
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        day = raw
    else:
        text = str(raw).strip()
        text = unicodedata.normalize("NFKC", text).replace(" ", "")
        m = next((p.match(text) for p in _DATE if p.match(text)), None)
        month = None if m else next((p.match(text) for p in _MONTH[:4] if p.match(text)), None)
        if month:
            y, mo = (int(x) for x in month.groups())
            raise AnswerError(pick(lang, f"“{text}”只有月份：请补上是哪一天，例如 {y}年{mo}月20日；记不清具体哪天的，"
                                         f"可以填当月1日（{y}-{mo:02d}-01）",
                                   f"'{text}' is a month: which day? e.g. {y}-{mo:02d}-20; if you cannot remember, "
                                   f"give the 1st ({y}-{mo:02d}-01)"))
        if not m:
            raise AnswerError(pick(lang, f"“{text}”不是日期：请按 年-月-日 填写，例如 2024-05-20",
                                   f"'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2024-05-20"))
        y, mo, d = (int(x) for x in m.groups())
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            raise AnswerError(pick(lang, f"日历上没有 {y}年{mo}月{d}日 这一天，请检查",
                                   f"there is no day {y}-{mo:02d}-{d:02d} in the calendar; please check")) from None
    if day > ctx.as_of:
        if ctx.as_of == dt.date.today():
            raise AnswerError(pick(lang, f"{day.isoformat()} 晚于今天（{ctx.as_of.isoformat()}）：日期不能在未来",
                                   f"{day.isoformat()} is after today ({ctx.as_of.isoformat()}): a date cannot be in the future"))
        # assessed as of another day (--as-of): that day is the present the answers are held to
        raise AnswerError(pick(lang, f"{day.isoformat()} 晚于评估日期（{ctx.as_of.isoformat()}，--as-of）：日期不能晚于评估日期",
                               f"{day.isoformat()} is after the assessment date ({ctx.as_of.isoformat()}, --as-of): "
                               "a date cannot be later than that"))
    if day.year < 1990:
        raise AnswerError(pick(lang, f"{day.isoformat()} 太早了，请检查年份", f"{day.isoformat()} is too early; check the year"))
    low = ctx.ref(q.min)
    if low is not None and day < dt.date.fromisoformat(str(low)):
        zh, en = FIELD_NAMES.get(q.min or "", (q.min, q.min))
        raise Contradiction(pick(lang, f"{day.isoformat()} 早于{zh}（{low}），请检查",
                                 f"{day.isoformat()} is before {en} ({low}); please check"), str(q.min))
    return day.isoformat()


def _month(q: Question, raw: Any, ctx: Context) -> str:
    lang = ctx.lang
    if isinstance(raw, dt.date):
        y, mo = raw.year, raw.month
    else:
        text = unicodedata.normalize("NFKC", str(raw)).strip().replace(" ", "")
        m = next((p.match(text) for p in _MONTH if p.match(text)), None)
        if not m:
            raise AnswerError(pick(lang, f"“{text}”不是月份：请按 年-月 填写，例如 2024-04",
                                   f"'{text}' is not a month: write it as YYYY-MM, e.g. 2024-04"))
        y, mo = (int(x) for x in m.groups())
    if not 1 <= mo <= 12 or y < 1900:
        raise AnswerError(pick(lang, f"没有 {y}年{mo}月 这个月份，请检查", f"there is no month {y}-{mo:02d}; please check"))
    month = f"{y:04d}-{mo:02d}"
    if month > ctx.as_of.isoformat()[:7]:
        raise AnswerError(pick(lang, f"{month} 晚于本月：不能在未来", f"{month} is after this month: it cannot be in the future"))
    high = ctx.ref(q.max)
    if high is not None and month > str(high)[:7]:
        zh, en = FIELD_NAMES.get(q.max or "", (q.max, q.max))
        raise Contradiction(pick(lang, f"生产批次 {month} 晚于{zh}所在的月份（{str(high)[:7]}），不可能",
                                 f"a batch of {month} is after the month of {en} ({str(high)[:7]}), which is impossible"),
                            str(q.max))
    return month


def _range(q: Question, value: float, ctx: Context) -> None:
    lo, hi = q.min_value, q.max_value
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        span = f"{lo if lo is not None else '…'} – {hi if hi is not None else '…'}"
        raise AnswerError(pick(ctx.lang, f"{value:g} 超出范围，允许 {span}", f"{value:g} is out of range; allowed: {span}"))


def _integer(q: Question, raw: Any, ctx: Context) -> int:
    if isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, int):
        value = raw
    else:
        m = re.match(r"^(\d{1,9})\s*(个月|月|起|个|次|件|例|年)?$", plain_number(str(raw))[0])
        if not m:
            raise AnswerError(pick(ctx.lang, f"“{raw}”不是整数：请填写数字，例如 12",
                                   f"'{raw}' is not a whole number: type digits, e.g. 12"))
        value = int(m.group(1)) * (12 if m.group(2) == "年" and q.id.endswith("months") else 1)
    _range(q, value, ctx)
    return value


def _number(q: Question, raw: Any, ctx: Context) -> float:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    else:
        m = re.match(r"^[¥￥]?\s*(\d{1,12}(?:\.\d{1,6})?)\s*(元|块|块钱|rmb|cny)?$", plain_number(str(raw))[0], re.IGNORECASE)
        if not m:
            raise AnswerError(pick(ctx.lang, f"“{raw}”不是数字：请填写金额，例如 239 或 239.00",
                                   f"'{raw}' is not a number: type an amount, e.g. 239 or 239.00"))
        value = float(m.group(1))
    _range(q, value, ctx)
    return value


def _ratio(q: Question, raw: Any, ctx: Context) -> float:
    lang = ctx.lang
    bad = AnswerError(pick(lang, f"“{raw}”无法理解：请填 0 到 1 之间的小数（0.6 即 6折，免费填 0，原价填 1），或写成 6折、60%",
                           f"'{raw}' is not understood: a share between 0 and 1 (0.6 = 60%, 0 = free, 1 = full price), or 60%"))
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    else:
        text = unicodedata.normalize("NFKC", str(raw)).strip().replace(" ", "")
        if m := re.fullmatch(r"([一二三四五六七八九])([一二三四五六七八九])?折", text):  # 六折, 六五折
            text = f"{_DIGITS[m.group(1)]}{'.' + str(_DIGITS[m.group(2)]) if m.group(2) else ''}折"
        elif m := re.fullmatch(r"(\d)(\d)折", text):  # 65折 is 6.5折
            text = f"{m.group(1)}.{m.group(2)}折"
        if text in ("半价",):
            text = "0.5"
        if text in ("免费", "free"):
            value = 0.0
        elif text in ("原价", "全价", "full", "fullprice"):
            value = 1.0
        elif m := re.fullmatch(r"(\d+(?:\.\d+)?)折", text):
            value = float(m.group(1)) / 10
        elif m := re.fullmatch(r"(\d+(?:\.\d+)?)%", text):
            value = float(m.group(1)) / 100
        elif re.fullmatch(r"\d+(?:\.\d+)?", text):
            value = float(text)
        else:
            raise bad
    if not 0 <= value <= 1:
        raise bad
    return round(value, 4)


def _yesno(q: Question, raw: Any, ctx: Context) -> bool | None:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    if is_unknown(text):
        if q.required:
            raise AnswerError(pick(ctx.lang, "这个问题必须回答", "this question needs an answer"))
        return None
    raise AnswerError(pick(ctx.lang, f"“{raw}”无法理解：请回答 是、否 或 不知道", f"'{raw}' is not understood: answer yes, no or unknown"))


def _fold(text: str) -> str:
    """A name as compared: NFKC (full-width letters and brackets as plain ones), no spaces, no case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def main_part(name: str) -> str:
    """A label without its explanation in brackets: 智能穿戴设备（手环、手表） → 智能穿戴设备."""
    return re.split(r"[（(]", name, maxsplit=1)[0].strip()


def choice_names(q: Question, value: str) -> tuple[set[str], set[str]]:
    """What a choice may be called, folded: (its code and full labels, the labels' main parts)."""
    labels = [label(q.vocab, value, "zh"), label(q.vocab, value, "en")]
    full = {_fold(value), *(_fold(x) for x in labels)}
    main = {_fold(m) for m in map(main_part, labels) if m}
    return full, main - full


def _choice_value(q: Question, raw: Any, ctx: Context) -> str:
    """A choice by its code, its Chinese or English label, or the label's main part before any
    bracket (智能穿戴设备 for 智能穿戴设备（手环、手表）), whatever the case and spacing. An exact
    code or label wins over a main part; a main part shared by several choices is refused, naming them."""
    text = str(raw).strip()
    options = q.options()
    wanted = _fold(text)
    names = {value: choice_names(q, value) for value in options}
    for tier in (0, 1):
        found = [value for value in options if wanted in names[value][tier]]
        if len(found) == 1:
            return found[0]
        if found:
            shown = pick(ctx.lang, "、".join(f"{v}（{label(q.vocab, v, 'zh')}）" for v in found),
                         ", ".join(f"{v} ({label(q.vocab, v, 'en')})" for v in found))
            raise AnswerError(pick(ctx.lang, f"“{text}”可指多个选项：{shown}。请写出其中一个的代码或完整名称",
                                   f"'{text}' matches several choices: {shown}. Write one's code or full label"))
    shown = pick(ctx.lang, "、".join(f"{v}（{label(q.vocab, v, 'zh')}）" for v in options), ", ".join(options))
    raise AnswerError(pick(ctx.lang, f"“{text}”不是可选的答案。可选：{shown}", f"'{text}' is not one of the choices: {shown}"))


def _choice(q: Question, raw: Any, ctx: Context) -> str:
    return _choice_value(q, raw, ctx)


def _multi(q: Question, raw: Any, ctx: Context) -> list[str]:
    if raw is None or (isinstance(raw, str) and is_unknown(raw)):
        items: list[Any] = []
    elif isinstance(raw, list | tuple):
        items = list(raw)
    else:
        items = [x for x in re.split(r"[,，、;；]\s*", str(raw)) if x.strip()]
    out: list[str] = []
    for item in items:
        value = _choice_value(q, item, ctx)
        if value not in out:
            out.append(value)
    if q.required and not out:
        raise AnswerError(pick(ctx.lang, "请至少选择一项（空格键选择）", "choose at least one (space selects)"))
    return out


def _text(q: Question, raw: Any, ctx: Context) -> str:
    """The case model's own text rules (engine/case.py): one line for a name, lines for a description."""
    from engine.case import LINE_MAX, TEXT_MAX, bad_char

    text = str(raw).strip()
    if q.format == "phone":
        return phone(text, ctx.lang)
    multiline = q.id.rsplit(".", 1)[-1] in ("description", "note")
    most = TEXT_MAX if multiline else LINE_MAX
    if len(text) > most:
        raise AnswerError(pick(ctx.lang, f"文字过长（{len(text)} 个字符，最多 {most} 个）",
                               f"too long ({len(text)} characters, at most {most})"))
    ch = bad_char(text, multiline)
    if ch is not None:
        raise AnswerError(pick(ctx.lang, f"含不允许的字符 U+{ord(ch):04X}（控制字符、分段符或双向排版控制符）；请删去",
                               f"holds the character U+{ord(ch):04X} (a control, separator or bidi character); remove it"))
    return text


_PARSERS = {"date": _date, "month": _month, "integer": _integer, "number": _number, "ratio": _ratio,
            "yesno": _yesno, "choice": _choice, "multi": _multi, "text": _text}


def show(q: Question, value: Any, lang: str) -> str:
    """An answer as the review lists it."""
    if value is None or value == [] and q.type == "multi" and not q.required:
        return texts.t("unknown", lang) if value is None else pick(lang, "（无）", "(none)")
    if q.type == "yesno":
        return texts.t("yes", lang) if value else texts.t("no", lang)
    if q.type == "choice":
        return label(q.vocab, value, lang)
    if q.type == "multi":
        return pick(lang, "、", ", ").join(label(q.vocab, v, lang) for v in value)
    if q.type == "ratio":
        v = float(value)
        if v == 0:
            return pick(lang, "0（免费）", "0 (free)")
        return pick(lang, f"{v:g}（{v * 10:g}折）", f"{v:g} ({v * 100:g}%)")
    if q.type == "number":
        return f"{float(value):g}"
    return str(value)


def as_text(q: Question, value: Any) -> str:
    """A stored value as it would be typed again (the default of a re-asked text prompt)."""
    if value is None:
        return ""
    if q.type == "ratio":
        return f"{float(value):g}"
    if q.type == "number":
        return f"{float(value):g}"
    return str(value)
