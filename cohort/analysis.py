"""The two passes over the input, in one process, in several (engine/parallel.py) or on a Dask cluster.

Pass one groups: the input is cut into chunks of raw JSON Lines (and case files, by path); each
worker parses its chunk and returns one spool row per consumer — and one per comparator the case
file records — as bytes. The parent appends them to a spool file on disk, and DuckDB computes every
figure from it (cohort/store.py). Memory holds neither the cases nor a table of them: flat in N.

Pass two judges who can cite 消保法第十条 against their groups: in SQL from the spool, and with
`verify` also by the rule base — the input is read again and every grouped case is assessed with
the best-treated other member of each of its groups as comparators (cohort/verify.py); the rule
base's answers are spooled too and compared with the cohort's in SQL.

Duplicates: the same case given twice (the same content after parsing, see `case_digest`) is
counted once — the first in input order — whatever worker read which copy, because the choice is
made over the whole spool. A consumer's place in the input is `ord` (file, line, comparator), so
every "first" and every tie is decided the same way on every run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cohort.outcome import Member, comparator_member, member_of, name_key
from cohort.sources import Inputs, case_digest
from cohort.store import Figures, Store
from cohort.verify import as_comparators, best_others, engine_says_unequal, load_assessor
from engine.parallel import CHUNK_BYTES, byte_chunks, process_lock, run_ordered, split_lines
from kb.bilingual import pick

Progress = Callable[[str, int, int], None]  # (phase, bytes done, bytes total)

# A piece of work: (file index, the file as reports name it, first line number, JSON Lines bytes) for
# part of a JSON Lines file, or (file index, name, 0, None) for a whole YAML/JSON case file.
Piece = tuple[int, str, int, bytes | None]
WHOLE_FILE_COST = 2048  # a case file counts as this many bytes when chunks are filled
_LINE_SHIFT, _FILE_SHIFT = 10, 41  # ord = file << 41 | line << 10 | comparator (comparators 1..1023)
MAX_COMPARATORS = (1 << _LINE_SHIFT) - 1


def ord_of(file: int, line: int, comparator: int = 0) -> int:
    """A consumer's place in the input, as one sortable number."""
    return (file << _FILE_SHIFT) | (line << _LINE_SHIFT) | comparator


def ref_of(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line is not None else source


def comparator_ref(ref: str, k: int, lang: str) -> str:
    return pick(lang, f"{ref}（对比人{k}）", f"{ref} (comparator {k})")


def _pieces(inputs: Inputs, on_bytes: Callable[[int], None] | None) -> Iterator[list[Piece]]:
    """Chunks of work in input order, each about CHUNK_BYTES of input."""
    task: list[Piece] = []
    size = 0
    for index, (path, kind, shown) in enumerate(inputs.files()):
        if kind != "jsonl":
            task.append((index, shown, 0, None))
            size += WHOLE_FILE_COST
            if on_bytes:
                on_bytes(_size(path))
        else:
            with open(path, "rb") as f:
                for first, data in byte_chunks(_blocks(f, on_bytes)):
                    task.append((index, shown, first, data))
                    size += len(data)
                    if size >= CHUNK_BYTES:
                        yield task
                        task, size = [], 0
        if size >= CHUNK_BYTES:
            yield task
            task, size = [], 0
    if task:
        yield task


def _blocks(f: Any, on_bytes: Callable[[int], None] | None) -> Iterator[bytes]:
    while block := f.read(1 << 20):
        if on_bytes:
            on_bytes(len(block))
        yield block


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _safe(text: str) -> str:
    """Text that can be written as UTF-8 (a lone surrogate the user typed becomes its escape)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _parse(read: Callable[[], Any], as_of: dt.date, lang: str) -> Any:
    """The case, or why it cannot be used (in the user's language) — never an exception, so that one
    bad case is reported and skipped while the run goes on."""
    from engine.case import parse_case
    from engine.errors import InputError

    try:
        data = read()
        if isinstance(data, str) and data.startswith("\0"):
            return data[1:]  # load_line's reason the line is not JSON
        return parse_case(data, as_of=as_of, lang=lang)
    except InputError as e:
        return _safe("; ".join(e.messages))
    except RecursionError:
        return pick(lang, "案件嵌套层数过多，无法读取", "the case is nested too deeply to read")
    except Exception as e:  # noqa: BLE001 - one unreadable case must not end the run
        kind = type(e).__name__
        return pick(lang, f"内部错误（{kind}）：这件案件无法读取，这是 weiquan 的缺陷，请报告",
                    f"internal error ({kind}): this case could not be read; this is a bug in weiquan, please report it")


def _cases(pieces: list[Piece], as_of: dt.date, lang: str) -> Iterator[tuple[int, str, int | None, Any]]:
    """(ord, source, line, Case or error text) for every case in the pieces, in input order."""
    from engine.batch import load_line
    from engine.case import read_data

    for index, shown, first, data in pieces:
        if data is None:
            yield ord_of(index, 0), shown, None, _parse(lambda p=shown: read_data(Path(p), lang), as_of, lang)
            continue
        for number, line in split_lines(first, data):
            if not line.strip():
                continue

            def read(line: bytes = line) -> Any:
                value, problem = load_line(line, lang)
                return value if problem is None else "\0" + problem

            yield ord_of(index, number), shown, number, _parse(read, as_of, lang)


def _digest(data: bytes) -> dict[str, int]:
    """A 16-byte digest as two 64-bit numbers (DuckDB holds them inline, not as strings)."""
    return {"d1": int.from_bytes(data[:8], "big", signed=True), "d2": int.from_bytes(data[8:16], "big", signed=True)}


def _row(m: Member, src: str, line: int | None, digest: bytes, comp: bool) -> dict[str, Any]:
    o = m.outcome
    return {"ord": m.seq, "src": src, "line": line, "ref": m.ref, **_digest(digest), "comp": comp, "grouped": True,
            "brand": m.brand, "model": m.model, "bk": name_key(m.brand), "mk": name_key(m.model), "batch": m.batch,
            "symptoms": list(m.symptoms), "region": m.region, "scope": m.consumer_scope, "remedy": o.remedy,
            "lo": o.lo, "hi": o.hi, "ratio": o.ratio, "target": o.target_model, "party": o.party, "rank": o.rank}


def group_task(pieces: list[Piece], as_of: dt.date, lang: str) -> tuple[bytes, bytes]:
    """Pass one over a chunk: (member rows, skipped rows), JSON Lines for the spool."""
    import orjson

    members: list[bytes] = []
    skipped: list[bytes] = []
    for ord_, src, line, case in _cases(pieces, as_of, lang):
        if isinstance(case, str):
            skipped.append(orjson.dumps({"ord": ord_, "src": src, "line": line, "error": case}))
            continue
        ref = ref_of(src, line)
        try:
            rows = [orjson.dumps(_row(member_of(case, ord_, ref), src, line, case_digest(case), False))]
            brand = name_key(case.product.brand).encode("utf-8")
            for k, c in enumerate(case.comparators[:MAX_COMPARATORS], start=1):
                digest = hashlib.blake2b(brand + b"\0" + c.model_dump_json().encode("utf-8"), digest_size=16).digest()
                cm = comparator_member(case, c, ord_ | k, comparator_ref(ref, k, lang))
                if cm is None:  # recorded, but not enough to place them in a group
                    rows.append(orjson.dumps({"ord": ord_ | k, "src": src, "line": line, **_digest(digest),
                                              "comp": True, "grouped": False}))
                else:
                    rows.append(orjson.dumps(_row(cm, src, line, digest, True)))
        except (TypeError, UnicodeEncodeError, orjson.JSONEncodeError):
            # Text that cannot be written as UTF-8 (a lone surrogate from a YAML escape).
            skipped.append(orjson.dumps({"ord": ord_, "src": src, "line": line, "error": pick(
                lang, "文本中有无效的 Unicode 字符（单独的代理项），无法使用",
                "the text holds an invalid Unicode character (a lone surrogate)")}))
            continue
        members.extend(rows)
    return _lines(members), _lines(skipped)


def _lines(rows: list[bytes]) -> bytes:
    return b"\n".join(rows) + b"\n" if rows else b""


_ASSESS: Any = None


def check_task(pieces: list[Piece], as_of: dt.date, lang: str, table: dict[Any, Any]) -> bytes:
    """Pass two with the rule base over a chunk: (ord, does the engine find unequal treatment) rows."""
    import orjson

    global _ASSESS
    if _ASSESS is None:
        _ASSESS = load_assessor()
    rows: list[bytes] = []
    for ord_, src, line, case in _cases(pieces, as_of, lang):
        if isinstance(case, str):
            continue  # already reported by pass one
        m = member_of(case, ord_, ref_of(src, line))
        if not m.group_keys():
            continue
        try:
            with process_lock():
                engine: bool | None = engine_says_unequal(_ASSESS, case, as_comparators(best_others(m, table)),
                                                          as_of, lang)
        except Exception:  # noqa: BLE001 - reported as a disagreement (engine: null), the run goes on
            engine = None
        rows.append(orjson.dumps({"ord": ord_, "engine": engine}))
    return _lines(rows)


def run_passes(inputs: Inputs, as_of: dt.date, lang: str = "zh", workers: int = 1, verify: bool = False,
               progress: Progress | None = None, backend: str = "local",
               scheduler: str | None = None) -> tuple[Figures, bool]:
    """The cohort's figures, and whether the rule base checked them."""
    total = inputs.total_bytes() if progress else 0
    run = {"workers": workers, "backend": backend, "scheduler": scheduler}

    def feed(phase: str) -> Iterator[list[Piece]]:
        done = shown = 0
        step = max(total // 200, 1)

        def on_bytes(n: int) -> None:
            nonlocal done, shown
            done += n
            if progress and (done - shown >= step or done >= total):
                shown = done
                progress(phase, done, total)

        return _pieces(inputs, on_bytes if progress else None)

    with tempfile.TemporaryDirectory(prefix="weiquan-cohort-") as tmp:
        folder = Path(tmp)
        members, skipped = folder / "members.jsonl", folder / "skipped.jsonl"
        with open(members, "wb") as fm, open(skipped, "wb") as fs:
            for m, s in run_ordered(group_task, feed("group"), (as_of, lang), **run):
                fm.write(m)
                fs.write(s)
        store = Store(folder)
        try:
            store.load_pass_one(members, skipped)
            os.unlink(members)
            checked = None
            if verify:
                table = store.best_table()
                checked = folder / "checked.jsonl"
                with open(checked, "wb") as fc:
                    for rows in run_ordered(check_task, feed("check"), (as_of, lang, table), **run):
                        fc.write(rows)
            return store.figures(checked), verify
        finally:
            store.close()
