"""Reading the text to check: a UTF-8 file, or standard input for `-`.

A consumer's draft may come from Word, WeChat or a web page; the two things that commonly go wrong
(the wrong path, a GBK-encoded file) must end in a message saying which, not in a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from engine.errors import InputError
from kb.bilingual import pick


def read_source(name: str, lang: str = "zh") -> str:
    """The text of file `name` (`-` for stdin), without a byte-order mark; InputError when unusable."""
    where = "stdin" if name == "-" else name
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(name)
        if not path.exists():
            raise InputError([pick(lang, f"FILE: 文件 '{name}' 不存在", f"FILE: '{name}' does not exist")])
        if path.is_dir():
            raise InputError([pick(lang, f"FILE: '{name}' 是目录，应为文本文件",
                                   f"FILE: '{name}' is a directory; give a text file")])
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError([pick(lang, f"FILE: 无法读取 '{name}'：{e.strerror}",
                                   f"FILE: cannot read '{name}': {e.strerror}")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError([pick(
            lang, f"FILE: {where} 不是 UTF-8 编码的文本（第 {e.start} 字节处无法解码）；请另存为 UTF-8 后重试",
            f"FILE: {where} is not UTF-8 text (bad byte at offset {e.start}); save it as UTF-8 and try again",
        )]) from None
    return text.removeprefix("\ufeff")
