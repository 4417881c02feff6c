"""Reading case and answers files (YAML, JSON, stdin) and writing any output file: one home for both.

Every reader and writer of the project goes through here so that one set of rules holds everywhere:
- a file is at most `MAX_FILE_BYTES` and UTF-8 (a leading BOM is accepted, in YAML and JSON alike);
- YAML has no implicit timestamps (an unquoted `2025-02-30` stays text, so the case model can say
  which field holds an impossible date), no Python tags (SafeLoader), and aliases are never expanded;
- nesting deeper than `MAX_DEPTH` is refused before the recursive parsers could overflow the stack;
- a key given twice in one mapping is refused naming the key and both lines (it used to win silently);
- mapping keys are text; numbers too long to be a price or a count stay exact without the cost of
  Python's big-int parser (they reach the model as Decimal, which names the field and the range);
- every failure is an `InputError` naming the file, the line where known and the reason, in the
  user's language: bad input or a hostile environment is exit 2, never a crash.

Writes are atomic (a temporary file in the same folder, flushed and fsynced, then renamed over the
target), so Ctrl-C, a full disk or a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from engine.errors import InputError, SystemProblem, json_error_text, utf8_error_text

MAX_FILE_BYTES = 1_000_000  # a case with every list at its limit is under 200 kB
MAX_DEPTH = 20  # a case file nests 4 deep; answers files 4; nothing legitimate comes near 20
_LONG_DIGITS = 40  # more digits than any count or amount in a case file can have


def pick(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


# --- why an operating-system call failed, in the user's language -----------------------------------

_OS_REASONS_ZH = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许此操作",
    errno.EROFS: "所在的文件系统是只读的",
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中的某一部分不是目录",
    errno.EEXIST: "文件已存在",
    errno.EBADF: "文件已关闭",
    errno.EIO: "输入/输出错误",
    errno.ELOOP: "符号链接层数过多",
    errno.EXDEV: "不能跨文件系统改名",
    errno.EINVAL: "参数无效（该位置可能不接受普通文件）",
    errno.EBUSY: "设备或资源忙",
    errno.ETXTBSY: "文件正被使用",
    errno.EFBIG: "文件过大",
}


def os_reason(e: OSError, lang: str = "zh") -> str:
    """The reason of an OSError as a person says it (the errno's text; Chinese from a small table)."""
    if lang != "en" and e.errno in _OS_REASONS_ZH:
        return _OS_REASONS_ZH[e.errno]
    return e.strerror or type(e).__name__


def os_error(e: OSError, path: Path | str | None, lang: str, reading: bool) -> SystemProblem:
    """An error naming the path and why the system refused it."""
    where = path if path is not None else (e.filename or "?")
    why = os_reason(e, lang)
    if reading:
        return SystemProblem([pick(lang, f"无法读取 {where}：{why}", f"cannot read {where}: {why}")])
    return SystemProblem([pick(lang, f"无法写入 {where}：{why}", f"cannot write {where}: {why}")])


# --- reading ------------------------------------------------------------------------------------------

def read_bytes(path: Path, lang: str = "zh", what: str = "") -> bytes:
    """A file's bytes, at most MAX_FILE_BYTES; a folder, a missing file, a device are InputErrors."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError([pick(lang, f"找不到文件：{path}", f"no such file: {path}")]) from None
    except OSError as e:
        raise os_error(e, path, lang, reading=True) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError([pick(lang, f"这是一个目录，不是{what or '文件'}：{path}",
                               f"a directory, not {what or 'a file'}: {path}")])
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise os_error(e, path, lang, reading=True) from None
    if len(data) > MAX_FILE_BYTES:
        raise too_big(str(path), lang)
    return data


def too_big(where: str, lang: str) -> InputError:
    return InputError([pick(lang, f"{where}: 文件过大（超过 {MAX_FILE_BYTES // 1000} kB）；一个案件文件远小于此",
                            f"{where}: too large (over {MAX_FILE_BYTES // 1000} kB); a case file is far smaller")])


def decode(raw: bytes, where: str, lang: str) -> str:
    """UTF-8 text; one leading BOM is dropped, for every format."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError([f"{where}: {utf8_error_text(e, lang)}"]) from None


def read_stdin(stream: Any, lang: str = "zh", head: bytes = b"") -> str:
    """Standard input as text, with the same size and encoding rules as a file."""
    where = pick(lang, "标准输入", "stdin")
    if stream is None:
        raise InputError([pick(lang, "标准输入已关闭，读不到案件", "standard input is closed; there is no case to read")])
    try:
        raw = head + stream.read(MAX_FILE_BYTES + 1 - len(head))
    except OSError as e:
        raise os_error(e, where, lang, reading=True) from None
    if len(raw) > MAX_FILE_BYTES:
        raise too_big(where, lang)
    return decode(raw, where, lang)


def read_file(path: Path, lang: str = "zh", what: str = "") -> Any:
    """Read a YAML or JSON file (JSON if it is named .json, for JSON's own error messages)."""
    text = decode(read_bytes(path, lang, what), str(path), lang)
    if path.suffix.lower() == ".json":
        return parse_json(text, str(path), lang)
    return parse_yaml(text, str(path), lang)


def parse_text(text: str, where: str, lang: str = "zh") -> Any:
    """YAML or JSON of unknown kind (stdin): YAML reads both."""
    return parse_yaml(text, where, lang)


class _Refusal(yaml.YAMLError):
    """A YAML document we refuse to build (too deep, a key twice, a key that is not text)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _key_text(node: yaml.Node) -> str:
    value = getattr(node, "value", "?")
    return value if isinstance(value, str) else "{…}" if isinstance(node, yaml.MappingNode) else "[…]"


class CaseLoader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps, with a depth limit, duplicate-key and non-text-key refusal."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _Refusal(f"第{mark.line + 1}行：嵌套超过 {MAX_DEPTH} 层；案件文件只有几层",
                               f"line {mark.line + 1}: nested more than {MAX_DEPTH} levels deep; a case file has a few")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Refusal(f"第{line}行：字段名 {_key_text(key_node)} 不是文本（字段名应为 product、price 这样的词）",
                                   f"line {line}: the key {_key_text(key_node)} is not text (keys are words like product, price)")
                key = key_node.value
                if key in seen:
                    raise _Refusal(f"字段 {key} 出现了两次（第{seen[key]}行和第{line}行）；请只保留一个",
                                   f"the key {key} is given twice (lines {seen[key]} and {line}); keep one")
                seen[key] = line
        mapping = super().construct_mapping(node, deep=deep)
        for key in mapping:
            if not isinstance(key, str):
                line = node.start_mark.line + 1
                shown = "null" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
                raise _Refusal(f"第{line}行起的映射：字段名 {shown} 不是文本；如确是文本请加引号，如 '{shown}'",
                               f"mapping at line {line}: the key {shown} is not text; quote it if it is, like '{shown}'")
        return mapping

    def construct_yaml_int(self, node: Any) -> Any:
        digits = re.sub(r"[^0-9]", "", str(node.value))
        if len(digits) > _LONG_DIGITS and re.fullmatch(r"[-+]?[0-9_]+", str(node.value)):
            return Decimal(str(node.value).replace("_", ""))
        return super().construct_yaml_int(node)


CaseLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CaseLoader.add_constructor("tag:yaml.org,2002:int", CaseLoader.construct_yaml_int)


def load_yaml(text: str) -> Any:
    """YAML (or JSON) text to data with CaseLoader's rules; raises yaml.YAMLError."""
    return yaml.load(text, Loader=CaseLoader)  # noqa: S506 - a SafeLoader subclass


def parse_yaml(text: str, where: str, lang: str = "zh") -> Any:
    try:
        return load_yaml(text)
    except _Refusal as e:
        raise InputError([f"{where}: {pick(lang, e.zh, e.en)}"]) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = pick(lang, f"（第{mark.line + 1}行）", f" (line {mark.line + 1})") if mark else ""
        raise InputError([pick(lang, f"{where}: YAML 格式错误{at}：{getattr(e, 'problem', None) or e}",
                               f"{where}: invalid YAML{at}: {getattr(e, 'problem', None) or e}")]) from None
    except RecursionError:  # a backstop; the depth limit comes first
        raise InputError([pick(lang, f"{where}: 嵌套过深", f"{where}: nested too deeply")]) from None


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _Duplicate(k)
        out[k] = v
    return out


def _int(text: str) -> Any:
    return Decimal(text) if len(text.lstrip("-")) > _LONG_DIGITS else int(text)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def json_depth(text: str) -> int:
    """How deeply the brackets of a JSON text nest (strings skipped): checked before parsing, since
    Python's JSON parser recurses once per level."""
    depth = deepest = 0
    for ch in re.findall(r"[\[\]{}]", _JSON_STRING.sub("", text)):
        depth += 1 if ch in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def loads_json(text: str) -> Any:
    """JSON with CaseLoader's rules (depth, duplicate keys, long numbers); raises ValueError kinds:
    json.JSONDecodeError, or `_Duplicate`/`_TooDeep` (both ValueError) for the refusals."""
    if json_depth(text) > MAX_DEPTH:
        raise _TooDeep()
    return json.loads(text, object_pairs_hook=_pairs, parse_int=_int)


class _TooDeep(ValueError):
    pass


def parse_json(text: str, where: str, lang: str = "zh") -> Any:
    try:
        return loads_json(text)
    except json.JSONDecodeError as e:
        raise InputError([pick(lang, f"{where}: JSON 格式错误（第{e.lineno}行第{e.colno}列）：{json_error_text(e, lang)}",
                               f"{where}: invalid JSON (line {e.lineno}, column {e.colno}): {e.msg}")]) from None
    except _TooDeep:
        raise InputError([pick(lang, f"{where}: 嵌套超过 {MAX_DEPTH} 层；案件文件只有几层",
                               f"{where}: nested more than {MAX_DEPTH} levels deep; a case file has a few")]) from None
    except _Duplicate as e:
        raise InputError([f"{where}: {duplicate_message(text, e.key, lang)}"]) from None


def duplicate_message(text: str, key: str, lang: str) -> str:
    """'the key K is given twice (lines a and b)': the lines come from reading the JSON as YAML (which
    has marks); if YAML cannot read it, the key alone."""
    try:
        load_yaml(text)
    except _Refusal as e:
        return pick(lang, e.zh, e.en)
    except (yaml.YAMLError, RecursionError, ValueError):
        pass
    return pick(lang, f"字段 {key} 出现了两次；请只保留一个", f"the key {key} is given twice; keep one")


def json_line_error(exc: ValueError, text: str, lang: str) -> str | None:
    """The message for a refusal raised by `loads_json` on one line of a batch (None: not a refusal)."""
    if isinstance(exc, _TooDeep):
        return pick(lang, f"嵌套超过 {MAX_DEPTH} 层", f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(exc, _Duplicate):
        return pick(lang, f"字段 {exc.key} 出现了两次；请只保留一个", f"the key {exc.key} is given twice; keep one")
    return None


# --- writing ------------------------------------------------------------------------------------------

def write_atomic(path: Path, data: bytes | str, lang: str = "zh", mode: int | None = None) -> None:
    """Replace `path` with `data` in one step (temp file in the same folder, fsync, rename).

    `mode`: the new file's permissions (default: the mkstemp owner-only 0600). A failure of the system
    (a full disk, a read-only folder, a name too long, a folder in the way) is an InputError naming
    the path and the reason; the old file, if any, is left as it was."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_dir():
        raise os_error(IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)), path, lang, reading=False)
    try:
        # The temporary name stays short: a 250-character target name must not fail for its temp file.
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=directory)
    except OSError as e:
        raise os_error(e, path, lang, reading=False) from None
    try:
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise os_error(e, path, lang, reading=False) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def default_mode(path: Path) -> int:
    """The mode open() would leave: the replaced file's own, else 0666 less the process umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        pass
    umask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(umask)
    return 0o666 & ~umask


def occupied(path: Path) -> bool:
    """Something is at `path` — a file, a folder, or a symlink even if it points nowhere."""
    return os.path.lexists(path)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (resolved; also when neither exists yet)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except OSError:
        return False
