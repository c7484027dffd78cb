"""The steps the jobs share: the main job on DuckDB (pipeline.py), the publish of a plain dbt build's
candidate (pipeline.py) and the main job on Spark (spark_pipeline.py). One lock per project, timed steps that
fill in one BuildReport, the pre-flight checks of vars, target and inputs, the main job's dbt build and the
GX gate. Each job imports these and nothing of the other jobs.
"""
from __future__ import annotations

import fcntl
import hashlib
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from market_warehouse import validation
from market_warehouse.config import ConfigError, check_vars, check_window
from market_warehouse.dbt_build import DbtOutcome, run_dbt
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


def stepper(report: BuildReport, log):
    def step(name: str):
        log(f"[{report.run_id}] {name} ...")
        return _Timer(report, name)
    return step


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


def input_folder(dbt_vars: dict | None) -> Path | None:
    folder = (dbt_vars or {}).get("input_folder")
    return Path(folder) if folder else None


def checksums(files: dict[str, Path]) -> dict[str, str]:
    return {label: hashlib.sha256(path.read_bytes()).hexdigest() for label, path in files.items()}


def dbt_build_candidate(project: Project, dbt_vars: dict | None) -> DbtOutcome:
    """The main job's `dbt build` of the DuckDB candidate: the checked vars, MAIN_JOB_DBT_EXCLUDES, and the var
    main_job, which tells the on-run-end hook (macros/record_dbt_run.sql) not to print the hint that a plain
    `dbt build` prints: the main job publishes the candidate itself."""
    return run_dbt(project, "build", dbt_vars={**(dbt_vars or {}), "main_job": True}, extra_args=MAIN_JOB_DBT_EXCLUDES)


def refuse_failed_dbt(outcome: DbtOutcome, step: str) -> None:
    if not outcome.success:
        raise BuildFailed(step, "\n" + "\n".join(outcome.failures or ["dbt reported failure"]))


def refuse_blocking_rules(report: validation.ValidationReport) -> None:
    """The gate: a failed critical rule stops the job before anything is published."""
    if report.blocking:
        raise BuildFailed("validate", "critical rules failed:\n" + "\n".join(
            f"  {r.describe()}" for r in report.blocking))


def validation_counts(report: validation.ValidationReport) -> dict[str, int]:
    counts = {f"{severity}_{status}": 0 for severity in ("critical", "warning")
              for status in ("passed", "failed", "error")}
    for result in report.results:
        counts[f"{result.severity}_{result.status}"] += 1
    return counts
