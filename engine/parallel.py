"""One pool for every command that spreads CPU-bound work over processes (assess, cohort).

Why it looks like this (measured in bench/throughput.py): handing workers one case at a time, or
pickling parsed cases and verdict objects back, cost more CPU than the second core gave. So the
parent only cuts its input into large chunks of *raw bytes* (whole lines, a few hundred KB each),
each worker parses, assesses and serialises its own chunk, and sends back one `bytes` object per
chunk; the parent writes those out in input order. Pickling one bytes object is a copy, not a walk.

At most `window` chunks are in flight, so memory stays flat however long the input is.

Backends: `local` (processes on this machine; `spawn`, because the parent may run a progress
thread and forking a process with live threads can deadlock the child) and `dask` (a
distributed scheduler at `tcp://HOST:PORT`; the task functions are plain module-level functions
every worker imports from its own installed weiquan). The rule engine keeps state per process and
is not thread-safe, so task functions take `process_lock()`: a Dask worker started with several
threads still runs one assessment at a time per process (start workers with `--nthreads 1`).
"""

from __future__ import annotations

import collections
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

CHUNK_BYTES = 256 * 1024  # ~170 cases of ~1.5 KB: ~0.2 CPU-seconds of work, a few MB of verdicts back
_LOCK = threading.Lock()


def process_lock() -> threading.Lock:
    """The lock every task holds while it uses this process's rule engine."""
    return _LOCK


def cpu_count() -> int:
    """The CPUs this process may run on (a container's cgroup affinity, not the host's core count)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def capped_workers(requested: int) -> tuple[int, bool]:
    """(workers to start, whether the request was lowered): 0 means one per CPU; more processes than
    CPUs only add overhead (and `--workers 300` would fork 300 engines)."""
    cores = cpu_count()
    if requested <= 0:
        return cores, False
    return min(requested, cores), requested > cores


def byte_chunks(blocks: Iterable[bytes], size: int = CHUNK_BYTES) -> Iterator[tuple[int, bytes]]:
    """Whole lines in chunks of about `size` bytes, each with the number of its first line (1-based).

    `blocks` may be lines or arbitrary blocks (e.g. `iter(lambda: f.read(n), b"")`): a chunk always
    ends at a line break, so no line is ever split between two workers."""
    buf = bytearray()
    first = 1
    for block in blocks:
        buf += block
        while len(buf) >= size:
            cut = buf.rfind(b"\n", 0, size) + 1 or buf.find(b"\n", size) + 1
            if cut == 0:
                break  # one line longer than a chunk: keep reading until it ends
            data = bytes(buf[:cut])
            del buf[:cut]
            yield first, data
            first += data.count(b"\n")
    if buf:
        yield first, bytes(buf)


def split_lines(first: int, data: bytes) -> Iterator[tuple[int, bytes]]:
    """(line number, line without its line break) for each line of a chunk."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for i, line in enumerate(lines):
        yield first + i, line.rstrip(b"\r")


Task = Callable[..., Any]
CONNECT_TIMEOUT = 10  # seconds to reach a Dask scheduler before giving up


class SchedulerUnreachable(Exception):
    """No Dask scheduler answered at the address given (the user's environment, not a bug)."""

    def __init__(self, address: str, reason: str) -> None:
        super().__init__(f"{address}: {reason}")
        self.address, self.reason = address, reason


def run_ordered(task: Task, chunks: Iterable[Any], args: tuple[Any, ...] = (), *, workers: int = 1,
                backend: str = "local", scheduler: str | None = None, window: int | None = None) -> Iterator[Any]:
    """`task(chunk, *args)` for every chunk, results yielded in input order.

    `task` must be a module-level function (it is sent to other processes by name)."""
    if backend == "dask":
        yield from _run_dask(task, chunks, args, scheduler, window)
        return
    if workers <= 1:
        for chunk in chunks:
            yield task(chunk, *args)
        return
    yield from _run_local(task, chunks, args, workers, window or 2 * workers)


_TASK: tuple[Task, tuple[Any, ...]] | None = None


def _remember(task: Task, args: tuple[Any, ...]) -> None:
    """Each worker gets the task and its fixed arguments once, at start (not pickled with every chunk)."""
    global _TASK
    _TASK = (task, args)


def _call(chunk: Any) -> Any:
    assert _TASK is not None
    task, args = _TASK
    return task(chunk, *args)


def _run_local(task: Task, chunks: Iterable[Any], args: tuple[Any, ...], workers: int,
               window: int) -> Iterator[Any]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_remember,
                             initargs=(task, args)) as pool:
        yield from _windowed(lambda chunk: pool.submit(_call, chunk), chunks, window)


def _run_dask(task: Task, chunks: Iterable[Any], args: tuple[Any, ...], scheduler: str | None,
              window: int | None) -> Iterator[Any]:
    from distributed import Client

    try:
        client = Client(scheduler, set_as_default=False, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as e:
        raise SchedulerUnreachable(str(scheduler), str(e) or type(e).__name__) from None
    with client:
        threads = sum(client.nthreads().values()) or 1
        window = window or 2 * threads
        if args:  # sent to every worker once, not with every chunk
            args = tuple(client.scatter(list(args), broadcast=True))
        yield from _windowed(lambda chunk: client.submit(task, chunk, *args, pure=False), chunks, window)


def _windowed(submit: Callable[[Any], Any], chunks: Iterable[Any], window: int) -> Iterator[Any]:
    """Results in input order with at most `window` chunks in flight (a local pool or a Dask client alike);
    what is still pending when the consumer stops is cancelled."""
    pending: collections.deque[Any] = collections.deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for f in pending:
            f.cancel()
