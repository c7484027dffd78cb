"""The dbt project on Apache Spark: a local, in-process Spark session (dbt-spark's session mode).

DuckDB stays the warehouse that is validated and published; the Spark target builds the same seeds, models
and tests into its own schemas (<schema>_raw, _staging, _intermediate, _marts, _semantic, _audit), with its
tables, Derby metastore and derby.log under build/spark/ of the project. Needs the pyspark and dbt-spark
packages (dbt-spark[session]) and Java.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

DEFAULT_SCHEMA = "candidate"


def spark_env(project_root: Path, schema: str | None = None) -> dict[str, str]:
    """The environment variables profiles.yml reads for the spark target: where the build lives (absolute,
    so a copy of the project builds in its own folder whatever the current directory) and its schema."""
    return {
        "MARKET_WAREHOUSE_SPARK_DIR": str((project_root / "build" / "spark").resolve()),
        "MARKET_WAREHOUSE_SPARK_SCHEMA": schema or os.environ.get("MARKET_WAREHOUSE_SPARK_SCHEMA", DEFAULT_SCHEMA),
    }


def spark_session(project_root: Path, env: dict[str, str] | None = None):
    """The local Spark session with the settings of profiles.yml (its server_side_parameters, rendered with
    `env`), built the way dbt-spark builds it, so that dbt-spark's getOrCreate() gets this very session."""
    from jinja2 import Template
    from pyspark.sql import SparkSession

    env = env or spark_env(project_root)
    profile = yaml.safe_load((project_root / "profiles.yml").read_text())
    parameters = profile["market_warehouse"]["outputs"]["spark"]["server_side_parameters"]

    def env_var(name: str, default: str | None = None) -> str | None:
        return env.get(name, os.environ.get(name, default))

    settings = {key: Template(str(value)).render(env_var=env_var) for key, value in parameters.items()}
    settings["spark.sql.ansi.enabled"] = "false"  # dbt-spark forces this on its session

    Path(env["MARKET_WAREHOUSE_SPARK_DIR"]).mkdir(parents=True, exist_ok=True)
    builder = SparkSession.builder.enableHiveSupport()
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    # A JVM's warehouse and metastore are fixed when it starts: if this process already ran a session for
    # another project (or copy), getOrCreate() returned that one, which would build in the wrong place.
    warehouse = spark.conf.get("spark.sql.warehouse.dir").removeprefix("file:")
    if Path(warehouse) != Path(settings["spark.sql.warehouse.dir"]).resolve():
        raise RuntimeError(f"this process already runs a Spark session with the warehouse {warehouse}; "
                           f"build {project_root} in another process")
    return spark


def load_reference_tables(spark, schema: str = DEFAULT_SCHEMA) -> None:
    """The pycountry tables of the two Python staging models (the same rows and columns), written to
    <schema>_raw for their SQL twins on Spark (source 'pycountry', models/staging/_staging__sources.yml):
    dbt-spark runs Python models only on Databricks clusters, not in a local session."""
    import pycountry

    raw_schema = f"{schema}_raw"
    spark.sql(f"create schema if not exists {raw_schema}")
    tables = {
        "iso3166_countries": (
            "iso3 string, iso2 string, country_name string",
            [(country.alpha_3, country.alpha_2, country.name) for country in pycountry.countries]),
        "iso4217_currencies": (
            "currency string, currency_name string",
            [(currency.alpha_3, currency.name) for currency in pycountry.currencies]),
    }
    for name, (columns, rows) in tables.items():
        spark.createDataFrame(rows, schema=columns).write.mode("overwrite").saveAsTable(f"{raw_schema}.{name}")


def run_dbt_on_spark(project_root: Path, args: list[str], dbt_vars: dict | None = None):
    """Run dbt (`args`, e.g. ["build"]) on the spark target in this process and return dbt's
    dbtRunnerResult. Starts (or gets) the Spark session and loads the reference tables first. dbt's
    manifest and logs go to build/spark/target and build/spark/logs, apart from the DuckDB build's."""
    from dbt.cli.main import dbtRunner  # imported here: dbt costs seconds to import

    project_root = Path(project_root).resolve()
    env = spark_env(project_root)
    os.environ.update(env)  # profiles.yml reads them when dbt renders it
    spark = spark_session(project_root, env)
    load_reference_tables(spark, env["MARKET_WAREHOUSE_SPARK_SCHEMA"])
    spark_build = Path(env["MARKET_WAREHOUSE_SPARK_DIR"])
    dbt_args = [
        *args,
        "--target", "spark",
        "--project-dir", str(project_root),
        "--profiles-dir", str(project_root),
        "--target-path", str(spark_build / "target"),
        "--log-path", str(spark_build / "logs"),
    ]
    if dbt_vars:
        dbt_args += ["--vars", json.dumps(dbt_vars)]
    return dbtRunner().invoke(dbt_args)
