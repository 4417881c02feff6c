"""The verdict as text and Markdown (views/verdict_view.py), checked on the shared scenarios: it renders
CONTRACT v2 faithfully (grades only as-of-right demands, says what a request is, groups the alternative
channels, shows deadline arguments) and shows no internal name to a consumer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from engine.assess import assess
from engine.case import parse_case
from engine.vocab import label
from tests.conftest import ROOT, make_case, run_cli
from views.verdict_view import render_md, render_summary, render_text

SHARED = sorted(Path("/work/shared/scenarios").glob("*.yaml")) or sorted((ROOT / "tests" / "scenarios").glob("*.yaml"))
SEED = ROOT / "examples" / "seed.yaml"
INTERNAL = re.compile(r"\b(crpl|pql|civil_code|limitation|complaint|return)\d*\.[a-z_]+|comparators\[|interactions\[|"
                      r"losses\[|（未说明）|\b[a-z]+\.[a-z_]+\b")
NEVER_STRONG = ("free_replacement_newer_model", "apology")


def _verdict(path: Path):
    sc = yaml.safe_load(path.read_text(encoding="utf-8"))
    day = dt.date.fromisoformat(str(sc["as_of"]))
    return assess(parse_case(sc["case"], as_of=day), day)


@pytest.mark.parametrize("path", SHARED, ids=[p.stem[:2] for p in SHARED])
def test_each_scenario_renders_v2_faithfully(path: Path) -> None:
    v = _verdict(path)
    for render in (render_text, render_md, render_summary):
        text = render(v)
        leaks = [m.group(0) for m in INTERNAL.finditer(text) if not m.group(0).startswith("www.")]
        leaks = [x for x in leaks if x not in ("www.12315", "12315.cn")]
        assert not leaks, (render.__name__, leaks)
        for d in v.demands:
            name = label("demand", d.demand, "zh")
            if d.basis != "right":  # a request or a demand no article gives is never graded
                for word in ("有力", "可争取", "较弱"):
                    assert f"{name}（{word}）" not in text, (d.demand, word)
            if d.demand in NEVER_STRONG or (d.demand == "refund" and d.findings == ["crpl19.recall_duty"]):
                assert f"{name}（有力）" not in text
        if render is not render_summary:
            for d in v.deadlines:
                for a in d.arguments:
                    assert f"可以主张的更晚日期 {a.date}" in text
    text = render_text(v)
    for d in v.demands:
        name = label("demand", d.demand, "zh")
        if d.basis == "request":
            assert f"{name}（可以协商请求，非法定权利）" in render_summary(v) or "可以协商请求（非法定权利）" in text
        if d.basis == "none":
            assert f"- {name}" in text and "没有条文给予这项要求" in text
    ids = {c.id for c in v.channels}
    if {"mediation", "samr_complaint"} <= ids:
        assert "第2、3项只能选择其一" in text
    if "joint_complaint" in ids:
        assert "共同投诉" in text


def test_seed_with_verbose_shows_the_ids_and_without_it_none() -> None:
    plain = run_cli("assess", str(SEED), "--as-of", "2025-09-01").stdout
    verbose = run_cli("assess", str(SEED), "--as-of", "2025-09-01", "--verbose").stdout
    assert "(crpl24.repair_replace_after_warranty)" in verbose and "（crpl24.repair_replace_after_warranty）" in verbose
    assert "crpl24.repair_replace_after_warranty" not in plain and "comparators[" not in plain
    assert "（见第1项）" in plain                        # a claim another rests on is named by its number
    head = plain.splitlines()[2]
    assert "可以协商请求（非法定权利）：免费更换新款商品" in head and "免费更换新款商品（" not in head


def test_a_demand_no_article_gives_says_so(as_of: dt.date) -> None:
    data = make_case(demands=["free_repair", "apology"])
    v = assess(parse_case(data, as_of=as_of), as_of)
    assert any(d.demand == "apology" and d.basis == "none" for d in v.demands)
    text = render_text(v)
    assert "没有条文给予的要求：赔礼道歉" in text.splitlines()[2]
    assert "- 赔礼道歉（您的要求）：没有条文给予这项要求" in text
    assert "赔礼道歉（有力）" not in text and "赔礼道歉（可争取）" not in text


def test_summary_is_short_and_complete() -> None:
    v = _verdict(ROOT / "tests" / "scenarios" / "01-seed-band8-forced-tradein.yaml")
    lines = render_summary(v).splitlines()
    assert len(lines) <= 30
    text = "\n".join(lines)
    assert "【有力】有权拒绝付费维修或折价换购" in text and "最近的期限：2028-08-02" in text
    assert "下一步：先书面向经营者提出要求" in text and "不构成律师意见" in text
