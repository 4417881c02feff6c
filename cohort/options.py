"""The cohort command's options, checked before any input is read: a bad `--workers` or chart path
should cost the user one second, not the minutes a large cohort takes to read."""

from __future__ import annotations

import os
from pathlib import Path

from engine.errors import InputError
from kb.bilingual import pick


def check_options(workers: int, spread: float, chart: Path | None, lang: str = "zh", force: bool = False) -> int:
    """The number of worker processes asked for (0 means one per core); InputError on bad values."""
    problems = []
    if workers < 0:
        problems.append(pick(lang, f"--workers: 值 {workers} 无效，应为 0（每个 CPU 核心一个进程）或正整数",
                             f"--workers: {workers} is invalid: expected 0 (one process per CPU core) or a positive number"))
    if not 0 < spread <= 1:
        problems.append(pick(lang, f"--spread: 值 {spread:g} 超出范围，允许 0 到 1 之间（不含 0），例如 0.2 即相差2折",
                             f"--spread: {spread:g} is out of range: expected more than 0 and at most 1, e.g. 0.2"))
    if chart is not None:
        problems += _chart_problems(chart, lang, force)
    if problems:
        raise InputError(problems)
    return workers


def _chart_problems(chart: Path, lang: str, force: bool) -> list[str]:
    if chart.suffix.lower() != ".png":
        return [pick(lang, f"--chart: '{chart}' 不是 .png 文件名；图表以 PNG 格式保存",
                     f"--chart: '{chart}' is not a .png file name; the chart is saved as PNG")]
    if not chart.parent.resolve().is_dir():
        return [pick(lang, f"--chart: 目录 '{chart.parent}' 不存在", f"--chart: directory '{chart.parent}' does not exist")]
    if chart.is_dir():
        return [pick(lang, f"--chart: '{chart}' 是一个目录", f"--chart: '{chart}' is a directory")]
    if os.path.lexists(chart) and not force:  # like -o: never overwritten unasked
        return [pick(lang, f"--chart: 文件 '{chart}' 已存在；如要覆盖请加 --force",
                     f"--chart: '{chart}' already exists; add --force to overwrite it")]
    return []
