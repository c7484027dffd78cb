"""The report reads exactly one release, the one `current` names when it starts, even when a publish switches
`current` between its queries; the site records that run id (the source query warehouse.release) and its
footer says it. And a report over a warehouse whose mart is empty builds (a generated catalog without a
market tree: fct_market_tree_check has no rows)."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from market_warehouse import publish
from market_warehouse.pipeline import build
from market_warehouse.project import PACKAGE_ROOT, copy_project
from tests.publish_support import wait_for_line
from tests.report_support import copy_reports, report_site  # noqa: F401 - the session's site, for its node_modules

pytestmark = pytest.mark.slow

spec = importlib.util.spec_from_file_location("bench_generate", PACKAGE_ROOT / "bench" / "generate.py")
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)


@pytest.fixture(scope="module")
def catalog_without_tree(tmp_path_factory):
    """A published generated catalog of one market (no parent, so fct_market_tree_check is empty)."""
    root = tmp_path_factory.mktemp("no-tree")
    folder = generate.write(generate.generate(1), root / "inputs", "csv")
    project = copy_project(root / "project")
    build(project, dbt_vars={"input_folder": str(folder)}, log=lambda message: None)
    with duckdb.connect(str(project.published_db), read_only=True) as warehouse:
        assert warehouse.execute("select count(*) from marts.fct_market_tree_check").fetchone()[0] == 0
    return project


def second_release(project, name: str) -> None:
    """A copy of the current release under another run id, recorded as that publish in its own file."""
    shutil.copytree(project.warehouse_dir / "current", project.warehouse_dir / "releases" / name, symlinks=True)
    with duckdb.connect(str(project.warehouse_dir / "releases" / name / "market.duckdb")) as connection:
        connection.execute("update audit.publish_log set run_id = ?, published_at = now() where published_at = "
                           "(select max(published_at) from audit.publish_log)", [name])


def test_the_report_reads_the_release_it_started_with_while_a_publish_switches(catalog_without_tree,
                                                                               report_site):  # noqa: F811
    project = catalog_without_tree
    started_with = os.path.basename(os.readlink(project.warehouse_dir / "current"))
    switched_to = "20991231T000000Z-5ec0adbe"
    second_release(project, switched_to)
    reports = copy_reports(project.root / "reports")
    (reports / "node_modules").symlink_to(report_site.project.root / "reports" / "node_modules")

    process = subprocess.Popen([sys.executable, "-u", "-m", "market_warehouse", "--project-dir", str(project.root),
                                "report"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, cwd=PACKAGE_ROOT, env=os.environ | {"MARKET_WAREHOUSE_PAUSE_AT": "report:pinned"})
    wait_for_line(process, "paused at report:pinned")
    publish._switch_link(project.warehouse_dir / "current", f"releases/{switched_to}")  # a publish meanwhile
    output, _ = process.communicate("\n", timeout=1500)
    assert process.returncode == 0, output[-4000:]
    assert os.path.basename(os.readlink(project.warehouse_dir / "current")) == switched_to
    assert json.loads(output[output.rindex("\n{\n"):])["release"] == started_with

    data = reports / ".evidence" / "template" / "static" / "data" / "warehouse"
    with duckdb.connect() as connection:
        shown = connection.execute(f"select run_id from read_parquet('{data / 'release' / 'release.parquet'}')").fetchall()
        tree_rows = connection.execute(
            f"select count(*) from read_parquet('{data / 'fct_market_tree_check' / 'fct_market_tree_check.parquet'}')"
        ).fetchone()[0]
    assert shown == [(started_with,)], "the site's data comes from another release than the one it started with"
    assert tree_rows == 0
    assert f"warehouse release {started_with}" in (reports / "build" / "index.html").read_text()
    assert not (project.build_dir / "report-release").exists(), "the pin is removed after the report"
