"""The estimate's fan (fct_forecast_fan) against an independent numpy computation of the same draws.

The draws are recomputed here from the formula documented in models/intermediate/int_fan_draws.sql,
with hashlib and numpy, from the sources' figures and grade weights typed by hand (not read from the
warehouse): each draw picks a source's base-year size and a source's growth rate in proportion to
their weights.
"""
from __future__ import annotations

import hashlib

import duckdb
import numpy as np
import pytest

from market_warehouse.dbt_build import run_dbt
from tests.conftest import copy_project

MARKET = "biopharma_cmo_cro"
BASE_YEAR, END_YEAR = 2025, 2032
YEARS = list(range(BASE_YEAR, END_YEAR + 1))
N_DRAWS = 10_000  # var fan_draws, default
# (y0, size at y0, CAGR) of each source path, as in test_warehouse_numbers: the base-year sizes are
# these paths at 2025 (37.17, 41.22, 76.18, 83.41).
SOURCE_PATHS = {"S1": (2023, 62.5, 0.104), "S2": (2024, 38.6, 0.068), "S3": (2024, 34.84, 0.0668),
                "S4": (2025, 83.41, 0.067)}
# Grade weights by the default factors of dbt_project.yml: research report 1.0, same scope 1.0; S1 and S2
# state a CAGR that fits the years their sizes span, not the period they name (x 0.9); S3 is an
# unattributed page (0.1); the primary report states growth only (x 0.8).
WEIGHTS = {"S1": 1.0 * 1.0 * 0.9, "S2": 1.0 * 1.0 * 0.9, "S3": 0.1, "S4": 1.0, "rmf-1923674": 1.0 * 0.8}
GROWTH = {source: cagr for source, (_, _, cagr) in SOURCE_PATHS.items()} | {"rmf-1923674": 0.115}
SHARES = {"WORLD": 100, "NA": 45, "EU": 20, "APAC": 35, "CN": 5, "LATAM": None, "MEA": None}
PERCENTILES = [0.10, 0.25, 0.50, 0.75, 0.90]


def uniforms(market: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """u_size, u_cagr of draws 1..n: md5(market:draw) read little-endian; top 52 bits and bits 12..63."""
    u_size, u_cagr = np.empty(n), np.empty(n)
    for draw in range(1, n + 1):
        h = int.from_bytes(hashlib.md5(f"{market}:{draw}".encode()).digest(), "little")
        u_size[draw - 1] = ((h >> 76) + 0.5) / 2**52
        u_cagr[draw - 1] = (((h >> 12) & (2**52 - 1)) + 0.5) / 2**52
    return u_size, u_cagr


def base_estimates() -> dict[str, float]:
    return {source: size * (1 + cagr) ** (BASE_YEAR - y0) for source, (y0, size, cagr) in SOURCE_PATHS.items()}


def pick(values: dict[str, float], u: np.ndarray) -> np.ndarray:
    """The value of the component whose slice (cum_low, cum_high] holds u; components sorted by value, then id."""
    order = sorted(values, key=lambda source: (values[source], source))
    cum_high = np.cumsum([WEIGHTS[source] for source in order])
    cum_high /= cum_high[-1]
    return np.array([values[source] for source in order])[np.searchsorted(cum_high, u, side="left")]


def numpy_draws(n: int = N_DRAWS, market: str = MARKET):
    u_size, u_cagr = uniforms(market, n)
    return u_size, u_cagr, pick(base_estimates(), u_size), pick(GROWTH, u_cagr)


def numpy_fan(base: np.ndarray, cagr: np.ndarray) -> dict[int, list[float]]:
    """year -> [p10, p25, p50, p75, p90, mean] of the world draws."""
    fan = {}
    for year in YEARS:
        sizes = base * (1 + cagr) ** (year - BASE_YEAR)
        fan[year] = list(np.quantile(sizes, PERCENTILES, method="linear")) + [float(sizes.mean())]
    return fan


@pytest.fixture(scope="module")
def expected_world():
    _, _, base, cagr = numpy_draws()
    return numpy_fan(base, cagr)


def fan_rows(connection) -> dict[tuple[str, int], tuple]:
    rows = connection.execute("select region_id, year, p10, p25, p50, p75, p90, mean, n_draws "
                              "from marts.fct_forecast_fan where market_id = ?", [MARKET]).fetchall()
    return {(row[0], row[1]): row[2:] for row in rows}


def test_fan_has_every_region_and_year_of_the_window(warehouse):
    rows = fan_rows(warehouse)
    assert set(rows) == {(region, year) for region in SHARES for year in YEARS}


@pytest.mark.parametrize("region", sorted(SHARES))
def test_fan_percentiles_match_numpy_on_the_same_draws(warehouse, expected_world, region):
    rows = fan_rows(warehouse)
    share = SHARES[region]
    for year in YEARS:
        *values, n_draws = rows[(region, year)]
        if share is None:  # no stated share: the row is kept, the numbers are a gap
            assert values == [None] * 6 and n_draws == 0
            continue
        assert n_draws == N_DRAWS
        assert values == pytest.approx([v * share / 100 for v in expected_world[year]], rel=1e-11), (region, year)


def test_world_2032_fan_in_round_numbers(warehouse):
    p10, p25, p50, p75, p90, mean, n = fan_rows(warehouse)[("WORLD", 2032)]
    assert (round(p10, 2), round(p50, 2), round(p90, 2)) == (64.91, 120.73, 166.73)
    assert n == N_DRAWS


def test_percentiles_are_ordered_and_inside_what_the_sources_admit(warehouse):
    rows = fan_rows(warehouse)
    estimates = base_estimates().values()
    for (region, year), (p10, p25, p50, p75, p90, mean, n) in rows.items():
        if n == 0:
            continue
        assert p10 <= p25 <= p50 <= p75 <= p90
        assert p10 <= mean <= p90
        if region != "WORLD":
            continue
        t = year - BASE_YEAR
        # Every draw lies in the box [smallest size x (1 + lowest growth)^t, largest x (1 + highest growth)^t].
        assert min(estimates) * (1 + min(GROWTH.values())) ** t * (1 - 1e-12) <= p10
        assert p90 <= max(estimates) * (1 + max(GROWTH.values())) ** t * (1 + 1e-12)
    # In the base year every draw is one source's own size, so the median is the weighted median source:
    # sorted 37.17 (S3, 0.1), 41.22 (S2, 0.9), 76.18 (S1, 0.9), 83.41 (S4, 1.0); half the weight (1.45)
    # is reached inside S1's slice, so the estimate is S1's 76.18 exactly.
    assert rows[("WORLD", BASE_YEAR)][2] == pytest.approx(base_estimates()["S1"], rel=1e-12)


def test_draw_view_is_bit_identical_to_the_documented_formula(warehouse):
    """The draws are recomputed on read (a view); their uniforms equal the hashlib formula exactly."""
    u_size, u_cagr = uniforms(MARKET, N_DRAWS)
    rows = warehouse.execute("select draw_id, u_size, u_cagr from intermediate.int_fan_draws "
                             "where market_id = ? order by draw_id", [MARKET]).fetchall()
    assert [row[0] for row in rows] == list(range(1, N_DRAWS + 1))
    assert np.array_equal(np.array([row[1] for row in rows]), u_size)
    assert np.array_equal(np.array([row[2] for row in rows]), u_cagr)


def test_raw_draws_are_not_published_by_default(warehouse):
    tables = {row[0] for row in warehouse.execute(
        "select table_name from duckdb_tables() where table_name like '%fan_draws%'").fetchall()}
    assert tables == set()


def test_keep_draws_publishes_them_and_a_second_run_gives_identical_percentiles(built_project, warehouse, tmp_path):
    project = copy_project(tmp_path / "project")
    outcome = run_dbt(project, "build", dbt_vars={"fan_keep_draws": True},
                      extra_args=["--select", "+fct_forecast_fan", "+fct_forecast_fan_draws",
                                  "--indirect-selection", "cautious"])
    assert outcome.success, outcome.failures
    with duckdb.connect(str(project.candidate_db), read_only=True) as candidate:
        # Reproducible: another build, another process, the same percentiles to the last bit.
        assert fan_rows(candidate) == fan_rows(warehouse)
        draws = candidate.execute("select u_size, u_cagr, base_size_usd_bn, cagr from marts.fct_forecast_fan_draws "
                                  "where market_id = ? order by draw_id", [MARKET]).fetchnumpy()
        kept_fan = fan_rows(candidate)
    u_size, u_cagr, base, cagr = numpy_draws()
    assert np.array_equal(draws["u_size"], u_size) and np.array_equal(draws["u_cagr"], u_cagr)
    assert draws["base_size_usd_bn"] == pytest.approx(base, rel=1e-13)
    assert draws["cagr"] == pytest.approx(cagr, rel=1e-13)
    # The percentiles again, this time from the kept draws themselves.
    from_kept = numpy_fan(draws["base_size_usd_bn"], draws["cagr"])
    for year in YEARS:
        assert list(kept_fan[("WORLD", year)][:6]) == pytest.approx(from_kept[year], rel=1e-12)
