"""Reliability against hostile or unlucky input: what is checked is what is loaded (no file-pattern
expansion, relative folders resolved once), caps that hold in plain dbt too, and URLs that cannot run code."""
from __future__ import annotations

import shutil

import pytest

from market_warehouse.config import ConfigError, check_vars
from market_warehouse.dbt_build import run_dbt
from market_warehouse.project import copy_project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("reliability") / "project")


def test_a_folder_with_glob_characters_is_refused_before_anything_loads(project, tmp_path):
    # DuckDB reads '/x/in[1]/markets.csv' as a pattern that matches '/x/in1/markets.csv': the sibling.
    checked, sibling = tmp_path / "in[1]", tmp_path / "in1"
    for folder in (checked, sibling):
        shutil.copytree(project.seeds_dir, folder)
    with pytest.raises(ConfigError, match=r"DuckDB expands\s+as a file pattern|expands as a file pattern"):
        check_vars(project, {"input_folder": str(checked)})


def test_a_relative_input_folder_is_resolved_against_the_project_root(project):
    (project.root / "inputs").mkdir(exist_ok=True)
    resolved = check_vars(project, {"input_folder": "inputs"})
    assert resolved["input_folder"] == str(project.root / "inputs")
    with pytest.raises(ConfigError, match="not an existing folder"):
        check_vars(project, {"input_folder": "no-such-folder"})


@pytest.mark.parametrize("dbt_vars, message", [
    ({"input_folder": "/tmp/in[1]"}, "which DuckDB would expand as a file pattern"),
    ({"input_folder": "relative/folder"}, "input_folder must be an absolute path"),
    ({"fan_draws": 10_000_000}, "var 'fan_draws' must be an integer from 1 to 1000000"),
])
def test_plain_dbt_refuses_what_the_main_job_refuses(project, dbt_vars, message):
    outcome = run_dbt(project, "compile", dbt_vars=dbt_vars, extra_args=["--select", "stg_markets int_fan_draws"])
    assert not outcome.success
    assert any(message in failure for failure in outcome.failures), outcome.failures
