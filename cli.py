"""The `weiquan` command line (CONTRACT.md §3): wiring only, no legal logic.

Each command parses its options, calls the module that does the work, and hands the result to a
renderer in `views/`. Heavy imports happen inside the commands so that `weiquan --help` and a single
`assess` start fast. Exit codes: 0 ok, 1 a problem found and reported, 2 bad input, 3 internal error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import os
import re
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from kb.bilingual import code

try:  # typer >= 0.20 carries its own copy of click
    from typer._click import exceptions as click_exc
except ImportError:  # pragma: no cover - older typer on top of click
    import click.exceptions as click_exc  # type: ignore[no-redef]


def _requested_lang(args: list[str]) -> str:
    """The --lang the user asked for, read only to word a usage error (the options themselves are click's)."""
    lang = "zh"
    for i, a in enumerate(args):
        if a == "--":
            break
        if a == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    return code(lang)


def _param_name(param: Any) -> str:
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    if opts:
        return max(opts, key=len)  # --format rather than -f
    return getattr(param, "metavar", None) or str(getattr(param, "name", "?")).upper()


def _choices(param: Any) -> list[str]:
    desc = getattr(param, "type_descriptor", None)
    found = getattr(desc, "choices", None) or getattr(getattr(param, "type", None), "choices", None) or ()
    return [str(getattr(c, "value", c)) for c in found]


def usage_message(e: Exception, lang: str) -> str:
    """A click usage error (a bad option value, an unknown option, a missing argument) said plainly in the
    user's language: the option, the value given and what is allowed, in the words a case file's bad
    field gets (engine/messages.py)."""
    from engine import messages as M

    param = getattr(e, "param", None)
    if isinstance(e, click_exc.MissingParameter):
        return M.MISSING_OPTION(lang, name=_param_name(param))
    if isinstance(e, click_exc.BadParameter) and param is not None:
        return _bad_value(e, param, lang)
    if isinstance(e, click_exc.NoSuchOption):
        maybe = sorted(e.possibilities or [])
        hint = M.DID_YOU_MEAN(lang, options=M.listing(lang, maybe)) if maybe else ""
        return M.NO_SUCH_OPTION(lang, option=e.option_name) + hint
    if isinstance(e, click_exc.BadOptionUsage) and "requires an argument" in e.message:
        return M.NEEDS_VALUE(lang, option=e.option_name)
    return _usage_from_text(e, lang)


_COMPARISONS = ("greater_than_equal", "less_than_equal", "greater_than", "less_than")


def _bad_value(e: Exception, param: Any, lang: str) -> str:
    """A value the option does not take: not one of its choices, out of its range, or not a number."""
    from engine import messages as M

    cause = e.__cause__
    errors = cause.errors(include_url=False) if hasattr(cause, "errors") else []
    first = errors[0] if errors else {}
    value = first.get("input")
    said = {"name": _param_name(param), "shown": f"'{value}'" if value is not None else ""}
    typ = first.get("type", "")
    choices = _choices(param)
    if choices:
        return M.NOT_ALLOWED(lang, allowed=M.listing(lang, choices), **said)
    whole = typ.startswith("int") or getattr(getattr(param, "type_descriptor", None), "annotation", None) is int
    if typ in _COMPARISONS:
        return M.OUT_OF_RANGE(lang, allowed=_allowed_range(param, M.WHOLE_NUMBER if whole else M.NUMBER, lang), **said)
    if typ.startswith(("int", "float")):
        return M.INVALID(lang, why=M.EXPECTED(lang, what=M.WHOLE_NUMBER if typ.startswith("int") else M.NUMBER), **said)
    return M.OPTION_INVALID(lang, why=first.get("msg") or getattr(e, "message", ""), **said)


def _allowed_range(param: Any, what: Any, lang: str) -> str:
    """An option's min/max as the range it allows."""
    from engine import messages as M

    lo, hi = getattr(param, "min", None), getattr(param, "max", None)
    if lo is not None and hi is not None:
        return M.BETWEEN(lang, lo=lo, hi=hi, what=what)
    if lo is not None:
        return M.AT_LEAST(lang, lo=lo, what=what)
    return M.AT_MOST(lang, hi=hi, what=what)


def _usage_from_text(e: Exception, lang: str) -> str:
    """The usage errors click says only in a sentence of its own (extra arguments, an unknown command)."""
    from engine import messages as M

    text = e.format_message() if hasattr(e, "format_message") else str(e)
    extra = re.match(r"Got unexpected extra argument\S* \((.*)\)", text)
    if extra:
        return M.EXTRA_ARGUMENTS(lang, args=extra.group(1))
    unknown = re.match(r"No such command '(.*)'", text)
    if unknown:
        ctx = getattr(e, "ctx", None)
        names = ", ".join(ctx.command.list_commands(ctx)) if ctx is not None and hasattr(ctx.command, "list_commands") else ""
        return M.NO_SUCH_COMMAND(lang, command=unknown.group(1), commands=names)
    return text


_NO_ARGS_IS_HELP: Any = getattr(click_exc, "NoArgsIsHelpError", ())

# click's and typer's own help words, in Chinese unless --lang en (issue 13 item 12).
_HELP_WORDS = (("Usage: ", "用法："), ("Options:", "选项："), ("Arguments:", "参数："), ("Commands:", "命令："),
               ("Show this message and exit.", "显示本帮助并退出。"), ("Show the version and exit.", "显示版本号并退出。"),
               ("[OPTIONS]", "[选项]"), ("COMMAND [ARGS]...", "命令 [参数]..."), ("<path>", "<文件>"),
               ("<str>", "<文字>"), ("<int>", "<整数>"), ("<float>", "<数字>"), ("<boolean>", "<是/否>"), ("<list[str]>", "<文件>"))
_FIRST = ("ask", "assess", "letter")  # the questionnaire first: where a new user starts


def chinese_help(text: str) -> str:
    """A help page with click's English chrome (Usage, Options, [default: …]) in Chinese."""
    for en, zh in _HELP_WORDS:
        text = text.replace(en, zh)

    def extra(m: re.Match[str]) -> str:
        inner = re.sub(r"\bdefault: ", "默认：", m.group(1))
        inner = re.sub(r"\brequired\b", "必填", inner)
        inner = re.sub(r"\benv var: ", "环境变量：", inner)
        return f"[{inner.replace('; ', '；')}]"

    return re.sub(r"\[((?:default: |required|env var: )[^\]]*)\]", extra, text)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("weiquan")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout without installing
        return "未安装"


class WeiquanGroup(TyperGroup):
    """Usage errors (a bad option value, an unknown option) become a plain message in the user's language
    and exit code 2, like any other bad input (CONTRACT.md §3), instead of click's English. The help pages
    are in Chinese (unless --lang en), list `ask` first and never cut a command's description short."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        return [n for n in _FIRST if n in names] + [n for n in names if n not in _FIRST]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, (cmd.help or "").strip().split("\n", 1)[0]))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        if _requested_lang(argv) != "en":
            _translate_help()
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NO_ARGS_IS_HELP as e:  # `weiquan` alone: the help, as click shows it
            e.show()
            sys.exit(e.exit_code)
        except click_exc.UsageError as e:
            from engine import messages as M

            lang = _requested_lang(argv)
            ctx = getattr(e, "ctx", None)
            _err(M.BAD_COMMAND_LINE(lang))
            _err(f"  - {usage_message(e, lang)}")
            if ctx is not None:
                _err(M.SEE_HELP(lang, command=ctx.command_path))
            sys.exit(2)
        except click_exc.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except typer.Abort:
            from engine import messages as M

            _err(M.ABORTED(_requested_lang(argv)))
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


def _translate_help() -> None:
    """Route every help page (the group's and each command's) through `chinese_help`."""
    from typer._click.core import Context as ClickContext

    if getattr(ClickContext.get_help, "_chinese", False):
        return
    original = ClickContext.get_help

    def get_help(self: Any) -> str:
        return chinese_help(original(self))

    get_help._chinese = True  # type: ignore[attr-defined]
    ClickContext.get_help = get_help  # type: ignore[method-assign]


app = typer.Typer(
    cls=WeiquanGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="维权 weiquan：电子产品故障的消费者权益分析、维权函与投诉文本（不构成律师意见）。\n\n"
         "新用户从 weiquan ask 开始：逐题回答，得到结论，并可生成维权函。",
)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOpt = Annotated[Lang, typer.Option("--lang", help="输出语言 / output language: zh | en")]


def _show_version(value: bool) -> None:
    if value:
        print(f"weiquan {_version()}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", is_eager=True, callback=_show_version,
                                          help="显示版本号并退出 / show the version and exit")] = False,
) -> None:
    """维权 weiquan：电子产品故障的消费者权益分析、维权函与投诉文本（不构成律师意见）。

    新用户从 weiquan ask 开始：逐题回答，得到结论，并可生成维权函。
    """


def _err(text: str) -> None:
    if sys.stderr is None:  # started with stderr closed: nowhere to say it
        return
    try:
        sys.stderr.write(text.rstrip("\n") + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn bad input into exit 2 with the messages, and a crash into exit 3 with a trace file."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from engine import messages as M
        from engine.errors import InputError, SystemProblem

        lang = kwargs.get("lang") or Lang.zh
        try:
            if sys.stdout is None:  # started with stdout closed (`weiquan … >&-`): fine until written to
                sys.stdout = _ClosedStdout(lang)
            rv = fn(*args, **kwargs)
            _flush_stdout(lang)
            return rv
        except InputError as e:
            head = (M.COULD_NOT_FINISH if isinstance(e, SystemProblem) else M.BAD_INPUT)(lang)
            where = M.FROM_SOURCE(lang, source=e.source) if e.source else ""
            _err(f"{head}{where}:")
            for m in e.messages:
                _err(f"  - {m}")
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, SystemExit):
            try:
                _flush_stdout(lang)
            except _StdoutGone as e:
                _err(str(e))
                raise typer.Exit(2) from None
            raise
        except KeyboardInterrupt:
            _err(M.INTERRUPTED(lang))
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # A closed pipe (`weiquan … | head`) is the reader's choice, not our failure.
            _silence_stdout()
            raise typer.Exit(0) from None
        except _StdoutGone as e:
            _err(str(e))
            raise typer.Exit(2) from None
        except OSError as e:
            # The user's environment (a full disk, a read-only folder, a name too long): say which path
            # and why, exit 2, never "a bug in weiquan".
            from engine.io import os_reason

            if e.filename is None:  # no path: standard output is the one file written without a name
                try:
                    _flush_stdout(lang)
                except _StdoutGone as gone:
                    _err(str(gone))
                    raise typer.Exit(2) from None
                _silence_stdout()
                _err(M.STDOUT_UNWRITABLE(lang, why=os_reason(e, lang)))
                raise typer.Exit(2) from None
            _err(M.CANNOT_USE(lang, path=e.filename, why=os_reason(e, lang)))
            raise typer.Exit(2) from None
        except Exception:
            fd, trace_path = tempfile.mkstemp(prefix="weiquan-trace-", suffix=".txt")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                traceback.print_exc(file=f)
            _err(M.INTERNAL_ERROR(lang, kind=sys.exc_info()[0].__name__, trace=trace_path))
            raise typer.Exit(3) from None

    return wrapper


class _StdoutGone(Exception):
    """Standard output is closed or cannot take the output (a full disk, /dev/full): the environment's."""


class _ClosedStdout:
    """Stands in for a closed stdout: a command that writes only files works; one that prints says why not."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def write(self, text: str) -> int:
        from engine import messages as M

        raise _StdoutGone(M.STDOUT_CLOSED(self.lang))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "closed")


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so that the interpreter's own flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _flush_stdout(lang: Lang) -> None:
    """Flush stdout inside the command, so that a full disk or /dev/full is a message and exit 2 rather
    than Python's "Exception ignored" at exit."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as e:
        from engine import messages as M
        from engine.io import os_reason

        _silence_stdout()
        raise _StdoutGone(M.STDOUT_UNWRITABLE(lang, why=os_reason(e, lang))) from None


def parse_as_of(value: str | None, lang: Lang) -> dt.date:
    """`--as-of` defaults to today; a bad value is bad input (exit 2), not a crash, said as a case file's
    bad date is."""
    from engine import messages as M
    from engine.errors import InputError

    if value is None:
        return dt.date.today()
    text = value.strip()
    said = {"name": "--as-of", "shown": f"'{value}'"}
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, flags=re.ASCII):  # exactly YYYY-MM-DD, as in case files
        from engine.case import FIRST_DAY, LAST_DAY

        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise InputError([M.INVALID(lang, why=M.NO_SUCH_DAY, **said)]) from None
        if not FIRST_DAY <= day <= LAST_DAY:
            raise InputError([M.OUT_OF_RANGE(lang, allowed=M.DATES_BETWEEN(lang, lo=FIRST_DAY, hi=LAST_DAY), **said)])
        return day
    raise InputError([M.INVALID(lang, why=M.EXPECTED_DATE(lang, example="2025-09-01"), **said)])


@contextlib.contextmanager
def _scheduler_errors(lang: Lang) -> Iterator[None]:
    """A Dask scheduler that does not answer is the user's environment: exit 2, naming the address."""
    from engine import messages as M
    from engine.errors import InputError
    from engine.parallel import SchedulerUnreachable

    try:
        yield
    except SchedulerUnreachable as e:
        raise InputError([M.SCHEDULER_UNREACHABLE(lang, address=e.address, reason=e.reason)]) from None


class Backend(StrEnum):
    local = "local"
    dask = "dask"


class Citations(StrEnum):
    full = "full"
    keys = "keys"


class AssessFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"
    jsonl = "jsonl"


_BATCH_SUFFIXES = (".jsonl", ".ndjson")


@app.command()
@guarded
def assess(
    case_file: Annotated[Path, typer.Argument(
        metavar="CASE",
        help="案件文件（YAML/JSON），或每行一个案件的 .jsonl 文件（批量）；- 为标准输入")],
    format: Annotated[AssessFormat | None, typer.Option(
        "--format", "-f",
        help="text | md | json | jsonl。jsonl：每个结论占一行 JSON；单个 YAML/JSON 案件输出一行，"
             ".jsonl 文件（或内容为每行一个 JSON 对象的标准输入）逐行输出。"
             "jsonl: one verdict per line; a single YAML/JSON case gives one line, a .jsonl file (or stdin "
             "whose first line is a whole JSON object) is a batch")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD（默认今天）")] = None,
    lang: LangOpt = Lang.zh,
    workers: Annotated[int, typer.Option("--workers", min=0, help="批量（jsonl）时使用的进程数；0 为每个 CPU 核心一个，最多为 CPU 核心数")] = 1,
    backend: Annotated[Backend, typer.Option("--backend", help="批量时在哪里运行：local 本机进程 | dask 一个 Dask 集群（需 --scheduler）")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask 调度器地址，例如 tcp://10.0.0.5:8786（--backend dask）")] = None,
    citations: Annotated[Citations, typer.Option(
        "--citations", help="jsonl 输出中的法条：full 附原文（默认）| keys 只列条文编号，原文见 weiquan law --format json")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="文字结论中也显示内部编号（规则、字段）")] = False,
) -> None:
    """分析案件，给出结论 / assess a case and print the verdict.

    只有 .jsonl 文件是批量输入（每行一个案件，每行一个结论，格式固定为 jsonl）；标准输入（-）加
    -f jsonl 时，若第一行非空行本身是一个完整的 JSON 对象，则按每行一个案件处理，否则按单个
    YAML/JSON 案件处理。A batch is a .jsonl file, or stdin with -f jsonl whose first non-blank line is a
    whole JSON object; anything else is one case.
    """
    from engine import messages as M
    from engine.errors import InputError

    day = parse_as_of(as_of, lang)
    run = _run_options(workers, backend, scheduler, lang)
    if citations is not None:
        if format not in (None, AssessFormat.jsonl):
            raise InputError([M.CITATIONS_JSONL_ONLY(lang, format=format.value)])
        run["citations"] = citations.value
    stdin = str(case_file) == "-"
    data: Any = None
    if stdin:
        head = _stdin_head() if format == AssessFormat.jsonl else []
        if head and _looks_like_json_lines(head[-1]):
            _assess_batch(itertools.chain(head, sys.stdin.buffer), "-", day, lang, run)
            return
        data = _read_stdin_case(lang, b"".join(head))
    elif case_file.suffix.lower() in _BATCH_SUFFIXES:
        if format not in (None, AssessFormat.jsonl):
            raise InputError([M.BATCH_JSONL_ONLY(lang, format=format.value)])
        try:
            stream = case_file.open("rb")
        except OSError as e:
            raise InputError([M.CANNOT_READ_FILE(lang, path=case_file, why=e.strerror)]) from None
        with stream:
            _assess_batch(iter(lambda: stream.read(1 << 20), b""), str(case_file), day, lang, run)
        return
    from engine.assess import assess as run_assess
    from engine.case import parse_case, read_data

    if not stdin:
        data = read_data(case_file, lang)
    case = parse_case(data, as_of=day, lang=lang, source=str(case_file))
    verdict = run_assess(case, day, lang)
    fmt = format or AssessFormat.text
    if fmt == AssessFormat.json:
        sys.stdout.write(verdict.to_json())
    elif fmt == AssessFormat.jsonl:
        from engine.batch import verdict_line

        sys.stdout.buffer.write(verdict_line(verdict, run.get("citations", "full")) + b"\n")
    elif fmt == AssessFormat.md:
        from views.verdict_view import render_md

        sys.stdout.write(render_md(verdict, verbose=verbose))
    else:
        from views.verdict_view import render_text

        sys.stdout.write(render_text(verdict, verbose=verbose))


def _stdin_head() -> list[bytes]:
    """Standard input's lines up to and including the first non-blank one (the rest stays unread)."""
    head: list[bytes] = []
    for raw in sys.stdin.buffer:
        head.append(raw)
        if raw.strip():
            break
    return head


def _looks_like_json_lines(first: bytes) -> bool:
    """A JSON Lines stream starts with a whole JSON object on one line; a YAML case (or pretty-printed
    JSON, whose first line is a lone `{`) does not."""
    text = first.strip().lstrip(b"\xef\xbb\xbf")
    return len(text) > 1 and text.startswith(b"{") and text.endswith(b"}")


def _read_stdin_case(lang: Lang, head: bytes = b"") -> Any:
    from engine import io
    from engine import messages as M

    text = io.read_stdin(sys.stdin.buffer if sys.stdin is not None else None, lang.value, head)
    return io.parse_text(text, M.STDIN(lang), lang.value)


def _assess_batch(blocks: Iterable[bytes], source: str, day: dt.date, lang: Lang, run: dict[str, Any]) -> None:
    """One verdict (or `{"line": N, "error": …}`) per input line, written as each chunk is done."""
    from engine import messages as M
    from engine.batch import assess_stream

    bad = 0
    out = sys.stdout.buffer
    with _scheduler_errors(lang):
        for data, n_bad in assess_stream(blocks, day, lang.value, **run):
            bad += n_bad
            out.write(data)
    out.flush()
    if bad:
        _err(M.LINES_FAILED(lang, bad=bad))
        raise typer.Exit(1)


def _run_options(workers: int, backend: Backend | None, scheduler: str | None, lang: Lang) -> dict[str, Any]:
    """--workers, --backend and --scheduler checked together (exit 2 on a bad combination); more
    workers than CPUs are lowered to the CPU count, and the user is told."""
    from engine import messages as M
    from engine.errors import InputError
    from engine.parallel import capped_workers

    backend = backend or (Backend.dask if scheduler else Backend.local)
    if backend == Backend.dask:
        if not scheduler:
            raise InputError([M.DASK_NEEDS_SCHEDULER(lang)])
        if not re.fullmatch(r"(tcp|tls|inproc|ws|wss)://\S+", scheduler):
            raise InputError([M.INVALID(lang, name="--scheduler", shown=f"'{scheduler}'", why=M.EXPECTED_SCHEDULER)])
        return {"workers": 1, "backend": "dask", "scheduler": scheduler}
    if scheduler:
        raise InputError([M.SCHEDULER_ONLY_DASK(lang)])
    n, lowered = capped_workers(workers)
    if lowered:
        _err(M.WORKERS_LOWERED(lang, asked=workers, n=n))
    return {"workers": n, "backend": "local", "scheduler": None}


class LetterKind(StrEnum):
    demand = "demand"
    complaint = "complaint"


class LetterTo(StrEnum):
    seller = "seller"
    manufacturer = "manufacturer"
    platform = "platform"


class LetterFormat(StrEnum):
    md = "md"
    txt = "txt"
    docx = "docx"
    pdf = "pdf"


@app.command()
@guarded
def letter(
    case_file: Annotated[Path, typer.Argument(metavar="CASE", help="案件文件（YAML/JSON）；- 为标准输入")],
    kind: Annotated[LetterKind, typer.Option("--kind", help="demand 维权函 | complaint 12315/消协投诉文本")] = LetterKind.demand,
    to: Annotated[LetterTo, typer.Option("--to", help="收函方：seller 销售者 | manufacturer 生产者 | platform 电商平台")] = LetterTo.seller,
    format: Annotated[LetterFormat, typer.Option("--format", "-f", help="md | txt | docx | pdf")] = LetterFormat.md,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output",
        help="写入文件（原子写入；已存在时需 --force）。docx/pdf 不给 -o 时写入当前目录的 "
             "weiquan-<kind>-<as-of日期>.<格式>，例如 weiquan-demand-2025-09-01.pdf；md/txt 不给 -o 时打印到标准输出。"
             "Without -o, docx/pdf go to weiquan-<kind>-<as-of>.<format> in the current folder")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件")] = False,
    annex: Annotated[bool, typer.Option("--annex", help="附上推理过程（事实 → 规则 → 条文）")] = False,
    goodwill: Annotated[bool, typer.Option("--goodwill", help="无可主张的权利时，起草一封不主张权利的协商请求函")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估及落款日期 YYYY-MM-DD（默认今天）")] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """起草维权函或投诉文本 / draft the demand letter or the complaint text."""
    import letters
    from engine import messages as M
    from engine.assess import assess as run_assess
    from engine.case import parse_case, read_data

    day = parse_as_of(as_of, lang)
    data = _read_stdin_case(lang) if str(case_file) == "-" else read_data(case_file, lang)
    case = parse_case(data, as_of=day, lang=lang, source=str(case_file))
    default = output is None and format in (LetterFormat.docx, LetterFormat.pdf)
    if default:
        # Binary documents never go to a terminal: a default name in the current folder, and say so.
        output = Path(f"weiquan-{kind.value}-{day.isoformat()}.{format.value}")
    if output is not None:
        letters.check_target(output, force=force, lang=lang.value, default=default)  # before the slow part
    verdict = run_assess(case, day, lang.value)
    try:
        doc = letters.draft(case, verdict, kind="goodwill" if goodwill else kind.value, to=to.value,
                            fmt=format.value, lang=lang.value, annex=annex, today=day)
    except letters.NoLetter as e:  # nothing to demand (LEGAL_SPEC L15): say so; not an error
        sys.stdout.write(e.message + "\n")
        _err(verdict.notice)
        return
    _err(verdict.notice)
    if output is None and format in (LetterFormat.md, LetterFormat.txt):
        sys.stdout.write(doc.decode("utf-8"))
        return
    path = letters.write(output, doc, force=force, lang=lang.value, default=default)
    _err(M.WRITTEN(lang, path=path))


@app.command()
@guarded
def schema() -> None:
    """打印案件文件的 JSON Schema / print the JSON Schema of the case file."""
    import json

    from engine.case import Case

    print(json.dumps(Case.model_json_schema(), ensure_ascii=False, indent=2))


class LawFormat(StrEnum):
    text = "text"
    json = "json"


def _citation_input_error(e: Any, lang: Lang) -> Exception:
    from engine.errors import InputError

    return InputError([e.message(lang.value)])


@app.command("law")
@guarded
def law_cmd(
    law: Annotated[str | None, typer.Argument(help="法律：crpl | pql | civil_code | crpl_regs | crpl_penalties，或其名称（消保法）")] = None,
    article: Annotated[str | None, typer.Argument(help="条号：24、第二十四条、24:2、第五十六条第一款第八项")] = None,
    search: Annotated[str | None, typer.Option("--search", help="检索条文，多个词以空格分隔（须全部出现）")] = None,
    fmt: Annotated[LawFormat, typer.Option("--format", help="text | json")] = LawFormat.text,
    rules: Annotated[bool, typer.Option("--rules", help="每款之后列出规则库中援引该款的结论和理由")] = False,
    lang: LangOpt = Lang.zh,
) -> None:
    """逐字打印法条原文 / print statute text verbatim (weiquan law crpl 24; weiquan law --search 召回)."""
    from engine import messages as M
    from engine.errors import InputError
    from kb.browse import find, find_law
    from kb.browse import search as search_texts
    from kb.citations import CitationError
    from kb.laws import Citation, Law
    from views import law_view

    try:
        if search is not None:
            words = search.split()
            if not words or article is not None:
                raise InputError([M.SEARCH_NEEDS_WORDS(lang)])
            law_id = find_law(law).id if law is not None else None
            law_view.render_search(search_texts(words, law_id), words, fmt.value, lang.value)
            return
        target = find(law, article)
    except CitationError as e:
        raise _citation_input_error(e, lang) from None
    if rules:
        if not isinstance(target, Citation):
            raise InputError([M.RULES_NEED_ARTICLE(lang)])
        from views.law_rules import render

        sys.stdout.write(render(target, fmt.value, lang.value))
        return
    if target is None:
        law_view.render_laws(fmt.value, lang.value)
    elif isinstance(target, Law):
        law_view.render_articles(target, fmt.value, lang.value)
    else:
        law_view.render_citation(target, fmt.value, lang.value)


@app.command("check")
@guarded
def check_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE", help="要检查的文本（UTF-8），- 为标准输入")],
    fmt: Annotated[LawFormat, typer.Option("--format", help="text | json")] = LawFormat.text,
    lang: LangOpt = Lang.zh,
) -> None:
    """核对文本中的法条引用 / check the statute citations in a text (exit 1 if any is wrong)."""
    from checker import check_text
    from checker.source import read_source
    from views import check_view

    results = check_text(read_source(file, lang.value), lang.value)
    check_view.render(results, fmt.value, lang.value)
    if any(r.flagged for r in results):
        raise typer.Exit(1)


class CohortFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


@app.command()
@guarded
def cohort(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="案件文件、目录或 .jsonl 文件（每行一个案件）；- 为标准输入")],
    fmt: Annotated[CohortFormat, typer.Option("--format", "-f", help="text | json | csv")] = CohortFormat.text,
    chart: Annotated[Path | None, typer.Option("--chart", help="另存各组处理结果的图表（PNG）")] = None,
    workers: Annotated[int, typer.Option("--workers", help="进程数；0 为每个 CPU 核心一个，最多为 CPU 核心数")] = 1,
    backend: Annotated[Backend, typer.Option("--backend", help="在哪里运行：local 本机进程 | dask 一个 Dask 集群（需 --scheduler）")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask 调度器地址，例如 tcp://10.0.0.5:8786（--backend dask）")] = None,
    verify: Annotated[bool, typer.Option("--verify", help="逐案运行规则库，复核谁可援引消保法第十条（较慢）")] = False,
    spread: Annotated[float, typer.Option("--spread", help="价格比例相差多少算明显差别（默认 0.2，即2折）")] = 0.2,
    show_all: Annotated[bool, typer.Option("--all", help="文字报告列出所有组，而不只是存在差别待遇的组")] = False,
    force: Annotated[bool, typer.Option("--force", help="--chart 的文件已存在时覆盖它")] = False,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="进度条（默认：标准错误输出为终端时显示）")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD（默认今天）")] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """同型号、同批次、同故障的消费者受到的不同对待 / same model, batch and fault, different treatment."""
    from cohort import analyse
    from cohort.options import check_options
    from views import cohort_view

    day = parse_as_of(as_of, lang)
    run = _run_options(check_options(workers, spread, chart, lang.value, force), backend, scheduler, lang)
    with _scheduler_errors(lang), cohort_view.progress_bar(
            lang.value, sys.stderr.isatty() if progress is None else progress) as bar:
        report = analyse(inputs, day, lang.value, spread=spread, verify=verify, progress=bar, **run)
    code = cohort_view.emit(report, fmt.value, lang.value, show_all=show_all, chart=chart)
    if code:
        raise typer.Exit(code)


@app.command()
@guarded
def ask(
    resume: Annotated[Path | None, typer.Option("--resume", help="继续填写一个已保存的问卷（或任何案件文件）")] = None,
    save: Annotated[Path | None, typer.Option("--save", help="保存到此文件（默认当前目录的 weiquan-case.yaml）")] = None,
    answers: Annotated[Path | None, typer.Option("--answers", help="从准备好的答案文件（YAML）读取，不逐题提问")] = None,
    force: Annotated[bool, typer.Option("--force", help="答案文件 letters: 中的文书可覆盖已存在的文件（案件文件和答案文件除外）")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD（默认今天）；晚于它的日期不被接受")] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """交互式问卷：逐题回答，得到结论和维权函 / the interactive questionnaire."""
    from questionnaire.main import run

    code = run(resume=resume, save=save, answers_file=answers, as_of=parse_as_of(as_of, lang), lang=lang.value,
               force=force)
    if code:
        raise typer.Exit(code)


@app.command()
@guarded
def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址（默认只接受本机连接）/ address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="端口 / port")] = 8000,
    data: Annotated[Path | None, typer.Option("--data", help="保存问卷的目录（默认用户数据目录）/ where sessions are kept")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="固定评估日期 YYYY-MM-DD（默认每天的日期）")] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """在浏览器中填写问卷、查看结论、下载文书 / the questionnaire, verdict and letters in a browser."""
    import uvicorn

    from web.app import create_app

    day = parse_as_of(as_of, lang) if as_of is not None else None
    uvicorn.run(create_app(data, as_of=day), host=host, port=port, proxy_headers=True, log_level="info",
                access_log=False)  # request lines carry session tokens: keep them out of logs


def main() -> None:  # pragma: no cover - console entry point is `cli:app`
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
