"""Many cases, one per line (CONTRACT.md §4): one verdict per line, in input order, errors in place.

The rule base is compiled once per process; with `workers > 1` the lines are spread over processes
(the engine is not thread-safe, and one host per process is the rule), keeping input order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from engine.assess import Assessor
from engine.case import parse_case
from engine.errors import InputError

_ASSESSOR: Assessor | None = None


def _assessor() -> Assessor:
    global _ASSESSOR
    if _ASSESSOR is None:
        _ASSESSOR = Assessor()
    return _ASSESSOR


def assess_line(number: int, line: str, as_of: dt.date, lang: str) -> tuple[bool, str]:
    """(ok, output line) for one input line; a bad line yields its error object instead of a verdict."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        msg = f"JSON 格式错误（第{e.colno}列）：{e.msg}" if lang != "en" else f"invalid JSON (column {e.colno}): {e.msg}"
        return False, json.dumps({"line": number, "error": msg}, ensure_ascii=False)
    try:
        case = parse_case(data, as_of=as_of, lang=lang)
    except InputError as e:
        return False, json.dumps({"line": number, "error": "; ".join(e.messages)}, ensure_ascii=False)
    return True, _assessor().assess(case, as_of, lang).to_line()


def _chunk(batch: list[tuple[int, str]], as_of: dt.date, lang: str) -> list[tuple[bool, str]]:
    return [assess_line(n, line, as_of, lang) for n, line in batch]


def _numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    for n, line in enumerate(lines, 1):
        if line.strip():
            yield n, line


def assess_lines(lines: Iterable[str], as_of: dt.date, lang: str = "zh", workers: int = 1,
                 chunk: int = 64) -> Iterator[tuple[bool, str]]:
    """Stream (ok, output line) in input order; blank lines are skipped but keep their numbers."""
    numbered = _numbered(lines)
    if workers <= 1:
        for n, line in numbered:
            yield assess_line(n, line, as_of, lang)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        while True:
            batch = list(islice(numbered, chunk))
            if batch:
                pending.append(pool.submit(_chunk, batch, as_of, lang))
            # keep a bounded number of chunks in flight so memory does not grow with the input
            while pending and (len(pending) > 2 * workers or not batch):
                yield from pending.pop(0).result()
            if not batch and not pending:
                return
