"""Random damage to case-file *text*: what a careless edit, a bad export or a hostile sender does to a file.

Shared by the property test (tests/test_hostile_props.py, a few dozen examples in CI) and the fuzz
benchmark (bench/fuzz.py, tens of thousands). Each mutation works on lines and values, so that the
damaged file is still mostly a case file and reaches the model, not only the YAML parser.
"""

from __future__ import annotations

import random
import re

# Values that have broken something before (issue 16), or sit on a limit.
HOSTILE_VALUES = [
    "true", "false", "null", "~", "yes", "0", "-1", "1", "2", "3", "0.5", "1.5", "-0.0", ".inf", "-.inf", ".nan",
    "1e20", "1e400", "18446744073709551616", "9" * 5000, "'239'", '"239"', "[]", "{}", "[1, 2]", "{a: 1}",
    "2024-02-30", "9999-12-31", "0001-01-01", "1989-12-31", "2100-01-01", "２０２４－０５－２０", "2024/5/20",
    "2024-05-20T10:00:00", "'\\ud800'", '"\\ud800"', '"\\x00"', '"\\x01a"', '"\\v"', '"\\f"', '"a\\u2028b"',
    '"\\u2029"', '"\\x85"', '"\\x1c"', '"\\u202e"', "王𪚥", "😀", "&a", "*a", "!!python/object:os.system x",
    "!!binary aGk=", '"' + "长" * 3000 + '"', "'" + "x" * 256 + "'", "-", "|\n  多行\n  文本", ">", "'12315'",
    "公司", "normal_use", "refusal", "repair", "free_repair", "wearable", "2024-04", "2024-13",
]
CONTROL = ["\x00", "\x01", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\u202e", "\ufeff", "\t", "\r"]
_VALUE = re.compile(r"^(\s*-?\s*[\w.]+:\s*)(.+)$")


def _drop(lines: list[str], rng: random.Random) -> None:
    if lines:
        del lines[rng.randrange(len(lines))]


def _duplicate(lines: list[str], rng: random.Random) -> None:
    if lines:
        i = rng.randrange(len(lines))
        lines.insert(i + 1, lines[i])


def _retype(lines: list[str], rng: random.Random) -> None:
    spots = [i for i, x in enumerate(lines) if _VALUE.match(x)]
    if spots:
        i = rng.choice(spots)
        m = _VALUE.match(lines[i])
        assert m is not None
        lines[i] = m.group(1) + rng.choice(HOSTILE_VALUES)


def _nest(lines: list[str], rng: random.Random) -> None:
    spots = [i for i, x in enumerate(lines) if _VALUE.match(x)]
    if spots:
        i = rng.choice(spots)
        m = _VALUE.match(lines[i])
        assert m is not None
        depth = rng.choice([2, 5, 19, 21, 50, 3000])
        lines[i] = m.group(1) + "[" * depth + m.group(2) + "]" * depth


def _inflate(lines: list[str], rng: random.Random) -> None:
    """Repeat a list item (or any line) many times: long lists, many interactions."""
    items = [i for i, x in enumerate(lines) if x.lstrip().startswith("- ")]
    if not items:
        return
    i = rng.choice(items)
    indent = len(lines[i]) - len(lines[i].lstrip())
    j = i + 1
    while j < len(lines) and (len(lines[j]) - len(lines[j].lstrip())) > indent and not lines[j].lstrip().startswith("- "):
        j += 1
    block = lines[i:j]
    lines[j:j] = block * rng.choice([2, 10, 29, 31, 200])


def _control(lines: list[str], rng: random.Random) -> None:
    if lines:
        i = rng.randrange(len(lines))
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(CONTROL) + lines[i][at:]


def _swap(lines: list[str], rng: random.Random) -> None:
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]


def _indent(lines: list[str], rng: random.Random) -> None:
    if lines:
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(["  ", "", "\t", "    "]) + lines[i].lstrip()


MUTATIONS = {"drop": _drop, "duplicate": _duplicate, "retype": _retype, "nest": _nest, "inflate": _inflate,
             "control": _control, "swap": _swap, "indent": _indent}


def mutate(text: str, rng: random.Random, count: int | None = None) -> str:
    """`text` with 1–4 random mutations (or `count`); half the files get one, so that many still reach the
    rule base and the letters rather than stopping at the first refusal."""
    lines = text.splitlines()
    for _ in range(count if count is not None else rng.choice([1, 1, 1, 1, 2, 2, 3, 4])):
        MUTATIONS[rng.choice(sorted(MUTATIONS))](lines, rng)
    out = "\n".join(lines) + "\n"
    if rng.random() < 0.03:
        out = "\ufeff" + out  # a BOM
    return out


_SEGMENT = r"(?:[A-Za-z_]\w*|'[^']*')(?:\[\d+\])*"
_PATH = re.compile(rf"{_SEGMENT}(?:\.{_SEGMENT})*: ")


def names_a_place(stderr: str, source: str) -> bool:
    """Whether every message of an exit-2 error names a place: a field path (`product.price: …`), or the
    file (for a syntax error or a refusal at load: `FILE: … 第N行 …`)."""
    lines = [x[4:] for x in stderr.splitlines() if x.startswith("  - ")]
    return bool(lines) and all(line.startswith(f"{source}: ") or _PATH.match(line) for line in lines)
