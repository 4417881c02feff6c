"""The `weiquan` command line (CONTRACT.md §3): wiring only, no legal logic.

Each command parses its options, calls the module that does the work, and hands the result to a
renderer in `views/`. Heavy imports happen inside the commands so that `weiquan --help` and a single
`assess` start fast. Exit codes: 0 ok, 1 a problem found and reported, 2 bad input, 3 internal error.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="维权 weiquan：电子产品故障的消费者权益分析、维权函与投诉文本（不构成律师意见）。",
)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOpt = Annotated[Lang, typer.Option("--lang", help="输出语言 / output language: zh | en")]


@app.callback()
def _root() -> None:
    """维权 weiquan：电子产品故障的消费者权益分析、维权函与投诉文本（不构成律师意见）。"""


def _err(text: str) -> None:
    sys.stderr.write(text.rstrip("\n") + "\n")


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn bad input into exit 2 with the messages, and a crash into exit 3 with a trace file."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from engine.errors import InputError

        lang = kwargs.get("lang") or Lang.zh
        try:
            return fn(*args, **kwargs)
        except InputError as e:
            head = "输入有误" if lang != Lang.en else "Invalid input"
            where = f"（{e.source}）" if e.source and lang != Lang.en else (f" ({e.source})" if e.source else "")
            _err(f"{head}{where}:")
            for m in e.messages:
                _err(f"  - {m}")
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _err("已中断。" if lang != Lang.en else "Interrupted.")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # A closed pipe (`weiquan … | head`) is the reader's choice, not our failure.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception:
            fd, trace_path = tempfile.mkstemp(prefix="weiquan-trace-", suffix=".txt")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                traceback.print_exc(file=f)
            kind = sys.exc_info()[0].__name__
            if lang == Lang.en:
                _err(f"Internal error ({kind}). This is a bug in weiquan; the full trace is in {trace_path}")
            else:
                _err(f"内部错误（{kind}）。这是 weiquan 的缺陷；完整的错误记录已写入 {trace_path}")
            raise typer.Exit(3) from None

    return wrapper


def parse_as_of(value: str | None, lang: Lang) -> dt.date:
    """`--as-of` defaults to today; a bad value is bad input (exit 2), not a crash."""
    from engine.errors import InputError

    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = (f"--as-of: value '{value}' is invalid: expected a YYYY-MM-DD date" if lang == Lang.en
               else f"--as-of: 值 '{value}' 无效，应为 YYYY-MM-DD 格式的日期")
        raise InputError([msg]) from None


@app.command()
@guarded
def schema() -> None:
    """打印案件文件的 JSON Schema / print the JSON Schema of the case file."""
    import json

    from engine.case import Case

    print(json.dumps(Case.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:  # pragma: no cover - console entry point is `cli:app`
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
