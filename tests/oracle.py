"""A plain-Python evaluator of the same compiled program: the test oracle for the durable-rules runner.

Naive on purpose (every stratum iterated to a fixpoint by trying every combination of facts), so that
its correctness is easy to see. If durable-rules and this disagree on any case, the durable compilation
or the engine is wrong (ENGINE_NOTES.md: negation without truth maintenance, swallowed exceptions…).
"""

from __future__ import annotations

from itertools import product
from typing import Any

from engine.program import Program, conclude, fact_key
from kb.rules.dsl import Pattern, Ref

_MISSING = object()


def _value(v: Any, own: dict[str, Any], bound: dict[str, dict[str, Any]], alias: str) -> Any:
    if isinstance(v, Ref):
        src = own if v.alias == alias else bound[v.alias]
        return src.get(v.attr, _MISSING)
    return v


def matches(p: Pattern, fact: dict[str, Any], bound: dict[str, dict[str, Any]]) -> bool:
    if fact.get("t") != p.kind:
        return False
    for t in p.tests:
        have = fact.get(t.attr, _MISSING)
        want = _value(t.value, fact, bound, p.alias)
        if have is _MISSING or want is _MISSING:
            return False
        if t.op == "eq" and not have == want:
            return False
        if t.op == "ne" and not have != want:
            return False
        if t.op == "lt" and not have < want:
            return False
        if t.op == "le" and not have <= want:
            return False
        if t.op == "gt" and not have > want:
            return False
        if t.op == "ge" and not have >= want:
            return False
        if t.op == "in" and have not in want:
            return False
        if t.op == "any" and not any(x in want for x in have):
            return False
    return True


def run(prog: Program, base: list[dict[str, Any]]) -> dict[str, tuple[str, dict[str, Any]]]:
    facts: list[dict[str, Any]] = list(base)
    derived: dict[str, tuple[str, dict[str, Any]]] = {}
    for stratum in range(prog.strata):
        rules = [cr.rule for cr in prog.rules if cr.stratum == stratum]
        changed = True
        while changed:
            changed = False
            for rule in rules:
                pools = [[f for f in facts if f.get("t") == p.kind] for p in rule.when]
                for combo in product(*pools):
                    bound: dict[str, dict[str, Any]] = {}
                    ok = True
                    for p, f in zip(rule.when, combo, strict=True):
                        if not matches(p, f, bound):
                            ok = False
                            break
                        bound[p.alias] = f
                    if not ok:
                        continue
                    if any(any(matches(n, f, bound) for f in facts) for n in rule.unless):
                        continue
                    attrs = conclude(rule, bound)
                    key = fact_key(rule.derive, attrs)
                    if key not in derived:
                        derived[key] = (rule.derive, attrs)
                        facts.append({"t": rule.derive, "k": key, **attrs})
                        changed = True
    return derived
