"""`--backend dask`: the same bytes as the local backend, from a Dask cluster on this machine.

The cluster is a `distributed.LocalCluster` on the loopback interface only (two worker processes,
one thread each, as the README says to start workers); the CLI connects to it by address, exactly as
a user connects to a real cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.test_batch import AS_OF, BAD_LINES, example_lines

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, worker_dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_assess_on_dask_gives_the_local_bytes(scheduler: str, tmp_path: Path) -> None:
    assert scheduler.startswith("tcp://127.0.0.1:")
    lines = []
    for bad in BAD_LINES.values():
        lines += example_lines() + [bad, ""]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines * 12) + "\n", encoding="utf-8")
    local = run_cli("assess", str(path), "--as-of", AS_OF)
    dask = run_cli("assess", str(path), "--as-of", AS_OF, "--backend", "dask", "--scheduler", scheduler)
    assert local.returncode == dask.returncode == 1, dask.stderr
    assert dask.stdout == local.stdout and dask.stdout.count("\n") > 100


def test_cohort_on_dask_gives_the_local_report(scheduler: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    data = tmp_path / "gen.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "cohort_gen.py"), "1500", "-o", str(data), "--seed", "4",
                    "--bad-rate", "0.01", "--plant-share", "0.2"], check=True, timeout=120)
    args = ["cohort", str(data), str(ROOT / "examples"), "--format", "json", "--as-of", AS_OF, "--verify"]
    local = run_cli(*args)
    dask = run_cli(*args, "--backend", "dask", "--scheduler", scheduler)
    assert local.returncode == dask.returncode == 1, dask.stderr
    assert dask.stdout == local.stdout
    assert '"verified": true' in dask.stdout


def test_an_unreachable_scheduler_is_exit_2_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(example_lines()[0] + "\n", encoding="utf-8")
    r = run_cli("assess", str(path), "--as-of", AS_OF, "--backend", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert r.returncode == 2 and "tcp://127.0.0.1:9" in r.stderr and "Traceback" not in r.stderr
