"""The report reads exactly one release, the one `current` names when it starts, even when a publish switches
`current` between its queries; the site records that run id (the source query warehouse.release) and its
footer says it. The session's site is that case (tests/report_support.py publishes meanwhile). And the Evidence
source of a mart with no rows is a valid Parquet file with the mart's columns (a generated catalog without a
market tree: fct_market_tree_check is empty), so a report over an empty mart builds."""
from __future__ import annotations

import importlib.util
import os
import subprocess

import duckdb
import pytest

from market_warehouse.pipeline import build
from market_warehouse.project import PACKAGE_ROOT, copy_project
from market_warehouse.report_release import FILENAME_ENV
from tests.report_support import (
    PUBLISHED_MEANWHILE,
    copy_reports,
    current_release,
    report_site,  # noqa: F401 - the session's site, built while a publish switches `current`
)

pytestmark = pytest.mark.slow

spec = importlib.util.spec_from_file_location("bench_generate", PACKAGE_ROOT / "bench" / "generate.py")
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)


def site_data(reports, mart: str):
    return reports / ".evidence" / "template" / "static" / "data" / "warehouse" / mart / f"{mart}.parquet"


def test_the_report_reads_the_release_it_started_with_while_a_publish_switches(report_site):  # noqa: F811
    project, started_with = report_site.project, report_site.started_with
    assert current_release(project) == PUBLISHED_MEANWHILE != started_with, "no publish happened during the report"
    assert report_site.result.release == started_with

    reports = project.root / "reports"
    with duckdb.connect() as connection:
        shown = connection.execute(f"select run_id from read_parquet('{site_data(reports, 'release')}')").fetchall()
    assert shown == [(started_with,)], "the site's data comes from another release than the one it started with"
    assert f"warehouse release {started_with}" in (reports / "build" / "index.html").read_text()
    assert not (project.build_dir / "report-release").exists(), "the pin is removed after the report"


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


def test_the_source_of_an_empty_mart_is_a_parquet_file_with_its_columns(catalog_without_tree,
                                                                        report_site):  # noqa: F811
    """`evidence sources --strict` (the step the site's pages are built from) over the empty mart, with the
    session's node_modules and its postinstall patch; the pages' handling of sections without rows is checked
    in the browser on the session's site (tests/test_report_site.py)."""
    project = catalog_without_tree
    reports = copy_reports(project.root / "reports")
    (reports / "node_modules").symlink_to(report_site.project.root / "reports" / "node_modules")
    env = {name: value for name, value in os.environ.items() if name != FILENAME_ENV}  # connection.yaml's file
    run = subprocess.run([str(reports / "node_modules" / ".bin" / "evidence"), "sources", "--strict"], cwd=reports,
                         env=env | {"DO_NOT_TRACK": "1"}, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    with duckdb.connect() as connection:
        parquet = f"read_parquet('{site_data(reports, 'fct_market_tree_check')}')"
        rows = connection.execute(f"select count(*) from {parquet}").fetchone()[0]
        columns = [row[0] for row in connection.execute(f"describe select * from {parquet}").fetchall()]
    with duckdb.connect(str(project.published_db), read_only=True) as warehouse:
        query = (reports / "sources" / "warehouse" / "fct_market_tree_check.sql").read_text()
        expected = [row[0] for row in warehouse.execute(f"describe {query}").fetchall()]
    assert rows == 0
    assert columns == expected, "the empty mart's Parquet file lacks the source query's columns"
