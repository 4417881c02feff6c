"""`weiquan ask` in a pseudo-terminal: what a person needs when they make a mistake or answer loosely
(issue 13 items 1-5): 返回上一题, the offer to change an earlier answer a later one contradicts, Enter
meaning what the hint says, Chinese numerals and approximate numbers, a month where a day is asked,
phone numbers checked as phone numbers. Each test reads the saved file back."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.pty_helpers import Person

AS_OF = "2025-09-01"


def saved(tmp_path: Path) -> tuple[dict, list[str]]:
    text = (tmp_path / "weiquan-case.yaml").read_text(encoding="utf-8")
    progress = next(line for line in text.splitlines() if line.startswith("# weiquan-progress: "))
    return yaml.safe_load(text), json.loads(progress.split(": ", 1)[1])["answered"]


def start(p: Person, received: str) -> None:
    p.choose("哪一类产品", 2)
    p.type("产品型号是什么", "小米手环8")
    p.type("哪一天收到商品", received)


def test_back_undoes_the_last_answer_and_asks_it_again(tmp_path: Path) -> None:
    p = Person(tmp_path, "--as-of", AS_OF)
    start(p, "2024-06-20")                              # a wrong receipt date
    p.choose("在哪里购买的", 1)
    p.choose("生活使用而购买", 1)
    p.back("保修期是几个月")                              # < in an untouched text field
    p.wait("生活使用而购买")                              # … re-asks the answer before it
    _, answered = saved(tmp_path)
    assert "purchase.for_personal_use" not in answered   # undone on disk too
    p.child.send("<")                                    # < in a list: back again
    p.back("在哪里购买的")
    p.wait("2024-06-20")                                 # the date again, the old answer offered
    p.child.send("\x15" + "2024-05-20\r")
    p.choose("在哪里购买的", 2)
    p.choose("生活使用而购买", 1)
    p.type("保修期是几个月", "")
    p.wait("第一次发现故障")
    p.interrupt()
    assert p.finish() == 130
    data, answered = saved(tmp_path)
    assert data["purchase"] == {"date": "2024-05-20", "channel": "official_store", "for_personal_use": True,
                                "warranty_months": 12}
    assert answered[-1] == "purchase.warranty_months" and answered.count("purchase.date") == 1


def test_a_contradiction_offers_to_change_the_earlier_answer(tmp_path: Path) -> None:
    p = Person(tmp_path, "--as-of", AS_OF)
    start(p, "2024-06-20")
    p.choose("在哪里购买的", 1)
    p.choose("生活使用而购买", 1)
    p.type("保修期是几个月", "")
    p.type("第一次发现故障", "2024-05-25")               # before the (wrong) receipt date
    p.wait("2024-05-25 早于收货日期（2024-06-20），请检查。要怎么办")
    p.choose("修改前面的回答：您是哪一天收到商品的？（现为 2024-06-20）", 2)
    p.type("哪一天收到商品", "2024-05-20", clear=True, current="2024-06-20")
    p.wait("第一次发现故障")
    p.wait("2024-05-25")                                 # the date just typed is offered again
    p.child.send("\r")
    p.wait("出现了哪些故障现象")
    p.interrupt()
    assert p.finish() == 130
    data, _ = saved(tmp_path)
    assert data["purchase"]["date"] == "2024-05-20" and data["fault"] == {"first_noticed": "2024-05-25"}


def test_enter_means_what_the_hint_says(tmp_path: Path) -> None:
    p = Person(tmp_path, "--as-of", AS_OF)
    start(p, "2024-05-20")
    p.choose("在哪里购买的", 1)
    p.choose("生活使用而购买", 1)
    p.wait("直接回车即采用 12；不知道请先删除再回车")      # a prefilled field says what Enter does
    p.child.send("\x15\r")                               # emptied, then Enter: don't know
    p.wait("第一次发现故障")
    p.interrupt()
    assert p.finish() == 130
    data, answered = saved(tmp_path)
    assert "warranty_months" not in data["purchase"] and "purchase.warranty_months" in answered


def test_chinese_numbers_loose_answers_and_phone_numbers(tmp_path: Path) -> None:
    p = Person(tmp_path, "--as-of", AS_OF)
    start(p, "2024年5月")                                # a month where a day is asked
    p.wait("只有月份：请补上是哪一天")
    p.retype("2024年5月20日")
    p.choose("在哪里购买的", 1)
    p.choose("生活使用而购买", 1)
    p.type("保修期是几个月", "二十", clear=True, current="12")  # 二十 → 20
    p.type("第一次发现故障", "2025/8/2")
    p.check("出现了哪些故障现象", [6])                     # abnormal heat
    p.choose("故障是怎样出现的", 1)
    p.choose("官方售后检测过吗", 2)
    p.choose("不是卖家所说的新机", 1)
    p.choose("同一生产批次的产品", 2)
    p.type("多少起同批次", "十几起")
    p.wait("已按 10 记录（“几”按最小值计）")
    p.choose("人身伤害", 2)
    p.choose("设备以外的其他财产", 2)
    p.confirm("联系过商家", True)
    p.type("这次交涉是哪一天", "2025-08-10")
    p.choose("这次是什么情况", 1)
    p.choose("处理方式是", 5)                            # discounted trade-in
    p.type("支付新品价格的几成", "六折")
    p.wait("0.6（6折）")
    p.choose("接受了这个方案吗", 2)
    p.choose("不接受这个方案，就不给", 2)
    p.confirm("还有其他与经营者的交涉", False)
    p.confirm("得到了与您不同的处理", False)
    p.check("希望经营者怎么做", [0])
    p.first("确认无误，还是修改其中一项")
    p.wait("分析结论（摘要）")
    p.choose("接下来？", 3)
    p.choose("要生成文书吗", 1)
    p.type("您的姓名", "王某")
    p.type("联系电话", "12345")
    p.wait("不像电话号码")
    p.retype("0311-87654321")
    p.type("联系地址", "河北省石家庄市长安区中山东路1号")
    p.type("产品品牌", "小米")                            # the province is not asked: the address has it
    p.type("实际支付的价格", "约20")
    p.wait("已按 20 记录（约数）")
    p.wait("序列号")
    p.interrupt()
    assert p.finish() == 130
    data, _ = saved(tmp_path)
    assert data["purchase"]["date"] == "2024-05-20" and data["purchase"]["warranty_months"] == 20
    assert data["fault"]["similar_reports"] == 10 and data["interactions"][0]["price_ratio"] == 0.6
    assert data["consumer"] == {"name": "王某", "phone": "0311-87654321", "address": "河北省石家庄市长安区中山东路1号",
                                "region": "河北省石家庄市"}
    assert data["product"]["price"] == 20
