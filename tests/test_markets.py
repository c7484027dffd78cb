"""Many markets in one warehouse: the two adjacent markets against hand calculations from their sources'
published figures, the market-without-a-primary-report rule, the window check per market, and a fourth
market added to a copy by seed rows only (a player it shares with the first market, a constructed
cross-market violation, GX naming the market)."""
from __future__ import annotations

import csv
import io
from statistics import median

import duckdb
import pytest

from market_warehouse.config import ConfigError, check_window
from market_warehouse.pipeline import build
from market_warehouse.project import PACKAGE_ROOT, Project, copy_project

FIRST = "biopharma_cmo_cro"
MANUFACTURING = "biopharma_contract_manufacturing"
BIOSIMILARS = "biosimilar_contract_manufacturing"

# Each source's path, typed from ../shared/reference/adjacent_market_estimates.csv: (y0, size at y0, CAGR).
# y0 is the earliest stated world size, except A8, whose path starts at its text's 2021 figure (marked
# headline) rather than its info box's contradicting 2020 one; A3 uses its forward CAGR (2021-2026).
PATHS = {
    MANUFACTURING: {"A1": (2024, 18.2, 0.081), "A2": (2025, 21.16, 0.1367), "A3": (2021, 11.9, 0.155),
                    "A7": (2024, 40.99, 0.138), "A8": (2021, 11.0, 0.1437)},
    BIOSIMILARS: {"A11": (2025, 11.98, 0.16), "A12": (2025, 9.22, 0.1894), "A13": (2021, 2.26, 0.1619)},
}
# low = lowest world CAGR any source's claim admits, base = median of the headline CAGRs, high = highest.
SCENARIOS = {
    MANUFACTURING: {"low": 0.081, "base": median([0.081, 0.1367, 0.155, 0.138, 0.1437]), "high": 0.155},
    BIOSIMILARS: {"low": 0.16, "base": median([0.16, 0.1894, 0.1619]), "high": 0.1894},
}


def path(market: str, source: str, year: int) -> float:
    y0, size, cagr = PATHS[market][source]
    return size * (1 + cagr) ** (year - y0)


def consensus(market: str, year: int) -> float:
    return median(path(market, source, year) for source in PATHS[market])


@pytest.mark.parametrize("market", [MANUFACTURING, BIOSIMILARS])
@pytest.mark.parametrize("year", [2021, 2025, 2032])
def test_each_source_path_of_the_new_markets(warehouse, market, year):
    rows = dict(warehouse.execute("select source_id, market_size_usd_bn from marts.fct_source_forecast "
                                  "where market_id = ? and year = ?", [market, year]).fetchall())
    assert rows == {source: pytest.approx(path(market, source, year), rel=1e-12) for source in PATHS[market]}


@pytest.mark.parametrize("market", [MANUFACTURING, BIOSIMILARS])
def test_consensus_median_per_year_of_the_new_markets(warehouse, market):
    rows = warehouse.execute("select year, n_sources, median_size_usd_bn from marts.fct_market_consensus "
                             "where market_id = ? and year between 2025 and 2032 order by year", [market]).fetchall()
    assert [row[0] for row in rows] == list(range(2025, 2033))
    for year, n_sources, size in rows:
        assert n_sources == len(PATHS[market])
        assert size == pytest.approx(consensus(market, year), rel=1e-12)


def test_consensus_of_the_new_markets_in_round_numbers(warehouse):
    # Manufacturing 2025 paths: A8 11 x 1.1437^4 = 18.82, A1 18.2 x 1.081 = 19.67, A2 21.16, A3 11.9 x
    # 1.155^4 = 21.18, A7 40.99 x 1.138 = 46.65 -> median 21.16. Biosimilars 2025: A13 2.26 x 1.1619^4 =
    # 4.12, A12 9.22, A11 11.98 -> median 9.22.
    assert round(consensus(MANUFACTURING, 2025), 2) == 21.16
    assert round(consensus(BIOSIMILARS, 2025), 2) == 9.22


@pytest.mark.parametrize("market", [MANUFACTURING, BIOSIMILARS])
@pytest.mark.parametrize("scenario", ["low", "base", "high"])
def test_scenarios_of_a_market_without_a_primary_report(warehouse, market, scenario):
    cagr = SCENARIOS[market][scenario]
    size, row_cagr = warehouse.execute(
        "select market_size_usd_bn, cagr from marts.fct_market_forecast where market_id = ? and scenario = ? "
        "and region_id = 'WORLD' and year = 2032", [market, scenario]).fetchone()
    assert row_cagr == pytest.approx(cagr, abs=1e-15)
    assert size == pytest.approx(consensus(market, 2025) * (1 + cagr) ** 7, rel=1e-12)


def test_scenario_cagrs_of_the_new_markets_in_round_numbers():
    # Manufacturing: headlines 8.1, 13.67, 15.5, 13.8, 14.37 -> base 13.8; biosimilars: 16, 18.94, 16.19 -> 16.19.
    assert SCENARIOS[MANUFACTURING]["base"] == 0.138
    assert SCENARIOS[BIOSIMILARS]["base"] == 0.1619


def test_market_tree_and_scenario_basis(warehouse):
    # keyed by market id: a team's own markets beside the curated ones leave this test as it is
    rows = dict((m, (parent, basis)) for m, parent, basis in warehouse.execute(
        "select market_id, parent_market_id, scenario_basis from marts.dim_market").fetchall())
    assert {market: rows[market] for market in (FIRST, MANUFACTURING, BIOSIMILARS)} == {
        FIRST: (None, "primary report"), MANUFACTURING: (FIRST, "all sources"),
        BIOSIMILARS: (MANUFACTURING, "all sources")}


def test_first_market_numbers_unchanged(warehouse):
    consensus_2025 = warehouse.execute("select median_size_usd_bn from marts.fct_market_consensus "
                                       "where market_id = ? and year = 2025", [FIRST]).fetchone()[0]
    base_2032 = warehouse.execute("select market_size_usd_bn from marts.fct_market_forecast where market_id = ? "
                                  "and scenario = 'base' and region_id = 'WORLD' and year = 2032", [FIRST]).fetchone()[0]
    assert round(consensus_2025, 4) == 58.7004
    assert round(base_2032, 3) == 125.767


def test_cross_market_check_finds_the_scope_mix_up_of_a7(warehouse):
    # A7's manufacturing-only path (40.99 x 1.138 = 46.65 in 2025) is above S3's path of the whole
    # CMO & CRO market (37.17 in 2025): some source sized another scope. No median or base overtakes.
    rows = warehouse.execute("select year, max_source_id, parent_min_source_id, is_median_above_parent_median, "
                             "is_base_above_parent_base from marts.fct_market_tree_check where market_id = ? "
                             "order by year", [MANUFACTURING]).fetchall()
    assert [row[0] for row in rows] == list(range(2025, 2033))
    assert {row[1:] for row in rows} == {("A7", "S3", False, False)}
    assert path(MANUFACTURING, "A7", 2025) > 37.17
    findings = warehouse.execute("select count(*) from marts.fct_market_tree_check where market_id = ? "
                                 "and finding is not null", [BIOSIMILARS]).fetchone()[0]
    # Largest biosimilar path (A11, 11.98 x 1.16^7 = 33.86 in 2032) stays under the smallest manufacturing
    # path (A1, 18.2 x 1.081^8 = 33.94): no finding.
    assert path(BIOSIMILARS, "A11", 2032) < path(MANUFACTURING, "A1", 2032)
    assert findings == 0


def test_two_cagrs_for_two_periods_are_not_a_conflict(warehouse):
    rows = warehouse.execute("select count(*) from marts.fct_claim_conflicts where source_id = 'A3'").fetchone()[0]
    assert rows == 0


# --- the window check, per market -------------------------------------------------------------------

@pytest.mark.parametrize("dbt_vars, message", [
    ({"forecast_end_year": 2040}, "the last year any of its sources states a size or a CAGR period for"),
    ({"base_year": 2019, "forecast_start_year": 2019}, "outside the years its sources state world sizes for"),
    ({"forecast_start_year": 2024}, "before the base year 2025"),
])
def test_window_check_refuses_what_the_sources_cannot_support_naming_the_market(dbt_vars, message):
    with pytest.raises(ConfigError) as raised:
        check_window(Project(PACKAGE_ROOT), dbt_vars, PACKAGE_ROOT / "seeds")
    assert message in str(raised.value)
    assert "market '" in str(raised.value)


def test_window_check_names_the_market_whose_sources_end_first():
    # The first market's sources state sizes up to 2033, the others' up to 2035: 2034 fails the first only.
    with pytest.raises(ConfigError, match=f"market '{FIRST}'.*after 2033"):
        check_window(Project(PACKAGE_ROOT), {"forecast_end_year": 2034}, PACKAGE_ROOT / "seeds")


# --- a fourth market by seed rows only ----------------------------------------------------------------

FOURTH = "generated_market_4"


def append_rows(project: Project, seed: str, rows: list[dict]) -> None:
    path = project.seeds_dir / f"{seed}.csv"
    text = path.read_text(encoding="utf-8")
    columns = next(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writerows({column: row.get(column, "") for column in columns} for row in rows)
    path.write_text(text + out.getvalue(), encoding="utf-8")


def generated_market(project: Project) -> None:
    """A sub-market of the biosimilar market, sized far above it (a constructed cross-market violation),
    whose report claims a revenue for Lonza, a player it shares with the first market."""
    append_rows(project, "markets", [dict(market_id=FOURTH, market_name="Generated market 4", base_year=2025,
                                          forecast_start_year=2025, forecast_end_year=2032, size_unit="USD bn",
                                          parent_market_id=BIOSIMILARS)])
    append_rows(project, "sources", [dict(source_id=f"g{i}", publisher=f"Generated publisher {i}",
                                          title=f"Generated report {i}", url=f"https://example.com/g{i}",
                                          source_kind="market_report", accessed_on="2026-11-25") for i in (1, 2)])

    def claim(claim_id, source, metric, **fields):
        row = dict(claim_id=claim_id, market_id=FOURTH, source_id=source, metric=metric, region_label="Global",
                   region_id="WORLD", bound="exact", unit="%" if metric == "cagr" else "USD bn", is_headline="false",
                   section="Generated")
        return row | fields

    append_rows(project, "market_claims", [
        claim("g1-size-2025", "g1", "market_size", year=2025, value=40),
        claim("g1-cagr", "g1", "cagr", period_start_year=2025, period_end_year=2032, value=20, is_headline="true"),
        claim("g2-size-2024", "g2", "market_size", year=2024, value=30),
        claim("g2-cagr", "g2", "cagr", period_start_year=2024, period_end_year=2032, value=12, is_headline="true"),
    ])
    append_rows(project, "market_players", [dict(market_id=FOURTH, player_id="lonza", named_by_source_id="g1")])
    append_rows(project, "player_revenue", [dict(
        revenue_id="g1-lonza-2024", player_id="lonza", source_id="g1", year=2024, is_year_stated="true",
        scope_class="unspecified", scope_detail="revenue", value=9, value_qualifier="exact", currency="USD",
        scale="bn", usd_bn_stated=9, market_id=FOURTH)])


@pytest.fixture(scope="module")
def four_markets(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("four") / "project")
    generated_market(project)
    report = build(project, log=lambda message: None)
    connection = duckdb.connect(str(project.published_db), read_only=True)
    yield project, report, connection
    connection.close()


@pytest.mark.slow
def test_fourth_market_is_built_from_seed_rows_only(four_markets):
    _, _, db = four_markets
    # g1 2025 = 40, g2 2025 = 30 x 1.12 = 33.6 -> median 36.8; base = median(20 %, 12 %) = 16 %.
    base_2032 = db.execute("select market_size_usd_bn from marts.fct_market_forecast where market_id = ? "
                           "and scenario = 'base' and region_id = 'WORLD' and year = 2032", [FOURTH]).fetchone()[0]
    assert base_2032 == pytest.approx((40 + 30 * 1.12) / 2 * 1.16 ** 7, rel=1e-12)
    first = db.execute("select market_size_usd_bn from marts.fct_market_forecast where market_id = ? "
                       "and scenario = 'base' and region_id = 'WORLD' and year = 2032", [FIRST]).fetchone()[0]
    assert round(first, 3) == 125.767


@pytest.mark.slow
def test_a_shared_player_never_sees_the_other_markets_claims(four_markets):
    _, _, db = four_markets

    def figures(table: str, column: str, market: str) -> set[str]:
        return {row[0] for row in db.execute(f"select {column} from marts.{table} where market_id = ? "
                                             "and player_id = 'lonza'", [market]).fetchall()}

    fourth, first = figures("fct_player_share", "revenue_id", FOURTH), figures("fct_player_share", "revenue_id", FIRST)
    assert "g1-lonza-2024" in fourth and "rmf-lonza-2022" not in fourth
    assert "rmf-lonza-2022" in first and "g1-lonza-2024" not in first
    # The player's own results (no market) serve both markets.
    assert "lonza-2024-group" in fourth and "lonza-2024-group" in first
    assert figures("fct_player_revenue_check", "claim_revenue_id", FOURTH) == {"g1-lonza-2024"}
    assert figures("fct_player_revenue_check", "claim_revenue_id", FIRST) == {"rmf-lonza-2022"}


@pytest.mark.slow
def test_constructed_sub_market_above_its_parent_is_found_and_named_by_gx(four_markets):
    _, report, db = four_markets
    # Its 2025 median 36.8 is four times the biosimilar market's 9.22.
    ratio = db.execute("select median_to_parent_median_ratio from marts.fct_market_tree_check "
                       "where market_id = ? and year = 2025", [FOURTH]).fetchone()[0]
    assert ratio == pytest.approx(36.8 / consensus(BIOSIMILARS, 2025), rel=1e-12)
    rule_24 = [result for result in report.validation.results if result.rule == 24]
    assert len(rule_24) == 1 and rule_24[0].status == "failed" and rule_24[0].severity == "warning"
    assert rule_24[0].unexpected_count == 8  # every year of its 2025-2032 window
    markets = db.execute("select market_ids from audit.validation_results where rule = 24 and run_id = ?",
                         [report.run_id]).fetchone()[0]
    assert markets == FOURTH
    assert FOURTH in report.validation.summary()


def test_no_report_page_is_written_for_one_market():
    # Markets get their pages from templates (reports/pages/markets/[market_id]/): none names a market.
    pages = [path for path in (PACKAGE_ROOT / "reports" / "pages").rglob("*.md")]
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for market in (FIRST, MANUFACTURING, BIOSIMILARS):
            assert market not in text, f"{page} names {market}"
