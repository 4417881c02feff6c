"""How `weiquan check` reports: each citation with the sentence it sits in, the result, why, and the
article's own words, so that the reader can judge the checker as well as the draft.

Results that found nothing to check are shown as such ("未核对"), never as a confirmation.
"""

from __future__ import annotations

from rich.text import Text

from checker import Result
from kb.bilingual import T, pick
from kb.laws import lookup
from views.term import show, show_json

_LONG = 160  # an ok article's text longer than this is cut, with the command that prints it whole

_LABELS = {
    "ok": T("✓ 相符", "✓ ok"), "unchecked": T("○ 未核对", "○ not checked"), "mismatch": T("✗ 不相符", "✗ mismatch"),
    "misread": T("✗ 误读", "✗ misread"), "overreach": T("✗ 超出条文", "✗ overreach"), "unknown": T("? 未收录", "? unknown"),
    "unnamed": T("? 未指明法律", "? law not named"),
}
_STYLES = {"ok": "bold green", "unchecked": "dim", "mismatch": "bold red", "misread": "bold red", "overreach": "bold red",
           "unknown": "bold blue", "unnamed": "bold blue"}


def _kind(r: Result) -> str:
    return "unchecked" if r.result == "ok" and not r.checked else r.result


def _words(key: str, lang: str, whole: bool) -> str:
    """The cited words, paragraph by paragraph; for an ok citation only the first ones, with the command
    that prints the rest."""
    paras = lookup(key).text.split("\n")
    shown: list[str] = []
    for p in paras:
        if not whole and shown and sum(map(len, shown)) + len(p) > _LONG:
            break
        shown.append(p if whole or len(p) <= 2 * _LONG else p[:_LONG] + "……")
    if shown != paras:
        shown.append(pick(lang, f"（全文：weiquan law {key}）", f"(full text: weiquan law {key})"))
    return "\n      ".join(shown)


def render(results: list[Result], fmt: str, lang: str) -> None:
    if fmt == "json":
        show_json({"citations": [r.to_json() for r in results]})
        return
    if not results:
        show([Text(pick(lang, "未发现法律条文引用。", "No citation of a law found."))])
        return
    lines: list[Text] = []
    for n, r in enumerate(results, 1):
        lines += _citation(n, r, lang)
    lines.append(Text(_summary(results, lang), style="bold"))
    show(lines)


def _citation(n: int, r: Result, lang: str) -> list[Text]:
    """One citation: what it cites and the result, the sentence, what the article says, why, its words,
    and what to cite instead."""
    kind = _kind(r)
    head = Text.assemble((f"{n}. ", "bold"), (r.text, "bold"))
    if r.key:
        head.append(f"  → {r.key}", style="dim")
    head.append("  ")
    head.append(_LABELS[kind](lang), style=_STYLES[kind])
    lines = [head, Text.assemble((pick(lang, "   原文：", "   Sentence: "), "dim"), f"“{r.claim}”")]
    if r.says:
        lines.append(Text.assemble((pick(lang, "   本条内容：", "   The article: "), "dim"), r.says))
    lines.append(Text.assemble((pick(lang, "   说明：", "   Why: "), "dim"), r.why))
    if r.key and r.result not in ("unknown", "unnamed"):
        heading = lookup(r.key).heading
        lines.append(Text.assemble((pick(lang, f"   {heading}原文：", f"   {heading}: "), "dim"),
                                   _words(r.key, lang, whole=r.flagged)))
    if r.suggest:
        c = lookup(r.suggest)
        lines.append(Text.assemble((pick(lang, "   建议引用：", "   Cite instead: "), "dim"),
                                   (pick(lang, f"{c.label}（{c.key}）", f"{c.label} ({c.key})"), "bold")))
        lines.append(Text.assemble((pick(lang, "   该条原文：", "   Its words: "), "dim"), _words(r.suggest, lang, False)))
    lines.append(Text(""))
    return lines


def _summary(results: list[Result], lang: str) -> str:
    counts = {k: sum(1 for r in results if _kind(r) == k) for k in _LABELS}
    return pick(lang,
                f"共 {len(results)} 处引用：相符 {counts['ok']}，未核对 {counts['unchecked']}，不相符 {counts['mismatch']}，"
                f"误读 {counts['misread']}，超出条文 {counts['overreach']}，知识库未收录 {counts['unknown']}，"
                f"未指明法律 {counts['unnamed']}。",
                f"{len(results)} citation(s): {counts['ok']} ok, {counts['unchecked']} not checked, "
                f"{counts['mismatch']} mismatch, {counts['misread']} misread, {counts['overreach']} overreach, "
                f"{counts['unknown']} not in the knowledge base, {counts['unnamed']} with no law named.")
