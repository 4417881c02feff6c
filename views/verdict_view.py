"""The verdict as a worried consumer reads it: the bottom line first, then each claim plainly.

Plain text and Markdown, both deterministic (no colours, no terminal widths), so the same case and
as-of date always print the same bytes. Statute words come from the verdict's `citations`, which the
engine looked up in kb/. What a demand rests on is the verdict's `demands` list (CONTRACT §2 v2) and
nothing else: only a demand given as of right carries a strength; a request is said to be one; a demand
no article gives says so.

Internal names (finding ids, case-file paths such as `comparators[0]`) never reach a consumer: the
rule texts that mention them are rewritten to reader-facing names here (`reader`), and the ids are
printed only with `verbose` (and in `--format json`).
"""

from __future__ import annotations

import re

from engine.verdict import Channel, DemandSupport, Finding, Verdict
from engine.vocab import label
from kb.bilingual import T, pick

_MARK = {"strong": "●", "arguable": "◐", "weak": "○"}
_NOTE_KINDS = {  # headings of the notes, by kind (CONTRACT §2 v2)
    "law_in_force": ("法律的施行", "Laws in force"),
    "self_operated": ("平台自营", "Self-operated store"),
    "calendar_not_covered": ("节假日顺延", "Holidays"),
    "other": ("其他说明", "Other notes"),
}
_NOTE_ORDER = tuple(_NOTE_KINDS)
_ID = re.compile(r"（([a-z0-9_]+\.[a-z0-9_.]+)）|\(([a-z0-9_]+\.[a-z0-9_.]+)\)")
_PATH = re.compile(r"(comparators|interactions|losses)\[(\d+)\]")
_PATH_NAMES = {
    "comparators": ("您提到的第{n}位其他消费者", "the other consumer no. {n} you named"),
    "interactions": ("第{n}次交涉", "contact no. {n}"),
    "losses": ("第{n}项损失", "loss no. {n}"),
}


def strength_word(strength: str, lang: str) -> str:
    return label("strength", strength, lang)


def reader(text: str, v: Verdict, verbose: bool = False) -> str:
    """A rule's sentence with internal names replaced by reader-facing ones: a finding id becomes
    "见第N项" (its number in the claims list), `comparators[0]` "您提到的第1位其他消费者", and an
    unstated value's "（未说明）" is dropped. With `verbose` the text is left as the engine wrote it."""
    if verbose:
        return text
    lang = v.lang
    numbers = {f.id: i for i, f in enumerate(v.findings, 1)}

    def finding(m: re.Match[str]) -> str:
        fid = m.group(1) or m.group(2)
        if fid in numbers:
            return pick(lang, f"（见第{numbers[fid]}项）", f" (see claim {numbers[fid]})")
        return ""

    def path(m: re.Match[str]) -> str:
        zh, en = _PATH_NAMES[m.group(1)]
        return pick(lang, zh, en).format(n=int(m.group(2)) + 1)

    text = _ID.sub(finding, text)
    text = re.sub(r"（(comparators|interactions|losses)\[(\d+)\]）", lambda m: path(m), text)
    text = _PATH.sub(path, text)
    return text.replace("（未说明）", "").replace(" (unspecified)", "")


def _demand_name(d: str, lang: str) -> str:
    return label("demand", d, lang)


def _graded(d: DemandSupport, lang: str) -> str:
    """A demand with what it rests on: its strength (as of right only), "a request", or "no article"."""
    name = _demand_name(d.demand, lang)
    if d.basis == "right" and d.strength:
        return pick(lang, f"{name}（{strength_word(d.strength, lang)}）", f"{name} ({strength_word(d.strength, lang)})")
    if d.basis == "request":
        return pick(lang, f"{name}（可以协商请求，非法定权利）", f"{name} (a request for settlement, not a legal right)")
    return pick(lang, f"{name}（没有条文给予这项要求）", f"{name} (no article gives it)")


def _split(v: Verdict) -> tuple[list[DemandSupport], list[DemandSupport], list[DemandSupport]]:
    rights = [d for d in v.demands if d.basis == "right" and d.strength]
    requests = [d for d in v.demands if d.basis == "request"]
    nones = [d for d in v.demands if d.basis == "none"]
    return rights, requests, nones


def nearest_deadline(v: Verdict):  # -> Deadline | None
    upcoming = [d for d in v.deadlines if not d.passed]
    return min(upcoming, key=lambda d: d.date) if upcoming else None  # a tie: the engine's order


def bottom_line(v: Verdict) -> str:
    """One paragraph: how many claims of each strength; the demands the law gives as of right, graded;
    the requests and the demands no article gives, not graded; the next date."""
    lang = v.lang
    parts = [_headline(v), *_demands_said(v)]
    first = nearest_deadline(v)
    if first is not None:
        parts.append(pick(lang, f"最近的期限：{first.date}（{first.title}，还剩 {first.days_left} 天）。",
                          f"Next deadline: {first.date} ({first.title}, {first.days_left} days left)."))
    return pick(lang, "", " ").join(parts)


_NOTHING_HOLDS = T("结论：依现有事实，未发现可以主张的权利，原因见“不适用的条文”。",
                   "Bottom line: on these facts no claim holds; see the articles that do not apply.")
_NOTHING_HOLDS_YET = T("结论：依现有事实，未发现可以主张的权利，原因见“不适用的条文”；补充下列事实可能改变结论。",
                       "Bottom line: on these facts no claim holds; see the articles that do not apply and the facts "
                       "that could change this.")


def _headline(v: Verdict) -> str:
    """How many claims of each strength, or that none holds (and whether more facts could change that)."""
    if not v.findings:
        return (_NOTHING_HOLDS_YET if v.missing else _NOTHING_HOLDS)(v.lang)
    counts = {s: sum(1 for f in v.findings if f.strength == s) for s in ("strong", "arguable", "weak")}
    return pick(v.lang, f"结论：有 {counts['strong']} 项有力主张、{counts['arguable']} 项可争取主张、{counts['weak']} 项较弱主张。",
                f"Bottom line: {counts['strong']} strong, {counts['arguable']} arguable and {counts['weak']} weak claim(s).")


# What the bottom line says of the demands, in its order: the user's own given as of right, the others
# given as of right, the requests, those no article gives.
_MINE = T("您的要求中依法可以主张的：", "Your demands the law gives: ")
_MORE = T("还可以依法要求：", "You may also demand: ")
_REQUESTS = T("可以协商请求（非法定权利）：", "You may ask for, as a request for settlement (not a legal right): ")
_NONES = T("没有条文给予的要求：", "No article gives: ")


def _demands_said(v: Verdict) -> list[str]:
    lang = v.lang
    rights, requests, nones = _split(v)
    sep = pick(lang, "、", ", ")

    def graded(d: DemandSupport) -> str:
        return _graded(d, lang)

    def named(d: DemandSupport) -> str:
        return _demand_name(d.demand, lang)

    said = ((_MINE, [d for d in rights if d.requested], graded), (_MORE, [d for d in rights if not d.requested], graded),
            (_REQUESTS, requests, named), (_NONES, nones, named))
    return [f"{head(lang)}{sep.join(map(how, demands))}{pick(lang, '。', '.')}" for head, demands, how in said if demands]


def _status(v: Verdict) -> str:
    lang = v.lang
    w = v.case.in_warranty
    state = (pick(lang, "保修期内发现故障", "fault noticed within the warranty") if w
             else pick(lang, "过保后发现故障", "fault noticed after the warranty") if w is False
             else pick(lang, "保修状态未知", "warranty status unknown"))
    days = pick(lang, f"收货后第 {v.case.days_since_purchase} 天", f"day {v.case.days_since_purchase} since delivery")
    return f"{state} · {days}"


def _quote_lines(v: Verdict, f: Finding, indent: str) -> list[str]:
    lang = v.lang
    lines = []
    keys = f.quotes or f.cites
    for key in keys:
        c = v.citations[key]
        lines.append(pick(lang, f"{indent}{cite_name(v, key)}：“{c.text}”", f"{indent}{cite_name(v, key)}: “{c.text}”"))
    others = [k for k in f.cites if not any(q == k or q.startswith(k + ":") for q in keys)]
    if others:
        names = pick(lang, "、", "; ").join(cite_name(v, k) for k in others)
        lines.append(f"{indent}{pick(lang, '另见：', 'See also: ')}{names}")
    return lines


def cite_name(v: Verdict, key: str) -> str:
    """《消费者权益保护法》第二十四条第一款, or in English 'Consumer Rights Protection Law Art. 24(1)'."""
    c = v.citations[key]
    return pick(v.lang, f"《{c.short}》{c.article}", f"{c.short_en} {c.article_en}")


def _finding_gives(v: Verdict, f: Finding) -> list[str]:
    """What one claim lets the consumer demand (as of right) and ask for (as a request), as lines."""
    lang = v.lang
    sep = pick(lang, "、", ", ")
    out = []
    if f.demands:
        out.append(pick(lang, "可以依法要求：", "You may demand: ") + sep.join(_demand_name(d, lang) for d in f.demands))
    if f.requests:
        out.append(pick(lang, "可以协商请求（非法定权利）：", "You may ask for (a request, not a legal right): ")
                   + sep.join(_demand_name(d, lang) for d in f.requests))
    return out


def _demand_lines(v: Verdict) -> list[str]:
    """Each demand once, with what it rests on (CONTRACT §2 v2 `demands`)."""
    lang = v.lang
    numbers = {f.id: i for i, f in enumerate(v.findings, 1)}
    out = []
    for d in v.demands:
        mine = pick(lang, "（您的要求）", " (your demand)") if d.requested else ""
        shown = [numbers[x] for x in d.findings if x in numbers]
        where = pick(lang, "、".join(f"第{n}项" for n in shown), ", ".join(f"claim {n}" for n in shown))
        if d.basis == "right" and d.strength:
            what = pick(lang, f"依法可以主张，{strength_word(d.strength, lang)}（依据{where}）",
                      f"as of right, {strength_word(d.strength, lang)} (claim basis: {where})")
        elif d.basis == "request":
            what = pick(lang, f"可以协商请求（非法定权利），没有条文赋予这项权利（见{where}）",
                      f"a request for settlement (not a legal right); no article gives it as of right (see {where})")
        else:
            what = pick(lang, "没有条文给予这项要求：可以向对方提出，但不能以法律为依据要求对方做到",
                      "no article gives it: you may ask, but no law makes the business do it")
        out.append(f"- {_demand_name(d.demand, lang)}{mine}{pick(lang, '：', ': ')}{what}")
    return out


def _deadline_body(d, v: Verdict, verbose: bool) -> tuple[str, list[str]]:
    """A deadline's explanation without the arguments it ends with, and the arguments as lines."""
    lang = v.lang
    text = d.explanation
    lines = []
    for a in d.arguments:
        text = text.replace("；" + a.why, "").replace("; " + a.why, "").replace(a.why, "").rstrip("；; ")
        lines.append(pick(lang, f"可以主张的更晚日期 {a.date}：{reader(a.why, v, verbose)}",
                        f"a later date that can be argued, {a.date}: {reader(a.why, v, verbose)}"))
    return reader(text, v, verbose), lines


def _channel_groups(v: Verdict) -> list[tuple[str, list[Channel], str]]:
    """The channels in order, alternatives grouped: [(kind, channels, shared how)]; kind one|alternatives|extra."""
    out: list[tuple[str, list[Channel], str]] = []
    done: set[str] = set()
    by_id = {c.id: c for c in v.channels}
    for c in v.channels:
        if c.id in done:
            continue
        if c.alternatives:
            group = [c] + [by_id[a] for a in c.alternatives if a in by_id and a not in done]
            done.update(x.id for x in group)
            parts = [x.how.split("；") for x in group]
            shared = [p for p in parts[0] if all(p in q for q in parts[1:])] if len(group) > 1 else []
            out.append(("alternatives", group, "；".join(shared)))
        else:
            done.add(c.id)
            out.append(("extra" if c.id == "joint_complaint" else "one", [c], ""))
    return out


def _how(c: Channel, shared: str) -> str:
    return "；".join(p for p in c.how.split("；") if p not in shared.split("；")) if shared else c.how


def _channel_lines(v: Verdict, md: bool = False) -> list[str]:
    lang = v.lang
    out: list[str] = []
    n = 0
    for kind, group, shared in _channel_groups(v):
        if kind == "alternatives":
            labels = []
            for _c in group:
                n += 1
                labels.append(str(n))
            for label_n, c in zip(labels, group, strict=True):
                out.append(f"{label_n}. {c.text} — {_how(c, shared)}")
            head = pick(lang, f"第{'、'.join(labels)}项只能选择其一", f"{' and '.join(labels)}: choose one of the two")
            head = f"**{head}**" if md else head
            out.append(("" if md else "   ") + (f"{head}{pick(lang, '：', ': ')}{shared}" if shared else head))
        elif kind == "extra":
            c = group[0]
            out.append(pick(lang, f"另外：{c.text} — {c.how}", f"Also: {c.text} — {c.how}"))
        else:
            n += 1
            c = group[0]
            out.append(f"{n}. {c.text} — {c.how}")
    return out


def _notes(v: Verdict, verbose: bool) -> list[tuple[str, list[str]]]:
    lang = v.lang
    out = []
    for kind in _NOTE_ORDER + tuple(sorted({n.kind for n in v.notes} - set(_NOTE_ORDER))):
        texts = [reader(n.text, v, verbose) for n in v.notes if n.kind == kind]
        if texts:
            zh, en = _NOTE_KINDS.get(kind, _NOTE_KINDS["other"])
            out.append((pick(lang, zh, en), texts))
    return out


def _missing_line(v: Verdict, m, verbose: bool) -> str:
    why = reader(m.why, v, verbose)
    if verbose:
        return pick(v.lang, f"- {m.field}：{why}", f"- {m.field}: {why}")
    return f"- {why}"


def next_step(v: Verdict) -> str:
    """What to do first: the first channel's own advice (negotiation: a written demand), then the choice."""
    lang = v.lang
    first = v.channels[0] if v.channels else None
    ids = {c.id for c in v.channels}
    text = first.how if first else ""
    if {"mediation", "samr_complaint"} <= ids:
        text += pick(lang, "；对方仍不处理的，可请求消协调解或向 12315 投诉（二者择一），或向法院起诉",
                   "; if that fails, ask the consumer association to mediate or complain to 12315 (one of the two), or sue")
    return text


def summary_lines(v: Verdict) -> list[str]:
    """The short screen shown first: the claims with their strength, what to demand, the nearest
    deadline, the next step. The full text follows in a pager."""
    lang = v.lang
    rights, requests, nones = _split(v)
    sep = pick(lang, "、", ", ")
    out = [pick(lang, f"维权分析摘要：{v.case.product}（{_status(v)}）", f"Summary: {v.case.product} ({_status(v)})"), ""]
    out.append(pick(lang, "可以主张的权利：", "Your claims:"))
    if not v.findings:
        out.append(pick(lang, "  依现有事实，未发现可以主张的权利。", "  On these facts no claim holds."))
    for i, f in enumerate(v.findings, 1):
        word = strength_word(f.strength, lang)
        out.append(pick(lang, f"  {i}. {_MARK[f.strength]}【{word}】{f.title}", f"  {i}. {_MARK[f.strength]} [{word}] {f.title}"))
    out.append("")
    out.append(pick(lang, "可以要求：", "What to demand:"))
    if rights:
        out.append("  " + pick(lang, "依法可以主张：", "as of right: ") + sep.join(_graded(d, lang) for d in rights))
    if requests:
        out.append("  " + pick(lang, "可以协商请求（非法定权利）：", "as a request (not a legal right): ")
                   + sep.join(_demand_name(d.demand, lang) for d in requests))
    if nones:
        out.append("  " + pick(lang, "没有条文给予：", "no article gives: ") + sep.join(_demand_name(d.demand, lang) for d in nones))
    if not (rights or requests or nones):
        out.append(pick(lang, "  （无）", "  (none)"))
    out.append("")
    first = nearest_deadline(v)
    if first is not None:
        out.append(pick(lang, f"最近的期限：{first.date} {first.title}（还剩 {first.days_left} 天）",
                      f"Nearest deadline: {first.date} {first.title} ({first.days_left} days left)"))
    else:
        out.append(pick(lang, "最近的期限：没有尚未届满的期限", "Nearest deadline: none still open"))
    step = next_step(v)
    if step:
        out.append(pick(lang, f"下一步：{step}", f"Next step: {step}"))
    out += ["", v.notice]
    return out


def render_summary(v: Verdict) -> str:
    return "\n".join(summary_lines(v)) + "\n"


def render_text(v: Verdict, verbose: bool = False) -> str:
    lang = v.lang
    out: list[str] = []
    title = pick(lang, f"维权分析：{v.case.product}（评估日期 {v.as_of}）",
               f"weiquan assessment: {v.case.product} (as of {v.as_of})")
    out += [title, "=" * 60, bottom_line(v), _status(v), ""]

    counter = iter(range(1, 11))

    def heading(zh: str, en: str) -> str:
        n = next(counter)
        return pick(lang, f"{'一二三四五六七八九十'[n - 1]}、{zh}", f"{n}. {en}")

    out.append(heading("可以主张的权利", "Your claims"))
    if not v.findings:
        out.append(pick(lang, "  （无）", "  (none)"))
    for i, f in enumerate(v.findings, 1):
        word = strength_word(f.strength, lang)
        tag = pick(lang, f"【{word}】", f"[{word}] ")
        out.append(f"{i}. {_MARK[f.strength]}{tag}{f.title}" + (f"  ({f.id})" if verbose else ""))
        out.append("   " + pick(lang, "条文：", "The law (Chinese text):"))
        out += _quote_lines(v, f, "     ")
        out.append("   " + pick(lang, "理由：", "Why: ") + reader(f.explanation, v, verbose))
        out += ["   " + line for line in _finding_gives(v, f)]
        out.append("")

    if v.demands:
        out.append(heading("各项要求的依据", "What each demand rests on"))
        out += _demand_lines(v)
        out.append("")

    if v.not_applicable:
        out.append(heading("不适用的条文", "Articles that do not apply"))
        out += _not_applicable_lines(v, verbose)
        out.append("")

    out.append(heading("期限", "Deadlines"))
    out += _deadline_lines(v, verbose)
    out.append("")

    if v.missing:
        out.append(heading("补充这些事实可能改变结论", "Facts that could change the outcome"))
        out += [_missing_line(v, m, verbose) for m in v.missing]
        out.append("")

    out.append(heading("维权途径（《消费者权益保护法》第三十九条）", "Ways to resolve the dispute (consumer law art. 39)"))
    out += _channel_lines(v)
    out.append("")

    for head, texts in _notes(v, verbose):
        out.append(pick(lang, f"说明：{head}", f"Note: {head}"))
        out += [f"- {x}" for x in texts]
        out.append("")
    out += ["-" * 60, v.notice]
    return "\n".join(out) + "\n"


def render_md(v: Verdict, verbose: bool = False) -> str:
    lang = v.lang
    out = [pick(lang, f"# 维权分析：{v.case.product}", f"# weiquan assessment: {v.case.product}"), "",
           pick(lang, f"评估日期：{v.as_of} · {_status(v)}", f"As of {v.as_of} · {_status(v)}"), "",
           f"**{bottom_line(v)}**", "", pick(lang, "## 可以主张的权利", "## Your claims"), ""]
    if not v.findings:
        out += [pick(lang, "（无）", "(none)"), ""]
    for i, f in enumerate(v.findings, 1):
        out += _md_finding(v, i, f, verbose)
    if v.demands:
        out += [pick(lang, "## 各项要求的依据", "## What each demand rests on"), "", *_demand_lines(v), ""]
    if v.not_applicable:
        out += [pick(lang, "## 不适用的条文", "## Articles that do not apply"), "", *_not_applicable_lines(v, verbose, md=True), ""]
    out += [pick(lang, "## 期限", "## Deadlines"), "", *_deadline_lines(v, verbose, md=True), ""]
    if v.missing:
        out += [pick(lang, "## 补充这些事实可能改变结论", "## Facts that could change the outcome"), "",
                *[_missing_line(v, m, verbose) for m in v.missing], ""]
    out += [pick(lang, "## 维权途径（《消费者权益保护法》第三十九条）", "## Ways to resolve the dispute (consumer law art. 39)"), ""]
    for line in _channel_lines(v, md=True):
        out += [line, ""]
    for head, texts in _notes(v, verbose):
        out += [pick(lang, f"## 说明：{head}", f"## Note: {head}"), "", *[f"- {x}" for x in texts], ""]
    out.append(f"---\n\n*{v.notice}*")
    return "\n".join(out) + "\n"


def _md_finding(v: Verdict, i: int, f: Finding, verbose: bool) -> list[str]:
    """One claim in Markdown: its heading, the article's words as a quotation, why, what it gives."""
    lang = v.lang
    word = strength_word(f.strength, lang)
    out = [pick(lang, f"### {i}. {word}：{f.title}", f"### {i}. {word.capitalize()}: {f.title}"), ""]
    if verbose:
        out += [f"`{f.id}`", ""]
    for line in _quote_lines(v, f, ""):
        out += [f"> {line}", ">"]
    out.pop()
    out += ["", pick(lang, "**理由**：", "**Why**: ") + reader(f.explanation, v, verbose), ""]
    colon = pick(lang, "：", ": ")
    for line in _finding_gives(v, f):
        head, _, rest = line.partition(colon)
        out += [f"**{head}**{colon}{rest}", ""]
    return out


def _not_applicable_lines(v: Verdict, verbose: bool, md: bool = False) -> list[str]:
    out = []
    for n in v.not_applicable:
        heads = "、".join(cite_name(v, k) for k in n.cites)
        out.append(f"- {f'**{heads}**' if md else heads}{pick(v.lang, '：', ': ')}{reader(n.why, v, verbose)}")
    return out


def _deadline_lines(v: Verdict, verbose: bool, md: bool = False) -> list[str]:
    """Each deadline with the days left (or passed), its explanation, and the later dates that can be argued."""
    lang = v.lang
    out = []
    for d in sorted(v.deadlines, key=lambda d: d.date):  # soonest first, as a reader scans them
        left = (pick(lang, f"已过 {-d.days_left} 天", f"passed {-d.days_left} days ago") if d.passed
                else pick(lang, f"还剩 {d.days_left} 天", f"{d.days_left} days left"))
        when = f"**{d.date}** " if md else f"{d.date}  "
        out.append(pick(lang, f"- {when}{d.title}（{left}）", f"- {when}{d.title} ({left})"))
        body, arguments = _deadline_body(d, v, verbose)
        out.append(f"  {body}")
        out += [f"  {'-' if md else '·'} {a}" for a in arguments]
    return out
