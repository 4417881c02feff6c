"""Bad input, explained: every message names the field path, the value given and what is allowed.

Pydantic's own messages are English and name internal types; a consumer needs to know which line of
their case file to fix, in their language. `InputError` carries such messages to the CLI, which
prints them and exits with code 2.
"""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError


class InputError(Exception):
    """The user's input cannot be used; `messages` are ready to print, in the user's language."""

    def __init__(self, messages: list[str], source: str = "") -> None:
        super().__init__("; ".join(messages))
        self.messages = messages
        self.source = source


class SystemProblem(InputError):
    """The environment refused (a full disk, a read-only folder, a name too long): exit 2 like bad input,
    but not called bad input."""


def path_of(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(root)"


def _show(value: Any, zh: bool = True) -> str:
    """A value as the message quotes it: short, and never a raw control character."""
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:40] + (f"…（共 {len(value)} 字）" if zh else f"… ({len(value)} characters)")
        return "'" + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text) + "'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = str(value)
    return text if len(text) <= 40 else text[:12] + (f"…（共 {len(text)} 位）" if zh else f"… ({len(text)} digits)")


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types inside Optional/Annotated/list wrappers."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for a in typing.get_args(tp) for t in _unwrap(a)]
    if origin is list:
        return _unwrap(typing.get_args(tp)[0])
    return [tp]


def _resolve(root: type[BaseModel], loc: tuple[Any, ...]) -> list[Any]:
    """The types a location in the input should have, walking the model's fields."""
    current: list[Any] = [root]
    for part in loc:
        if isinstance(part, int):
            continue
        nxt: list[Any] = []
        for tp in current:
            if isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
                nxt.extend(_unwrap(tp.model_fields[part].annotation))
        current = nxt
    return current


def _allowed_fields(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    for tp in _resolve(root, loc):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return list(tp.model_fields)
    return []


def _enum_values(root: type[BaseModel], loc: tuple[Any, ...]) -> type[Enum] | None:
    for tp in _resolve(root, loc):
        if isinstance(tp, type) and issubclass(tp, Enum):
            return tp
    return None


_ENUM_VOCAB = {
    "Category": "category", "Channel": "channel", "Symptom": "symptom", "Cause": "cause",
    "Inspection": "inspection", "BatchEvidence": "batch_evidence", "InteractionKind": "interaction_kind",
    "Remedy": "remedy", "InquiryTopic": "inquiry_topic", "Demand": "demand", "SoldAs": "sold_as",
    "FoundCondition": "found_condition", "ConditionEvidence": "condition_evidence", "ReturnReason": "return_reason",
    "DemandChannel": "demand_channel", "LossKind": "loss_kind",
}


def describe_validation_error(exc: ValidationError, root: type[BaseModel], lang: str = "zh") -> list[str]:
    """One message per problem, naming the field path under `root` (the case model), the value and what is
    allowed. The model is passed in, so that this module needs nothing of engine/case.py (no import circle)."""
    from engine.vocab import label

    zh = lang != "en"
    out = []
    for err in exc.errors(include_url=False):
        loc, typ, ctx, value = tuple(err["loc"]), err["type"], err.get("ctx") or {}, err.get("input")
        path = path_of(loc)
        shown = _show(value, zh)
        if typ == "extra_forbidden":
            allowed = ", ".join(_allowed_fields(root, loc[:-1]))
            msg = (f"{path}: 未知字段（是否拼写错误？）。此处允许的字段：{allowed}" if zh
                   else f"{path}: unknown field (a typo?). Fields allowed here: {allowed}")
        elif typ == "missing":
            msg = f"{path}: 缺少必填字段" if zh else f"{path}: required field is missing"
        elif typ == "enum":
            enum = _enum_values(root, loc)
            values = [m.value for m in enum] if enum else []
            vocab = _ENUM_VOCAB.get(enum.__name__) if enum else None
            if vocab and zh:
                allowed = "、".join(f"{v}（{label(vocab, v, 'zh')}）" for v in values)
            else:
                allowed = ", ".join(values)
            msg = (f"{path}: 值 {shown} 不在允许范围内。允许的值：{allowed}" if zh
                   else f"{path}: {shown} is not allowed. Allowed values: {allowed}")
        elif typ in ("iso_date", "real_date"):
            why = "该日期在日历上不存在" if typ == "real_date" else "应为 YYYY-MM-DD 格式的日期，例如 2024-05-20"
            why_en = "no such day in the calendar" if typ == "real_date" else "expected a YYYY-MM-DD date, e.g. 2024-05-20"
            msg = f"{path}: 值 {shown} 无效，{why}" if zh else f"{path}: {shown} is invalid: {why_en}"
        elif typ == "date_range":
            msg = (f"{path}: 值 {shown} 超出范围，允许 {ctx['lo']} 到 {ctx['hi']} 之间的日期" if zh
                   else f"{path}: {shown} is out of range; allowed: a date from {ctx['lo']} to {ctx['hi']}")
        elif typ == "string_unicode":
            msg = (f"{path}: 含无法表示的字符（单独的代理码位，如 \\ud800）；请删去" if zh
                   else f"{path}: holds a character that cannot exist in text (a lone surrogate such as \\ud800); remove it")
        elif typ == "bad_char":
            ok = ("可以换行，但不能含其他控制字符、分段符或双向排版控制符" if ctx.get("multiline")
                  else "应为一行文字，不能含换行、制表符等控制字符、分段符或双向排版控制符")
            ok_en = ("line breaks are fine, other control, separator or bidi-override characters are not"
                     if ctx.get("multiline")
                     else "one line of text, without line breaks, tabs or other control, separator or bidi characters")
            msg = (f"{path}: 值 {shown} 含不允许的字符 {ctx['char']}；{ok}" if zh
                   else f"{path}: {shown} holds the character {ctx['char']}, which is not allowed: {ok_en}")
        elif typ in ("too_long", "too_short") and isinstance(value, list | tuple | dict):
            most = ctx.get("max_length")
            msg = (f"{path}: 共 {len(value)} 项，最多允许 {most} 项" if zh
                   else f"{path}: {len(value)} items; at most {most} are allowed")
        elif typ == "finite_number":
            bounds = _bounds(root, loc)
            msg = (f"{path}: 值 {shown} 无效，应为有限的数字（{bounds}）" if zh
                   else f"{path}: {shown} is invalid: expected a finite number ({bounds})")
        elif typ in ("int_type", "float_type") and isinstance(value, Decimal):
            bounds = _bounds(root, loc)
            msg = (f"{path}: 值 {shown} 超出范围，允许 {bounds}" if zh
                   else f"{path}: {shown} is out of range; allowed: {bounds}")
        elif typ == "iso_month":
            msg = (f"{path}: 值 {shown} 无效，应为 YYYY-MM 格式的月份（1990-01 到 2099-12），例如 2024-04" if zh
                   else f"{path}: {shown} is invalid: expected a YYYY-MM month (1990-01 to 2099-12), e.g. 2024-04")
        elif typ == "after_as_of":
            msg = (f"{ctx['path']}: 日期 {ctx['value']} 晚于评估日期 {ctx['as_of']}；日期不能在未来" if zh
                   else f"{ctx['path']}: {ctx['value']} is after the assessment date {ctx['as_of']}; dates cannot be in the future")
        elif typ == "noticed_before_purchase":
            msg = (f"{ctx['path']}: 日期 {ctx['value']} 早于收货日期 purchase.date（{ctx['other']}）；发现故障不能早于收货" if zh
                   else f"{ctx['path']}: {ctx['value']} is before purchase.date ({ctx['other']}); a fault cannot be noticed before delivery")
        elif typ == "interaction_before_purchase":
            msg = (f"{ctx['path']}: 日期 {ctx['value']} 早于收货日期 purchase.date（{ctx['other']}）" if zh
                   else f"{ctx['path']}: {ctx['value']} is before purchase.date ({ctx['other']})")
        elif typ == "batch_after_purchase":
            msg = (f"{ctx['path']}: 生产批次 {ctx['value']} 晚于购买月份 {ctx['other']}，不可能" if zh
                   else f"{ctx['path']}: production batch {ctx['value']} is after the purchase month {ctx['other']}")
        elif typ.startswith("bool"):
            msg = (f"{path}: 值 {shown} 无效，应为 true（是）、false（否）或 null（不知道）" if zh
                   else f"{path}: {shown} is invalid: expected true, false or null (unknown)")
        elif typ.startswith("int"):
            bounds = _bounds(root, loc)
            quoted = "（数字不加引号）" if isinstance(value, str) else ""
            quoted_en = " without quotes" if isinstance(value, str) else ""
            msg = (f"{path}: 值 {shown} 无效，应为整数{quoted}，允许 {bounds}" if zh
                   else f"{path}: {shown} is invalid: expected a whole number{quoted_en}; allowed: {bounds}")
        elif typ.startswith("float"):
            bounds = _bounds(root, loc)
            quoted = "（数字不加引号）" if isinstance(value, str) else ""
            quoted_en = " without quotes" if isinstance(value, str) else ""
            msg = (f"{path}: 值 {shown} 无效，应为数字{quoted}，允许 {bounds}" if zh
                   else f"{path}: {shown} is invalid: expected a number{quoted_en}; allowed: {bounds}")
        elif typ in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            bounds = _bounds(root, loc)
            msg = (f"{path}: 值 {shown} 超出范围，允许 {bounds}" if zh
                   else f"{path}: {shown} is out of range; allowed: {bounds}")
        elif typ == "string_too_long":
            n = len(value) if isinstance(value, str) else "?"
            msg = (f"{path}: 文本过长（{n} 个字符，最多 {ctx.get('max_length')} 个）" if zh
                   else f"{path}: text too long ({n} characters, at most {ctx.get('max_length')})")
        elif typ == "string_too_short":
            msg = f"{path}: 不能为空" if zh else f"{path}: must not be empty"
        elif typ == "string_type":
            msg = f"{path}: 值 {shown} 无效，应为文本" if zh else f"{path}: {shown} is invalid: expected text"
        elif typ == "list_type":
            msg = f"{path}: 值 {shown} 无效，应为列表，例如 [a, b]" if zh else f"{path}: {shown} is invalid: expected a list, e.g. [a, b]"
        elif typ in ("model_type", "dict_type", "model_attributes_type"):
            msg = (f"{path}: 值 {shown} 无效，应为映射（字段: 值）" if zh
                   else f"{path}: {shown} is invalid: expected a mapping (field: value)")
        elif typ == "literal_error":
            msg = (f"{path}: 值 {shown} 无效，允许的值：{ctx.get('expected')}" if zh
                   else f"{path}: {shown} is invalid; allowed: {ctx.get('expected')}")
        else:
            msg = f"{path}: 值 {shown} 无效（{err['msg']}）" if zh else f"{path}: {shown} is invalid ({err['msg']})"
        out.append(msg)
    return out


def _bounds(root: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """'0 到 1' style bounds read from the field's own constraints."""
    parent = [t for t in _resolve(root, loc[:-1]) if isinstance(t, type) and issubclass(t, BaseModel)]
    name = loc[-1]
    lo = hi = None
    if parent and name in parent[0].model_fields:
        for meta in _metadata(parent[0].model_fields[name]):
            for attr in ("ge", "gt"):
                if getattr(meta, attr, None) is not None:
                    lo = (getattr(meta, attr), attr)
            if getattr(meta, "le", None) is not None:
                hi = meta.le
    if lo is not None and lo[1] == "gt":
        return f"> {_num(lo[0])}" + (f", <= {_num(hi)}" if hi is not None else "")
    if lo is not None:
        lo = lo[0]
    if lo is not None and hi is not None:
        return f"{_num(lo)} – {_num(hi)}"
    if lo is not None:
        return f">= {_num(lo)}"
    if hi is not None:
        return f"<= {_num(hi)}"
    return "?"


def _num(x: float) -> str:
    """10000000, not 1e+07; 0.5 as 0.5."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _metadata(field: Any) -> list[Any]:
    """A field's constraints, also those inside an Annotated alias (Amount, Ratio) of its type."""
    found = list(field.metadata)
    todo = [field.annotation]
    while todo:
        tp = todo.pop()
        if typing.get_origin(tp) is typing.Annotated:
            args = typing.get_args(tp)
            found.extend(m for a in args[1:] for m in (getattr(a, "metadata", None) or [a]))
            todo.append(args[0])
        elif typing.get_origin(tp) in (typing.Union, types.UnionType):
            todo.extend(typing.get_args(tp))
    return found


def kind_of(value: Any, lang: str = "zh") -> str:
    """What a user would call a YAML/JSON value (never a Python type name): 空文件, 列表, 文本, 数字…"""
    zh = lang != "en"
    if value is None:
        return "空文件（或只有注释）" if zh else "an empty file (or only comments)"
    if isinstance(value, bool):
        return "是/否值（true/false）" if zh else "a yes/no value (true/false)"
    if isinstance(value, int | float):
        return f"数字 {value}" if zh else f"a number ({value})"
    if isinstance(value, str):
        return "一段文本" if zh else "a piece of text"
    if isinstance(value, list):
        return "列表" if zh else "a list"
    if isinstance(value, dict):
        return "映射" if zh else "a mapping"
    return "其他类型的值" if zh else "some other kind of value"


# json.JSONDecodeError.msg → what it means, in Chinese (the json module only speaks English).
_JSON_ERRORS_ZH = {
    "Expecting value": "此处应有一个值（文本、数字、true/false、null、{…} 或 […]）",
    "Expecting property name enclosed in double quotes": "此处应为用双引号括起的字段名（JSON 不允许单引号或末尾多余的逗号）",
    "Expecting ':' delimiter": "字段名后缺少冒号 :",
    "Expecting ',' delimiter": "缺少逗号 , 或括号未闭合",
    "Unterminated string starting at": "文本缺少结尾的双引号",
    "Invalid control character at": "文本中有不允许的控制字符（如未转义的换行或制表符）",
    "Invalid \\escape": "文本中有无效的转义符（反斜杠 \\ 后的字符不合法）",
    "Invalid \\uXXXX escape": "文本中有无效的 \\uXXXX 转义",
    "Extra data": "一个完整的 JSON 值之后还有多余的内容（一个文件或一行只能有一个案件）",
    "Unexpected UTF-8 BOM (decode using utf-8-sig)": "开头有多余的 UTF-8 BOM 标记",
}


def json_error_text(exc: Any, lang: str = "zh") -> str:
    """A json.JSONDecodeError's reason in the user's language (without the position, which callers add)."""
    if lang == "en":
        return exc.msg
    for key, zh in _JSON_ERRORS_ZH.items():
        if exc.msg.startswith(key):
            return zh
    return "JSON 语法不正确"


def utf8_error_text(exc: UnicodeDecodeError, lang: str = "zh") -> str:
    """Which byte is not UTF-8, and what to do about it."""
    bad = exc.object[exc.start:exc.start + 1].hex() if isinstance(exc.object, bytes | bytearray) else "?"
    if lang == "en":
        return f"not UTF-8 text (byte 0x{bad} at byte {exc.start + 1}); save it as UTF-8"
    return f"不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节 0x{bad} 无法解码）；请以 UTF-8 编码保存"
