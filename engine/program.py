"""The rule base prepared for running: checked, stratified, with what each rule reads.

Independent of any engine, so that the durable-rules runner and the plain-Python oracle used in tests
run exactly the same program. Strata follow ENGINE_NOTES.md's advice on negation: a rule that needs a
kind of fact to be *absent* runs in a later stratum than every rule that can produce that kind, and a
stratum starts only once the previous one has run to quiescence. The strata are computed from the
rules, not declared, so adding a rule cannot silently break them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from engine.facts import PATHS
from kb.rules import RuleBase, rulebase
from kb.rules.dsl import Pattern, Ref, Rule

# Attributes a base fact carries besides those that map to case fields (display text, identities).
_DISPLAY = {
    "dates": {"bought_on", "noticed_on", "warranty_end_on", "day7_end_on", "month6_end_on", "day7_unmoved_on"},
    "interaction": {"on", "party", "i", "price_pct"},
    "comparator": {"i", "n"},
    "offers": {"best_i", "best_pct"},
    "loss": {"i"},
}
BASE_ATTRS: dict[str, set[str]] = {k: set(v) | _DISPLAY.get(k, set()) | {"k"} for k, v in PATHS.items()}


class RuleBaseError(Exception):
    """The rule base itself is inconsistent (a typo in a kind or attribute, a negative cycle)."""


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    stratum: int
    uses: dict[str, tuple[str, ...]]  # alias -> attributes read on that fact (for field paths)


@dataclass(frozen=True, eq=False)  # hashed by identity: one program per process
class Program:
    rulebase: RuleBase
    rules: tuple[CompiledRule, ...]
    strata: int  # number of strata (the last index + 1)
    derived_attrs: dict[str, tuple[str, ...]]
    by_name: dict[str, CompiledRule]
    order: dict[str, int]  # declaration order, which decides which derivation an explanation shows


def _refs(p: Pattern) -> list[Ref]:
    return [t.value for t in p.tests if isinstance(t.value, Ref)]


# Base kinds with one fact per case: a rule must read each at most once, because durable-rules never lets one
# fact satisfy two patterns of the same rule (the oracle would, and the two would disagree).
SINGLETONS = frozenset({"purchase", "dates", "fault", "harm", "product", "offers", "demands"})


def _check(rule: Rule, kinds_attrs: dict[str, set[str]]) -> None:
    singles = [p.kind for p in rule.when if p.kind in SINGLETONS]
    if len(singles) != len(set(singles)):
        raise RuleBaseError(f"{rule.name}: reads a one-per-case fact twice ({sorted(singles)}); merge the patterns")
    aliases: set[str] = set()
    for p in rule.when + rule.unless:
        if p.kind not in kinds_attrs:
            raise RuleBaseError(f"{rule.name}: unknown fact kind {p.kind!r}")
        for t in p.tests:
            if t.attr not in kinds_attrs[p.kind]:
                raise RuleBaseError(f"{rule.name}: fact {p.kind!r} has no attribute {t.attr!r}")
        for r in _refs(p):
            if r.alias != p.alias and r.alias not in aliases:
                raise RuleBaseError(f"{rule.name}: {p.alias} refers to {r.alias!r} before it is matched")
        if p.alias in aliases:
            raise RuleBaseError(f"{rule.name}: alias {p.alias!r} used twice")
        if p in rule.when:
            aliases.add(p.alias)
    for v in rule.attrs.values():
        if isinstance(v, Ref) and v.alias not in aliases:
            raise RuleBaseError(f"{rule.name}: conclusion copies from unmatched alias {v.alias!r}")


def _kinds_attrs(rules: tuple[Rule, ...]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(every kind's attributes, the derived kinds' attributes), checking each rule against them."""
    derived_attrs: dict[str, set[str]] = {}
    for r in rules:
        derived_attrs.setdefault(r.derive, {"k"}).update(r.attrs)
    kinds_attrs = {**BASE_ATTRS, **derived_attrs}
    for r in rules:
        if r.derive in BASE_ATTRS:
            raise RuleBaseError(f"{r.name}: derives the base kind {r.derive!r}")
        _check(r, kinds_attrs)
    return kinds_attrs, derived_attrs


def _strata(rules: tuple[Rule, ...], kinds: Iterable[str]) -> dict[str, int]:
    """Each rule's stratum: at least that of every kind it reads, above that of every kind it negates, so a
    negation is decided only once nothing more of that kind can be derived."""
    kind_stratum = dict.fromkeys(kinds, 0)
    rule_stratum = {r.name: 0 for r in rules}
    for _ in range(len(rules) + 2):
        changed = False
        for r in rules:
            s = max([kind_stratum[p.kind] for p in r.when] + [kind_stratum[p.kind] + 1 for p in r.unless] + [0])
            if not r.when:
                s = max(s, 1)  # nothing to match but the stratum's own start
            if s != rule_stratum[r.name]:
                rule_stratum[r.name], changed = s, True
            if s > kind_stratum[r.derive]:
                kind_stratum[r.derive], changed = s, True
        if not changed:
            return rule_stratum
    raise RuleBaseError("the rule base negates a fact it derives from that negation (a negative cycle)")


def _uses(r: Rule) -> dict[str, tuple[str, ...]]:
    """For each alias, the attributes the rule reads of the fact it matched (tests, joins, copies)."""
    uses: dict[str, list[str]] = {p.alias: [t.attr for t in p.tests] for p in r.when}
    for p in r.when:
        for ref in _refs(p):
            uses.setdefault(ref.alias, []).append(ref.attr)
    for v in r.attrs.values():
        if isinstance(v, Ref):
            uses[v.alias].append(v.attr)
    return {a: tuple(dict.fromkeys(v)) for a, v in uses.items()}


@cache
def program() -> Program:
    rb = rulebase()
    kinds_attrs, derived_attrs = _kinds_attrs(rb.rules)
    rule_stratum = _strata(rb.rules, kinds_attrs)
    compiled = [CompiledRule(r, rule_stratum[r.name], _uses(r)) for r in rb.rules]
    return Program(
        rulebase=rb,
        by_name={cr.rule.name: cr for cr in compiled},
        order={cr.rule.name: i for i, cr in enumerate(compiled)},
        rules=tuple(compiled),
        strata=max(rule_stratum.values()) + 1,
        derived_attrs={k: tuple(sorted(v)) for k, v in derived_attrs.items()},
    )


def conclude(rule: Rule, matched: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The fact a rule concludes from the facts it matched (a copied attribute that is absent stays absent)."""
    attrs: dict[str, Any] = {}
    for name, v in rule.attrs.items():
        if isinstance(v, Ref):
            if v.attr in matched[v.alias]:
                attrs[name] = matched[v.alias][v.attr]
        else:
            attrs[name] = v
    return attrs


def fact_key(kind: str, attrs: dict[str, Any]) -> str:
    """A derived fact's identity: its kind and attributes. The same conclusion reached twice is one fact."""
    inner = ",".join(f"{k}={attrs[k]}" for k in sorted(attrs))
    return f"{kind}{{{inner}}}" if inner else kind
