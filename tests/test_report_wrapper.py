"""market_warehouse.report: the Python wrapper around the Evidence CLI (make report)."""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from market_warehouse.project import Project
from market_warehouse.report import MIN_NODE_MAJOR, ReportFailed, build_report, lock_digest, needs_install
from tests.report_support import (
    copy_reports,
    env_without,
    report_project,
    report_site,  # noqa: F401  (session fixture, memoised: one build per session)
)

# The built site: the landing page, the page comparing the markets and, per market, the six pages of the
# templates in reports/pages/markets/[market_id]/ (the first market of the real seeds).
REPORT_PAGES = ["index.html", "compare/index.html"] + [
    f"markets/biopharma_cmo_cro/{page}index.html"
    for page in ("", "regions/", "segments/", "players/", "sources/", "data-quality/")]


def fake_tools(folder: Path, node_version: str = "v20.0.0", npm_body: str = "exit 0") -> Path:
    """A bin folder with a fake `node` (prints node_version) and a fake `npm` (runs npm_body)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in (("node", f'echo "{node_version}"'), ("npm", npm_body)):
        script = folder / name
        script.write_text(f"#!/bin/sh\n{body}\n")
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder


def minimal_project(tmp_path: Path) -> Project:
    """reports/ beside an (empty) warehouse file: enough for the steps before Evidence runs."""
    copy_reports(tmp_path / "reports")
    (tmp_path / "warehouse").mkdir()
    (tmp_path / "warehouse" / "market.duckdb").write_bytes(b"")
    return Project(tmp_path)


def test_missing_node_is_a_clear_error(tmp_path):
    project = minimal_project(tmp_path)
    env = env_without("node")
    with pytest.raises(ReportFailed) as caught:
        build_report(project, env=env, log=lambda line: None)
    assert caught.value.step == "check tools"
    message = str(caught.value)
    assert "Node.js (node)" in message and "not found on PATH" in message  # (npm too, where it sits beside node)
    assert f"install Node.js >= {MIN_NODE_MAJOR}" in message and "nodejs.org" in message


def test_missing_node_alone_is_named(tmp_path):
    project = minimal_project(tmp_path)
    bin_dir = fake_tools(tmp_path / "bin")
    (bin_dir / "node").unlink()  # npm present, node not
    with pytest.raises(ReportFailed) as caught:
        build_report(project, env=dict(os.environ, PATH=str(bin_dir)), log=lambda line: None)
    assert caught.value.step == "check tools"
    assert f"Node.js (node) not found on PATH; install Node.js >= {MIN_NODE_MAJOR}" in str(caught.value)


def test_missing_npm_is_named(tmp_path):
    project = minimal_project(tmp_path)
    bin_dir = fake_tools(tmp_path / "bin")
    (bin_dir / "npm").unlink()
    with pytest.raises(ReportFailed, match=r"npm not found on PATH"):
        build_report(project, env=dict(os.environ, PATH=str(bin_dir)), log=lambda line: None)


def test_too_old_node_is_a_clear_error(tmp_path):
    project = minimal_project(tmp_path)
    bin_dir = fake_tools(tmp_path / "bin", node_version="v16.20.2")
    with pytest.raises(ReportFailed, match=rf"Node.js v16.20.2 .* is too old; Evidence needs Node.js >= {MIN_NODE_MAJOR}"):
        build_report(project, env=dict(os.environ, PATH=f"{bin_dir}{os.pathsep}/bin"), log=lambda line: None)


def test_missing_warehouse_is_named(tmp_path):
    project = minimal_project(tmp_path)
    project.published_db.unlink()
    bin_dir = fake_tools(tmp_path / "bin")
    with pytest.raises(ReportFailed, match=r"market.duckdb does not exist; run `make build` first"):
        build_report(project, env=dict(os.environ, PATH=f"{bin_dir}{os.pathsep}/bin"), log=lambda line: None)


def test_timeout_kills_the_step_and_says_so(tmp_path):
    """A step that outlives the timeout is killed (with its children) and reported as a timeout."""
    project = minimal_project(tmp_path)  # no node_modules -> the wrapper runs `npm ci`, which hangs here
    bin_dir = fake_tools(tmp_path / "bin", npm_body="echo installing...; sleep 60 & wait")
    lines = []
    started = time.monotonic()
    with pytest.raises(ReportFailed) as caught:
        build_report(project, timeout=2, env=dict(os.environ, PATH=f"{bin_dir}{os.pathsep}/bin{os.pathsep}/usr/bin"),
                     log=lines.append)
    assert time.monotonic() - started < 20
    assert caught.value.step == "npm ci"
    assert "timed out" in str(caught.value)
    assert "installing..." in caught.value.detail  # the step's output comes with the error
    assert "[npm ci] installing..." in lines  # and was streamed while it ran


def test_npm_ci_runs_only_when_node_modules_is_missing_or_stale(tmp_path):
    reports = copy_reports(tmp_path / "reports")
    assert needs_install(reports)  # no node_modules
    (reports / "node_modules" / ".bin").mkdir(parents=True)
    (reports / "node_modules" / ".bin" / "evidence").write_text("")
    (reports / "node_modules" / ".market-warehouse-lock.sha256").write_text(lock_digest(reports) + "\n")
    assert not needs_install(reports)
    (reports / "node_modules" / ".market-warehouse-lock.sha256").write_text("0" * 64 + "\n")
    assert needs_install(reports)  # installed from another lock


def test_failing_step_names_the_step_and_shows_its_output(report_site, tmp_path):  # noqa: F811
    """A broken source query in a copy: `evidence sources` fails; the error names it and quotes it."""
    project = report_project(tmp_path / "project", report_site.project)
    (project.root / "reports" / "node_modules").symlink_to(report_site.project.root / "reports" / "node_modules")
    (project.root / "reports" / "sources" / "warehouse" / "fct_market_forecast.sql").write_text(
        "select no_such_column from marts.fct_market_forecast\n")
    with pytest.raises(ReportFailed) as caught:
        build_report(project, log=lambda line: None, timeout=600)
    assert caught.value.step == "evidence sources"
    assert "exit code" in caught.value.detail
    assert "no_such_column" in caught.value.detail
    assert not (project.root / "reports" / "build").exists()


def test_happy_path_builds_every_page(report_site):  # noqa: F811
    """The session's real build: npm ci (node_modules was missing), sources, build -> a static site."""
    result = report_site.result
    reports = report_site.project.root / "reports"
    print(f"report build log: {report_site.log_path}; step seconds: {result.step_seconds}")
    assert result.ran_npm_ci
    assert not needs_install(reports)  # stamped: the next run skips npm ci
    assert set(result.step_seconds) >= {"check tools", "npm ci", "evidence sources", "evidence build"}
    for page in REPORT_PAGES:
        assert (result.site_dir / page).is_file(), page
    # Each mart the pages use was extracted to parquet for the browser-side DuckDB.
    assert list((result.site_dir / "data" / "warehouse").rglob("*.parquet"))
    assert (reports / "evidence.settings.json").read_text().count('"no"') == 1  # usage statistics off

