"""The verdict (CONTRACT.md §2) as pydantic models: what every output — text, JSON, letters — reads.

Fields beyond the contract's example are additive: `quotes` and `trace` on a finding (the decisive
passages and the fact → rule → article chain a letter's annex prints), `demands` (how well each demand
is supported), `title`/`start`/`days_left` on a deadline, `channels` (消保法第三十九条) and `notice` (not
a lawyer's advice).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from engine.vocab import Strength


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


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
    demands: list[str]
    quotes: list[str]
    application: str  # one sentence, addressed to the business, applying the article to these facts
    trace: list[Step]


class DemandSupport(_Out):
    """How well the findings support one demand: the consumer's own demands first, `strength` null if none does."""

    demand: str
    requested: bool
    strength: Strength | None
    findings: list[str]


class NotApplicable(_Out):
    id: str
    why: str
    cites: list[str]


class Deadline(_Out):
    id: str
    title: str
    date: str
    start: str
    days_left: int
    passed: bool
    moved_from: str | None = None
    explanation: str
    cites: list[str]


class Missing(_Out):
    field: str
    why: str


class Channel(_Out):
    key: str
    text: str
    how: str


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
    version: int = 1
    as_of: str
    lang: str
    case: CaseSummary
    findings: list[Finding]
    demands: list[DemandSupport]
    not_applicable: list[NotApplicable]
    deadlines: list[Deadline]
    missing: list[Missing]
    notes: list[str]
    channels: list[Channel]
    citations: dict[str, CitationText]
    notice: str

    def finding(self, fid: str) -> Finding | None:
        return next((f for f in self.findings if f.id == fid), None)

    def to_json(self) -> str:
        """Stable, byte-identical for the same case and as-of date."""
        return self.model_dump_json(indent=2) + "\n"

    def to_line(self) -> str:
        return self.model_dump_json()
