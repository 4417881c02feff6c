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
from pathlib import Path
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


class AssessFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"
    jsonl = "jsonl"


@app.command()
@guarded
def assess(
    case_file: Annotated[Path, typer.Argument(metavar="CASE", help="案件文件（YAML/JSON），或每行一个案件的 .jsonl 文件；- 为标准输入")],
    format: Annotated[AssessFormat | None, typer.Option("--format", "-f", help="text | md | json | jsonl")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD（默认今天）")] = None,
    lang: LangOpt = Lang.zh,
    workers: Annotated[int, typer.Option("--workers", min=1, help="批量（jsonl）时使用的进程数")] = 1,
) -> None:
    """分析案件，给出结论 / assess a case and print the verdict."""
    from engine.errors import InputError

    day = parse_as_of(as_of, lang)
    batch = case_file.suffix.lower() == ".jsonl" or format == AssessFormat.jsonl
    if batch:
        if format not in (None, AssessFormat.jsonl):
            raise InputError([_msg(lang, f"--format: 批量输入（.jsonl）只支持 jsonl，而不是 {format.value}",
                                   f"--format: batch input (.jsonl) supports jsonl only, not {format.value}")])
        _assess_batch(case_file, day, lang, workers)
        return
    from engine.assess import assess as run_assess
    from engine.case import parse_case, read_data

    data = _read_stdin_case(lang) if str(case_file) == "-" else read_data(case_file, lang)
    case = parse_case(data, as_of=day, lang=lang, source=str(case_file))
    verdict = run_assess(case, day, lang)
    fmt = format or AssessFormat.text
    if fmt == AssessFormat.json:
        sys.stdout.write(verdict.to_json())
    elif fmt == AssessFormat.md:
        from views.verdict_view import render_md

        sys.stdout.write(render_md(verdict))
    else:
        from views.verdict_view import render_text

        sys.stdout.write(render_text(verdict))


def _msg(lang: Lang, zh: str, en: str) -> str:
    return en if lang == Lang.en else zh


def _read_stdin_case(lang: Lang) -> Any:
    import yaml

    from engine.case import load_yaml
    from engine.errors import InputError

    try:
        return load_yaml(sys.stdin.read())
    except yaml.YAMLError as e:
        raise InputError([_msg(lang, f"标准输入：YAML/JSON 格式错误：{e}", f"stdin: invalid YAML/JSON: {e}")]) from None


def _assess_batch(path: Path, day: dt.date, lang: Lang, workers: int) -> None:
    from engine.batch import assess_lines
    from engine.errors import InputError

    if str(path) == "-":
        stream = sys.stdin
    else:
        try:
            stream = path.open(encoding="utf-8")
        except OSError as e:
            raise InputError([_msg(lang, f"无法读取文件 {path}：{e.strerror}", f"cannot read {path}: {e.strerror}")]) from None
    bad = 0
    with stream:
        try:
            for ok, line in assess_lines(stream, day, lang.value, workers):
                bad += not ok
                sys.stdout.write(line + "\n")
        except UnicodeDecodeError:
            raise InputError([_msg(lang, f"文件不是 UTF-8 编码的文本：{path}", f"not UTF-8 text: {path}")]) from None
    if bad:
        _err(_msg(lang, f"{bad} 行无法分析（见输出中的 error）", f"{bad} line(s) could not be assessed (see their error objects)"))
        raise typer.Exit(1)


class LetterKind(StrEnum):
    demand = "demand"
    complaint = "complaint"


class LetterTo(StrEnum):
    seller = "seller"
    manufacturer = "manufacturer"


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
    to: Annotated[LetterTo, typer.Option("--to", help="收函方：seller 销售者 | manufacturer 生产者")] = LetterTo.seller,
    format: Annotated[LetterFormat, typer.Option("--format", "-f", help="md | txt | docx | pdf")] = LetterFormat.md,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="写入文件（原子写入；已存在时需 --force）")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件")] = False,
    annex: Annotated[bool, typer.Option("--annex", help="附上推理过程（事实 → 规则 → 条文）")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估及落款日期 YYYY-MM-DD（默认今天）")] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """起草维权函或投诉文本 / draft the demand letter or the complaint text."""
    import letters
    from engine.assess import assess as run_assess
    from engine.case import parse_case, read_data

    day = parse_as_of(as_of, lang)
    data = _read_stdin_case(lang) if str(case_file) == "-" else read_data(case_file, lang)
    case = parse_case(data, as_of=day, lang=lang, source=str(case_file))
    verdict = run_assess(case, day, lang.value)
    doc = letters.draft(case, verdict, kind=kind.value, to=to.value, fmt=format.value, lang=lang.value,
                        annex=annex, today=day)
    _err(verdict.notice)
    if output is None and format in (LetterFormat.md, LetterFormat.txt):
        sys.stdout.write(doc.decode("utf-8"))
        return
    if output is None:
        # Binary documents never go to a terminal: a default name in the current folder, and say so.
        output = Path(f"weiquan-{kind.value}-{day.isoformat()}.{format.value}")
    path = letters.write(output, doc, force=force, lang=lang.value)
    _err(_msg(lang, f"已写入 {path}", f"written to {path}"))


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
    lang: LangOpt = Lang.zh,
) -> None:
    """逐字打印法条原文 / print statute text verbatim (weiquan law crpl 24; weiquan law --search 召回)."""
    from engine.errors import InputError
    from kb.browse import find, find_law
    from kb.browse import search as search_texts
    from kb.citations import CitationError
    from kb.laws import Law
    from views import law_view

    try:
        if search is not None:
            words = search.split()
            if not words or article is not None:
                raise InputError(["--search: 需要至少一个检索词，且不能与条号同时使用" if lang != Lang.en
                                  else "--search: give at least one word, and no ARTICLE with it"])
            law_id = find_law(law).id if law is not None else None
            law_view.render_search(search_texts(words, law_id), words, fmt.value, lang.value)
            return
        target = find(law, article)
    except CitationError as e:
        raise _citation_input_error(e, lang) from None
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
    workers: Annotated[int, typer.Option("--workers", help="进程数；0 为每个 CPU 核心一个")] = 1,
    verify: Annotated[bool, typer.Option("--verify", help="逐案运行规则库，复核谁可援引消保法第十条（较慢）")] = False,
    spread: Annotated[float, typer.Option("--spread", help="价格比例相差多少算明显差别（默认 0.2，即2折）")] = 0.2,
    show_all: Annotated[bool, typer.Option("--all", help="文字报告列出所有组，而不只是存在差别待遇的组")] = False,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="进度条（默认：标准错误输出为终端时显示）")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD（默认今天）")] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """同型号、同批次、同故障的消费者受到的不同对待 / same model, batch and fault, different treatment."""
    from cohort import analyse
    from cohort.options import check_options
    from views import cohort_view

    day = parse_as_of(as_of, lang)
    n = check_options(workers, spread, chart, lang.value)
    with cohort_view.progress_bar(lang.value, sys.stderr.isatty() if progress is None else progress) as bar:
        report = analyse(inputs, day, lang.value, workers=n, spread=spread, verify=verify, progress=bar)
    code = cohort_view.emit(report, fmt.value, lang.value, show_all=show_all, chart=chart)
    if code:
        raise typer.Exit(code)


@app.command()
@guarded
def ask(
    resume: Annotated[Path | None, typer.Option("--resume", help="继续填写一个已保存的问卷（或任何案件文件）")] = None,
    save: Annotated[Path | None, typer.Option("--save", help="保存到此文件（默认当前目录的 weiquan-case.yaml）")] = None,
    answers: Annotated[Path | None, typer.Option("--answers", help="从准备好的答案文件（YAML）读取，不逐题提问")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD（默认今天）；晚于它的日期不被接受")] = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """交互式问卷：逐题回答，得到结论和维权函 / the interactive questionnaire."""
    from questionnaire.main import run

    code = run(resume=resume, save=save, answers_file=answers, as_of=parse_as_of(as_of, lang), lang=lang.value)
    if code:
        raise typer.Exit(code)


def main() -> None:  # pragma: no cover - console entry point is `cli:app`
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
