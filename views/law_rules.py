"""`weiquan law LAW ARTICLE --rules`: each 款 of the article, then what the rule base concludes from it."""

from __future__ import annotations

import json
import re

from kb.laws import Citation
from kb.reading import paragraph_of, uses

_PLACEHOLDER = re.compile(r"\{\w+\.\w+\}")
_KIND = {"finding": ("结论", "finding"), "reason": ("不适用的理由", "reason it does not apply"),
         "step": ("推理步骤", "step"), "deadline": ("期限", "deadline")}


def _text(t: object, lang: str) -> str:
    """A rule's sentence without its fact placeholders ({x.on} → …): the reading shows the rule, not a case."""
    return _PLACEHOLDER.sub("…", t(lang))  # type: ignore[operator]


def render(target: Citation, fmt: str, lang: str) -> str:
    art = target.article
    key = f"{target.law.id}:{art.number}"
    found = uses(key)
    if fmt == "json":
        data = {
            "key": key, "law": target.law.title, "heading": art.heading,
            "paragraphs": [
                {"number": p.number, "text": p.text,
                 "rules": [{"kind": u.kind, "id": u.id, "cite": u.cite, "text": _text(u.title, lang)}
                           for u in found if paragraph_of(u.cite) == p.number]}
                for p in art.paragraphs
            ],
            "whole_article": [{"kind": u.kind, "id": u.id, "cite": u.cite, "text": _text(u.title, lang)}
                              for u in found if paragraph_of(u.cite) is None
                              and not any(v.id == u.id and paragraph_of(v.cite) is not None for v in found)],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    zh = lang != "en"
    out = [f"《{target.law.title}》{art.heading}  （{key}）" if zh else f"{target.law.short_en} Art. {art.number} ({key})", ""]

    def block(items: list) -> list[str]:
        lines = []
        for u in items:
            kind = _KIND[u.kind][0 if zh else 1]
            lines.append(f"    → {kind} {u.id}：{_text(u.title, lang)}" if zh else f"    → {kind} {u.id}: {_text(u.title, lang)}")
        return lines

    placed = {(u.kind, u.id) for u in found if paragraph_of(u.cite) is not None}
    whole = [u for u in found if paragraph_of(u.cite) is None and (u.kind, u.id) not in placed]
    for p in art.paragraphs:
        head = p.heading if zh else f"Paragraph {p.number}"
        out.append(f"{head}  {p.text}")
        mine = [u for u in found if paragraph_of(u.cite) == p.number]
        out += block(mine) if mine else [("    （本款没有规则直接援引）" if zh else "    (no rule cites this paragraph itself)")]
        out.append("")
    out.append("援引全条的规则：" if zh else "Rules citing the whole article:")
    out += block(whole) if whole else [("    （无）" if zh else "    (none)")]
    if not found:
        out.append("本工具的规则库没有援引本条。" if zh else "No rule of this tool cites this article.")
    return "\n".join(out) + "\n"
