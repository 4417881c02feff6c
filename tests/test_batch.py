"""Batches (`assess FILE.jsonl`): one output line per input line, in order, byte for byte what
`assess -f jsonl` gives for each case alone — with one worker, two workers or a Dask cluster — and a
bad line, however bad, is its own error object while the batch goes on (issue 16 item 3).

No verdict content is written down here: every check compares two ways of getting the same output.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from engine.batch import assess_stream
from engine.parallel import byte_chunks, capped_workers, cpu_count
from tests.conftest import ROOT, run_cli

AS_OF = "2025-12-31"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

# Lines that used to end a batch with exit 3 (issue 16 item 3), and ordinary bad lines.
BAD_LINES = {
    "digits": '{"version": 1, "product": {"price": ' + "9" * 5000 + "}}",
    "deep": "[" * 3000 + "]" * 3000,
    "deep_object": '{"consumer": ' + '{"a": ' * 3000 + "1" + "}" * 3001,
    "surrogate": '{"version": 1, "consumer": {"name": "\\ud800"}}',
    "truncated": '{"version": 1, "product": {',
    "not_an_object": "[1, 2, 3]",
}


def example_lines() -> list[str]:
    return [json.dumps(yaml.safe_load(p.read_text(encoding="utf-8")), ensure_ascii=False, default=str)
            for p in EXAMPLES]


def huge_similar_reports() -> str:
    data = yaml.safe_load((ROOT / "examples" / "seed.yaml").read_text(encoding="utf-8"))
    data["fault"]["similar_reports"] = 1e20
    return json.dumps(data, ensure_ascii=False, default=str)


def single(line: str, tmp_path: Path) -> tuple[int, str]:
    """What `assess CASE.json -f jsonl` prints for this case alone (stdout of a valid case)."""
    path = tmp_path / "one.json"
    path.write_text(line, encoding="utf-8")
    r = run_cli("assess", str(path), "-f", "jsonl", "--as-of", AS_OF)
    return r.returncode, r.stdout


@pytest.fixture(scope="module")
def batch_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str | bytes]]:
    """Examples and bad lines mixed, long enough (> 2 chunks) that two workers share the work."""
    good = example_lines()
    lines: list[str | bytes] = []
    bad = [*BAD_LINES.values(), huge_similar_reports(), b"\xff\xfe not utf-8"]
    while sum(len(x) for x in lines) < 700_000:
        lines.extend(good)
        lines.append(bad[len(lines) % len(bad)])
        lines.append("")  # blank lines are skipped but keep their numbers
    lines.extend(bad)
    path = tmp_path_factory.mktemp("batch") / "cases.jsonl"
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode("utf-8")) + b"\n" for x in lines))
    return path, lines


def test_workers_one_and_two_give_the_same_bytes_and_every_bad_line_its_error(batch_file, tmp_path) -> None:
    path, lines = batch_file
    one = run_cli("assess", str(path), "--as-of", AS_OF, "--workers", "1")
    two = run_cli("assess", str(path), "--as-of", AS_OF, "--workers", "2")
    assert one.returncode == 1 and two.returncode == 1, (one.stderr, two.stderr)
    assert "内部错误" not in one.stderr and "Traceback" not in one.stderr + two.stderr
    assert one.stdout == two.stdout
    out = one.stdout.splitlines()
    numbered = [(n, x) for n, x in enumerate(lines, 1) if (x.strip() if isinstance(x, str) else x.strip())]
    assert len(out) == len(numbered)  # one output line for every non-blank input line, none lost
    good = set(example_lines())
    expected = {x: single(x, tmp_path)[1] for x in good}
    for (n, x), got in zip(numbered, out, strict=True):
        if isinstance(x, str) and x in good:
            assert got + "\n" == expected[x], f"line {n}"
        else:
            err = json.loads(got)
            assert err["line"] == n and err["error"], got


def test_each_kind_of_bad_line_is_reported_not_raised(tmp_path: Path) -> None:
    good = example_lines()[0]
    for name, bad in {**BAD_LINES, "similar_reports_1e20": huge_similar_reports()}.items():
        path = tmp_path / f"{name}.jsonl"
        path.write_text(f"{good}\n{bad}\n{good}\n", encoding="utf-8")
        for workers in ("1", "2"):
            r = run_cli("assess", str(path), "--as-of", AS_OF, "--workers", workers)
            out = r.stdout.splitlines()
            assert len(out) == 3, (name, workers, r.stderr)
            assert out[0] == out[2] and "line" not in json.loads(out[0])
            err = json.loads(out[1])
            assert err["line"] == 2 and err["error"], (name, err)
            assert r.returncode == 1, (name, r.stderr)


def test_in_process_stream_with_small_chunks_matches_the_cli(batch_file) -> None:
    """Many small chunks over two processes come back in input order, byte for byte."""
    path, _ = batch_file
    cli = run_cli("assess", str(path), "--as-of", AS_OF).stdout.encode("utf-8")
    data = path.read_bytes()
    as_of = dt.date.fromisoformat(AS_OF)
    import engine.batch as batch

    chunks = list(byte_chunks([data], size=20_000))
    assert len(chunks) > 10
    got = b"".join(out for out, _ in batch.run_ordered(batch.assess_chunk, chunks, (as_of, "zh"), workers=2))
    assert got == cli
    assert b"".join(out for out, _ in assess_stream([data], as_of)) == cli


def test_chunks_end_at_line_breaks_and_keep_line_numbers() -> None:
    lines = [f"line {i}".encode() * (i % 7) for i in range(1, 400)]
    data = b"\n".join(lines) + b"\n"
    blocks = [data[i:i + 97] for i in range(0, len(data), 97)]
    chunks = list(byte_chunks(blocks, size=300))
    assert b"".join(c for _, c in chunks) == data
    n = 1
    for first, c in chunks:
        assert first == n and c.endswith(b"\n")
        n += c.count(b"\n")


def test_workers_are_capped_at_the_cpu_count(tmp_path: Path) -> None:
    assert capped_workers(300) == (cpu_count(), 300 > cpu_count())
    assert capped_workers(0) == (cpu_count(), False)
    path = tmp_path / "one.jsonl"
    path.write_text(example_lines()[0] + "\n", encoding="utf-8")
    r = run_cli("assess", str(path), "--as-of", AS_OF, "--workers", "300")
    assert r.returncode == 0, r.stderr
    assert f"改用 {cpu_count()} 个进程" in r.stderr


@pytest.mark.parametrize(("args", "needle"), [
    (["--backend", "dask"], "--scheduler"),
    (["--backend", "dask", "--scheduler", "localhost"], "tcp://"),
    (["--scheduler", "tcp://127.0.0.1:1", "--backend", "local"], "--scheduler"),
])
def test_bad_backend_options_are_exit_2(args: list[str], needle: str, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(example_lines()[0] + "\n", encoding="utf-8")
    r = run_cli("assess", str(path), "--as-of", AS_OF, *args)
    assert r.returncode == 2 and needle in r.stderr, r.stderr


def test_citations_keys_leaves_out_only_the_statute_texts(tmp_path: Path) -> None:
    path = tmp_path / "few.jsonl"
    path.write_text("\n".join(example_lines()) + "\n", encoding="utf-8")
    full = run_cli("assess", str(path), "--as-of", AS_OF)
    keys = run_cli("assess", str(path), "--as-of", AS_OF, "--citations", "keys", "--workers", "2")
    assert full.returncode == keys.returncode
    short = 0
    for a, b in zip(full.stdout.splitlines(), keys.stdout.splitlines(), strict=True):
        va, vb = json.loads(a), json.loads(b)
        if "error" in va:
            assert va == vb
            continue
        assert vb["citations"] == list(va["citations"]) and vb["citations"]
        assert {k: v for k, v in va.items() if k != "citations"} == {k: v for k, v in vb.items() if k != "citations"}
        short += len(b) < len(a)
    assert short
    one = ROOT / "examples" / "seed.yaml"
    single = run_cli("assess", str(one), "-f", "jsonl", "--as-of", AS_OF, "--citations", "keys")
    assert single.returncode == 0 and isinstance(json.loads(single.stdout)["citations"], list)
    bad = run_cli("assess", str(one), "-f", "json", "--as-of", AS_OF, "--citations", "keys")
    assert bad.returncode == 2 and "--citations" in bad.stderr
