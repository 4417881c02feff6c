"""Synthetic cohorts for `weiquan cohort`: many brands, models, batches, regions and remedies,
with known disparities planted among otherwise consistent treatment.

Every (model, batch) gets one after-sales policy applied to all its consumers, with price ratios
jittered by at most ±0.05 — consistent treatment, no disparity. Then two disparities are planted:

- `regional`: 小米手环8, batch 2024-04, touch failure: consumers in 北京/上海/广东 get a free newer
  band, those in 河北/河南 a 6折 trade-in offered on pain of refusal, the rest "过保不予处理".
- `by_party`: 华为nova 11, batch 2023-09, screen flicker: the hotline offers a 4折 trade-in, the
  service centres 7折.

`--truth FILE` writes what the analysis must find (per planted group: size and outcome counts,
counting only the lines that were not deliberately corrupted), so a test can check the finding
against the generator rather than against numbers copied into the test.

Usage: python bench/cohort_gen.py N [-o cases.jsonl] [--seed 1] [--bad-rate 0.001] [--truth t.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

AS_OF = dt.date(2025, 12, 31)

# brand, model, category, price, newer model, the symptoms its fault shows
MODELS: list[tuple[str, str, str, float, str, list[str]]] = [
    ("小米", "小米手环8", "wearable", 239.0, "小米手环9", ["touch_unresponsive", "abnormal_heat", "charging_failure"]),
    ("小米", "小米手环7", "wearable", 249.0, "小米手环8", ["screen_dead", "battery_drain"]),
    ("小米", "Redmi Note 12", "phone", 1299.0, "Redmi Note 13", ["screen_flicker", "no_power", "abnormal_heat"]),
    ("小米", "小米13", "phone", 3999.0, "小米14", ["charging_failure", "battery_swelling"]),
    ("华为", "华为手环8", "wearable", 269.0, "华为手环9", ["touch_unresponsive", "strap_or_casing"]),
    ("华为", "华为nova 11", "phone", 2499.0, "华为nova 12", ["screen_flicker", "touch_unresponsive"]),
    ("华为", "HUAWEI FreeBuds 5", "earphones", 999.0, "HUAWEI FreeBuds 6", ["connectivity", "battery_drain"]),
    ("荣耀", "荣耀手环7", "wearable", 229.0, "荣耀手环9", ["charging_failure", "sensor_failure"]),
    ("荣耀", "荣耀X50", "phone", 1399.0, "荣耀X60", ["screen_dead", "no_power"]),
    ("OPPO", "OPPO Enco Air3", "earphones", 399.0, "OPPO Enco Air4", ["connectivity", "charging_failure"]),
    ("OPPO", "OPPO Reno10", "phone", 2499.0, "OPPO Reno11", ["screen_flicker", "battery_drain", "abnormal_heat"]),
    ("vivo", "vivo TWS 3", "earphones", 299.0, "vivo TWS 4", ["connectivity", "other"]),
    ("vivo", "vivo Y78", "phone", 1599.0, "vivo Y100", ["no_power", "charging_failure"]),
    ("Apple", "AirPods Pro 2", "earphones", 1899.0, "AirPods Pro 3", ["battery_drain", "connectivity"]),
    ("Apple", "iPad 10", "tablet", 3599.0, "iPad 11", ["touch_unresponsive", "screen_dead"]),
    ("联想", "小新Pro14", "computer", 5999.0, "小新Pro14 2025", ["screen_flicker", "no_power", "abnormal_heat"]),
    ("海信", "海信E3K 55英寸", "tv", 2999.0, "海信E5K 55英寸", ["screen_dead", "other"]),
    ("美的", "美的冰箱BCD-521", "appliance", 3299.0, "美的冰箱BCD-543", ["no_power", "other"]),
]
BATCHES = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
REGIONS = [
    "北京市朝阳区", "上海市浦东新区", "广东省广州市", "广东省深圳市", "河北省石家庄市", "河北省保定市",
    "河南省郑州市", "山东省济南市", "江苏省南京市", "浙江省杭州市", "四川省成都市", "湖北省武汉市",
    "湖南省长沙市", "陕西省西安市", "辽宁省沈阳市", "黑龙江省哈尔滨市", "广西南宁市", "内蒙古呼和浩特市",
    "新疆乌鲁木齐市", "重庆市渝北区",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
POLICIES = ["free_repair", "paid_repair", "discounted_trade_in", "free_replacement_same_model", "refusal"]

PLANTS = {
    "regional": ("小米", "小米手环8", "2024-04", "touch_unresponsive"),
    "by_party": ("华为", "华为nova 11", "2023-09", "screen_flicker"),
}


def _province(region: str) -> str:
    return region[:3] if region.startswith(("黑龙江", "内蒙古")) else region[:2]


def _policy(rng_seed: int, model: str, batch: str) -> tuple[str, float]:
    """The one policy a (model, batch) gets everywhere: a remedy and a central price ratio."""
    r = random.Random(f"{rng_seed}/{model}/{batch}")
    kind = r.choice(POLICIES)
    centre = {"paid_repair": r.uniform(0.15, 0.45), "discounted_trade_in": r.uniform(0.5, 0.8)}.get(kind, 0.0)
    return kind, round(centre, 2)


def _date_after(r: random.Random, start: dt.date, max_days: int) -> dt.date:
    latest = min(AS_OF, start + dt.timedelta(days=max_days))
    return start + dt.timedelta(days=r.randint(0, max(0, (latest - start).days)))


def _interactions(r: random.Random, remedy: str, ratio: float, party: str, target: str,
                  when: dt.date, forced: bool) -> list[dict[str, Any]]:
    if remedy == "refusal":
        return [{"date": when.isoformat(), "party": party, "kind": "refusal", "note": "过保不予处理"}]
    kind = {"free_repair": "repair", "free_replacement_same_model": "replacement",
            "free_replacement_newer_model": "replacement"}.get(remedy, "offer")
    x: dict[str, Any] = {"date": when.isoformat(), "party": party, "kind": kind, "remedy": remedy,
                         "price_ratio": ratio}
    if remedy in ("discounted_trade_in", "free_replacement_newer_model", "free_replacement_same_model"):
        x["target_model"] = target
    if kind == "offer":
        x["accepted"] = r.random() < 0.3
        x["conditional_refusal"] = forced
    if kind == "repair":
        x["fixed"] = r.random() < 0.9
    out = [x]
    if forced:
        later = _date_after(r, when, 10)
        out.append({"date": later.isoformat(), "party": party, "kind": "return_unrepaired",
                    "consumer_consented": False})
    return out


def generate(n: int, seed: int = 1, plant_share: float = 0.04) -> Iterator[tuple[dict[str, Any], str | None]]:
    """`n` cases; each with the name of the disparity planted in it, if any."""
    r = random.Random(seed)
    planted_models = {(b, m): name for name, (b, m, _, _) in PLANTS.items()}
    for _ in range(n):
        plant = None
        if r.random() < plant_share:
            plant = r.choice(sorted(PLANTS))
            brand, model, batch, main_symptom = PLANTS[plant]
            spec = next(x for x in MODELS if x[1] == model)
        else:
            spec = r.choice(MODELS)
            brand, model = spec[0], spec[1]
            batch = r.choice(BATCHES)
            if planted_models.get((brand, model)) and batch == PLANTS[planted_models[(brand, model)]][2]:
                batch = "2024-03" if batch != "2024-03" else "2024-05"  # plants own their batch
            main_symptom = r.choice(spec[5])
        _, _, category, price, newer, profile = spec
        symptoms = [main_symptom] + [s for s in profile if s != main_symptom and r.random() < 0.3]
        region = r.choice(REGIONS)
        province = _province(region)
        y, m = map(int, batch.split("-"))
        purchase = _date_after(r, dt.date(y, m, 1) + dt.timedelta(days=20), 200)
        noticed = _date_after(r, purchase, 500)
        when = _date_after(r, noticed, 20)
        hotline, centre = f"{brand}官方客服", f"{province}{brand}授权服务中心"
        party = r.choice([hotline, centre])
        forced = False
        if plant == "regional":
            if province in ("北京", "上海", "广东"):
                remedy, ratio = "free_replacement_newer_model", 0.0
            elif province in ("河北", "河南"):
                remedy, ratio, forced, party = "discounted_trade_in", 0.6, True, centre
            else:
                remedy, ratio = "refusal", 0.0
        elif plant == "by_party":
            remedy = "discounted_trade_in"
            ratio = 0.4 if party == hotline else 0.7
        else:
            remedy, centre_ratio = _policy(seed, model, batch)
            ratio = round(min(1.0, max(0.01, centre_ratio + r.uniform(-0.05, 0.05))), 2) if centre_ratio else 0.0
        case: dict[str, Any] = {
            "version": 1,
            "consumer": {"name": r.choice(SURNAMES) + "某", "region": region},
            "product": {"brand": brand, "model": model, "category": category,
                        "production_batch": None if (plant is None and r.random() < 0.03) else batch,
                        "price": price},
            "purchase": {"date": purchase.isoformat(), "channel": r.choice(["official_online", "official_store",
                                                                              "third_party_online"]),
                         "seller": f"{brand}官方商城",
                         "for_personal_use": r.choices([True, None, False], [0.95, 0.03, 0.02])[0],
                         "warranty_months": 12},
            "fault": {"first_noticed": noticed.isoformat(), "symptoms": symptoms, "cause": "normal_use",
                      "service_inspection": r.choice(["quality_problem", "none", "inconclusive"]),
                      "batch_evidence": r.choice(["similar_reports", "none"])},
            "harm": {"personal_injury": False, "other_property_damage": False},
            "interactions": _interactions(r, remedy, ratio, party, newer, when, forced),
            "comparators": [],
            "demands": ["free_replacement_newer_model", "equal_treatment"] if plant else ["free_repair"],
        }
        if plant and r.random() < 0.3:
            case["interactions"].append({"date": _date_after(r, when, 5).isoformat(), "party": hotline,
                                         "kind": "inquiry", "topic": "reason_for_difference", "answered": False})
        yield case, plant


def _corrupt(r: random.Random, line: str) -> str:
    how = r.randrange(3)
    if how == 0:
        return line[: len(line) // 2]  # truncated JSON
    if how == 1:
        return line.replace('"symptoms"', '"symptom"', 1)  # unknown field (a typo)
    return line.replace('"category": "', '"category": "x', 1)  # not in the vocabulary


def _outcome(case: dict[str, Any]) -> str:
    x = case["interactions"][0]
    return x.get("remedy", "none") if x["kind"] != "refusal" else "none"


def write(n: int, out, seed: int = 1, bad_rate: float = 0.0, plant_share: float = 0.04) -> dict[str, Any]:
    """Write `n` JSON Lines; return the truth: planted groups and the corrupted line numbers."""
    r = random.Random(seed + 1)
    groups: dict[tuple, dict[str, Any]] = defaultdict(lambda: {"size": 0, "outcomes": Counter()})
    bad_lines = []
    for number, (case, plant) in enumerate(generate(n, seed, plant_share), start=1):
        line = json.dumps(case, ensure_ascii=False)
        if bad_rate and r.random() < bad_rate:
            out.write(_corrupt(r, line) + "\n")
            bad_lines.append(number)
            continue
        out.write(line + "\n")
        if plant:
            p = case["product"]
            for s in case["fault"]["symptoms"]:
                g = groups[(plant, p["brand"], p["model"], p["production_batch"], s)]
                g["size"] += 1
                g["outcomes"][_outcome(case)] += 1
    return {
        "as_of": AS_OF.isoformat(),
        "cases": n - len(bad_lines),
        "bad_lines": bad_lines,
        "planted": [{"plant": k[0], "brand": k[1], "model": k[2], "production_batch": k[3], "symptom": k[4],
                     "size": v["size"], "outcomes": dict(v["outcomes"])} for k, v in sorted(groups.items())],
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of cases")
    ap.add_argument("-o", "--output", help="JSON Lines file to write (default: stdout)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bad-rate", type=float, default=0.0, help="share of lines to corrupt on purpose")
    ap.add_argument("--plant-share", type=float, default=0.04, help="share of cases in the planted groups")
    ap.add_argument("--truth", help="write the planted groups and corrupted lines here (JSON)")
    args = ap.parse_args(argv)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        truth = write(args.n, out, args.seed, args.bad_rate, args.plant_share)
    finally:
        if args.output:
            out.close()
    if args.truth:
        with open(args.truth, "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
