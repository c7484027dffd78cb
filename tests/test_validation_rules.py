"""The GX rule book: each rule fails, alone and with its severity, on data corrupted the way it guards against,
and names the market and the keys of the corrupted rows."""
from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from market_warehouse import publish
from market_warehouse.project import PACKAGE_ROOT, Project
from market_warehouse.validation import record, validate

MARKET = "biopharma_cmo_cro"  # the market most corruptions below hit (its claim, source and revenue ids)

# rule, severity, the corruption of the built warehouse that the rule must catch, and the keys of one
# failing row that the rule must name (its market_id is a market the rule must name)
CORRUPTIONS = [
    (27, "critical", "update marts.fct_market_estimate set estimate_usd_bn = range_high_usd_bn * 2 "
                     "where market_id = 'biopharma_cmo_cro' and year = 2032",
     {"market_id": MARKET, "year": 2032}),
    (1, "critical", "update marts.fct_regional_share set share_pct = 50 "
                    "where source_id = 'rmf-1923674' and region_id = 'NA' and share_basis = 'stated'",
     {"market_id": MARKET, "source_id": "rmf-1923674"}),
    (1, "critical", "update marts.fct_market_forecast set market_size_usd_bn = market_size_usd_bn * 2 "
                    "where region_id = 'NA'",
     {"market_id": MARKET}),
    # a complete type split of 60 + 30 = 90
    (2, "critical", "insert into marts.fct_market_claim by name select c.* replace ("
                    " 'test-split-' || g.new_segment as claim_id, g.new_segment as segment_id, 'split' as breakdown_id,"
                    " case g.new_segment when 'biologics' then 60.0 else 30.0 end as value) "
                    "from marts.fct_market_claim as c cross join (values ('biologics'), ('biosimilars')) as g(new_segment) "
                    "where claim_id = 's4-share-biologics-2024'",
     {"market_id": MARKET, "source_id": "S4", "breakdown_id": "split"}),
    (3, "critical", "update marts.dim_country_label set iso3 = null where raw_label = 'Canada'",
     {"market_id": MARKET, "source_id": "rmf-1923674", "iso3": None}),
    (4, "critical", "delete from marts.fct_market_forecast where scenario = 'low' and region_id = 'EU' and year = 2028",
     {"market_id": MARKET, "scenario": "low", "region_id": "EU"}),
    (5, "critical", "update marts.fct_market_forecast set market_size_usd_bn = market_size_usd_bn * 1.01 "
                    "where market_id = 'biopharma_cmo_cro' and scenario = 'low' and region_id = 'WORLD' and year = 2030",
     {"market_id": MARKET, "scenario": "low", "region_id": "WORLD", "year": 2030}),
    (6, "critical", "update marts.fct_market_forecast set market_size_usd_bn = market_size_usd_bn * 2 "
                    "where scenario = 'low'",
     {"market_id": MARKET}),
    (7, "critical", "update marts.fct_market_claim set value = 150 where claim_id = 's2-cagr'",
     {"market_id": MARKET, "claim_id": "s2-cagr"}),
    (8, "warning", "update marts.fct_source_consistency set is_consistent = false where source_id = 'S3'",
     {"market_id": MARKET, "source_id": "S3"}),
    (9, "warning", "update marts.fct_claim_conflicts set is_conflict = true "
                   "where claim_id_a = 'rmf-cagr-forecast-period' and claim_id_b = 'rmf-cagr-through-2030'",
     {"market_id": MARKET, "claim_id_a": "rmf-cagr-forecast-period", "claim_id_b": "rmf-cagr-through-2030"}),
    (10, "warning", "update marts.fct_player_share set is_above_share_flag = true where revenue_id = 'rmf-lonza-2022'",
     {"market_id": MARKET, "revenue_id": "rmf-lonza-2022"}),
    (11, "warning", "update marts.fct_regional_share set share_pct = null "
                    "where share_basis = 'rolled_up' and source_id = 'rmf-1923674' and region_id = 'EU'",
     {"market_id": MARKET, "source_id": "rmf-1923674", "region_id": "EU"}),
    (12, "warning", "update marts.fct_player_revenue_check set is_beyond_tolerance = true "
                    "where claim_revenue_id = 'rmf-lonza-2022'",
     {"market_id": MARKET, "claim_revenue_id": "rmf-lonza-2022"}),
    (13, "critical", "insert into marts.fct_player_share select * from marts.fct_player_share "
                     "where revenue_id = 'catalent-2022-group'",
     {"market_id": MARKET, "revenue_id": "catalent-2022-group"}),
    (14, "critical", "update marts.fct_market_forecast set growth_index = 101 "
                     "where year = 2025 and scenario = 'base' and region_id = 'NA'",
     {"market_id": MARKET, "scenario": "base", "region_id": "NA", "year": 2025}),
    (15, "warning", "delete from marts.fct_market_consensus where year = 2025",
     {"market_id": MARKET, "base_year": 2025}),
    (16, "critical", "update marts.fct_market_claim set source_id = 'S9' where claim_id = 's4-size-2030'",
     {"market_id": MARKET, "source_id": "S9", "claim_id": "s4-size-2030"}),
    (17, "critical", "update marts.fct_market_claim set is_headline = false where claim_id = 'rmf-cagr-forecast-period'",
     {"market_id": MARKET}),
    (18, "warning", "update marts.fct_market_claim set bound = 'not_visible' where claim_id = 's4-size-2030'",
     {"market_id": MARKET, "claim_id": "s4-size-2030"}),
    (19, "warning", "update marts.dim_country_label set is_moved_to_other_region = true where raw_label = 'Canada'",
     {"market_id": MARKET, "raw_label": "Canada"}),
    (20, "warning", "update marts.dim_country_label set iso3 = 'USA' where raw_label = 'Canada'",
     {"market_id": MARKET, "iso3": "USA"}),
    (21, "warning", "update marts.fct_regional_share set includes_sub_regions = true "
                    "where share_basis = 'rolled_up' and source_id = 'rmf-1923674' and region_id = 'NA'",
     {"market_id": MARKET, "region_id": "NA"}),
    (22, "critical", "update marts.fct_player_share set revenue_usd_bn = -1 where revenue_id = 'catalent-2022-group'",
     {"market_id": MARKET, "revenue_id": "catalent-2022-group", "revenue_usd_bn": -1}),
    (23, "warning", "update marts.fct_player_share set revenue_usd_bn = null where revenue_id = 'catalent-2022-group'",
     {"market_id": MARKET, "revenue_id": "catalent-2022-group", "revenue_usd_bn": None}),
    (24, "warning", "update marts.fct_market_tree_check set is_base_above_parent_base = true "
                    "where market_id = 'biosimilar_contract_manufacturing' and year = 2030",
     {"market_id": "biosimilar_contract_manufacturing", "year": 2030}),
    (25, "warning", "update marts.fct_market_tree_check set is_max_above_parent_min = true "
                    "where market_id = 'biosimilar_contract_manufacturing' and year = 2030",
     {"market_id": "biosimilar_contract_manufacturing", "year": 2030}),
    (26, "warning", "update marts.fct_market_claim set note = '=HYPERLINK(\"http://example.com\", \"open\")' "
                    "where claim_id = 's1-cagr'",
     {"market_id": MARKET, "table_name": "fct_market_claim", "row_key": "s1-cagr", "column_name": "note"}),
]
WARNINGS_ON_THE_REAL_DATA = {8, 9, 10, 11, 12, 18, 19, 20, 21, 23, 25}


def corrupted_copy(built_project, tmp_path, sql: str):
    path = tmp_path / "market.duckdb"
    shutil.copyfile(built_project.published_db, path)
    with duckdb.connect(str(path)) as connection:
        connection.execute(sql)
    return path


def own_output(built_project: Project, tmp_path) -> Project:
    """A project that reads the session build's suites but writes GX's output (build/gx, which every run empties
    first) in a folder of its own: the session build is shared by both test processes, and a validation in the
    other one (tests/test_paths_are_paths.py) would empty this one's output while it is read."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "expectations").symlink_to(built_project.root / "expectations")
    return Project(root)


def outcome(report) -> dict[tuple[str, str], tuple[str, int | None]]:
    return {(r.suite, r.title): (r.status, r.unexpected_count) for r in report.results}


@pytest.fixture(scope="module")
def baseline(built_project, tmp_path_factory):
    folder = tmp_path_factory.mktemp("baseline")
    return validate(own_output(built_project, folder), corrupted_copy(built_project, folder, "select 1"), "baseline")


def test_real_data_passes_every_critical_rule_and_fires_the_known_warnings(baseline):
    assert baseline.blocking == []
    assert all(r.status != "error" for r in baseline.results)
    firing = {r.rule for r in baseline.results if r.severity == "warning" and r.status == "failed"}
    assert firing == WARNINGS_ON_THE_REAL_DATA


def test_data_docs_show_one_validation_page_per_suite(built_project, tmp_path):
    # The rules run on batches, not checkpoints, so Data Docs get their results put in GX's store by hand.
    path = corrupted_copy(built_project, tmp_path, "select 1")
    report = validate(own_output(built_project, tmp_path), path, "docs", data_docs=True)
    suites = sorted(p.stem for p in (built_project.root / "expectations").glob("*.json"))
    pages = sorted((report.data_docs_index.parent / "validations").rglob("*.html"))
    assert sorted(page.relative_to(report.data_docs_index.parent / "validations").parts[0] for page in pages) == suites
    index = report.data_docs_index.read_text()
    assert all(f"validations/{suite}/docs/" in index for suite in suites)


def test_every_rule_of_the_issue_is_in_the_suites(baseline):
    assert set(range(1, 13)) <= {r.rule for r in baseline.results}
    assert {c[0] for c in CORRUPTIONS} == {r.rule for r in baseline.results}


def test_a_rule_names_its_markets_and_rows_only_when_it_fails(baseline):
    for r in baseline.results:
        if r.status == "failed":
            assert r.rows and r.unexpected_count, r.describe()
            assert all("market_id" in row for row in r.rows), r.describe()
            assert {m for row in r.rows if row["market_id"] for m in row["market_id"].split(",")} <= set(r.markets)
            assert f"markets: {', '.join(r.markets[:10])}" in r.describe()
        else:
            assert r.market_ids is None and r.failing_rows is None and r.where() == ""


@pytest.mark.slow
@pytest.mark.parametrize("rule, severity, sql, keys", CORRUPTIONS,
                         ids=[f"rule-{c[0]}-{i}" for i, c in enumerate(CORRUPTIONS)])
def test_corruption_fails_exactly_its_rule(built_project, baseline, tmp_path, rule, severity, sql, keys):
    path = corrupted_copy(built_project, tmp_path, sql)
    report = validate(own_output(built_project, tmp_path), path, "corrupted")
    before, after = outcome(baseline), outcome(report)
    changed = [r for r in report.results if after[(r.suite, r.title)] != before[(r.suite, r.title)]]
    assert changed, "the corruption went unnoticed"
    assert {(r.rule, r.severity) for r in changed} == {(rule, severity)}
    assert all(r.status == "failed" for r in changed)
    assert bool(report.blocking) == (severity == "critical")

    # ... and it names the corrupted market and row, in its result, its message and the audit table
    record(path, report)
    with duckdb.connect(str(path), read_only=True) as connection:
        audit = {(suite, title): (markets, rows) for suite, title, markets, rows in connection.execute(
            "select suite, title, market_ids, failing_rows from audit.validation_results").fetchall()}
    for r in changed:
        message = r.describe()
        assert keys["market_id"] in r.markets, message
        assert any(keys.items() <= row.items() for row in r.rows), message
        assert message.startswith(f"rule {rule} ({r.suite}): {r.title} [failed, unexpected: {r.unexpected_count}]")
        assert keys["market_id"] in message.split("; rows: ")[0]
        assert f"rows: market_id={r.rows[0]['market_id']}, " in message
        assert r.where() in report.summary()
        assert audit[(r.suite, r.title)] == (r.market_ids, r.failing_rows)
        assert len(json.loads(r.failing_rows)) == min(r.unexpected_count, 20)


def add_market(connection, market: str, like: str) -> None:
    """A second market in the same file: every mart row of `like` again, under another market_id."""
    tables = [row[0] for row in connection.execute(
        "select table_name from duckdb_columns() join duckdb_tables() using (database_name, schema_name, table_name) "
        "where schema_name = 'marts' and column_name = 'market_id'").fetchall()]
    for table in tables:
        renamed = f"'{market}' as market_id"
        if table == "fct_market_claim":  # claim ids are unique across markets
            renamed += f", '{market}-' || claim_id as claim_id"
        connection.execute(f"insert into marts.{table} select * replace ({renamed}) from marts.{table} "
                           "where market_id = ?", [like])


@pytest.mark.slow
def test_a_rule_failing_in_one_market_names_only_that_market(built_project, tmp_path):
    second = "zz_second_market"
    path = corrupted_copy(built_project, tmp_path, "select 1")
    with duckdb.connect(str(path)) as connection:
        add_market(connection, second, like=MARKET)
    project = own_output(built_project, tmp_path)
    two_markets = validate(project, path, "two-markets")
    assert two_markets.blocking == []
    with duckdb.connect(str(path)) as connection:  # only the second market's rows are corrupted
        connection.execute("update marts.fct_market_forecast set market_size_usd_bn = market_size_usd_bn * 2 "
                           "where scenario = 'low' and market_id = ?", [second])
        connection.execute("update marts.fct_player_share set revenue_usd_bn = -1 "
                           "where revenue_id = 'catalent-2022-group' and market_id = ?", [second])
    report = validate(project, path, "corrupted")
    before, after = outcome(two_markets), outcome(report)
    changed = [r for r in report.results if after[(r.suite, r.title)] != before[(r.suite, r.title)]]
    assert {(r.rule, r.expectation_type) for r in changed} == {
        (6, "unexpected_rows_expectation"), (22, "expect_column_values_to_be_between")}
    with duckdb.connect(str(path), read_only=True) as connection:
        others = [m for (m,) in connection.execute("select market_id from marts.dim_market").fetchall() if m != second]
    assert MARKET in others
    for r in changed:
        assert r.market_ids == second and r in report.blocking
        assert all(row["market_id"] == second for row in r.rows)
        assert f"markets: {second}; rows: market_id={second}, " in r.describe()
        assert not any(other in r.describe() for other in others)
    [revenue] = next(r for r in changed if r.rule == 22).rows
    assert {"market_id": second, "revenue_id": "catalent-2022-group", "revenue_usd_bn": -1}.items() <= revenue.items()


def test_every_rows_query_selects_market_id_first_and_its_row_keys(built_project, warehouse):
    """The convention the messages rely on, for every suite (also ones added later)."""
    for path in sorted((built_project.root / "expectations").glob("*.json")):
        suite = json.loads(path.read_text())
        table = suite["meta"]["table"]
        table_columns = {row[0] for row in warehouse.execute(f"select * from {table} limit 0").description}
        assert set(suite["meta"].get("key_columns", [])) <= table_columns, path.name
        for expectation in suite["expectations"]:
            if expectation["type"] != "unexpected_rows_expectation":
                continue
            query = expectation["kwargs"]["unexpected_rows_query"].format(batch=table)
            columns = [row[0] for row in warehouse.execute(f"select * from ({query}) limit 0").description]
            assert columns[0] == "market_id", (path.name, expectation["meta"]["title"])
            assert set(expectation["meta"].get("row_keys", [])) <= set(columns), (path.name, expectation["meta"])


# DuckDB SQL that Spark SQL reads otherwise or not at all; the rules run on both (tests/test_gx_spark.py).
NOT_ON_SPARK = {
    "::": "a cast: write cast(x as type)",
    '"': "a double-quoted identifier, which Spark reads as a string",
    "\\": "a backslash, which Spark unescapes in a string and DuckDB keeps",
    "lateral": "a lateral join: join a generated table, e.g. range(0, n) as t(k)",
    "unnest(": "unnest: join range(0, n) as t(k)",
    "regexp_matches(": "regexp_matches: compare left(x, n), or use like",
    "list(": "a DuckDB list",
    "[": "a list index (1-based in DuckDB, 0-based in Spark)",
}


def test_every_rows_query_reads_alike_in_duckdb_and_spark():
    """A cheap guard for `make test`, which runs without Spark: the constructs one engine does not read as the other."""
    for path in sorted((PACKAGE_ROOT / "expectations").glob("*.json")):
        for expectation in json.loads(path.read_text())["expectations"]:
            query = expectation["kwargs"].get("unexpected_rows_query", "").lower()
            found = {text: why for text, why in NOT_ON_SPARK.items() if text in query}
            assert not found, (path.name, expectation["meta"]["title"], found)


@pytest.mark.slow
def test_an_expectation_that_raises_is_an_error_that_blocks_publishing(built_project, tmp_path):
    path = corrupted_copy(built_project, tmp_path, "alter table marts.fct_player_share drop column share_pct")
    report = validate(own_output(built_project, tmp_path), path, "broken")
    errored = [r for r in report.results if r.status == "error"]
    assert [(r.rule, r.title) for r in errored] == [(7, "Player shares lie between 0 and 100 % of the market")]
    assert errored[0] in report.blocking and not errored[0].success
    assert "share_pct" in errored[0].exception_message
    assert errored[0].market_ids is None and "share_pct" in errored[0].describe()


def test_results_are_recorded_in_the_published_audit_table(warehouse):
    rows = warehouse.execute("select count(*), count(distinct run_id), bool_and(success or severity = 'warning') "
                             "from audit.validation_results").fetchone()
    n_expectations = sum(len(json.loads(path.read_text())["expectations"])
                         for path in (PACKAGE_ROOT / "expectations").glob("*.json"))
    assert rows[0] == n_expectations == 50 and rows[1] == 1 and rows[2]
    logged = warehouse.execute("select run_id from audit.publish_log").fetchall()
    assert logged == warehouse.execute("select distinct run_id from audit.validation_results").fetchall()
    named = warehouse.execute("select bool_and((market_ids is not null and failing_rows is not null) = (status = 'failed')) "
                              "from audit.validation_results").fetchone()[0]
    assert named


def test_audit_rows_from_a_file_without_the_new_columns_are_carried_over(built_project, tmp_path):
    project = Project(tmp_path)
    project.build_dir.mkdir()
    project.warehouse_dir.mkdir()
    shutil.copyfile(built_project.published_db, project.published_db)
    shutil.copyfile(built_project.published_db, project.candidate_db)
    with duckdb.connect(str(project.published_db)) as older:  # as published before market_ids / failing_rows
        older.execute("alter table audit.validation_results drop column market_ids")
        older.execute("alter table audit.validation_results drop column failing_rows")
        older.execute("update audit.validation_results set run_id = 'older'")
        older.execute("update audit.publish_log set run_id = 'older'")
        n_older = older.execute("select count(*) from audit.validation_results").fetchone()[0]
    publish.carry_audit_history(project)
    with duckdb.connect(str(project.candidate_db), read_only=True) as candidate:
        older_rows = candidate.execute("select count(*), count(market_ids), count(failing_rows) "
                                       "from audit.validation_results where run_id = 'older'").fetchone()
        own_rows = candidate.execute("select count(*), count(market_ids) filter (where status = 'failed') "
                                     "from audit.validation_results where run_id <> 'older'").fetchone()
    assert older_rows == (n_older, 0, 0)
    assert own_rows[0] == n_older and own_rows[1] > 0  # the candidate's own rows keep their markets
