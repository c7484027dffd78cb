"""The GX rule book: each rule fails, alone and with its severity, on data corrupted the way it guards against."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from market_warehouse.validation import validate

# rule, severity, the corruption of the built warehouse that the rule must catch
CORRUPTIONS = [
    (1, "critical", "update marts.fct_regional_share set share_pct = 50 "
                    "where source_id = 'rmf-1923674' and region_id = 'NA' and share_basis = 'stated'"),
    (1, "critical", "update marts.fct_market_forecast set market_size_usd_bn = market_size_usd_bn * 2 "
                    "where region_id = 'NA'"),
    # a complete type split of 60 + 30 = 90
    (2, "critical", "insert into marts.fct_market_claim by name select c.* replace ("
                    " 'test-split-' || g.new_segment as claim_id, g.new_segment as segment_id, 'split' as breakdown_id,"
                    " case g.new_segment when 'biologics' then 60.0 else 30.0 end as value) "
                    "from marts.fct_market_claim as c cross join (values ('biologics'), ('biosimilars')) as g(new_segment) "
                    "where claim_id = 's4-share-biologics-2024'"),
    (3, "critical", "update marts.dim_country_label set iso3 = null where raw_label = 'Canada'"),
    (4, "critical", "delete from marts.fct_market_forecast where scenario = 'low' and region_id = 'EU' and year = 2028"),
    (5, "critical", "update marts.fct_market_forecast set market_size_usd_bn = market_size_usd_bn * 1.01 "
                    "where scenario = 'low' and region_id = 'WORLD' and year = 2030"),
    (6, "critical", "update marts.fct_market_forecast set market_size_usd_bn = market_size_usd_bn * 2 "
                    "where scenario = 'low'"),
    (7, "critical", "update marts.fct_market_claim set value = 150 where claim_id = 's2-cagr'"),
    (8, "warning", "update marts.fct_source_consistency set is_consistent = false where source_id = 'S3'"),
    (9, "warning", "update marts.fct_claim_conflicts set is_conflict = true "
                   "where claim_id_a = 'rmf-cagr-forecast-period' and claim_id_b = 'rmf-cagr-through-2030'"),
    (10, "warning", "update marts.fct_player_share set is_above_share_flag = true where revenue_id = 'rmf-lonza-2022'"),
    (11, "warning", "update marts.fct_regional_share set share_pct = null "
                    "where share_basis = 'rolled_up' and source_id = 'rmf-1923674' and region_id = 'EU'"),
    (12, "warning", "update marts.fct_player_revenue_check set is_beyond_tolerance = true "
                    "where claim_revenue_id = 'rmf-lonza-2022'"),
    (13, "critical", "insert into marts.fct_player_share select * from marts.fct_player_share "
                     "where revenue_id = 'catalent-2022-group'"),
    (14, "critical", "update marts.fct_market_forecast set growth_index = 101 "
                     "where year = 2025 and scenario = 'base' and region_id = 'NA'"),
    (15, "warning", "delete from marts.fct_market_consensus where year = 2025"),
    (16, "critical", "update marts.fct_market_claim set source_id = 'S9' where claim_id = 's4-size-2030'"),
    (17, "critical", "update marts.fct_market_claim set is_headline = false where claim_id = 'rmf-cagr-forecast-period'"),
    (18, "warning", "update marts.fct_market_claim set bound = 'not_visible' where claim_id = 's4-size-2030'"),
    (19, "warning", "update marts.dim_country_label set is_moved_to_other_region = true where raw_label = 'Canada'"),
    (20, "warning", "update marts.dim_country_label set iso3 = 'USA' where raw_label = 'Canada'"),
    (21, "warning", "update marts.fct_regional_share set includes_sub_regions = true "
                    "where share_basis = 'rolled_up' and source_id = 'rmf-1923674' and region_id = 'NA'"),
    (22, "critical", "update marts.fct_player_share set revenue_usd_bn = -1 where revenue_id = 'catalent-2022-group'"),
    (23, "warning", "update marts.fct_player_share set revenue_usd_bn = null where revenue_id = 'catalent-2022-group'"),
]
WARNINGS_ON_THE_REAL_DATA = {8, 9, 10, 11, 12, 18, 19, 20, 21, 23}


def corrupted_copy(built_project, tmp_path, sql: str):
    path = tmp_path / "market.duckdb"
    shutil.copyfile(built_project.published_db, path)
    with duckdb.connect(str(path)) as connection:
        connection.execute(sql)
    return path


def outcome(report) -> dict[tuple[str, str], tuple[str, int | None]]:
    return {(r.suite, r.title): (r.status, r.unexpected_count) for r in report.results}


@pytest.fixture(scope="module")
def baseline(built_project, tmp_path_factory):
    path = corrupted_copy(built_project, tmp_path_factory.mktemp("baseline"), "select 1")
    return validate(built_project, path, "baseline")


def test_real_data_passes_every_critical_rule_and_fires_the_known_warnings(baseline):
    assert baseline.blocking == []
    assert all(r.status != "error" for r in baseline.results)
    firing = {r.rule for r in baseline.results if r.severity == "warning" and r.status == "failed"}
    assert firing == WARNINGS_ON_THE_REAL_DATA


def test_every_rule_of_the_issue_is_in_the_suites(baseline):
    assert set(range(1, 13)) <= {r.rule for r in baseline.results}
    assert {rule for rule, _, _ in CORRUPTIONS} == {r.rule for r in baseline.results}


@pytest.mark.parametrize("rule, severity, sql", CORRUPTIONS, ids=[f"rule-{c[0]}-{i}" for i, c in enumerate(CORRUPTIONS)])
def test_corruption_fails_exactly_its_rule(built_project, baseline, tmp_path, rule, severity, sql):
    report = validate(built_project, corrupted_copy(built_project, tmp_path, sql), "corrupted")
    before, after = outcome(baseline), outcome(report)
    changed = [r for r in report.results if after[(r.suite, r.title)] != before[(r.suite, r.title)]]
    assert changed, "the corruption went unnoticed"
    assert {(r.rule, r.severity) for r in changed} == {(rule, severity)}
    assert all(r.status == "failed" for r in changed)
    assert bool(report.blocking) == (severity == "critical")


def test_an_expectation_that_raises_is_an_error_that_blocks_publishing(built_project, tmp_path):
    path = corrupted_copy(built_project, tmp_path, "alter table marts.fct_player_share drop column share_pct")
    report = validate(built_project, path, "broken")
    errored = [r for r in report.results if r.status == "error"]
    assert [(r.rule, r.title) for r in errored] == [(7, "Player shares lie between 0 and 100 % of the market")]
    assert errored[0] in report.blocking and not errored[0].success
    assert "share_pct" in errored[0].exception_message


def test_results_are_recorded_in_the_published_audit_table(warehouse):
    rows = warehouse.execute("select count(*), count(distinct run_id), bool_and(success or severity = 'warning') "
                             "from audit.validation_results").fetchone()
    assert rows[0] == 46 and rows[1] == 1 and rows[2]
    logged = warehouse.execute("select run_id from audit.publish_log").fetchall()
    assert logged == warehouse.execute("select distinct run_id from audit.validation_results").fetchall()
