"""The cohort command's options, checked before any input is read: a bad `--workers` or chart path
should cost the user one second, not the minutes a large cohort takes to read."""

from __future__ import annotations

import os
from pathlib import Path

from engine.errors import InputError


def check_options(workers: int, spread: float, chart: Path | None, lang: str = "zh", force: bool = False) -> int:
    """The number of worker processes asked for (0 means one per core); InputError on bad values."""
    zh = lang != "en"
    problems = []
    if workers < 0:
        problems.append(f"--workers: 值 {workers} 无效，应为 0（每个 CPU 核心一个进程）或正整数" if zh
                        else f"--workers: {workers} is invalid: expected 0 (one process per CPU core) or a positive number")
    if not 0 < spread <= 1:
        problems.append(f"--spread: 值 {spread:g} 超出范围，允许 0 到 1 之间（不含 0），例如 0.2 即相差2折" if zh
                        else f"--spread: {spread:g} is out of range: expected more than 0 and at most 1, e.g. 0.2")
    if chart is not None:
        if chart.suffix.lower() != ".png":
            problems.append(f"--chart: '{chart}' 不是 .png 文件名；图表以 PNG 格式保存" if zh
                            else f"--chart: '{chart}' is not a .png file name; the chart is saved as PNG")
        elif not chart.parent.resolve().is_dir():
            problems.append(f"--chart: 目录 '{chart.parent}' 不存在" if zh
                            else f"--chart: directory '{chart.parent}' does not exist")
        elif os.path.lexists(chart) and (chart.is_dir() or not force):  # like -o: never overwritten unasked
            problems.append((f"--chart: '{chart}' 是一个目录" if chart.is_dir() else
                             f"--chart: 文件 '{chart}' 已存在；如要覆盖请加 --force") if zh else
                            (f"--chart: '{chart}' is a directory" if chart.is_dir() else
                             f"--chart: '{chart}' already exists; add --force to overwrite it"))
    if problems:
        raise InputError(problems)
    return workers
