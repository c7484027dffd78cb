"""Shared fixtures: the project is built once per test run into a temporary copy, never in place."""
from __future__ import annotations

import fcntl
import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from market_warehouse.pipeline import build
from market_warehouse.project import Project, copy_project

# `make test` runs on two processes (pytest-xdist, --dist loadgroup). A module's tests stay in one process,
# so its module fixtures (builds of their own) are built once; the two report modules share one group,
# so the report site is built once per test run.
SAME_PROCESS = {"test_report_site": "report_site", "test_report_wrapper": "report_site",
                "test_report_release": "report_site"}


# The slowest groups, slowest first (seconds each in `PYTEST_ADDOPTS=--durations=40 make test`, docs/scale.md), are
# handed out before the rest: a free process always takes the longest group left, so neither waits at the end on
# one long group the other could have shared. `make test` passes --no-loadscope-reorder, or pytest-xdist would hand
# groups out by their number of tests instead. A group not listed runs after these, in file order. test_estimate
# comes second as it needs no session build: the second process runs it while the first makes that build.
SLOWEST_GROUPS = ["report_site", "test_estimate", "test_publish_guarantees", "test_inputs_switch",
                  "test_dbt_front_door", "test_publish_crashes", "test_team_market", "test_interrupts"]


def _group(item) -> str:
    module = item.module.__name__.rsplit(".", 1)[-1]
    return SAME_PROCESS.get(module, module)


def _handing_out_order(item) -> int:
    group = _group(item)
    return SLOWEST_GROUPS.index(group) if group in SLOWEST_GROUPS else len(SLOWEST_GROUPS)


# tryfirst: pytest-xdist reads the marks in its own pytest_collection_modifyitems; run after it, they are ignored.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    items.sort(key=_handing_out_order)  # stable: the order within a group is kept
    for item in items:
        item.add_marker(pytest.mark.xdist_group(_group(item)))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def built_project(tmp_path_factory, worker_id) -> Project:
    """The real seeds, built, validated and published once for the whole run: the first test process that
    needs it builds it in the run's shared temporary folder, the other waits on a lock and reads the same
    one (pytest-xdist's recipe for a session fixture shared by its processes). No test writes to it."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # pytest-xdist gives each process a folder below the run's folder
    root = shared / "built"
    with open(shared / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / "published").exists():
            shutil.rmtree(root, ignore_errors=True)  # what a process that failed to build left
            build(copy_project(root / "project"), log=lambda message: None)
            (root / "published").touch()
    return Project(root / "project")


@pytest.fixture(scope="session")
def warehouse(built_project):
    """A read-only connection to the published file, as a BI tool would open it."""
    connection = duckdb.connect(str(built_project.published_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def published_copy(built_project, tmp_path) -> Project:
    """A fresh copy of the project with the already-published warehouse, to corrupt and rebuild."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(built_project.warehouse_dir, project.warehouse_dir, symlinks=True)
    return project
