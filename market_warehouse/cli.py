"""Command line: python -m market_warehouse (or market-warehouse)
{build,publish,check-seeds,validate,report,restore-previous}
[--project-dir DIR]. Expected failures print one paragraph and exit 1; anything unexpected prints one line
and the path of a log file with the traceback."""
from __future__ import annotations

import argparse
import json
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from market_warehouse.project import Project


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    project = Project(args.project_dir.resolve()) if args.project_dir else Project()
    try:
        return _run(args, project)
    except KeyboardInterrupt:
        print("interrupted; the published warehouse is unchanged unless the publish had already switched", file=sys.stderr)
        return 130
    except Exception as error:  # unexpected: one line here, the traceback in a file
        log = _write_crash_log(project, error)
        print(f"{args.command} FAILED unexpectedly: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
              f" - traceback in {log}", file=sys.stderr)
        return 1


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
    parser.add_argument("--project-dir", type=Path, default=None, help="project root (default: this checkout)")
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
    return parser


def _run(args, project: Project) -> int:
    if args.command == "check-seeds":
        from market_warehouse.seed_check import SeedCheckError, check_seeds
        try:
            check_seeds(project)
        except SeedCheckError as error:
            print(f"seed check failed:\n{error}", file=sys.stderr)
            return 1
        print("seeds ok")
        return 0

    if args.command == "validate":
        from market_warehouse.pipeline import new_run_id
        from market_warehouse.target_check import TargetProblem, check_published_file_opens
        from market_warehouse.validation import validate
        db_path = args.db or project.published_db
        if not db_path.exists():
            print(f"{db_path} does not exist; run `make build` first", file=sys.stderr)
            return 1
        try:
            check_published_file_opens(db_path)
        except TargetProblem as error:
            print(f"VALIDATE FAILED: {error}", file=sys.stderr)
            return 1
        report = validate(project, db_path, new_run_id(), data_docs=not args.no_data_docs)
        print(report.summary())
        return 1 if report.blocking else 0

    if args.command == "publish":
        from market_warehouse.pipeline import publish_candidate
        return _run_job("PUBLISH", project, lambda: publish_candidate(project))

    if args.command == "build":
        import yaml

        from market_warehouse.pipeline import build
        try:
            dbt_vars = yaml.safe_load(args.vars) if args.vars else None
        except yaml.YAMLError as error:
            print(f"BUILD FAILED at step 'check vars': --vars is not valid YAML or JSON: {error}", file=sys.stderr)
            return 1
        return _run_job("BUILD", project, lambda: build(project, dbt_vars=dbt_vars))

    if args.command == "restore-previous":
        from market_warehouse.pipeline import BuildFailed, build_lock
        from market_warehouse.publish import restore_previous
        try:
            with build_lock(project):
                run_id = restore_previous(project)
        except (BuildFailed, FileNotFoundError) as error:
            print(f"RESTORE FAILED: {error}", file=sys.stderr)
            return 1
        print(f"published the previous release again: {run_id} ({project.published_db})")
        return 0

    if args.command == "report":
        from market_warehouse.report import DEFAULT_TIMEOUT_SECONDS, ReportFailed, build_report
        try:
            result = build_report(project, timeout=args.timeout or DEFAULT_TIMEOUT_SECONDS)
        except ReportFailed as error:
            print(f"REPORT FAILED at step '{error.step}': {error.detail}", file=sys.stderr)
            return 1
        print(json.dumps({"site": str(result.site_dir), "step_seconds": result.step_seconds}, indent=2))
        return 0
    return 2


def _run_job(kind: str, project: Project, job) -> int:
    """Run the main job or the publish of a candidate: its step times on success, one paragraph on failure."""
    from market_warehouse.pipeline import BuildFailed
    try:
        report = job()
    except BuildFailed as error:
        print(f"{kind} FAILED at step '{error.step}': {error.detail}", file=sys.stderr)
        print(f"The published warehouse {project.published_db} was not changed.", file=sys.stderr)
        return 1
    print(json.dumps({"run_id": report.run_id, "step_seconds": report.step_seconds}, indent=2))
    return 0
