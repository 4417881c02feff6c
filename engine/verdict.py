"""The verdict (CONTRACT.md §2) as pydantic models: what every output — text, JSON, letters — reads.

Fields beyond the contract's example are additive: `quotes` and `trace` on a finding (the decisive
passages and the fact → rule → article chain a letter's annex prints), `requests` on a finding (what it
supports only as a settlement request, LEGAL_SPEC §2a), `title`/`start`/`days_left` on a deadline, `losses`
(the consumer's recorded costs, for the letters) and `notice` (not a lawyer's advice).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

# Plain literals rather than the vocabulary enums: the assembly builds these models without a second
# validation pass (model_construct), and a literal serialises a plain string without complaint.
Strength = Literal["strong", "arguable", "weak"]
Basis = Literal["right", "request", "none"]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class _Sparse(_Out):
    """A model whose unset optional fields are left out of the JSON (CONTRACT §2 v2: a request has no
    `strength`, a note only the fields of its kind), while the other models keep their nulls."""

    @model_serializer(mode="wrap")
    def _drop_none(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return {k: v for k, v in handler(self).items() if v is not None}


class Step(_Out):
    """One inference step behind a finding: which rule, on which case fields, resting on which articles."""

    rule: str
    because: str
    facts: list[str]
    cites: list[str]


class Finding(_Out):
    id: str
    strength: Strength
    title: str
    explanation: str
    cites: list[str]
    facts: list[str]
    demands: list[str]  # what it gives as of right (LEGAL_SPEC §2a)
    requests: list[str]  # what it supports only as a settlement request
    quotes: list[str]
    application: str  # one sentence, addressed to the business, applying the article to these facts
    trace: list[Step]


class DemandSupport(_Sparse):
    """How the findings support one demand (CONTRACT §2 v2, LEGAL_SPEC §2a and R11).

    `basis` right: some finding gives it as of right, `strength` the strongest such; request: only as a
    settlement request; none: the consumer asked for it and no finding gives it. The consumer's own demands
    come first."""

    demand: str
    requested: bool
    basis: Basis
    strength: Strength | None = None
    findings: list[str]


class NotApplicable(_Out):
    id: str
    why: str
    cites: list[str]


class Argument(_Out):
    """A later date that can be argued beside a deadline's safe date (LEGAL_SPEC L10, L11)."""

    id: str
    date: dt.date
    why: str


class Deadline(_Out):
    id: str
    title: str
    date: dt.date
    start: dt.date
    days_left: int
    passed: bool
    moved_from: dt.date | None = None
    explanation: str
    cites: list[str]
    arguments: list[Argument] = []


class Missing(_Out):
    field: str
    why: str


class Channel(_Sparse):
    """An escalation channel (消保法第三十九条, LEGAL_SPEC §4): `alternatives` names the channel one may take
    instead of this one (消协 mediation and the 12315 complaint exclude each other)."""

    id: str
    key: str | None = None
    alternatives: list[str] = []
    text: str
    how: str


class Note(_Sparse):
    """A note beside the findings (CONTRACT §2 v2): `kind` law_in_force | self_operated | calendar_not_covered |
    other; the fields after `text` only where the kind has them."""

    kind: str
    text: str
    law: str | None = None
    finding: str | None = None
    date: dt.date | None = None
    cites: list[str] | None = None
    years: list[int] | None = None


class Loss(_Out):
    kind: str
    amount: float
    evidence: bool | None
    date: dt.date | None
    note: str | None


class CitationText(_Out):
    law: str
    article: str
    text: str
    short: str
    edition: str
    short_en: str
    article_en: str


class CaseSummary(_Out):
    product: str
    in_warranty: bool | None
    days_since_purchase: int


class Verdict(_Out):
    version: int = 2
    as_of: dt.date
    lang: str
    case: CaseSummary
    findings: list[Finding]
    demands: list[DemandSupport]
    not_applicable: list[NotApplicable]
    deadlines: list[Deadline]
    missing: list[Missing]
    notes: list[Note]
    channels: list[Channel]
    losses: list[Loss] = []
    citations: dict[str, CitationText]
    notice: str

    def finding(self, fid: str) -> Finding | None:
        return next((f for f in self.findings if f.id == fid), None)

    def to_json(self) -> str:
        """Stable, byte-identical for the same case and as-of date."""
        return self.model_dump_json(indent=2) + "\n"

    def to_line(self) -> str:
        return self.model_dump_json()
