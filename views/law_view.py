"""How `weiquan law` shows the statutes: the list of laws, a law's articles, one text, search hits.

The statute words are printed exactly as the knowledge base holds them, always in Chinese; only the
framing (headings, labels, messages) follows `--lang`. Every text is shown with the law's full title,
edition and effective date, because a quotation without its edition is how wrong numbering spreads.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text

from kb.bilingual import T, pick
from kb.browse import Hit
from kb.laws import Citation, Law, laws
from views.term import pad, show, show_json

HEADING = "bold cyan"
MATCH = "bold reverse"
DIM = "dim"


def _frame(lw: Law, lang: str) -> Text:
    return Text.assemble((pick(lang, f"《{lw.title}》", lw.en), "bold"),
                         pick(lang, f"（{lw.edition}，{lw.effective} 起施行）",
                              f" ({lw.title}), edition {lw.edition}, in force from {lw.effective}"))


def law_json(lw: Law) -> dict[str, Any]:
    return {
        "id": lw.id, "title": lw.title, "short": lw.short, "en": lw.en, "edition": lw.edition,
        "effective": lw.effective.isoformat(), "articles": len(lw.articles),
    }


def citation_json(c: Citation) -> dict[str, Any]:
    """CONTRACT §4: the text exactly as in statutes/, one entry per paragraph."""
    if c.paragraph is None:
        paragraphs = [p.text for p in c.article.paragraphs]
    else:
        paragraphs = [c.text]
    return {
        "key": c.key, "law": c.law.title, "edition": c.law.edition, "effective": c.law.effective.isoformat(),
        "heading": c.heading, "paragraphs": paragraphs,
    }


_LAW_COLUMNS = (T("编号", "id"), T("名称", "title"), T("简称", "short name"), T("版本", "edition"),
                T("施行日期", "in force"), T("收录条文", "articles held"))
_LAW_HINT = T("查看某部法律的条文：weiquan law crpl　查看一条：weiquan law crpl 24　检索：weiquan law --search 召回",
              "Show a law's articles: weiquan law crpl   one article: weiquan law crpl 24   search: weiquan law --search 召回")


def render_laws(fmt: str, lang: str) -> None:
    all_laws = list(laws().values())
    if fmt == "json":
        show_json([law_json(lw) for lw in all_laws])
        return
    head = [h(lang) for h in _LAW_COLUMNS]
    rows = [(lw.id, pick(lang, lw.title, lw.en), lw.short, lw.edition, lw.effective.isoformat(),
             str(len(lw.articles))) for lw in all_laws]
    widths = [max(cell_len(head[i]), *(cell_len(r[i]) for r in rows)) for i in range(len(head))]
    lines = [Text("  ".join(pad(h, w) for h, w in zip(head, widths, strict=True)).rstrip(), style=HEADING)]
    lines += [Text("  ".join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip()) for r in rows]
    lines.append(Text(_LAW_HINT(lang), style=DIM))
    show(lines)


def render_articles(lw: Law, fmt: str, lang: str) -> None:
    if fmt == "json":
        show_json({**law_json(lw), "articles": [
            {"key": a.key, "heading": a.heading, "first_sentence": a.first_sentence} for a in lw.articles.values()
        ]})
        return
    lines = [_frame(lw, lang)]
    held = pick(lang, f"知识库收录 {len(lw.articles)} 条（显示每条第一句）：",
                f"{len(lw.articles)} articles held in the knowledge base (first sentence shown):")
    lines.append(Text(held, style=DIM))
    width = max(cell_len(a.heading) for a in lw.articles.values())
    for a in lw.articles.values():
        lines.append(Text.assemble((pad(a.heading, width), HEADING), "  ", a.first_sentence))
    show(lines)


def render_citation(c: Citation, fmt: str, lang: str) -> None:
    if fmt == "json":
        show_json(citation_json(c))
        return
    lines = [_frame(c.law, lang)]
    title = Text(c.heading, style=HEADING)
    title.append(pick(lang, f"  （{c.key}）", f"  ({c.key}; the statute text is the official Chinese)"), style=DIM)
    lines.append(title)
    if c.paragraph is None:
        lines += [Text(p.text) for p in c.article.paragraphs]
    else:
        lines.append(Text(c.text))
    show(lines)


def render_search(hits: list[Hit], words: list[str], fmt: str, lang: str) -> None:
    if fmt == "json":
        show_json([{**citation_json(_whole(h)), "matched_paragraphs": list(h.paragraphs)} for h in hits])
        return
    quoted = "、".join(f"「{w}」" for w in words)
    if not hits:
        show([Text(pick(lang, f"没有条文同时包含{quoted}。", f"No article contains {quoted}."))])
        return
    lines = [Text(pick(lang, f"共 {len(hits)} 条包含{quoted}：", f"{len(hits)} article(s) contain {quoted}:"), style=DIM)]
    for h in hits:
        lines.append(Text(""))
        head = Text.assemble((f"《{h.law.short}》{h.article.heading}", HEADING), (f"  {h.article.key}", DIM))
        lines.append(head)
        many = len(h.article.paragraphs) > 1
        for n in h.paragraphs:
            para = h.article.paragraph(n)
            body = Text(para.text)
            body.highlight_words(words, style=MATCH)
            lines.append(Text.assemble((f"[{para.heading}] " if many else "", DIM), body))
    show(lines)


def _whole(h: Hit) -> Citation:
    return Citation(key=h.article.key, law=h.law, article=h.article)
