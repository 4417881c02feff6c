"""Bad input, explained: every message names the field path, the value given and what is allowed.

Pydantic's own messages are English and name internal types; a consumer needs to know which line of
their case file to fix, in their language. `InputError` carries such messages to the CLI, which
prints them and exits with code 2.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from engine import messages as M
from kb.bilingual import pick


class InputError(Exception):
    """The user's input cannot be used; `messages` are ready to print, in the user's language."""

    def __init__(self, messages: list[str], source: str = "") -> None:
        super().__init__("; ".join(messages))
        self.messages = messages
        self.source = source


class SystemProblem(InputError):
    """The environment refused (a full disk, a read-only folder, a name too long): exit 2 like bad input,
    but not called bad input."""


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def path_of(loc: tuple[Any, ...]) -> str:
    """`interactions[2].kind`; a key that is not a plain name (a typo with spaces, a control character)
    is quoted with its unprintable characters escaped, so the message never carries them raw."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = str(part)
            if not _NAME.fullmatch(name):
                shown = name if len(name) <= 40 else name[:40] + "…"
                name = "'" + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in shown) + "'"
            out += ("." if out else "") + name
    return out or "(root)"


def _show(value: Any, lang: str = "zh") -> str:
    """A value as the message quotes it: short, and never a raw control character."""
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:40] + M.CUT_TEXT(lang, n=len(value))
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
    return text if len(text) <= 40 else text[:12] + M.CUT_DIGITS(lang, n=len(text))


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


@dataclass(frozen=True)
class _Problem:
    """One pydantic error and what its message is made of."""

    err: dict[str, Any]
    root: type[BaseModel]
    lang: str

    @property
    def loc(self) -> tuple[Any, ...]:
        return tuple(self.err["loc"])

    @property
    def ctx(self) -> dict[str, Any]:
        return self.err.get("ctx") or {}

    @property
    def value(self) -> Any:
        return self.err.get("input")

    @property
    def path(self) -> str:
        return path_of(self.loc)

    @property
    def shown(self) -> str:
        return _show(self.value, self.lang)

    def bounds(self) -> str:
        return _bounds(self.root, self.loc)

    def say(self, msg: M.Msg, **values: object) -> str:
        """A catalogue sentence about this field and its value."""
        return msg(self.lang, name=self.path, shown=self.shown, **values)


def describe_validation_error(exc: ValidationError, root: type[BaseModel], lang: str = "zh") -> list[str]:
    """One message per problem, naming the field path under `root` (the case model), the value and what is
    allowed. The model is passed in, so that this module needs nothing of engine/case.py (no import circle)."""
    out = []
    for err in exc.errors(include_url=False):
        problem = _Problem(err, root, lang)
        out.append(_describer(err["type"], problem.value)(problem))
    return out


def _describer(typ: str, value: Any) -> Callable[[_Problem], str]:
    """The message for a pydantic error type; a few types mean something else for some values."""
    if typ in ("too_long", "too_short") and isinstance(value, list | tuple | dict):
        return _too_many
    if typ in ("int_type", "float_type") and isinstance(value, Decimal):
        return _out_of_bounds  # a number too large for a float
    if typ in _BY_TYPE:
        return _BY_TYPE[typ]
    return next((f for prefix, f in _BY_PREFIX if typ.startswith(prefix)), _other)


def _unknown_field(p: _Problem) -> str:
    return M.UNKNOWN_FIELD(p.lang, name=p.path, allowed=", ".join(_allowed_fields(p.root, p.loc[:-1])))


def _missing(p: _Problem) -> str:
    return M.MISSING_FIELD(p.lang, name=p.path)


def _not_allowed(p: _Problem) -> str:
    """An enum value not in the list; in Chinese each allowed value carries its label."""
    from engine.vocab import label

    enum = _enum_values(p.root, p.loc)
    values = [m.value for m in enum] if enum else []
    vocab = _ENUM_VOCAB.get(enum.__name__) if enum else None
    plain = ", ".join(values)
    labelled = M.listing("zh", (f"{v}（{label(vocab, v, 'zh')}）" for v in values)) if vocab else plain
    return p.say(M.NOT_ALLOWED, allowed=pick(p.lang, labelled, plain))


def _date(p: _Problem) -> str:
    why = M.NO_SUCH_DAY(p.lang) if p.err["type"] == "real_date" else M.EXPECTED_DATE(p.lang, example="2024-05-20")
    return p.say(M.INVALID, why=why)


def _date_range(p: _Problem) -> str:
    return p.say(M.OUT_OF_RANGE, allowed=M.DATES_BETWEEN(p.lang, lo=p.ctx["lo"], hi=p.ctx["hi"]))


def _lone_surrogate(p: _Problem) -> str:
    return M.LONE_SURROGATE(p.lang, name=p.path)


def _bad_char(p: _Problem) -> str:
    return p.say(M.BAD_CHAR, char=p.ctx["char"], ok=M.LINES_OK if p.ctx.get("multiline") else M.ONE_LINE)


def _too_many(p: _Problem) -> str:
    return M.TOO_MANY_ITEMS(p.lang, name=p.path, n=len(p.value), most=p.ctx.get("max_length"))


def _finite(p: _Problem) -> str:
    return p.say(M.INVALID, why=M.EXPECTED_FINITE(p.lang, bounds=p.bounds()))


def _out_of_bounds(p: _Problem) -> str:
    return p.say(M.OUT_OF_RANGE, allowed=M.BOUNDS(p.lang, bounds=p.bounds()))


def _cross_field(p: _Problem) -> str:
    """A check across fields (engine/case.py): the context names the field, its value and the other date."""
    return _CROSS_FIELD[p.err["type"]](p.lang, name=p.ctx["path"], **p.ctx)


def _expected(p: _Problem) -> str:
    return p.say(M.INVALID, why=_EXPECTED[p.err["type"]])


def _expected_bool(p: _Problem) -> str:
    return p.say(M.INVALID, why=M.EXPECTED_BOOL)


def _number(what: M.Msg) -> Callable[[_Problem], str]:
    def describe(p: _Problem) -> str:
        quoted = M.UNQUOTED(p.lang) if isinstance(p.value, str) else ""
        return p.say(M.INVALID, why=M.EXPECTED(p.lang, what=what) + quoted + M.WITHIN(p.lang, bounds=p.bounds()))

    return describe


def _text_too_long(p: _Problem) -> str:
    n = len(p.value) if isinstance(p.value, str) else "?"
    return M.TEXT_TOO_LONG(p.lang, name=p.path, n=n, most=p.ctx.get("max_length"))


def _empty(p: _Problem) -> str:
    return M.EMPTY_TEXT(p.lang, name=p.path)


def _not_one_of(p: _Problem) -> str:
    return p.say(M.NOT_ONE_OF, allowed=p.ctx.get("expected"))


def _other(p: _Problem) -> str:
    return p.say(M.INVALID_BECAUSE, why=p.err["msg"])


_CROSS_FIELD = {"after_as_of": M.AFTER_AS_OF, "noticed_before_purchase": M.NOTICED_BEFORE_PURCHASE,
                "interaction_before_purchase": M.BEFORE_PURCHASE, "batch_after_purchase": M.BATCH_AFTER_PURCHASE}
_EXPECTED = {"iso_month": M.EXPECTED_MONTH, "string_type": M.EXPECTED_TEXT, "list_type": M.EXPECTED_LIST,
             "model_type": M.EXPECTED_MAPPING, "dict_type": M.EXPECTED_MAPPING,
             "model_attributes_type": M.EXPECTED_MAPPING}
_BY_TYPE: dict[str, Callable[[_Problem], str]] = {
    "extra_forbidden": _unknown_field, "missing": _missing, "enum": _not_allowed, "iso_date": _date,
    "real_date": _date, "date_range": _date_range, "string_unicode": _lone_surrogate, "bad_char": _bad_char,
    "finite_number": _finite, "greater_than_equal": _out_of_bounds, "less_than_equal": _out_of_bounds,
    "greater_than": _out_of_bounds, "less_than": _out_of_bounds, "string_too_long": _text_too_long,
    "string_too_short": _empty, "literal_error": _not_one_of,
    **dict.fromkeys(_CROSS_FIELD, _cross_field), **dict.fromkeys(_EXPECTED, _expected),
}
_BY_PREFIX = (("bool", _expected_bool), ("int", _number(M.WHOLE_NUMBER)), ("float", _number(M.NUMBER)))


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
    if value is None:
        return M.KIND_EMPTY(lang)
    if isinstance(value, bool):
        return M.KIND_YES_NO(lang)
    if isinstance(value, int | float):
        return M.KIND_NUMBER(lang, value=value)
    kind = next((k for tp, k in ((str, M.KIND_TEXT), (list, M.KIND_LIST), (dict, M.KIND_MAPPING))
                 if isinstance(value, tp)), M.KIND_OTHER)
    return kind(lang)


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
    zh = next((text for key, text in _JSON_ERRORS_ZH.items() if exc.msg.startswith(key)), "JSON 语法不正确")
    return pick(lang, zh, exc.msg)


def utf8_error_text(exc: UnicodeDecodeError, lang: str = "zh") -> str:
    """Which byte is not UTF-8, and what to do about it."""
    bad = exc.object[exc.start:exc.start + 1].hex() if isinstance(exc.object, bytes | bytearray) else "?"
    return M.NOT_UTF8(lang, at=exc.start + 1, byte=bad)
