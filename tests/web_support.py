"""Shared by the web tests and bench/serve.py: a server on a free loopback port, and a consumer who
answers each question the web interview asks from a known case file (as scripted.simulate does in the
terminal), typed the way a person types: dates as 2024/5/20, prices as 6折."""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from questionnaire.scripted import flatten, question_for
from questionnaire.spec import questionnaire

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed.yaml"
AS_OF = dt.date(2025, 9, 1)
UNKNOWN = "__unknown__"
TYPED = {"consumer.phone": "138 0013 8000"}  # the seed's 138xxxx0000 is masked, and refused as a number


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(data: Path, as_of: dt.date = AS_OF) -> Iterator[str]:
    """`weiquan serve`'s app under uvicorn in a thread; yields its base URL, stops it after."""
    import uvicorn

    from web.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(data, as_of=as_of), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


class Consumer:
    """Knows a case; says, for a question key, what to put in the form."""

    def __init__(self, case: dict[str, Any] | Path = SEED, typed: dict[str, str] | None = None) -> None:
        if isinstance(case, Path):
            case = yaml.safe_load(case.read_text(encoding="utf-8"))
        self.case = case
        # what this person types where the case file's value is not typable (the seed's masked phone)
        self.typed = {**TYPED, **(typed or {})}
        self.qn = questionnaire()
        self.flat, self.counts = flatten(case, self.qn)

    def kind(self, key: str) -> str:
        if "+" in key:
            return "control"
        q, _, _ = question_for(self.qn, key)
        return q.type

    def answer(self, key: str) -> str | list[str]:
        """The form value: a radio's value, the ticked boxes, or the text to type."""
        if "+" in key:
            loop, index = key.split("+")
            return "yes" if self.counts.get(loop, 0) > int(index) else "no"
        if key in self.typed:
            return self.typed[key]
        q, _, _ = question_for(self.qn, key)
        v = self.flat.get(key)
        if isinstance(v, dt.date):
            v = v.isoformat()
        if q.type == "multi":
            return list(v or [])
        if q.type == "yesno":
            return UNKNOWN if v is None else ("yes" if v else "no")
        if q.type == "choice":
            return UNKNOWN if v is None else str(v)
        if v is None:
            return ""
        if q.type == "date":
            y, m, d = str(v).split("-")
            return f"{int(y)}/{int(m)}/{int(d)}"  # as people write it; answers.parse reads it
        if q.type == "month":
            return str(v)[:7]
        if q.type == "ratio":
            r = float(v)
            return "0" if r == 0 else f"{r * 10:g}折"
        if q.type == "number":
            return f"{float(v):g}"
        return str(v)
