"""The rule book on Spark: the same suites, run through GX's Spark datasource over the DuckDB build's marts
loaded into Spark tables, give the same outcome as on DuckDB, rule by rule - on the real build and on a
corrupted copy of it. Runs in .venv-spark (`make test-spark`); one SparkSession, one load per build."""
from __future__ import annotations

import shutil

import duckdb
import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed: run this file with .venv-spark (make test-spark)")
if shutil.which("java") is None:
    pytest.skip("no `java` on PATH: Spark needs a JVM (Java 17)", allow_module_level=True)

from market_warehouse.gx_spark import spark_sql  # noqa: E402
from market_warehouse.validation import validate, validate_spark  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.spark]

# One statement per rule, each on rows of its own, so each rule fails as it would alone.
CORRUPTIONS = {
    1: "update marts.fct_regional_share set share_pct = share_pct - 1 "  # the stated breakdown sums to 99
       "where source_id = 'rmf-1923674' and region_id = 'NA' and share_basis = 'stated'",
    3: "update marts.dim_country_label set iso3 = null where raw_label = 'Canada'",  # its market via market_lookup
    4: "delete from marts.fct_market_forecast where scenario = 'low' and region_id = 'EU' and year = 2028",
    13: "insert into marts.fct_player_share select * from marts.fct_player_share "
        "where revenue_id = 'catalent-2022-group'",
    22: "update marts.fct_player_share set revenue_usd_bn = -1 where revenue_id = 'rmf-lonza-2022'",
    26: "update marts.fct_market_claim set note = '=HYPERLINK(\"http://example.com\")' where claim_id = 's1-cagr'",
}


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    """A local session with a Hive metastore of its own, as dbt-spark's (or the one already running)."""
    from pyspark.sql import SparkSession

    running = SparkSession.getActiveSession()
    if running is not None:
        yield running
        return
    scratch = tmp_path_factory.mktemp("spark")
    session = (SparkSession.builder.master("local[2]").appName("test_gx_spark")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.ansi.enabled", "false")  # as dbt-spark sets it in the session it builds in
               .config("spark.sql.warehouse.dir", str(scratch / "warehouse"))
               .config("spark.hadoop.javax.jdo.option.ConnectionURL",
                       f"jdbc:derby:;databaseName={scratch}/metastore_db;create=true")
               .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={scratch}")
               .enableHiveSupport().getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def load_marts(spark, db_path, schema_prefix: str, folder) -> None:
    """Every mart of the DuckDB file as a table of `<schema_prefix>_marts`, over a Parquet copy of it."""
    with duckdb.connect(str(db_path), read_only=True) as connection:
        tables = [name for (name,) in connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()]
        for table in tables:
            (folder / table).mkdir(parents=True)
            connection.execute(f"copy marts.{table} to '{folder / table / 'data.parquet'}' (format parquet)")
    spark.sql(f"create database {schema_prefix}_marts")
    for table in tables:
        spark.sql(f"create table {schema_prefix}_marts.{table} using parquet location '{folder / table}'")


@pytest.fixture(scope="module")
def builds(built_project, spark, tmp_path_factory):
    """{name: (DuckDB report, Spark report)} for the real build and a copy with CORRUPTIONS."""
    folder = tmp_path_factory.mktemp("gx_spark")
    corrupted = folder / "corrupted.duckdb"
    shutil.copyfile(built_project.published_db, corrupted)
    with duckdb.connect(str(corrupted)) as connection:
        for sql in CORRUPTIONS.values():
            connection.execute(sql)
    reports = {}
    try:
        for name, db_path in (("real", built_project.published_db), ("corrupted", corrupted)):
            prefix = f"gxtest_{name}"
            load_marts(spark, db_path, prefix, folder / name)
            reports[name] = (validate(built_project, db_path, name),
                             validate_spark(built_project, spark, prefix, name))
        yield reports
    finally:
        for name in ("real", "corrupted"):
            spark.sql(f"drop database if exists gxtest_{name}_marts cascade")


def outcome(report) -> dict[tuple[str, int, str], tuple]:
    """Rule by rule: what decides publishing and what a reader is told."""
    return {(r.suite, r.rule, r.title): (r.severity, r.status, r.unexpected_count, r.market_ids, r.failing_rows)
            for r in report.results}


@pytest.mark.parametrize("name", ["real", "corrupted"])
def test_spark_gives_the_same_outcome_as_duckdb_rule_by_rule(builds, name):
    on_duckdb, on_spark = builds[name]
    assert len(on_spark.results) == len(on_duckdb.results) == 50
    assert sum(r.expectation_type == "unexpected_rows_expectation" for r in on_spark.results) == 30
    assert [r for r in on_spark.results if r.status == "error"] == []
    duckdb_outcome, spark_outcome = outcome(on_duckdb), outcome(on_spark)
    assert {rule: spark_outcome[rule] for rule in spark_outcome if spark_outcome[rule] != duckdb_outcome[rule]} == {}
    assert bool(on_spark.blocking) == bool(on_duckdb.blocking) == (name == "corrupted")


def test_each_corruption_fails_its_rule_on_both_engines(builds):
    real, _ = builds["real"]
    for report in builds["corrupted"]:
        newly_failed = {r.rule for r in report.results if r.status == "failed"} - {
            r.rule for r in real.results if r.status == "failed"}
        assert set(CORRUPTIONS) <= newly_failed, report.summary()
        [share] = [r for r in report.results if r.suite == "shares" and r.rule == 1 and r.status == "failed"]
        [row] = share.rows
        assert (row["market_id"], row["source_id"], row["total_pct"]) == ("biopharma_cmo_cro", "rmf-1923674",
                                                                           pytest.approx(99))


def test_the_suites_name_the_spark_layers():
    assert spark_sql("select * from marts.dim_region as r join {batch} as f on f.x = r.x", "candidate") == (
        "select * from candidate_marts.dim_region as r join {batch} as f on f.x = r.x")
    assert spark_sql("select 'my_marts.x', f.marts_id from staging.t as f", "p") == (
        "select 'my_marts.x', f.marts_id from p_staging.t as f")
