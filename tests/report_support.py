"""Shared by tests/test_report_wrapper.py and tests/test_report_site.py: the report site, built ONCE per
session (about 2 minutes and 3 GB), from a copy of the session's built project.

The copy holds warehouse/ (the session's published file) beside reports/ (copied without node_modules,
.evidence and build), exactly the layout reports/sources/warehouse/connection.yaml expects; so the real
`npm ci` runs there once (node_modules missing), then `evidence sources` and `evidence build`.
Both test modules use the fixture `report_site`, which memoises its result here, so the build runs once
even though each module registers the fixture.

The site is built while a publish switches `warehouse/current` (to a copy of the release under another run id,
once the release is pinned and just before the source queries run), so every site test reads a site built across
a publish, and tests/test_report_release.py checks it shows the release it started with.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from market_warehouse import publish
from market_warehouse.project import PACKAGE_ROOT, Project
from market_warehouse.report import MIN_NODE_MAJOR, ReportFailed, ReportResult, build_report

REPORTS_SKIP = {"node_modules", ".evidence", "build"}
PUBLISHED_MEANWHILE = "20991231T000000Z-5ec0adbe"  # the run id of the publish made while the site is built


def node_missing_reason() -> str | None:
    """Why the report tests cannot run here (Node.js or npm missing or too old), else None."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return f"Node.js >= {MIN_NODE_MAJOR} and npm are needed for the report tests (node: {node}, npm: {npm})"
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    try:
        major = int(version.lstrip("v").split(".")[0])
    except ValueError:
        major = 0
    if major < MIN_NODE_MAJOR:
        return f"Node.js >= {MIN_NODE_MAJOR} is needed for the report tests, found {version}"
    return None


def copy_reports(destination: Path, source: Path = PACKAGE_ROOT / "reports") -> Path:
    """reports/ without what npm and Evidence generate."""
    shutil.copytree(source, destination, ignore=lambda folder, names: [
        n for n in names if Path(folder) == source and n in REPORTS_SKIP])
    return destination


def report_project(destination: Path, built: Project) -> Project:
    """A project folder with the session's published warehouse and a fresh copy of reports/."""
    destination.mkdir(parents=True)
    shutil.copytree(built.warehouse_dir, destination / "warehouse", symlinks=True)
    copy_reports(destination / "reports")
    return Project(destination)


def current_release(project: Project) -> str:
    return os.path.basename(os.readlink(project.warehouse_dir / "current"))


def publish_another_release(project: Project, run_id: str) -> None:
    """A publish: a copy of the current release under another run id (recorded as that publish in its own file),
    then `current` switched to it."""
    copy = project.warehouse_dir / "releases" / run_id
    shutil.copytree(project.warehouse_dir / "current", copy, symlinks=True)
    with duckdb.connect(str(copy / publish.DB_NAME)) as connection:
        connection.execute("update audit.publish_log set run_id = ?, published_at = now() where published_at = "
                           "(select max(published_at) from audit.publish_log)", [run_id])
    publish._switch_link(project.warehouse_dir / "current", f"releases/{run_id}")


@dataclass
class BuiltSite:
    project: Project
    result: ReportResult | None
    log_path: Path
    started_with: str  # the release `current` named when the report started
    error: ReportFailed | None = None

    @property
    def read_db(self) -> Path:
        """The file of the release the site shows (`current` names another one since the publish meanwhile)."""
        return self.project.warehouse_dir / "releases" / self.started_with / publish.DB_NAME


_SITE: dict[str, BuiltSite] = {}


def built_site(built_project: Project, tmp_path_factory) -> BuiltSite:
    if "site" not in _SITE:
        reason = node_missing_reason()
        if reason:
            pytest.skip(reason)
        project = report_project(tmp_path_factory.mktemp("report") / "project", built_project)
        started_with = current_release(project)
        log_path = project.root / "report-build.log"
        with log_path.open("w") as log_file:
            def log(line: str) -> None:
                log_file.write(line + "\n")
                log_file.flush()
                if line.startswith("[report] evidence sources:"):  # pinned, no source query run yet
                    publish_another_release(project, PUBLISHED_MEANWHILE)
            try:
                site = BuiltSite(project, build_report(project, log=log), log_path, started_with)
            except ReportFailed as error:
                site = BuiltSite(project, None, log_path, started_with, error)
        print(f"report build log: {log_path}")
        _SITE["site"] = site
    site = _SITE["site"]
    if site.error is not None:
        pytest.fail(f"the session's report build failed (log {site.log_path}): {site.error}")
    return site


@pytest.fixture(scope="session")
def report_site(built_project, tmp_path_factory) -> BuiltSite:
    return built_site(built_project, tmp_path_factory)


def env_without(*programs: str) -> dict[str, str]:
    """os.environ with a PATH on which none of programs can be found (the rest of PATH kept)."""
    keep = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if folder and not any((Path(folder) / p).exists() for p in programs):
            keep.append(folder)
    return dict(os.environ, PATH=os.pathsep.join(keep))
