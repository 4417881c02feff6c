"""The knowledge base quotes the official texts word for word, or it is worthless.

Three independent checks: (1) against ../shared/statutes/statutes.yaml when it is there (a developer's
checkout); (2) against SHA-256 digests taken of that official copy, so a clean clone in CI, which has
no ../shared, still catches any edit; (3) the loaded knowledge base (`kb.laws`) hands out exactly the
texts in the file. A digest mismatch means the texts changed: compare with shared/statutes and the
official sources before touching the digests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml

from kb.laws import laws, lookup

ROOT = Path(__file__).resolve().parents[1]
KB_FILE = ROOT / "kb" / "statutes" / "statutes.yaml"
NAMES_FILE = ROOT / "kb" / "statutes" / "names.yaml"
SHARED_FILE = ROOT.parent / "shared" / "statutes" / "statutes.yaml"

# Digests of ../shared/statutes/statutes.yaml (the checked official texts) as of the copy in kb/.
OFFICIAL_FILE_SHA256 = "9615b699727a00d7ef688a3d47be29fa78b44d326110bb821acf13936369a6b1"
# Of the texts alone (law, title, edition, effective, articles: number, heading, paragraphs), so that
# the reason for a failure is clear: texts changed, or only comments/layout.
OFFICIAL_TEXTS_SHA256 = "61df51069023764135dd70be2f9a46f2162fbdc31495f2fd2fd5a3d628de0367"

needs_shared = pytest.mark.skipif(
    not SHARED_FILE.is_file(),
    reason=f"{SHARED_FILE} is absent (a clean clone, e.g. CI); the checked-in digests still guard the texts",
)


def _load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _canonical(entries: list[dict]) -> list:
    return [
        [e["law"], e["title"], str(e["edition"]), str(e["effective"]),
         [[a["number"], a["heading"], a["paragraphs"]] for a in e["articles"]]]
        for e in entries
    ]


def _texts_digest(entries: list[dict]) -> str:
    blob = json.dumps(_canonical(entries), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@needs_shared
def test_every_paragraph_matches_the_shared_official_copy() -> None:
    ours = {(e["law"], a["number"]): a for e in _load(KB_FILE) for a in e["articles"]}
    official = {(e["law"], a["number"]): a for e in _load(SHARED_FILE) for a in e["articles"]}
    assert ours.keys() == official.keys()
    for where, art in official.items():
        assert ours[where]["heading"] == art["heading"], where
        assert len(ours[where]["paragraphs"]) == len(art["paragraphs"]), where
        for i, (mine, theirs) in enumerate(zip(ours[where]["paragraphs"], art["paragraphs"], strict=True), 1):
            assert mine == theirs, f"{where} paragraph {i} differs from shared/statutes"


@needs_shared
def test_titles_editions_dates_match_the_shared_copy() -> None:
    ours = {e["law"]: e for e in _load(KB_FILE)}
    official = {e["law"]: e for e in _load(SHARED_FILE)}
    assert list(ours) == list(official)
    for law_id, e in official.items():
        for field in ("title", "edition", "effective"):
            assert str(ours[law_id][field]) == str(e[field]), (law_id, field)


@needs_shared
def test_shared_copy_is_the_one_the_digests_were_taken_from() -> None:
    assert _texts_digest(_load(SHARED_FILE)) == OFFICIAL_TEXTS_SHA256


def test_texts_match_the_recorded_digest_without_shared() -> None:
    assert _texts_digest(_load(KB_FILE)) == OFFICIAL_TEXTS_SHA256, "the statute texts in kb/ were changed"


def test_file_matches_the_recorded_digest_without_shared() -> None:
    digest = hashlib.sha256(KB_FILE.read_bytes()).hexdigest()
    assert digest == OFFICIAL_FILE_SHA256, "kb/statutes/statutes.yaml is no longer a byte copy of the official file"


def test_loaded_knowledge_base_hands_out_the_file_texts_unaltered() -> None:
    entries = {e["law"]: e for e in _load(KB_FILE)}
    loaded = laws()
    assert list(loaded) == list(entries)
    for law_id, e in entries.items():
        lw = loaded[law_id]
        assert (lw.title, lw.edition, lw.effective.isoformat()) == (e["title"], str(e["edition"]), str(e["effective"]))
        assert sorted(lw.articles) == [a["number"] for a in e["articles"]]
        for a in e["articles"]:
            art = lw.articles[a["number"]]
            assert art.heading == a["heading"]
            assert [p.text for p in art.paragraphs] == a["paragraphs"]
            assert lookup(art.key).text == "\n".join(a["paragraphs"])
            for i, text in enumerate(a["paragraphs"], 1):
                assert lookup(f"{art.key}:{i}").text == text


def test_every_law_has_names() -> None:
    names = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8"))
    ids = [e["law"] for e in _load(KB_FILE)]
    assert sorted(names) == sorted(ids)
    for law_id in ids:
        entry = names[law_id]
        assert entry["short"] and entry["en"] and entry["aliases"], law_id
        title = next(e["title"] for e in _load(KB_FILE) if e["law"] == law_id)
        assert title in entry["aliases"] or title == entry["short"], f"{law_id}: full title missing from aliases"


def test_no_alias_names_two_laws() -> None:
    names = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for law_id, entry in names.items():
        for alias in {entry["short"], *entry["aliases"]}:
            assert seen.setdefault(alias, law_id) == law_id, f"{alias} names both {seen[alias]} and {law_id}"


def test_the_small_numeral_table_is_cn2ans_own() -> None:
    """kb/numerals.py keeps 0–99 as data so that loading the statutes needs no cn2an (issue 15 item 5); cn2an
    stays the authority: every entry is what it writes and reads, and numbers past the table go to it."""
    import cn2an

    from kb.numerals import SMALL, numeral, value

    assert len(SMALL) == 100
    for n, text in enumerate(SMALL):
        assert text == cn2an.an2cn(n) and value(text) == n == int(cn2an.cn2an(text, "strict"))
    assert numeral(584) == cn2an.an2cn(584) == "五百八十四" and value("一百二十一") == 121
    assert numeral(10**16) == str(10**16)
