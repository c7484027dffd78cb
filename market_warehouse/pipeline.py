"""The main job, write-audit-publish: check inputs, build a candidate, audit it, publish it.

Any failing step stops the job before publishing, so warehouse/market.duckdb stays as it was.
"""
from __future__ import annotations

import fcntl
import hashlib
import importlib
import json
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from market_warehouse import interrupts, publish, validation
from market_warehouse.config import ConfigError, check_vars, check_window
from market_warehouse.dbt_build import run_dbt
from market_warehouse.project import Project
from market_warehouse.seed_check import SeedCheckError, check_seeds, input_files
from market_warehouse.target_check import TargetProblem, check_target, os_error_text

# What the main job leaves out of `dbt build`, without losing a check: dbt's unit tests test the SQL, not
# the data, and run in `make test` (tests/test_dbt_unit_tests.py); the tests on the seeds and on the
# staging views over them are the seed contract that the pre-flight seed check has just enforced on
# exactly these input files. A plain `dbt build` still runs everything.
MAIN_JOB_DBT_EXCLUDES = ["--exclude-resource-type", "unit_test", "--exclude", "resource_type:seed+1,resource_type:test"]


class BuildFailed(Exception):
    def __init__(self, step: str, detail: str):
        self.step = step
        self.detail = detail
        super().__init__(f"{step} failed: {detail}")


@dataclass
class BuildReport:
    run_id: str
    step_seconds: dict[str, float] = field(default_factory=dict)
    dbt_counts: dict[str, int] = field(default_factory=dict)
    validation: validation.ValidationReport | None = None
    input_checksums: dict[str, str] = field(default_factory=dict)
    current_step: str = "start"  # the step running now: an interrupt names it


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]


@contextmanager
def build_lock(project: Project):
    """One build at a time per project. The kernel drops the lock when its process dies, even on
    SIGKILL, so a killed build never leaves a stale lock behind."""
    project.build_dir.mkdir(parents=True, exist_ok=True)
    with open(project.build_dir / "build.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildFailed("lock", "another build of this project is running; try again when it ends") from None
        yield


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
        outcome = run_dbt(project, "build", dbt_vars=dbt_vars, extra_args=MAIN_JOB_DBT_EXCLUDES)
        report.dbt_counts = outcome.counts
        if not outcome.success:
            raise BuildFailed("dbt build", "\n" + "\n".join(outcome.failures or ["dbt reported failure"]))
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


def stepper(report: BuildReport, log):
    def step(name: str):
        log(f"[{report.run_id}] {name} ...")
        return _Timer(report, name)
    return step


def check_vars_target_and_inputs(project: Project, report: BuildReport, step, dbt_vars: dict | None,
                                 target: bool = True) -> dict:
    """The pre-flight of every job. target=False skips the checks of the published DuckDB file (the Spark job
    publishes into Spark schemas)."""
    with step("check vars"):
        try:
            dbt_vars = check_vars(project, dbt_vars)
        except ConfigError as error:
            raise BuildFailed("check vars", str(error)) from None

    if target:
        with step("check target"):
            try:
                check_target(project)
            except TargetProblem as error:
                raise BuildFailed("check target", str(error)) from None

    inputs_dir = input_folder(dbt_vars) or project.seeds_dir
    with step("check seeds"):
        # Checksums of exactly the files checked; compared again once dbt has loaded them.
        report.input_checksums = checksums(input_files(project, inputs_dir))
        try:
            check_seeds(project, inputs_dir=inputs_dir)
        except SeedCheckError as error:
            raise BuildFailed("check seeds", "\n" + str(error)) from None
        try:
            check_window(project, dbt_vars, inputs_dir)
        except ConfigError as error:
            raise BuildFailed("check vars", str(error)) from None
    return dbt_vars


def check_inputs_unchanged(project: Project, report: BuildReport, inputs_dir: Path, since: datetime | None) -> None:
    """What was checked is what was loaded: the same files, byte for byte, and (for a plain dbt build's
    candidate) none written after that dbt build started."""
    files = input_files(project, inputs_dir)
    changed = sorted(label for label, digest in checksums(files).items() if report.input_checksums.get(label) != digest)
    changed += sorted(set(report.input_checksums) - set(files))
    if since is not None:
        changed += sorted(label for label, path in files.items()
                          if datetime.fromtimestamp(path.stat().st_mtime, UTC) > since)
    if changed:
        raise BuildFailed("check inputs", f"the inputs changed after dbt loaded them ({', '.join(sorted(set(changed)))}): "
                          "what was checked is not what was loaded. Run the build again once nothing writes to them.")


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
        if report.validation.blocking:
            raise BuildFailed("validate", "critical rules failed:\n" + "\n".join(
                f"  {r.describe()}" for r in report.validation.blocking))

    with step("publish"):
        try:
            _record_publish(project, report, dbt_vars)
            publish.carry_audit_history(project)
            publish.publish(project, report.run_id)
        except duckdb.Error as error:
            raise BuildFailed("publish", f"{str(error).strip().splitlines()[0]}. Nothing was published; "
                              "the published warehouse is unchanged.") from None


def input_folder(dbt_vars: dict | None) -> Path | None:
    folder = (dbt_vars or {}).get("input_folder")
    return Path(folder) if folder else None


class _Timer:
    """Times a step; turns the operating system's refusals (disk full, read-only, permission denied) into
    a BuildFailed of that step, so they read as one paragraph, not a traceback."""
    def __init__(self, report: BuildReport, name: str):
        self.report, self.name = report, name

    def __enter__(self):
        self.report.current_step = self.name
        self.start = time.perf_counter()

    def __exit__(self, exc_type, exc, traceback):
        self.report.step_seconds[self.name] = round(time.perf_counter() - self.start, 3)
        if isinstance(exc, OSError):
            raise BuildFailed(self.name, f"{os_error_text(exc)}. Free space or fix the permissions, then build "
                              "again; nothing was published and the published warehouse is unchanged.") from None
        return False


def checksums(files: dict[str, Path]) -> dict[str, str]:
    return {label: hashlib.sha256(path.read_bytes()).hexdigest() for label, path in files.items()}


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


def validation_counts(report: validation.ValidationReport) -> dict[str, int]:
    counts = {f"{severity}_{status}": 0 for severity in ("critical", "warning")
              for status in ("passed", "failed", "error")}
    for result in report.results:
        counts[f"{result.severity}_{result.status}"] += 1
    return counts
