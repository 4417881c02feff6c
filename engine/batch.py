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
from engine.errors import InputError, json_error_text, utf8_error_text

_ASSESSOR: Assessor | None = None


def _assessor() -> Assessor:
    global _ASSESSOR
    if _ASSESSOR is None:
        _ASSESSOR = Assessor()
    return _ASSESSOR


def _error(number: int, msg: str) -> tuple[bool, str]:
    return False, json.dumps({"line": number, "error": msg}, ensure_ascii=False)


def assess_line(number: int, line: str | bytes, as_of: dt.date, lang: str) -> tuple[bool, str]:
    """(ok, output line) for one input line; a bad line yields its error object instead of a verdict.

    Lines may come as bytes: each is decoded on its own, so one line that is not UTF-8 is that line's
    error and the rest of the batch is still assessed."""
    if isinstance(line, bytes | bytearray):
        try:
            line = bytes(line).decode("utf-8")
        except UnicodeDecodeError as e:
            return _error(number, utf8_error_text(e, lang))
    line = line.lstrip("\ufeff")  # a byte-order mark at the start of the file is not part of the JSON
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        msg = (f"JSON 格式错误（第{e.colno}列）：{json_error_text(e, lang)}" if lang != "en"
               else f"invalid JSON (column {e.colno}): {e.msg}")
        return _error(number, msg)
    try:
        case = parse_case(data, as_of=as_of, lang=lang)
    except InputError as e:
        return _error(number, "; ".join(e.messages))
    return True, _assessor().assess(case, as_of, lang).to_line()


def _chunk(batch: list[tuple[int, str | bytes]], as_of: dt.date, lang: str) -> list[tuple[bool, str]]:
    return [assess_line(n, line, as_of, lang) for n, line in batch]


def _numbered(lines: Iterable[str | bytes]) -> Iterator[tuple[int, str | bytes]]:
    for n, line in enumerate(lines, 1):
        if line.strip():
            yield n, line


def assess_lines(lines: Iterable[str | bytes], as_of: dt.date, lang: str = "zh", workers: int = 1,
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
