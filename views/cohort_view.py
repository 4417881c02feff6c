"""How a cohort report looks: a rich text report, JSON (CONTRACT.md §4) or CSV, and the progress bar.

Text is for reading in a terminal: the groups with a disparity, each with its best and worst
treatment, and where and by whom consumers were treated how. JSON is for programs and keeps every
group. CSV is for a spreadsheet (one row per group, with the user's language in headers and values,
and a byte-order mark so that Excel opens Chinese text as UTF-8).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from cohort import CohortReport
from cohort.aggregate import UNKNOWN_PARTY
from cohort.outcome import REMEDY_ORDER
from cohort.region import UNKNOWN_REGION
from engine.vocab import label
from kb.bilingual import pick
from views.cohort_words import product_name, ratio_range, ratio_text

TEXT_DETAILS = 10  # groups shown with their regions and parties in the text report
TEXT_SKIPPED = 20  # bad inputs listed in the text report (JSON lists them all, up to its own cap)
TEXT_REFS = 10  # consumers named per group in the text report
TEXT_DUPLICATES = 10  # duplicate cases named in the text report's input summary

# How an unknown region or handling party is shown: the two sub-tables (and CSV columns) sit side
# by side, so each says which of the two is unknown.
REGION_UNKNOWN = ("地区不明", "region unknown")
PARTY_UNKNOWN = ("处理方不明", "handler unknown")

_REASONS = {
    "free_vs_paid": ("有人免费、有人需付费", "some free, some paid"),
    "remedy_vs_none": ("有人获得处理、有人未获任何处理", "some got a remedy, some nothing"),
    "price_spread": ("价格比例相差不少于{spread}", "price ratios differ by {spread} or more"),
}


def _remedy(value: str, lang: str) -> str:
    return label("remedy", value, lang)


def _place(value: str | None, lang: str, unknown: tuple[str, str]) -> str:
    """A region or party as shown; `unknown` is REGION_UNKNOWN or PARTY_UNKNOWN."""
    if not value or value in (UNKNOWN_REGION, UNKNOWN_PARTY):
        return pick(lang, *unknown)
    return value


def _outcomes(outcomes: dict[str, int], lang: str, sep: str = "\n") -> str:
    return sep.join(f"{_remedy(r, lang)} {n}" for r, n in outcomes.items())


def _extreme(x: dict[str, Any], lang: str) -> str:
    what = _remedy(x["remedy"], lang)
    if x["target_model"]:
        what += pick(lang, f"（{x['target_model']}）", f" ({x['target_model']})")
    if x["remedy"] != "none":
        what += f" {ratio_text(x['price_ratio'], lang)}"
    return f"{what} ×{x['count']}"


def _group_title(g: dict[str, Any], lang: str) -> str:
    symptom = label("symptom", g["symptoms"][0], lang)
    return f"{product_name(g['brand'], g['model'])} · {g['production_batch']} · {symptom}"


def _reasons(g: dict[str, Any], spread: float, lang: str) -> str:
    parts = []
    for r in g["disparity_reasons"]:
        zh, en = _REASONS[r]
        parts.append(pick(lang, zh, en).format(spread=pick(lang, ratio_text(spread, lang), f"{spread:g}")))
    return pick(lang, "；", "; ").join(parts)


# ---------------------------------------------------------------- JSON and CSV

def to_json(report: CohortReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2)


def to_csv(report: CohortReport, lang: str = "zh") -> str:
    remedies = [str(r) for r in REMEDY_ORDER]
    head = [
        pick(lang, "序号", "rank"), pick(lang, "品牌", "brand"), pick(lang, "型号", "model"),
        pick(lang, "生产批次", "production_batch"), pick(lang, "故障", "symptom"), pick(lang, "人数", "size"),
        pick(lang, "明显差别待遇", "disparity"), pick(lang, "差别所在", "disparity_reasons"),
        *[_remedy(r, lang) for r in remedies],
        pick(lang, "最低价格比例", "price_ratio_min"), pick(lang, "最高价格比例", "price_ratio_max"),
        pick(lang, "最好处理", "best"), pick(lang, "最好处理人数", "best_count"),
        pick(lang, "最差处理", "worst"), pick(lang, "最差处理人数", "worst_count"),
        pick(lang, "可援引消保法第十条人数", "crpl10_count"),
        pick(lang, "按地区", "by_region"), pick(lang, "按处理方", "by_party"),
    ]
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(head)
    yes, no = pick(lang, "是", "yes"), pick(lang, "否", "no")
    for rank, g in enumerate(report.to_json()["groups"], start=1):
        pr = g["price_ratio"]
        w.writerow([
            rank, g["brand"] or "", g["model"], g["production_batch"], label("symptom", g["symptoms"][0], lang),
            g["size"], yes if g["disparity"] else no, _reasons(g, report.spread, lang),
            *[g["outcomes"].get(r, 0) for r in remedies],
            "" if pr["min"] is None else pr["min"], "" if pr["max"] is None else pr["max"],
            _remedy(g["best"]["remedy"], lang), g["best"]["count"],
            _remedy(g["worst"]["remedy"], lang), g["worst"]["count"],
            g["crpl10"]["count"],
            _slices(g["by_region"], lang, REGION_UNKNOWN), _slices(g["by_party"], lang, PARTY_UNKNOWN),
        ])
    return buf.getvalue()


def _slices(slices: dict[str, dict[str, Any]], lang: str, unknown: tuple[str, str]) -> str:
    sep = pick(lang, "；", "; ")
    return sep.join(pick(lang, f"{_place(k, lang, unknown)} {v['size']}（{_outcomes(v['outcomes'], lang, '，')}）",
                         f"{_place(k, lang, unknown)} {v['size']} ({_outcomes(v['outcomes'], lang, ', ')})")
                    for k, v in slices.items())


# ---------------------------------------------------------------- text

def render_text(report: CohortReport, lang: str = "zh", show_all: bool = False,
                console: Console | None = None) -> None:
    """The report for a person: summary, the table of groups, details of the worst, bad inputs."""
    con = console or Console(file=sys.stdout, highlight=False, width=None if sys.stdout.isatty() else 120)
    data = report.to_json()
    groups = data["groups"] if show_all else [g for g in data["groups"] if g["disparity"]]
    con.print(Text(pick(lang, f"同型号 · 同批次 · 同故障：处理结果对比（评估日期 {data['as_of']}）",
                      f"Same model, same batch, same fault: how consumers were treated (as of {data['as_of']})"),
                   style="bold"))
    for line in _summary(report, lang, show_all):
        con.print(Text(line))
    con.print()
    if not report.cases:
        con.print(Text(_no_cases(report, lang), style="bold"))
    elif groups:
        con.print(_table(groups, report, lang))
        for i, g in enumerate([g for g in groups if g["disparity"]][:TEXT_DETAILS], start=1):
            con.print()
            for part in _details(i, g, report, lang):
                con.print(part)
    else:
        con.print(pick(lang, "未发现同型号、同批次、同故障的消费者受到明显不同的对待。",
                     "No group of same-model, same-batch, same-fault consumers was treated materially differently."))
    if data["skipped"]:
        con.print()
        con.print(Text(pick(lang, f"跳过的输入（共 {data['skipped_total']} 件）：",
                          f"Skipped inputs ({data['skipped_total']} in all):"), style="bold"))
        for s in data["skipped"][:TEXT_SKIPPED]:
            where = s["source"] if s["line"] is None else pick(lang, f"{s['source']} 第{s['line']}行",
                                                              f"{s['source']} line {s['line']}")
            con.print(Text(pick(lang, f"  {where}：{s['error']}", f"  {where}: {s['error']}")))
        if data["skipped_total"] > TEXT_SKIPPED:
            con.print(pick(lang, f"  ……另有 {data['skipped_total'] - TEXT_SKIPPED} 件，完整列表见 --format json",
                         f"  … and {data['skipped_total'] - TEXT_SKIPPED} more; --format json lists them"))
    if report.cases:
        con.print()
        con.print(Text(_definitions(report, lang), style="dim"))


def _no_cases(report: CohortReport, lang: str) -> str:
    """Why there is no comparison at all (instead of a conclusion that nobody was treated differently)."""
    if report.skipped_total:
        return pick(lang, f"没有有效的案件可供比较：全部 {report.skipped_total} 件输入都有误（见下文），无法得出任何结论。"
                        "请改正后重新运行。",
                  f"No valid cases to compare: all {report.skipped_total} inputs are invalid (see below), so there is "
                  "no conclusion. Fix them and run again.")
    return pick(lang, "输入中没有任何案件，没有可供比较的案件，无法得出任何结论。",
              "The input holds no cases: nothing to compare, so there is no conclusion.")


def _shown(n_groups: int, n_disp: int, show_all: bool, lang: str) -> str:
    """Which of the groups the table below lists, so the summary and the table never seem to disagree."""
    if not n_groups:
        return ""
    if show_all:
        return pick(lang, "；下表列出全部组", "; the table lists all of them")
    if not n_disp:
        return pick(lang, "（用 --all 列出全部组）", " (--all lists every group)")
    if n_disp == n_groups:
        return pick(lang, "；下表列出这些组", "; the table lists them")
    return pick(lang, f"；下表只列出这 {n_disp} 个组（--all 列出全部 {n_groups} 个组）",
              f"; the table lists those {n_disp} (--all lists all {n_groups})")


def _summary(report: CohortReport, lang: str, show_all: bool = False) -> list[str]:
    d = report.to_json()
    n_groups, n_disp = len(d["groups"]), len(report.disparities)
    lines = [
        pick(lang, f"读取案件 {d['cases']} 件" + (f"；跳过 {d['skipped_total']} 件（有误，见文末）" if d["skipped_total"] else ""),
           f"{d['cases']} cases read" + (f"; {d['skipped_total']} skipped (see the end)" if d["skipped_total"] else "")),
    ]
    lines += _duplicates(d, lang)
    if not d["cases"]:
        return lines
    comp = d["comparators"]
    if comp["counted"] or comp["ungrouped"]:
        line = pick(lang, f"案件中记录的对比人（其他消费者）{comp['counted']} 人计入各组",
                  f"{comp['counted']} comparator(s) recorded in the case files counted in their groups")
        if comp["duplicates"]:
            line += pick(lang, f"（重复记录的 {comp['duplicates']} 人只计一次）",
                       f" ({comp['duplicates']} recorded more than once, counted once)")
        if comp["ungrouped"]:
            line += pick(lang, f"；{comp['ungrouped']} 人因型号、批次、症状或处理结果不明未计入",
                       f"; {comp['ungrouped']} not counted (model, batch, symptom or remedy unknown)")
        lines.append(line)
    ug = d["ungrouped"]
    if ug["no_batch"] or ug["no_symptoms"]:
        lines.append(pick(lang, f"未分组 {ug['no_batch'] + ug['no_symptoms']} 件：生产批次不明 {ug['no_batch']} 件"
                              f"（批次不明者不与任何人比较），未填写故障症状 {ug['no_symptoms']} 件",
                        f"{ug['no_batch'] + ug['no_symptoms']} not grouped: production batch unknown "
                        f"{ug['no_batch']} (never compared with anyone), no symptoms {ug['no_symptoms']}"))
    lines.append(pick(lang, f"共 {n_groups} 个组，其中 {n_disp} 个组存在明显差别待遇",
                    f"{n_groups} groups, {n_disp} with materially different treatment")
                 + _shown(n_groups, n_disp, show_all, lang))
    c = d["crpl10"]
    line = pick(lang, f"可援引消保法第十条（公平交易）主张同等对待的消费者：{c['consumers']} 人",
              f"Consumers who can cite consumer law art. 10 (fair trade) for equal treatment: {c['consumers']}")
    if n_groups > 1 and c["consumers"]:
        line += pick(lang, "（一人有多个症状时，在表中每个相应的组里各计一次）",
                   " (a consumer with several symptoms is counted once in each of their groups in the table)")
    if c["verified"]:
        line += pick(lang, f"；规则库逐案复核 {c['checked']} 件，结论一致 {c['agree']} 件",
                   f"; the rule base re-assessed {c['checked']} cases and agreed on {c['agree']}")
    lines.append(line)
    if c["disagree"]:
        refs = pick(lang, "、", ", ").join(x["ref"] for x in c["disagree"][:5])
        lines.append(pick(lang, f"警告：{c['checked'] - c['agree']} 件规则库结论与分组结论不一致（如 {refs}），"
                              "这是 weiquan 的缺陷，请报告",
                        f"Warning: on {c['checked'] - c['agree']} cases the rule base disagrees with the cohort "
                        f"(e.g. {refs}); this is a bug in weiquan, please report it"))
    return lines


def _duplicates(d: dict[str, Any], lang: str) -> list[str]:
    """How many cases were the same as one read before (each counted once), and where they are."""
    total = d["duplicates_total"]
    if not total:
        return []
    lines = [pick(lang, f"跳过重复案件 {total} 件（内容与先读到的案件完全相同，每件只计一次）：",
                f"{total} duplicate case(s) skipped (same content as a case read before; each case counts once):")]
    for x in d["duplicates"][:TEXT_DUPLICATES]:
        where = x["source"] if x["line"] is None else f"{x['source']}:{x['line']}"
        lines.append(pick(lang, f"  {where}（同 {x['same_as']}）", f"  {where} (same as {x['same_as']})"))
    if total > TEXT_DUPLICATES:
        lines.append(pick(lang, f"  ……另有 {total - TEXT_DUPLICATES} 件，完整列表见 --format json",
                        f"  … and {total - TEXT_DUPLICATES} more; --format json lists them"))
    return lines


def _table(groups: list[dict[str, Any]], report: CohortReport, lang: str) -> Table:
    t = Table(show_lines=True, header_style="bold")
    for col in (pick(lang, "#", "#"), pick(lang, "品牌 型号 · 批次 · 故障", "brand model · batch · fault"),
                pick(lang, "人数", "size"), pick(lang, "处理结果", "outcomes"), pick(lang, "价格", "price"),
                pick(lang, "最好 / 最差", "best / worst"), pick(lang, "可援引第十条", "can cite art. 10")):
        t.add_column(col, overflow="fold")
    for i, g in enumerate(groups, start=1):
        title = _group_title(g, lang)
        if g["disparity"]:
            title += "\n" + _reasons(g, report.spread, lang)
        t.add_row(str(i), title, str(g["size"]), _outcomes(g["outcomes"], lang), ratio_range(g["price_ratio"], lang, "—"),
                  pick(lang, "最好：", "best: ") + _extreme(g["best"], lang) + "\n"
                  + pick(lang, "最差：", "worst: ") + _extreme(g["worst"], lang),
                  str(g["crpl10"]["count"]))
    return t


def _details(i: int, g: dict[str, Any], report: CohortReport, lang: str) -> list[Any]:
    """One group by region and by handling party, largest first, then who can cite 第十条."""
    t = Table(title=f"#{i} {_group_title(g, lang)}", title_justify="left", title_style="bold",
              header_style="bold")
    t.add_column(pick(lang, "地区 / 处理方", "region / party"), overflow="fold")
    t.add_column(pick(lang, "人数", "size"), justify="right")
    t.add_column(pick(lang, "处理结果", "outcomes"), overflow="fold")
    t.add_column(pick(lang, "价格", "price"))
    for slices, unknown in ((g["by_region"], REGION_UNKNOWN), (g["by_party"], PARTY_UNKNOWN)):
        for k, v in sorted(slices.items(), key=lambda kv: (-kv[1]["size"], kv[0])):
            t.add_row(_place(k, lang, unknown), str(v["size"]),
                      _outcomes(v["outcomes"], lang, pick(lang, "，", ", ")), ratio_range(v["price_ratio"], lang, "—"))
        t.add_section()
    out: list[Any] = [t]
    refs, count = g["crpl10"]["consumers"][:TEXT_REFS], g["crpl10"]["count"]
    if refs:
        more = pick(lang, f" 等，共 {count} 人", f" and {count - len(refs)} more") if count > len(refs) else ""
        out.append(Text(pick(lang, "可援引消保法第十条：", "Can cite consumer law art. 10: ")
                        + pick(lang, "、", ", ").join(refs) + more))
    return out


def _definitions(report: CohortReport, lang: str) -> str:
    spread = report.spread
    return pick(
        lang,
        "说明：“组”指同品牌、同型号、同一生产批次，且有同一故障症状的消费者（一人有多个症状时计入每个相应的组；批次不明者不分组）。"
        "每人的处理结果取其获得或被提供的最好方案（价格比例最低者）；拒绝处理或未获任何方案记为“无任何处理”。"
        f"“明显差别待遇”指同组中有人免费、有人需付费，或有人获得处理、有人没有，或已知价格比例相差不少于{ratio_text(spread, lang)}。"
        "“可援引消保法第十条”指为生活消费购买，且同组有人以严格更低的价格获得处理。本报告为统计结果，不构成法律意见。",
        "Notes: a group is the consumers of one brand, model and production batch who share a symptom (a consumer "
        "with several symptoms is counted in each of their groups; unknown batches are not grouped). Each "
        "consumer's outcome is the best remedy they were given or offered (lowest price ratio); a refusal or no "
        "offer is 'nothing'. Materially different = in one group some got a free remedy and others a paid one, or "
        f"some a remedy and others nothing, or known price ratios differ by {spread:g} or more. Can cite art. 10 = "
        "bought for personal use, and someone in the group got a remedy at a strictly lower price. Statistics, "
        "not legal advice.",
    )


# ---------------------------------------------------------------- progress

@contextlib.contextmanager
def progress_bar(lang: str = "zh", enabled: bool = True, stream: TextIO | None = None) -> Iterator[Any]:
    """A progress bar on stderr for the two passes; yields the callback `analyse` wants (or None)."""
    if not enabled:
        yield None
        return
    console = Console(file=stream or sys.stderr)
    names = {"group": pick(lang, "读取与分组", "grouping"), "check": pick(lang, "逐案复核", "checking")}
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(names.get(phase, phase), total=total or None)
            bar.update(tasks[phase], completed=done)

        yield update


# ---------------------------------------------------------------- the command's output

def emit(report: CohortReport, fmt: str = "text", lang: str = "zh", show_all: bool = False,
         chart: Any = None) -> int:
    """Print the report (and save the chart); the exit code: 1 when inputs were skipped or the rule
    base disagreed with the cohort — the run finished, but the report is incomplete or suspect; 2
    when there was no valid case at all, so nothing could be compared. Duplicates skipped are not
    a problem: each case is counted once, as it should be."""
    if fmt == "json":
        sys.stdout.write(to_json(report) + "\n")
    elif fmt == "csv":
        sys.stdout.write(to_csv(report, lang))
    else:
        render_text(report, lang, show_all)
    if not report.cases:
        # Nothing was compared: no chart, and no "nobody was treated differently" — bad input (exit 2).
        if chart is not None:
            sys.stderr.write(pick(lang, f"没有有效的案件，未生成图表 {chart}。\n", f"no valid cases: chart {chart} not written.\n"))
        sys.stderr.write(pick(lang, f"没有有效的案件可供比较（{report.skipped_total} 件输入均有误）。\n",
                            f"no valid cases to compare ({report.skipped_total} input(s), all invalid).\n")
                         if report.skipped_total else
                         pick(lang, "输入中没有任何案件，没有可供比较的案件。\n", "the input holds no cases: nothing to compare.\n"))
        return 2
    if chart is not None:
        from views.cohort_chart import draw_chart

        used = draw_chart(report, chart, lang)
        if used != lang:
            sys.stderr.write(pick(lang, "未找到可显示中文的字体，图表改用英文标签。\n", ""))
        sys.stderr.write(pick(lang, f"图表已保存：{chart}\n", f"chart saved: {chart}\n"))
    if report.skipped_total:
        sys.stderr.write(pick(lang, f"有 {report.skipped_total} 件输入有误，已跳过（见报告）。\n",
                            f"{report.skipped_total} input(s) were invalid and skipped (see the report).\n"))
    return 1 if report.skipped_total or report.disagreements else 0
