"""Great Expectations checkpoint over the warehouse: the rule book that decides whether a build may
be published.

Suites are the JSON files in expectations/ (one per subject, written by people). Each names its
table in meta.table and numbers its rules in each expectation's meta.rule; severity is GX's own
expectation field: `critical` blocks publishing, `warning` is reported. validate() runs in DuckDB
through SQL (never pandas) on a read-only connection; Data Docs and GX's result store go to
build/gx/, which is git-ignored. validate_spark() runs the same suites on a Spark build through GX's
Spark datasource (market_warehouse/gx_spark.py; output in build/gx-spark/), with the same results.

Every failing rule names its markets and rows (RuleResult.market_ids / failing_rows, the summary, the
BuildFailed message, audit.validation_results), read from what GX itself returns (result format COMPLETE):

* column-map expectations (expect_column_values_to_...): the suite's meta.key_columns are GX's
  `unexpected_index_column_names`, so GX returns the key columns of the unexpected rows
  (unexpected_index_list); a table's suites are validated on one batch with its key columns. Without
  meta.key_columns: the table's market_id, *_id, year and scenario columns.
* expect_compound_columns_to_be_unique: GX has no index list for it on SQL; its unexpected values are
  the duplicated compound key itself (on Spark too, so both engines name the same rows).
* unexpected_rows_expectation: the query selects market_id first, then the columns that identify a
  row; GX returns its rows (details.unexpected_rows). A row is kept with its key columns: the
  expectation's meta.row_keys, else the suite's key columns (else the whole row).
* a table without market_id names in meta.market_lookup a query of market_id and the key columns that
  find it (dim_country_label: source_id in marts.fct_market_claim).

GX returns at most 20 index rows (on SQL; all of them on Spark) and 200 query rows; when a rule has more, one
more read-only query (GX's unexpected_index_query, or the rule's own query) lists the markets of all of them.
These extra queries run for failing rules only.
"""
from __future__ import annotations

import json
import logging
import math
import shutil
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb

from market_warehouse.gx_duckdb_dialect import read_only_url
from market_warehouse.project import Project

DATASOURCE = "warehouse"
DOCS_SITE = "local_site"
ROWS_KEPT = 20   # failing rows kept per rule (RuleResult.failing_rows, audit.validation_results)
ROWS_SHOWN = 3   # failing rows shown in the summary and the BuildFailed message
MARKETS_SHOWN = 10


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
    market_ids: str | None = None     # comma-separated distinct markets of the failing rows
    failing_rows: str | None = None   # JSON: up to ROWS_KEPT failing rows, objects of their key columns

    @property
    def success(self) -> bool:
        return self.status == "passed"

    @property
    def blocks_publishing(self) -> bool:
        return self.severity == "critical" and not self.success

    @property
    def markets(self) -> list[str]:
        return self.market_ids.split(",") if self.market_ids else []

    @property
    def rows(self) -> list[dict]:
        return json.loads(self.failing_rows) if self.failing_rows else []

    def where(self) -> str:
        """Which markets and rows failed: 'markets: a, b; rows: market_id=a, year=2031 | ... (+4 more)'."""
        if self.status != "failed":
            return ""
        rows = self.rows
        shown = " | ".join(", ".join(f"{key}={_show(value)}" for key, value in row.items())
                           for row in rows[:ROWS_SHOWN])
        more = (self.unexpected_count or len(rows)) - min(len(rows), ROWS_SHOWN)
        markets = ", ".join(self.markets[:MARKETS_SHOWN]) or "none"
        if len(self.markets) > MARKETS_SHOWN:
            markets += f" (+{len(self.markets) - MARKETS_SHOWN} more)"
        return (f"markets: {markets}; rows: {shown or '(not returned)'}"
                + (f" (+{more} more)" if more > 0 else ""))

    def describe(self) -> str:
        """One paragraph: rule, suite, title, status, count, markets, first rows, error."""
        text = f"rule {self.rule} ({self.suite}): {self.title} [{self.status}, unexpected: {self.unexpected_count}]"
        where = self.where()
        if where:
            text += " " + where
        if self.exception_message:
            text += f" error: {self.exception_message}"
        return text


@dataclass(frozen=True)
class ValidationReport:
    run_id: str
    validated_at: datetime
    seconds: float
    results: list[RuleResult]
    data_docs_index: Path | None  # None when Data Docs were not rendered (the main job skips them)

    @property
    def blocking(self) -> list[RuleResult]:
        return [result for result in self.results if result.blocks_publishing]

    def summary(self) -> str:
        lines = [f"{'rule':>4}  {'severity':8}  {'status':7}  {'suite':19}  {'unexpected':>10}  title"]
        for result in sorted(self.results, key=lambda r: (r.rule, r.suite, r.title)):
            unexpected = "" if result.unexpected_count is None else str(result.unexpected_count)
            lines.append(f"{result.rule:>4}  {result.severity:8}  {result.status:7}  {result.suite:19}  "
                         f"{unexpected:>10}  {result.title}")
            where = result.where()
            if where:
                lines.append(f"{'':>4}  {where}")
            if result.exception_message:
                lines.append(f"{'':>4}  error: {result.exception_message[:200]}")
        counts = {status: sum(r.status == status for r in self.results) for status in ("passed", "failed", "error")}
        lines.append(f"{len(self.results)} expectations: {counts['passed']} passed, {counts['failed']} failed, "
                     f"{counts['error']} errors; {len(self.blocking)} critical not passed; {self.seconds:.1f} s")
        lines.append(f"Data Docs: {self.data_docs_index}" if self.data_docs_index else
                     "Data Docs: not rendered (python -m market_warehouse validate renders them)")
        return "\n".join(lines)


def validate(project: Project, db_path: Path, run_id: str, log=None, data_docs: bool = False) -> ValidationReport:
    """Run every suite against db_path (read-only) and return one result per expectation. `log`, if given,
    gets a line per suite as it runs (the step takes seconds; it should not look stuck). Data Docs are
    rendered once at the end, and only when asked: they cost as much as the rules themselves."""
    return _validate(_DuckDBTables(db_path), project, project.build_dir / "gx", run_id, log, data_docs)


def validate_spark(project: Project, spark, schema_prefix: str, run_id: str, log=None,
                   data_docs: bool = False) -> ValidationReport:
    """The same suites on a Spark build in `spark` (the active session; its marts in `<schema_prefix>_marts`),
    with the same results as validate(). Nothing is written to the warehouse (record() is DuckDB's)."""
    from market_warehouse.gx_spark import SparkTables  # pyspark is only in the Spark venv

    return _validate(SparkTables(spark, schema_prefix), project, project.build_dir / "gx-spark", run_id, log,
                     data_docs)


def _validate(tables, project: Project, output_dir: Path, run_id: str, log, data_docs: bool) -> ValidationReport:
    import great_expectations as gx  # imported here: GX costs seconds to import

    logging.getLogger("great_expectations").setLevel(logging.ERROR)  # the results say it all
    shutil.rmtree(output_dir, ignore_errors=True)  # GX adds a folder per run; keep only the latest
    started = time.perf_counter()
    suites_dir = tables.suites_dir(project.root / "expectations", output_dir)
    context = gx.get_context(mode="ephemeral", project_config=_context_config(suites_dir, output_dir))
    try:
        datasource = tables.add_datasource(context, DATASOURCE)
        groups, suites = _batches(context, suites_dir, datasource, tables)
        run = gx.core.run_identifier.RunIdentifier(run_name=run_id)
        outcomes = []
        for table, batch_definition, result_format, group in groups:
            batch = batch_definition.get_batch(batch_parameters=tables.batch_parameters(table))
            for suite in group:
                suite_started = time.perf_counter()
                # Batch.validate, not a checkpoint: a checkpoint also serialises every result into GX's
                # result store, a fifth of the step's time; only Data Docs read that store.
                outcome = batch.validate(suite, result_format=result_format)
                outcomes.append(outcome)
                if data_docs:
                    _store_for_data_docs(context, suite, batch, run, outcome)
                if log is not None:
                    log(f"  GX suite {suite.name}: {time.perf_counter() - suite_started:.1f} s")
        results = _result_rows(outcomes, suites, tables)
        if data_docs:
            context.build_data_docs(site_names=[DOCS_SITE])
    finally:
        tables.release(context)
    return ValidationReport(run_id=run_id, validated_at=datetime.now(UTC),
                            seconds=round(time.perf_counter() - started, 3), results=results,
                            data_docs_index=output_dir / "data_docs" / "index.html" if data_docs else None)


class _DuckDBTables:
    """The tables of a DuckDB file, as _validate() reads them: GX's SQL datasource, one table asset each
    (gx_spark.SparkTables is the same for a Spark build)."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.engine = None  # GX's SQL execution engine, once the datasource is added

    def suites_dir(self, expectations_dir: Path, output_dir: Path) -> Path:
        return expectations_dir  # the suites name DuckDB's tables as they are

    def add_datasource(self, context, name: str):
        datasource = context.data_sources.add_sql(name=name, connection_string=read_only_url(self.db_path))
        self.engine = datasource.get_execution_engine()
        return datasource

    def add_asset(self, datasource, table: str):
        schema, table_name = table.split(".")
        with warnings.catch_warnings():
            # Deprecated since GX 1.14, but the generic SQL datasource has no other way to
            # name a schema, and DuckDB rejects `schema` as a connect option.
            warnings.filterwarnings("ignore", message="`schema_name` is deprecated")
            return datasource.add_table_asset(name=table, table_name=table_name, schema_name=schema)

    def add_batch_definition(self, asset, name: str):
        return asset.add_batch_definition_whole_table(name=name)

    def batch_parameters(self, table: str) -> None:
        return None  # a table asset's batch is the whole table

    def columns(self, tables) -> dict[str, list[str]]:
        import sqlalchemy as sa

        rows = self.engine.execute_query(sa.text(
            "select table_schema || '.' || table_name, column_name from information_schema.columns "
            "order by table_schema, table_name, ordinal_position")).fetchall()
        columns: dict[str, list[str]] = {}
        for table, column in rows:
            columns.setdefault(table, []).append(column)
        return columns

    def rows(self, sql: str) -> list[dict]:
        """A read-only query through GX's own engine."""
        import sqlalchemy as sa

        return [row._asdict() for row in self.engine.execute_query(sa.text(sql)).fetchall()]

    def release(self, context) -> None:
        """GX keeps two pooled engines per SQL datasource; dispose them so the file is closed."""
        for datasource in context.data_sources.all().values():
            if hasattr(datasource, "get_engine"):
                datasource.get_execution_engine().engine.dispose()
                datasource.get_engine().dispose()


AUDIT_COLUMNS = {
    "run_id": "varchar not null",
    "validated_at": "timestamptz not null",
    "suite": "varchar not null",
    "rule": "integer not null",
    "title": "varchar not null",
    "expectation_type": "varchar not null",
    "table_name": "varchar not null",
    "severity": "varchar not null",
    "status": "varchar not null",
    "success": "boolean not null",
    "observed_value": "varchar",
    "unexpected_count": "bigint",
    "exception_message": "varchar",
    "validation_seconds": "double not null",
    "market_ids": "varchar",     # comma-separated distinct markets of the failing rows
    "failing_rows": "varchar",   # JSON text: up to 20 failing rows as objects of their key columns
}


def record(db_path: Path, report: ValidationReport) -> None:
    """Append the results to audit.validation_results of db_path (the candidate, never the published file)."""
    with duckdb.connect(str(db_path)) as connection:
        connection.execute("create schema if not exists audit")
        columns = ",\n".join(f"{name} {kind}" for name, kind in AUDIT_COLUMNS.items())
        connection.execute(f"create table if not exists audit.validation_results ({columns})")
        for name in ("market_ids", "failing_rows"):  # a table created before these columns existed
            connection.execute(f"alter table audit.validation_results add column if not exists {name} varchar")
        connection.executemany(
            f"insert into audit.validation_results ({', '.join(AUDIT_COLUMNS)}) "
            f"values ({', '.join('?' for _ in AUDIT_COLUMNS)})",
            [[report.run_id, report.validated_at, r.suite, r.rule, r.title, r.expectation_type, r.table_name,
              r.severity, r.status, r.success, r.observed_value, r.unexpected_count, r.exception_message,
              report.seconds, r.market_ids, r.failing_rows] for r in report.results])


def _context_config(suites_dir: Path, output_dir: Path):
    from great_expectations.data_context.types.base import DataContextConfig, ProgressBarsConfig

    def folder(path: Path) -> dict:
        return {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(path),
                "suppress_store_backend_id": True}

    return DataContextConfig(
        stores={
            # Suites are read from the top-level expectations/ folder, where people edit them (on Spark,
            # from its copy with Spark's table names).
            "expectations_store": {"class_name": "ExpectationsStore",
                                   "store_backend": folder(suites_dir)},
            "validation_results_store": {"class_name": "ValidationResultsStore",
                                         "store_backend": folder(output_dir / "validations")},
        },
        expectations_store_name="expectations_store",
        validation_results_store_name="validation_results_store",
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


def _batches(context, suites_dir: Path, datasource, tables):
    """One batch definition per table and its suites, grouped by the table's key columns, which each group
    passes to GX as unexpected_index_column_names. Returns (table, batch definition, result format, suites)
    and each suite's (meta, key columns)."""
    # suites.get() raises on a malformed suite; suites.all() would silently skip it.
    suites = [context.suites.get(path.stem) for path in sorted(suites_dir.glob("*.json"))]
    table_columns = tables.columns({suite.meta["table"] for suite in suites})
    groups: dict[tuple[str, tuple[str, ...]], list] = {}
    assets = {}
    for suite in suites:
        table = suite.meta["table"]
        if table not in assets:
            assets[table] = tables.add_asset(datasource, table)
        keys = _key_columns(suite.meta, table_columns.get(table, []))
        groups.setdefault((table, keys), []).append(suite)
    batches = []
    meta = {}
    for number, ((table, keys), group) in enumerate(groups.items()):
        meta.update({suite.name: (suite.meta, keys) for suite in group})
        result_format = {"result_format": "COMPLETE", "partial_unexpected_count": ROWS_KEPT}
        if keys:
            result_format["unexpected_index_column_names"] = list(keys)
        batches.append((table, tables.add_batch_definition(assets[table], f"whole_table_{number}"), result_format,
                        group))
    return batches, meta


def _store_for_data_docs(context, suite, batch, run, outcome) -> None:
    """Data Docs render what is in GX's result store (a checkpoint would have put it there)."""
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    context.validation_results_store.set(ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite.name), run_id=run,
        batch_identifier=batch.id), outcome)


def _key_columns(meta: dict, columns: list[str]) -> tuple[str, ...]:
    """The suite's meta.key_columns (market_id first), else the table's market_id, *_id columns, year, scenario.
    A declared key column the table lacks is kept: GX then raises, and the rule is an error, not a pass."""
    keys = list(meta.get("key_columns") or
                [c for c in columns if c.endswith("_id") or c in ("year", "scenario")])
    return tuple(sorted(keys, key=lambda c: c != "market_id"))


def _result_rows(outcomes, suites: dict[str, tuple[dict, tuple[str, ...]]], tables) -> list[RuleResult]:
    rows = []
    lookups: dict[str, list[dict] | None] = {}
    for suite_result in outcomes:
        suite_meta, keys = suites[suite_result.suite_name]
        table = suite_meta["table"]
        for result in suite_result.results:
            config = result.expectation_config
            raised, message = _raised(result.exception_info)
            details = result.result or {}
            observed = details.get("observed_value")
            unexpected = details.get("unexpected_count")
            if unexpected is None and config.type == "unexpected_rows_expectation":
                unexpected = observed  # its observed value is the number of unexpected rows
            # exception_info is never empty, even on success: only raised_exception counts.
            status = "error" if raised else ("passed" if result.success else "failed")
            markets, failing = (None, None) if status != "failed" else _where(
                config, details, unexpected, table, suite_meta, keys, tables, lookups)
            rows.append(RuleResult(
                suite=suite_result.suite_name,
                rule=int(config.meta["rule"]),
                title=config.meta["title"],
                expectation_type=config.type,
                table_name=table,
                severity=config.severity.value,
                status=status,
                observed_value=None if observed is None else json.dumps(observed, default=str),
                unexpected_count=unexpected,
                exception_message=message,
                market_ids=markets,
                failing_rows=failing,
            ))
    return rows


def _where(config, details: dict, unexpected: int | None, table: str, suite_meta: dict,
           keys: tuple[str, ...], tables, lookups: dict) -> tuple[str | None, str | None]:
    """(market_ids, failing_rows JSON) of a failed expectation, from the rows GX returned."""
    rows, everything = _returned_rows(config, details, table, keys)
    rows = [{"market_id": row.pop("market_id"), **row} if "market_id" in row else row for row in rows]
    lookup = suite_meta.get("market_lookup")
    found_by = _lookup_columns(rows, lookup, tables, lookups)
    if found_by:
        rows = _with_looked_up_markets(rows, lookups[lookup], found_by)
    rows.sort(key=lambda row: [_sort_key(value) for value in row.values()])  # by market, then keys
    markets = {str(m) for row in rows for m in str(row.get("market_id") or "").split(",") if m}
    if unexpected is not None and unexpected > len(rows) and everything and (
            (rows and "market_id" in rows[0]) or found_by):
        # GX returned only some of the rows: count the markets of all of them.
        everyone = _markets_of_all_rows(tables, everything, lookup, found_by)
        if everyone is not None:
            markets = everyone
    return (",".join(sorted(markets)) or None,
            json.dumps(rows[:ROWS_KEPT], default=_json_value) if rows else None)


def _returned_rows(config, details: dict, table: str, keys: tuple[str, ...]) -> tuple[list[dict], str | None]:
    """The failing rows GX returned, and a query of all of them where there is one."""
    if config.type == "unexpected_rows_expectation":
        returned = (details.get("details") or {}).get("unexpected_rows") or []
        row_keys = config.meta.get("row_keys") or keys
        return ([_key_values(dict(row), row_keys) for row in returned],
                config.kwargs["unexpected_rows_query"].format(batch=table))
    if details.get("unexpected_index_list") is not None and config.type != "expect_compound_columns_to_be_unique":
        return ([dict(row) for row in details["unexpected_index_list"]],
                (details.get("unexpected_index_query") or "").strip().rstrip(";") or None)
    # The unexpected values. GX returns no index list for expect_compound_columns_to_be_unique on SQL
    # (nor without key columns); for a compound key they are the row's key. (On Spark it does, with
    # the key columns too; the compound key alone keeps the rows the same on both engines.)
    column = config.kwargs.get("column")
    values = details.get("unexpected_list") or details.get("partial_unexpected_list") or []
    # No query of all of them: GX's index query of a compound key is no valid SQL.
    return [dict(value) if isinstance(value, dict) else {column: value} for value in values], None


def _lookup_columns(rows: list[dict], lookup: str | None, tables, lookups: dict) -> list[str]:
    """The columns by which the suite's market_lookup query finds the market of rows that carry no market_id
    (empty if they carry one, or the suite has no lookup). Each lookup runs once per validation."""
    if not rows or "market_id" in rows[0] or not lookup:
        return []
    if lookup not in lookups:
        lookups[lookup] = _query(tables, lookup)
    pairs = lookups[lookup] or []
    return [c for c in (pairs[0] if pairs else {}) if c != "market_id" and c in rows[0]]


def _with_looked_up_markets(rows: list[dict], pairs: list[dict], found_by: list[str]) -> list[dict]:
    """Each row with the markets (comma-separated) its found_by columns match in the lookup, first."""
    return [{"market_id": ",".join(sorted({str(pair["market_id"]) for pair in pairs
                                           if pair["market_id"] is not None
                                           and all(pair[c] == row[c] for c in found_by)})) or None,
             **row} for row in rows]


def _markets_of_all_rows(tables, everything: str, lookup: str | None, found_by: list[str]) -> set[str] | None:
    """The markets of every failing row, from the query of all of them; None if that query fails."""
    if found_by:
        sql = (f"select distinct l.market_id from ({everything}) as u join ({lookup}) as l "
               f"using ({', '.join(found_by)}) where l.market_id is not null")
    else:
        sql = f"select distinct market_id from ({everything}) as u where market_id is not null"
    everyone = _query(tables, sql)
    return None if everyone is None else {str(row["market_id"]) for row in everyone}


def _key_values(row: dict, keys) -> dict:
    """The row's key columns (and market_id); the whole row if it has none of them."""
    kept = {column: value for column, value in row.items() if column == "market_id" or column in keys}
    return kept if set(kept) - {"market_id"} else row


def _query(tables, sql: str) -> list[dict] | None:
    """A read-only query of the warehouse; None (and a warning) if it fails."""
    try:
        return tables.rows(sql)
    except Exception as error:  # the rule's status stands; only its market list is then partial
        logging.getLogger(__name__).warning("could not list the markets of a failing rule: %s", error)
        return None


def _sort_key(value) -> tuple:
    number = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
    return (value is None, not number, value if number else 0, "" if number else str(value))


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _show(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:.6g}"
    text = str(value)
    return repr(text) if any(mark in text for mark in (",", "|", "=", ";")) else text


def _raised(exception_info: dict | None) -> tuple[bool, str | None]:
    """GX reports exceptions either as one flat dict or as a dict of them keyed by metric."""
    if not exception_info:
        return False, None
    infos = [exception_info] if "raised_exception" in exception_info else list(exception_info.values())
    messages = [str(info.get("exception_message") or "exception") for info in infos
                if isinstance(info, dict) and info.get("raised_exception")]
    return bool(messages), " | ".join(dict.fromkeys(messages)) or None
