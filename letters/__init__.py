"""Letters: the demand letter to the business and the complaint text for 12315 / 消费者协会.

`draft(case, verdict, …) -> bytes` renders one document in md, txt, docx or pdf; `write(path, data)`
puts it on disk atomically and never overwrites an existing file unless told to. Both are what the CLI
and the questionnaire use.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from engine.case import Case
from engine.errors import InputError
from engine.verdict import Verdict
from letters.content import build
from letters.markup import render, to_txt

FORMATS = ("md", "txt", "docx", "pdf")


def markdown(case: Case, verdict: Verdict, *, kind: str = "demand", to: str = "seller", lang: str = "zh",
             annex: bool = False, today: dt.date | None = None) -> str:
    day = today or dt.date.fromisoformat(verdict.as_of)
    if verdict.lang != ("en" if lang == "en" else "zh"):
        from engine.assess import (
            assess,  # the verdict's own words (titles, reasons) must be in the letter's language
        )

        verdict = assess(case, dt.date.fromisoformat(verdict.as_of), lang)
    letter = build(case, verdict, kind=kind, to=to, lang=lang, today=day, annex=annex)
    return render(f"{kind}.{'en' if lang == 'en' else 'zh'}.md.j2", L=letter)


def draft(case: Case, verdict: Verdict, kind: str = "demand", to: str = "seller", fmt: str = "md",
          lang: str = "zh", annex: bool = False, today: dt.date | None = None) -> bytes:
    """The document's bytes (UTF-8 for md/txt). The date on the letter is `today`, else the verdict's as-of."""
    if fmt not in FORMATS:
        raise InputError([f"--format: 值 '{fmt}' 无效，允许：{'、'.join(FORMATS)}" if lang != "en"
                          else f"--format: '{fmt}' is invalid; allowed: {', '.join(FORMATS)}"])
    day = today or dt.date.fromisoformat(verdict.as_of)
    md = markdown(case, verdict, kind=kind, to=to, lang=lang, annex=annex, today=day)
    title = md.splitlines()[0].lstrip("# ").strip()
    author = case.consumer.name or ""
    if fmt == "md":
        return md.encode("utf-8")
    if fmt == "txt":
        return to_txt(md).encode("utf-8")
    if fmt == "docx":
        from letters.docx_out import to_docx

        return to_docx(md, title=title, author=author, day=day)
    from letters.pdf_out import to_pdf

    return to_pdf(md, title=title, author=author)


def write(path: Path | str, data: bytes, force: bool = False, lang: str = "zh") -> Path:
    """Write atomically (a temporary file in the same folder, then a rename); refuse to overwrite unless `force`."""
    path = Path(path)
    if path.exists() and not force:
        raise InputError([f"-o: 文件 {path} 已存在；如要覆盖请加 --force" if lang != "en"
                          else f"-o: {path} already exists; add --force to overwrite it"])
    if not path.parent.is_dir():
        raise InputError([f"-o: 目录 {path.parent} 不存在" if lang != "en" else f"-o: no such folder: {path.parent}"])
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
