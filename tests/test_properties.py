"""Properties over generated valid cases (hypothesis), through the engine API.

The strongest of them: the durable-rules runner and a naive plain-Python evaluator of the same
program derive exactly the same facts. That is what catches the engine's pitfalls (negation timing,
operators it evaluates wrongly) that a handful of scenarios would not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings

from engine.assess import assess
from engine.case import parse_case
from engine.facts import base_facts
from engine.inference import engine
from kb import laws
from tests import oracle
from tests.strategies import cases

ALWAYS = {"crpl:8", "crpl:10", "crpl:24", "pql:41"}
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(cases())
def test_durable_and_the_oracle_derive_the_same_facts(generated: tuple[dict[str, Any], dt.date]) -> None:
    data, as_of = generated
    case = parse_case(data, as_of=as_of)
    base = base_facts(case)
    eng = engine()
    assert set(eng.run(base).facts) == set(oracle.run(eng.program, base))


@SETTINGS
@given(cases())
def test_every_verdict_is_complete_and_stable(generated: tuple[dict[str, Any], dt.date]) -> None:
    data, as_of = generated
    case = parse_case(data, as_of=as_of)
    v = assess(case, as_of)
    # the four always-addressed articles appear in findings or in not_applicable
    addressed = {":".join(c.split(":")[:2]) for f in v.findings for c in f.cites}
    addressed |= {":".join(c.split(":")[:2]) for n in v.not_applicable for c in n.cites}
    assert ALWAYS <= addressed
    for f in v.findings:
        assert f.strength in ("strong", "arguable", "weak")
        assert f.explanation and f.title and f.trace
    # every citation resolves in kb/ and is quoted verbatim
    keys = {c for f in v.findings for c in f.cites + f.quotes} | {c for n in v.not_applicable for c in n.cites}
    keys |= {c for d in v.deadlines for c in d.cites}
    assert keys <= set(v.citations)
    for key, c in v.citations.items():
        assert c.text == laws.lookup(key).text
    # limitation.contract is always computed; deadlines are real dates
    assert "limitation.contract" in {d.id for d in v.deadlines}
    # the same case gives the same bytes
    assert assess(case, as_of).to_json() == v.to_json()
    assert assess(case, as_of, "en").to_json() == assess(case, as_of, "en").to_json()
