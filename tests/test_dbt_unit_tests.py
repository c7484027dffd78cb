"""What the main job leaves to `make test`: dbt's unit tests (the forecast, share, scenario, fan and tree
logic on fixed inputs) and the seed contract as dbt tests (the pre-flight seed check enforces the same
contract in the main job; tests/test_seed_check.py checks that check)."""
from __future__ import annotations

import json
import shutil

from market_warehouse.build_steps import MAIN_JOB_DBT_EXCLUDES
from market_warehouse.dbt_build import run_dbt
from market_warehouse.project import copy_project


def test_every_dbt_unit_test_and_seed_test_passes(built_project, tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copyfile(built_project.candidate_db, project.candidate_db)  # the session's candidate, in a copy
    outcome = run_dbt(project, "test", extra_args=["--select", "test_type:unit", MAIN_JOB_DBT_EXCLUDES[-1]])
    assert outcome.success, outcome.failures
    assert outcome.counts.get("pass", 0) >= 17 + 120  # unit tests + seed and staging contract tests


def test_the_main_job_excludes_only_unit_tests_and_the_seed_contract(built_project):
    results = json.loads((built_project.build_dir / "target" / "run_results.json").read_text())
    kinds = {result["unique_id"].split(".")[0] for result in results["results"]}
    assert "unit_test" not in kinds and {"model", "seed", "test"} <= kinds
    tests = [result["unique_id"] for result in results["results"] if result["unique_id"].startswith("test.")]
    assert any(".fct_" in test or "_fct_" in test for test in tests)  # the marts' tests still run
