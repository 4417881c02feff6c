"""Shared helpers: the installed CLI, the copied reference scenarios, and a case builder."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.yaml"))


def weiquan_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "weiquan"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("weiquan")
    if found:
        return [found]
    return [sys.executable, "-c", "from cli import app; app()"]


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(weiquan_cmd() + list(args), capture_output=True, text=True, input=input,
                          cwd=cwd, env=full_env, timeout=120)


def load_scenario(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


BASE_CASE: dict[str, Any] = {
    "version": 1,
    "consumer": {"name": "测试者"},
    "product": {"brand": "某品牌", "model": "Band X", "category": "wearable", "production_batch": "2024-04",
                "price": 199.0},
    "purchase": {"date": "2024-05-20", "channel": "official_online", "seller": "官方商城",
                 "for_personal_use": True, "warranty_months": 12},
    "fault": {"first_noticed": "2024-09-02", "symptoms": ["touch_unresponsive"], "cause": "normal_use",
              "service_inspection": "none", "batch_evidence": "none"},
    "harm": {"personal_injury": False, "other_property_damage": False},
    "interactions": [],
    "comparators": [],
    "demands": ["free_repair"],
}


def make_case(**changes: Any) -> dict[str, Any]:
    """BASE_CASE with dotted-path changes: make_case(**{"fault.cause": "user_damage"})."""
    data = copy.deepcopy(BASE_CASE)
    for path, value in changes.items():
        node = data
        *parents, last = path.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        if value is None and last in node:
            del node[last]
        elif value is not None:
            node[last] = value
    return data


@pytest.fixture(scope="session")
def as_of() -> dt.date:
    return dt.date(2025, 9, 1)
