"""`weiquan serve` at the HTTP level: headers, CSRF, limits, storage, export/import, errors, the CLI.

What a browser cannot show directly: the security headers, that a form without its CSRF token is
refused, that an oversized or aliased upload is refused with a message, that wrong codes are throttled,
that a crash shows an error id and no trace, that each answer is one row in a WAL-mode SQLite file.
"""

from __future__ import annotations

import html
import io
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.web_support import AS_OF, SEED, Consumer
from web.app import create_app


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(tmp_path, as_of=AS_OF), raise_server_exceptions=False) as c:
        yield c


def csrf(c: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', c.get("/").text).group(1)


def new_session(c: TestClient) -> tuple[str, str]:
    r = c.post("/new", data={"csrf": csrf(c)})
    assert r.status_code == 200
    return str(r.url), re.search(r'id="resume-code">([^<]+)<', r.text).group(1)


def post_answer(c: TestClient, base: str, key: str, value: str | list[str]) -> object:
    data: dict[str, object] = {"csrf": csrf(c), "key": key, "mode": "next"}
    data["values" if isinstance(value, list) else "value"] = value
    return c.post(base + "/answer", data=data)


def test_security_headers_on_every_page(client: TestClient) -> None:
    base, _ = new_session(client)
    for url in ("/", base, "/s/" + "x" * 32, "/static/htmx.min.js"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-content-type-options"] == "nosniff"
    page = client.get(base).text
    assert "<script src=\"/static/htmx.min.js\"" in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)  # no inline script
    assert "style=" not in page
    assert client.get(base).headers["cache-control"] == "no-store"


def test_post_without_csrf_token_is_refused(client: TestClient) -> None:
    base, _ = new_session(client)
    r = client.post(base + "/answer", data={"key": "product.category", "value": "phone"})
    assert r.status_code == 403
    r = client.post(base + "/answer", data={"key": "product.category", "value": "phone", "csrf": "forged"})
    assert r.status_code == 403
    assert 'data-key="product.category"' in client.get(base).text  # nothing was recorded


def test_token_and_code(client: TestClient) -> None:
    base, code = new_session(client)
    token = base.rsplit("/", 1)[1]
    assert len(token) >= 22 and re.fullmatch(r"[A-Za-z0-9_-]+", token)  # ≥128 bits of url-safe base64
    assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", code)
    r = client.post("/resume", data={"csrf": csrf(client), "code": code.lower()})
    assert str(r.url) == base


def test_wrong_codes_are_throttled(client: TestClient) -> None:
    _, code = new_session(client)
    token = csrf(client)
    for _ in range(10):
        r = client.post("/resume", data={"csrf": token, "code": "00000-00000"})
        assert r.status_code == 422 and 'id="code-error"' in r.text
    r = client.post("/resume", data={"csrf": token, "code": code})  # even the right one, for a minute
    assert r.status_code == 429 and 'id="code-error"' in r.text


def test_each_answer_is_one_row_and_back_undoes_it(client: TestClient, tmp_path: Path) -> None:
    base, _ = new_session(client)
    post_answer(client, base, "product.category", "wearable")
    post_answer(client, base, "product.model", "小米手环8")
    db = sqlite3.connect(tmp_path / "weiquan-web.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    token = base.rsplit("/", 1)[1]
    rows = db.execute("SELECT key, raw, undone FROM answers WHERE token = ? ORDER BY id", (token,)).fetchall()
    assert rows == [("start", None, 0), ("product.category", "wearable", 0), ("product.model", "小米手环8", 0)]
    client.post(base + "/back", data={"csrf": csrf(client)})
    assert 'data-key="product.model"' in client.get(base).text
    rows = db.execute("SELECT key, undone FROM answers WHERE token = ? ORDER BY id", (token,)).fetchall()
    assert rows[-1] == ("product.model", 1)  # kept, marked undone
    assert oct((tmp_path / "weiquan-web.sqlite3").stat().st_mode & 0o777) == "0o600"


def _walk(c: TestClient, base: str, typed: dict[str, str], until: str) -> object:
    """Answer the seed case up to the question `until`, typing `typed` where given; the last response."""
    who = Consumer(SEED, typed=typed)
    r = c.get(base)
    while (m := re.search(r'id="question" data-key="([^"]+)"', r.text)) and html.unescape(m.group(1)) != until:
        key = html.unescape(m.group(1))
        r = post_answer(c, base, key, who.answer(key))
        assert 'id="error"' not in r.text, (key, r.text)
    return r


def test_answers_are_parsed_as_in_the_terminal(client: TestClient) -> None:
    base, _ = new_session(client)
    typed = {"purchase.date": "2024年5月20日", "purchase.warranty_months": "12个月"}
    r = _walk(client, base, typed, until="fault.first_noticed")
    assert 'data-key="fault.first_noticed"' in r.text  # the two were accepted as typed
    r = post_answer(client, base, "fault.first_noticed", "2030-01-01")
    assert r.status_code == 422 and 'id="error"' in r.text and "2030-01-01" in r.text


def test_export_then_import_continues_the_same_case(client: TestClient) -> None:
    base, _ = new_session(client)
    r = _walk(client, base, {}, until="purchase.warranty_months")
    exported = client.get(base + "/export")
    assert exported.headers["content-disposition"].startswith("attachment")
    assert "weiquan-progress" in exported.text and "小米手环8" in exported.text
    r = client.post("/import", data={"csrf": csrf(client)}, files={"file": ("case.yaml", exported.content)})
    assert r.status_code == 200 and str(r.url) != base
    assert 'id="question" data-key="purchase.warranty_months"' in r.text  # continues where the export was


def test_bad_uploads_are_refused_with_a_message(client: TestClient) -> None:
    token = csrf(client)
    big = b"consumer:\n  name: " + b"x" * (1024 * 1024) + b"\n"
    r = client.post("/import", data={"csrf": token}, files={"file": ("big.yaml", big)})
    assert r.status_code == 413 and "1 MB" in r.text
    aliased = b"a: &x [1, 2]\nb: *x\n"
    r = client.post("/import", data={"csrf": token}, files={"file": ("a.yaml", aliased)})
    assert r.status_code == 422 and 'id="import-error"' in r.text
    typo = yaml.safe_dump({"product": {"modle": "x"}}).encode()
    r = client.post("/import", data={"csrf": token}, files={"file": ("t.yaml", typo)})
    assert r.status_code == 422 and "product.modle" in r.text
    r = client.post("/import", data={"csrf": token}, files={"file": ("b.yaml", b"a: [1,\n")})
    assert r.status_code == 422 and 'id="import-error"' in r.text
    assert "case.yaml: YAML 格式错误（第2行）" in r.text and "/tmp" not in r.text  # the line, never a server path


def test_a_crash_shows_an_error_id_not_a_trace(client: TestClient, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    base, _ = new_session(client)
    import web.interview

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(web.interview.Interview, "current", boom)
    r = client.get(base)
    assert r.status_code == 500
    assert "secret internals" not in r.text and "Traceback" not in r.text
    error_id = re.search(r"[0-9a-f]{8}", r.text.split('id="error-message"')[1]).group(0)
    assert any(error_id in rec.getMessage() for rec in caplog.records)
    assert r.headers["content-security-policy"]


def test_field_size_limit(client: TestClient) -> None:
    base, _ = new_session(client)
    post_answer(client, base, "product.category", "wearable")
    r = post_answer(client, base, "product.model", "x" * 5000)
    assert r.status_code == 422 and "2000" in r.text


def test_serve_binds_to_loopback_by_default() -> None:
    import cli

    result = CliRunner().invoke(cli.app, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output
    result = CliRunner().invoke(cli.app, ["serve", "--as-of", "2025-13-01"])
    assert result.exit_code == 2


def _seed_to_review(c: TestClient) -> str:
    """Import the seed case and answer what it leaves open; the session's address (at the review)."""
    r = c.post("/import", data={"csrf": csrf(c)}, files={"file": ("seed.yaml", SEED.read_bytes())})
    base = str(r.url)
    who = Consumer(SEED)
    while m := re.search(r'id="question" data-key="([^"]+)"', r.text):
        key = html.unescape(m.group(1))
        r = post_answer(c, base, key, who.answer(key))
    assert 'id="confirm"' in r.text
    return base


def test_verdict_page_holds_what_assess_md_says(client: TestClient) -> None:
    """Every line of `assess --format md` is on the page (nothing dropped by the cutting and reordering),
    the claims come first, folded, then the deadlines, then the channels."""
    from markdown_it import MarkdownIt

    from engine.assess import assess
    from engine.case import parse_case, read_data
    from views.verdict_view import render_md

    base = _seed_to_review(client)
    r = client.post(base + "/review", data={"csrf": csrf(client), "action": "confirm"})

    def text_of(markup: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", markup))

    page = re.sub(r"\s+", " ", text_of(r.text))
    v = assess(parse_case(read_data(SEED), as_of=AS_OF), AS_OF, "zh")
    md_text = text_of(MarkdownIt("commonmark", {"html": False}).enable("table").render(render_md(v)))
    lines = [re.sub(r"\s+", " ", x).strip() for x in md_text.splitlines()]
    assert len([x for x in lines if x]) > 30
    for line in filter(None, lines):
        assert line in page
    for f in v.findings:
        for key in f.quotes or f.cites:
            assert v.citations[key].text in page  # the article, word for word
    ids = re.findall(r'<section id="([a-z-]+)"', r.text)
    assert ids[:3] == ["claims", "deadlines", "channels"]
    assert r.text.count('<article class="claim') == len(v.findings)
    assert "<details" in r.text.split('id="deadlines"')[0]  # the why is folded


def test_review_removes_an_item(client: TestClient) -> None:
    base = _seed_to_review(client)
    page = client.get(base).text
    assert page.count('value="remove:interactions:') == 3
    r = client.post(base + "/review", data={"csrf": csrf(client), "action": "remove:interactions:1"})
    while m := re.search(r'id="question" data-key="([^"]+)"', r.text):  # what the removal re-opens
        key = html.unescape(m.group(1))
        r = post_answer(client, base, key, "no" if "+" in key else Consumer(SEED).answer(key))
    assert r.text.count('value="remove:interactions:') == 2


def test_every_pdf_a_server_drafts_has_all_its_characters(client: TestClient) -> None:
    """One server process drafts many letters: each pdf's embedded font must hold its own characters
    (two font subsets once shared a name, and the second letter lost the glyphs the first lacked)."""
    from pypdf import PdfReader

    base = _seed_to_review(client)
    client.post(base + "/review", data={"csrf": csrf(client), "action": "confirm"})
    client.post(base + "/review", data={"csrf": csrf(client), "action": "letters"})
    names = {"seller": "小米商城", "manufacturer": "小米通讯技术有限公司"}
    for kind, to in (("demand", "seller"), ("demand", "manufacturer"), ("complaint", "seller")):
        r = client.get(f"{base}/letter/{kind}/{to}/pdf")
        assert r.status_code == 200 and r.content[:5] == b"%PDF-"
        text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(r.content)).pages)
        assert "\x00" not in text
        assert "王某" in text and names[to] in text


def test_documents_download_in_every_format(client: TestClient) -> None:
    base = _seed_to_review(client)
    r = client.get(base + "/letter/demand/seller/md")
    assert r.status_code == 422 or "王某" in r.text  # before the review is confirmed it may still draft
    client.post(base + "/review", data={"csrf": csrf(client), "action": "confirm"})
    client.post(base + "/review", data={"csrf": csrf(client), "action": "letters"})
    magic = {"pdf": b"%PDF-", "docx": b"PK\x03\x04"}
    for fmt in ("pdf", "docx", "md", "txt"):
        r = client.get(f"{base}/letter/complaint/seller/{fmt}")
        assert r.status_code == 200
        assert r.headers["content-disposition"].startswith("attachment")
        if fmt in magic:
            assert r.content.startswith(magic[fmt])
        else:
            assert "王某" in r.text and "小米商城" in r.text
    assert client.get(f"{base}/letter/complaint/manufacturer/pdf").status_code == 404
    assert client.get(f"{base}/letter/demand/seller/exe").status_code == 404


@pytest.mark.parametrize(("channel", "day", "offered"), [
    ("third_party_online", "2025-06-05", True),  # bought at a distance, asked within seven days: 消保法第二十五条
    ("third_party_online", "2025-06-20", False),  # after the seventh day
    ("offline_store", "2025-06-03", False),  # not a distance sale
])
def test_a_choice_is_offered_as_in_the_terminal(channel: str, day: str, offered: bool) -> None:
    """The web lists a choice question as `ask` does: the question's own labels, and a choice only where its
    `choice_when` holds (a seven-day return request only for a distance sale, within the seven days)."""
    import datetime as dt

    from questionnaire.draft import Draft
    from questionnaire.prompts import choice_options
    from web.interview import Interview
    from web.store import State

    interview = Interview()
    data = {"version": 2, "purchase": {"channel": channel, "date": "2025-06-01"}, "interactions": [{"date": day}]}
    state = State(Draft(data, ["purchase.channel", "purchase.date", "interactions+0", "interactions[0].date"]))
    step = interview.find(state, "interactions[0].kind")
    assert step is not None
    for lang in ("zh", "en"):
        screen = interview.question(state, step, dt.date(2025, 7, 1), lang)
        shown = [(o.value, o.label) for o in screen.options]
        assert shown == [(v, text) for text, v in choice_options(step, state.draft, lang)]
        assert ("return_request" in dict(shown)) is offered
    assert ("refusal", "对方拒绝处理") in [(o.value, o.label) for o in interview.question(
        state, step, dt.date(2025, 7, 1), "zh").options]


def test_next_without_a_choice_asks_for_one(client: TestClient) -> None:
    """A form sent with no choice ticked (the radio's field is then absent) asks for a choice; it never echoes
    an internal value back ("None" is not one of the choices)."""
    base, _ = new_session(client)
    key = re.search(r'name="key" value="([^"]+)"', client.get(base).text).group(1)
    r = client.post(base + "/answer", data={"csrf": csrf(client), "key": key, "mode": "next"})
    assert r.status_code == 422
    assert "None" not in r.text and "请选择" in r.text


def test_demand_choices_say_what_is_only_a_request() -> None:
    """The web lists the demands as ask does: a newer model or an apology is marked as only a request (§2a)."""
    import datetime as dt

    from questionnaire.draft import Draft
    from questionnaire.prompts import choice_text
    from web.interview import Interview
    from web.store import State

    interview = Interview()
    state = State(Draft({"version": 2}, []))
    step = interview.find(state, "demands")
    assert step is not None
    screen = interview.question(state, step, dt.date(2025, 7, 1), "zh")
    shown = {o.value: o.label for o in screen.options}
    assert shown == {v: choice_text(step.question, v, "zh") for v in step.question.options()}
    assert shown["free_replacement_newer_model"] != step.question.label("free_replacement_newer_model", "zh")
