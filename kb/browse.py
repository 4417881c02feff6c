"""What `weiquan law LAW ARTICLE` asks for, and full-text search of the statutes.

Users type laws and articles the way they write them (消保法, 第二十四条, 消保法第24条, crpl:24:2); this
turns any of those into a law or a `Citation`, reusing the citation reader so that `law` and `check`
accept exactly the same forms. Anything the knowledge base lacks raises `CitationError`, whose message
names what it does hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.citations import CitationError, law_id_for, law_unknown, number, parse_citation, resolve
from kb.laws import Article, Citation, Law, laws, lookup


@dataclass(frozen=True)
class Hit:
    """An article containing every search word, and which paragraphs (1-based) contain any of them."""

    law: Law
    article: Article
    paragraphs: tuple[int, ...]


def find_law(name: str) -> Law:
    """A law by id, title or alias (crpl, 消保法, 《中华人民共和国民法典》)."""
    law_id = law_id_for(name)
    if law_id is None:
        raise law_unknown(name.strip("《》 "))
    return laws()[law_id]


def find_article(lw: Law, ref: str) -> Citation:
    """An article, paragraph or item of a known law: 24, 二十四, 第二十四条, 24:2, 第五十六条第一款第八项."""
    ref = ref.strip()
    numeric = ref.translate(str.maketrans("０１２３４５６７８９：", "0123456789:"))
    if re.fullmatch(r"\d+(?::\d+){0,2}", numeric):
        return lookup(parse_citation(f"{lw.id}:{numeric}"))
    bare = number(ref)
    if bare is not None:
        return lookup(resolve(lw.id, bare))
    try:
        key = parse_citation(lw.short + ref)
    except CitationError as e:
        if e.kind in ("not_a_citation", "several"):
            raise CitationError(
                "not_a_citation",
                f"无法识别条号「{ref}」；可写作 24、二十四、第二十四条、24:2 或 第二十四条第二款",
                f"Cannot read the article '{ref}'; write it as 24, 二十四, 第二十四条, 24:2 or 第二十四条第二款",
            ) from None
        raise
    if not key.startswith(lw.id + ":"):  # the ref named a different law itself
        raise CitationError(
            "not_a_citation",
            f"「{ref}」不是《{lw.short}》的条号",
            f"'{ref}' is not an article of the {lw.en}",
        )
    return lookup(key)


def find(law: str | None, article: str | None) -> Law | Citation | None:
    """None for the list of laws, a Law for its list of articles, a Citation for one text."""
    if law is None:
        return None
    if article is not None:
        if law_id_for(law) is None and _is_citation(law):
            raise CitationError(
                "several",
                f"「{law}」已经指明了条文，不能再加条号「{article}」",
                f"'{law}' already names an article; drop '{article}'",
            )
        return find_article(find_law(law), article)
    if law_id_for(law) is not None:
        return find_law(law)
    try:
        return lookup(parse_citation(law))  # 消保法第24条, crpl:24:2
    except CitationError as e:
        if e.kind in ("not_a_citation", "no_law"):
            raise law_unknown(law.strip("《》 ")) from None
        raise


def _is_citation(text: str) -> bool:
    try:
        parse_citation(text)
    except CitationError as e:
        return e.not_in_kb
    return True


def search(words: list[str], law_id: str | None = None) -> list[Hit]:
    """Articles containing every word, in knowledge-base order."""
    hits = []
    for lw in laws().values():
        if law_id is not None and lw.id != law_id:
            continue
        for art in lw.articles.values():
            if all(w in art.text for w in words):
                paras = tuple(p.number for p in art.paragraphs if any(w in p.text for w in words))
                hits.append(Hit(lw, art, paras))
    return hits
