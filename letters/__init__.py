"""Letters: the demand letter to the business and the complaint text for 12315 / 消费者协会.

`draft(case, verdict, …) -> bytes` renders one document in md, txt, docx or pdf; `write(path, data)`
puts it on disk atomically and never overwrites an existing file unless told to. Both are what the CLI
and the questionnaire use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from engine import io
from engine import messages as M
from engine.case import Case
from engine.errors import InputError
from engine.verdict import Verdict
from kb.bilingual import code
from letters.content import NoLetter, build, nothing_to_demand
from letters.markup import render, to_txt

FORMATS = ("md", "txt", "docx", "pdf")
__all__ = ["FORMATS", "NoLetter", "check_target", "draft", "markdown", "nothing_to_demand", "write"]


def markdown(case: Case, verdict: Verdict, *, kind: str = "demand", to: str = "seller", lang: str = "zh",
             annex: bool = False, today: dt.date | None = None) -> str:
    day = today or verdict.as_of
    if verdict.lang != code(lang):
        # The verdict's own words (titles, reasons) go into the letter, so they must be in its language; the
        # letters never call the engine to translate them (issue 14 item 6): the caller assesses in `lang`.
        raise ValueError(f"a {verdict.lang} verdict cannot make a {lang} letter; assess the case in {lang}")
    letter = build(case, verdict, kind=kind, to=to, lang=lang, today=day, annex=annex)
    return render(f"{kind}.{code(lang)}.md.j2", L=letter)


def draft(case: Case, verdict: Verdict, kind: str = "demand", to: str = "seller", fmt: str = "md",
          lang: str = "zh", annex: bool = False, today: dt.date | None = None) -> bytes:
    """The document's bytes (UTF-8 for md/txt). The date on the letter is `today`, else the verdict's as-of."""
    if fmt not in FORMATS:
        raise InputError([M.FORMAT_NOT_ONE_OF(lang, name="--format", shown=f"'{fmt}'", allowed=M.listing(lang, FORMATS))])
    day = today or verdict.as_of
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
    from letters.pdf_out import MissingGlyphs, to_pdf

    try:
        return to_pdf(md, title=title, author=author, lang=lang)
    except MissingGlyphs as e:
        raise InputError(_glyph_messages(case, e.chars, lang)) from None


def _glyph_messages(case: Case, chars: list[str], lang: str) -> list[str]:
    """Which fields hold characters the PDF font cannot draw (rare CJK such as 𪚥, emoji), and what to do."""
    from engine.case import dump_case

    def walk(node: object, path: str) -> list[tuple[str, str]]:
        if isinstance(node, dict):
            return [x for k, v in node.items() for x in walk(v, f"{path}.{k}" if path else k)]
        if isinstance(node, list):
            return [x for i, v in enumerate(node) for x in walk(v, f"{path}[{i}]")]
        return [(path, node)] if isinstance(node, str) else []

    out = []
    for path, text in walk(dump_case(case), ""):
        bad = [c for c in dict.fromkeys(text) if c in chars]
        if bad:
            glyphs = M.listing(lang, (M.GLYPH(lang, char=c, code=ord(c)) for c in bad))
            out.append(M.GLYPHS_IN_FIELD(lang, name=path, text=text[:40], glyphs=glyphs))
    if not out:  # the code points joined the Chinese way in both languages, as they always were
        out.append(M.GLYPHS(lang, glyphs="、".join(f"U+{ord(c):04X}" for c in chars)))
    return out


def write(path: Path | str, data: bytes, force: bool = False, lang: str = "zh", default: bool = False) -> Path:
    """Write atomically (engine/io.py); refuse to overwrite unless `force`.

    `default`: the name was chosen by the CLI (no -o given), so an error must not blame -o. The file gets
    the permissions a plain open() would give it (0666 less the umask, or the mode of the file it
    replaces), not the owner-only mode of the temporary file."""
    path = check_target(path, force=force, lang=lang, default=default)
    io.write_atomic(path, data, lang=lang, mode=io.default_mode(path))
    return path


def check_target(path: Path | str, force: bool = False, lang: str = "zh", default: bool = False) -> Path:
    """Refuse, before any work is done, a target that exists (unless `force`; a symlink counts even if
    it points nowhere), a folder, or a path whose folder does not exist."""
    path = Path(path)
    zh = lang != "en"
    opt = "" if default else "-o: "
    if str(path) in ("", "."):
        raise InputError([f"{opt}文件名为空" if zh else f"{opt}the file name is empty"])
    if len(path.name.encode("utf-8")) > 255:
        raise InputError([f"{opt}文件名太长（{len(path.name.encode('utf-8'))} 字节，最多 255）：{path.name[:40]}…" if zh
                          else f"{opt}file name too long ({len(path.name.encode('utf-8'))} bytes, at most 255): "
                               f"{path.name[:40]}…"])
    if path.is_dir():
        raise InputError([f"{opt}{path} 是一个目录；请给出文件名，例如 {path / 'letter.pdf'}" if zh
                          else f"{opt}{path} is a folder; give a file name, e.g. {path / 'letter.pdf'}"])
    if io.occupied(path) and not force:
        if default:
            raise InputError([f"默认输出文件 {path} 已存在（未给出 -o 时写入当前目录的这个文件）；"
                              f"请用 -o 指定另一个文件名，或加 --force 覆盖它" if zh
                              else f"the default output file {path} already exists (it is where the document goes "
                                   f"without -o); choose another name with -o, or add --force to overwrite it"])
        link = ("（一个符号链接）" if zh else " (a symbolic link)") if path.is_symlink() else ""
        raise InputError([f"-o: 文件 {path}{link} 已存在；如要覆盖请加 --force" if zh
                          else f"-o: {path}{link} already exists; add --force to overwrite it"])
    if not path.parent.is_dir():
        raise InputError([f"{opt}目录 {path.parent} 不存在" if zh else f"{opt}no such folder: {path.parent}"])
    return path
