"""The report reads exactly one release, the one `current` names when it starts, even when a publish switches
`current` between its queries; the site records that run id (the source query warehouse.release) and its
footer says it. The session's site is that case (tests/report_support.py publishes meanwhile). And the Evidence
source of a mart with no rows is a valid Parquet file with the mart's columns (as fct_market_tree_check is in a
catalog without a market tree), so a report over an empty mart builds."""
from __future__ import annotations

import os
import shutil
import subprocess

import duckdb
import pytest

from market_warehouse import publish
from market_warehouse.report_release import FILENAME_ENV
from tests.report_support import (
    PUBLISHED_MEANWHILE,
    copy_reports,
    current_release,
    report_site,  # noqa: F401 - the session's site, built while a publish switches `current`
)

pytestmark = pytest.mark.slow


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
def reports_over_an_empty_mart(report_site, tmp_path_factory):  # noqa: F811
    """reports/ beside a warehouse/market.duckdb whose fct_market_tree_check has no rows (as in a catalog without a
    market tree): a copy of the release the session's site read, that mart emptied."""
    root = tmp_path_factory.mktemp("empty-mart")
    (root / "warehouse").mkdir()
    db = root / "warehouse" / publish.DB_NAME
    shutil.copyfile(report_site.read_db, db)
    with duckdb.connect(str(db)) as connection:
        connection.execute("delete from marts.fct_market_tree_check")
    reports = copy_reports(root / "reports")
    (reports / "node_modules").symlink_to(report_site.project.root / "reports" / "node_modules")
    return reports


def test_the_source_of_an_empty_mart_is_a_parquet_file_with_its_columns(reports_over_an_empty_mart):
    """`evidence sources --strict` (the step the site's pages are built from) over the empty mart, with the
    session's node_modules and its postinstall patch; the pages' handling of sections without rows is checked
    in the browser on the session's site (tests/test_report_site.py)."""
    reports = reports_over_an_empty_mart
    env = {name: value for name, value in os.environ.items() if name != FILENAME_ENV}  # connection.yaml's file
    run = subprocess.run([str(reports / "node_modules" / ".bin" / "evidence"), "sources", "--strict"], cwd=reports,
                         env=env | {"DO_NOT_TRACK": "1"}, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    with duckdb.connect() as connection:
        parquet = f"read_parquet('{site_data(reports, 'fct_market_tree_check')}')"
        rows = connection.execute(f"select count(*) from {parquet}").fetchone()[0]
        columns = [row[0] for row in connection.execute(f"describe select * from {parquet}").fetchall()]
    with duckdb.connect(str(reports.parent / "warehouse" / publish.DB_NAME), read_only=True) as warehouse:
        query = (reports / "sources" / "warehouse" / "fct_market_tree_check.sql").read_text()
        expected = [row[0] for row in warehouse.execute(f"describe {query}").fetchall()]
    assert rows == 0
    assert columns == expected, "the empty mart's Parquet file lacks the source query's columns"
