"""What the report says of a group: its totals by slice and its best- and worst-treated members.

Filled by cohort/store.py from DuckDB's answers; never holds the cases themselves.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cohort.outcome import GroupKey, Outcome, Tier

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
