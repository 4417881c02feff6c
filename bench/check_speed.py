"""How fast `weiquan check` reads long and hostile texts: seconds and peak memory per input.

usage: python bench/check_speed.py [MB]   (default 10). Prints figures; asserts nothing.
Target (issue 16 item 8): time linear in the text — a realistic 10 MB text in seconds, and runs of 十,
digits, 十、, “ or spaces between 第 and 十 no slower per character than ordinary text. Each input runs
in a fresh process (`check_text` in-process, then `weiquan check` through the CLI for the realistic
text), so that peak memory (max RSS) is that input's own.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# What complaint drafts say, right and wrong: citations of every kind, quotations, bare numbers.
SENTENCES = [
    "本人于2025年3月5日在某电商旗舰店购买小米手环8一只，价款239元。",
    "使用两个月后出现触控失灵，联系客服后被告知只能付费维修或者以六折换购新款。",
    "依据《中华人民共和国消费者权益保护法》第二十四条，商家应当免费维修或者更换同型号产品。",
    "商家以不接受换购就不维修的方式强迫我购买新品，违反《消费者权益保护法》第十条。",
    "根据消法第8条我有选择权。",
    "依据消保法第二十四条，商家应当为我更换性能不低于原商品的新款手环。",
    "依据产品质量法第四十一条，手环过保后厂家仍应免费维修。",
    "依据民法典第六百二十一条第三款，出卖人知道或者应当知道标的物不符合约定的，买受人不受通知时间的限制。",
    "依据《消费者权益保护法》第24条，消费者可以自收到商品之日起三十日内退货。",
    "我多次询问处理政策，客服始终不予回复，违反消保法第二十条第二款。",
    "依据消保法第八条、第九条，我有权自主选择是否换购。",
    "根据《消费者权益保护法》第二十四条第一款“经营者提供的商品或者服务不符合质量要求的，消费者可以……要求经营者履行更换、"
    "修理等义务”，贵方应当免费修理。",
    "依据电子商务法第三十八条，平台明知卖家销售不安全的商品而未采取必要措施，应承担连带责任。",
    "依据七日无理由退货办法第十八条，退货运费由消费者承担。",
    "第十条另有规定。",
    "请贵方在十五日内书面答复，逾期本人将向12315投诉。",
]

serial = itertools.count(1)

HOSTILE = {
    "“ ×n": lambda n: "“" * n,
    "十 ×n": lambda n: "十" * n,
    "digits ×n": lambda n: "1" * n,
    "十、 ×n/2": lambda n: "十、" * (n // 2),
    "第 + spaces + 十": lambda n: "第" + " " * n + "十",
    "消保法第 + 十 ×n": lambda n: "消保法第" + "十" * n,
    "第十、 ×n/3 after 消保法第八条": lambda n: "消保法第八条、" + "第十、" * (n // 3),
    "消保法第八条 ×n/6 (one group)": lambda n: "消保法第八条" * (n // 6),
    "（ ×n": lambda n: "（" * n,
    "“依据消保法第二十四条 ×n/12": lambda n: "“依据消保法第二十四条" * (n // 12),
}


def _letters() -> list[str]:
    """weiquan's own letters for the examples (what a user would paste back), if they can be drafted."""
    out = []
    for case in sorted((ROOT / "examples").glob("*.yaml")):
        for kind in ("demand", "complaint"):
            r = subprocess.run([sys.executable, "-c", "from cli import app; app()", "letter", str(case), "--kind", kind],
                               cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
            if r.returncode == 0:
                out.append(r.stdout)
    return out


def realistic(size: int) -> str:
    """About `size` bytes (UTF-8) of drafts: the example letters and the sentences above, in turn, every
    line or sentence numbered (编号N) so that no two sentences of the text are the same."""
    letters = _letters()
    out: list[str] = []
    total = k = 0
    while total < size:  # in UTF-8 bytes
        if k % 2 and letters:
            lines = letters[(k // 2) % len(letters)].split("\n")
            piece = "\n".join(line if not line or line[0] in "#>*" else f"（编号{next(serial)}）{line}" for line in lines)
        else:
            piece = "".join(f"（编号{next(serial)}）{s}" for s in SENTENCES[k % 7 :] + SENTENCES[: k % 7])
        out.append(piece)
        total += len(piece.encode("utf-8")) + 2
        k += 1
    return "\n\n".join(out)


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from checker import check_text
text = open(sys.argv[2], encoding="utf-8").read()
check_text("依据消保法第二十四条，商家应当维修。")  # load the knowledge base outside the timing
t0 = time.perf_counter()
results = check_text(text)
seconds = time.perf_counter() - t0
counts = {}
for r in results:
    counts[r.result] = counts.get(r.result, 0) + 1
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM")]  # this image's own peak
peak = int(hwm[0].split()[1]) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "citations": len(results), "counts": counts, "rss_mb": peak / 1024}))
"""


def measure(text: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        r = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), f.name], capture_output=True, text=True)
        if r.returncode != 0:
            return {"error": r.stderr.strip().splitlines()[-1]}
        return json.loads(r.stdout)
    finally:
        Path(f.name).unlink()


def cli(text: str) -> tuple[float, int]:
    """Wall time and exit code of `weiquan check FILE --format json` on the text (start-up included)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", "from cli import app; app()", "check", f.name, "--format", "json"],
                           cwd=ROOT, capture_output=True)
        return time.perf_counter() - t0, r.returncode
    finally:
        Path(f.name).unlink()


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    size = int(mb * 1_000_000)
    print(f"realistic drafts, {mb:g} MB (check_text, in-process):")
    for fraction in (0.1, 1.0):
        text = realistic(int(size * fraction))
        m = measure(text)
        print(f"  {len(text.encode('utf-8')) / 1e6:6.2f} MB {len(text):>10,} chars: {m.get('seconds', 0):7.2f} s, "
              f"{m.get('citations', 0):>8,} citations, peak {m.get('rss_mb', 0):6.0f} MB  {m.get('counts', m)}")
    wall, code = cli(text)
    print(f"  the same through `weiquan check FILE --format json`: {wall:.2f} s wall, exit {code}")
    print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores while measuring)")
    print("hostile runs (check_text, in-process; time should grow tenfold with n, not a hundredfold):")
    for name, make in HOSTILE.items():
        row = []
        for n in (16_000, 160_000):
            m = measure(make(n))
            row.append(f"n={n:>7,}: {m.get('seconds', 0):6.2f} s, peak {m.get('rss_mb', 0):4.0f} MB" if "seconds" in m
                       else f"n={n:>7,}: {m['error']}")
        print(f"  {name:34} " + "   ".join(row))


if __name__ == "__main__":
    main()
