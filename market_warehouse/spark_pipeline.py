"""The main job on Spark (`python -m market_warehouse spark-build`) and the proof that Spark's marts equal
DuckDB's (`spark-check`, `make spark-check`). Runs in the Spark venv (.venv-spark, `make spark-install`).

Write-audit-publish on Spark, as close to the DuckDB path as Spark allows:
  write    dbt builds every seed, model and test into the candidate schemas <prefix>_raw ... <prefix>_marts
           (market_warehouse/spark.py; prefix `candidate`), which BI users never read;
  audit    the same seed check before, the same inputs-unchanged check after, the same GX suites on the
           candidate marts (GX's Spark datasource); a critical failure stops the job here;
  publish  every candidate mart is copied into a schema of its own release (release_<run id>), then each
           view of the published schema `marts` is pointed at that copy (CREATE OR REPLACE VIEW). The release
           before stays (the previous publish), older ones are dropped; audit.publish_log has a row per publish.
What Spark cannot promise that DuckDB's one-file rename does: the views switch one after the other, not as
one. Each view is at every moment one whole validated release, but a query that joins two marts while the
switch runs (milliseconds) can read one mart of the new release and one of the previous. Open-source Spark's
Hive metastore has no multi-table transaction; a catalog with them (Delta / Unity Catalog, Iceberg
branches) would be the place to close that gap.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from market_warehouse.build_steps import (
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
from market_warehouse.dbt_build import outcome_of
from market_warehouse.engine_compare import MartComparison, compare_marts
from market_warehouse.project import Project

PUBLISHED_SCHEMA = "marts"
AUDIT_SCHEMA = "audit"
RELEASE_PREFIX = "release_"


@dataclass
class SparkCheckReport:
    build: BuildReport
    compared: list[MartComparison] = field(default_factory=list)


def spark_export_dir(project: Project) -> Path:
    return project.build_dir / "spark"


def build_on_spark(project: Project, dbt_vars: dict | None = None, log=print) -> BuildReport:
    """Seed check, dbt build on Spark (every test, unit tests included), GX on the candidate, publish."""
    from pyspark.sql import SparkSession

    from market_warehouse import validation
    from market_warehouse.spark import run_dbt_on_spark, spark_env

    report = BuildReport(run_id=new_run_id())
    step = stepper(report, log)
    with build_lock(project):
        dbt_vars = check_vars_target_and_inputs(project, report, step, dbt_vars, target=False)
        inputs_dir = input_folder(dbt_vars) or project.seeds_dir

        with step("dbt build on Spark (candidate)"):
            outcome = outcome_of(run_dbt_on_spark(project.root, ["build"], dbt_vars=dbt_vars), "build")
            report.dbt_counts = outcome.counts
            refuse_failed_dbt(outcome, "dbt build on Spark")
            check_inputs_unchanged(project, report, inputs_dir, since=None)

        spark = SparkSession.getActiveSession()
        prefix = spark_env(project.root)["MARKET_WAREHOUSE_SPARK_SCHEMA"]
        with step("validate (Great Expectations on Spark)"):
            report.validation = validation.validate_spark(project, spark, prefix, report.run_id, log=log)
            log(report.validation.summary())
            refuse_blocking_rules(report.validation)

        with step("publish on Spark"):
            publish_on_spark(spark, prefix, report, dbt_vars)
    log(f"[{report.run_id}] published the Spark schema {PUBLISHED_SCHEMA} (release {release_schema(report.run_id)})")
    return report


def release_schema(run_id: str) -> str:
    return RELEASE_PREFIX + re.sub(r"\W", "_", run_id.lower())


def publish_on_spark(spark, prefix: str, report: BuildReport, dbt_vars: dict | None) -> None:
    candidate, release = f"{prefix}_{PUBLISHED_SCHEMA}", release_schema(report.run_id)
    marts = sorted(row.tableName for row in spark.sql(f"show tables in {candidate}").collect() if not row.isTemporary)
    # A copy, not the candidate itself: the next dbt build rewrites the candidate in place.
    spark.sql(f"create schema if not exists {release}")
    for mart in marts:
        spark.sql(f"create table {release}.{mart} as select * from {candidate}.{mart}")

    spark.sql(f"create schema if not exists {PUBLISHED_SCHEMA}")
    published_before = {row.tableName for row in spark.sql(f"show tables in {PUBLISHED_SCHEMA}").collect()
                        if not row.isTemporary}
    for mart in marts:
        spark.sql(f"create or replace view {PUBLISHED_SCHEMA}.{mart} as select * from {release}.{mart}")
    for gone in sorted(published_before - set(marts)):
        spark.sql(f"drop view if exists {PUBLISHED_SCHEMA}.{gone}")

    spark.sql(f"create schema if not exists {AUDIT_SCHEMA}")
    spark.sql(f"""create table if not exists {AUDIT_SCHEMA}.publish_log (
        run_id string, release_schema string, published_at timestamp, seed_checksums string, dbt_vars string,
        dbt_results string, validation_results string, step_seconds string) using parquet""")
    row = [(report.run_id, release, datetime.now(UTC).replace(tzinfo=None), json.dumps(report.input_checksums),
            json.dumps(dbt_vars or {}), json.dumps(report.dbt_counts),
            json.dumps(validation_counts(report.validation)), json.dumps(report.step_seconds))]
    spark.createDataFrame(row, schema=spark.table(f"{AUDIT_SCHEMA}.publish_log").schema) \
        .write.insertInto(f"{AUDIT_SCHEMA}.publish_log")

    # Keep this release and the one before it; drop the rest.
    kept = [r.release_schema for r in spark.sql(
        f"select release_schema from {AUDIT_SCHEMA}.publish_log order by published_at desc limit 2").collect()]
    for schema in spark.sql("show schemas").collect():
        name = schema[0]
        if name.startswith(RELEASE_PREFIX) and name not in kept:
            spark.sql(f"drop schema {name} cascade")


def export_published_marts(spark, folder: Path) -> list[str]:
    """Every published mart as folder/<mart>.parquet (one Parquet file in a folder of that name, as Spark
    writes), for the comparison with DuckDB and for whoever wants the Spark build's results as files."""
    marts = sorted(row.tableName for row in spark.sql(f"show tables in {PUBLISHED_SCHEMA}").collect()
                   if not row.isTemporary)
    for mart in marts:
        spark.table(f"{PUBLISHED_SCHEMA}.{mart}").coalesce(1).write.mode("overwrite").parquet(str(folder / f"{mart}.parquet"))
    return marts


def spark_check(project: Project, dbt_vars: dict | None = None, log=print) -> SparkCheckReport:
    """The same inputs through both engines: dbt build on DuckDB (the candidate build/market.duckdb, as a plain
    `dbt build` writes it; nothing is published), the Spark main job (build_on_spark), every published Spark
    mart exported to build/spark/<mart>.parquet, then compared with DuckDB's row by row (engine_compare)."""
    from pyspark.sql import SparkSession

    with build_lock(project):
        log("dbt build on DuckDB (candidate, for the comparison) ...")
        refuse_failed_dbt(dbt_build_candidate(project, dbt_vars), "dbt build on DuckDB")
    report = SparkCheckReport(build=build_on_spark(project, dbt_vars=dbt_vars, log=log))
    folder = spark_export_dir(project)
    step = stepper(report.build, log)
    with step("export the Spark marts"):
        export_published_marts(SparkSession.getActiveSession(), folder)
    with step("compare with DuckDB"):
        report.compared = compare_marts(project.candidate_db, folder)
    log(f"Spark equals DuckDB: {len(report.compared)} marts, {sum(c.rows for c in report.compared):,} rows, "
        f"numbers within 1e-9 relative")
    return report
