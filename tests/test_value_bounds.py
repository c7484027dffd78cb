"""Bounds on every number of the inputs, by what it is (market_warehouse/value_bounds.py), checked at the
seed check with file, row, column and claim id, before dbt runs."""
from __future__ import annotations

import pytest

from market_warehouse.project import PACKAGE_ROOT, Project, copy_project
from market_warehouse.seed_check import SeedCheckError, check_seeds, load_contracts
from market_warehouse.value_bounds import BOUNDS, bounded_columns
from tests.bad_inputs import line_of, set_cell
from tests.publish_support import run_build

SEEDS = PACKAGE_ROOT / "seeds"


def test_every_numeric_column_of_every_seed_has_a_bound():
    numeric = {(contract.name, column) for contract in load_contracts(Project()).values()
               for column, type_ in contract.column_types.items() if type_ in ("integer", "double")}
    assert numeric, "the seeds have numbers"
    assert numeric - bounded_columns() == set()
    assert bounded_columns() - numeric == set(), "a bound names a column no seed has"


def test_the_bounds_table_says_what_each_number_is():
    by_what = {(bound.what, bound.when): (bound.low, bound.high, bound.low_included) for bound in BOUNDS
               if bound.seed == "market_claims"}
    assert by_what[("a market size (USD bn)", "metric = 'market_size'")] == (0, 100_000, False)
    assert by_what[("a share (%)", "metric in ('share', 'context_share')")] == (0, 100, True)
    assert by_what[("a CAGR (% a year)", "metric = 'cagr'")] == (-50, 100, True)
    assert by_what[("a year", None)] == (1990, 2100, True)


@pytest.fixture
def project(tmp_path) -> Project:
    return copy_project(tmp_path / "project")


def problems_after(project, claim_id: str, cells: dict[str, str]) -> list[str]:
    for column, value in cells.items():
        set_cell(claim_id, column, value)(project.seeds_dir / "market_claims.csv")
    try:
        check_seeds(project)
    except SeedCheckError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize("claim_id, cells, refused_column, shown", [
    ("s1-size-2023", {"value": "0"}, "value", "0"),                   # a size must be above 0
    ("s1-size-2023", {"value": "100000.5"}, "value", "100000.5"),     # ... and at most 100,000 USD bn
    ("s1-size-2023", {"value": "1e308"}, "value", "1e+308"),
    ("s2-cagr", {"value": "-50.01"}, "value", "-50.01"),              # a CAGR from -50 % ...
    ("s2-cagr", {"value": "100.01"}, "value", "100.01"),              # ... to 100 %
    ("rmf-share-north-america", {"value": "-0.5"}, "value", "-0.5"),  # a share from 0 ...
    ("rmf-share-north-america", {"value": "100.01"}, "value", "100.01"),  # ... to 100
    ("s3-size-2033", {"year": "1989"}, "year", "1989"),               # years 1990 to 2100
])
def test_a_number_just_outside_its_bound_is_refused_with_file_row_column_and_claim(project, claim_id, cells,
                                                                                  refused_column, shown):
    row = line_of(SEEDS, "market_claims", claim_id)
    messages = problems_after(project, claim_id, cells)
    assert any(message.startswith(f"seeds/market_claims.csv, row {row}, column '{refused_column}': "
                                  f"claim_id '{claim_id}': {shown} is out of bounds") for message in messages), messages


@pytest.mark.parametrize("claim_id, cells", [
    ("s1-size-2023", {"value": "100000"}), ("s2-cagr", {"value": "-50"}), ("s2-cagr", {"value": "100"}),
    ("rmf-share-north-america", {"value": "0"}), ("s3-size-2033", {"year": "2100"}),
])
def test_a_number_on_its_bound_passes(project, claim_id, cells):
    assert not [message for message in problems_after(project, claim_id, cells) if "out of bounds" in message]


def test_a_size_range_with_a_negative_end_is_refused_at_check_seeds_before_dbt(project):
    claim_id = "s1-size-2023"
    problems_after(project, claim_id, {})  # the pristine file passes
    for column, value in {"value": "", "value_low": "-50", "value_high": "34.84", "bound": "range"}.items():
        set_cell(claim_id, column, value)(project.seeds_dir / "market_claims.csv")
    result = run_build(project)
    assert result.returncode == 1 and "BUILD FAILED at step 'check seeds'" in result.stderr, result.stderr[-3000:]
    row = line_of(SEEDS, "market_claims", claim_id)
    assert (f"seeds/market_claims.csv, row {row}, column 'value_low': claim_id '{claim_id}': -50 is out of bounds: "
            "a market size (USD bn) must be above 0 and at most 100,000") in result.stderr, result.stderr[-3000:]
    assert "column 'value_high'" not in result.stderr, "34.84 is a valid size"
    assert not project.published_db.exists()


def test_each_bound_is_as_tight_as_the_dbt_test_it_replaces_in_the_seed_check():
    bounds = {(bound.seed, column): bound for bound in BOUNDS for column in bound.columns}
    compared = 0
    for contract in load_contracts(Project()).values():
        for column, tests in contract.column_tests.items():
            for test in tests:
                if isinstance(test, dict) and "values_between" in test:
                    limits = test["values_between"]["arguments"]
                    bound = bounds[(contract.name, column)]
                    assert limits["min_value"] <= bound.low and bound.high <= limits["max_value"], (contract.name, column)
                    compared += 1
    assert compared >= 5
