"""The rule book on a Spark build: what validation.py needs to run the same suites through GX's Spark datasource.

The suites name tables as the DuckDB warehouse does (`marts.fct_market_forecast`); a Spark build keeps each
layer in a database of its own, `<prefix>_marts` and so on. spark_sql() is the one place that renames them:
in each suite's meta.table and meta.market_lookup and in every unexpected_rows_query, which GX runs in Spark
SQL as written (its `{batch}` becomes a temporary view of the batch's dataframe). The rewritten suites are
written beside GX's results (build/gx-spark/expectations/), so the files people edit stay as they are.

GX's Spark datasource has dataframe assets only: each table is an asset whose batch is spark.table(<name>),
passed when its batch is read.

Every rule's query is one text, written in SQL that DuckDB and Spark read alike (no `::`, lateral joins,
unnest, list functions, regexp_matches, backslashes or double-quoted identifiers: tests/test_validation_rules.py
guards it without Spark, tests/test_gx_spark.py compares the outcomes on both engines).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

# A schema-qualified table of a dbt layer, as the suites write it (`marts.dim_region`).
_LAYER_TABLE = re.compile(r"(?<![\w.])(raw|staging|intermediate|marts)\.(?=\w)")


def spark_sql(sql: str, schema_prefix: str) -> str:
    """`marts.x` -> `<prefix>_marts.x` (dbt-spark's schema of each layer)."""
    return _LAYER_TABLE.sub(lambda match: f"{schema_prefix}_{match.group(1)}.", sql)


class SparkTables:
    """The tables of a Spark build, as validation.py's GX run reads them (see validation._DuckDBTables)."""

    def __init__(self, spark, schema_prefix: str):
        self.spark = spark
        self.schema_prefix = schema_prefix

    def suites_dir(self, expectations_dir: Path, output_dir: Path) -> Path:
        """The suites with Spark's table names (only the names change; everything else is read as written)."""
        folder = output_dir / "expectations"
        folder.mkdir(parents=True)
        for path in sorted(expectations_dir.glob("*.json")):
            suite = json.loads(path.read_text())
            meta = suite.get("meta", {})
            for field in ("table", "market_lookup"):
                if field in meta:
                    meta[field] = spark_sql(meta[field], self.schema_prefix)
            for expectation in suite.get("expectations", []):
                kwargs = expectation.get("kwargs", {})
                if "unexpected_rows_query" in kwargs:
                    kwargs["unexpected_rows_query"] = spark_sql(kwargs["unexpected_rows_query"], self.schema_prefix)
            (folder / path.name).write_text(json.dumps(suite, indent=2))
        return folder

    def add_datasource(self, context, name: str):
        # persist=False: caching the (small) marts made the rules slower, and would leave them cached
        # in the caller's session.
        return context.data_sources.add_spark(name=name, persist=False)

    def add_asset(self, datasource, table: str):
        return datasource.add_dataframe_asset(name=table)

    def add_batch_definition(self, asset, name: str):
        return asset.add_batch_definition_whole_dataframe(name=name)

    def batch_parameters(self, table: str) -> dict:
        return {"dataframe": self.spark.table(table)}

    def columns(self, tables) -> dict[str, list[str]]:
        return {table: self.spark.table(table).columns for table in tables}

    def rows(self, sql: str) -> list[dict]:
        return [row.asDict() for row in self.spark.sql(sql).collect()]

    def release(self, context) -> None:
        """The session is the caller's: drop the temporary view GX leaves in it (each {batch}, `tmp_view`)."""
        self.spark.catalog.dropTempView("tmp_view")
