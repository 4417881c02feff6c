"""The durable-rules adapter: the only module besides kb/rules that knows the engine exists.

Each case runs in its own session of one ruleset compiled once per process from the rule base. The
measures ENGINE_NOTES.md calls for are all here:
- strata: rules of stratum s also match a `phase` fact with n == s, asserted only after the previous
  stratum has run to quiescence, so a negation sees every fact it could be negating;
- a synchronous host: no background timers or retry threads, one host per process behind a lock;
  actions run inline, and an exception in one aborts the case and is raised, never half a verdict;
- one reused session id, whose state is deleted after every case, also when it failed (the C engine
  caps live sessions, and hashes ids to 32 bits);
- payload attributes of our own (`t`, `k`, `always`; never `id` or `sid`), and identical conclusions merged
  before they reach the engine (asserting an identical fact twice is an error there);
- a never-completing "sink" rule that accepts any fact, so that no fact is rejected as unhandled;
- no `$iany` over an `$or`: the C engine's `createAlpha` then tests a field of the `$or`'s forward node
  that it never initialised (valgrind: "conditional jump depends on uninitialised value" there, none for
  a single-item `$iany`), so ruleset creation failed with error 102 whenever the heap held the wrong
  garbage — once in CI, never locally. A rule that needs "contains any of A, B" is compiled as one
  durable rule per item, all running the same action;
- an always-true join closing every pattern's joins, because the engine reads past the end of a join
  sequence when its last join decides (see `_closing_join`).
valgrind over ruleset creation, the reference scenarios and 300 generated cases reports nothing in the
engine's code since.
Every firing is recorded as (rule, facts matched), which is what the explanations are built from.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import durable_rules_engine as dre
import orjson
from durable.engine import Host, Ruleset

from engine.program import CompiledRule, Program, conclude, fact_key, program
from kb.rules.dsl import Pattern, Ref, Test

SID = "weiquan"  # one session id, reused case after case (state deleted each time)
RULESET = "weiquan"
ALWAYS = "always"  # carried by every fact with the value 1, for the closing join (see _closing_join)


class InferenceError(RuntimeError):
    """A rule action failed: the case has no verdict rather than a partial one."""


@dataclass(frozen=True)
class Firing:
    rule: str
    matched: tuple[tuple[str, str], ...]  # (alias, fact key) in the rule's pattern order


@dataclass
class Derivation:
    """What inference concluded for one case, with how each conclusion was reached."""

    base: dict[str, dict[str, Any]]
    facts: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)  # key -> (kind, attrs)
    support: dict[str, list[Firing]] = field(default_factory=dict)

    def _by_kind(self) -> dict[str, list[tuple[str, dict[str, Any]]]]:
        """An index by kind, built on first read once inference is done (the assembly asks dozens of times)."""
        index = self.__dict__.get("_index")
        if index is None or index[0] != len(self.facts):
            by: dict[str, list[tuple[str, dict[str, Any]]]] = {}
            for k, (kd, attrs) in self.facts.items():
                by.setdefault(kd, []).append((k, attrs))
            index = self.__dict__["_index"] = (len(self.facts), by)
        return index[1]

    def of_kind(self, kind: str) -> list[tuple[str, dict[str, Any]]]:
        return self._by_kind().get(kind, [])

    def has(self, kind: str) -> bool:
        return kind in self._by_kind()

    def values(self, key: str) -> dict[str, Any]:
        if key in self.base:
            return self.base[key]
        kind, attrs = self.facts[key]
        return {"t": kind, "k": key, **attrs}


# ---------------------------------------------------------------- compiling to durable-rules JSON

_OPS = {"ne": "$neq", "lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}


def _operand(alias: str, value: Any) -> Any:
    if isinstance(value, Ref):
        return {"$m": value.attr} if value.alias == alias else {value.alias: value.attr}
    return value


def _order(alias: str, t: Test) -> int:
    """Joins first, alternatives last: in durable-rules 2.0.28 a join test that follows an `$or` in the same
    `$and` is ignored (measured here: `remedy in (x, y) and ratio < other.best` matched ratio 0.6 against
    best 0.3). Order does not change the meaning of a conjunction, so we put joins before alternatives."""
    if isinstance(t.value, Ref) and t.value.alias != alias:
        return 0
    return 2 if t.op in ("in", "any") else 1


def _closing_join(alias: str, tests: list[Test]) -> dict[str, Any] | None:
    """An always-true join to end a pattern's joins with (every fact the engine sees carries `always: 1`).

    durable-rules 2.0.28 evaluates a pattern's joins as a sequence ending in an END marker; when the
    last join decides the match, it steps one slot past that marker and reads on through memory it never
    initialised until some byte happens to equal END (measured with a debug build: slot 101 or 166 of a
    32-slot array; valgrind flags it). The answer is already decided by then, so verdicts were right, but
    the walk is unbounded. A final join that is always true is never the one that decides, so the walk
    stops at the marker. `$lte`, not equality, because the engine hashes frames on equality joins; an
    attribute of our own, because a stored fact's `sid` points into a buffer the engine has freed."""
    joined = [t.value.alias for t in tests if isinstance(t.value, Ref) and t.value.alias != alias]
    return {"$lte": {ALWAYS: {joined[0]: ALWAYS}}} if joined else None


def _expr(p: Pattern) -> dict[str, Any]:
    terms: list[dict[str, Any]] = [{"t": p.kind}]
    ordered = sorted(p.tests, key=lambda t: _order(p.alias, t))
    closing = _closing_join(p.alias, ordered)
    for t in ordered:
        if closing is not None and _order(p.alias, t) > 0:
            terms.append(closing)
            closing = None
        v = _operand(p.alias, t.value)
        if t.op == "eq":
            terms.append({t.attr: v})
        elif t.op in _OPS:
            terms.append({_OPS[t.op]: {t.attr: v}})
        elif t.op == "in":
            terms.append({"$or": [{t.attr: x} for x in t.value]} if len(t.value) > 1 else {t.attr: t.value[0]})
        elif t.op == "any":
            if len(t.value) != 1:  # pragma: no cover - _split_any leaves one item per test
                raise ValueError(f"`any` over {len(t.value)} items reaches the engine unsplit")
            terms.append({"$iany": {t.attr: {"$i": t.value[0]}}})
        else:  # pragma: no cover - dsl validates operators
            raise ValueError(t.op)
    if closing is not None:
        terms.append(closing)
    return {"$and": terms}


def _split(p: Pattern, ops: tuple[str, ...], rename: bool) -> list[Pattern]:
    """p as patterns with one value per `in`/`any` test of the given ops, one per combination of values."""
    for i, t in enumerate(p.tests):
        if t.op in ops and len(t.value) > 1:
            out = []
            for j, v in enumerate(t.value):
                one = Test(t.attr, "eq", v) if t.op == "in" else Test(t.attr, "any", (v,))
                alias = f"{p.alias}{j}" if rename else p.alias
                out.extend(_split(replace(p, alias=alias, tests=p.tests[:i] + (one,) + p.tests[i + 1 :]), ops, rename))
            return out
    return [p]


def _split_any(p: Pattern) -> list[Pattern]:
    """Patterns with one item per `any` test that between them match exactly the facts p matches
    ("contains A or B" = "contains A" or "contains B"); see the module docstring for why."""
    return _split(p, ("any",), rename=False)


def _split_alternatives(p: Pattern) -> list[Pattern]:
    """none(kind in A|B) as none(A) and none(B): durable-rules 2.0.28 evaluates an `$or` inside a negated
    pattern that also joins on another fact wrongly (it never fires) and can then crash the process;
    measured here, see the issue note. The split is logically the same negation, and so is
    none(contains any of A, B) as none(contains A) and none(contains B)."""
    return _split(p, ("in", "any"), rename=True)


def compile_rule(cr: CompiledRule) -> list[dict[str, Any]]:
    """The durable-rules definitions of one rule: one, or one per combination of `any` items."""
    head: list[dict[str, Any]] = []
    if cr.stratum > 0:
        head.append({"ph": {"$and": [{"t": "phase"}, {"n": cr.stratum}]}})
    nots = [{f"{q.alias}$not": _expr(q)} for p in cr.rule.unless for q in _split_alternatives(p)]
    return [
        {"all": head + [{p.alias: _expr(p)} for p in when] + nots}
        for when in itertools.product(*(_split_any(p) for p in cr.rule.when))
    ]


def _read_kinds(prog: Program) -> set[str]:
    return {p.kind for cr in prog.rules for p in cr.rule.when + cr.rule.unless}


# ---------------------------------------------------------------- a synchronous host


class _SyncRuleset(Ruleset):
    """Runs each action inline and hands its conclusions straight back to the engine.

    The stock ruleset serialises every fact and action with the `json` module and wraps each action in
    closures; here facts cross the C boundary through orjson and actions are plain calls, because that
    glue, not the engine, was a third of the time per case.
    """

    def __init__(self, name: str, host: Host, definition: dict[str, Any], actions: dict[str, Callable]) -> None:
        self._inline = actions
        super().__init__(name, host, definition)

    def assert_facts(self, facts: list[dict[str, Any]]) -> Any:
        return self._handle_result(dre.assert_facts(self._handle, _dumps(facts)), facts)

    def assert_fact(self, fact: dict[str, Any]) -> Any:
        return self._handle_result(dre.assert_fact(self._handle, _dumps(fact)), fact)

    def do_actions(self, state_handle, complete):  # noqa: ANN001 - the stock signature
        try:
            result = dre.start_action_for_state(self._handle, state_handle)
            if not result:
                complete(None, None)
            else:
                self._flush_actions(None, {"message": orjson.loads(result[1])}, state_handle, complete)
        except BaseException as error:  # noqa: BLE001 - handed to the caller, which raises it
            complete(error, None)

    def _flush_actions(self, state, result_container, state_offset, complete):  # noqa: ANN001
        message = result_container.get("message")
        while message:
            action_name, matched = next(iter(message.items()))
            try:
                out = self._inline[action_name](matched)
                if out:
                    self.assert_facts(out)
            except BaseException as exc:  # noqa: BLE001 - reported to the caller, never swallowed
                dre.abandon_action(self._handle, state_offset)
                complete(exc, None)
                return
            nxt = dre.complete_and_start_action(self._handle, state_offset)
            message = orjson.loads(nxt) if nxt else None
        complete(None, state)


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class _SyncHost(Host):
    """A host without the stock background threads (timers, retries) that re-run actions."""

    def _run(self) -> None:  # the stock host starts dispatch threads here
        return None

    def add(self, name: str, definition: dict[str, Any], actions: dict[str, Callable]) -> None:
        rs = _SyncRuleset(name, self, definition, actions)
        self._ruleset_directory[name] = rs
        self._ruleset_list.append(rs)


# ---------------------------------------------------------------- running a case


class Engine:
    """The compiled rule base on a private host; `run` is one case, start to finish."""

    def __init__(self, prog: Program | None = None) -> None:
        self.program = prog or program()
        self._lock = threading.Lock()
        self._current: Derivation | None = None
        read = _read_kinds(self.program)
        definition: dict[str, Any] = {}
        actions: dict[str, Callable] = {}
        for i, cr in enumerate(self.program.rules):
            act = self._action(cr, cr.rule.derive in read)
            for j, compiled in enumerate(compile_rule(cr)):
                name = f"r{i}" if j == 0 else f"r{i}_{j}"
                definition[name] = {**compiled, "run": _noop}
                actions[name] = act
        # One sink accepts every fact (each carries `k`) and never fires, so no fact is rejected as unhandled;
        # one rule rather than one per kind, because a session's setup cost grows with the number of rules.
        definition["sink"] = {"all": [{"m": {"$ex": {"k": 1}}}, {"n": {"t": "__never__"}}], "run": _noop}
        actions["sink"] = _noop
        # What the engine was given, as JSON, for review and tests (durable-rules edits the dicts it is handed).
        self.definition = orjson.dumps(definition, default=lambda _f: None).decode()
        self._host = _SyncHost()
        self._host.add(RULESET, definition, actions)

    def _action(self, cr: CompiledRule, asserted: bool) -> Callable[[dict[str, Any]], list | None]:
        rule = cr.rule
        aliases = [p.alias for p in rule.when]

        def act(message: dict[str, Any]) -> list | None:
            d = self._current
            attrs = conclude(rule, message)
            key = fact_key(rule.derive, attrs)
            firing = Firing(rule.name, tuple((a, message[a]["k"]) for a in aliases))
            seen = d.support.get(key)
            if seen is not None:
                if firing not in seen:
                    seen.append(firing)
                return None
            d.support[key] = [firing]
            d.facts[key] = (rule.derive, attrs)
            # Conclusions no rule reads (findings' reasons, deadlines, missing) need not enter the engine.
            if not asserted:
                return None
            return [{"sid": SID, ALWAYS: 1, "t": rule.derive, "k": key, **attrs}]

        return act

    def run(self, base: list[dict[str, Any]]) -> Derivation:
        """One case, in a session state that is deleted afterwards, also when the case failed.

        Emptying the state by retracting every fact instead was faster (832–1,082 against 632–664 cases/s,
        measured back to back; a fresh state's memset dominates), but it walks the engine through freed
        memory: a rule that has fired leaves its facts linked to an action frame the engine
        has already released, and retracting them runs `deleteMessageFromFrame` on that frame, whose
        loop then reads (valgrind: "depends on uninitialised value", state.c) and may write past its
        array. Deleting the state releases everything without visiting those frames."""
        with self._lock:
            d = Derivation(base={f["k"]: f for f in base})
            self._current = d
            facts = [{"sid": SID, ALWAYS: 1, **f} for f in base]
            try:
                self._host.assert_facts(RULESET, facts)
                for s in range(1, self.program.strata):
                    self._host.assert_fact(RULESET, {"sid": SID, ALWAYS: 1, "t": "phase", "n": s, "k": f"phase{s}"})
            except Exception as exc:
                raise InferenceError(f"rule evaluation failed: {exc!r}") from exc
            finally:
                self._current = None
                try:
                    self._host.delete_state(RULESET, SID)
                except Exception:  # noqa: BLE001 - a state that was never created has nothing to delete
                    pass
            return d


def _noop(_arg: Any) -> None:
    return None


_ENGINE: Engine | None = None
_ENGINE_LOCK = threading.Lock()


def engine() -> Engine:
    """The process's one engine (one host per process; scale with processes, not threads)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = Engine()
        return _ENGINE
