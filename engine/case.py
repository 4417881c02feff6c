"""The case file (CONTRACT.md §1) as strict pydantic models, and its loading from YAML or JSON.

Strict because a typo must not silently drop a fact: unknown keys are errors, vocabularies are
closed, and cross-field checks (dates against `--as-of`, the order of purchase and fault) run here,
so that the rule base only ever sees a coherent case.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from engine import io
from engine import messages as M
from engine.errors import InputError, describe_validation_error, kind_of
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
from kb.bilingual import pick

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$", re.ASCII)

# The range every date of a case may take: the questionnaire refuses years before 1990, and past 2099
# the deadlines (three years on) and the docx format (1980–2107) would run out of calendar.
FIRST_DAY = dt.date(1990, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)
MAX_PRICE = 10_000_000.0  # CNY: above any consumer device
MAX_COUNT = 1_000_000  # similar_reports
# List limits. The rule base joins interactions pairwise (two failed repairs) and offers with comparators,
# so the work grows with their square or worse: 30 failed repairs take 0.2 s, 50 take 0.9 s, 200 take
# 140 s; 30 conditional offers against 30 comparators 0.6 s, against 20 0.3 s (bench/limits.py). A real
# dispute has a handful of each.
MAX_INTERACTIONS = 30
MAX_COMPARATORS = 20
MAX_LOSSES = 30
MAX_LIST = 30  # symptoms, demands (their vocabularies are smaller)
LINE_MAX = 200  # a name, a model, an address
TEXT_MAX = 2000  # a description or a note

# Characters refused in any text: C0/C1 controls (tab and newline only where a text may have lines),
# line/paragraph separators, which md/docx/pdf turn into a heading or a new paragraph, bidirectional
# overrides, which make a letter read differently from what it holds, and lone surrogates, which are
# not text at all. Neutralising them would change what the person wrote without saying so.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def bad_char(text: str, multiline: bool) -> str | None:
    """The first character a text of this kind may not hold, or None."""
    for ch in text:
        o = ord(ch)
        if ch in "\n\t" and multiline:
            continue
        if o < 0x20 or 0x7F <= o < 0xA0 or ch in "\u2028\u2029" or ch in _BIDI or 0xD800 <= o < 0xE000:
            return ch
    return None


def _date_text(value: str) -> str:
    """Full-width digits and hyphens (２０２４－０５－２０, typed with a Chinese input method) read as plain."""
    return unicodedata.normalize("NFKC", value).strip()


def _in_range(day: dt.date) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise PydanticCustomError("date_range", "a date from {lo} to {hi}",
                                  {"lo": FIRST_DAY.isoformat(), "hi": LAST_DAY.isoformat()})
    return day


def _to_date(value: Any) -> Any:
    """Accept a real date or a `YYYY-MM-DD` string; anything else (a timestamp, 2024/5/1) is an error."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("iso_date", "not a YYYY-MM-DD date")
    if isinstance(value, dt.date):
        return _in_range(value)
    if isinstance(value, str) and _ISO_DATE.match(_date_text(value)):
        try:
            day = dt.date.fromisoformat(_date_text(value))
        except ValueError:
            raise PydanticCustomError("real_date", "no such day in the calendar") from None
        return _in_range(day)
    raise PydanticCustomError("iso_date", "not a YYYY-MM-DD date")


def _to_month(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        # YAML reads `2024-04-01` as a date; a batch is a month, so keep the month only.
        value = f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, str) and _ISO_MONTH.match(_date_text(value)):
        text = _date_text(value)
        y, m = text.split("-")
        if 1 <= int(m) <= 12 and FIRST_DAY.year <= int(y) <= LAST_DAY.year:
            return text
    raise PydanticCustomError("iso_month", "not a YYYY-MM month")


def _checked(multiline: bool) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, str):
            ch = bad_char(value, multiline)
            if ch is not None:
                raise PydanticCustomError("bad_char", "a character not allowed in text",
                                          {"char": f"U+{ord(ch):04X}", "multiline": multiline})
        return value
    return AfterValidator(check)


_NO_CONTROLS = r"^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$"
_NO_CONTROLS_ML = r"^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$"

IsoDate = Annotated[dt.date, BeforeValidator(_to_date),
                    Field(json_schema_extra={"formatMinimum": FIRST_DAY.isoformat(), "formatMaximum": LAST_DAY.isoformat()})]
IsoMonth = Annotated[str | None, BeforeValidator(_to_month),
                     Field(json_schema_extra={"pattern": r"^(199\d|20\d\d)-(0[1-9]|1[0-2])$"})]
# One line of text (a name, a model, an address) and a text that may have lines (a description, a note).
Line = Annotated[str | None, Field(default=None, max_length=LINE_MAX, json_schema_extra={"pattern": _NO_CONTROLS}),
                 _checked(False)]
Text = Annotated[str | None, Field(default=None, max_length=TEXT_MAX, json_schema_extra={"pattern": _NO_CONTROLS_ML}),
                 _checked(True)]
Ratio = Annotated[float | None, Field(default=None, ge=0, le=1, strict=True, allow_inf_nan=False)]
Amount = Annotated[float, Field(strict=True, allow_inf_nan=False, le=MAX_PRICE)]
Flag = Annotated[bool | None, Field(default=None, strict=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Consumer(_Strict):
    name: Line = None
    phone: Line = None
    address: Line = None
    region: Line = None


class Product(_Strict):
    brand: Line = None
    model: Annotated[str, Field(min_length=1, max_length=LINE_MAX, json_schema_extra={"pattern": _NO_CONTROLS}),
                     _checked(False)]
    category: Category
    production_batch: IsoMonth = None
    serial: Line = None
    price: Annotated[Amount | None, Field(default=None, ge=0)] = None
    # v2
    same_model_available: Flag = None
    found_condition: FoundCondition = FoundCondition.as_sold
    condition_evidence: ConditionEvidence = ConditionEvidence.none


class Purchase(_Strict):
    date: IsoDate
    channel: Channel | None = None
    seller: Line = None
    manufacturer: Line = None
    for_personal_use: Flag = None
    warranty_months: Annotated[int | None, Field(default=None, ge=0, le=120, strict=True)] = None
    # v2
    platform: Line = None
    self_operated: Flag = None
    platform_identified_seller: Flag = None
    non_returnable_confirmed: Flag = None
    sold_as: SoldAs = SoldAs.new
    order_number: Line = None
    seller_registered_name: Line = None
    seller_address: Line = None


class Fault(_Strict):
    first_noticed: IsoDate
    symptoms: list[Symptom] = Field(default_factory=list, max_length=MAX_LIST)
    description: Text = None
    cause: Cause = Cause.unknown
    service_inspection: Inspection = Inspection.none
    batch_evidence: BatchEvidence = BatchEvidence.none
    similar_reports: Annotated[int | None, Field(default=None, ge=0, le=MAX_COUNT, strict=True)] = None


class Harm(_Strict):
    personal_injury: Flag = None
    other_property_damage: Flag = None
    description: Text = None


class Interaction(_Strict):
    date: IsoDate
    party: Line = None
    kind: InteractionKind
    remedy: Remedy | None = None
    target_model: Line = None
    price_ratio: Ratio = None
    accepted: Flag = None
    conditional_refusal: Flag = None
    consumer_consented: Flag = None
    fixed: Flag = None
    topic: InquiryTopic | None = None
    answered: Flag = None
    # v2: return_request and consumer_demand
    reason: ReturnReason | None = None
    goods_intact: Flag = None
    channel: DemandChannel | None = None
    note: Text = None


class Loss(_Strict):
    """v2: a cost the consumer bore (民法典第五百八十四条), with its amount in CNY."""

    kind: LossKind
    amount: Annotated[Amount, Field(gt=0)]
    date: Annotated[dt.date | None, BeforeValidator(lambda v: None if v is None else _to_date(v))] = None
    evidence: Flag = None
    note: Text = None


class Comparator(_Strict):
    model: Line = None
    production_batch: IsoMonth = None
    symptoms: list[Symptom] = Field(default_factory=list, max_length=MAX_LIST)
    remedy: Remedy | None = None
    target_model: Line = None
    price_ratio: Ratio = None
    source: Line = None


class Case(_Strict):
    version: Annotated[int, Field(strict=True, ge=1, le=2)] = 1
    consumer: Consumer = Field(default_factory=Consumer)
    product: Product
    purchase: Purchase
    fault: Fault
    harm: Harm = Field(default_factory=Harm)
    interactions: list[Interaction] = Field(default_factory=list, max_length=MAX_INTERACTIONS)
    comparators: list[Comparator] = Field(default_factory=list, max_length=MAX_COMPARATORS)
    demands: list[Demand] = Field(default_factory=list, max_length=MAX_LIST)
    losses: list[Loss] = Field(default_factory=list, max_length=MAX_LOSSES)  # v2

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
        raise InputError([f"{source}: {_top_level_message(data, lang)}" if source else _top_level_message(data, lang)],
                         source=source)
    try:
        return Case.model_validate(data, context={"as_of": as_of})
    except ValidationError as exc:
        raise InputError(describe_validation_error(exc, Case, lang), source=source) from None


def read_data(path: Path, lang: str = "zh") -> Any:
    """Read a YAML or JSON case file (the rules of engine/io.py: size, encoding, depth, duplicate keys)."""
    return io.read_file(path, lang, what=pick(lang, "案件文件", "a case file"))


load_yaml = io.load_yaml  # the project's one YAML loader (engine/io.py)


def dump_case(case: Case) -> dict:
    """The case as plain data, without the unknowns (what a user would have written)."""
    return case.model_dump(mode="json", exclude_none=True, exclude_defaults=False)


def _top_level_message(data: Any, lang: str) -> str:
    return M.NOT_A_MAPPING(lang, kind=kind_of(data, lang))
