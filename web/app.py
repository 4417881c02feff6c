"""`weiquan serve`: the questionnaire, the verdict and the letters as server-rendered pages.

Every page works without JavaScript (forms post, the server redirects to the session's one address);
the vendored htmx only makes moving between screens smoother (hx-boost). A session is reachable only
through its token (192 bits) or, once looked up, its short code. The handlers run one at a time on the
event loop: the rule engine keeps one durable-rules session per process and is not to be entered by
two threads at once, and a screen takes a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import urllib.parse
from pathlib import Path
from typing import Any

import yaml
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.datastructures import FormData, UploadFile

from engine.errors import InputError
from kb.bilingual import code, pick
from web import safety
from web.interview import Interview, Screen
from web.store import State, Store, show_code
from web.texts import t

log = logging.getLogger("weiquan.web")
LANG_COOKIE = "wq_lang"
KINDS = (("demand", ("seller", "manufacturer")), ("complaint", ("seller",)))
FORMATS = ("pdf", "docx", "md", "txt")
_MIME = {"pdf": "application/pdf", "md": "text/markdown; charset=utf-8", "txt": "text/plain; charset=utf-8",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "yaml": "application/yaml; charset=utf-8"}


def default_data_dir() -> Path:
    """The user's data folder for this program (~/.local/share/weiquan on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("weiquan", appauthor=False))


def create_app(data: Path | None = None, as_of: dt.date | None = None) -> FastAPI:
    """The application; `as_of` fixes the assessment date (tests, benchmarks), else it is each day's date."""
    store = Store(data or default_data_dir())
    interview = Interview()
    throttle = safety.Throttle(limit=10, window=60.0)
    env = Environment(loader=PackageLoader("web", "templates"), autoescape=select_autoescape(["j2", "html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["t"] = t
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.mount("/static", StaticFiles(packages=[("web", "static")]), name="static")

    def today() -> dt.date:
        return as_of or dt.date.today()

    def lang_of(request: Request) -> str:
        return "en" if request.cookies.get(LANG_COOKIE) == "en" else "zh"

    def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        lang = lang_of(request)
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        colon = pick(lang, "：", ": ")
        html = env.get_template(template).render(lang=lang, csrf=request.state.csrf, here=here, colon=colon, **ctx)
        return HTMLResponse(html, status_code=status)

    def session_or_404(token: str) -> State:
        if len(token) > 64:
            raise HTTPException(404)
        state = store.state(token)
        if state is None:
            raise HTTPException(404)
        return state

    async def form(request: Request, limit: int = safety.MAX_FORM) -> FormData:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > limit + 4096:
            raise HTTPException(413)
        got = await request.form(max_files=1, max_fields=200, max_part_size=limit + 1)
        if not safety.csrf_ok(request.cookies.get(safety.CSRF_COOKIE), str(got.get(safety.CSRF_FIELD) or "")):
            raise HTTPException(403)
        return got

    def go(token: str, anchor: str = "") -> RedirectResponse:
        return RedirectResponse(f"/s/{token}{anchor}", status_code=303)

    def links(request: Request, token: str) -> dict[str, str]:
        base = str(request.base_url).rstrip("/")
        return {"link": f"{base}/s/{token}", "code": show_code(store.code(token) or "")}

    # ── middleware: headers, the CSRF cookie ───────────────────────────────────────────────────────
    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        cookie = request.cookies.get(safety.CSRF_COOKIE)
        request.state.csrf = cookie or safety.new_csrf()
        response = await call_next(request)
        for k, v in safety.HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/s/") or request.url.path == "/":
            response.headers["Cache-Control"] = "no-store"
        if not cookie:
            response.set_cookie(safety.CSRF_COOKIE, request.state.csrf, httponly=True, samesite="lax",
                                secure=request.url.scheme == "https", path="/")
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if not hasattr(request.state, "csrf"):
            request.state.csrf = ""
        lang = lang_of(request)
        message = {403: t("csrf", lang), 413: t("too_large", lang)}.get(exc.status_code, t("not_found", lang))
        if exc.status_code not in (403, 404, 413):
            message = t("bad_request", lang, why=str(exc.detail))
        return page(request, "error.html.j2", status=exc.status_code, message=message)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        error_id = secrets.token_hex(4)
        log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
        lang = lang_of(request)
        if not hasattr(request.state, "csrf"):
            request.state.csrf = ""
        response = page(request, "error.html.j2", status=500, message=t("error", lang, id=error_id))
        response.headers.update(safety.HEADERS)
        return response

    # ── home: start, resume by code, import ───────────────────────────────────────────────────────
    @app.get("/", response_class=HTMLResponse)
    async def home(request: Request) -> Response:
        return page(request, "home.html.j2")

    @app.get("/lang/{lang}")
    async def switch(request: Request, lang: str, next: str = "/") -> Response:
        target = next if next.startswith("/") and not next.startswith("//") and "\\" not in next else "/"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(LANG_COOKIE, code(lang), samesite="lax", path="/",
                            max_age=365 * 86400)
        return response

    @app.post("/new")
    async def new(request: Request) -> Response:
        await form(request)
        token, _ = store.create()
        return go(token)

    @app.post("/resume")
    async def resume(request: Request) -> Response:
        got = await form(request)
        client = request.client.host if request.client else "?"
        lang = lang_of(request)
        code = str(got.get("code") or "")[:64]
        if throttle.blocked(client):
            return page(request, "home.html.j2", status=429, code_error=t("too_many", lang), code=code)
        token = store.by_code(code)
        if token is None:
            throttle.fail(client)
            return page(request, "home.html.j2", status=422, code_error=t("bad_code", lang), code=code)
        return go(token)

    @app.post("/import")
    async def import_case(request: Request) -> Response:
        got = await form(request, limit=safety.MAX_UPLOAD)
        lang = lang_of(request)
        upload = got.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return page(request, "home.html.j2", status=422, import_error=t("no_file", lang))
        body = await upload.read(safety.MAX_UPLOAD + 1)
        if len(body) > safety.MAX_UPLOAD:
            return page(request, "home.html.j2", status=413, import_error=t("too_large", lang))
        got = _read_import(body, lang)
        if isinstance(got, list):  # the messages why it cannot be used
            return page(request, "home.html.j2", status=422, import_error=pick(lang, "；", "; ").join(got))
        token, _ = store.create(State(got), key="import", raw=None)
        return go(token)

    def _read_import(body: bytes, lang: str) -> Any:
        """The uploaded file as a draft (store.load_text, then recheck: held to the typed answers' rules), or
        the messages why it cannot be used."""
        from questionnaire.store import load_text, recheck

        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return [t("not_utf8", lang)]
        try:
            if safety.has_aliases(text):
                return [t("aliases", lang)]
        except yaml.YAMLError:  # a syntax error: load_text() below words it properly, with the line
            pass
        try:
            draft = load_text(text, "case.yaml", interview.qn, lang)
            recheck(interview.qn, draft, today(), lang, source="")
        except InputError as e:
            return list(e.messages)
        return draft

    # ── the interview ───────────────────────────────────────────────────────────────────────────
    @app.get("/s/{token}", response_class=HTMLResponse)
    async def screen(request: Request, token: str) -> Response:
        state = session_or_404(token)
        lang = lang_of(request)
        where, step = interview.current(state, today(), lang)
        if where == "question":
            phase = "letter" if state.confirmed and state.letters else "verdict"
            typed = None if state.draft.is_answered(step.key) else store.last_typed(token, step.key)
            s = interview.question(state, step, today(), lang, typed=typed, phase=phase)
            return question_page(request, token, s)
        if where == "review":
            return page(request, "review.html.j2", token=token, s=interview.review(state, lang),
                        can_back=store.count(token) > 0, **links(request, token))
        return verdict_page(request, token, state)

    def question_page(request: Request, token: str, s: Screen, status: int = 200, mode: str = "next") -> Response:
        response = page(request, "question.html.j2", status=status, token=token, s=s, mode=mode,
                        can_back=store.count(token) > 0, **links(request, token))
        if status != 200:
            response.headers["HX-Push-Url"] = "false"
        return response

    @app.get("/s/{token}/answer")
    async def answer_get(token: str) -> Response:
        session_or_404(token)
        return go(token)

    @app.post("/s/{token}/answer")
    async def answer_post(request: Request, token: str) -> Response:
        state = session_or_404(token)
        got = await form(request)
        lang = lang_of(request)
        key = str(got.get("key") or "")
        mode = "change" if got.get("mode") == "change" else "next"
        fields = {"value": got.get("value"), "values": got.getlist("values")}
        if mode == "change":
            step = interview.find(state, key)
            if step is None or step.control or not state.draft.is_answered(key):
                return go(token)
        else:
            where, step = interview.current(state, today(), lang)
            if where != "question" or step.key != key:  # a stale page (double submit, an old tab)
                return go(token)
        error, typed = interview.submit(state, step, fields, today(), lang)
        if error:
            phase = "letter" if state.confirmed and state.letters else "verdict"
            s = interview.question(state, step, today(), lang, typed=typed, error=error, phase=phase)
            return question_page(request, token, s, status=422, mode=mode)
        if mode == "change":
            state.confirmed = False
        interview.current(state, today(), lang)  # fill what follows automatically before saving
        store.record(token, key, typed, state)
        return go(token)

    @app.get("/s/{token}/change", response_class=HTMLResponse)
    async def change(request: Request, token: str, key: str = "") -> Response:
        state = session_or_404(token)
        step = interview.find(state, key)
        if step is None or step.control or not state.draft.is_answered(key):
            return go(token)
        phase = "letter" if step.mode == "letter" else "verdict"
        s = interview.question(state, step, today(), lang_of(request), phase=phase)
        return question_page(request, token, s, mode="change")

    @app.post("/s/{token}/back")
    async def back(request: Request, token: str) -> Response:
        session_or_404(token)
        await form(request)
        store.undo(token)
        return go(token)

    @app.post("/s/{token}/review")
    async def review(request: Request, token: str) -> Response:
        state = session_or_404(token)
        got = await form(request)
        lang = lang_of(request)
        action = str(got.get("action") or "")
        if action == "confirm":
            problems = interview.check(state, today(), lang)
            if problems:
                return page(request, "review.html.j2", status=422, token=token,
                            s=interview.review(state, lang, problems), can_back=True, **links(request, token))
            state.confirmed = True
        elif action.startswith("remove:"):
            loop, _, index = action[len("remove:"):].partition(":")
            if not index.isdigit() or not interview.remove(state, loop, int(index)):
                return go(token)
        elif action.startswith("add:"):
            if not interview.add(state, action[len("add:"):]):
                return go(token)
        elif action == "edit":
            state.confirmed = False
        elif action == "letters":
            state.letters = True
        else:
            return go(token)
        store.record(token, action, None, state)
        return go(token)

    # ── the end: verdict, documents, export ─────────────────────────────────────────────────────────
    def verdict_page(request: Request, token: str, state: State) -> Response:
        from engine.assess import assess
        from web.verdict_page import page as arrange

        lang = lang_of(request)
        try:
            case = interview.case(state, today(), lang)
        except InputError as e:  # answers valid one by one but not together (a date moved by a change)
            state.confirmed = False
            return page(request, "review.html.j2", status=422, token=token,
                        s=interview.review(state, lang, list(e.messages)), can_back=True, **links(request, token))
        verdict = assess(case, today(), lang)
        documents = [(kind, tos) for kind, tos in KINDS] if state.letters else []
        v = arrange(verdict)
        return page(request, "verdict.html.j2", token=token, v=v, notice=v["notice"], letters=state.letters,
                    documents=documents, formats=FORMATS, can_back=True, **links(request, token))

    @app.get("/s/{token}/export")
    async def export(request: Request, token: str) -> Response:
        from questionnaire.store import render

        state = session_or_404(token)
        text = render(state.draft, lang_of(request))
        return Response(text.encode("utf-8"), media_type=_MIME["yaml"],
                        headers={"Content-Disposition": _attachment("weiquan-case.yaml")})

    @app.get("/s/{token}/letter/{kind}/{to}/{fmt}")
    async def letter(request: Request, token: str, kind: str, to: str, fmt: str) -> Response:
        import letters

        state = session_or_404(token)
        if (kind, to) not in {(k, x) for k, tos in KINDS for x in tos} or fmt not in FORMATS:
            raise HTTPException(404)
        lang = lang_of(request)
        try:
            case = interview.case(state, today(), lang)
            from engine.assess import assess

            verdict = assess(case, today(), lang)
            data = letters.draft(case, verdict, kind=kind, to=to, fmt=fmt, lang=lang, today=today())
        except InputError as e:
            return page(request, "error.html.j2", status=422,
                        message=t("download_failed", lang, why="; ".join(e.messages)), token=token)
        from questionnaire.ending import default_name

        name = default_name(Path("weiquan"), kind, fmt, lang)
        if kind == "demand":
            name = name.replace(f".{fmt}", f"-{to}.{fmt}")
        return Response(data, media_type=_MIME[fmt], headers={"Content-Disposition": _attachment(name)})

    return app


def _attachment(name: str) -> str:
    """A download's Content-Disposition, with an ASCII fallback and the UTF-8 name (RFC 6266)."""
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{urllib.parse.quote(name)}"
