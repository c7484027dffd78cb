"""`dbt build`, then `python -m market_warehouse publish`: the front door for dbt users, run as a user would
(real processes, the README's commands) on a copy of the project."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pytest
import yaml

from market_warehouse.build_steps import BuildFailed
from market_warehouse.dbt_build import run_dbt
from market_warehouse.pipeline import publish_candidate
from market_warehouse.project import PACKAGE_ROOT, copy_project

DBT = str(PACKAGE_ROOT / ".venv" / "bin" / "dbt") if (PACKAGE_ROOT / ".venv" / "bin" / "dbt").exists() else "dbt"
OVERRIDE = "{scenario_cagr_overrides: {biopharma_cmo_cro: {high: 0.14}}}"
HIGH_2032 = ("select market_size_usd_bn from marts.fct_market_forecast where market_id = 'biopharma_cmo_cro' "
             "and scenario = 'high' and region_id = 'WORLD' and year = 2032")


def dbt(project, *args: str) -> subprocess.CompletedProcess:
    """Plain dbt from the project root, as the README says (profiles.yml is found there, no env needed)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MARKET_WAREHOUSE", "DBT_"))}
    return subprocess.run([DBT, *args], cwd=project.root, capture_output=True, text=True, env=env, timeout=600)


def publish(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "market_warehouse", "--project-dir", str(project.root), "publish"],
                          capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=600)


def one(path, sql: str):
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("front-door") / "project")


def test_dbt_build_then_publish_equals_the_main_job(project, built_project):
    built = dbt(project, "build")
    assert built.returncode == 0, built.stdout[-3000:]
    assert "validate and publish this candidate with: .venv/bin/python -m market_warehouse publish" in built.stdout
    assert not project.published_db.exists(), "plain dbt build never writes the published file"
    published = publish(project)
    assert published.returncode == 0, published.stderr[-3000:]
    with duckdb.connect(str(project.published_db), read_only=True) as mine:
        mine.execute(f"attach '{built_project.published_db}' as main_job (read_only)")
        marts = [row[0] for row in mine.execute("select table_name from duckdb_tables() where database_name = 'market' "
                                                "and schema_name = 'marts'").fetchall()]
        assert len(marts) >= 18
        for mart in marts:
            differing = mine.execute(f"select count(*) from ((select * from marts.{mart} except all select * from "
                                     f"main_job.marts.{mart}) union all (select * from main_job.marts.{mart} "
                                     f"except all select * from marts.{mart}))").fetchone()[0]
            assert differing == 0, mart
        gates = mine.execute("select count(*), count(*) filter (where severity = 'critical' and status <> 'passed') "
                             "from audit.validation_results").fetchone()
        assert gates[0] >= 49 and gates[1] == 0
        assert mine.execute("select count(*) from audit.publish_log").fetchone()[0] == 1


def test_the_main_job_tells_dbt_it_is_the_main_job_and_gets_no_publish_hint(built_project):
    # A dbt var, not a process-wide setting: dbt run beside it (or after it, in the same process) stays plain dbt.
    # The hook saw main_job (no publish hint); the run records only the vars that shape the numbers.
    assert "Candidate warehouse:" not in (built_project.build_dir / "logs" / "dbt.log").read_text()
    assert json.loads(one(built_project.published_db, "select dbt_vars from audit.dbt_runs order by finished_at desc "
                                                      "limit 1")) == {}
    assert "MARKET_WAREHOUSE_MAIN_JOB" not in os.environ


def test_a_what_if_candidate_is_published_with_its_own_numbers(project):
    # dbt in this process (dbt's programmatic runner, as the main job uses it): same candidate, no startup cost.
    assert run_dbt(project, "build", dbt_vars=yaml.safe_load(OVERRIDE)).success
    candidate_high = one(project.candidate_db, HIGH_2032)
    assert candidate_high == pytest.approx(58.7004 * 1.14 ** 7, abs=1e-3)  # 146.88
    publish_candidate(project, log=lambda line: None)
    assert one(project.published_db, HIGH_2032) == candidate_high
    assert one(project.published_db, "select dbt_vars from audit.publish_log order by published_at desc limit 1") \
        == '{"scenario_cagr_overrides": {"biopharma_cmo_cro": {"high": 0.14}}}'


def test_only_a_whole_passing_build_from_unchanged_inputs_is_published(project):
    before = one(project.published_db, "select count(*) from audit.publish_log")
    (project.seeds_dir / "fx_rates.csv").touch()  # written after dbt loaded it
    with pytest.raises(BuildFailed, match="changed after dbt loaded them") as refused:
        publish_candidate(project, log=lambda line: None)
    assert "seeds/fx_rates.csv" in refused.value.detail

    assert run_dbt(project, "build", extra_args=["--select", "stg_markets"]).success
    with pytest.raises(BuildFailed, match="selected only part of the project") as refused:
        publish_candidate(project, log=lambda line: None)
    assert refused.value.step == "check candidate"
    assert one(project.published_db, "select count(*) from audit.publish_log") == before
