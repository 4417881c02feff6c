"""Every `>` quotation at the top of a rule module is the statute's own words (issue 14: law beside code).

A lawyer checks a rule module against the article quoted at its top, so that quotation must be word for word
from kb/statutes (an ellipsis …… may stand for words left out). A rule's citations resolve to real keys too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kb import laws
from kb.rules import MODULES, rulebase

_HEADING = re.compile(r"^第[一二三四五六七八九十百千零]+条\s+")
RULES_DIR = Path(__file__).resolve().parent.parent / "kb" / "rules"


def _all_paragraphs() -> list[str]:
    out = []
    for law in laws.laws().values():
        for art in law.articles.values():
            out += [p.text for p in art.paragraphs]
    return out


def _quoted_lines(module: Path) -> list[str]:
    doc = ast.get_docstring(ast.parse(module.read_text(encoding="utf-8"))) or ""
    lines = [line[1:].strip() for line in doc.splitlines() if line.startswith(">")]
    return [_HEADING.sub("", line) for line in lines]  # a quotation may open with its article's heading


@pytest.mark.parametrize("module", sorted(RULES_DIR.glob("*.py")), ids=lambda p: p.stem)
def test_quotations_are_verbatim(module: Path) -> None:
    paragraphs = _all_paragraphs()
    for line in _quoted_lines(module):
        for piece in (p.strip("，。；：") for p in line.split("……")):
            if piece:
                assert any(piece in text for text in paragraphs), f"{module.name}: not in kb/statutes: {piece}"


def test_every_article_module_quotes_its_article() -> None:
    for m in MODULES:
        name = m.__name__.rsplit(".", 1)[-1]
        if name in ("periods", "samr_complaints"):  # periods quotes in prose; samr's text is not yet verified
            continue
        assert _quoted_lines(RULES_DIR / f"{name}.py"), f"{name} quotes no article"


def test_every_module_names_its_article_and_its_findings_cite_it() -> None:
    for m in MODULES:
        articles = m.ARTICLE
        for key in articles:
            laws.lookup(key)
        for f in getattr(m, "FINDINGS", []):
            assert any(c == a or c.startswith(a + ":") for c in f.cites for a in articles), (m.__name__, f.id)


def test_every_citation_in_the_rule_base_resolves() -> None:
    rb = rulebase()
    keys = {c for r in rb.rules for c in r.cites}
    keys |= {c for f in rb.findings.values() for c in f.cites + f.quotes}
    keys |= {c for f in rb.findings.values() for g in f.gives for c in g.cites}
    keys |= {c for n in rb.not_applicable.values() for c in n.cites}
    keys |= {c for d in rb.deadlines.values() for c in d.cites}
    for key in sorted(keys):
        laws.lookup(key)  # raises NotInKnowledgeBase for a key kb does not hold


def test_every_module_holding_rules_is_found_without_a_list() -> None:
    """kb/rules gathers its modules by `PLACE` (a new article is one new file): a module that holds rules,
    findings or deadlines but no `PLACE` would be silently left out of the rule base."""
    import importlib

    kinds = ("RULES", "FINDINGS", "NOT_APPLICABLE", "DEADLINES", "MISSING")
    for path in sorted(RULES_DIR.glob("[!_]*.py")):
        module = importlib.import_module(f"kb.rules.{path.stem}")
        if any(getattr(module, k, None) for k in kinds):
            assert module in MODULES, f"{path.name} holds rules but declares no PLACE"
    assert len({m.PLACE for m in MODULES}) == len(MODULES)
    assert [f.place for f in rulebase().findings.values()] == sorted(f.place for f in rulebase().findings.values())
