"""The two passes over the input, in one process or spread over several.

Pass one groups: each case becomes a `Member` and is folded into its groups' aggregates; a few
facts per consumer go to a temporary spool file (disk, not memory). Pass two judges: now that each
group's best treatment is known, every grouped consumer is checked against it (who can cite
消保法第十条) by reading the spool back — or, with `verify`, by reading the input again and running
the rule base on each case with its group as comparators. Memory holds per-group totals and
bounded samples, never the cases — plus a 16-byte digest per case, to tell duplicates.

Duplicates: the same case given twice (a YAML file and a line of a JSON Lines file with the same
content after parsing, see `case_digest`) is counted once — the first in input order — and the
others are listed as duplicates. Each process skips the duplicates it sees itself; when two workers
each kept a copy of the same case (the first pass merges their digests and finds out), the first
pass is run again with every duplicate excluded, so that the totals are exactly those of the unique
cases and do not depend on the number of workers.

Work is spread over processes, never threads: the rule engine is not thread-safe (ENGINE_NOTES.md).
Each worker folds the chunks it gets into one running total and returns it once at the end; at most
two chunks per worker wait in the queue, so memory stays flat.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import pickle
import queue
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cohort.aggregate import Exemplar, FirstN, GroupAgg
from cohort.outcome import GroupKey, member_of
from cohort.sources import Inputs, Item, case_digest, read_item
from cohort.verify import as_comparators, best_others, engine_says_unequal, load_assessor

# Cases per chunk handed to a worker: enough to make the queue's overhead small, few enough that the
# chunks in flight (two per worker) stay a few megabytes and the workers finish together.
CHUNK = 512
CHUNK_VERIFY = 64  # the rule base takes ~3 ms a case
SAMPLE = 20  # consumers named per list in the report
SKIPPED_SHOWN = 1000  # bad inputs listed one by one; the total is always exact

Progress = Callable[[str, int, int], None]  # (phase, bytes done, bytes total)


# What pass two needs of a member when the rule base is not run: (seq, ref, price floor, in the
# consumer law's scope, group keys). Pass one writes these to a spool file, so that pass two need
# not parse every case again.
Brief = tuple[int, str, float, bool, list[GroupKey]]

# Where a case was read: (seq, source, line) — enough to name it as `Item.ref` does.
Where = tuple[int, str, int | None]


def ref_of(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line is not None else source


@dataclass(slots=True)
class PassOne:
    cases: int = 0
    skipped: FirstN = field(default_factory=lambda: FirstN(SKIPPED_SHOWN))
    no_batch: int = 0
    no_symptoms: int = 0
    groups: dict[GroupKey, GroupAgg] = field(default_factory=dict)
    digests: dict[bytes, Where] = field(default_factory=dict)  # each distinct case: where it was first read
    duplicates: dict[int, tuple[str, int | None, bytes]] = field(default_factory=dict)  # seq -> (source, line, digest)
    refold: bool = False  # two processes each counted a copy of the same case: pass one must run again

    def merge(self, other: PassOne) -> None:
        for digest, where in other.digests.items():
            mine = self.digests.get(digest)
            if mine is None:
                self.digests[digest] = where
                continue
            self.refold = True
            first, later = (mine, where) if mine[0] < where[0] else (where, mine)
            self.digests[digest] = first
            self.duplicates[later[0]] = (later[1], later[2], digest)
        self.duplicates.update(other.duplicates)
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


def _init(as_of: dt.date, lang: str, table: dict[GroupKey, tuple[Exemplar, ...]] | None, verify: bool,
          spool: str | None, exclude: frozenset[int] = frozenset()) -> None:
    _STATE.clear()
    _STATE.update(as_of=as_of, lang=lang, table=table, assess=load_assessor() if verify else None,
                  spool=open(spool, "ab") if spool else None,  # noqa: SIM115 - closed by _done
                  exclude=exclude)


def _done() -> None:
    if _STATE.get("spool"):
        _STATE["spool"].close()
    _STATE.clear()


def _fold_one(items: list[Item], out: PassOne) -> None:
    """Pass one over a chunk: group each case, and spool what pass two will need of it."""
    briefs: list[Brief] = []
    exclude: frozenset[int] = _STATE["exclude"]
    for item in items:
        if item.seq in exclude:
            continue  # a duplicate found by an earlier run of this pass
        case = read_item(item, _STATE["as_of"], _STATE["lang"])
        if isinstance(case, str):
            out.skipped.add(item.seq, {"source": item.source, "line": item.line, "error": case})
            continue
        digest = case_digest(case)
        if digest in out.digests:  # this process reads in input order: the earlier copy is kept
            out.duplicates[item.seq] = (item.source, item.line, digest)
            continue
        out.digests[digest] = (item.seq, item.source, item.line)
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
            briefs.append((m.seq, m.ref, m.outcome.lo, m.consumer_scope, keys))
    pickle.dump(briefs, _STATE["spool"], protocol=pickle.HIGHEST_PROTOCOL)


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


def _fold_two(items: list[Item], out: PassTwo) -> None:
    """Pass two with the rule base: judge each grouped case again from the input, and assess it."""
    table: dict[GroupKey, tuple[Exemplar, ...]] = _STATE["table"]
    assess = _STATE["assess"]
    exclude: frozenset[int] = _STATE["exclude"]
    for item in items:
        if item.seq in exclude:
            continue  # a duplicate, counted once already
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


def _chunks(items: Iterable[Item], size: int = CHUNK) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_FOLDS: dict[str, tuple[Callable[[list[Item], Any], None], type]] = {
    "one": (_fold_one, PassOne), "two": (_fold_two, PassTwo)}


def _worker(fold: str, initargs: tuple[Any, ...], tasks: Any, results: Any) -> None:
    """A worker process: fold every chunk it is given into one total, and send that total back once
    (not one per chunk: merging thousands of per-chunk group tables cost the parent more than the
    work itself)."""
    try:
        fn, total_type = _FOLDS[fold]
        _init(*initargs)
        total = total_type()
        while (chunk := tasks.get()) is not None:
            fn(chunk, total)
        _done()
        results.put(("ok", total))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        results.put(("error", traceback.format_exc()))


class WorkerError(RuntimeError):
    """A worker process failed; the message carries its traceback."""


def _run(fold: str, chunks: Iterator[list[Item]], workers: int, initargs: list[tuple[Any, ...]]) -> list[Any]:
    """Fold all chunks: here, or in `workers` processes (initargs[i] for the i-th) fed through a short
    queue, so that no more than a few chunks are ever in memory."""
    fn, total_type = _FOLDS[fold]
    if workers <= 1:
        _init(*initargs[0])
        total = total_type()
        try:
            for chunk in chunks:
                fn(chunk, total)
        finally:
            _done()
        return [total]
    # spawn, not fork: the parent may be running a progress thread, and forking a process with
    # live threads can deadlock the child.
    ctx = multiprocessing.get_context("spawn")
    tasks, results = ctx.Queue(maxsize=2 * workers), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(fold, initargs[i], tasks, results), daemon=True)
             for i in range(workers)]
    for proc in procs:
        proc.start()
    try:
        for chunk in itertools.chain(chunks, [None] * workers):
            while True:
                try:
                    tasks.put(chunk, timeout=1)
                    break
                except queue.Full:
                    _check_alive(procs, results)
        totals = []
        while len(totals) < workers:
            try:
                status, value = results.get(timeout=1)
            except queue.Empty:
                _check_alive(procs, results)
                continue
            if status != "ok":
                raise WorkerError(value)
            totals.append(value)
        for proc in procs:
            proc.join()
        return totals
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()


def _check_alive(procs: list[Any], results: Any) -> None:
    """A worker that died without a word (killed, out of memory) must not leave the parent waiting."""
    for proc in procs:
        if proc.exitcode not in (None, 0):
            raise WorkerError(f"a cohort worker process ended with exit code {proc.exitcode}")


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

    n = max(workers, 1)
    with tempfile.TemporaryDirectory(prefix="weiquan-cohort-") as tmp:

        def pass_one(run: int, exclude: frozenset[int]) -> tuple[PassOne, list[str]]:
            spools = [str(Path(tmp) / f"spool-{run}-{i}.pickle") for i in range(n)]
            one = PassOne()
            for part in _run("one", feed("group"), workers,
                             [(as_of, lang, None, False, sp, exclude) for sp in spools]):
                one.merge(part)
            return one, spools

        one, spools = pass_one(0, frozenset())
        if one.refold:
            # Workers each counted a copy of some case: count again without any duplicate.
            found = one
            one, spools = pass_one(1, frozenset(found.duplicates))
            one.digests, one.duplicates, one.refold = found.digests, found.duplicates, False
        exclude = frozenset(one.duplicates)
        table = {key: agg.best for key, agg in one.groups.items()}
        verify = verify and load_assessor_available()
        two = PassTwo()
        if verify:
            for part in _run("two", feed("check", CHUNK_VERIFY), workers,
                             [(as_of, lang, table, True, None, exclude)] * n):
                two.merge(part)
        else:
            for sp in spools:
                if not Path(sp).exists():
                    continue
                with open(sp, "rb") as f:
                    while True:
                        try:
                            briefs = pickle.load(f)
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
