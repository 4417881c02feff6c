"""Every reference scenario through the real CLI, with the checks shared/scenarios/README.md lists."""

from __future__ import annotations

import filecmp
import json
import tempfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SCENARIOS, load_scenario, run_cli
from tests.scenarios.check_scenarios import check


def test_there_are_ten_scenarios() -> None:
    assert len(SCENARIOS) == 10


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_holds(path: Path, tmp_path: Path) -> None:
    sc = load_scenario(path)
    case_file = tmp_path / "case.yaml"
    case_file.write_text(yaml.safe_dump(sc["case"], allow_unicode=True), encoding="utf-8")
    r = run_cli("assess", str(case_file), "--format", "json", "--as-of", str(sc["as_of"]))
    assert r.returncode == 0, r.stderr
    verdict = json.loads(r.stdout)
    assert check(verdict, sc.get("expect", {})) == []


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_text_output_is_complete(path: Path, tmp_path: Path) -> None:
    """The consumer's first read: bottom line, each finding's strength and article, deadlines, notice."""
    sc = load_scenario(path)
    case_file = tmp_path / "case.yaml"
    case_file.write_text(yaml.safe_dump(sc["case"], allow_unicode=True), encoding="utf-8")
    text = run_cli("assess", str(case_file), "--as-of", str(sc["as_of"])).stdout
    verdict = json.loads(run_cli("assess", str(case_file), "-f", "json", "--as-of", str(sc["as_of"])).stdout)
    assert text.splitlines()[2].startswith("结论：")
    for f in verdict["findings"]:
        assert f["title"] in text
        assert {"strong": "【有力】", "arguable": "【可争取】", "weak": "【较弱】"}[f["strength"]] in text
        for q in f["quotes"]:
            assert verdict["citations"][q]["text"] in text
    for d in verdict["deadlines"]:
        assert d["date"] in text
    assert "不构成律师意见" in text


def test_copies_match_shared_when_available() -> None:
    shared = ROOT.parent / "shared" / "scenarios"
    if not shared.is_dir():
        pytest.skip("../shared is not beside this clone (a clean CI checkout)")
    for f in shared.glob("*.yaml"):
        assert filecmp.cmp(f, ROOT / "tests" / "scenarios" / f.name, shallow=False), f.name


def test_same_case_same_bytes() -> None:
    sc = load_scenario(SCENARIOS[0])
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "c.yaml"
        p.write_text(yaml.safe_dump(sc["case"], allow_unicode=True), encoding="utf-8")
        runs = [run_cli("assess", str(p), "-f", fmt, "--as-of", "2025-09-01").stdout
                for fmt in ("json", "json", "text", "text", "md", "md")]
    assert runs[0] == runs[1] and runs[2] == runs[3] and runs[4] == runs[5]
