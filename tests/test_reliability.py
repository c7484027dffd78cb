"""Reliability against hostile or unlucky input: what is checked is what is loaded (no file-pattern
expansion, relative folders resolved once), caps that hold in plain dbt too, and URLs that cannot run code."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from market_warehouse.config import ConfigError, check_vars
from market_warehouse.dbt_build import run_dbt
from market_warehouse.project import PACKAGE_ROOT, copy_project
from tests.conftest import sha256
from tests.publish_support import place_candidate


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("reliability") / "project")


def test_a_folder_with_glob_characters_is_refused_before_anything_loads(project, tmp_path):
    # DuckDB reads '/x/in[1]/markets.csv' as a pattern that matches '/x/in1/markets.csv': the sibling.
    checked, sibling = tmp_path / "in[1]", tmp_path / "in1"
    for folder in (checked, sibling):
        shutil.copytree(project.seeds_dir, folder)
    with pytest.raises(ConfigError, match=r"DuckDB expands\s+as a file pattern|expands as a file pattern"):
        check_vars(project, {"input_folder": str(checked)})


def test_a_relative_input_folder_is_resolved_against_the_project_root(project):
    (project.root / "inputs").mkdir(exist_ok=True)
    resolved = check_vars(project, {"input_folder": "inputs"})
    assert resolved["input_folder"] == str(project.root / "inputs")
    with pytest.raises(ConfigError, match="not an existing folder"):
        check_vars(project, {"input_folder": "no-such-folder"})


@pytest.mark.parametrize("dbt_vars, message", [
    ({"input_folder": "/tmp/in[1]"}, "which DuckDB would expand as a file pattern"),
    ({"input_folder": "relative/folder"}, "input_folder must be an absolute path"),
    ({"fan_draws": 10_000_000}, "var 'fan_draws' must be an integer from 1 to 1000000"),
])
def test_plain_dbt_refuses_what_the_main_job_refuses(project, dbt_vars, message):
    outcome = run_dbt(project, "compile", dbt_vars=dbt_vars, extra_args=["--select", "stg_markets int_fan_draws"])
    assert not outcome.success
    assert any(message in failure for failure in outcome.failures), outcome.failures


# --- the publish target: pre-flight, disk full, read-only, a read-write holder, unexpected errors ---------

def run_cli(project, *args: str, prefix: list[str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*(prefix or []), sys.executable, "-m", "market_warehouse", "--project-dir", str(project.root),
                           *args], capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=timeout)


def published_state(project) -> tuple:
    database = (project.warehouse_dir / "market.duckdb").resolve()
    return database, sha256(database), (project.warehouse_dir / "parquet").resolve()


def assert_failed_cleanly(result, step: str, *fragments: str, job: str = "BUILD") -> None:
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert f"{job} FAILED at step '{step}'" in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr[-3000:]


def namespace_prefix() -> list[str]:
    """Run a command in its own user and mount namespace (unshare), where it may mount a small tmpfs or
    remount a folder read-only without touching the machine."""
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare -rm is not permitted here: {probe.stderr.decode().strip()}")
    return ["unshare", "-rm", "sh", "-c"]


def test_a_nearly_full_disk_is_refused_before_the_build(published_copy):
    before = published_state(published_copy)
    build_dir = published_copy.build_dir
    build_dir.mkdir(exist_ok=True)
    script = (f"mount -t tmpfs -o size=8m tmpfs '{build_dir}' && exec '{sys.executable}' -m market_warehouse "
              f"--project-dir '{published_copy.root}' build")
    result = subprocess.run([*namespace_prefix(), script], capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=300)
    assert_failed_cleanly(result, "check target", "free", "Free some space")
    assert published_state(published_copy) == before


def test_a_read_only_warehouse_folder_is_refused_before_the_build(published_copy):
    before = published_state(published_copy)
    folder = published_copy.warehouse_dir
    script = (f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}' && exec '{sys.executable}' "
              f"-m market_warehouse --project-dir '{published_copy.root}' build")
    result = subprocess.run([*namespace_prefix(), script], capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=300)
    assert_failed_cleanly(result, "check target", "read-only file system", str(folder))
    assert published_state(published_copy) == before


# Publishes the session build's candidate (the publish steps of the main job, without its rebuild) with a
# file-size limit (RLIMIT_FSIZE) that starts at one moment of publish: writes past it fail as on a full disk
# (EFBIG instead of ENOSPC, through the same code paths).
LIMITED_PUBLISH = """
import resource, shutil, signal, sys, types
from market_warehouse import publish
from market_warehouse.cli import main

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills the process instead of failing the write
root, moment = sys.argv[1:3]

def limited(function, size):
    def run(*args, **kwargs):
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))
        return function(*args, **kwargs)
    return run

if moment == "copy":
    publish.shutil = types.SimpleNamespace(copyfile=limited(shutil.copyfile, 1024 * 1024), rmtree=shutil.rmtree)
else:
    publish._export_parquet = limited(publish._export_parquet, 1)
sys.exit(main(["--project-dir", root, "publish"]))
"""


@pytest.mark.parametrize("moment", ["copy", "export"])
def test_disk_full_during_publish_leaves_the_last_publish_and_no_leftovers(published_copy, built_project, moment):
    place_candidate(published_copy, built_project)
    before = published_state(published_copy)
    result = subprocess.run([sys.executable, "-c", LIMITED_PUBLISH, str(published_copy.root), moment],
                            capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=600)
    assert_failed_cleanly(result, "publish", "the published warehouse is unchanged", job="PUBLISH")
    assert published_state(published_copy) == before
    assert not list((published_copy.warehouse_dir / "releases").glob(".incoming-*")), "a half-written release is left"
    log = duckdb.connect(str(before[0]), read_only=True)
    try:
        runs = log.execute("select count(*) from audit.publish_log").fetchone()[0]
    finally:
        log.close()
    assert runs == 1, "the publish log of the published file names only publishes that happened"


def test_a_read_write_holder_of_the_published_file_is_named(published_copy):
    before = published_state(published_copy)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('holding', flush=True); time.sleep(300)", str(published_copy.published_db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        result = run_cli(published_copy, "build")
    finally:
        holder.kill()
        holder.wait()
    assert_failed_cleanly(result, "check target", f"(PID {holder.pid})", "read-only")
    assert published_state(published_copy) == before


def test_an_unexpected_error_is_one_line_and_a_log_file(tmp_path, monkeypatch, capsys):
    from market_warehouse import cli, pipeline

    def explode(*args, **kwargs):
        raise RuntimeError("something nobody planned for")

    monkeypatch.setattr(pipeline, "build", explode)
    project = copy_project(tmp_path / "project")
    assert cli.main(["--project-dir", str(project.root), "build"]) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "RuntimeError: something nobody planned for" in error
    log = Path(error.rsplit("traceback in ", 1)[1])
    assert "Traceback" in log.read_text() and "explode" in log.read_text()
