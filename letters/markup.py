"""The letters' templates and the small Markdown subset they are written in.

Templates are jinja2 with StrictUndefined (a missing value is an error, never a blank). Every value a
template prints passes through `finalize`, which escapes Markdown and folds newlines, so text the user
typed — a name with `{{ 1+1 }}`, a note with `# ` or `**` — is printed literally and cannot change the
layout; jinja never evaluates a value's contents. The Markdown is parsed into blocks once, and the txt,
docx and pdf writers all render those blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jinja2

from kb.numerals import numeral

_SPECIAL = re.compile(r"([\\`*\[\]<>])|(?<!\w)_|_(?!\w)")
_LEADING = re.compile(r"^(#|>|-|\+)|^(\d+)\.")
_UNESCAPE = re.compile(r"\\([\\`*_\[\]<>#+\-.])")


def md_escape(value: object) -> str:
    """Escape what could change the layout: emphasis, links, markup, and a block marker at the start
    (a value can start a line, e.g. the addressee). Intraword underscores and a '#' mid-line are safe."""
    text = re.sub(r"\s*[\r\n]+\s*", " ", str(value))
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return _LEADING.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\.", text)


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


@cache
def environment() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(resources.files("letters") / "templates"))
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        finalize=md_escape,
        autoescape=False,  # Markdown, not HTML: escaping is `finalize`'s job
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters["cn"] = lambda n: numeral(int(n))
    return env


def render(template: str, **context: object) -> str:
    text = environment().get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


@dataclass(frozen=True)
class Block:
    kind: str  # h1 h2 h3 p quote ol ul hr
    text: str = ""
    number: int = 0


SIGNATURE_BLANK = "____________"  # the line the consumer signs on, in every letter template


def sign_off(items: list[Block]) -> range:
    """The blocks of the closing — 此致 and the addressee (or "Yours faithfully"), the signature line, the date —
    which the pdf and the docx keep on one page: a date alone at the top of a page reads as belonging to no
    letter. Empty when the document has no signature line (the complaint text)."""
    sign = next((i for i, b in enumerate(items) if b.kind == "p" and SIGNATURE_BLANK in b.text), None)
    if sign is None:
        return range(0)
    first = sign
    while first > 0 and sign - first < 2 and items[first - 1].kind == "p":
        first -= 1
    last = sign + 1 if sign + 1 < len(items) and items[sign + 1].kind == "p" else sign
    return range(first, last + 1)


def blocks(md: str) -> list[Block]:
    out: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(Block("p", " ".join(para)))
            para.clear()

    for raw in md.splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        m = re.match(r"^(#{1,3}) (.*)$", line)
        if m:
            flush()
            out.append(Block(f"h{len(m.group(1))}", m.group(2)))
        elif line.startswith(">"):
            flush()
            text = line[1:].strip()
            if text:
                out.append(Block("quote", text))
        elif re.match(r"^\d+\. ", line):
            flush()
            n, text = line.split(". ", 1)
            out.append(Block("ol", text, int(n)))
        elif line.startswith("- "):
            flush()
            out.append(Block("ul", line[2:]))
        elif line.strip() == "---":
            flush()
            out.append(Block("hr"))
        else:
            para.append(line.strip())
    flush()
    return out


def spans(text: str) -> list[tuple[str, bool, bool]]:
    """Inline text as (text, bold, italic) runs, escapes removed."""
    out: list[tuple[str, bool, bool]] = []
    pos = 0
    pattern = re.compile(r"(?<!\\)\*\*(.+?)(?<!\\)\*\*|(?<![\\*])\*(?!\*)(.+?)(?<!\\)\*")
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((unescape(text[pos:m.start()]), False, False))
        if m.group(1) is not None:
            out.append((unescape(m.group(1)), True, False))
        else:
            out.append((unescape(m.group(2)), False, True))
        pos = m.end()
    if pos < len(text):
        out.append((unescape(text[pos:]), False, False))
    return out


def plain(text: str) -> str:
    return "".join(s for s, _, _ in spans(text))


def to_txt(md: str) -> str:
    """Plain text for pasting into a form or an e-mail: no Markdown marks left."""
    lines: list[str] = []
    previous = ""
    for b in blocks(md):
        t = plain(b.text)
        listed = b.kind in ("ol", "ul")
        if lines and not (listed and previous in ("ol", "ul")):
            lines.append("")
        if b.kind == "quote":
            lines.append(f"    {t}")
        elif b.kind == "ol":
            lines.append(f"{b.number}. {t}")
        elif b.kind == "ul":
            lines.append(f"· {t}")
        elif b.kind == "hr":
            lines.append("—" * 20)
        else:
            lines.append(t)
        previous = b.kind
    return "\n".join(lines).strip() + "\n"
