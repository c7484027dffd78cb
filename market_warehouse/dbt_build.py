"""Run dbt in-process (dbt's programmatic runner: one import, no extra Python process per call)."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass

from market_warehouse.project import Project

FAILED_STATUSES = {"error", "fail", "runtime error"}


@dataclass(frozen=True)
class DbtOutcome:
    success: bool
    counts: dict[str, int]
    failures: list[str]


def run_dbt(project: Project, command: str = "build", dbt_vars: dict | None = None,
            extra_args: list[str] | None = None) -> DbtOutcome:
    from dbt.cli.main import dbtRunner  # imported here: dbt costs seconds to import

    project.build_dir.mkdir(parents=True, exist_ok=True)
    os.environ["MARKET_WAREHOUSE_CANDIDATE"] = str(project.candidate_db)
    args = [
        command,
        "--project-dir", str(project.root),
        "--profiles-dir", str(project.root),
        "--log-path", str(project.build_dir / "logs"),
        "--target-path", str(project.build_dir / "target"),
    ]
    if dbt_vars:
        args += ["--vars", json.dumps(dbt_vars)]
    args += extra_args or []
    try:
        result = dbtRunner().invoke(args)
    finally:
        _release_duckdb()
    if isinstance(result.exception, KeyboardInterrupt):
        raise KeyboardInterrupt  # a signal (interrupts.py) stops the job, it is not a dbt failure
    return outcome_of(result, command)


def outcome_of(result, command: str) -> DbtOutcome:
    """Status counts and failing nodes of a dbtRunnerResult (either engine)."""
    counts: dict[str, int] = {}
    failures = []
    node_results = getattr(result.result, "results", None) or []
    for node_result in node_results:
        status = str(node_result.status)
        counts[status] = counts.get(status, 0) + 1
        if status in FAILED_STATUSES:
            failures.append(f"{node_result.node.unique_id}: {status}: {node_result.message}")
    if result.exception is not None:
        failures.append(f"dbt {command} raised: {result.exception}")
    return DbtOutcome(success=bool(result.success), counts=counts, failures=failures)


def _release_duckdb() -> None:
    """dbt-duckdb keeps its DuckDB instance open in a class attribute after the run. Close it, so the
    candidate file can be reopened read-only (validation) or copied (publishing) in this process."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        if DuckDBConnectionManager._ENV is not None:
            DuckDBConnectionManager._ENV.close()
            DuckDBConnectionManager._ENV = None
