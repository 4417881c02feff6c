"""Per-group running totals that never hold the cases themselves, so memory does not grow with N.

Every aggregate here merges with another of its kind in any order to the same result (counts add,
minima take the minimum, samples keep the first consumers by input order): the process pool may
finish chunks in any order and the report is still byte-identical.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from cohort.outcome import GroupKey, Member, Outcome, Tier

# What "materially different" means (documented in cohort/__init__.py).
DEFAULT_SPREAD = 0.2
UNKNOWN_PARTY = "unknown"


@dataclass(slots=True)
class Tally:
    """Outcomes of one slice of a group (all of it, one province, one handling party)."""

    size: int = 0
    outcomes: Counter = field(default_factory=Counter)
    ratio_min: float | None = None
    ratio_max: float | None = None

    def add(self, o: Outcome) -> None:
        self.size += 1
        self.outcomes[o.remedy] += 1
        if o.ratio is not None:
            self.ratio_min = o.ratio if self.ratio_min is None else min(self.ratio_min, o.ratio)
            self.ratio_max = o.ratio if self.ratio_max is None else max(self.ratio_max, o.ratio)

    def merge(self, other: Tally) -> None:
        self.size += other.size
        self.outcomes.update(other.outcomes)
        for r in (other.ratio_min, other.ratio_max):
            if r is not None:
                self.ratio_min = r if self.ratio_min is None else min(self.ratio_min, r)
                self.ratio_max = r if self.ratio_max is None else max(self.ratio_max, r)


@dataclass(frozen=True, slots=True)
class Exemplar:
    """One real member who stands for the group's best or worst treatment."""

    seq: int
    ref: str
    model: str
    batch: str
    symptoms: tuple[str, ...]
    region: str
    outcome: Outcome

    @classmethod
    def of(cls, m: Member) -> Exemplar:
        assert m.batch is not None
        return cls(m.seq, m.ref, m.model, m.batch, m.symptoms, m.region, m.outcome)

    def best_key(self) -> tuple[float, int, int]:
        return (self.outcome.hi, self.outcome.rank, self.seq)

    def worst_key(self) -> tuple[float, int, int]:
        return (-self.outcome.lo, -self.outcome.rank, self.seq)


@dataclass(slots=True)
class GroupAgg:
    key: GroupKey
    shown: tuple[int, str | None, str] = (-1, None, "")  # (seq, brand, model) as the first member wrote them
    all: Tally = field(default_factory=Tally)
    tiers: Counter = field(default_factory=Counter)
    by_region: dict[str, Tally] = field(default_factory=dict)
    by_party: dict[str, Tally] = field(default_factory=dict)
    best: tuple[Exemplar, ...] = ()  # the two best-treated members: a member's best *other* is one of them
    best_count: int = 0  # members whose price is as low as the best's
    worst: Exemplar | None = None
    worst_count: int = 0

    def add(self, m: Member) -> None:
        if self.shown[0] < 0 or m.seq < self.shown[0]:
            self.shown = (m.seq, m.brand, m.model)
        o = m.outcome
        self.all.add(o)
        self.tiers[o.tier] += 1
        self.by_region.setdefault(m.region, Tally()).add(o)
        self.by_party.setdefault(o.party or UNKNOWN_PARTY, Tally()).add(o)
        ex = Exemplar.of(m)
        self._merge_extremes((ex,), 1, ex, 1)

    def merge(self, other: GroupAgg) -> None:
        if self.shown[0] < 0 or 0 <= other.shown[0] < self.shown[0]:
            self.shown = other.shown
        self.all.merge(other.all)
        self.tiers.update(other.tiers)
        for mine, theirs in ((self.by_region, other.by_region), (self.by_party, other.by_party)):
            for k, t in theirs.items():
                mine.setdefault(k, Tally()).merge(t)
        if other.worst is not None:
            self._merge_extremes(other.best, other.best_count, other.worst, other.worst_count)

    def _merge_extremes(self, best: tuple[Exemplar, ...], best_count: int, worst: Exemplar, worst_count: int) -> None:
        if not self.best:
            self.best, self.best_count = best, best_count
        else:
            mine, theirs = self.best[0].outcome.hi, best[0].outcome.hi
            if theirs < mine:
                self.best_count = best_count
            elif theirs == mine:
                self.best_count += best_count
            self.best = tuple(sorted(self.best + best, key=Exemplar.best_key)[:2])
        if self.worst is None:
            self.worst, self.worst_count = worst, worst_count
        else:
            mine, theirs = self.worst.outcome.lo, worst.outcome.lo
            if theirs > mine:
                self.worst_count = worst_count
            elif theirs == mine:
                self.worst_count += worst_count
            self.worst = min(self.worst, worst, key=Exemplar.worst_key)

    @property
    def size(self) -> int:
        return self.all.size

    @property
    def min_hi(self) -> float:
        """The price every consumer priced above can point to (the group's best-treated member)."""
        return self.best[0].outcome.hi

    def disparity(self, spread: float = DEFAULT_SPREAD) -> list[str]:
        """Why comparable consumers were treated materially differently; empty if they were not."""
        if self.size < 2:
            return []
        reasons = []
        if self.tiers[Tier.free] and self.tiers[Tier.paid]:
            reasons.append("free_vs_paid")
        if self.tiers[Tier.none] and (self.tiers[Tier.free] or self.tiers[Tier.paid]):
            reasons.append("remedy_vs_none")
        lo, hi = self.all.ratio_min, self.all.ratio_max
        # Rounded: 0.6 - 0.4 is 0.19999999999999996 in binary floating point.
        if lo is not None and hi is not None and round(hi - lo, 9) >= spread:
            reasons.append("price_spread")
        return reasons


@dataclass(slots=True)
class FirstN:
    """How many of something there were, and the first few of them in input order.

    A bounded sample whose content does not depend on the order chunks were merged in.
    """

    limit: int
    count: int = 0
    items: list[tuple[int, Any]] = field(default_factory=list)

    def add(self, seq: int, item: Any) -> None:
        self.count += 1
        if len(self.items) < self.limit or seq < self.items[-1][0]:
            self.items.append((seq, item))
            self.items.sort(key=lambda x: x[0])
            del self.items[self.limit:]

    def merge(self, other: FirstN) -> None:
        self.count += other.count
        self.items = sorted(self.items + other.items, key=lambda x: x[0])[: self.limit]

    def values(self) -> list[Any]:
        return [v for _, v in self.items]
