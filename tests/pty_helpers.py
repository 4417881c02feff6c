"""Driving `weiquan ask` in a pseudo-terminal the way a person types: keys, not mocks.

The terminal has a fixed size and TERM so that prompt_toolkit draws the same way every run; every step
waits for stable question text before typing. prompt_toolkit redraws only the cells that change, so
expectations are short fragments of a question, never whole rendered lines.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pexpect

from tests.conftest import weiquan_cmd

DOWN = "\x1b[B"
ENV = {"TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "COLUMNS": "160", "LINES": "50", "PYTHONIOENCODING": "utf-8",
       "PAGER": "cat"}  # the full verdict's pager prints straight through


class Person:
    """A consumer at a terminal running `weiquan ask …`."""

    def __init__(self, cwd: Path, *args: str, timeout: float = 30) -> None:
        cmd = weiquan_cmd()
        self.child = pexpect.spawn(cmd[0], cmd[1:] + ["ask", *args], cwd=str(cwd), env={**os.environ, **ENV},
                                   encoding="utf-8", dimensions=(50, 160), timeout=timeout)
        self.log: list[str] = []
        self.seen = io.StringIO()  # everything the program wrote to the terminal
        self.child.logfile_read = self.seen

    def wait(self, fragment: str) -> None:
        self.child.expect_exact(fragment)
        self.log.append(fragment)

    def choose(self, fragment: str, number: int) -> None:
        """A select list: press the choice's number (1-based), then enter."""
        self.wait(fragment)
        self.child.send(str(number % 10))
        self.child.send("\r")

    def first(self, fragment: str) -> None:
        """A select list: take the highlighted (first or current) choice."""
        self.wait(fragment)
        self.child.send("\r")

    def type(self, fragment: str, text: str, clear: bool = False, current: str | None = None) -> None:
        """A text field: wait for it (and for its prefilled `current` text, which is drawn after the
        question), optionally erase it, type."""
        self.wait(fragment)
        if current is not None:
            self.wait("返回上一题）")  # the hint ends; the field's text follows it
            self.wait(current)
        if clear:
            self.child.send("\x15")  # Ctrl-U: erase what is in the field
        self.child.send(text + "\r")

    def retype(self, text: str) -> None:
        """After an answer was refused: the prompt stays; erase the field and type again."""
        self.child.send("\x15" + text + "\r")

    def confirm(self, fragment: str, yes: bool) -> None:
        """A yes/no list (是 1, 否 2)."""
        self.choose(fragment, 1 if yes else 2)

    def back(self, fragment: str) -> None:
        """At the prompt showing `fragment`, press < (返回上一题)."""
        self.wait(fragment)
        self.child.send("<")

    def check(self, fragment: str, toggle: list[int]) -> None:
        """A checkbox list: move to each (0-based) position and press space, then enter."""
        self.wait(fragment)
        pos = 0
        for i in sorted(toggle):
            self.child.send(DOWN * (i - pos) + " ")
            pos = i
        self.child.send("\r")

    def screen_text(self) -> str:
        """What the person saw, without the terminal's escape sequences."""
        text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]", "", self.seen.getvalue())
        return text.replace("\r", "")

    def interrupt(self) -> None:
        self.child.send("\x03")

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -(self.child.signalstatus or 0)
