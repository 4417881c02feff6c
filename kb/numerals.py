"""Chinese numerals 0–99 as cn2an writes them, kept as data so that reading a statute's 款 and 项 numbers
does not import cn2an (a quarter of a second at start: it loads its YAML configuration on import, issue 15
item 5). Larger numbers, and any numeral not in the table, go to cn2an itself; tests/test_statutes.py checks
the table against cn2an, so cn2an stays the one authority.
"""

from __future__ import annotations

SMALL: tuple[str, ...] = (
    "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
    "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九",
    "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九",
    "三十", "三十一", "三十二", "三十三", "三十四", "三十五", "三十六", "三十七", "三十八", "三十九",
    "四十", "四十一", "四十二", "四十三", "四十四", "四十五", "四十六", "四十七", "四十八", "四十九",
    "五十", "五十一", "五十二", "五十三", "五十四", "五十五", "五十六", "五十七", "五十八", "五十九",
    "六十", "六十一", "六十二", "六十三", "六十四", "六十五", "六十六", "六十七", "六十八", "六十九",
    "七十", "七十一", "七十二", "七十三", "七十四", "七十五", "七十六", "七十七", "七十八", "七十九",
    "八十", "八十一", "八十二", "八十三", "八十四", "八十五", "八十六", "八十七", "八十八", "八十九",
    "九十", "九十一", "九十二", "九十三", "九十四", "九十五", "九十六", "九十七", "九十八", "九十九",
)
_VALUE = {text: n for n, text in enumerate(SMALL)}


def numeral(number: int) -> str:
    """A number in Chinese numerals (二十四), or in digits where cn2an cannot write it (past 16 digits), so
    that a message about 第12345678901234567条 can be given instead of a crash."""
    if 0 <= number < len(SMALL):
        return SMALL[number]
    import cn2an

    return cn2an.an2cn(number) if 0 <= number < 10**16 else str(number)


def small(text: str) -> int | None:
    """The number of a numeral in the table (二十四 is 24), None for any other text."""
    return _VALUE.get(text)


def value(text: str) -> int:
    """The number a numeral in a statute's text stands for (（十二） is 12), strictly."""
    if text in _VALUE:
        return _VALUE[text]
    import cn2an

    return int(cn2an.cn2an(text, "strict"))
