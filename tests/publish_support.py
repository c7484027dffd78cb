"""Shared by the publish tests (tests/test_publish_guarantees.py, tests/test_publish_crashes.py,
tests/test_interrupts.py): the main job and `publish` as a user runs them, and what a reader of the published
warehouse gets."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from market_warehouse.project import PACKAGE_ROOT
from tests.conftest import sha256


def run_build(project, *args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "market_warehouse", "--project-dir", str(project.root), "build",
                           *args], capture_output=True, text=True, cwd=PACKAGE_ROOT,
                          env=(os.environ | (env or {})), timeout=600, **kwargs)


def start_build(project, *args: str, env: dict | None = None, command: str = "build") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-u", "-m", "market_warehouse", "--project-dir", str(project.root),
                             command, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            cwd=PACKAGE_ROOT, env=os.environ | (env or {}))


def place_candidate(project, built_project) -> None:
    """Put the session build's candidate into `project` for `publish` (validate and publish, no rebuild), so
    GX and every step of publishing - the steps the main job shares with `publish` - are reached in seconds.
    The main job's dbt build leaves out the seed tests (the seed check ran them), which `publish` would take
    for a partial build; the copy is marked as a whole one."""
    shutil.copyfile(built_project.candidate_db, project.candidate_db)
    with duckdb.connect(str(project.candidate_db)) as candidate:
        candidate.execute("update audit.dbt_runs set selection = '[]'")


def published_state(project) -> dict[str, str]:
    return {name: sha256(project.warehouse_dir / name) for name in ("market.duckdb", "market.previous.duckdb")
            if (project.warehouse_dir / name).exists()}


def wait_for_line(process: subprocess.Popen, text: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    for line in process.stdout:
        if text in line:
            return
        assert time.monotonic() < deadline, f"no {text!r} within {timeout} s"
    raise AssertionError(f"the build ended before {text!r}")


def release_pair(project) -> tuple[Path, Path]:
    """The DuckDB file and the Parquet folder a reader gets now, links resolved."""
    return (project.warehouse_dir / "market.duckdb").resolve(), (project.warehouse_dir / "parquet").resolve()


def assert_file_and_exports_are_one_publish(project) -> None:
    database, parquet = release_pair(project)
    assert database.parent == parquet.parent, "the DuckDB file and the Parquet exports come from two publishes"
    with duckdb.connect(str(database), read_only=True) as connection:
        for mart in ("fct_market_forecast", "fct_market_consensus", "dim_market"):
            differing = connection.execute(
                f"select count(*) from ((select * from marts.{mart} except all "
                f"select * from read_parquet('{parquet / (mart + '.parquet')}')) union all "
                f"(select * from read_parquet('{parquet / (mart + '.parquet')}') except all select * from marts.{mart}))"
            ).fetchone()[0]
            assert differing == 0, mart
