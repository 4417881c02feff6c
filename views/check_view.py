"""How `weiquan check` reports: each citation with the sentence it sits in, the result, why, and the
article's own words, so that the reader can judge the checker as well as the draft.

Results that found nothing to check are shown as such ("未核对"), never as a confirmation.
"""

from __future__ import annotations

from rich.text import Text

from checker import Result
from kb.laws import lookup
from views.term import show, show_json

_LONG = 160  # an ok article's text longer than this is cut, with the command that prints it whole

_LABELS = {
    "zh": {"ok": "✓ 相符", "unchecked": "○ 未核对", "mismatch": "✗ 不相符", "misread": "✗ 误读", "overreach": "✗ 超出条文",
           "unknown": "? 未收录", "unnamed": "? 未指明法律"},
    "en": {"ok": "✓ ok", "unchecked": "○ not checked", "mismatch": "✗ mismatch", "misread": "✗ misread",
           "overreach": "✗ overreach", "unknown": "? unknown", "unnamed": "? law not named"},
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
        shown.append(f"(full text: weiquan law {key})" if lang == "en" else f"（全文：weiquan law {key}）")
    return "\n      ".join(shown)


def render(results: list[Result], fmt: str, lang: str) -> None:
    if fmt == "json":
        show_json({"citations": [r.to_json() for r in results]})
        return
    en = lang == "en"
    labels = _LABELS["en" if en else "zh"]
    if not results:
        show([Text("No citation of a law found." if en else "未发现法律条文引用。")])
        return
    lines: list[Text] = []
    for n, r in enumerate(results, 1):
        kind = _kind(r)
        head = Text.assemble((f"{n}. ", "bold"), (r.text, "bold"))
        if r.key:
            head.append(f"  → {r.key}", style="dim")
        head.append("  ")
        head.append(labels[kind], style=_STYLES[kind])
        lines.append(head)
        lines.append(Text.assemble(("   Sentence: " if en else "   原文：", "dim"), f"“{r.claim}”"))
        if r.says:
            lines.append(Text.assemble(("   The article: " if en else "   本条内容：", "dim"), r.says))
        lines.append(Text.assemble(("   Why: " if en else "   说明：", "dim"), r.why))
        if r.key and r.result not in ("unknown", "unnamed"):
            heading = lookup(r.key).heading
            lines.append(Text.assemble((f"   {heading}: " if en else f"   {heading}原文：", "dim"),
                                       _words(r.key, lang, whole=r.flagged)))
        if r.suggest:
            c = lookup(r.suggest)
            lines.append(Text.assemble(("   Cite instead: " if en else "   建议引用：", "dim"),
                                       (f"{c.label}（{c.key}）" if not en else f"{c.label} ({c.key})", "bold")))
            lines.append(Text.assemble(("   Its words: " if en else "   该条原文：", "dim"), _words(r.suggest, lang, False)))
        lines.append(Text(""))
    counts = {k: sum(1 for r in results if _kind(r) == k) for k in labels}
    if en:
        summary = (f"{len(results)} citation(s): {counts['ok']} ok, {counts['unchecked']} not checked, "
                   f"{counts['mismatch']} mismatch, {counts['misread']} misread, {counts['overreach']} overreach, "
                   f"{counts['unknown']} not in the knowledge base, {counts['unnamed']} with no law named.")
    else:
        summary = (f"共 {len(results)} 处引用：相符 {counts['ok']}，未核对 {counts['unchecked']}，不相符 {counts['mismatch']}，"
                   f"误读 {counts['misread']}，超出条文 {counts['overreach']}，知识库未收录 {counts['unknown']}，"
                   f"未指明法律 {counts['unnamed']}。")
    lines.append(Text(summary, style="bold"))
    show(lines)
