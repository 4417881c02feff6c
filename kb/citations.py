"""Reading citations of the laws in the knowledge base the way Chinese texts write them.

《中华人民共和国消费者权益保护法》第二十四条, 消保法第24条第一款, 产品质量法第四十一条, 《民法典》第六百二十一条第三款,
第五十六条第一款第（八）项 — all become keys (`crpl:24`, `crpl:24:1`, …) that `kb.laws.lookup` resolves.
A citation the knowledge base cannot resolve is reported as such, with the reason (law unknown, article
not held, no such paragraph or item); it is never mapped to the nearest thing that exists, because a
wrong article quoted with confidence is worse than an honest "not in the knowledge base".

Law names come from `statutes/names.yaml`, longest first, so that 消费者权益保护法实施条例 is never read
as the law itself. A bare 第九条 borrows the law named earlier in the same sentence (消保法第八条、第九条);
本法 / 该法 borrow the law named last anywhere before. Article numbers inside a word-for-word quotation of
a statute (第五十五条's 「本法第四十九条」) belong to the quoted text, not to the writer, and are skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kb.bilingual import pick
from kb.laws import Article, Law, laws, numeral
from kb.numerals import small
from kb.segment import quote_spans, sentence_spans
from kb.verbatim import verbatim_sources

_FULLWIDTH = str.maketrans("０１２３４５６７８９（）", "0123456789()")
_CN = "零〇一二三四五六七八九十百千万两廿"
# Every quantifier is bounded and a number can only start where a run of numerals starts and must take
# the whole run, so that a text of 十十十…, 123…, 十、十、… or 第 followed by spaces is read in linear time
# (an unbounded, nested pattern here took a minute on 16,000 characters).
_MAX_DIGITS = 40  # a longer run of numerals is no article number (cn2an itself reads at most 16 digits)
_S = r"\s{0,4}"
_NUM = (rf"(?:(?<![0-9])[0-9]{{1,{_MAX_DIGITS}}}+(?![0-9])"
        rf"|(?<![{_CN}])[{_CN}]{{1,{_MAX_DIGITS}}}+(?![{_CN}]))")


def _item(group: str) -> str:
    return _S + "第?" + _S + r"\(?" + _S + f"(?P<{group}>" + _NUM + ")" + _S + r"\)?" + _S + "项"



_TOKEN = re.compile(
    # 第二十四条 / 24条 / 第八、九条, with an optional 第一款 and 第（八）项
    rf"(?P<art_di>第{_S})?(?P<nums>{_NUM}(?:{_S}、{_S}(?:第{_S})?{_NUM}){{0,20}}+){_S}条(?![例件文])"
    rf"(?:{_S}第?{_S}(?P<para>{_NUM}){_S}款)?(?:{_item('item')})?"
    # 第二款 (of the article just cited), optionally with its item
    rf"|第{_S}(?P<para_only>{_NUM}){_S}款(?:{_item('para_item')})?"
    # 第八项 / 第（八）项 (of the paragraph just cited)
    rf"|第{_S}\(?{_S}(?P<item_only>{_NUM}){_S}\)?{_S}项"
)
_LIST_SEP = re.compile(rf"{_S}、{_S}(?:第{_S})?")
_CJK = re.compile(r"[\u4e00-\u9fff〈〉]")
# Words that may stand between a named law and a further bare article of it: 消保法第八条、第九条和第十条.
_JOINERS = ("以及", "并且", "还有", "同时", "和", "及", "与", "或", "并", "、")
# Words after which a bare 第X条 still continues the citing (违反了第十条, 依据第九条, 即第八条).
_LEADERS = _JOINERS + (
    "违反了", "违反", "违背", "根据", "依据", "依照", "按照", "参照", "参见", "适用", "援引", "引用", "属于",
    "不符合", "符合", "侵犯了", "侵犯", "构成", "也", "亦", "即", "是", "了", "见", "依", "据", "按", "而",
)
_BACKREF = ("本法", "该法", "此法", "同法", "上述法律", "前述法律", "该法律")
_LAWISH = re.compile(r"(?:法|法典|条例|办法|规定|规则|细则|解释|决定|意见|公约)(?:\([一二三四五六七八九十]{1,3}\))?$")
_NOT_A_LAW = frozenset({"法律", "法规", "规定", "有关规定", "相关规定", "国家规定", "法律规定", "本规定", "上述规定",
                        "以上规定", "办法", "本办法", "条例", "本条例", "意见", "决定", "解释", "方法", "做法", "说法",
                        "看法", "想法", "合法", "违法", "依法", "司法", "执法", "立法"})
# Run-of-text cut points: a law's name never contains these, so an unknown law's name starts after them.
_NAME_CUTS = re.compile(
    r".*(?:认为|根据|依据|依照|按照|参照|违反了|违反|适用|援引|引用|以及|还有|同时|并且|[的了是我你他她贵您们而但且若如因其此也都已又还就说称在对把被将等按依据见即])"
)
_NUMBERED = re.compile(r"\([一二三四五六七八九十]{1,3}\)$")
_EDITION = re.compile(r"\d{4}|[〇零一二三四五六七八九]{4}|年|修正|修订|版|施行")


MAX_ARTICLE = 9999  # the longest code, the Civil Code, has 1,260 articles: past this there is no such article


class CitationError(ValueError):
    """A citation that cannot be resolved, with the reason in Chinese and English.

    `kind` is one of: not_a_citation, no_law, several, law_unknown, article_not_in_kb,
    no_such_article (a number past any law's length: 第12345678901234567条), paragraph_missing,
    item_missing, item_ambiguous. `key` is the key the citation denotes when the
    law is known (`crpl:25` for a 第二十五条 the knowledge base does not hold), else None.
    """

    def __init__(self, kind: str, zh: str, en: str, key: str | None = None) -> None:
        super().__init__(zh)
        self.kind = kind
        self.zh = zh
        self.en = en
        self.key = key

    def message(self, lang: str = "zh") -> str:
        return pick(lang, self.zh, self.en)

    @property
    def not_in_kb(self) -> bool:
        return self.kind in {"law_unknown", "article_not_in_kb", "paragraph_missing", "item_missing"}


@dataclass(frozen=True)
class Found:
    """One citation in a longer text: where it is, what it says, and the key or why there is none."""

    text: str
    start: int
    end: int
    key: str | None
    law_id: str | None
    problem: CitationError | None
    group: int  # citations joined by 、和及 (消保法第八条、第九条) share a group number
    inherited: bool  # a bare 第X条 that borrows the law named before it

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class _Ref:
    kind: str  # article | para | item
    start: int
    end: int
    nums: tuple[int, ...]
    para: int | None
    item: int | None
    numbered_with_di: bool


@lru_cache(maxsize=4096)  # cn2an is slow, and a text writes the same few numbers again and again
def number(text: str) -> int | None:
    """An article, paragraph or item number in Chinese or Arabic numerals (二十四, 24, ２４, 廿四)."""
    text = text.translate(_FULLWIDTH).strip()
    if text.isdigit():
        return int(text)
    text = text.replace("两", "二")
    known = small(text)
    if known is not None:
        return known or None
    import cn2an  # numbers past 99 and rarer forms (廿四) only: importing cn2an costs a quarter of a second

    try:
        value = cn2an.cn2an(text, "strict")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if value == int(value) and value > 0 else None


@cache
def _aliases() -> tuple[tuple[str, str], ...]:
    """(alias, law id), longest alias first: 消费者权益保护法实施条例 before 消费者权益保护法."""
    pairs = {(_plain(a), lw.id) for lw in laws().values() for a in (lw.title, lw.short, *lw.aliases)}
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


def _plain(name: str) -> str:
    """A law's name as the parser compares it: no spaces, half-width brackets (网络消费纠纷规定(一))."""
    return re.sub(r"\s+", "", name).translate(_FULLWIDTH)


def law_id_for(name: str) -> str | None:
    """The law id for an id, a title or an alias (`crpl`, 《消保法》, 中华人民共和国民法典), else None."""
    name = _plain(name).strip("《》<>")
    if name in laws():
        return name
    for alias, law_id in _aliases():
        if name == alias:
            return law_id
    return None


def _law_list(lang: str) -> str:
    if lang == "en":
        return ", ".join(f"{lw.id} ({lw.en})" for lw in laws().values())
    return "、".join(f"{lw.short}（{lw.id}）" for lw in laws().values())


def article_list(lw: Law, lang: str = "zh") -> str:
    """The article numbers the knowledge base holds for a law: 第二、七、八条 / articles 2, 7, 8."""
    nums = sorted(lw.articles)
    if lang == "en":
        return "articles " + ", ".join(map(str, nums))
    return "第" + "、".join(numeral(n) for n in nums) + "条"


def law_unknown(name: str) -> CitationError:
    return CitationError(
        "law_unknown",
        f"《{name}》不在知识库中；知识库收录的法律：{_law_list('zh')}",
        f"'{name}' is not in the knowledge base; it holds: {_law_list('en')}",
    )


def resolve(law_id: str, article: int, para: int | None = None, item: int | None = None) -> str:
    """The key for law/article/paragraph/item, or CitationError saying what the KB lacks.

    An item without a paragraph (第五十六条第八项) is read in the one paragraph that has items; where
    several have, the citation is ambiguous and says so instead of choosing.
    """
    lw = laws()[law_id]
    key = f"{law_id}:{article}"
    art = _held(lw, key, article, para, item)
    if para is None and item is not None:
        para = _paragraph_with_items(lw, art, key, item)
    if para is not None:
        key += f":{para}"
        if not 1 <= para <= len(art.paragraphs):
            raise CitationError(
                "paragraph_missing",
                f"《{lw.short}》{art.heading}共{numeral(len(art.paragraphs))}款，没有第{numeral(para)}款",
                f"Article {article} of the {lw.en} has {len(art.paragraphs)} paragraph(s); there is no paragraph {para}",
                key,
            )
    if item is not None:
        assert para is not None
        key += f":{item}"
        _check_item(lw, art, para, item, key)
    return key


def _held(lw: Law, key: str, article: int, para: int | None, item: int | None) -> Article:
    """The article `key` cites, or CitationError: a number past any law's length, or one the KB lacks."""
    art = lw.articles.get(article)
    if art is not None:
        return art
    denoted = f"{key}:{para}" + (f":{item}" if item is not None else "") if para is not None else key
    if article > MAX_ARTICLE:
        raise CitationError(
            "no_such_article",
            f"《{lw.short}》没有第{numeral(article)}条：条号过大，没有哪部法律有这么多条",
            f"The {lw.en} has no article {article}: no law has that many articles",
            denoted,
        )
    raise CitationError(
        "article_not_in_kb",
        f"知识库未收录《{lw.short}》第{numeral(article)}条（该法收录{article_list(lw)}）",
        f"Article {article} of the {lw.en} is not in the knowledge base (it holds {article_list(lw, 'en')})",
        denoted,
    )


def _paragraph_with_items(lw: Law, art: Article, key: str, item: int) -> int:
    """The one paragraph of the article that has items (for 第五十六条第八项), or CitationError."""
    with_items = [p.number for p in art.paragraphs if p.items]
    if len(with_items) == 1:
        return with_items[0]
    if not with_items:
        raise CitationError(
            "item_missing",
            f"《{lw.short}》{art.heading}不分项，没有第{numeral(item)}项",
            f"Article {art.number} of the {lw.en} has no items, so no item {item}",
            key,
        )
    raise CitationError(
        "item_ambiguous",
        f"《{lw.short}》{art.heading}有几款都分项，请写明第几款的第{numeral(item)}项",
        f"Several paragraphs of article {art.number} of the {lw.en} have items; say which paragraph",
        key,
    )


def _check_item(lw: Law, art: Article, para: int, item: int, key: str) -> None:
    paragraph = art.paragraph(para)
    if not any(i.number == item for i in paragraph.items):
        n = len(paragraph.items)
        have = f"共{numeral(n)}项" if n else "不分项"
        raise CitationError(
            "item_missing",
            f"《{lw.short}》{art.heading}{paragraph.heading}{have}，没有第{numeral(item)}项",
            f"Paragraph {para} of article {art.number} of the {lw.en} has {n} item(s); there is no item {item}",
            key,
        )


def _law_before(text: str, pos: int, floor: int = 0) -> tuple[str, str | None, int]:
    """What names the law of a citation starting at `pos`: ("known", id, start) | ("unknown", name, start)
    | ("backref", None, start) | ("bare", None, pos) | ("none", None, pos). Nothing before `floor` (the
    end of the previous citation) can be part of the name."""
    k = _back_over_spaces(text, pos)
    if k > floor and text[k - 1] == ")":  # 《消费者权益保护法》（2013年修正）第二十四条
        opening = text.rfind("(", floor, k - 1)
        if opening >= 0 and _EDITION.search(text[opening:k]):
            k = _back_over_spaces(text, opening)
    if k > floor and text[k - 1] == "》":
        return _titled(text, k, floor, pos)
    return _named_run(text, k, floor, pos)


def _back_over_spaces(text: str, k: int) -> int:
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k


def _titled(text: str, k: int, floor: int, pos: int) -> tuple[str, str | None, int]:
    """The law named in the 《…》 that ends at `k`."""
    opening = text.rfind("《", floor, k - 1)
    if opening < 0:
        return "none", None, pos
    whole = re.sub(r"\s+", "", text[opening + 1 : k - 1])
    edition = re.search(r"\([^()]*\)$", whole)  # 《消费者权益保护法（2013修正）》
    name = whole[: edition.start()] if edition and _EDITION.search(edition.group()) else whole
    for candidate in (whole, name):  # but 《网络消费纠纷规定（一）》 is the name itself
        if candidate.startswith("中华人民共和国") and (law_id := law_id_for(candidate[7:])):
            return "known", law_id, opening
        if law_id := law_id_for(candidate):
            return "known", law_id, opening
    if _LAWISH.search(name) and name not in _NOT_A_LAW:
        return "unknown", name, opening
    return "none", None, pos


def _named_run(text: str, k: int, floor: int, pos: int) -> tuple[str, str | None, int]:
    """The law named without brackets by the run of Chinese characters that ends at `k` (消保法第…)."""
    run = text[_run_start(text, k, floor) : k]
    for alias, law_id in _aliases():
        if run.endswith(alias):
            return "known", law_id, k - len(alias)
    for back in _BACKREF:
        if run.endswith(back):
            return "backref", None, k - len(back)
    name = _NAME_CUTS.sub("", run)
    if name and _LAWISH.search(name) and name not in _NOT_A_LAW and len(name) >= 3:
        return "unknown", name, k - len(name)
    if not run or run.endswith(_LEADERS):
        return "bare", None, pos
    return "none", None, pos


def _run_start(text: str, k: int, floor: int) -> int:
    """Where the run of Chinese characters ending at `k` starts: at most 40 back, never before `floor`."""
    j = k
    numbered = _NUMBERED.search(text[max(floor, k - 6) : k])  # 网络消费纠纷规定(一): the (一) is in the name
    if numbered:
        j -= len(numbered.group())
    while j > floor and k - j < 40 and _CJK.match(text[j - 1]):
        j -= 1
    return j


_NAMED_REACH = 60  # 依据消保法的规定，第十条…: how far before a bare article a law's name still names it


def _named_before(text: str, pos: int, floor: int) -> str | None:
    """The law named last in text[floor:pos] (依据消保法，第十条…), if any."""
    window = text[floor:pos]
    best, at = None, -1
    for alias, law_id in _aliases():
        k = window.rfind(alias)
        if k > at:
            best, at = law_id, k
    return best


def _unnamed(last_law: tuple[str | None, str] | None) -> CitationError:
    zh = "只有条号，附近没有指明是哪部法律，无法核对"
    en = "An article number with no law named near it; it cannot be checked"
    if last_law is not None:
        zh += f"（前文提到《{last_law[1]}》；如指该法，请写明法律名称，例如《{last_law[1]}》第X条）"
        en += f" (the text named the {laws()[last_law[0]].en if last_law[0] else last_law[1]} earlier; if that is "
        en += "the law meant, name it)"
    return CitationError("no_law", zh, en)


def _refs(text: str) -> list[_Ref]:
    out = []
    for m in _TOKEN.finditer(text):
        if m.group("nums") is not None:
            read = [number(n) for n in _LIST_SEP.split(m.group("nums"))]
            nums = tuple(n for n in read if n is not None)
            para = number(m.group("para")) if m.group("para") else None
            item = number(m.group("item")) if m.group("item") else None
            if len(nums) < len(read) or (m.group("para") and para is None) or (m.group("item") and item is None):
                continue  # 第十十条 is not a number, so not a citation
            if len(nums) > 1:
                para = item = None
            out.append(_Ref("article", m.start(), m.end(), nums, para, item, bool(m.group("art_di"))))
        elif m.group("para_only") is not None:
            para = number(m.group("para_only"))
            item = number(m.group("para_item")) if m.group("para_item") else None
            if para is not None and (item is not None or not m.group("para_item")):
                out.append(_Ref("para", m.start(), m.end(), (), para, item, True))
        else:
            item = number(m.group("item_only"))
            if item is not None:
                out.append(_Ref("item", m.start(), m.end(), (), None, item, True))
    return out


@lru_cache(maxsize=4096)
def statute_sources(quoted: str) -> tuple[str, ...]:
    """`kb.verbatim.verbatim_sources`, remembered: a long text quotes the same articles again and again."""
    return tuple(verbatim_sources(quoted))


def _masked(text: str) -> list[tuple[int, int]]:
    """Quotations that are a statute's own words: article numbers inside them are the statute's."""
    return [(q.start, q.end) for q in quote_spans(text) if statute_sources(text[q.start + 1 : q.end - 1])]


def _joined(text: str, end: int, start: int) -> bool:
    gap = text[end:start].strip()
    return gap == "" or gap in _JOINERS


def find_citations(text: str) -> list[Found]:
    """Every citation of a law in `text`, in order, with its span and its key or why it has none.

    Mentions of laws the knowledge base does not hold are reported too (as law_unknown), when they
    cite an article. A bare 第X条 borrows the law of the sentence's earlier citation, or a law named
    just before it (依据消保法的规定，第十条…); with no law near it, it is reported as no_law — never
    guessed, never dropped. A number right after another word (保修卡第三条, 合同第五条) cites that
    document, not a law, and is left out.
    """
    reader = _Reader(text)
    floor = 0
    for ref in _refs(reader.norm):
        if reader.quoted(ref):
            continue
        ref_floor, floor = floor, ref.end
        sentence = bisect.bisect_right(reader.sentence_starts, ref.start) - 1
        if ref.kind == "article":
            reader.article(ref, sentence, ref_floor)
        else:
            reader.continuation(ref, sentence)
    return reader.found


_NamedLaw = tuple[str | None, str]  # (law id, or None for a law the knowledge base lacks; its name)


@dataclass(frozen=True)
class _LastArticle:
    """The article cited last, which a bare 第二款 or 第八项 in the same sentence continues."""

    sentence: int
    law: _NamedLaw
    article: int
    para: int | None


class _Reader:
    """What `find_citations` knows as it reads the references of one text in order: the laws named so
    far, the article a bare paragraph continues, and the groups of citations joined by 、和及."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = text.translate(_FULLWIDTH)
        self.masked = _masked(self.norm)
        self.masked_starts = [a for a, _ in self.masked]
        self.sentence_starts = [s.start for s in sentence_spans(self.norm)]
        self.found: list[Found] = []
        self.context: dict[int, _NamedLaw] = {}  # sentence → the law its citations named
        self.last_law: _NamedLaw | None = None
        self.last_article: _LastArticle | None = None
        self.group = -1
        self.prev_end = -1

    def quoted(self, ref: _Ref) -> bool:
        """Inside a word-for-word quotation of a statute: the number is the statute's, not the writer's."""
        k = bisect.bisect_right(self.masked_starts, ref.start) - 1
        return k >= 0 and ref.start < self.masked[k][1]

    def add(self, start: int, end: int, key: str | None, law_id: str | None, problem: CitationError | None,
            inherited: bool) -> None:
        if not (self.found and _joined(self.norm, self.prev_end, start)):
            self.group += 1
        self.found.append(Found(self.text[start:end], start, end, key, law_id, problem, self.group, inherited))
        self.prev_end = end

    def cite(self, start: int, end: int, law: _NamedLaw, article: int, para: int | None, item: int | None,
             inherited: bool) -> None:
        law_id, name = law
        if law_id is None:
            self.add(start, end, None, None, law_unknown(name), inherited)
            return
        try:
            key, problem = resolve(law_id, article, para, item), None
        except CitationError as e:
            key, problem = e.key, e
        self.add(start, end, key, law_id, problem, inherited)

    def continuation(self, ref: _Ref, sentence: int) -> None:
        """第二款 / 第八项 of the article cited just before in the same sentence; elsewhere it is no citation."""
        last = self.last_article
        if last is None or last.sentence != sentence:
            return
        para = ref.para if ref.kind == "para" else last.para
        self.cite(ref.start, ref.end, last.law, last.article, para, ref.item, True)
        if ref.kind == "para":
            self.last_article = _LastArticle(sentence, last.law, last.article, para)

    def article(self, ref: _Ref, sentence: int, floor: int) -> None:
        """第X条 (or 第X、Y条): the law named before it, borrowed from the sentence, or named nearby."""
        how, what, start = _law_before(self.norm, ref.start, floor)
        inherited = how == "bare" and ref.numbered_with_di
        law = self.borrowed(ref, sentence, floor) if inherited else self.named(how, what)
        if law is None:
            if inherited:  # 第十条 with no law near it: listed, never guessed, never dropped
                for _ in ref.nums:
                    self.add(ref.start, ref.end, None, None, _unnamed(self.last_law), False)
            return
        self.context[sentence] = law
        self.last_law = law
        for n in ref.nums:
            self.cite(start, ref.end, law, n, ref.para, ref.item, inherited)
        self.last_article = _LastArticle(sentence, law, ref.nums[-1], ref.para)

    def named(self, how: str, what: str | None) -> _NamedLaw | None:
        """The law a citation names itself, or refers back to with 本法; None when it names none."""
        if how == "known":
            assert what is not None
            return what, laws()[what].short
        if how == "unknown":
            assert what is not None
            return None, what
        return self.last_law if how == "backref" else None

    def borrowed(self, ref: _Ref, sentence: int, floor: int) -> _NamedLaw | None:
        """The law of a bare 第X条: the sentence's, else one named just before it."""
        if sentence in self.context:
            return self.context[sentence]
        reach = max(self.sentence_starts[sentence], floor, ref.start - _NAMED_REACH)
        named = _named_before(self.norm, ref.start, reach)
        return None if named is None else (named, laws()[named].short)


def parse_citation(text: str) -> str:
    """The key of the one citation in `text` (消保法第24条 → crpl:24), or CitationError saying why not.

    Keys themselves (`crpl:24:2`) are accepted too, and checked against the knowledge base.
    """
    stripped = text.strip()
    m = re.fullmatch(rf"([a-z_]+):(\d{{1,{_MAX_DIGITS}}})(?::(\d{{1,{_MAX_DIGITS}}}))?(?::(\d{{1,{_MAX_DIGITS}}}))?",
                     stripped)
    if re.fullmatch(r"[a-z_]+:\d+(?::\d+){0,2}", stripped) and not m:
        raise CitationError(
            "no_such_article",
            f"「{stripped[:60]}…」的条号过长，没有这样的条文",
            f"'{stripped[:60]}…' has an article number too long for any law",
        )
    if m:
        if m.group(1) not in laws():
            raise law_unknown(m.group(1))
        para, item = (int(g) if g else None for g in m.groups()[2:])
        return resolve(m.group(1), int(m.group(2)), para, item)
    hits = find_citations(stripped)
    if not hits or all(h.problem is not None and h.problem.kind == "no_law" for h in hits):
        if hits or _refs(stripped.translate(_FULLWIDTH)):
            raise CitationError(
                "no_law",
                f"「{stripped}」只有条号，没有指明是哪部法律（例如：消保法第二十四条）",
                f"'{stripped}' gives an article number but no law (e.g. 消保法第二十四条)",
            )
        raise CitationError(
            "not_a_citation",
            f"「{stripped}」中没有法律条文的引用（例如：《消费者权益保护法》第二十四条、产品质量法第40条、crpl:24）",
            f"No citation of a law found in '{stripped}' (e.g. 《消费者权益保护法》第二十四条, 产品质量法第40条, crpl:24)",
        )
    if len(hits) > 1:
        listed = "、".join(h.text for h in hits)
        raise CitationError(
            "several",
            f"「{stripped}」包含{len(hits)}处引用（{listed}），请一次只给一处",
            f"'{stripped}' contains {len(hits)} citations ({listed}); give one at a time",
        )
    if hits[0].problem is not None:
        raise hits[0].problem
    assert hits[0].key is not None
    return hits[0].key
