"""Writing styled text to a terminal, and the same words plainly anywhere else.

Statute text and users' drafts reach the screen through here; they are always `rich.text.Text`
objects, never markup strings, so a 「[bold]」 in a draft cannot restyle the output. When stdout is not
a terminal (a pipe, a file, a test) the output is plain text with no escape codes and no wrapping, so
that it can be copied into a letter as is.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text


def console() -> Console:
    return Console(markup=False, emoji=False, highlight=False)


def show(lines: list[Text]) -> None:
    """Print the lines: styled on a terminal, plain otherwise."""
    out = console()
    if out.is_terminal:
        for line in lines:
            out.print(line)
    else:
        sys.stdout.write("".join(line.plain + "\n" for line in lines))


def pad(text: str, width: int) -> str:
    """Left-justify by display width (a Chinese character takes two columns)."""
    return text + " " * max(0, width - cell_len(text))


def show_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
