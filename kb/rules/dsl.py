"""The vocabulary the rule base is written in: patterns over facts, rules, findings and their strengths.

Rules are data, not code, so that three things can read the same definition: the durable-rules
compiler in `engine/`, a plain-Python evaluator used as a test oracle, and a lawyer reviewing a file
in `kb/rules/` against the article quoted at its top. A rule says which facts it reads (`when`), which
facts must be absent (`unless`, evaluated in a later stratum, see ENGINE_NOTES.md on negation), what it
concludes, why (`because`, a sentence for the explanation) and on which articles the step rests.

Strength is monotone: a finding's variants each state a sufficient condition for one strength, and the
verdict keeps the strongest variant that holds. This keeps the rule base free of "and nothing stronger
applies" negations, which forward chaining without truth maintenance gets wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from kb.bilingual import T  # noqa: F401 - the rule modules say their texts with it

RANK = {"strong": 3, "arguable": 2, "weak": 1}
OPS = ("eq", "ne", "lt", "le", "gt", "ge", "in", "any")


@dataclass(frozen=True)
class Ref:
    """The value of `attr` on the fact matched under `alias` (a join, or a value copied into a conclusion)."""

    alias: str
    attr: str


@dataclass(frozen=True)
class Test:
    attr: str
    op: str
    value: Any


@dataclass(frozen=True)
class Pattern:
    """One fact a rule reads: its kind and tests on its attributes. A missing attribute fails every test."""

    alias: str
    kind: str
    tests: tuple[Test, ...] = ()

    def where(self, **conds: Any) -> Pattern:
        return replace(self, tests=self.tests + _tests(conds))


def _tests(conds: dict[str, Any]) -> tuple[Test, ...]:
    out = []
    for key, value in conds.items():
        attr, _, op = key.partition("__")
        op = op or "eq"
        if op not in OPS:
            raise ValueError(f"unknown operator {op!r} in {key!r}")
        if isinstance(value, list | set | frozenset):
            value = tuple(value)
        out.append(Test(attr, op, value))
    return tuple(out)


def fact(alias: str, kind: str, /, **conds: Any) -> Pattern:
    """`fact("f", "fault", cause__ne="user_damage", symptoms__any=SAFETY)` — attr__op=value tests."""
    return Pattern(alias, kind, _tests(conds))


@dataclass(frozen=True)
class Rule:
    """One inference step: facts `when` (and none of `unless`) → a fact of kind `derive` with `attrs`."""

    name: str
    when: tuple[Pattern, ...]
    derive: str
    attrs: dict[str, Any] = field(default_factory=dict)
    unless: tuple[Pattern, ...] = ()
    because: T | None = None
    cites: tuple[str, ...] = ()
    letter: T | None = None
    module: str = ""


@dataclass(frozen=True)
class Give:
    """What a finding gives (LEGAL_SPEC §2a, L1): `demand` as of right (`basis="right"`, at the finding's
    strength or at most `cap`) or only as a settlement request (`basis="request"`).

    A give with `when` holds only where those further facts hold beside the finding (e.g. R13: a refused
    repair opens the refund); it is compiled to a rule deriving a `give` fact, so the engine, the oracle and
    the trace all see it. `cites` are added to the finding's citations where the give holds."""

    demand: str
    basis: str = "right"
    cap: str | None = None
    when: tuple[Pattern, ...] = ()
    unless: tuple[Pattern, ...] = ()
    cites: tuple[str, ...] = ()
    because: T | None = None


@dataclass(frozen=True)
class Variant:
    """A sufficient condition for a finding at one strength (`strength` may copy a matched finding's)."""

    strength: str | Ref
    when: tuple[Pattern, ...]
    because: T
    name: str = ""
    cites: tuple[str, ...] = ()
    unless: tuple[Pattern, ...] = ()
    letter: T | None = None  # overrides the finding's `letter` sentence for this variant
    letter_suffix: T | None = None  # a sentence the letter adds after it (e.g. the dispute, crpl_23.capped_when_disputed)


@dataclass(frozen=True)
class Finding:
    """A conclusion the verdict reports: which right, on which articles, giving which demands (§2a)."""

    id: str
    title: T
    cites: tuple[str, ...]
    gives: tuple[Give, ...]
    variants: tuple[Variant, ...]
    quotes: tuple[str, ...] = ()  # the decisive passages (paragraph or item keys) a letter quotes
    letter: T | None = None  # one sentence, addressed to the business, applying the article to these facts
    place: int = 0  # its place among the verdict's findings (LEGAL_SPEC §2's order: the core claim first)
    module: str = ""

    def rules(self) -> list[Rule]:
        out = []
        for i, v in enumerate(self.variants):
            name = f"{self.id}#{v.name or i}"
            out.append(
                Rule(
                    name=name,
                    when=v.when,
                    unless=v.unless,
                    derive="finding",
                    attrs={"fid": self.id, "strength": v.strength},
                    because=v.because,
                    cites=v.cites,
                    letter=_with(v.letter or self.letter, v.letter_suffix),
                    module=self.module,
                )
            )
        for i, g in enumerate(self.gives):
            if not g.when:
                continue
            held = fact("_held", "finding", fid=self.id)
            out.append(
                Rule(
                    name=f"{self.id}>{g.demand}#{i}",
                    when=(held, *g.when),
                    unless=g.unless,
                    derive="give",
                    attrs={"fid": self.id, "gid": i},
                    because=g.because,
                    cites=g.cites,
                    module=self.module,
                )
            )
        return out

    def unconditional(self) -> tuple[tuple[int, Give], ...]:
        return tuple((i, g) for i, g in enumerate(self.gives) if not g.when)


@dataclass(frozen=True)
class Reason:
    """Why an always-addressed article does not apply here: the first reason whose facts hold is given."""

    why: T
    when: tuple[Pattern, ...] = ()
    unless: tuple[Pattern, ...] = ()


@dataclass(frozen=True)
class NotApplicable:
    """An article the verdict always addresses: if no finding citing it holds, one of `reasons` is given."""

    id: str
    cites: tuple[str, ...]
    findings: tuple[str, ...]  # the findings whose presence makes the article applicable
    reasons: tuple[Reason, ...]
    also_when: tuple[Pattern, ...] = ()  # extra condition for listing at all (e.g. crpl55: compensation demanded)
    place: int = 0  # its place in the verdict's not_applicable list
    module: str = ""

    def rules(self) -> list[Rule]:
        blockers = (fact("_hit", "finding", fid__in=self.findings),) if self.findings else ()
        out = []
        for i, r in enumerate(self.reasons):
            when = self.also_when + r.when
            out.append(
                Rule(
                    name=f"na:{self.id}#{i}",
                    when=when,
                    unless=blockers + r.unless,
                    derive="not_applicable",
                    attrs={"nid": self.id, "reason": i},
                    because=r.why,
                    cites=self.cites,
                    module=self.module,
                )
            )
        return out


@dataclass(frozen=True)
class Missing:
    """An unknown field that would change the outcome if it were known: the verdict's `missing` list."""

    field: str
    why: T
    when: tuple[Pattern, ...]
    unless: tuple[Pattern, ...] = ()
    module: str = ""

    def rule(self, index: int) -> Rule:
        return Rule(
            name=f"missing:{self.field}#{index}",
            when=self.when,
            unless=self.unless,
            derive="missing",
            attrs={"field": self.field, "mid": index},
            because=self.why,
            module=self.module,
        )


@dataclass(frozen=True)
class Argument:
    """A later date that can be argued beside a deadline's safe date (LEGAL_SPEC L10): a period of the same
    length from another start the rules find. `pick` says which start counts when several hold (the earliest
    later start; the latest interruption). `because` may say `{date}`, the argued end."""

    id: str
    variants: tuple[tuple[tuple[Pattern, ...], tuple[Pattern, ...], Ref, T], ...]  # (when, unless, start, because)
    pick: str = "earliest"


@dataclass(frozen=True)
class Deadline:
    """A period that runs from a date the rules find (`start`), counted by 民法典第二百零一条至第二百零三条.

    `years`/`months`/`days` give the length; `moves` says whether a last day on a rest day or holiday moves to
    the next working day (limitation periods do; the business's own warranty does not). `safe_unmoved` (L11):
    a period the consumer must act within gives its unmoved last day as the date, and the moved day as the
    argument `<id>.moved`. `arguments` are the later dates that can be argued (moved like the deadline).
    """

    id: str
    title: T
    cites: tuple[str, ...]
    variants: tuple[tuple[tuple[Pattern, ...], tuple[Pattern, ...], Ref, T], ...]  # (when, unless, start, because)
    years: int = 0
    months: int = 0
    days: int = 0
    moves: bool = True
    safe_unmoved: bool = False
    moved_because: T | None = None  # the `.moved` argument's reason; `{date}` is the moved day
    arguments: tuple[Argument, ...] = ()
    passed_note: T | None = None
    place: int = 0  # its place in the verdict's deadlines
    module: str = ""

    def rules(self) -> list[Rule]:
        """One rule per start the deadline (or one of its arguments) can run from."""
        out = self._starts("deadline", "did", self.id, self.variants, self.cites)
        for a in self.arguments:
            out += self._starts("argument", "aid", a.id, a.variants, ())
        return out

    def _starts(self, prefix: str, key: str, ident: str, variants: tuple, cites: tuple[str, ...]) -> list[Rule]:
        derive = "deadline" if prefix == "deadline" else "deadline_arg"
        return [Rule(name=f"{prefix}:{ident}#{i}", when=when, unless=unless, derive=derive,
                     attrs={key: ident, "start": start}, because=because, cites=cites, module=self.module)
                for i, (when, unless, start, because) in enumerate(variants)]


def weaker(a: str, b: str) -> str:
    return a if RANK[a] <= RANK[b] else b


def _with(text: T | None, suffix: T | None) -> T | None:
    """A letter sentence with a variant's suffix sentence after it."""
    if text is None or suffix is None:
        return text
    return T(text.zh + suffix.zh, text.en + " " + suffix.en)
