"""Many cases, one per line (CONTRACT.md §4): one verdict per line, in input order, errors in place.

The rule base is compiled once per process. With `workers > 1` (or a Dask cluster) the input is cut
into chunks of raw lines (engine/parallel.py); each worker parses, assesses and serialises its
chunk and returns the output bytes, so the verdicts are byte for byte those of `assess -f jsonl`.

A line that cannot be assessed, for whatever reason — not JSON, not UTF-8, a number with thousands
of digits, nesting thousands deep, a lone surrogate, a case the engine fails on — becomes that
line's `{"line": N, "error": …}` and the batch goes on: one bad line never costs the others.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from engine import io
from engine import messages as M
from engine.parallel import byte_chunks, process_lock, run_ordered, split_lines

_ASSESSOR: Any = None
_SURROGATE = re.compile("[\ud800-\udfff]")


def _assessor() -> Any:
    global _ASSESSOR
    if _ASSESSOR is None:
        from engine.assess import Assessor

        _ASSESSOR = Assessor()
    return _ASSESSOR


def error_line(number: int, msg: str) -> bytes:
    """The error object of a line. A message may quote what the user wrote; anything that is not
    encodable (a lone surrogate) is written as its JSON escape, so the line is still valid JSON."""
    return json.dumps({"line": number, "error": msg}, ensure_ascii=False).encode("utf-8", "backslashreplace")


def _has_lone_surrogate(value: Any) -> str | None:
    """The first lone surrogate in any string of parsed JSON (json.loads keeps `"\\ud800"` as is)."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            m = _SURROGATE.search(v)
            if m:
                return f"\\u{ord(m.group()):04x}"
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return None


def load_line(line: bytes | str, lang: str) -> tuple[Any, str | None]:
    """(parsed JSON, None) or (None, why the line is not a readable JSON object), never an exception."""
    from engine.errors import json_error_text, utf8_error_text

    if isinstance(line, bytes | bytearray):
        try:
            line = bytes(line).decode("utf-8")
        except UnicodeDecodeError as e:
            return None, utf8_error_text(e, lang)
    line = line.lstrip("\ufeff")  # a byte-order mark at the start of the file is not part of the JSON
    try:
        data = io.loads_json(line)  # the case files' own rules: no key twice, bounded depth
    except json.JSONDecodeError as e:
        return None, M.LINE_BAD_JSON(lang, column=e.colno, why=json_error_text(e, lang))
    except RecursionError:
        return None, M.LINE_TOO_DEEP(lang)
    except ValueError as e:  # a refusal of io's, or Python's limit on integer digits
        refusal = io.json_line_error(e, line, lang)
        if refusal is not None:
            return None, refusal
        digits = sys.get_int_max_str_digits()
        return None, M.LINE_TOO_MANY_DIGITS(lang, digits=digits, why=str(e)[:80])
    if "\\u" in line:
        bad = _has_lone_surrogate(data)
        if bad:
            return None, M.LINE_LONE_SURROGATE(lang, char=bad)
    return data, None


def verdict_line(verdict: Any, citations: str = "full") -> bytes:
    """A verdict as one JSON line: CONTRACT's (`full`), or with `keys` the statute texts left out and
    only their keys kept (`"citations": ["crpl:24", …]`, last): the texts are the same in every verdict
    and make up about half of each line; `weiquan law --format json` gives them once."""
    if citations != "keys":
        return verdict.to_line().encode("utf-8")
    import orjson

    body = verdict.model_dump_json(exclude={"citations"}).encode("utf-8")
    keys = orjson.dumps(list(getattr(verdict, "citations", None) or {}))
    return body[:-1] + (b',"citations":' if len(body) > 2 else b'"citations":') + keys + b"}"


def assess_line(number: int, line: str | bytes, as_of: dt.date, lang: str,
                citations: str = "full") -> tuple[bool, bytes]:
    """(ok, output line without its line break) for one input line; a bad line yields its error object."""
    from engine.case import parse_case
    from engine.errors import InputError

    data, problem = load_line(line, lang)
    if problem is not None:
        return False, error_line(number, problem)
    try:
        case = parse_case(data, as_of=as_of, lang=lang)
    except InputError as e:
        return False, error_line(number, "; ".join(e.messages))
    except RecursionError:
        return False, error_line(number, M.CASE_TOO_DEEP(lang))
    try:
        with process_lock():
            verdict = _assessor().assess(case, as_of, lang)
        return True, verdict_line(verdict, citations)
    except Exception as e:  # noqa: BLE001 - one case the engine fails on must not end the batch
        return False, error_line(number, M.LINE_INTERNAL_ERROR(lang, kind=type(e).__name__))


def assess_chunk(chunk: tuple[int, bytes], as_of: dt.date, lang: str, citations: str = "full") -> tuple[bytes, int]:
    """The output of a chunk of input lines (each output line ends in a line break) and how many
    of its lines could not be assessed. Blank lines give no output but keep their numbers."""
    first, data = chunk
    out: list[bytes] = []
    bad = 0
    for number, line in split_lines(first, data):
        if not line.strip():
            continue
        ok, text = assess_line(number, line, as_of, lang, citations)
        bad += not ok
        out.append(text)
        out.append(b"\n")
    return b"".join(out), bad


def assess_stream(blocks: Iterable[bytes], as_of: dt.date, lang: str = "zh", workers: int = 1,
                  backend: str = "local", scheduler: str | None = None,
                  citations: str = "full") -> Iterator[tuple[bytes, int]]:
    """(output bytes, bad lines) per chunk, in input order; `blocks` are lines or blocks of the input."""
    yield from run_ordered(assess_chunk, byte_chunks(blocks), (as_of, lang, citations), workers=workers,
                           backend=backend, scheduler=scheduler)
