"""The questionnaire's own words (prompts' chrome, the review, the closing), in Chinese and English.

The questions themselves are knowledge and live in kb/questions.yaml; these are the machinery's few
sentences around them.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from kb.bilingual import pick

TEXTS: dict[str, tuple[str, str]] = {
    "why": ("为什么问：", "Why this matters: "),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "unknown": ("不知道", "don't know"),
    "select_hint": ("（方向键或数字键选择，回车确认；< 返回上一题）", "(arrows or number, enter to confirm; < goes back)"),
    "select_hint_arrows": ("（方向键选择，回车确认；< 返回上一题）", "(arrows, enter to confirm; < goes back)"),
    "checkbox_hint": ("（方向键移动，空格键选择，回车确认；< 返回上一题）",
                      "(arrows to move, space to select, enter to confirm; < goes back)"),
    "skip_hint": ("（不知道可直接回车跳过；< 返回上一题）", "(enter to skip if you don't know; < goes back)"),
    "keep_hint": ("（直接回车即采用 {value}；不知道请先删除再回车；< 返回上一题）",
                  "(enter keeps {value}; delete it and press enter if you don't know; < goes back)"),
    "back_hint": ("（< 返回上一题）", "(< goes back)"),
    "back": ("↩ 返回上一题（<）", "↩ back to the previous question (<)"),
    "back_first": ("已经是第一题了。", "This is the first question."),
    "none_chosen": ("（一项也没有选）", "(none chosen)"),
    "contradiction": ("{why}。要怎么办？", "{why}. What would you like to do?"),
    "contradiction_redo": ("重新填写这一题", "Answer this question again"),
    "contradiction_change": ("修改前面的回答：{what}（现为 {value}）", "Change the earlier answer: {what} (now {value})"),
    "intro": ("维权问卷：回答几个问题，得到法律分析，并可生成维权函或投诉文本。\n"
              "每答一题都会自动保存到 {path}；答错了可以按 < 返回上一题；随时可按 Ctrl+C 退出，之后用\n"
              "  {resume}\n继续。",
              "weiquan questionnaire: answer a few questions, get a legal assessment and, if you like, a letter.\n"
              "Every answer is saved to {path} at once; < goes back a question; press Ctrl+C at any time and "
              "continue later with\n  {resume}"),
    "resumed": ("继续填写 {path}（已回答 {n} 题）。", "Resuming {path} ({n} questions answered)."),
    "saved_exit": ("\n已保存到 {path}。继续填写：{resume}",
                   "\nSaved to {path}. To continue: {resume}"),
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
    "letter_failed": ("无法生成文书：{why}", "Could not draft the document: {why}"),
    "file_required": ("请填写文件名", "please give a file name"),
    "done": ("案件文件已保存到 {path}（再次分析：{assess}）。",
             "The case file is saved in {path} (to assess it again: {assess})."),
    "seller_needed": ("致卖家的维权函必须写明卖家：", "A letter to the seller must name the seller:"),
    "seller_fallback": ("没有卖家名称，改为致生产厂家的函。", "No seller named: the letter goes to the manufacturer."),
    "format_docx": ("Word 文档（.docx）", "Word document (.docx)"),
    "format_pdf": ("PDF 文件（.pdf）", "PDF (.pdf)"),
    "format_md": ("Markdown 文本（.md）", "Markdown text (.md)"),
    "format_txt": ("纯文本（.txt）", "plain text (.txt)"),
    "select_hint_noback": ("（方向键或数字键选择，回车确认）", "(arrows or number, enter to confirm)"),
    "summary_head": ("\n———— 分析结论（摘要） ————\n", "\n———— Assessment (summary) ————\n"),
    "after_summary": ("接下来？", "What next?"),
    "show_full": ("查看完整分析（条文、理由、期限；按 q 退出）", "Read the full assessment (press q to leave)"),
    "save_md": ("把完整分析保存为 Markdown 文件（.md）", "Save the full assessment as a Markdown file (.md)"),
    "to_letters": ("继续：生成维权函或投诉文本", "Go on: draft a letter or a complaint"),
    "md_file": ("保存为哪个文件？", "Save it as which file?"),
    "md_written": ("完整分析已保存到 {path}", "The full assessment is saved in {path}"),
    "kept": ("以下答案的前提不成立，未作为问题提出，但已按原样保留：{keys}",
             "These answers' premises do not hold, so they were not asked, but they are kept as given: {keys}"),
    "open_questions": ("以下问题尚未回答，回答它们可能改变结论：", "Unanswered questions that could change the outcome:"),
    "save_exists": ("{path} 已存在。继续填写：{resume}；或用 --save 指定另一个文件名。",
                    "{path} already exists. To continue it: {resume}; or choose another name with --save."),
}


def program() -> str:
    """How to run weiquan from where the person is: `weiquan` when that is on PATH and is this program,
    else this program's own path (`.venv/bin/weiquan` after the README's setup without activating)."""
    exe = Path(sys.argv[0])
    found = shutil.which("weiquan")
    if exe.name != "weiquan" or not exe.is_file():
        return "weiquan"  # run some other way (python -c, a test harness): the installed name
    if found and os.path.abspath(found) == os.path.abspath(exe):
        return "weiquan"
    rel = os.path.relpath(os.path.abspath(exe))
    return shlex.quote(rel if not rel.startswith("..") else os.path.abspath(exe))


def command(*args: object, lang: str = "zh") -> str:
    """A weiquan command line that runs when copied: weiquan ask --resume 'my case.yaml'."""
    words = [program(), *(shlex.quote(str(a)) for a in args)]
    if lang == "en":
        words += ["--lang", "en"]
    return " ".join(words)


def t(key: str, lang: str = "zh", **kw: object) -> str:
    text = pick(lang, *TEXTS[key])
    return text.format(**kw) if kw else text
