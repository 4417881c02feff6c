"""The case file (CONTRACT.md §1) as strict pydantic models, and its loading from YAML or JSON.

Strict because a typo must not silently drop a fact: unknown keys are errors, vocabularies are
closed, and cross-field checks (dates against `--as-of`, the order of purchase and fault) run here,
so that the rule base only ever sees a coherent case.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from engine.errors import InputError, describe_validation_error, json_error_text, kind_of
from engine.vocab import (
    BatchEvidence,
    Category,
    Cause,
    Channel,
    ConditionEvidence,
    Demand,
    DemandChannel,
    FoundCondition,
    InquiryTopic,
    Inspection,
    InteractionKind,
    LossKind,
    Remedy,
    ReturnReason,
    SoldAs,
    Symptom,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _to_date(value: Any) -> Any:
    """Accept a real date or a `YYYY-MM-DD` string; anything else (a timestamp, 2024/5/1) is an error."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("iso_date", "not a YYYY-MM-DD date")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("real_date", "no such day in the calendar") from None
    raise PydanticCustomError("iso_date", "not a YYYY-MM-DD date")


def _to_month(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        # YAML reads `2024-04-01` as a date; a batch is a month, so keep the month only.
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, str) and _ISO_MONTH.match(value.strip()):
        y, m = value.strip().split("-")
        if 1 <= int(m) <= 12 and int(y) >= 1900:
            return value.strip()
    raise PydanticCustomError("iso_month", "not a YYYY-MM month")


IsoDate = Annotated[dt.date, BeforeValidator(_to_date)]
IsoMonth = Annotated[str | None, BeforeValidator(_to_month)]
Text = Annotated[str | None, Field(default=None, max_length=2000)]
Ratio = Annotated[float | None, Field(default=None, ge=0, le=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Consumer(_Strict):
    name: Text = None
    phone: Text = None
    address: Text = None
    region: Text = None


class Product(_Strict):
    brand: Text = None
    model: Annotated[str, Field(min_length=1, max_length=200)]
    category: Category
    production_batch: IsoMonth = None
    serial: Text = None
    price: Annotated[float | None, Field(default=None, ge=0)] = None
    # v2
    same_model_available: bool | None = None
    found_condition: FoundCondition = FoundCondition.as_sold
    condition_evidence: ConditionEvidence = ConditionEvidence.none


class Purchase(_Strict):
    date: IsoDate
    channel: Channel | None = None
    seller: Text = None
    manufacturer: Text = None
    for_personal_use: bool | None = None
    warranty_months: Annotated[int | None, Field(default=None, ge=0, le=120)] = None
    # v2
    platform: Text = None
    self_operated: bool | None = None
    platform_identified_seller: bool | None = None
    non_returnable_confirmed: bool | None = None
    sold_as: SoldAs = SoldAs.new
    order_number: Text = None
    seller_registered_name: Text = None
    seller_address: Text = None


class Fault(_Strict):
    first_noticed: IsoDate
    symptoms: list[Symptom] = Field(default_factory=list)
    description: Text = None
    cause: Cause = Cause.unknown
    service_inspection: Inspection = Inspection.none
    batch_evidence: BatchEvidence = BatchEvidence.none
    similar_reports: Annotated[int | None, Field(default=None, ge=0)] = None


class Harm(_Strict):
    personal_injury: bool | None = None
    other_property_damage: bool | None = None
    description: Text = None


class Interaction(_Strict):
    date: IsoDate
    party: Text = None
    kind: InteractionKind
    remedy: Remedy | None = None
    target_model: Text = None
    price_ratio: Ratio = None
    accepted: bool | None = None
    conditional_refusal: bool | None = None
    consumer_consented: bool | None = None
    fixed: bool | None = None
    topic: InquiryTopic | None = None
    answered: bool | None = None
    # v2: return_request and consumer_demand
    reason: ReturnReason | None = None
    goods_intact: bool | None = None
    channel: DemandChannel | None = None
    note: Text = None


class Loss(_Strict):
    """v2: a cost the consumer bore (民法典第五百八十四条), with its amount in CNY."""

    kind: LossKind
    amount: Annotated[float, Field(gt=0)]
    date: Annotated[dt.date | None, BeforeValidator(lambda v: None if v is None else _to_date(v))] = None
    evidence: bool | None = None
    note: Text = None


class Comparator(_Strict):
    model: Text = None
    production_batch: IsoMonth = None
    symptoms: list[Symptom] = Field(default_factory=list)
    remedy: Remedy | None = None
    target_model: Text = None
    price_ratio: Ratio = None
    source: Text = None


class Case(_Strict):
    version: Literal[1, 2] = 1
    consumer: Consumer = Field(default_factory=Consumer)
    product: Product
    purchase: Purchase
    fault: Fault
    harm: Harm = Field(default_factory=Harm)
    interactions: list[Interaction] = Field(default_factory=list)
    comparators: list[Comparator] = Field(default_factory=list)
    demands: list[Demand] = Field(default_factory=list)
    losses: list[Loss] = Field(default_factory=list)  # v2

    @model_validator(mode="after")
    def _coherent(self, info: ValidationInfo) -> Case:
        as_of = (info.context or {}).get("as_of")
        if as_of is not None:
            dated = [("purchase.date", self.purchase.date), ("fault.first_noticed", self.fault.first_noticed)]
            dated += [(f"interactions[{i}].date", x.date) for i, x in enumerate(self.interactions)]
            dated += [(f"losses[{i}].date", x.date) for i, x in enumerate(self.losses) if x.date is not None]
            for path, d in dated:
                if d > as_of:
                    raise PydanticCustomError(
                        "after_as_of", "{path}: {value} is after the assessment date {as_of}",
                        {"path": path, "value": d.isoformat(), "as_of": as_of.isoformat()},
                    )
        if self.fault.first_noticed < self.purchase.date:
            raise PydanticCustomError(
                "noticed_before_purchase", "{path}: {value} is before purchase.date {other}",
                {"path": "fault.first_noticed", "value": self.fault.first_noticed.isoformat(),
                 "other": self.purchase.date.isoformat()},
            )
        for i, x in enumerate(self.interactions):
            if x.date < self.purchase.date:
                raise PydanticCustomError(
                    "interaction_before_purchase", "{path}: {value} is before purchase.date {other}",
                    {"path": f"interactions[{i}].date", "value": x.date.isoformat(),
                     "other": self.purchase.date.isoformat()},
                )
        batch = self.product.production_batch
        if batch is not None and batch > self.purchase.date.isoformat()[:7]:
            raise PydanticCustomError(
                "batch_after_purchase", "{path}: {value} is after the purchase month {other}",
                {"path": "product.production_batch", "value": batch, "other": self.purchase.date.isoformat()[:7]},
            )
        return self


def parse_case(data: Any, as_of: dt.date | None = None, lang: str = "zh", source: str = "") -> Case:
    """Validate already-parsed data; raise InputError with one message per problem."""
    if not isinstance(data, dict):
        raise InputError([_top_level_message(data, lang)], source=source)
    try:
        return Case.model_validate(data, context={"as_of": as_of})
    except ValidationError as exc:
        raise InputError(describe_validation_error(exc, lang), source=source) from None


def read_data(path: Path, lang: str = "zh") -> Any:
    """Read a YAML or JSON file (by content: JSON is YAML's subset, but we prefer JSON's errors for .json)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([_msg(lang, f"找不到文件：{path}", f"no such file: {path}")]) from None
    except IsADirectoryError:
        raise InputError([_msg(lang, f"这是一个目录，不是案件文件：{path}", f"a directory, not a case file: {path}")]) from None
    except UnicodeDecodeError:
        raise InputError([_msg(lang, f"文件不是 UTF-8 编码的文本：{path}", f"not UTF-8 text: {path}")]) from None
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text)
        return load_yaml(text)
    except json.JSONDecodeError as e:
        raise InputError([_msg(lang, f"{path}: JSON 格式错误（第{e.lineno}行第{e.colno}列）：{json_error_text(e, lang)}",
                               f"{path}: invalid JSON (line {e.lineno}, column {e.colno}): {e.msg}")]) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"（第{mark.line + 1}行）" if mark else ""
        where_en = f" (line {mark.line + 1})" if mark else ""
        raise InputError([_msg(lang, f"{path}: YAML 格式错误{where}：{getattr(e, 'problem', e)}",
                               f"{path}: invalid YAML{where_en}: {getattr(e, 'problem', e)}")]) from None


class _PlainDatesLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: an unquoted `2025-02-30` stays text, so the case model can say which
    field holds an impossible date (PyYAML's own conversion raises a bare ValueError instead)."""


_PlainDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_PlainDatesLoader)  # noqa: S506 - a SafeLoader subclass


def load_case(path: Path | str, as_of: dt.date | None = None, lang: str = "zh") -> Case:
    path = Path(path)
    return parse_case(read_data(path, lang), as_of=as_of, lang=lang, source=str(path))


def dump_case(case: Case) -> dict:
    """The case as plain data, without the unknowns (what a user would have written)."""
    return case.model_dump(mode="json", exclude_none=True, exclude_defaults=False)


def _msg(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _top_level_message(data: Any, lang: str) -> str:
    kind = kind_of(data, lang)
    return _msg(lang, f"案件文件的顶层应为一个映射（字段: 值，如 product: …），而不是{kind}；格式见 examples/ 或 weiquan schema",
                f"the case file must be a mapping (field: value, like product: …) at the top level, not {kind}; "
                "see examples/ or weiquan schema")
