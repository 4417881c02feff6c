"""The statute texts as a typed, read-only knowledge base.

The texts come word for word from `statutes/statutes.yaml` (a copy of the official texts); nothing
here rewrites them. A citation key is `LAW:ARTICLE[:PARAGRAPH[:ITEM]]`, e.g. `crpl:24`, `crpl:24:2`,
`crpl:56:1:8`: the verdict, the letters and the checker all resolve keys through `lookup`, so that
every quotation a user sees comes from this one copy.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from kb.numerals import numeral, value
from kb.packaged import load_yaml

_ITEM_MARK = re.compile(r"（([一二三四五六七八九十]+)）")


class NotInKnowledgeBase(KeyError):
    """A law, article, paragraph or item the knowledge base does not hold (never guessed at)."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(key)
        self.key = key
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.key}: {self.reason}"


@dataclass(frozen=True)
class Item:
    """One 项 of a paragraph, e.g. （八） of 消保法第五十六条第一款."""

    number: int
    text: str  # the item's own words, without the （八） marker

    @property
    def heading(self) -> str:
        return f"第{_cn(self.number)}项"


@dataclass(frozen=True)
class Paragraph:
    """One 款. `text` is exactly as in the official text, items included."""

    number: int
    text: str
    items: tuple[Item, ...] = ()

    @property
    def heading(self) -> str:
        return f"第{_cn(self.number)}款"

    def item(self, number: int) -> Item:
        for it in self.items:
            if it.number == number:
                return it
        raise KeyError(number)


@dataclass(frozen=True)
class Article:
    law_id: str
    number: int
    heading: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def key(self) -> str:
        return f"{self.law_id}:{self.number}"

    @property
    def text(self) -> str:
        """The whole article, paragraphs separated by newlines, as in the official text."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def first_sentence(self) -> str:
        first = self.paragraphs[0].text
        cut = re.search(r"[。；：]", first)
        return first[: cut.end()] if cut else first

    def paragraph(self, number: int) -> Paragraph:
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        raise KeyError(number)


@dataclass(frozen=True)
class Law:
    id: str
    title: str
    short: str
    en: str
    short_en: str
    aliases: tuple[str, ...]
    edition: str
    effective: dt.date
    articles: dict[int, Article] = field(hash=False)

    def article(self, number: int) -> Article:
        return self.articles[number]


@dataclass(frozen=True)
class Citation:
    """A resolved key: the law, the article, and the exact words the key points at."""

    key: str
    law: Law
    article: Article
    paragraph: Paragraph | None = None
    item: Item | None = None

    @property
    def heading(self) -> str:
        """第二十四条, 第二十四条第二款, 第五十六条第一款第八项."""
        h = self.article.heading
        if self.paragraph is not None:
            h += self.paragraph.heading
        if self.item is not None:
            h += self.item.heading
        return h

    @property
    def text(self) -> str:
        if self.item is not None:
            return self.item.text
        if self.paragraph is not None:
            return self.paragraph.text
        return self.article.text

    @property
    def heading_en(self) -> str:
        """Art. 24, Art. 24(2), Art. 56(1)(8)."""
        h = f"Art. {self.article.number}"
        if self.paragraph is not None:
            h += f"({self.paragraph.number})"
        if self.item is not None:
            h += f"({self.item.number})"
        return h

    @property
    def label(self) -> str:
        """《中华人民共和国消费者权益保护法》第二十四条 — how a letter names it."""
        return f"《{self.law.title}》{self.heading}"

    @property
    def short_label(self) -> str:
        return f"《{self.law.short}》{self.heading}"


@cache
def _cn(number: int) -> str:
    return numeral(number)


def _split_items(text: str) -> tuple[Item, ...]:
    marks = list(_ITEM_MARK.finditer(text))
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[m.end() : end].rstrip("；。")
        items.append(Item(number=value(m.group(1)), text=body))
    return tuple(items)


@cache
def laws() -> dict[str, Law]:
    """All laws, keyed by law id, in the order of statutes.yaml."""
    texts = load_yaml("statutes", "statutes.yaml")
    names = load_yaml("statutes", "names.yaml")
    out: dict[str, Law] = {}
    for entry in texts:
        law_id = entry["law"]
        arts = {}
        for a in entry["articles"]:
            paras = tuple(
                Paragraph(number=i + 1, text=t, items=_split_items(t)) for i, t in enumerate(a["paragraphs"])
            )
            arts[a["number"]] = Article(law_id=law_id, number=a["number"], heading=a["heading"], paragraphs=paras)
        meta = names[law_id]
        out[law_id] = Law(
            id=law_id,
            title=entry["title"],
            short=meta["short"],
            en=meta["en"],
            short_en=meta["short_en"],
            aliases=tuple(meta["aliases"]),
            edition=str(entry["edition"]),
            effective=dt.date.fromisoformat(str(entry["effective"])),
            articles=arts,
        )
    return out


def law(law_id: str) -> Law:
    try:
        return laws()[law_id]
    except KeyError:
        raise NotInKnowledgeBase(law_id, "知识库中没有这部法律") from None


@cache
def lookup(key: str) -> Citation:
    """Resolve `crpl:24`, `crpl:24:2` or `crpl:56:1:8`; raise NotInKnowledgeBase otherwise."""
    parts = key.split(":")
    if not 2 <= len(parts) <= 4 or not all(p.isdigit() for p in parts[1:]):
        raise NotInKnowledgeBase(key, "引用键的格式应为 法律:条[:款[:项]]，例如 crpl:24 或 crpl:24:2")
    lw = law(parts[0])
    nums = [int(p) for p in parts[1:]]
    try:
        art = lw.article(nums[0])
    except KeyError:
        raise NotInKnowledgeBase(key, f"知识库未收录《{lw.short}》第{numeral(nums[0])}条") from None
    para = item = None
    if len(nums) > 1:
        try:
            para = art.paragraph(nums[1])
        except KeyError:
            raise NotInKnowledgeBase(key, f"《{lw.short}》{art.heading}没有第{numeral(nums[1])}款") from None
    if len(nums) > 2:
        try:
            item = para.item(nums[2])
        except KeyError:
            raise NotInKnowledgeBase(
                key, f"《{lw.short}》{art.heading}{para.heading}没有第{numeral(nums[2])}项"
            ) from None
    return Citation(key=key, law=lw, article=art, paragraph=para, item=item)


def exists(key: str) -> bool:
    try:
        lookup(key)
    except NotInKnowledgeBase:
        return False
    return True
