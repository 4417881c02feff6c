"""The rule base: one module per article (or close group), each rule beside the words it encodes.

`rulebase()` finds them itself: each rule module declares its `PLACE` (where its rules and missing facts
come) and each finding, not-applicable entry and deadline its `place` — the order it appears in every
verdict (LEGAL_SPEC §2's table), so that output is stable and reads from the core claim outward. Nothing
here lists the articles, so adding one is adding its module.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, replace
from functools import cache
from types import ModuleType

from kb.labels import labels
from kb.rules.dsl import Deadline, Finding, Missing, NotApplicable, Rule


def _rule_modules() -> tuple[ModuleType, ...]:
    """Every module of this package that declares a `PLACE`, in that order: a new article is one new module,
    found here without being listed (ARCHITECTURE: a new finding touches nothing else)."""
    found = [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]
    return tuple(sorted((m for m in found if hasattr(m, "PLACE")), key=lambda m: m.PLACE))


MODULES: tuple[ModuleType, ...] = _rule_modules()


def _ordered(items: list) -> dict:  # noqa: ANN001 - findings, not-applicable entries or deadlines
    """By `place`; two items with one id or one place are a mistake in the rule base, refused at load."""
    ids, places = [x.id for x in items], [x.place for x in items]
    assert len(set(ids)) == len(ids), sorted({i for i in ids if ids.count(i) > 1})
    assert 0 not in places and len(set(places)) == len(places), sorted(f"{x.id}@{x.place}" for x in items)
    return {x.id: x for x in sorted(items, key=lambda x: x.place)}


@dataclass(frozen=True)
class RuleBase:
    rules: tuple[Rule, ...]  # every inference step, findings and the rest compiled to rules
    findings: dict[str, Finding]
    not_applicable: dict[str, NotApplicable]
    deadlines: dict[str, Deadline]
    missing: tuple[Missing, ...]


def _tag(module: ModuleType, item):  # noqa: ANN001, ANN202 - any of the dataclasses above
    return replace(item, module=module.__name__.rsplit(".", 1)[-1])


@cache
def rulebase() -> RuleBase:
    rules: list[Rule] = []
    found: dict[str, list] = {"FINDINGS": [], "NOT_APPLICABLE": [], "DEADLINES": [], "MISSING": []}
    for m in MODULES:
        rules.extend(_tag(m, r) for r in getattr(m, "RULES", []))
        for kind, items in found.items():
            items.extend(_tag(m, x) for x in getattr(m, kind, []))
    findings: dict[str, Finding] = _ordered(found["FINDINGS"])
    nas: dict[str, NotApplicable] = _ordered(found["NOT_APPLICABLE"])
    deadlines: dict[str, Deadline] = _ordered(found["DEADLINES"])
    missing: list[Missing] = found["MISSING"]
    for item in (*findings.values(), *nas.values(), *deadlines.values()):
        rules.extend(item.rules())
    rules.extend(x.rule(i) for i, x in enumerate(missing))
    return RuleBase(
        rules=tuple(rules),
        findings=findings,
        not_applicable=nas,
        deadlines=deadlines,
        missing=tuple(missing),
    )


@cache
def demand_bases() -> dict[str, str]:
    """For each demand code, the most any finding can give it (LEGAL_SPEC §2a): "right" where some finding
    gives it as of right, "request" where findings give it only as a settlement request, "none" where no
    finding gives it at all (an apology). The questionnaire says so beside its choices."""
    rights = {g.demand for f in rulebase().findings.values() for g in f.gives if g.basis == "right"}
    requests = {g.demand for f in rulebase().findings.values() for g in f.gives if g.basis == "request"}
    return {d: "right" if d in rights else ("request" if d in requests else "none") for d in labels()["demand"]}
