"""The two passes over the input, in one process or spread over several.

Pass one groups: each case becomes a `Member` and is folded into its groups' aggregates; a few
facts per consumer go to a temporary spool file (disk, not memory). Pass two judges: now that each
group's best treatment is known, every grouped consumer is checked against it (who can cite
消保法第十条) by reading the spool back — or, with `verify`, by reading the input again and running
the rule base on each case with its group as comparators. Memory holds per-group totals and
bounded samples, never the cases.

Work is spread over processes, never threads: the rule engine is not thread-safe (ENGINE_NOTES.md).
Chunks go out in input order and at most a few per worker are in flight, so memory stays flat.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from cohort.aggregate import Exemplar, FirstN, GroupAgg
from cohort.outcome import GroupKey, member_of
from cohort.sources import Inputs, Item, read_item
from cohort.verify import as_comparators, best_others, engine_says_unequal, load_assessor

# Cases per task sent to a worker: large enough that pickling the partial aggregates back is
# cheap beside the work, small enough to keep all workers busy (the rule base is ~2 ms a case).
CHUNK = 2048
CHUNK_VERIFY = 128
SAMPLE = 20  # consumers named per list in the report
SKIPPED_SHOWN = 1000  # bad inputs listed one by one; the total is always exact

Progress = Callable[[str, int, int], None]  # (phase, bytes done, bytes total)


# What pass two needs of a member when the rule base is not run: (seq, ref, price floor, in the
# consumer law's scope, group keys). Pass one writes these to a spool file, so that pass two need
# not parse every case again.
Brief = tuple[int, str, float, bool, list[GroupKey]]


@dataclass(slots=True)
class PassOne:
    briefs: list[Brief] = field(default_factory=list)  # this chunk's only; the caller spools them
    cases: int = 0
    skipped: FirstN = field(default_factory=lambda: FirstN(SKIPPED_SHOWN))
    no_batch: int = 0
    no_symptoms: int = 0
    groups: dict[GroupKey, GroupAgg] = field(default_factory=dict)

    def merge(self, other: PassOne) -> None:
        self.cases += other.cases
        self.skipped.merge(other.skipped)
        self.no_batch += other.no_batch
        self.no_symptoms += other.no_symptoms
        for key, agg in other.groups.items():
            mine = self.groups.get(key)
            if mine is None:
                self.groups[key] = agg
            else:
                mine.merge(agg)


@dataclass(slots=True)
class PassTwo:
    citers: dict[GroupKey, FirstN] = field(default_factory=dict)
    consumers: FirstN = field(default_factory=lambda: FirstN(SAMPLE))
    checked: int = 0
    agree: int = 0
    disagree: FirstN = field(default_factory=lambda: FirstN(SAMPLE))

    def merge(self, other: PassTwo) -> None:
        for key, refs in other.citers.items():
            mine = self.citers.get(key)
            if mine is None:
                self.citers[key] = refs
            else:
                mine.merge(refs)
        self.consumers.merge(other.consumers)
        self.checked += other.checked
        self.agree += other.agree
        self.disagree.merge(other.disagree)


# Per-process settings, set by `_init` in each worker (or in this process when there are none).
_STATE: dict[str, Any] = {}


def _init(as_of: dt.date, lang: str, table: dict[GroupKey, tuple[Exemplar, ...]] | None,
          verify: bool) -> None:
    _STATE.clear()
    _STATE.update(as_of=as_of, lang=lang, table=table, assess=load_assessor() if verify else None)


def _pass_one(items: list[Item]) -> PassOne:
    out = PassOne()
    for item in items:
        case = read_item(item, _STATE["as_of"], _STATE["lang"])
        if isinstance(case, str):
            out.skipped.add(item.seq, {"source": item.source, "line": item.line, "error": case})
            continue
        out.cases += 1
        m = member_of(case, item.seq, item.ref)
        if m.batch is None:
            out.no_batch += 1
        elif not m.symptoms:
            out.no_symptoms += 1
        keys = m.group_keys()
        for key in keys:
            agg = out.groups.get(key)
            if agg is None:
                agg = out.groups[key] = GroupAgg(key)
            agg.add(m)
        if keys:
            out.briefs.append((m.seq, m.ref, m.outcome.lo, m.consumer_scope, keys))
    return out


def _judge(out: PassTwo, table: dict[GroupKey, tuple[Exemplar, ...]], brief: Brief) -> bool:
    """Can this consumer cite 消保法第十条 against their groups? Tallied per group and once overall."""
    seq, ref, lo, scope, keys = brief
    cites = False
    for key in keys:
        # Strictly lower: someone in the group paid less than the least this consumer could have.
        if scope and table[key][0].outcome.hi < lo:
            cites = True
            out.citers.setdefault(key, FirstN(SAMPLE)).add(seq, ref)
    if cites:
        out.consumers.add(seq, ref)
    return cites


def _pass_two(items: list[Item]) -> PassTwo:
    """Judge each grouped case again from the input, and ask the rule base about it."""
    out = PassTwo()
    table: dict[GroupKey, tuple[Exemplar, ...]] = _STATE["table"]
    assess = _STATE["assess"]
    for item in items:
        case = read_item(item, _STATE["as_of"], _STATE["lang"])
        if isinstance(case, str):
            continue  # already reported by pass one
        m = member_of(case, item.seq, item.ref)
        keys = m.group_keys()
        if not keys:
            continue
        cites = _judge(out, table, (m.seq, m.ref, m.outcome.lo, m.consumer_scope, keys))
        engine = engine_says_unequal(assess, case, as_comparators(best_others(m, table)),
                                     _STATE["as_of"], _STATE["lang"])
        out.checked += 1
        if engine == cites:
            out.agree += 1
        else:
            out.disagree.add(m.seq, {"ref": m.ref, "cohort": cites, "engine": engine})
    return out


def _chunks(items: Iterable[Item], size: int = CHUNK) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _map(fn: Callable[[list[Item]], Any], chunks: Iterator[list[Item]], workers: int,
         initargs: tuple[Any, ...]) -> Iterator[Any]:
    """`fn` over the chunks, in order; in this process, or in `workers` processes with few in flight."""
    if workers <= 1:
        _init(*initargs)
        try:
            for chunk in chunks:
                yield fn(chunk)
        finally:
            _STATE.clear()
        return
    # spawn, not fork: the parent may be running a progress thread, and forking a process with
    # live threads can deadlock the child.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=initargs) as pool:
        window: deque[Future] = deque()
        for chunk in chunks:
            window.append(pool.submit(fn, chunk))
            if len(window) >= 2 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


@dataclass(slots=True)
class Passes:
    one: PassOne
    two: PassTwo
    verified: bool


def run_passes(inputs: Inputs, as_of: dt.date, lang: str = "zh", workers: int = 1, verify: bool = False,
               progress: Progress | None = None) -> Passes:
    total = inputs.total_bytes() if progress else 0

    def feed(phase: str, size: int = CHUNK) -> Iterator[list[Item]]:
        done = shown = 0
        step = max(total // 200, 1)

        def on_bytes(n: int) -> None:
            nonlocal done, shown
            done += n
            if progress and (done - shown >= step or done >= total):
                shown = done
                progress(phase, done, total)

        return _chunks(inputs.items(on_bytes if progress else None), size)

    one = PassOne()
    with tempfile.TemporaryFile(prefix="weiquan-cohort-") as spool:
        for part in _map(_pass_one, feed("group"), workers, (as_of, lang, None, False)):
            pickle.dump(part.briefs, spool, protocol=pickle.HIGHEST_PROTOCOL)
            part.briefs = []
            one.merge(part)
        table = {key: agg.best for key, agg in one.groups.items()}
        verify = verify and load_assessor_available()
        two = PassTwo()
        if verify:
            for part in _map(_pass_two, feed("check", CHUNK_VERIFY), workers, (as_of, lang, table, True)):
                two.merge(part)
        else:
            spool.seek(0)
            while True:
                try:
                    briefs = pickle.load(spool)
                except EOFError:
                    break
                for brief in briefs:
                    _judge(two, table, brief)
    return Passes(one, two, verify)


def load_assessor_available() -> bool:
    try:
        import engine.assess  # noqa: F401
    except ImportError:
        return False
    return True
