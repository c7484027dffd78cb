"""`make spark-check` as a user runs it: the curated seeds through DuckDB and a local Spark, the GX gate on
Spark, Spark's write-audit-publish, every mart compared row by row. Real processes on a copy of the project
(each its own JVM: embedded Derby admits one JVM per metastore). `make test-spark` runs this in .venv-spark."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import duckdb
import pytest

from market_warehouse.project import PACKAGE_ROOT, copy_project
from tests.bad_inputs import set_cell

pytestmark = pytest.mark.spark

if shutil.which("java") is None:
    pytest.skip("Java is not installed (Spark needs Java 17: apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)
pytest.importorskip("pyspark", reason="run in the Spark venv: `make test-spark`")

# What the published Spark schema holds, read in a process of its own after the job has exited.
PUBLISHED = """
import json, sys
from pathlib import Path
from market_warehouse.spark import spark_session
spark = spark_session(Path(sys.argv[1]))
print(json.dumps({
    "size_2032": {row[0]: row[1] for row in spark.sql(
        "select scenario, market_size_usd_bn from marts.fct_market_forecast where market_id = 'biopharma_cmo_cro' "
        "and region_id = 'WORLD' and year = 2032").collect()},
    "publishes": spark.sql("select count(*) from audit.publish_log").first()[0],
    "releases": sorted(r[0] for r in spark.sql("show schemas").collect() if r[0].startswith("release_")),
}))
"""


def run(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "market_warehouse", "--project-dir", str(project.root), *args],
                          capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=1800)


def published(project) -> dict:
    result = subprocess.run([sys.executable, "-c", PUBLISHED, str(project.root)], capture_output=True, text=True,
                            cwd=PACKAGE_ROOT, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("spark") / "project")
    result = run(project, "spark-check")
    assert result.returncode == 0, (result.stdout[-3000:], result.stderr[-3000:])
    return project, json.loads(result.stdout[result.stdout.rindex("\n{\n"):])


def test_every_mart_is_equal_on_spark_and_duckdb(checked):
    project, summary = checked
    with duckdb.connect(str(project.candidate_db), read_only=True) as duck:
        marts = [row[0] for row in duck.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by 1").fetchall()]
        rows = {mart: duck.execute(f"select count(*) from marts.{mart}").fetchone()[0] for mart in marts}
        assert len(marts) >= 18
        assert summary["marts_equal"] == rows
        for mart in marts:
            assert (project.build_dir / "spark" / f"{mart}.parquet").is_dir()
        # One number by hand, read from Spark's own export: the report's 2025 base (58.7004, the consensus)
        # compounded at its 11.5 % headline CAGR to 2032.
        spark_base = duck.execute(
            f"select market_size_usd_bn from read_parquet('{project.build_dir}/spark/fct_market_forecast.parquet/*.parquet') "
            "where market_id = 'biopharma_cmo_cro' and scenario = 'base' and region_id = 'WORLD' and year = 2032"
        ).fetchone()[0]
    assert spark_base == pytest.approx(58.7004 * 1.115 ** 7, rel=1e-6)


def test_spark_runs_every_dbt_test_and_the_gx_rules(checked):
    _, summary = checked
    counts = summary["dbt_counts"]
    assert counts.get("pass", 0) + counts.get("success", 0) > 250 and not set(counts) & {"error", "fail"}
    assert summary["validation"]["critical_failed"] == summary["validation"]["critical_error"] == 0
    assert summary["validation"]["critical_passed"] >= 20


def test_a_second_publish_keeps_one_previous_release_and_a_failed_build_changes_nothing(checked):
    project, _ = checked
    first = published(project)
    assert first["publishes"] == 1 and len(first["releases"]) == 1
    assert first["size_2032"]["base"] == pytest.approx(58.7004 * 1.115 ** 7, rel=1e-6)

    what_if = run(project, "spark-build", "--vars", json.dumps({"scenario_cagr_overrides": {"biopharma_cmo_cro": {"high": 0.14}}}))
    assert what_if.returncode == 0, what_if.stderr[-3000:]
    second = published(project)
    assert second["publishes"] == 2 and len(second["releases"]) == 2 and first["releases"][0] in second["releases"]
    assert second["size_2032"]["high"] == pytest.approx(58.7004 * 1.14 ** 7, rel=1e-6)  # 146.88
    assert second["size_2032"]["base"] == first["size_2032"]["base"]

    # A regional breakdown that adds up to 99 %: the seed check cannot see a sum over rows, dbt's test does.
    set_cell("rmf-share-north-america", "value", "44")(project.seeds_dir / "market_claims.csv")
    failed = run(project, "spark-build")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "SPARK BUILD FAILED at step 'dbt build on Spark'" in failed.stderr and "values_sum_to_100" in failed.stderr
    assert "The published Spark schema marts was not changed." in failed.stderr
    assert published(project) == second
