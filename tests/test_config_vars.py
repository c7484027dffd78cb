"""The vars schema (market_warehouse.config.DbtVars): every var of dbt_project.yml is declared, the project's own
values pass, and each kind of bad value is refused with a message naming the var. The expected messages are
written here by hand, in the wording the main job has printed since before the schema was declared with pydantic."""
from __future__ import annotations

import pytest
import yaml

from market_warehouse.config import ConfigError, DbtVars, check_vars
from market_warehouse.project import Project


def test_the_schema_declares_exactly_the_vars_of_dbt_project_yml():
    declared = yaml.safe_load((Project().root / "dbt_project.yml").read_text())["vars"]
    assert set(DbtVars.model_fields) == set(declared)


def test_the_project_defaults_pass_and_come_back_unchanged(tmp_path):
    assert check_vars(Project(), None) == {}
    assert check_vars(Project(), {"fan_draws": 500, "base_year": None}) == {"fan_draws": 500, "base_year": None}


@pytest.mark.parametrize("dbt_vars, message", [
    ({"nope": 1}, "unknown var 'nope'; known vars: base_year, cluster_gap_ratio,"),
    ({"fan_draws": "many"}, "var fan_draws: must be an integer, got 'many'"),
    ({"fan_draws": True}, "var fan_draws: must be an integer, got True"),
    ({"fan_draws": 0}, "var fan_draws: 0 is outside [1, 1000000]"),
    ({"fan_draws": 2.5}, "var fan_draws: must be an integer, got 2.5"),
    ({"base_year": "2025"}, "var base_year: must be an integer or null, got '2025'"),
    ({"forecast_end_year": 2300}, "var forecast_end_year: 2300 is outside [1900, 2200]"),
    ({"consistency_tolerance_pts": 300}, "var consistency_tolerance_pts: 300 is outside [0, 100]"),
    ({"share_sum_tolerance_pts": False}, "var share_sum_tolerance_pts: must be a number, got False"),
    ({"fan_keep_draws": "yes"}, "var fan_keep_draws: must be true or false, got 'yes'"),
    ({"cluster_gap_ratio": 0.5}, "var cluster_gap_ratio: 0.5 is outside [1, 1000]"),
    ({"scenario_cagr_overrides": [1]}, "var scenario_cagr_overrides: must be a mapping, got [1]"),
    ({"scenario_cagr_overrides": {"medium": 0.1}},
     "var scenario_cagr_overrides: unknown scenario 'medium'; known: low, base, high"),
    ({"scenario_cagr_overrides": {"some_market": {"high": 2}}},
     "var scenario_cagr_overrides.some_market.high: 2 is outside [-0.5, 1.0]"),
    ({"scenario_cagr_overrides": {"some market": {"high": 0.2}}},
     "var scenario_cagr_overrides: 'some market' is not a market id"),
    ({"grade_bands": {"A": 0.2, "B": 0.5, "C": 0.1}}, "var grade_bands: the bands must fall from A to C"),
    ({"grade_bands": {"A": 0.9, "B": 0.5}}, "var grade_bands: C is missing"),
    ({"grade_factors": {"publisher_kind": {}, "scope_fit": {"same": 1.0}, "consistency": {"consistent": 1.0},
                        "growth_only": 0.8, "old_edition": 0.8}},
     "var grade_factors.publisher_kind: must be a mapping of level to factor, got {}"),
    ({"grade_factors": {"publisher_kind": {"x": 2}, "scope_fit": {"same": 1.0}, "consistency": {"consistent": 1.0},
                        "growth_only": 0.8, "old_edition": 0.8}},
     "var grade_factors.publisher_kind.x: 2 is outside [0, 1]"),
    ({"input_folder": 5}, "var input_folder: must be a folder path or null, got 5"),
    ({"input_folder": "/tmp/in*puts"}, "which DuckDB expands as a file pattern"),
    ({"max_hierarchy_depth": 0}, "var max_hierarchy_depth: 0 is outside [1, 1000]"),
])
def test_a_bad_value_is_refused_naming_the_var(dbt_vars, message):
    with pytest.raises(ConfigError) as refused:
        check_vars(Project(), dbt_vars)
    assert message in str(refused.value)


def test_vars_that_are_not_a_mapping_are_refused():
    with pytest.raises(ConfigError, match=r"--vars must be a mapping, got \[1, 2\]"):
        check_vars(Project(), [1, 2])
