"""The main job, write-audit-publish: check inputs, build a candidate, audit it, publish it.

Any failing step stops the job before publishing, so warehouse/market.duckdb stays as it was.
"""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
import threading
from datetime import UTC, datetime

import duckdb

from market_warehouse import interrupts, publish, validation
from market_warehouse.build_steps import (
    BuildFailed,
    BuildReport,
    build_lock,
    check_inputs_unchanged,
    check_vars_target_and_inputs,
    dbt_build_candidate,
    input_folder,
    new_run_id,
    refuse_blocking_rules,
    refuse_failed_dbt,
    stepper,
    validation_counts,
)
from market_warehouse.project import Project


def build(project: Project, dbt_vars: dict | None = None, log=print) -> BuildReport:
    """The main job: check vars, target and inputs, dbt build the candidate, validate it, publish it."""
    report = BuildReport(run_id=new_run_id())
    step = stepper(report, log)
    with build_lock(project):
        try:
            _build_steps(project, report, step, dbt_vars, log)
        except KeyboardInterrupt:
            raise interrupts.stop(project, report.run_id, report.current_step, remove_candidate=True) from None
    log(f"[{report.run_id}] published {project.published_db}")
    return report


def _build_steps(project: Project, report: BuildReport, step, dbt_vars: dict | None, log) -> None:
    with step("clean up leftovers of earlier builds"):
        publish.remove_stale_files(project)
        for path in (project.candidate_db, project.candidate_db.with_name(project.candidate_db.name + ".wal")):
            path.unlink(missing_ok=True)
    dbt_vars = check_vars_target_and_inputs(project, report, step, dbt_vars)
    inputs_dir = input_folder(dbt_vars) or project.seeds_dir

    with step("dbt build (candidate)"):
        _import_gx_in_the_background()
        outcome = dbt_build_candidate(project, dbt_vars)
        report.dbt_counts = outcome.counts
        refuse_failed_dbt(outcome, "dbt build")
        check_inputs_unchanged(project, report, inputs_dir, since=None)

    _validate_and_publish(project, report, step, dbt_vars, log)


def publish_candidate(project: Project, log=print) -> BuildReport:
    """After a plain `dbt build`: validate the candidate it wrote and publish it exactly as the main job does
    (same checks of vars, target and inputs, same GX gate, same publish and audit rows), without rebuilding.
    Only a candidate whose last dbt build ran the whole project and passed, from inputs that have not
    changed since, is published."""
    report = BuildReport(run_id=new_run_id())
    step = stepper(report, log)
    with build_lock(project):
        try:
            dbt_run = _publish_candidate_steps(project, report, step, log)
        except KeyboardInterrupt:  # the candidate is the user's plain dbt build: kept
            raise interrupts.stop(project, report.run_id, report.current_step, remove_candidate=False) from None
    log(f"[{report.run_id}] published {project.published_db} (the candidate of dbt invocation "
        f"{dbt_run['invocation_id']})")
    return report


def _publish_candidate_steps(project: Project, report: BuildReport, step, log) -> dict:
    with step("check candidate"):
        dbt_run = _last_dbt_build(project)
        report.dbt_counts = dbt_run["status_counts"]
    dbt_vars = check_vars_target_and_inputs(project, report, step, dbt_run["dbt_vars"] or None)
    with step("check inputs unchanged"):
        check_inputs_unchanged(project, report, input_folder(dbt_vars) or project.seeds_dir,
                                since=dbt_run["started_at"])
    _validate_and_publish(project, report, step, dbt_vars, log)
    return dbt_run


def _import_gx_in_the_background() -> None:
    """GX takes seconds to import, mostly Python work; dbt's build spends much of its time inside DuckDB,
    which leaves the interpreter free. Importing GX meanwhile takes that time off the validate step."""
    threading.Thread(target=importlib.import_module, args=("great_expectations",), daemon=True).start()


def _last_dbt_build(project: Project) -> dict:
    problem = None
    if not project.candidate_db.exists():
        problem = f"there is no candidate {project.candidate_db}; run `dbt build` (or `make build`) first"
    else:
        try:
            with duckdb.connect(str(project.candidate_db), read_only=True) as candidate:
                row = candidate.execute(
                    "select invocation_id, command, started_at, selection, dbt_vars, status_counts, n_failed "
                    "from audit.dbt_runs order by finished_at desc limit 1").fetchone()
        except duckdb.Error as error:
            row, problem = None, (f"{project.candidate_db} holds no record of a dbt build "
                                  f"({str(error).splitlines()[0]}); run `dbt build` first")
        if row is not None:
            invocation_id, command, started_at, selection, dbt_vars, statuses, n_failed = row
            if command != "build":
                problem = f"the candidate's last dbt command was `dbt {command}`, not `dbt build`; run `dbt build`"
            elif json.loads(selection):
                problem = (f"the candidate's last dbt build selected only part of the project "
                           f"({', '.join(json.loads(selection))}); run a full `dbt build`")
            elif n_failed:
                problem = f"the candidate's last dbt build had {n_failed} failing nodes; fix them and run `dbt build`"
            else:
                return {"invocation_id": invocation_id, "started_at": started_at, "dbt_vars": json.loads(dbt_vars),
                        "status_counts": json.loads(statuses)}
        elif problem is None:
            problem = "the candidate holds no record of a dbt build; run `dbt build` first"
    raise BuildFailed("check candidate", problem + "; the published warehouse is unchanged.")


def _validate_and_publish(project: Project, report: BuildReport, step, dbt_vars: dict | None, log) -> None:
    with step("validate (Great Expectations)"):
        publish.pause_point("validate:started")
        publish.clear_audit_history(project)
        report.validation = validation.validate(project, project.candidate_db, report.run_id, log=log)
        validation.record(project.candidate_db, report.validation)
        log(report.validation.summary())
        refuse_blocking_rules(report.validation)

    with step("publish"):
        try:
            _record_publish(project, report, dbt_vars)
            publish.carry_audit_history(project)
            publish.publish(project, report.run_id)
        except duckdb.Error as error:
            raise BuildFailed("publish", f"{str(error).strip().splitlines()[0]}. Nothing was published; "
                              "the published warehouse is unchanged.") from None


def git_commit(project: Project) -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=project.root, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def _record_publish(project: Project, report: BuildReport, dbt_vars: dict | None) -> None:
    """One row per publish, inside the published file, so a BI user can see what they are looking at."""
    from dbt.version import __version__ as dbt_version

    with duckdb.connect(str(project.candidate_db)) as candidate:
        candidate.execute("create schema if not exists audit")
        candidate.execute("""
            create table if not exists audit.publish_log (
                run_id varchar primary key,
                published_at timestamptz not null,
                git_commit varchar,
                seed_checksums json not null,
                dbt_vars json,
                dbt_results json not null,
                validation_results json not null,
                step_seconds json not null,
                dbt_version varchar not null,
                duckdb_version varchar not null,
                python_version varchar not null
            )""")
        candidate.execute(
            "insert into audit.publish_log values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [report.run_id, datetime.now(UTC), git_commit(project),
             json.dumps(report.input_checksums), json.dumps(dbt_vars or {}), json.dumps(report.dbt_counts),
             json.dumps(validation_counts(report.validation)), json.dumps(report.step_seconds),
             dbt_version, duckdb.__version__, sys.version.split()[0]])
