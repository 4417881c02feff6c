"""`weiquan ask`: choose between the interactive questionnaire and prepared answers, and where to save.

Kept apart from cli.py so that the command there stays a few lines of option wiring. The rule for the
file: a new questionnaire never overwrites an existing file (it may be someone's half-finished case);
`--resume FILE` continues FILE and saves back into it unless `--save` says otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from engine.errors import InputError
from kb.bilingual import pick
from questionnaire.draft import Draft
from questionnaire.texts import command, t

DEFAULT_NAME = "weiquan-case"


def default_path(directory: Path = Path(".")) -> Path:
    """weiquan-case.yaml, or -2, -3… so that an earlier case is never overwritten."""
    path = directory / f"{DEFAULT_NAME}.yaml"
    n = 2
    while path.exists():
        path = directory / f"{DEFAULT_NAME}-{n}.yaml"
        n += 1
    return path


def run(resume: Path | None, save: Path | None, answers_file: Path | None, as_of: dt.date, lang: str,
        force: bool = False) -> int:
    """Run `weiquan ask`; the exit code."""
    from questionnaire.spec import questionnaire
    from questionnaire.store import load

    qn = questionnaire()
    if save is not None and not (save.parent if str(save.parent) else Path(".")).is_dir():
        raise InputError([pick(lang, f"--save: 目录 {save.parent} 不存在", f"--save: the directory {save.parent} does not exist")])
    if answers_file is not None:
        if resume is not None:
            raise InputError([pick(lang, "--answers 不能与 --resume 同时使用", "--answers cannot be used with --resume")])
        if save is not None and (save.is_dir() or os.path.lexists(save)):  # a new run never overwrites
            raise InputError([t("save_exists", lang, path=save, resume=command("ask", "--resume", save, lang=lang))])
        return scripted(answers_file, save or default_path(), as_of, lang, force)
    if resume is not None:
        from questionnaire.store import recheck

        draft = load(resume, qn, lang)
        redo = recheck(qn, draft, as_of, lang, source=str(resume))
        if redo:
            print(t("redo", lang, keys=", ".join(redo)), file=sys.stderr)
        target = save or resume
        if target != resume and target.exists():
            raise InputError([t("save_exists", lang, path=target, resume=command("ask", "--resume", target, lang=lang))])
        resumed = True
    else:
        draft = Draft()
        target = save or default_path()
        if target.exists():
            raise InputError([t("save_exists", lang, path=target, resume=command("ask", "--resume", target, lang=lang))])
        resumed = False
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError([pick(lang, "交互式问卷需要在终端中运行；脚本中请使用 --answers FILE.yaml",
                               "the interactive questionnaire needs a terminal; in scripts use --answers FILE.yaml")])
    from questionnaire.session import interactive

    return interactive(target, draft, as_of, lang, resumed)


def scripted(answers_file: Path, target: Path, as_of: dt.date, lang: str, force: bool = False) -> int:
    """Prepared answers: validate them as typed ones, save the case, print the verdict, write letters."""
    from engine.case import parse_case
    from questionnaire.ending import verdict_text
    from questionnaire.flow import next_step
    from questionnaire.relevance import Relevance
    from questionnaire.scripted import LETTER_KEY, letter_entries, question_line, run_answers
    from questionnaire.spec import questionnaire
    from questionnaire.store import read_yaml, save

    qn = questionnaire()
    data = read_yaml(answers_file, lang)
    if not isinstance(data, dict):
        raise InputError([pick(lang, "答案文件的顶层应为一个映射（字段: 值）", "the answers file must be a mapping (field: value)")],
                         source=str(answers_file))
    documents = letter_entries(data.pop(LETTER_KEY, None), case_path=target, answers_path=answers_file,
                               as_of=as_of, lang=lang, force=force)  # refused before anything is written
    result = run_answers(qn, data, as_of, lang)
    if result.errors:
        raise InputError(result.errors, source=str(answers_file))
    case = parse_case(result.draft.data, as_of=as_of, lang=lang, source=str(answers_file))
    save(target, result.draft, lang)
    if result.kept:
        print(t("kept", lang, keys=", ".join(result.kept)), file=sys.stderr)
    relevant = Relevance(qn, as_of, lang)
    open_steps = []
    probe = result.draft.copy()
    while (step := next_step(qn, probe, relevant)) is not None:
        open_steps.append(question_line(step, lang))
        probe.mark(step.key)
    if open_steps:
        print("\n".join([t("open_questions", lang), *(f"  - {line}" for line in open_steps)]), file=sys.stderr)
    verdict, text = verdict_text(case, as_of, lang)
    sys.stdout.write(text)
    for spec in documents:
        _document(spec, case, verdict, as_of, lang, force)
    print(t("done", lang, path=target, assess=command("assess", target, lang=lang)), file=sys.stderr)
    return 0


def _document(spec: Any, case: Any, verdict: Any, as_of: dt.date, lang: str, force: bool = False) -> None:
    import letters

    kind, to, fmt, path = spec.kind, spec.to, spec.fmt, spec.path
    data = letters.draft(case, verdict, kind=kind, to=to, fmt=fmt, lang=lang, today=as_of)
    letters.write(path, data, force=force, lang=lang)
    print(t("letter_written", lang, path=path), file=sys.stderr)
