"""The questionnaire's own words (prompts' chrome, the review, the closing), in Chinese and English.

The questions themselves are knowledge and live in kb/questions.yaml; these are the machinery's few
sentences around them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "why": ("为什么问：", "Why this matters: "),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "unknown": ("不知道", "don't know"),
    "select_hint": ("（方向键或数字选择，回车确认）", "(arrows or number, enter to confirm)"),
    "checkbox_hint": ("（方向键移动，空格选择，回车确认）", "(arrows to move, space to select, enter to confirm)"),
    "confirm_hint": ("（y 是 / n 否，默认否）", "(y/N) "),
    "skip_hint": ("（不知道可直接回车跳过）", "(enter to skip if you don't know)"),
    "intro": ("weiquan 维权问卷：回答几个问题，得到法律分析，并可生成维权函或投诉文本。\n"
              "每答一题都会自动保存到 {path}；随时可按 Ctrl-C 退出，之后用\n"
              "  weiquan ask --resume {path}\n继续。",
              "weiquan questionnaire: answer a few questions, get a legal assessment and, if you like, a letter.\n"
              "Every answer is saved to {path} at once; press Ctrl-C at any time and continue later with\n"
              "  weiquan ask --resume {path} --lang en"),
    "resumed": ("继续填写 {path}（已回答 {n} 题）。", "Resuming {path} ({n} questions answered)."),
    "saved_exit": ("\n已保存到 {path}。继续填写：weiquan ask --resume {path}",
                   "\nSaved to {path}. To continue: weiquan ask --resume {path} --lang en"),
    "redo": ("以下答案无效，将重新提问：{keys}", "These answers are not valid and will be asked again: {keys}"),
    "review_title": ("请核对您的回答：", "Please check your answers:"),
    "review_prompt": ("确认无误，还是修改其中一项？", "All correct, or change one?"),
    "review_ok": ("✔ 确认无误，查看分析结论", "✔ All correct: show the assessment"),
    "review_add": ("＋ 补充一个：{what}", "+ Add one more: {what}"),
    "review_remove": ("－ 删除：{what}", "- Remove: {what}"),
    "not_valid": ("回答还不完整，无法分析：", "The answers are not complete enough to assess:"),
    "verdict_head": ("\n———— 分析结论 ————\n", "\n———— Assessment ————\n"),
    "letter_offer": ("要生成文书吗？", "Would you like a document drafted?"),
    "letter_demand": ("致经营者的维权函", "a demand letter to the business"),
    "letter_complaint": ("12315 / 消协投诉文本", "a complaint text for 12315 / the consumer association"),
    "letter_both": ("两者都要", "both"),
    "letter_none": ("不用了", "no, thanks"),
    "letter_to": ("维权函寄给谁？", "Whom is the demand letter to?"),
    "to_seller": ("卖家（销售者）", "the seller"),
    "to_manufacturer": ("生产厂家", "the manufacturer"),
    "letter_format": ("文件格式？", "File format?"),
    "letter_file": ("保存为哪个文件？", "Save it as which file?"),
    "letter_details": ("文书还需要几项信息（不知道的可直接回车跳过）：",
                       "A letter needs a few more details (press enter to skip any you don't know):"),
    "letter_written": ("已写入 {path}", "Written to {path}"),
    "letter_exists": ("{path} 已存在，要覆盖吗？", "{path} exists. Overwrite it?"),
    "letter_unavailable": ("文书模块暂不可用：{why}", "Drafting documents is not available: {why}"),
    "letter_failed": ("无法生成文书：{why}", "Could not draft the document: {why}"),
    "file_required": ("请填写文件名", "please give a file name"),
    "done": ("案件文件已保存到 {path}（可用 weiquan assess {path} 再次分析）。",
             "The case file is saved in {path} (weiquan assess {path} assesses it again)."),
    "kept": ("以下答案的前提不成立，未作为问题提出，但已按原样保留：{keys}",
             "These answers' premises do not hold, so they were not asked, but they are kept as given: {keys}"),
    "open_questions": ("以下问题尚未回答，回答它们可能改变结论：", "Unanswered questions that could change the outcome:"),
    "save_exists": ("{path} 已存在。继续填写请用 --resume {path}，或用 --save 指定另一个文件名。",
                    "{path} already exists. To continue it use --resume {path}, or choose another name with --save."),
}


def t(key: str, lang: str = "zh", **kw: object) -> str:
    zh, en = TEXTS[key]
    text = en if lang == "en" else zh
    return text.format(**kw) if kw else text
