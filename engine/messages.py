"""The one catalogue of input-error and interface messages, in Chinese and English.

A case-file field and a command-line option that get a bad value are told in the same sentence: the
pydantic adapter (engine/errors.py) and the click adapter (cli.py) both fill in an entry here with the
name, the value and what is allowed, so a sentence is worded once and cannot drift between them. The parts
a sentence is built from (what was expected, the allowed range) are entries too. Nothing here imports
the engine, the CLI or the views, so anything may use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kb.bilingual import T, pick


@dataclass(frozen=True)
class Msg(T):
    """A sentence with {placeholders}. A value that is itself a `T` is said in the sentence's language,
    so a sentence and its parts cannot end up in two languages."""

    def __call__(self, lang: str = "zh", **values: object) -> str:
        text = pick(lang, self.zh, self.en)
        return text.format(**{k: v(lang) if isinstance(v, T) else v for k, v in values.items()})


def listing(lang: str, items: Iterable[str]) -> str:
    """Items as a sentence lists them: 甲、乙 in Chinese, a, b in English."""
    return pick(lang, "、", ", ").join(items)


# --- a bad value: the sentences both adapters use ({name} is a field path or an option) ---------------------
NOT_ALLOWED = Msg("{name}: 值 {shown} 不在允许范围内。允许的值：{allowed}",
                  "{name}: {shown} is not allowed. Allowed values: {allowed}")
INVALID = Msg("{name}: 值 {shown} 无效，{why}", "{name}: {shown} is invalid: {why}")
OUT_OF_RANGE = Msg("{name}: 值 {shown} 超出范围，{allowed}", "{name}: {shown} is out of range; allowed: {allowed}")

# what was expected (the {why} of INVALID)
NO_SUCH_DAY = Msg("该日期在日历上不存在", "no such day in the calendar")
EXPECTED_DATE = Msg("应为 YYYY-MM-DD 格式的日期，例如 {example}", "expected a YYYY-MM-DD date, e.g. {example}")
EXPECTED_MONTH = Msg("应为 YYYY-MM 格式的月份（1990-01 到 2099-12），例如 2024-04",
                     "expected a YYYY-MM month (1990-01 to 2099-12), e.g. 2024-04")
EXPECTED = Msg("应为{what}", "expected a {what}")
WHOLE_NUMBER = Msg("整数", "whole number")
NUMBER = Msg("数字", "number")
UNQUOTED = Msg("（数字不加引号）", " without quotes")
WITHIN = Msg("，允许 {bounds}", "; allowed: {bounds}")
EXPECTED_FINITE = Msg("应为有限的数字（{bounds}）", "expected a finite number ({bounds})")
EXPECTED_BOOL = Msg("应为 true（是）、false（否）或 null（不知道）", "expected true, false or null (unknown)")
EXPECTED_TEXT = Msg("应为文本", "expected text")
EXPECTED_LIST = Msg("应为列表，例如 [a, b]", "expected a list, e.g. [a, b]")
EXPECTED_MAPPING = Msg("应为映射（字段: 值）", "expected a mapping (field: value)")
EXPECTED_SCHEDULER = Msg("应为 tcp://主机:端口，例如 tcp://10.0.0.5:8786", "expected tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786")

# what is allowed (the {allowed} of OUT_OF_RANGE)
BOUNDS = Msg("允许 {bounds}", "{bounds}")
DATES_BETWEEN = Msg("允许 {lo} 到 {hi} 之间的日期", "a date from {lo} to {hi}")
BETWEEN = Msg("应为{lo} 到 {hi} 之间的{what}", "a {what} from {lo} to {hi}")
AT_LEAST = Msg("应为不小于 {lo} 的{what}", "a {what} of at least {lo}")
AT_MOST = Msg("应为不大于 {hi} 的{what}", "a {what} of at most {hi}")

# a value quoted in a message, cut short
CUT_TEXT = Msg("…（共 {n} 字）", "… ({n} characters)")
CUT_DIGITS = Msg("…（共 {n} 位）", "… ({n} digits)")

# --- the case file's fields (the pydantic adapter) ---------------------------------------------------------
UNKNOWN_FIELD = Msg("{name}: 未知字段（是否拼写错误？）。此处允许的字段：{allowed}",
                    "{name}: unknown field (a typo?). Fields allowed here: {allowed}")
MISSING_FIELD = Msg("{name}: 缺少必填字段", "{name}: required field is missing")
LONE_SURROGATE = Msg("{name}: 含无法表示的字符（单独的代理码位，如 \\ud800）；请删去",
                     "{name}: holds a character that cannot exist in text (a lone surrogate such as \\ud800); remove it")
BAD_CHAR = Msg("{name}: 值 {shown} 含不允许的字符 {char}；{ok}",
               "{name}: {shown} holds the character {char}, which is not allowed: {ok}")
LINES_OK = Msg("可以换行，但不能含其他控制字符、分段符或双向排版控制符",
               "line breaks are fine, other control, separator or bidi-override characters are not")
ONE_LINE = Msg("应为一行文字，不能含换行、制表符等控制字符、分段符或双向排版控制符",
               "one line of text, without line breaks, tabs or other control, separator or bidi characters")
TOO_MANY_ITEMS = Msg("{name}: 共 {n} 项，最多允许 {most} 项", "{name}: {n} items; at most {most} are allowed")
TEXT_TOO_LONG = Msg("{name}: 文本过长（{n} 个字符，最多 {most} 个）", "{name}: text too long ({n} characters, at most {most})")
EMPTY_TEXT = Msg("{name}: 不能为空", "{name}: must not be empty")
NOT_ONE_OF = Msg("{name}: 值 {shown} 无效，允许的值：{allowed}", "{name}: {shown} is invalid; allowed: {allowed}")
INVALID_BECAUSE = Msg("{name}: 值 {shown} 无效（{why}）", "{name}: {shown} is invalid ({why})")
AFTER_AS_OF = Msg("{name}: 日期 {value} 晚于评估日期 {as_of}；日期不能在未来",
                  "{name}: {value} is after the assessment date {as_of}; dates cannot be in the future")
NOTICED_BEFORE_PURCHASE = Msg("{name}: 日期 {value} 早于收货日期 purchase.date（{other}）；发现故障不能早于收货",
                              "{name}: {value} is before purchase.date ({other}); a fault cannot be noticed before delivery")
BEFORE_PURCHASE = Msg("{name}: 日期 {value} 早于收货日期 purchase.date（{other}）", "{name}: {value} is before purchase.date ({other})")
BATCH_AFTER_PURCHASE = Msg("{name}: 生产批次 {value} 晚于购买月份 {other}，不可能",
                           "{name}: production batch {value} is after the purchase month {other}")
NOT_A_MAPPING = Msg("案件文件的顶层应为一个映射（字段: 值，如 product: …），而不是{kind}；格式见 examples/ 或 weiquan schema",
                    "the case file must be a mapping (field: value, like product: …) at the top level, not {kind}; "
                    "see examples/ or weiquan schema")

# what a user would call a YAML/JSON value (the {kind} of NOT_A_MAPPING)
KIND_EMPTY = Msg("空文件（或只有注释）", "an empty file (or only comments)")
KIND_YES_NO = Msg("是/否值（true/false）", "a yes/no value (true/false)")
KIND_NUMBER = Msg("数字 {value}", "a number ({value})")
KIND_TEXT = Msg("一段文本", "a piece of text")
KIND_LIST = Msg("列表", "a list")
KIND_MAPPING = Msg("映射", "a mapping")
KIND_OTHER = Msg("其他类型的值", "some other kind of value")

# --- reading the input (engine/errors.py, engine/batch.py) ---------------------------------------------------
NOT_UTF8 = Msg("不是 UTF-8 编码的文本（第 {at} 个字节 0x{byte} 无法解码）；请以 UTF-8 编码保存",
               "not UTF-8 text (byte 0x{byte} at byte {at}); save it as UTF-8")
LINE_BAD_JSON = Msg("JSON 格式错误（第{column}列）：{why}", "invalid JSON (column {column}): {why}")
LINE_TOO_DEEP = Msg("JSON 嵌套层数过多，无法读取", "JSON nested too deeply to read")
LINE_TOO_MANY_DIGITS = Msg("JSON 中的数字位数过多（超过 {digits} 位），无法读取",
                           "a number in the JSON has too many digits (more than {digits}): {why}")
LINE_LONE_SURROGATE = Msg("文本中有无效的 Unicode 字符（单独的代理项 {char}），无法使用",
                          "the text holds an invalid Unicode character (a lone surrogate {char})")
CASE_TOO_DEEP = Msg("案件嵌套层数过多，无法读取", "the case is nested too deeply to read")
LINE_INTERNAL_ERROR = Msg("内部错误（{kind}）：这一行无法分析，这是 weiquan 的缺陷，请报告；其余各行不受影响",
                          "internal error ({kind}): this line could not be assessed; this is a bug in weiquan, please "
                          "report it; the other lines are not affected")

# --- the command line (the click adapter) ---------------------------------------------------------------
BAD_COMMAND_LINE = Msg("命令行有误:", "Invalid command line:")
SEE_HELP = Msg("查看帮助：{command} --help", "Help: {command} --help")
MISSING_OPTION = Msg("缺少必填参数 {name}", "missing required {name}")
OPTION_INVALID = Msg("{name}: 值 {shown} 无效", "{name}: {shown} is invalid ({why})")  # Chinese: no click English
NO_SUCH_OPTION = Msg("没有选项 {option}", "no such option: {option}")
DID_YOU_MEAN = Msg("（是否想用 {options}？）", " (did you mean {options}?)")
NEEDS_VALUE = Msg("选项 {option} 后面需要一个值", "option {option} needs a value after it")
EXTRA_ARGUMENTS = Msg("多余的参数：{args}", "unexpected extra argument(s): {args}")
NO_SUCH_COMMAND = Msg("没有命令 '{command}'。可用的命令：{commands}", "no such command '{command}'. Commands: {commands}")
ABORTED = Msg("已中止。", "Aborted.")
INTERRUPTED = Msg("已中断。", "Interrupted.")
BAD_INPUT = Msg("输入有误", "Invalid input")
COULD_NOT_FINISH = Msg("无法完成", "Could not finish")
FROM_SOURCE = Msg("（{source}）", " ({source})")
STDOUT_UNWRITABLE = Msg("无法写入标准输出：{why}", "cannot write to standard output: {why}")
STDOUT_CLOSED = Msg("标准输出已关闭，结果无处可写；请把输出重定向到文件（> 文件名）或用 -o",
                    "standard output is closed, so there is nowhere to write; redirect it (> FILE) or use -o")
CANNOT_USE = Msg("无法访问 {path}：{why}", "cannot use {path}: {why}")
CANNOT_READ_FILE = Msg("无法读取文件 {path}：{why}", "cannot read {path}: {why}")
INTERNAL_ERROR = Msg("内部错误（{kind}）。这是 weiquan 的缺陷；完整的错误记录已写入 {trace}",
                     "Internal error ({kind}). This is a bug in weiquan; the full trace is in {trace}")
STDIN = Msg("标准输入", "stdin")
WRITTEN = Msg("已写入 {path}", "written to {path}")
LINES_FAILED = Msg("{bad} 行无法分析（见输出中的 error）", "{bad} line(s) could not be assessed (see their error objects)")
SCHEDULER_UNREACHABLE = Msg("--scheduler: 无法连接 Dask 调度器 {address}（{reason}）；请先启动调度器和工作进程（见 README「速度」一节）",
                            "--scheduler: cannot reach the Dask scheduler at {address} ({reason}); "
                            "start a scheduler and workers first (README, Speed)")
DASK_NEEDS_SCHEDULER = Msg("--backend dask 需要 --scheduler，例如 --scheduler tcp://127.0.0.1:8786",
                           "--backend dask needs --scheduler, e.g. --scheduler tcp://127.0.0.1:8786")
SCHEDULER_ONLY_DASK = Msg("--scheduler 只用于 --backend dask", "--scheduler is only for --backend dask")
WORKERS_LOWERED = Msg("--workers {asked} 多于 CPU 核心数，改用 {n} 个进程",
                      "--workers {asked} is more than the CPUs here; using {n} processes")
CITATIONS_JSONL_ONLY = Msg("--citations 只用于 jsonl 输出，而不是 {format}", "--citations applies to jsonl output only, not {format}")
BATCH_JSONL_ONLY = Msg("--format: 批量输入（.jsonl）只支持 jsonl，而不是 {format}",
                       "--format: batch input (.jsonl) supports jsonl only, not {format}")
SEARCH_NEEDS_WORDS = Msg("--search: 需要至少一个检索词，且不能与条号同时使用", "--search: give at least one word, and no ARTICLE with it")
RULES_NEED_ARTICLE = Msg("--rules: 需要指明一条法条，如 weiquan law crpl 24 --rules",
                         "--rules: name one article, e.g. weiquan law crpl 24 --rules")

# --- letters ---------------------------------------------------------------------------------------------
FORMAT_NOT_ONE_OF = Msg("{name}: 值 {shown} 无效，允许：{allowed}", "{name}: {shown} is invalid; allowed: {allowed}")
GLYPH = Msg("{char}（U+{code:04X}）", "{char} (U+{code:04X})")
GLYPHS_IN_FIELD = Msg("{name}: 值 '{text}' 含 PDF 字体无法显示的字符 {glyphs}（会印成方框）；请改用常用字或拼音，或改用 --format docx / md",
                      "{name}: '{text}' holds characters the PDF font cannot draw: {glyphs} (they would print as boxes); "
                      "write them another way, or use --format docx / md")
GLYPHS = Msg("PDF 字体无法显示这些字符：{glyphs}；请改用 --format docx / md",
             "the PDF font cannot draw these characters: {glyphs}; use --format docx / md")
