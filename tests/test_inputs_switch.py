"""The input switch (var input_folder) and the benchmark's generator, at a small size (M = 2)."""
from __future__ import annotations

import importlib.util
import shutil

import duckdb
import pytest

from market_warehouse.dbt_build import run_dbt
from market_warehouse.pipeline import build
from market_warehouse.project import PACKAGE_ROOT
from market_warehouse.seed_check import SeedCheckError, check_seeds
from tests.conftest import copy_project

spec = importlib.util.spec_from_file_location("bench_generate", PACKAGE_ROOT / "bench" / "generate.py")
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)


def marts(connection, database: str = "market") -> list[str]:
    return [row[0] for row in connection.execute(
        "select table_name from duckdb_tables() where database_name = ? and schema_name = 'marts' "
        "order by table_name", [database]).fetchall()]


def test_generator_is_deterministic_and_market_i_does_not_depend_on_m():
    one, two, again = generate.generate(1), generate.generate(2), generate.generate(2)
    assert two == again
    for name, rows in one.items():
        assert [row for row in two[name] if row in rows] == rows, name


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_generated_catalog_passes_the_seed_check(tmp_path, fmt):
    folder = generate.write(generate.generate(2), tmp_path / "inputs", fmt)
    assert sorted(path.suffix for path in folder.iterdir()) == [f".{fmt}"] * 10
    check_seeds(copy_project(tmp_path / "project"), inputs_dir=folder)


def test_seed_check_reports_parquet_problems_with_row_and_column(tmp_path):
    folder = generate.write(generate.generate(1), tmp_path / "inputs", "parquet")
    claims = folder / "market_claims.parquet"
    with duckdb.connect() as connection:
        connection.execute(f"create table c as select * from '{claims}'")
        connection.execute("update c set claim_id = 'bad id' where claim_id like '%-p-cagr'")
        connection.execute(f"copy c to '{claims}' (format parquet)")
    with pytest.raises(SeedCheckError) as error:
        check_seeds(copy_project(tmp_path / "project"), inputs_dir=folder)
    assert "market_claims.parquet, row 1, column 'claim_id': 'bad id' is not a valid key" in str(error.value)


def test_main_job_builds_a_generated_catalog_and_never_reads_the_seeds(tmp_path):
    folder = generate.write(generate.generate(2), tmp_path / "inputs", "csv")
    project = copy_project(tmp_path / "project")
    build(project, dbt_vars={"input_folder": str(folder)}, log=lambda message: None)
    with duckdb.connect(str(project.published_db), read_only=True) as warehouse:
        assert warehouse.execute("select list(market_id order by market_id) from marts.dim_market").fetchone()[0] == [
            "m00001", "m00002"]
        n_regions = warehouse.execute("select count(*) from marts.dim_region").fetchone()[0]
        assert n_regions == 30
        # Forecast regions per market: the world, every continent, and the sub-regions its primary report states
        # a share for (the generator states one beside its parent); x 8 years, 10,000 draws where there is a share.
        n_continents = warehouse.execute("select count(*) from marts.dim_region where region_level = 'continent'"
                                         ).fetchone()[0]
        stated_subs = warehouse.execute(
            "select count(*) from marts.fct_regional_share as s join marts.dim_market as m on s.market_id = m.market_id "
            "and s.source_id = m.primary_source_id join marts.dim_region as r on r.region_id = s.region_id "
            "where s.share_basis = 'stated' and r.region_level = 'sub_region'").fetchone()[0]
        forecast_regions = 2 * (1 + n_continents) + stated_subs
        assert stated_subs >= 1
        assert warehouse.execute("select count(*), max(n_draws) from marts.fct_forecast_fan").fetchone() == (
            forecast_regions * 8, 10_000)
        assert warehouse.execute("select count(*) from marts.fct_market_forecast").fetchone()[0] == forecast_regions * 3 * 8
        for mart in marts(warehouse):
            has_market = warehouse.execute(
                "select count(*) from duckdb_columns() where schema_name = 'marts' and table_name = ? "
                "and column_name = 'market_id'", [mart]).fetchone()[0]
            if has_market:
                assert warehouse.execute(f"select count(*) from marts.{mart} where market_id = 'biopharma_cmo_cro'"
                                         ).fetchone()[0] == 0, mart


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_curated_seeds_through_the_switch_give_the_same_marts_as_the_seeds(built_project, warehouse, tmp_path, fmt):
    """The rest of the project cannot tell the switch from the seeds: every mart is identical."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    with duckdb.connect() as connection:
        for name, types in generate.seed_columns().items():
            if fmt == "csv":
                shutil.copy(PACKAGE_ROOT / "seeds" / f"{name}.csv", folder)
                continue
            type_map = ", ".join(f"'{column}': '{type_}'" for column, type_ in types.items())
            connection.execute(f"copy (select * from read_csv('{PACKAGE_ROOT / 'seeds' / (name + '.csv')}', "
                               f"header = true, types = {{{type_map}}})) to '{folder / (name + '.parquet')}' "
                               f"(format parquet)")
    project = copy_project(tmp_path / "project")
    check_seeds(project, inputs_dir=folder)
    outcome = run_dbt(project, "build", dbt_vars={"input_folder": str(folder)})
    assert outcome.success, outcome.failures
    with duckdb.connect(str(project.candidate_db), read_only=True) as switched:
        switched.execute(f"attach '{built_project.published_db}' as seeded (read_only)")
        assert marts(switched) == marts(switched, "seeded") == marts(warehouse)
        for mart in marts(switched):
            for left, right in (("market", "seeded"), ("seeded", "market")):
                extra = switched.execute(f"select count(*) from (select * from {left}.marts.{mart} "
                                         f"except all select * from {right}.marts.{mart})").fetchone()[0]
                assert extra == 0, f"{mart}: {extra} rows of {left} not in {right}"
