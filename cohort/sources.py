"""Finding the cases in what the user named, and handing them out one at a time.

Inputs are case files (YAML or JSON, one case each), JSON Lines files (one case per line),
directories (searched recursively for both) and `-` for JSON Lines on standard input. Nothing
is read whole: a JSON Lines file is read in blocks, a directory is walked lazily, and standard
input is copied to a temporary file first — disk, not memory — because with `--verify` the cohort
reads its input twice (once to group, once to run the rule base on each case with its group).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from engine.case import Case
from engine.errors import InputError
from kb.bilingual import pick

KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}
STDIN = "-"


@dataclass(frozen=True, slots=True)
class _Input:
    path: Path
    shown: str  # how reports name it (the path as given, or 标准输入 / stdin)
    is_dir: bool


class Inputs:
    """The resolved inputs; iterate `items()` as often as needed, always in the same order."""

    def __init__(self, inputs: list[_Input]) -> None:
        self._inputs = inputs

    def files(self) -> Iterator[tuple[Path, str, str]]:
        """(path, kind, name in reports) of every case file, in a stable order."""
        for inp in self._inputs:
            if inp.is_dir:
                for path in _walk(inp.path):
                    yield path, KINDS[path.suffix.lower()], str(path)
            else:
                yield inp.path, KINDS.get(inp.path.suffix.lower(), "jsonl"), inp.shown

    def total_bytes(self) -> int:
        return sum(_size(path) for path, _, _ in self.files())


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _walk(root: Path) -> Iterator[Path]:
    """Case files under a directory, sorted, hidden entries skipped; listed one directory at a time."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in KINDS:
                yield Path(dirpath) / name


@contextlib.contextmanager
def open_inputs(names: list[str], lang: str = "zh") -> Iterator[Inputs]:
    """Check every named input before anything is read, so a typo fails at once (exit 2)."""
    problems: list[str] = []
    inputs: list[_Input] = []
    spool: str | None = None
    try:
        if not names:
            problems.append(pick(lang, "未指定任何输入：请给出案件文件、目录或 JSON Lines 文件",
                                 "no input given: name case files, directories or JSON Lines files"))
        for name in names:
            if name == STDIN:
                if spool is None:
                    fd, spool = tempfile.mkstemp(prefix="weiquan-cohort-", suffix=".jsonl")
                    with os.fdopen(fd, "wb") as out:
                        shutil.copyfileobj(sys.stdin.buffer, out)
                inputs.append(_Input(Path(spool), pick(lang, "标准输入", "stdin"), False))
                continue
            path = Path(name)
            if not path.exists():
                problems.append(pick(lang, f"找不到输入：{name}", f"no such file or directory: {name}"))
            elif path.is_dir():
                if next(_walk(path), None) is None:
                    allowed = " ".join(sorted(KINDS))
                    problems.append(pick(lang, f"目录 {name} 中没有案件文件（查找的扩展名：{allowed}）",
                                         f"directory {name} holds no case files (looked for: {allowed})"))
                inputs.append(_Input(path, name, True))
            elif path.suffix.lower() not in KINDS:
                allowed = pick(lang, "、", ", ").join(sorted(KINDS))
                problems.append(pick(
                    lang,
                    f"{name}: 不支持的文件类型 '{path.suffix or '（无扩展名）'}'。允许：{allowed}（.jsonl/.ndjson 为每行一个案件）",
                    f"{name}: unsupported file type '{path.suffix or '(none)'}'. Allowed: {allowed}"
                    " (.jsonl/.ndjson hold one case per line)"))
            else:
                inputs.append(_Input(path, name, False))
        if problems:
            raise InputError(problems)
        yield Inputs(inputs)
    finally:
        if spool is not None:
            with contextlib.suppress(OSError):
                os.unlink(spool)


def case_digest(case: Case) -> bytes:
    """A stable fingerprint of a case's content after parsing: the same case written as YAML, as JSON
    or as a JSON Lines line (other key order, spacing, quoting, omitted defaults) has the same digest.
    The model's own JSON serialisation lists fields in a fixed order, so the digest never depends
    on how the input was written, nor on the process or run."""
    return hashlib.blake2b(case.model_dump_json().encode("utf-8"), digest_size=16).digest()
