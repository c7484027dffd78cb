"""Command line: python -m market_warehouse (or market-warehouse)
{build,publish,check-seeds,validate,report,restore-previous,spark-build,spark-check,draft,accept}
[--project-dir DIR]. Expected failures print one paragraph and exit 1; anything unexpected prints one line
and the path of a log file with the traceback."""
from __future__ import annotations

import argparse
import json
import signal
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from market_warehouse import interrupts
from market_warehouse.project import Project


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    project = Project(args.project_dir.resolve()) if args.project_dir else Project()
    _never_fail_on_encoding()
    if problem := project.not_a_project():
        print(problem, file=sys.stderr)
        return 1
    interrupts.install()
    try:
        return _run(args, project)
    except KeyboardInterrupt:  # a command that publishes nothing itself, or before a job started
        print(interrupts.interrupted_outside_a_job(args.command, project), file=sys.stderr)
        return 128 + signal.Signals[interrupts.received()].value
    except Exception as error:  # unexpected: one line here, the traceback in a file
        log = _write_crash_log(project, error)
        print(f"{args.command} FAILED unexpectedly: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
              f" - traceback in {log}", file=sys.stderr)
        return 1


def _never_fail_on_encoding() -> None:
    """Under a locale that cannot write a message's text (LANG=C without UTF-8), write what it cannot as
    escapes (\\u0405) instead of failing with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _write_crash_log(project: Project, error: Exception) -> Path:
    text = "".join(traceback.format_exception(error))
    for folder in (project.build_dir / "logs", Path("/tmp")):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"crash-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.log"
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return Path("(no writable folder for the log)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m market_warehouse", description=__doc__)
    parser.add_argument("--project-dir", type=Path, default=None,
                        help="project root (default: $MARKET_WAREHOUSE_PROJECT_DIR, else this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="check seeds, dbt build, validate, publish (the main job)")
    build_parser.add_argument("--vars", default=None, help="dbt vars as a JSON or YAML mapping")
    commands.add_parser("publish", help="validate the candidate a plain `dbt build` wrote and publish it, as the "
                                        "main job does (no rebuild)")
    commands.add_parser("check-seeds", help="check the seed CSVs only; names file, row and column of each problem")
    validate_parser = commands.add_parser(
        "validate", help="run the GX rules on a warehouse file (read-only; default: the published one)")
    validate_parser.add_argument("--db", type=Path, default=None, help="DuckDB file to validate")
    validate_parser.add_argument("--no-data-docs", action="store_true",
                                 help="skip rendering GX Data Docs (build/gx/data_docs/index.html)")
    report_parser = commands.add_parser(
        "report", help="build the Evidence report site from the published warehouse into reports/build")
    report_parser.add_argument("--timeout", type=float, default=None, help="seconds for all steps (default 1800)")
    commands.add_parser("restore-previous",
                        help="publish the previous release again (warehouse/current -> warehouse/previous)")
    # The Spark engine (docs/spark.md): needs the Spark venv (make spark-install) and Java.
    spark_build = commands.add_parser("spark-build", help="the main job on a local Spark: check seeds, dbt build, "
                                                           "GX validation, publish the Spark schema marts")
    spark_build.add_argument("--vars", default=None, help="dbt vars as a JSON or YAML mapping")
    spark_check = commands.add_parser("spark-check", help="build on DuckDB and on Spark, validate and publish the "
                                                           "Spark build, compare every mart row by row")
    spark_check.add_argument("--vars", default=None, help="dbt vars as a JSON or YAML mapping")
    _add_draft_commands(commands)
    return parser


# Adding a source from a report page (docs/adding-a-source.md): draft, review, accept.
def _add_draft_commands(commands) -> None:
    draft_parser = commands.add_parser("draft", help="draft seed rows and a review sheet from a saved report page "
                                                     "into drafts/<source_id>/ (never writes seeds/)")
    draft_parser.add_argument("page", type=Path, help="the page saved from a browser (HTML) or as plain text")
    draft_parser.add_argument("--market", required=True, help="market_id of seeds/markets.csv the page is about")
    draft_parser.add_argument("--source-id", default=None, help="new source id (default: from the file name)")
    draft_parser.add_argument("--url", default=None, help="the page's address (sources.url; default: the saved "
                                                          "page's canonical link)")
    draft_parser.add_argument("--publisher", default=None, help="publisher (default: the URL's host)")
    draft_parser.add_argument("--accessed", default=None, help="date the page was read, YYYY-MM-DD (default: today)")
    accept_parser = commands.add_parser("accept", help="append a reviewed draft to the seeds after the seed check; "
                                                       "all files or none")
    accept_parser.add_argument("draft_dir", type=Path, help="drafts/<source_id>")


def _run_draft_commands(args, project: Project) -> int:
    from market_warehouse.accept import accept
    from market_warehouse.build_steps import BuildFailed
    from market_warehouse.draft import DraftFailed, DraftRequest, draft
    from market_warehouse.seed_merge import DraftProblem
    try:
        if args.command == "draft":
            result = draft(project, DraftRequest(args.page, args.market, args.source_id, args.url, args.publisher,
                                                 args.accessed))
            print(json.dumps({"draft": str(result.folder), "rows": result.rows, "flags": result.flags,
                              "numbers_not_placed": result.unplaced, "seed_check": result.check_problems or "pass",
                              "review": str(result.folder / "REVIEW.md")}, indent=2))
            return 0
        added = accept(project, args.draft_dir)
    except (DraftFailed, DraftProblem, BuildFailed) as error:
        print(f"{args.command.upper()} FAILED: {error}", file=sys.stderr)
        return 1
    print(json.dumps({"accepted": str(args.draft_dir), "rows_added": added, "next": "make build"}, indent=2))
    return 0


def _run(args, project: Project) -> int:
    return COMMANDS[args.command](args, project) if args.command in COMMANDS else 2


def _run_check_seeds(args, project: Project) -> int:
    from market_warehouse.seed_check import SeedCheckError, check_seeds
    try:
        check_seeds(project)
    except SeedCheckError as error:
        print(f"seed check failed:\n{error}", file=sys.stderr)
        return 1
    print("seeds ok")
    return 0


def _run_validate(args, project: Project) -> int:
    from market_warehouse.build_steps import new_run_id
    from market_warehouse.target_check import TargetProblem, check_given_file_opens, check_published_file_opens
    from market_warehouse.validation import validate
    db_path = args.db or project.published_db
    if not db_path.exists():
        print(f"{db_path} does not exist; " + ("check the path given with --db" if args.db else
                                               "run `make build` first"), file=sys.stderr)
        return 1
    try:
        (check_given_file_opens if args.db else check_published_file_opens)(db_path)
    except TargetProblem as error:
        print(f"VALIDATE FAILED: {error}", file=sys.stderr)
        return 1
    report = validate(project, db_path, new_run_id(), data_docs=not args.no_data_docs)
    print(report.summary())
    return 1 if report.blocking else 0


def _run_publish(args, project: Project) -> int:
    from market_warehouse.pipeline import publish_candidate
    return _run_job("PUBLISH", project, lambda: publish_candidate(project))


def _run_build_job(args, project: Project) -> int:
    """build, spark-build and spark-check: the jobs that take --vars."""
    import yaml
    kind = args.command.upper().replace("-", " ")
    try:
        dbt_vars = yaml.safe_load(args.vars) if args.vars else None
    except yaml.YAMLError as error:
        print(f"{kind} FAILED at step 'check vars': --vars is not valid YAML or JSON: {error}", file=sys.stderr)
        return 1
    if args.command == "build":
        from market_warehouse.pipeline import build
        return _run_job(kind, project, lambda: build(project, dbt_vars=dbt_vars))
    return _run_spark_job(args.command, project, dbt_vars)


def _run_restore_previous(args, project: Project) -> int:
    from market_warehouse.build_steps import BuildFailed, build_lock
    from market_warehouse.restore import RestoreRefused, restore_checked_previous
    try:
        with build_lock(project):
            run_id = restore_checked_previous(project)
    except (BuildFailed, RestoreRefused) as error:
        print(f"RESTORE FAILED: {error}", file=sys.stderr)
        return 1
    print(f"published the previous release again: {run_id} ({project.published_db})")
    return 0


def _run_report(args, project: Project) -> int:
    from market_warehouse.report import DEFAULT_TIMEOUT_SECONDS, ReportFailed, build_report
    try:
        result = build_report(project, timeout=args.timeout or DEFAULT_TIMEOUT_SECONDS)
    except ReportFailed as error:
        print(f"REPORT FAILED at step '{error.step}': {error.detail}", file=sys.stderr)
        return 1
    print(json.dumps({"site": str(result.site_dir), "release": result.release,
                      "step_seconds": result.step_seconds}, indent=2))
    return 0


def _run_spark_job(command: str, project: Project, dbt_vars: dict | None) -> int:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print(f"{command} needs the Spark venv: `make spark-install` creates .venv-spark (requirements-spark.lock), "
              f"then run .venv-spark/bin/python -m market_warehouse {command} (or `make spark-check`)", file=sys.stderr)
        return 1
    from market_warehouse.build_steps import BuildFailed, validation_counts
    from market_warehouse.engine_compare import EnginesDiffer
    from market_warehouse.spark_pipeline import PUBLISHED_SCHEMA, build_on_spark, spark_check

    unchanged = f"The published Spark schema {PUBLISHED_SCHEMA} was not changed."
    if command == "spark-build":
        return _run_job("SPARK BUILD", project, lambda: build_on_spark(project, dbt_vars=dbt_vars), unchanged)
    try:
        report = spark_check(project, dbt_vars=dbt_vars)
    except EnginesDiffer as difference:
        print(f"SPARK CHECK FAILED: Spark and DuckDB differ: {difference}", file=sys.stderr)
        return 1
    except BuildFailed as error:
        print(f"SPARK CHECK FAILED at step '{error.step}': {error.detail}", file=sys.stderr)
        print(unchanged, file=sys.stderr)
        return 1
    print(json.dumps({"run_id": report.build.run_id, "step_seconds": report.build.step_seconds,
                      "dbt_counts": report.build.dbt_counts, "validation": validation_counts(report.build.validation),
                      "marts_equal": {c.mart: c.rows for c in report.compared}}, indent=2))
    return 0


def _run_job(kind: str, project: Project, job, unchanged: str | None = None) -> int:
    """Run the main job or the publish of a candidate: its step times on success, one paragraph on failure."""
    from market_warehouse.build_steps import BuildFailed
    try:
        report = job()
    except interrupts.JobInterrupted as interrupted:
        print(interrupted.paragraph(kind, project.published_db), file=sys.stderr)
        return 128 + signal.Signals[interrupted.signal_name].value
    except BuildFailed as error:
        print(f"{kind} FAILED at step '{error.step}': {error.detail}", file=sys.stderr)
        print(unchanged or f"The published warehouse {project.published_db} was not changed.", file=sys.stderr)
        return 1
    print(json.dumps({"run_id": report.run_id, "step_seconds": report.step_seconds}, indent=2))
    return 0


# Each command's runner: imports its own modules, prints its result or one paragraph, returns the exit code.
COMMANDS = {
    "draft": _run_draft_commands,
    "accept": _run_draft_commands,
    "check-seeds": _run_check_seeds,
    "validate": _run_validate,
    "publish": _run_publish,
    "build": _run_build_job,
    "spark-build": _run_build_job,
    "spark-check": _run_build_job,
    "restore-previous": _run_restore_previous,
    "report": _run_report,
}
