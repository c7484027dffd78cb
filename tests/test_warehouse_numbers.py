"""The marts of the first market, biopharma_cmo_cro, against numbers worked out here by hand from the published
figures (not by the code). The other markets: tests/test_markets.py."""
from __future__ import annotations

import math
from statistics import median

import pytest

# The sources' own figures, typed from the reference pages: (y0, size at y0, stated CAGR).
SOURCE_PATHS = {"S1": (2023, 62.5, 0.104), "S2": (2024, 38.6, 0.068), "S3": (2024, 34.84, 0.0668),
                "S4": (2025, 83.41, 0.067)}


def path_size(source: str, year: int) -> float:
    y0, size, cagr = SOURCE_PATHS[source]
    return size * (1 + cagr) ** (year - y0)


def consensus(year: int) -> float:
    return median(path_size(source, year) for source in SOURCE_PATHS)


def one(connection, sql: str, params=None):
    rows = connection.execute(sql, params or []).fetchall()
    assert len(rows) == 1, f"expected one row, got {rows}"
    return rows[0]


def test_consensus_2025_is_the_median_of_the_four_source_paths(warehouse):
    # S1 62.5 x 1.104^2 = 76.176, S2 38.6 x 1.068 = 41.225, S3 34.84 x 1.0668 = 37.167, S4 83.41:
    # median = (41.2248 + 76.176) / 2 = 58.7004
    assert consensus(2025) == pytest.approx(58.7004, abs=1e-4)
    n, low, mid, high = one(warehouse, "select n_sources, min_size_usd_bn, median_size_usd_bn, max_size_usd_bn "
                                       "from marts.fct_market_consensus where market_id = 'biopharma_cmo_cro' and year = 2025")
    assert (n, low, high) == (4, pytest.approx(37.167312), pytest.approx(83.41))
    assert mid == pytest.approx(consensus(2025), rel=1e-12)


@pytest.mark.parametrize("scenario, cagr", [("low", 0.07), ("base", 0.115), ("high", 0.115)])
def test_world_2032_compounds_the_consensus_base_at_the_scenario_cagr(warehouse, scenario, cagr):
    expected = consensus(2025) * (1 + cagr) ** 7
    size, index, row_cagr = one(warehouse, "select market_size_usd_bn, growth_index, cagr from marts.fct_market_forecast "
                                           "where market_id = 'biopharma_cmo_cro' and scenario = ? "
                                           "and region_id = 'WORLD' and year = 2032", [scenario])
    assert row_cagr == pytest.approx(cagr, abs=1e-15)
    assert size == pytest.approx(expected, rel=1e-12)
    assert index == pytest.approx(100 * (1 + cagr) ** 7, rel=1e-12)


def test_base_2032_and_low_2032_in_round_numbers(warehouse):
    base = one(warehouse, "select market_size_usd_bn from marts.fct_market_forecast "
                          "where market_id = 'biopharma_cmo_cro' and scenario = 'base' and region_id = 'WORLD' and year = 2032")[0]
    low = one(warehouse, "select market_size_usd_bn from marts.fct_market_forecast "
                         "where market_id = 'biopharma_cmo_cro' and scenario = 'low' and region_id = 'WORLD' and year = 2032")[0]
    assert round(base, 2) == 125.77  # 58.7004 x 1.115^7
    assert round(low, 2) == 94.26    # 58.7004 x 1.07^7


@pytest.mark.parametrize("region, share", [("NA", 45), ("EU", 20), ("APAC", 35), ("CN", 5)])
def test_regional_forecast_is_world_times_stated_share(warehouse, region, share):
    expected = consensus(2025) * share / 100 * 1.115 ** 7
    size = one(warehouse, "select market_size_usd_bn from marts.fct_market_forecast "
                          "where market_id = 'biopharma_cmo_cro' and scenario = 'base' and region_id = ? and year = 2032", [region])[0]
    assert size == pytest.approx(expected, rel=1e-12)


def test_regions_without_a_stated_share_are_null_not_zero(warehouse):
    rows = warehouse.execute("select distinct region_id, share_pct, market_size_usd_bn from marts.fct_market_forecast "
                             "where market_id = 'biopharma_cmo_cro' and region_id in ('LATAM', 'MEA')").fetchall()
    assert sorted(rows) == [("LATAM", None, None), ("MEA", None, None)]


def test_forecast_has_every_scenario_region_and_year(warehouse):
    rows = warehouse.execute(
        "select scenario, region_id, count(distinct year), min(year), max(year), count(market_size_usd_bn) "
        "from marts.fct_market_forecast where market_id = 'biopharma_cmo_cro' group by all").fetchall()
    assert {row[2:5] for row in rows} == {(8, 2025, 2032)}
    assert {row[0] for row in rows} == {"low", "base", "high"}
    # The regions the report splits (WORLD, 5 continents, CN) have a path in every scenario; a region a team
    # adds to the geography for its own market appears here without a size, as the gap it is.
    sized = {(scenario, region) for scenario, region, *_, n_sized in rows if n_sized}
    curated = {"WORLD", "NA", "EU", "APAC", "LATAM", "MEA", "CN"}
    assert {region for _, region in sized} <= curated
    assert {(scenario, region) for scenario, region, *_ in rows if region in curated} == \
        {(scenario, region) for scenario in ("low", "base", "high") for region in curated}


def test_china_bucket_is_kept_as_stated_and_rolled_into_asia_pacific(warehouse):
    stated = dict(warehouse.execute("select region_id, share_pct from marts.fct_regional_share "
                                    "where source_id = 'rmf-1923674' and share_basis = 'stated'").fetchall())
    assert stated == {"NA": 45, "APAC": 30, "EU": 20, "CN": 5}
    assert sum(stated.values()) == 100
    rolled = dict(warehouse.execute("select region_id, share_pct from marts.fct_regional_share "
                                    "where source_id = 'rmf-1923674' and share_basis = 'rolled_up'").fetchall())
    curated = {"NA": 45, "APAC": 35, "EU": 20, "CN": 5, "LATAM": None, "MEA": None}
    assert {region: rolled[region] for region in curated} == curated
    assert all(share is None for region, share in rolled.items() if region not in curated)  # a team's regions


def test_back_cast_source_path_before_its_first_stated_year(warehouse):
    # S4 states 83.41 for 2025 at 6.7 %: 2022 = 83.41 / 1.067^3
    size = one(warehouse, "select market_size_usd_bn from marts.fct_source_forecast "
                          "where source_id = 'S4' and year = 2022")[0]
    assert size == pytest.approx(83.41 / 1.067 ** 3, rel=1e-12)


def test_source_consistency_separates_period_mismatch_from_consistent(warehouse):
    rows = {r[0]: r[1:] for r in warehouse.execute(
        "select source_id, implied_cagr_span_pct, implied_cagr_stated_period_pct, verdict "
        "from marts.fct_source_consistency where market_id = 'biopharma_cmo_cro'").fetchall()}
    # S1: 62.5 (2023) -> 168.2 (2033) spans 10 years but its 10.4 % is stated for 2025-2033 (8 years).
    assert rows["S1"][0] == pytest.approx(100 * ((168.2 / 62.5) ** (1 / 10) - 1), rel=1e-12)
    assert rows["S1"][1] == pytest.approx(100 * ((168.2 / 62.5) ** (1 / 8) - 1), rel=1e-12)
    assert rows["S1"][2] == "period mismatch"
    # S3 states 2025 and 2033 sizes itself: 37.17 -> 62.36 over 8 years = 6.68 %.
    assert rows["S3"][0] == pytest.approx(100 * ((62.36 / 37.17) ** (1 / 8) - 1), rel=1e-12)
    assert rows["S3"][2] == "consistent"
    assert rows["S4"][2] == "consistent"
    assert rows["S2"][2] == "period mismatch"


def test_primary_report_cagr_conflict_is_surfaced(warehouse):
    conflicts = warehouse.execute("select claim_id_a, claim_id_b, gap from marts.fct_claim_conflicts "
                                  "where is_conflict and market_id = 'biopharma_cmo_cro'").fetchall()
    # 11.5 % cannot be true together with 7-10 %: 1.5 points apart. 'over 8 %' fits both.
    assert conflicts == [("rmf-cagr-forecast-period", "rmf-cagr-next-five-years", pytest.approx(1.5))]
    n_pairs = one(warehouse, "select count(*) from marts.fct_claim_conflicts where source_id = 'rmf-1923674'")[0]
    assert n_pairs == 3


def test_player_share_and_group_revenue_flag(warehouse):
    share, flagged = one(warehouse, "select share_pct, is_above_share_flag from marts.fct_player_share "
                                    "where revenue_id = 'rmf-lonza-2022'")
    assert share == pytest.approx(100 * 5 / consensus(2022), rel=1e-12)
    assert not flagged
    share, flagged = one(warehouse, "select share_pct, is_above_share_flag from marts.fct_player_share "
                                    "where revenue_id = 'rmf-boehringer-2022'")
    assert share == pytest.approx(100 * 26 / consensus(2022), rel=1e-12)  # group revenue, > 25 %
    assert flagged


def test_revenue_without_a_sourced_fx_rate_stays_null(warehouse):
    usd, basis = one(warehouse, "select revenue_usd_bn, usd_basis from marts.fct_player_share "
                                "where revenue_id = 'lonza-2022-group'")
    assert usd is None and "no CHF rate for 2022" in basis


def test_revenue_converted_at_the_median_of_source_rates(warehouse):
    # KRW 2024: stated 0.0727 USD / 100 KRW and implied 3.3 / 4550 -> median = their mean.
    rate = (0.000727 + 3.3 / 4550) / 2
    usd = one(warehouse, "select revenue_usd_bn from marts.fct_player_share "
                         "where revenue_id = 'samsung-2024-standalone'")[0]
    assert usd == pytest.approx(3497.1 * rate, rel=1e-12)


def test_report_claim_vs_filed_revenue(warehouse):
    diff = one(warehouse, "select diff_pct from marts.fct_player_revenue_check "
                          "where claim_revenue_id = 'rmf-samsung' and filed_scope_class = 'group'")[0]
    # group 2022: 3.0013 trn x (2.4 / 3000) and 2.4 (stated) -> median = their mean
    filed = (3001.3 * 2.4 / 3000 + 2.4) / 2
    assert diff == pytest.approx(100 * (1 / filed - 1), rel=1e-12)


def test_every_raw_country_label_is_kept_and_mapped(warehouse):
    labels = dict(warehouse.execute("select raw_label || '@' || label_position, iso3 "
                                    "from marts.dim_country_label where source_id = 'rmf-1923674'").fetchall())
    assert len(labels) == 25
    assert labels["Argentina Korea@19"] == "ARG"
    assert labels["Saudi@22"] == labels["Arabia@23"] == "SAU"
    assert labels["Korea@25"] == "KOR"
    assert labels["China Taiwan@13"] == "TWN"
    region = dict(warehouse.execute("select iso3, region_id from marts.dim_country").fetchall())
    assert region["KOR"] == "APAC" and region["SAU"] == "MEA" and region["ARG"] == "LATAM"


def test_country_codes_are_valid_iso_3166(warehouse):
    import pycountry

    for iso3, iso2 in warehouse.execute("select iso3, iso2 from marts.dim_country").fetchall():
        country = pycountry.countries.get(alpha_3=iso3)
        assert country is not None and country.alpha_2 == iso2


def test_numbers_are_finite(warehouse):
    for table, column in [("fct_market_forecast", "market_size_usd_bn"), ("fct_market_consensus", "median_size_usd_bn"),
                          ("fct_player_share", "share_pct")]:
        for (value,) in warehouse.execute(f"select {column} from marts.{table} where {column} is not null").fetchall():
            assert math.isfinite(value)


@pytest.mark.parametrize("market, source, weight, grade", [
    # research report, same scope, consistent: 1.0
    ("biopharma_cmo_cro", "S4", 1.0, "A"),
    # a CAGR that fits the years its sizes span, not the period it names: x 0.9
    ("biopharma_cmo_cro", "S1", 0.9, "A"),
    # growth rate only (the primary report): x 0.8
    ("biopharma_cmo_cro", "rmf-1923674", 0.8, "A"),
    # unattributed page: 0.1
    ("biopharma_cmo_cro", "S3", 0.1, "D"),
    # unattributed page x unclear scope x period mismatch: 0.1 x 0.8 x 0.9
    ("biopharma_contract_manufacturing", "A7", 0.072, "D"),
    # press release of a report x period mismatch: 0.8 x 0.9
    ("biopharma_contract_manufacturing", "A2", 0.72, "B"),
    # research report, inconsistent (its info box), an edition of 2022 against the base year 2025: 0.7 x 0.8
    ("biopharma_contract_manufacturing", "A8", 0.56, "B"),
])
def test_curated_source_grades_by_hand(warehouse, market, source, weight, grade):
    row = warehouse.execute("select weight, grade, counts_toward_estimate from marts.fct_source_grade "
                            "where market_id = ? and source_id = ?", [market, source]).fetchone()
    assert row == (pytest.approx(weight, rel=1e-12), grade, True)


def test_a_source_without_size_or_growth_is_left_out_with_its_reason(warehouse):
    # S5 states regional remarks only: no world size, no world growth rate
    counts, reason = warehouse.execute("select counts_toward_estimate, exclusion_reason from marts.fct_source_grade "
                                       "where market_id = 'biopharma_cmo_cro' and source_id = 'S5'").fetchone()
    assert counts is False and "no world growth rate" in reason
