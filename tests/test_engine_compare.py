"""The engine comparator of `make spark-check` (market_warehouse/engine_compare.py), on DuckDB's own marts
exported to Parquet: equal exports pass, and each kind of difference is reported with mart, key and column."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from market_warehouse.engine_compare import EnginesDiffer, compare_marts


@pytest.fixture(scope="module")
def marts(built_project):
    with duckdb.connect(str(built_project.published_db), read_only=True) as connection:
        return [row[0] for row in connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by 1").fetchall()]


@pytest.fixture
def export(built_project, marts, tmp_path):
    """Every mart as the other engine would hand it over: one Parquet file each, in row order unlike DuckDB's."""
    with duckdb.connect(str(built_project.published_db), read_only=True) as connection:
        for mart in marts:
            connection.execute(f"copy (select * from marts.{mart} order by random()) to '{tmp_path / mart}.parquet'")
    return tmp_path


def rewrite(export, mart: str, select: str) -> None:
    path = export / f"{mart}.parquet"
    with duckdb.connect() as connection:
        connection.execute(f"create table t as select * from '{path}'")
        connection.execute(f"copy ({select.format(t='t')}) to '{path}'")


def test_equal_exports_pass_mart_by_mart(built_project, marts, export):
    compared = compare_marts(built_project.published_db, export)
    assert [c.mart for c in compared] == marts
    forecast = next(c for c in compared if c.mart == "fct_market_forecast")
    with duckdb.connect(str(built_project.published_db), read_only=True) as connection:
        assert forecast.rows == connection.execute("select count(*) from marts.fct_market_forecast").fetchone()[0] > 0


def test_a_number_off_by_more_than_1e_9_relative_names_mart_key_and_column(built_project, export):
    # 125.767 * (1 + 1e-12) is the same number to the tolerance; * (1 + 1e-6) is not.
    target = ("market_id = 'biopharma_cmo_cro' and scenario = 'base' and region_id = 'WORLD' and year = 2032")
    rewrite(export, "fct_market_forecast", "select * replace (case when " + target
            + " then market_size_usd_bn * (1 + 1e-12) else market_size_usd_bn end as market_size_usd_bn) from {t}")
    compare_marts(built_project.published_db, export)

    rewrite(export, "fct_market_forecast", "select * replace (case when " + target
            + " then market_size_usd_bn * (1 + 1e-6) else market_size_usd_bn end as market_size_usd_bn) from {t}")
    with pytest.raises(EnginesDiffer) as differ:
        compare_marts(built_project.published_db, export)
    message = str(differ.value)
    assert message.startswith("fct_market_forecast: row ")
    assert "market_id='biopharma_cmo_cro'" in message and "year=2032" in message and "scenario='base'" in message
    assert "column market_size_usd_bn" in message


def test_a_missing_row_a_changed_key_and_a_missing_mart_are_differences(built_project, export):
    rewrite(export, "fct_regional_share", "select * from {t} limit (select count(*) - 1 from {t})")
    with pytest.raises(EnginesDiffer, match=r"^fct_regional_share: (\d+) rows on DuckDB vs \d+ on the other engine"):
        compare_marts(built_project.published_db, export)
    (export / "fct_regional_share.parquet").unlink()
    with pytest.raises(EnginesDiffer, match="fct_regional_share: no export"):
        compare_marts(built_project.published_db, export)


def test_a_changed_text_key_is_named(built_project, export):
    rewrite(export, "dim_market", "select * replace (case when market_id = 'biopharma_cmo_cro' then market_name || '!' "
            "else market_name end as market_name) from {t}")
    with pytest.raises(EnginesDiffer, match=r"^dim_market: row .*column market_name is '.*' on DuckDB, '.*!' on the other"):
        compare_marts(built_project.published_db, export)


def test_near_zero_a_last_bit_difference_of_the_operands_is_equal_a_real_one_is_not(built_project, export, tmp_path):
    # gap_stated_period_pts = stated - implied CAGR. Near zero it keeps its operands' last-bit rounding: at
    # M = 100 one source's gap was 7.4340891185187274e-06 points on DuckDB, 7.434089097202445e-06 on Spark
    # (2e-14 apart, 3e-9 relative). 1e-12 absolute allows that; 1e-6 is a difference.
    duck = tmp_path / "duck.duckdb"
    shutil.copyfile(built_project.published_db, duck)
    with duckdb.connect(str(duck)) as connection:
        source_id = connection.execute("select min(source_id) from marts.fct_source_consistency "
                                       "where gap_stated_period_pts is not null").fetchone()[0]
        connection.execute("update marts.fct_source_consistency set gap_stated_period_pts = 7.4340891185187274e-06 "
                           "where source_id = ?", [source_id])
    near_zero = ("select * replace (case when source_id = '{source}' then {value} else gap_stated_period_pts end "
                 "as gap_stated_period_pts) from {{t}}")
    rewrite(export, "fct_source_consistency", near_zero.format(source=source_id, value="7.434089097202445e-06"))
    compare_marts(duck, export)
    rewrite(export, "fct_source_consistency", near_zero.format(source=source_id, value="7.434089097202445e-06 + 1e-6"))
    with pytest.raises(EnginesDiffer, match=f"^fct_source_consistency: row .*source_id='{source_id}'.*column gap_stated_period_pts"):
        compare_marts(duck, export)
