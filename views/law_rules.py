"""`weiquan law LAW ARTICLE --rules`: each 款 of the article, then what the rule base concludes from it."""

from __future__ import annotations

import json
import re

from kb.bilingual import T, pick
from kb.laws import Citation
from kb.reading import Use, paragraph_of, uses

_PLACEHOLDER = re.compile(r"\{\w+\.\w+\}")
_KIND = {"finding": T("结论", "finding"), "reason": T("不适用的理由", "reason it does not apply"),
         "step": T("推理步骤", "step"), "deadline": T("期限", "deadline")}
_NO_RULE_HERE = T("    （本款没有规则直接援引）", "    (no rule cites this paragraph itself)")
_WHOLE = T("援引全条的规则：", "Rules citing the whole article:")
_NONE = T("    （无）", "    (none)")
_NOT_CITED = T("本工具的规则库没有援引本条。", "No rule of this tool cites this article.")


def _text(t: object, lang: str) -> str:
    """A rule's sentence without its fact placeholders ({x.on} → …): the reading shows the rule, not a case."""
    return _PLACEHOLDER.sub("…", t(lang))  # type: ignore[operator]


def render(target: Citation, fmt: str, lang: str) -> str:
    key = f"{target.law.id}:{target.article.number}"
    found = uses(key)
    return _json(target, key, found, lang) if fmt == "json" else _reading(target, key, found, lang)


def _rule(u: Use, lang: str) -> dict[str, str]:
    return {"kind": u.kind, "id": u.id, "cite": u.cite, "text": _text(u.title, lang)}


def _json(target: Citation, key: str, found: list[Use], lang: str) -> str:
    art = target.article
    data = {
        "key": key, "law": target.law.title, "heading": art.heading,
        "paragraphs": [
            {"number": p.number, "text": p.text, "rules": [_rule(u, lang) for u in found if paragraph_of(u.cite) == p.number]}
            for p in art.paragraphs
        ],
        "whole_article": [_rule(u, lang) for u in found if paragraph_of(u.cite) is None
                          and not any(v.id == u.id and paragraph_of(v.cite) is not None for v in found)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _reading(target: Citation, key: str, found: list[Use], lang: str) -> str:
    """Each 款 followed by the rules that cite it, then the rules that cite only the whole article."""
    art = target.article
    out = [pick(lang, f"《{target.law.title}》{art.heading}  （{key}）", f"{target.law.short_en} Art. {art.number} ({key})"), ""]
    placed = {(u.kind, u.id) for u in found if paragraph_of(u.cite) is not None}
    whole = [u for u in found if paragraph_of(u.cite) is None and (u.kind, u.id) not in placed]
    for p in art.paragraphs:
        out.append(f"{pick(lang, p.heading, f'Paragraph {p.number}')}  {p.text}")
        mine = [u for u in found if paragraph_of(u.cite) == p.number]
        out += _block(mine, lang) if mine else [_NO_RULE_HERE(lang)]
        out.append("")
    out.append(_WHOLE(lang))
    out += _block(whole, lang) if whole else [_NONE(lang)]
    if not found:
        out.append(_NOT_CITED(lang))
    return "\n".join(out) + "\n"


def _block(items: list[Use], lang: str) -> list[str]:
    return [f"    → {_KIND[u.kind](lang)} {u.id}{pick(lang, '：', ': ')}{_text(u.title, lang)}" for u in items]
