"""Great Expectations checkpoint over the warehouse: the rule book that decides whether a build may
be published.

Suites are the JSON files in expectations/ (one per subject, written by people). Each names its
table in meta.table and numbers its rules in each expectation's meta.rule; severity is GX's own
expectation field: `critical` blocks publishing, `warning` is reported. Validation runs in DuckDB
through SQL (never pandas) on a read-only connection; Data Docs and GX's result store go to
build/gx/, which is git-ignored.
"""
from __future__ import annotations

import json
import logging
import shutil
import time
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from market_warehouse.gx_duckdb_dialect import read_only_url
from market_warehouse.project import Project

DATASOURCE = "warehouse"
DOCS_SITE = "local_site"


@dataclass(frozen=True)
class RuleResult:
    suite: str
    rule: int
    title: str
    expectation_type: str
    table_name: str
    severity: str
    status: str               # passed | failed | error (an expectation that raised)
    observed_value: str | None
    unexpected_count: int | None
    exception_message: str | None

    @property
    def success(self) -> bool:
        return self.status == "passed"

    @property
    def blocks_publishing(self) -> bool:
        return self.severity == "critical" and not self.success


@dataclass(frozen=True)
class ValidationReport:
    run_id: str
    validated_at: datetime
    seconds: float
    results: list[RuleResult]
    data_docs_index: Path

    @property
    def blocking(self) -> list[RuleResult]:
        return [result for result in self.results if result.blocks_publishing]

    def summary(self) -> str:
        lines = [f"{'rule':>4}  {'severity':8}  {'status':7}  {'suite':19}  {'unexpected':>10}  title"]
        for result in sorted(self.results, key=lambda r: (r.rule, r.suite, r.title)):
            unexpected = "" if result.unexpected_count is None else str(result.unexpected_count)
            lines.append(f"{result.rule:>4}  {result.severity:8}  {result.status:7}  {result.suite:19}  "
                         f"{unexpected:>10}  {result.title}")
            if result.exception_message:
                lines.append(f"{'':>4}  error: {result.exception_message[:200]}")
        counts = {status: sum(r.status == status for r in self.results) for status in ("passed", "failed", "error")}
        lines.append(f"{len(self.results)} expectations: {counts['passed']} passed, {counts['failed']} failed, "
                     f"{counts['error']} errors; {len(self.blocking)} critical not passed; {self.seconds:.1f} s")
        lines.append(f"Data Docs: {self.data_docs_index}")
        return "\n".join(lines)


def validate(project: Project, db_path: Path, run_id: str) -> ValidationReport:
    """Run every suite against db_path (read-only) and return one result per expectation."""
    import great_expectations as gx  # imported here: GX costs seconds to import

    logging.getLogger("great_expectations").setLevel(logging.ERROR)  # the results say it all
    output_dir = project.build_dir / "gx"
    shutil.rmtree(output_dir, ignore_errors=True)  # GX adds a folder per run; keep only the latest
    started = time.perf_counter()
    context = gx.get_context(mode="ephemeral", project_config=_context_config(project, output_dir))
    try:
        checkpoint = _checkpoint(gx, context, project, db_path)
        outcome = checkpoint.run(run_id=gx.core.run_identifier.RunIdentifier(run_name=run_id))
        results = _result_rows(outcome)
    finally:
        _release(context)
    return ValidationReport(run_id=run_id, validated_at=datetime.now(timezone.utc),
                            seconds=round(time.perf_counter() - started, 3), results=results,
                            data_docs_index=output_dir / "data_docs" / "index.html")


def record(db_path: Path, report: ValidationReport) -> None:
    """Append the results to audit.validation_results of db_path (the candidate, never the published file)."""
    with duckdb.connect(str(db_path)) as connection:
        connection.execute("create schema if not exists audit")
        connection.execute("""
            create table if not exists audit.validation_results (
                run_id varchar not null,
                validated_at timestamptz not null,
                suite varchar not null,
                rule integer not null,
                title varchar not null,
                expectation_type varchar not null,
                table_name varchar not null,
                severity varchar not null,
                status varchar not null,
                success boolean not null,
                observed_value varchar,
                unexpected_count bigint,
                exception_message varchar,
                validation_seconds double not null
            )""")
        connection.executemany(
            "insert into audit.validation_results values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[report.run_id, report.validated_at, r.suite, r.rule, r.title, r.expectation_type, r.table_name,
              r.severity, r.status, r.success, r.observed_value, r.unexpected_count, r.exception_message,
              report.seconds] for r in report.results])


def _context_config(project: Project, output_dir: Path):
    from great_expectations.data_context.types.base import DataContextConfig, ProgressBarsConfig

    def folder(path: Path) -> dict:
        return {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(path),
                "suppress_store_backend_id": True}

    return DataContextConfig(
        stores={
            # Suites are read from the top-level expectations/ folder, where people edit them.
            "expectations_store": {"class_name": "ExpectationsStore",
                                   "store_backend": folder(project.root / "expectations")},
            "validation_results_store": {"class_name": "ValidationResultsStore",
                                         "store_backend": folder(output_dir / "validations")},
            # Built from the suites on every run: nothing to keep.
            "validation_definition_store": {"class_name": "ValidationDefinitionStore",
                                            "store_backend": {"class_name": "InMemoryStoreBackend"}},
            "checkpoint_store": {"class_name": "CheckpointStore",
                                 "store_backend": {"class_name": "InMemoryStoreBackend"}},
        },
        expectations_store_name="expectations_store",
        validation_results_store_name="validation_results_store",
        checkpoint_store_name="checkpoint_store",
        data_docs_sites={DOCS_SITE: {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(output_dir / "data_docs")},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }},
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )


def _checkpoint(gx, context, project: Project, db_path: Path):
    from great_expectations.checkpoint import UpdateDataDocsAction

    # suites.get() raises on a malformed suite; suites.all() would silently skip it.
    suites = [context.suites.get(path.stem) for path in sorted((project.root / "expectations").glob("*.json"))]
    datasource = context.data_sources.add_sql(name=DATASOURCE, connection_string=read_only_url(db_path))
    batches = {}
    definitions = []
    for suite in suites:
        table = suite.meta["table"]
        if table not in batches:
            schema, table_name = table.split(".")
            with warnings.catch_warnings():
                # Deprecated since GX 1.14, but the generic SQL datasource has no other way to
                # name a schema, and DuckDB rejects `schema` as a connect option.
                warnings.filterwarnings("ignore", message="`schema_name` is deprecated")
                asset = datasource.add_table_asset(name=table, table_name=table_name, schema_name=schema)
            batches[table] = asset.add_batch_definition_whole_table(name="whole_table")
        definitions.append(context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batches[table], suite=suite)))
    return context.checkpoints.add(gx.Checkpoint(
        name="warehouse_rules", validation_definitions=definitions,
        actions=[UpdateDataDocsAction(name="data_docs", site_names=[DOCS_SITE])],
        result_format="SUMMARY"))


def _result_rows(outcome) -> list[RuleResult]:
    rows = []
    for suite_result in outcome.run_results.values():
        batch_spec = suite_result.meta.get("batch_spec") or {}
        table = f"{batch_spec.get('schema_name')}.{batch_spec.get('table_name')}"
        for result in suite_result.results:
            config = result.expectation_config
            raised, message = _raised(result.exception_info)
            details = result.result or {}
            observed = details.get("observed_value")
            unexpected = details.get("unexpected_count")
            if unexpected is None and config.type == "unexpected_rows_expectation":
                unexpected = observed  # its observed value is the number of unexpected rows
            rows.append(RuleResult(
                suite=suite_result.suite_name,
                rule=int(config.meta["rule"]),
                title=config.meta["title"],
                expectation_type=config.type,
                table_name=table,
                severity=config.severity.value,
                # exception_info is never empty, even on success: only raised_exception counts.
                status="error" if raised else ("passed" if result.success else "failed"),
                observed_value=None if observed is None else json.dumps(observed, default=str),
                unexpected_count=unexpected,
                exception_message=message,
            ))
    return rows


def _raised(exception_info: dict | None) -> tuple[bool, str | None]:
    """GX reports exceptions either as one flat dict or as a dict of them keyed by metric."""
    if not exception_info:
        return False, None
    infos = [exception_info] if "raised_exception" in exception_info else list(exception_info.values())
    messages = [str(info.get("exception_message") or "exception") for info in infos
                if isinstance(info, dict) and info.get("raised_exception")]
    return bool(messages), " | ".join(dict.fromkeys(messages)) or None


def _release(context) -> None:
    """GX keeps two pooled engines per SQL datasource; dispose them so the file is closed."""
    for datasource in context.data_sources.all().values():
        if hasattr(datasource, "get_engine"):
            datasource.get_execution_engine().engine.dispose()
            datasource.get_engine().dispose()
