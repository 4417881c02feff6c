"""Letters: the demand letter to the business and the complaint text for 12315 / 消费者协会.

`draft(case, verdict, …) -> bytes` renders one document in md, txt, docx or pdf; `write(path, data)`
puts it on disk atomically and never overwrites an existing file unless told to. Both are what the CLI
and the questionnaire use.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile
from pathlib import Path

from engine.case import Case
from engine.errors import InputError
from engine.verdict import Verdict
from letters.content import NoLetter, build, nothing_to_demand
from letters.markup import render, to_txt

FORMATS = ("md", "txt", "docx", "pdf")
__all__ = ["FORMATS", "NoLetter", "check_target", "draft", "markdown", "nothing_to_demand", "write"]


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

        return to_docx(md, title=title, author=author, day=day, lang=lang)
    from letters.pdf_out import to_pdf

    return to_pdf(md, title=title, author=author, lang=lang)


def write(path: Path | str, data: bytes, force: bool = False, lang: str = "zh", default: bool = False) -> Path:
    """Write atomically (a temporary file in the same folder, then a rename); refuse to overwrite unless `force`.

    `default`: the name was chosen by the CLI (no -o given), so an error must not blame -o. The file gets
    the permissions a plain open() would give it (0666 less the umask, or the mode of the file it
    replaces), not the owner-only mode of the temporary file."""
    path = check_target(path, force=force, lang=lang, default=default)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):  # POSIX; on Windows the mode bits mean little
            os.fchmod(fd, _mode_for(path))
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


def check_target(path: Path | str, force: bool = False, lang: str = "zh", default: bool = False) -> Path:
    """Refuse, before any work is done, a target that exists (unless `force`) or whose folder does not."""
    path = Path(path)
    zh = lang != "en"
    if path.exists() and not force:
        if default:
            raise InputError([f"默认输出文件 {path} 已存在（未给出 -o 时写入当前目录的这个文件）；"
                              f"请用 -o 指定另一个文件名，或加 --force 覆盖它" if zh
                              else f"the default output file {path} already exists (it is where the document goes "
                                   f"without -o); choose another name with -o, or add --force to overwrite it"])
        raise InputError([f"-o: 文件 {path} 已存在；如要覆盖请加 --force" if zh
                          else f"-o: {path} already exists; add --force to overwrite it"])
    if not path.parent.is_dir():
        raise InputError([f"-o: 目录 {path.parent} 不存在" if zh else f"-o: no such folder: {path.parent}"])
    return path


def _mode_for(path: Path) -> int:
    """The mode open() would leave: the replaced file's own, else 0666 less the process umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        pass
    umask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(umask)
    return 0o666 & ~umask
