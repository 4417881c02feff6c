"""`weiquan serve` in a real browser on a phone-sized screen (issue 12 §6): Debian's chromium driven by
Playwright, against the app under uvicorn on a loopback port.

The seed case is typed end to end as a consumer would (dates as 2024/5/20, prices as 6折), a screenshot
of each screen going to test-artefacts/web/, and ends in a downloaded pdf whose text names the consumer
and the seller. The other tests cover Back, resuming (reload, link, code, a server restart), a change at
the review, a bad date shown beside its field, the English switch, an XSS string kept verbatim in page
and letter, and a wrong token's 404.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, sync_playwright

from questionnaire.scripted import plain_text, question_for
from questionnaire.spec import questionnaire
from tests.web_support import ROOT, SEED, Consumer, server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "test-artefacts" / "web"
XSS = '<script>alert("x")</script>{{7*7}}'


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with server(tmp_path_factory.mktemp("web-data")) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  accept_downloads=True, locale="zh-CN")
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    # a refused resource (the 422 of a bad answer, a 404 asked for) is the test's own business; a script
    # error or a CSP violation is not
    pg.on("console", lambda m: errors.append(m.text)
          if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    yield pg
    assert not dialogs, f"a script ran: {dialogs}"
    assert not errors, f"console errors (CSP?): {errors}"
    context.close()


def swap(pg: Page, action: Any) -> None:
    """Do `action` (a click) and wait until the screen was replaced (htmx swaps <main> with the body)."""
    old = pg.query_selector("main")
    action()
    pg.wait_for_function("el => !el.isConnected", arg=old)
    pg.wait_for_selector("main")


def key_of(pg: Page) -> str | None:
    h = pg.query_selector("#question")
    return h.get_attribute("data-key") if h else None


def fill(pg: Page, key: str, value: str | list[str]) -> None:
    """Put one answer in the form as a person would: tap a choice, tick boxes, or type."""
    if isinstance(value, list):
        for box in pg.query_selector_all("input[name=values]"):
            if (box.get_attribute("value") in value) != box.is_checked():
                box.click()
    elif pg.query_selector("input[name=value][type=radio]"):
        pg.click(f"input[name=value][value='{value}']")
    else:
        pg.fill("#value", value)


def answer(pg: Page, value: str | list[str]) -> None:
    fill(pg, key_of(pg) or "", value)
    swap(pg, lambda: pg.click("#next"))


def run_questions(pg: Page, who: Consumer, shots: str | None = None, start: int = 0) -> list[str]:
    """Answer every question shown until another screen comes; the keys asked."""
    asked: list[str] = []
    while (key := key_of(pg)) is not None:
        asked.append(key)
        if shots:
            name = re.sub(r"[^\w]+", "_", key)
            pg.screenshot(path=str(SHOTS / f"{shots}-{start + len(asked):02d}-{name}.png"), full_page=True, caret="initial")
        answer(pg, who.answer(key))
        assert not pg.query_selector("#error"), f"{key}: {pg.inner_text('#error')}"
    return asked


def start(pg: Page, base: str) -> str:
    pg.goto(base + "/")
    swap(pg, lambda: pg.click("#start"))
    assert "/s/" in pg.url
    return pg.url


def import_case(pg: Page, base: str, case: dict[str, Any]) -> None:
    pg.goto(base + "/")
    text = yaml.safe_dump(case, allow_unicode=True, sort_keys=False)
    pg.set_input_files("#file", files=[{"name": "case.yaml", "mimeType": "application/yaml",
                                        "buffer": text.encode("utf-8")}])
    swap(pg, lambda: pg.click("form[action='/import'] button"))
    assert "/s/" in pg.url, pg.inner_text("main")


def seed() -> dict[str, Any]:
    return yaml.safe_load(SEED.read_text(encoding="utf-8"))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


# ── the seed case, end to end ──────────────────────────────────────────────────────────────────────

def test_seed_case_end_to_end_to_a_pdf(page: Page, base: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("seed-*.png"):
        old.unlink()
    who = Consumer(SEED)
    page.goto(base + "/")
    page.screenshot(path=str(SHOTS / "seed-00-home.png"), full_page=True, caret="initial")
    swap(page, lambda: page.click("#start"))
    asked = run_questions(page, who, shots="seed")
    assert asked[:3] == ["product.category", "product.model", "purchase.date"]
    assert len(asked) >= 20
    # the review lists the answers; the seed's model is among them
    assert page.query_selector("#confirm")
    assert "小米手环8" in page.inner_text("#review")
    page.screenshot(path=str(SHOTS / "seed-90-review.png"), full_page=True, caret="initial")
    swap(page, lambda: page.click("#confirm"))
    # the verdict: claims first, each with its strength, the why folded
    claims = page.query_selector_all("#claims article.claim")
    assert claims
    assert page.query_selector("#claims details:not([open])")
    order = [s.get_attribute("id") for s in page.query_selector_all("main > section[id]")]
    assert order[:3] == ["claims", "deadlines", "channels"]
    assert page.inner_text("#claims .badge") in ("有力", "可争取", "较弱")
    page.screenshot(path=str(SHOTS / "seed-91-verdict.png"), full_page=True, caret="initial")
    page.screenshot(path=str(SHOTS / "seed-91-verdict-top.png"), caret="initial")
    claims[0].query_selector("summary").click()
    assert claims[0].query_selector("blockquote").is_visible()
    # the letter's details, then the pdf
    swap(page, lambda: page.click("#want-letters"))
    letter_keys = run_questions(page, who, shots="seed-letter")
    assert "consumer.name" in letter_keys and "purchase.seller" in letter_keys
    page.screenshot(path=str(SHOTS / "seed-92-documents.png"), full_page=True, caret="initial")
    with page.expect_download() as got:
        page.click("#dl-demand-seller-pdf")
    pdf = Path(got.value.path())
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = pdf_text(pdf)
    assert "王某" in text and "小米商城" in text
    assert got.value.suggested_filename.endswith(".pdf")
    print(f"seed case: {len(asked)} questions for the verdict, {len(letter_keys)} more for the letter")


# ── Back, resume, change ───────────────────────────────────────────────────────────────────────────

def test_back_undoes_the_last_answer(page: Page, base: str) -> None:
    start(page, base)
    assert key_of(page) == "product.category"
    answer(page, "wearable")
    assert key_of(page) == "product.model"
    answer(page, "小米手环8")
    assert key_of(page) == "purchase.date"
    swap(page, lambda: page.click("#back"))
    assert key_of(page) == "product.model"
    assert page.input_value("#value") == "小米手环8"  # what was typed is offered again
    assert "已答 1 题" in page.inner_text("#progress")
    swap(page, lambda: page.click("#back"))
    assert key_of(page) == "product.category"
    assert page.is_checked("input[value=wearable]")
    assert not page.query_selector("#back")  # nothing left to undo
    answer(page, "phone")
    assert key_of(page) == "product.model"


def test_reload_and_resume_by_link_code_and_restart(browser: Browser, page: Page, tmp_path: Path) -> None:
    with server(tmp_path) as base:
        link = start(page, base)
        for v in ("wearable", "小米手环8", "2024/5/20"):
            answer(page, v)
        where = key_of(page)
        page.reload()
        assert key_of(page) == where
        code = page.inner_text("#resume-code")
        assert page.get_attribute("#resume-link", "href") == link
        other = browser.new_context(viewport={"width": 390, "height": 844})
        p2 = other.new_page()
        p2.goto(link)
        assert key_of(p2) == where
        p2.goto(base + "/")
        p2.fill("#code", code.lower().replace("-", " "))  # as someone might copy it down
        swap(p2, lambda: p2.click("form[action='/resume'] button"))
        assert p2.url == link and key_of(p2) == where
        p2.goto(base + "/")
        p2.fill("#code", "ZZZZZ-ZZZZZ")
        swap(p2, lambda: p2.click("form[action='/resume'] button"))
        assert p2.query_selector("#code-error") and p2.get_attribute("#code", "aria-invalid") == "true"
        other.close()
    with server(tmp_path) as base2:  # a server restart on the same data folder
        page.goto(link.replace(link.split("/s/")[0], base2))
        assert key_of(page) == where


def _to_review(page: Page, who: Consumer) -> None:
    run_questions(page, who)
    assert page.query_selector("#confirm"), page.inner_text("main")


def test_change_at_review_reasks_what_depends_on_it(page: Page, base: str) -> None:
    who = Consumer(SEED)
    import_case(page, base, seed())
    _to_review(page, who)
    swap(page, lambda: page.click("#confirm"))
    before = page.inner_text(".top")
    swap(page, lambda: page.click("#edit"))
    entry = page.query_selector("#review a[data-key='purchase.warranty_months']")
    assert "12" in entry.inner_text()
    swap(page, lambda: entry.click())
    assert key_of(page) == "purchase.warranty_months" and page.input_value("#value") == "12"
    answer(page, "24")
    in_warranty = dict(who.case, purchase={**who.case["purchase"], "warranty_months": 24})
    _to_review(page, Consumer(in_warranty))
    assert "24" in page.inner_text("#review a[data-key='purchase.warranty_months']")
    swap(page, lambda: page.click("#confirm"))
    assert page.inner_text(".top") != before


# ── errors, language, safety ──────────────────────────────────────────────────────────────────────

def test_bad_date_is_shown_beside_the_field(page: Page, base: str) -> None:
    start(page, base)
    answer(page, "wearable")
    answer(page, "小米手环8")
    assert key_of(page) == "purchase.date"
    fill(page, "purchase.date", "2024/2/30")
    swap(page, lambda: page.click("#next"))
    assert key_of(page) == "purchase.date"
    err = page.query_selector("form.question #error")
    assert err and "2024" in err.inner_text() and "30" in err.inner_text()
    assert page.get_attribute("#value", "aria-invalid") == "true"
    assert page.input_value("#value") == "2024/2/30"  # nothing typed is lost
    box, ebox = page.query_selector("#value").bounding_box(), err.bounding_box()
    assert 0 <= ebox["y"] - (box["y"] + box["height"]) < 120  # right under the field, on screen
    assert ebox["y"] + ebox["height"] < 844
    page.screenshot(path=str(SHOTS / "bad-date.png"), full_page=True, caret="initial")
    answer(page, "2024/5/20")
    assert key_of(page) != "purchase.date"


def test_english_switch(page: Page, base: str) -> None:
    start(page, base)
    qn = questionnaire()
    q, _, _ = question_for(qn, "product.category")
    assert page.inner_text("#question") == plain_text(q, "zh")
    swap(page, lambda: page.click("#lang-switch"))
    assert key_of(page) == "product.category"
    assert page.inner_text("#question") == plain_text(q, "en")
    assert page.inner_text("#lang-switch") == "中文"
    answer(page, "wearable")
    assert re.search(r"about \d+ more", page.inner_text("#progress"))
    page.screenshot(path=str(SHOTS / "english.png"), full_page=True, caret="initial")


def test_xss_string_is_kept_verbatim_in_page_and_letter(page: Page, base: str) -> None:
    case = copy.deepcopy(seed())
    case["consumer"]["name"] = XSS
    who = Consumer(case)
    import_case(page, base, case)
    _to_review(page, who)
    assert XSS in page.inner_text("#review")
    assert "<script>alert" not in page.content()
    swap(page, lambda: page.click("#confirm"))
    swap(page, lambda: page.click("#want-letters"))
    run_questions(page, who)
    for link in ("#dl-demand-seller-txt", "#dl-complaint-seller-txt"):
        with page.expect_download() as got:
            page.click(link)
        assert XSS in Path(got.value.path()).read_text(encoding="utf-8")  # not run, not rendered as 49
    with page.expect_download() as got:
        page.click("#dl-demand-manufacturer-pdf")
    assert XSS in pdf_text(Path(got.value.path())).replace("\n", "")


def test_wrong_token_is_404(page: Page, base: str) -> None:
    link = start(page, base)
    token = link.rsplit("/", 1)[1]
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = page.goto(f"{base}/s/{wrong}")
    assert response.status == 404
    assert page.query_selector("#error-message")
    assert page.goto(f"{base}/s/{wrong}/export").status == 404
    assert page.goto(f"{base}/s/{wrong}/letter/demand/seller/pdf").status == 404


def test_pages_work_without_javascript(browser: Browser, base: str) -> None:
    """htmx only smooths the moves: with scripts off every form posts and the server redirects."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base + "/")

    def submit(selector: str) -> None:
        with pg.expect_navigation():
            pg.click(selector)

    submit("#start")
    assert key_of(pg) == "product.category"
    pg.click("input[value=wearable]")
    submit("#next")
    pg.fill("#value", "小米手环8")
    submit("#next")
    pg.fill("#value", "2024/13/1")
    submit("#next")
    assert key_of(pg) == "purchase.date" and pg.query_selector("#error")
    pg.fill("#value", "2024/5/20")
    submit("#next")
    assert key_of(pg) not in ("purchase.date", None)
    submit("#back")
    assert key_of(pg) == "purchase.date" and pg.input_value("#value") == "2024/5/20"
    context.close()
