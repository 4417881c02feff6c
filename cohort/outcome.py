"""What one consumer got, reduced to what the cohort compares: the best remedy, its price, who gave it.

A consumer's *outcome* is the best remedy any business offered or gave them, because that is what
消保法第十条 compares (LEGAL_SPEC `fact.unequal_treatment`: a comparator got a lower price ratio than
the lowest this consumer was offered). "Best" means the lowest price ratio; a refusal, an offer of
nothing, or no remedy at all is the outcome `none`, worse than any remedy.

A price ratio the case leaves unknown is not guessed: a free remedy (free repair or replacement,
refund) costs 0, but a paid repair or trade-in of unknown price is only known to cost something,
so its price is the interval (0, 1]. Outcomes carry that interval as `lo`/`hi`; a comparison is
"strictly lower" only when one outcome's `hi` is below the other's `lo`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from cohort.region import UNKNOWN_REGION, province_of
from engine.case import Case, Comparator
from engine.vocab import FREE_REMEDIES, InteractionKind, Remedy, Symptom


class Tier(IntEnum):
    """The coarse classes whose mixing in one group is a material difference by definition."""

    free = 0
    paid = 1
    none = 2


# Worse than any remedy (price ratios are at most 1): LEGAL_SPEC counts no offer as no remedy.
NONE_LEVEL = 2.0
# The lowest a paid remedy of unknown price can cost: more than free, by an amount we do not know.
PAID_UNKNOWN_LO = 1e-9

# Among remedies of equal price, the one named as the outcome (best first): a free newer model
# leaves the consumer better off than a free repair of the failed device.
REMEDY_ORDER: tuple[str, ...] = (
    Remedy.free_replacement_newer_model, Remedy.free_replacement_same_model, Remedy.refund,
    Remedy.free_repair, Remedy.discounted_trade_in, Remedy.paid_repair, Remedy.none,
)
_RANK = {str(r): i for i, r in enumerate(REMEDY_ORDER)}
_FREE_WHEN_UNPRICED = FREE_REMEDIES  # the engine's own price rule (engine/vocab.py, LEGAL_SPEC L9)
_REMEDY_KINDS = {InteractionKind.offer, InteractionKind.repair, InteractionKind.replacement,
                 InteractionKind.refund}
_REFUSAL_KINDS = {InteractionKind.refusal, InteractionKind.return_unrepaired}
_SYMPTOM_ORDER = {str(s): i for i, s in enumerate(Symptom)}


@dataclass(frozen=True, slots=True)
class Outcome:
    remedy: str
    lo: float
    hi: float
    ratio: float | None  # the known price ratio; None for `none` and for a paid remedy of unknown price
    target_model: str | None
    party: str | None

    @property
    def tier(self) -> Tier:
        if self.remedy == Remedy.none:
            return Tier.none
        return Tier.free if self.hi == 0 else Tier.paid

    @property
    def rank(self) -> int:
        return _RANK[self.remedy]


NO_OUTCOME_REMEDY = str(Remedy.none)


def outcome_of(case: Case) -> Outcome:
    """The best remedy the consumer was offered or given, or `none` with the party that refused."""
    best: Outcome | None = None
    for x in case.interactions:
        if x.kind not in _REMEDY_KINDS or x.remedy is None or x.remedy == Remedy.none:
            continue
        if x.price_ratio is not None:
            lo = hi = float(x.price_ratio)
            ratio: float | None = lo
        elif x.remedy in _FREE_WHEN_UNPRICED:
            lo = hi = ratio = 0.0
        else:
            lo, hi, ratio = PAID_UNKNOWN_LO, 1.0, None
        option = Outcome(str(x.remedy), lo, hi, ratio, x.target_model, x.party)
        if best is None or (option.hi, option.lo, option.rank) < (best.hi, best.lo, best.rank):
            best = option
    if best is not None:
        return best
    return Outcome(NO_OUTCOME_REMEDY, NONE_LEVEL, NONE_LEVEL, None, None, _refusing_party(case))


def comparator_outcome(c: Comparator) -> Outcome | None:
    """What a comparator recorded in a case file got, by the same price rule as a consumer's own
    remedies (LEGAL_SPEC L9); None when the case does not say what they got."""
    if c.remedy is None:
        return None
    if c.remedy == Remedy.none:
        return Outcome(NO_OUTCOME_REMEDY, NONE_LEVEL, NONE_LEVEL, None, None, None)
    if c.price_ratio is not None:
        lo = hi = float(c.price_ratio)
        ratio: float | None = lo
    elif c.remedy in _FREE_WHEN_UNPRICED:
        lo = hi = ratio = 0.0
    else:
        lo, hi, ratio = PAID_UNKNOWN_LO, 1.0, None
    return Outcome(str(c.remedy), lo, hi, ratio, c.target_model, None)


def _refusing_party(case: Case) -> str | None:
    """Who is answerable for a consumer getting nothing: the last to refuse, else the last to act."""
    for x in reversed(case.interactions):
        if x.kind in _REFUSAL_KINDS and x.party:
            return x.party
    for x in reversed(case.interactions):
        if x.party:
            return x.party
    return None


@dataclass(frozen=True, slots=True)
class Member:
    """One consumer as the cohort sees them; small, so that workers can return many cheaply."""

    seq: int
    ref: str
    brand: str | None
    model: str
    batch: str | None
    symptoms: tuple[str, ...]
    region: str
    consumer_scope: bool
    outcome: Outcome

    def group_keys(self) -> list[GroupKey]:
        """One group per symptom: LEGAL_SPEC's comparators share *a* symptom, so each symptom is
        a fault the consumer shares with everyone in that group. Unknown batches never pool."""
        if self.batch is None:
            return []
        brand, model = name_key(self.brand), name_key(self.model)
        return [(brand, model, self.batch, s) for s in self.symptoms]


# brand and model as compared (name_key; "" for an unknown brand), production_batch, symptom
GroupKey = tuple[str, str, str, str]


def name_key(name: str | None) -> str:
    """Names compare without case or spacing ('小米手环 8' is '小米手环8'), as the rule base compares
    a comparator's model with the consumer's: otherwise a stray space would split a group."""
    return re.sub(r"\s+", "", name).casefold() if name else ""


def member_of(case: Case, seq: int, ref: str) -> Member:
    symptoms = tuple(sorted({str(s) for s in case.fault.symptoms}, key=_SYMPTOM_ORDER.__getitem__))
    return Member(
        seq=seq,
        ref=ref,
        brand=case.product.brand,
        model=case.product.model,
        batch=case.product.production_batch,
        symptoms=symptoms,
        region=province_of(case.consumer.region),
        # LEGAL_SPEC scope.consumer: only a purchase for 生活消费 is under the consumer law.
        consumer_scope=case.purchase.for_personal_use is True,
        outcome=outcome_of(case),
    )


def comparator_member(case: Case, c: Comparator, seq: int, ref: str) -> Member | None:
    """A comparator the case file records, as one more consumer of the cohort: of the case's brand
    (LEGAL_SPEC compares a comparator's model with the consumer's), region and handler unknown, and
    never one who cites 第十条 here (what they could claim is not this report's to say). None when
    the record cannot be placed in a group: no model, no batch, no symptom or no known remedy."""
    outcome = comparator_outcome(c)
    if outcome is None or not c.model or c.production_batch is None or not c.symptoms:
        return None
    symptoms = tuple(sorted({str(s) for s in c.symptoms}, key=_SYMPTOM_ORDER.__getitem__))
    return Member(seq=seq, ref=ref, brand=case.product.brand, model=c.model, batch=c.production_batch,
                  symptoms=symptoms, region=UNKNOWN_REGION, consumer_scope=False, outcome=outcome)


def symptom_index(symptom: str) -> int:
    return _SYMPTOM_ORDER[symptom]
