"""`weiquan ask` in a real pseudo-terminal: a person answering the seed band case by keyboard.

Each test spawns the installed command under pexpect and types as a person would (numbers and enter in
select lists, arrows and space in checkboxes, y/n in confirmations, text and enter in text fields). The
saved file is then read back through the public case model and compared with the expected case.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pexpect
import pytest
import yaml

from engine.case import dump_case, parse_case
from tests.conftest import ROOT
from tests.pty_helpers import Person

AS_OF = "2025-09-01"
SEED = yaml.safe_load((ROOT / "tests/scenarios/01-seed-band8-forced-tradein.yaml").read_text(encoding="utf-8"))

# The verdict questions of the seed case, in the order the questionnaire asks them.
VERDICT_ANSWERS: list[tuple[str, str, object]] = [
    ("choose", "哪一类产品", 2),                      # wearable
    ("type", "产品型号是什么", "小米手环8"),
    ("type", "哪一天收到商品", "2024-05-20"),
    ("choose", "在哪里购买的", 1),                     # official online store
    ("choose", "生活使用而购买", 1),                   # yes
    ("type", "保修期是几个月", ""),                    # the offered 12
    ("type", "第一次发现故障", "2025/8/2"),
    ("check", "出现了哪些故障现象", [0, 3, 6]),         # touch, charging, heat
    ("choose", "故障是怎样出现的", 1),                 # normal use
    ("choose", "官方售后检测过吗", 2),                 # quality problem
    ("choose", "不是卖家所说的新机", 1),               # no suspicion of a used unit
    ("choose", "同一生产批次的产品", 2),               # similar reports
    ("type", "多少起同批次", "40"),
    ("choose", "还能提供同型号的商品", 3),             # don't know (after the warranty it can matter)
    ("choose", "人身伤害", 2),                         # no
    ("choose", "设备以外的其他财产", 2),               # no
    ("confirm", "联系过商家", True),
    ("type", "这次交涉是哪一天", "2025-08-10"),
    ("choose", "这次是什么情况", 1),               # offer
    ("choose", "处理方式是", 5),                       # discounted trade-in
    ("type", "支付新品价格的几成", "6折"),
    ("choose", "接受了这个方案吗", 2),                 # no
    ("choose", "不接受这个方案，就不给", 1),           # yes
    ("confirm", "还有其他与经营者的交涉", True),
    ("type", "这次交涉是哪一天", "2025-08-15"),
    ("choose", "这次是什么情况", 3),               # returned unrepaired
    ("choose", "经过您同意的吗", 2),                   # no
    ("confirm", "还有其他与经营者的交涉", True),
    ("type", "这次交涉是哪一天", "2025-08-20"),
    ("choose", "这次是什么情况", 7),               # inquiry
    ("choose", "真实、明确的答复吗", 2),               # no
    ("confirm", "还有其他与经营者的交涉", False),
    ("confirm", "支出了费用或受到了损失", False),       # asked: a return unrepaired is recorded
    ("confirm", "得到了与您不同的处理", True),
    ("type", "对方的产品型号", ""),                    # offered: the same model
    ("type", "您的产品的生产批次", "2024-04"),
    ("type", "对方产品的生产批次", "2024-04"),
    ("check", "对方的故障现象", [3, 6]),               # pre-checked as yours: untick charging, heat
    ("choose", "对方得到了什么处理", 4),               # free newer model
    ("confirm", "还有其他人吗", False),                # asked whenever there is one (issue 13.5)
    ("check", "希望经营者怎么做", [2, 5, 6]),
]

LETTER_ANSWERS: list[tuple[str, str, object]] = [
    ("type", "您的姓名", "王某"),
    ("type", "联系电话", ""),
    ("type", "联系地址", ""),
    ("type", "所在的省市", "河北省石家庄市"),
    ("type", "产品品牌", "小米"),
    ("type", "实际支付的价格", "239元"),
    ("type", "序列号", ""),
    ("type", "卖家（店铺或商家名称）", "小米商城"),
    ("type", "订单号", ""),
    ("type", "营业执照上的名称", ""),
    ("type", "卖家的地址", ""),
    ("type", "生产厂家", ""),
    ("type", "描述故障", "触控失灵、异常发热、无法正常充电，未摔碰、未进水"),
    ("type", "对方是谁", "河北小米寄修中心"),
    ("type", "换新或换购的是什么型号", "小米手环9"),
    ("type", "补充说明", "不接受6折换新即拒绝维修工单"),
    ("type", "对方是谁", "河北小米寄修中心"),
    ("type", "补充说明", ""),
    ("choose", "您询问的是什么", 1),                   # the policy document
    ("type", "对方是谁", "小米客服"),
    ("type", "补充说明", ""),
    ("type", "对方换到的是什么型号", "小米手环10"),
    ("type", "信息的来源", "同地区用户"),
]


def play(person: Person, script: list[tuple[str, str, object]]) -> None:
    for action, fragment, arg in script:
        getattr(person, action)(fragment, arg)


def _sets(case: dict) -> dict:
    """Symptoms are a set: a checkbox gives them in the list's order, a hand-written file in any."""
    case["fault"]["symptoms"] = sorted(case["fault"]["symptoms"])
    for c in case.get("comparators", []):
        c["symptoms"] = sorted(c.get("symptoms", []))
    return case


def saved_case(path: Path) -> dict:
    return _sets(dump_case(parse_case(yaml.safe_load(path.read_text(encoding="utf-8")), as_of=SEED["as_of"])))


def expected_case() -> dict:
    return _sets(dump_case(parse_case(SEED["case"], as_of=SEED["as_of"])))


def letter_ending(person: Person) -> bool:
    """After the letter's details: draft the demand letter as Markdown if letters/ is there."""
    i = person.child.expect_exact(["暂不可用", "维权函寄给谁"])
    if i == 1:
        person.child.send("1\r")                        # to the seller
        person.choose("文件格式", 3)                    # md
        person.type("保存为哪个文件", "")               # the offered name
        person.wait("已写入")
    return i == 1


def test_seed_case_end_to_end(tmp_path: Path) -> None:
    p = Person(tmp_path, "--as-of", AS_OF)
    p.wait("每答一题都会自动保存到 weiquan-case.yaml")
    play(p, VERDICT_ANSWERS)
    p.first("确认无误，还是修改其中一项")
    # the summary screen: claims with strength, what to demand, the nearest deadline, the next step
    p.wait("分析结论（摘要）")
    p.wait("●【有力】有权拒绝付费维修或折价换购")
    p.wait("可以协商请求（非法定权利）：免费更换新款商品")
    p.wait("最近的期限：2028-08-02")
    p.wait("下一步：先书面向经营者提出要求")
    p.choose("接下来？", 1)                             # the full text, through $PAGER (cat here)
    p.wait("第2、3项只能选择其一")
    p.choose("接下来？", 2)                             # save it as Markdown
    p.type("保存为哪个文件", "")                        # the offered name
    p.wait("完整分析已保存到 weiquan-case-分析.md")
    p.choose("接下来？", 3)
    p.choose("要生成文书吗", 1)                         # the demand letter
    play(p, LETTER_ANSWERS)
    drafted = letter_ending(p)
    p.wait("案件文件已保存到")
    assert p.finish() == 0
    saved = tmp_path / "weiquan-case.yaml"
    assert saved_case(saved) == expected_case()
    md = (tmp_path / "weiquan-case-分析.md").read_text(encoding="utf-8")
    assert md.startswith("# 维权分析：小米手环8") and "crpl10.forced_transaction" not in md
    if drafted:
        letter = (tmp_path / "weiquan-case-维权函.md").read_text(encoding="utf-8")
        assert "王某" in letter and "小米商城" in letter
    from tests.conftest import run_cli

    run = run_cli("assess", str(saved), "--as-of", AS_OF, "--format", "json")
    assert run.returncode == 0, run.stderr  # the finished draft is a case file as it is
    seen_by_a_new_user(p.screen_text(), tmp_path)


# What may appear in Latin letters on a Chinese screen: the program's and the files' names in the commands
# it prints, file formats, key names, the 12315 site, and what the person typed (the model's name).
LATIN_OK = {"weiquan", "ask", "resume", "assess", "as", "of", "case", "yaml", "md", "docx", "pdf", "txt",
            "Word", "PDF", "Markdown", "Ctrl", "SN", "IMEI", "www", "cn", "JSON", "Schema"}
INTERNAL = re.compile(r"\b(crpl|pql|civil_code|limitation|complaint|return)\d*\.[a-z_]+|\w+\[\d+\]|（未说明）"
                      r"|\b[a-z]+_[a-z_]+\b")


def seen_by_a_new_user(screen: str, cwd: Path) -> None:
    """No English word, no internal id, and every printed command runs when copied (issue 13)."""
    commands = re.findall(r"((?<![\w./-])[\w./-]*weiquan (?:ask|assess)(?: [\w./'\"-]+)+)", screen)
    assert commands, "the questionnaire prints how to resume and how to assess again"
    for line in sorted(set(commands)):
        words = shlex.split(line)
        if words[1] == "ask":
            continue  # resuming would start the questionnaire again; its file is checked below
        run = subprocess.run(words + ["--as-of", AS_OF], cwd=cwd, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, (line, run.stderr)
    for line in set(commands):
        words = shlex.split(line)
        named = words[words.index("--resume") + 1] if "--resume" in words else words[-1]
        assert (cwd / named).exists(), line
        if "--resume" in words:  # resumed as of the day it was assessed, not silently re-dated to today
            assert words[words.index("--resume") + 2:] == ["--as-of", AS_OF], line
    text = screen
    for line in set(commands):
        text = text.replace(line, "")
    text = re.sub(r"[\w./-]*weiquan-case[\w.-]*", "", text)
    english = sorted({w for w in re.findall(r"[A-Za-z]{2,}", text)} - LATIN_OK)
    assert not english, english
    assert not INTERNAL.search(text), INTERNAL.search(text).group(0)


def test_ctrl_c_then_resume_loses_nothing(tmp_path: Path) -> None:
    cut = 19  # in the middle of the first contact with the business
    p = Person(tmp_path, "--as-of", AS_OF, "--save", "band.yaml")
    play(p, VERDICT_ANSWERS[:cut])
    p.wait(VERDICT_ANSWERS[cut][1])
    p.interrupt()
    p.wait(f"ask --resume band.yaml --as-of {AS_OF}")
    assert p.finish() == 130
    draft = yaml.safe_load((tmp_path / "band.yaml").read_text(encoding="utf-8"))
    assert draft["interactions"] == [{"date": "2025-08-10", "kind": "offer"}]
    assert draft["fault"]["similar_reports"] == 40

    p = Person(tmp_path, "--as-of", AS_OF, "--resume", "band.yaml")
    p.wait("继续填写 band.yaml")
    play(p, VERDICT_ANSWERS[cut:])
    p.first("确认无误，还是修改其中一项")
    p.choose("接下来？", 3)
    p.choose("要生成文书吗", 4)                         # no document
    p.wait("案件文件已保存到 band.yaml")
    assert p.finish() == 0
    got = saved_case(tmp_path / "band.yaml")
    want = expected_case()
    for section in ("product", "purchase", "fault", "harm"):
        assert {k: v for k, v in want[section].items() if k in got[section]} == got[section]
    assert got["comparators"][0]["production_batch"] == "2024-04"
    assert [x["kind"] for x in got["interactions"]] == ["offer", "return_unrepaired", "inquiry"]
    assert got["interactions"][0]["price_ratio"] == 0.6
    assert got["demands"] == want["demands"]


def test_bad_answers_are_explained_and_asked_again(tmp_path: Path) -> None:
    p = Person(tmp_path, "--as-of", AS_OF)
    play(p, VERDICT_ANSWERS[:2])
    p.type("哪一天收到商品", "2024-02-30")
    p.wait("日历上没有 2024年2月30日 这一天")
    p.retype("2025-10-01")
    p.wait("晚于评估日期（2025-09-01，--as-of）")  # --as-of is not today: not called "today"
    p.retype("下周")
    p.wait("不是日期")
    p.retype("2024-05-20")
    p.choose("在哪里购买的", 2)
    p.choose("生活使用而购买", 1)
    p.retype("很久")
    p.wait("不是整数")
    p.retype("十二")                                   # a Chinese numeral: 12
    p.type("第一次发现故障", "2024-05-01")
    p.choose("早于收货日期（2024-05-20），请检查。要怎么办", 1)   # answer this one again
    p.type("第一次发现故障", "2025-08-02", clear=True, current="2024-05-01")
    p.wait("出现了哪些故障现象")
    p.interrupt()
    assert p.finish() == 130
    draft = yaml.safe_load((tmp_path / "weiquan-case.yaml").read_text(encoding="utf-8"))
    assert draft["purchase"] == {"date": "2024-05-20", "channel": "official_store", "for_personal_use": True,
                                 "warranty_months": 12}
    assert draft["fault"] == {"first_noticed": "2025-08-02"}


def test_change_an_answer_at_the_review(tmp_path: Path) -> None:
    """Answer a short in-warranty case, then at the review turn the offer into a refusal."""
    p = Person(tmp_path, "--as-of", "2025-11-01")
    script = [
        ("choose", "哪一类产品", 2),
        ("type", "产品型号是什么", "小米手环9"),
        ("type", "哪一天收到商品", "2025-03-01"),
        ("choose", "在哪里购买的", 1),
        ("choose", "生活使用而购买", 1),
        ("type", "保修期是几个月", ""),
        ("type", "第一次发现故障", "2025-10-15"),
        ("check", "出现了哪些故障现象", [3]),
        ("choose", "故障是怎样出现的", 1),
        ("choose", "官方售后检测过吗", 1),
        ("choose", "不是卖家所说的新机", 1),
        ("confirm", "联系过商家", True),
        ("type", "这次交涉是哪一天", "2025-10-18"),
        ("choose", "这次是什么情况", 1),            # offer
        ("choose", "处理方式是", 2),                    # paid repair
        ("type", "支付新品价格的几成", "0.3"),
        ("choose", "接受了这个方案吗", 2),
        ("choose", "不接受这个方案，就不给", 2),
        ("confirm", "还有其他与经营者的交涉", False),
        ("confirm", "得到了与您不同的处理", False),
        ("check", "希望经营者怎么做", [0]),
    ]
    play(p, script)
    p.wait("确认无误，还是修改其中一项")
    # the list: "all correct", then the answers in order, numbered; the remedy is the 14th answer
    p.wait("14. 〔交涉1：2025-10-18 对方提出了处理方案〕对方给出（或实际提供）的处理方式是：付费维修")
    p.child.send("\x1b[B" * 14 + "\r")
    p.choose("处理方式是", 5)                          # a discounted trade-in instead
    p.type("支付新品价格的几成", "0.5", clear=True, current="3")  # (the field wraps at 160 columns)    # the price depends on it: asked again
    p.wait("需要您支付新品价格的几成：0.5（5折）")
    p.child.send("\x1b[B" * 13 + "\r")               # the contact's kind, the 13th answer
    p.choose("这次是什么情况", 2)                  # now: a refusal
    p.confirm("支出了费用或受到了损失", False)           # a refusal opens the losses
    p.wait("确认无误，还是修改其中一项")               # nothing else depends on it for a refusal
    p.child.send("\r")
    p.wait("分析结论")
    p.choose("接下来？", 3)
    p.choose("要生成文书吗", 4)
    assert p.finish() == 0
    data = yaml.safe_load((tmp_path / "weiquan-case.yaml").read_text(encoding="utf-8"))
    assert data["interactions"] == [{"date": "2025-10-18", "kind": "refusal"}]  # the offer's details are gone
    run = __import__("tests.conftest", fromlist=["run_cli"]).run_cli(
        "assess", str(tmp_path / "weiquan-case.yaml"), "--as-of", "2025-11-01", "--format", "json")
    assert "crpl48.refusal_liability" in run.stdout and "crpl9.right_to_refuse_offer" not in run.stdout


def test_english_and_a_closed_terminal(tmp_path: Path) -> None:
    p = Person(tmp_path, "--as-of", AS_OF, "--lang", "en")
    p.choose("What kind of device failed?", 1)
    p.type("Which model is it?", "P50")
    p.type("On what day did you receive the device?", "2025-01-10")
    p.wait("Where did you buy it?")
    p.child.close(force=True)  # the terminal goes away mid-question
    data = yaml.safe_load((tmp_path / "weiquan-case.yaml").read_text(encoding="utf-8"))
    assert data["product"] == {"model": "P50", "category": "phone"}
    assert data["purchase"] == {"date": "2025-01-10"}


def test_a_new_questionnaire_never_overwrites_a_file(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("product: {model: X}\n", encoding="utf-8")
    p = Person(tmp_path, "--save", "mine.yaml")
    p.child.expect(pexpect.EOF)
    assert "--resume mine.yaml" in p.child.before
    assert (tmp_path / "mine.yaml").read_text(encoding="utf-8") == "product: {model: X}\n"


@pytest.fixture(autouse=True)
def _no_stray_tempfiles(tmp_path: Path):
    yield
    assert not list(tmp_path.glob(".*.tmp")), "an atomic write left its temporary file behind"
