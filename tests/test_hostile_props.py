"""Property (issue 16, "done means"): damaged case-file text — dropped, duplicated, retyped, nested,
inflated lines, control characters — through the loader and the CLI gives exit 0, 1 or 2, never 3,
in bounded time, and every exit-2 message names a field or the file. A modest number of examples for
CI; bench/fuzz.py runs tens of thousands."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli import app
from engine.case import parse_case
from engine.errors import InputError
from engine.io import parse_yaml
from tests.mutations import mutate, names_a_place

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TEXTS = [p.read_text(encoding="utf-8") for p in EXAMPLES]
AS_OF = dt.date(2025, 12, 31)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXTS), st.randoms(use_true_random=False))
def test_the_loader_refuses_damage_with_a_named_field(text: str, rng: random.Random) -> None:
    damaged = mutate(text, rng)
    start = time.perf_counter()
    try:
        parse_case(parse_yaml(damaged, "case.yaml"), as_of=AS_OF, source="case.yaml")
    except InputError as e:
        assert e.messages
        assert names_a_place("\n".join(f"  - {m}" for m in e.messages), "case.yaml"), e.messages
    assert time.perf_counter() - start < 5


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.sampled_from(TEXTS), st.randoms(use_true_random=False),
       st.sampled_from([("assess",), ("assess", "-f", "json"), ("letter", "-f", "md"), ("letter", "-f", "txt")]))
def test_the_cli_never_calls_damage_a_bug(tmp_path_factory: pytest.TempPathFactory, runner: CliRunner, text: str,
                                          rng: random.Random, command: tuple[str, ...]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "case.yaml"
    path.write_text(mutate(text, rng), encoding="utf-8", errors="surrogatepass")
    start = time.perf_counter()
    result = runner.invoke(app, [command[0], str(path), *command[1:], "--as-of", "2025-12-31"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert time.perf_counter() - start < 10
    if result.exit_code == 2:
        assert names_a_place(result.stderr if hasattr(result, "stderr") else result.output, str(path)), result.output
