"""Shared by tests/test_report_wrapper.py and tests/test_report_site.py: the report site, built ONCE per
session (about 2 minutes and 3 GB), from a copy of the session's built project.

The copy holds warehouse/ (the session's published file) beside reports/ (copied without node_modules,
.evidence and build), exactly the layout reports/sources/warehouse/connection.yaml expects; so the real
`npm ci` runs there once (node_modules missing), then `evidence sources` and `evidence build`.
Both test modules use the fixture `report_site`, which memoises its result here, so the build runs once
even though each module registers the fixture.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from market_warehouse.project import PACKAGE_ROOT, Project
from market_warehouse.report import MIN_NODE_MAJOR, ReportFailed, ReportResult, build_report

REPORTS_SKIP = {"node_modules", ".evidence", "build"}


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


@dataclass
class BuiltSite:
    project: Project
    result: ReportResult | None
    log_path: Path
    error: ReportFailed | None = None


_SITE: dict[str, BuiltSite] = {}


def built_site(built_project: Project, tmp_path_factory) -> BuiltSite:
    if "site" not in _SITE:
        reason = node_missing_reason()
        if reason:
            pytest.skip(reason)
        project = report_project(tmp_path_factory.mktemp("report") / "project", built_project)
        log_path = project.root / "report-build.log"
        with log_path.open("w") as log_file:
            def log(line: str) -> None:
                log_file.write(line + "\n")
                log_file.flush()
            try:
                site = BuiltSite(project, build_report(project, log=log), log_path)
            except ReportFailed as error:
                site = BuiltSite(project, None, log_path, error)
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
