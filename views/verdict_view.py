"""The verdict as a worried consumer reads it: the bottom line first, then each claim plainly.

Plain text and Markdown, both deterministic (no colours, no terminal widths), so the same case and
as-of date always print the same bytes. Statute words come from the verdict's `citations`, which the
engine looked up in kb/.
"""

from __future__ import annotations

from engine.verdict import Finding, Verdict
from engine.vocab import label

_RANK = {"strong": 0, "arguable": 1, "weak": 2}
_MARK = {"strong": "●", "arguable": "◐", "weak": "○"}


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def strength_word(strength: str, lang: str) -> str:
    return label("strength", strength, lang)


def bottom_line(v: Verdict) -> str:
    """One paragraph: how many claims of each strength, how the consumer's own demands fare, the next date."""
    lang = v.lang
    counts = {s: sum(1 for f in v.findings if f.strength == s) for s in ("strong", "arguable", "weak")}
    if not v.findings:
        if v.missing:
            return _t(lang, "结论：依现有事实，未发现可以主张的权利，原因见“不适用的条文”；补充下列事实可能改变结论。",
                      "Bottom line: on these facts no claim holds; see the articles that do not apply and the facts "
                      "that could change this.")
        return _t(lang, "结论：依现有事实，未发现可以主张的权利，原因见“不适用的条文”。",
                  "Bottom line: on these facts no claim holds; see the articles that do not apply.")
    sep = "、" if lang != "en" else ", "

    def rated(items: list) -> str:
        return sep.join(
            f"{label('demand', x.demand, lang)}（{strength_word(x.strength, lang) if x.strength else '无依据'}）"
            if lang != "en" else
            f"{label('demand', x.demand, lang)} ({strength_word(x.strength, lang) if x.strength else 'no basis'})"
            for x in items)

    mine = [x for x in v.demands if x.requested]
    more = [x for x in v.demands if not x.requested and x.strength in ("strong", "arguable")]
    upcoming = [d for d in v.deadlines if not d.passed]
    if lang == "en":
        parts = [f"Bottom line: {counts['strong']} strong, {counts['arguable']} arguable and {counts['weak']} weak claim(s)."]
        if mine:
            parts.append(f"Your demands: {rated(mine)}.")
        if more:
            parts.append(f"You may also demand: {rated(more)}.")
        if upcoming:
            first = min(upcoming, key=lambda d: d.date)
            parts.append(f"Next deadline: {first.date} ({first.title}, {first.days_left} days left).")
        return " ".join(parts)
    parts = [f"结论：有 {counts['strong']} 项有力主张、{counts['arguable']} 项可争取主张、{counts['weak']} 项较弱主张。"]
    if mine:
        parts.append(f"您提出的要求：{rated(mine)}。")
    if more:
        parts.append(f"还可以要求：{rated(more)}。")
    if upcoming:
        first = min(upcoming, key=lambda d: d.date)
        parts.append(f"最近的期限：{first.date}（{first.title}，还剩 {first.days_left} 天）。")
    return "".join(parts)


def _status(v: Verdict) -> str:
    lang = v.lang
    w = v.case.in_warranty
    state = (_t(lang, "保修期内发现故障", "fault noticed within the warranty") if w
             else _t(lang, "过保后发现故障", "fault noticed after the warranty") if w is False
             else _t(lang, "保修状态未知", "warranty status unknown"))
    days = _t(lang, f"收货后第 {v.case.days_since_purchase} 天", f"day {v.case.days_since_purchase} since delivery")
    return f"{state} · {days}"


def _quote_lines(v: Verdict, f: Finding, indent: str) -> list[str]:
    lang = v.lang
    lines = []
    keys = f.quotes or f.cites
    for key in keys:
        c = v.citations[key]
        lines.append(f"{indent}{cite_name(v, key)}：“{c.text}”" if lang != "en" else f"{indent}{cite_name(v, key)}: “{c.text}”")
    others = [k for k in f.cites if not any(q == k or q.startswith(k + ":") for q in keys)]
    if others:
        names = ("、" if lang != "en" else "; ").join(cite_name(v, k) for k in others)
        lines.append(f"{indent}{_t(lang, '另见：', 'See also: ')}{names}")
    return lines


def cite_name(v: Verdict, key: str) -> str:
    """《消费者权益保护法》第二十四条第一款, or in English 'Consumer Rights Protection Law Art. 24(1)'."""
    c = v.citations[key]
    return f"{c.short_en} {c.article_en}" if v.lang == "en" else f"《{c.short}》{c.article}"


def render_text(v: Verdict) -> str:
    lang = v.lang
    out: list[str] = []
    title = _t(lang, f"weiquan 维权分析：{v.case.product}（评估日期 {v.as_of}）",
               f"weiquan assessment: {v.case.product} (as of {v.as_of})")
    out += [title, "=" * 60, bottom_line(v), _status(v), ""]

    numbers = iter("一二三四五六七八")
    counter = iter(range(1, 9))

    def heading(zh: str, en: str) -> str:
        return f"{next(numbers)}、{zh}" if lang != "en" else f"{next(counter)}. {en}"

    out.append(heading("可以主张的权利", "Your claims"))
    if not v.findings:
        out.append(_t(lang, "  （无）", "  (none)"))
    for i, f in enumerate(v.findings, 1):
        word = strength_word(f.strength, lang)
        tag = f"【{word}】" if lang != "en" else f"[{word}] "
        out.append(f"{i}. {_MARK[f.strength]}{tag}{f.title}  ({f.id})")
        out.append("   " + _t(lang, "条文：", "The law (Chinese text):"))
        out += _quote_lines(v, f, "     ")
        out.append("   " + _t(lang, "理由：", "Why: ") + f.explanation)
        if f.demands:
            sep = "、" if lang != "en" else ", "
            out.append("   " + _t(lang, "可以要求：", "You may demand: ") + sep.join(label("demand", d, lang) for d in f.demands))
        out.append("")

    if v.not_applicable:
        out.append(heading("不适用的条文", "Articles that do not apply"))
        for n in v.not_applicable:
            heads = "、".join(cite_name(v, k) for k in n.cites)
            out.append(f"- {heads}：{n.why}" if lang != "en" else f"- {heads}: {n.why}")
        out.append("")

    out.append(heading("期限", "Deadlines"))
    for d in sorted(v.deadlines, key=lambda d: d.date):  # soonest first, as a reader scans them
        left = (_t(lang, f"已过 {-d.days_left} 天", f"passed {-d.days_left} days ago") if d.passed
                else _t(lang, f"还剩 {d.days_left} 天", f"{d.days_left} days left"))
        out.append(f"- {d.date}  {d.title}（{left}）" if lang != "en" else f"- {d.date}  {d.title} ({left})")
        out.append(f"  {d.explanation}")
    out.append("")

    if v.missing:
        out.append(heading("补充这些事实可能改变结论", "Facts that could change the outcome"))
        for m in v.missing:
            out.append(f"- {m.field}：{m.why}" if lang != "en" else f"- {m.field}: {m.why}")
        out.append("")

    out.append(heading("维权途径（《消费者权益保护法》第三十九条）", "Ways to resolve the dispute (consumer law art. 39)"))
    for i, c in enumerate(v.channels, 1):
        out.append(f"{i}. {c.text} — {c.how}")
    out.append("")

    if v.notes:
        out.append(_t(lang, "说明", "Notes"))
        for n in v.notes:
            out.append(f"- {n}")
        out.append("")
    out += ["-" * 60, v.notice]
    return "\n".join(out) + "\n"


def render_md(v: Verdict) -> str:
    lang = v.lang
    out: list[str] = []
    out.append(_t(lang, f"# 维权分析：{v.case.product}", f"# weiquan assessment: {v.case.product}"))
    out.append("")
    out.append(_t(lang, f"评估日期：{v.as_of} · {_status(v)}", f"As of {v.as_of} · {_status(v)}"))
    out.append("")
    out.append(f"**{bottom_line(v)}**")
    out.append("")
    out.append(_t(lang, "## 可以主张的权利", "## Your claims"))
    out.append("")
    if not v.findings:
        out.append(_t(lang, "（无）", "(none)"))
        out.append("")
    for f in v.findings:
        out.append(f"### {strength_word(f.strength, lang)}：{f.title}" if lang != "en"
                   else f"### {strength_word(f.strength, lang).capitalize()}: {f.title}")
        out.append("")
        out.append(f"`{f.id}`")
        out.append("")
        for line in _quote_lines(v, f, ""):
            out.append(f"> {line}")
            out.append(">")
        out.pop()
        out.append("")
        out.append(_t(lang, "**理由**：", "**Why**: ") + f.explanation)
        out.append("")
        if f.demands:
            sep = "、" if lang != "en" else ", "
            out.append(_t(lang, "**可以要求**：", "**You may demand**: ") + sep.join(label("demand", d, lang) for d in f.demands))
            out.append("")
    if v.not_applicable:
        out.append(_t(lang, "## 不适用的条文", "## Articles that do not apply"))
        out.append("")
        for n in v.not_applicable:
            heads = "、".join(cite_name(v, k) for k in n.cites)
            out.append(f"- **{heads}**：{n.why}" if lang != "en" else f"- **{heads}**: {n.why}")
        out.append("")
    out.append(_t(lang, "## 期限", "## Deadlines"))
    out.append("")
    out.append(_t(lang, "| 日期 | 期限 | 剩余 |", "| Date | Deadline | Left |"))
    out.append("|---|---|---|")
    for d in sorted(v.deadlines, key=lambda d: d.date):  # soonest first, as a reader scans them
        left = (_t(lang, f"已过 {-d.days_left} 天", f"passed {-d.days_left} days ago") if d.passed
                else _t(lang, f"{d.days_left} 天", f"{d.days_left} days"))
        out.append(f"| {d.date} | {d.title} | {left} |")
    out.append("")
    if v.missing:
        out.append(_t(lang, "## 补充这些事实可能改变结论", "## Facts that could change the outcome"))
        out.append("")
        for m in v.missing:
            out.append(f"- `{m.field}`：{m.why}" if lang != "en" else f"- `{m.field}`: {m.why}")
        out.append("")
    out.append(_t(lang, "## 维权途径（《消费者权益保护法》第三十九条）", "## Ways to resolve the dispute (consumer law art. 39)"))
    out.append("")
    for i, c in enumerate(v.channels, 1):
        out.append(f"{i}. {c.text} — {c.how}")
    out.append("")
    if v.notes:
        out.append(_t(lang, "## 说明", "## Notes"))
        out.append("")
        for n in v.notes:
            out.append(f"- {n}")
        out.append("")
    out.append(f"---\n\n*{v.notice}*")
    return "\n".join(out) + "\n"
