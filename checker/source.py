"""Reading the text to check: a UTF-8 file, or standard input for `-`.

A consumer's draft may come from Word, WeChat or a web page; the two things that commonly go wrong
(the wrong path, a GBK-encoded file) must end in a message saying which, not in a traceback. The
reading is engine/io.py's, so a draft meets the same size and encoding rules, in the same words, as a
case file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from engine import io
from kb.bilingual import pick


def read_source(name: str, lang: str = "zh") -> str:
    """The text of file `name` (`-` for stdin), without a byte-order mark; InputError when unusable."""
    if name == "-":
        return io.read_stdin(sys.stdin.buffer if sys.stdin is not None else None, lang)
    path = Path(name)
    return io.decode(io.read_bytes(path, lang, what=pick(lang, "文本文件", "a text file")), name, lang)
