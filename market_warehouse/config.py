"""Check dbt vars before anything runs: known names, right types, sane values, no text that could end
up in SQL, and (once the inputs are checked) a forecast window the data can anchor. The dbt macros in macros/vars.sql check again
at compile time, so plain `dbt build --vars` is safe too; this gives the main job clear messages first.
"""
from __future__ import annotations

from numbers import Real
from pathlib import Path

import duckdb
import yaml

from market_warehouse.project import Project

SCENARIOS = ("low", "base", "high")
MAX_WINDOW_YEARS = 50


class ConfigError(Exception):
    pass


def _number(low: float, high: float):
    def check(name, value):
        if not isinstance(value, Real) or isinstance(value, bool):
            raise ConfigError(f"var {name}: must be a number, got {value!r}")
        if not low <= value <= high:
            raise ConfigError(f"var {name}: {value} is outside [{low}, {high}]")
    return check


def _integer(low: int, high: int, nullable: bool = False):
    def check(name, value):
        if value is None and nullable:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            raise ConfigError(f"var {name}: must be an integer{' or null' if nullable else ''}, got {value!r}")
        if not low <= value <= high:
            raise ConfigError(f"var {name}: {value} is outside [{low}, {high}]")
    return check


def _boolean(name, value):
    if not isinstance(value, bool):
        raise ConfigError(f"var {name}: must be true or false, got {value!r}")


def _folder(name, value):
    if value is None:
        return
    if not isinstance(value, str):
        raise ConfigError(f"var {name}: must be a folder path, got {value!r}")
    if any(character in value for character in "'\";\n\r\0`"):
        raise ConfigError(f"var {name}: {value!r} contains quotes, ';' or control characters; "
                          "a path that looks like SQL is refused")
    if not Path(value).is_dir():
        raise ConfigError(f"var {name}: {value} is not an existing folder")


def _scenario_overrides(name, value):
    if not isinstance(value, dict):
        raise ConfigError(f"var {name}: must be a mapping like {{high: 0.14}}, got {value!r}")
    for scenario, cagr in value.items():
        if scenario not in SCENARIOS:
            raise ConfigError(f"var {name}: unknown scenario {scenario!r}; known: {', '.join(SCENARIOS)}")
        _number(-0.5, 1.0)(f"{name}.{scenario}", cagr)


VAR_CHECKS = {
    "base_year": _integer(1900, 2200, nullable=True),
    "forecast_start_year": _integer(1900, 2200, nullable=True),
    "forecast_end_year": _integer(1900, 2200, nullable=True),
    "scenario_cagr_overrides": _scenario_overrides,
    "consistency_tolerance_pts": _number(0, 100),
    "share_sum_tolerance_pts": _number(0, 100),
    "player_share_flag_pct": _number(0, 100),
    "revenue_check_tolerance_pct": _number(0, 1000),
    "fan_draws": _integer(1, 1_000_000),
    "fan_keep_draws": _boolean,
    "input_folder": _folder,
}


def declared_vars(project: Project) -> dict:
    return yaml.safe_load((project.root / "dbt_project.yml").read_text())["vars"]


def check_vars(project: Project, dbt_vars: dict | None) -> None:
    """Names, types and ranges; raise ConfigError naming the var and what is wrong with it."""
    dbt_vars = dbt_vars or {}
    if not isinstance(dbt_vars, dict):
        raise ConfigError(f"--vars must be a mapping, got {dbt_vars!r}")
    declared = declared_vars(project)
    for name, value in dbt_vars.items():
        if name not in declared:
            raise ConfigError(f"unknown var {name!r}; known vars: {', '.join(sorted(declared))}")
        VAR_CHECKS[name](name, value)


def check_window(project: Project, dbt_vars: dict | None, inputs_dir: Path) -> None:
    """After the input check: the forecast window must hold the base year, and the base year must lie
    within the years the sources state sizes for, so the consensus base size is anchored in data, not
    extrapolated. Reads the (already checked) markets and market_claims inputs, CSV or Parquet."""
    settings = declared_vars(project) | (dbt_vars or {})
    with duckdb.connect() as connection:
        markets = connection.execute(
            "select market_id, cast(base_year as integer), cast(forecast_start_year as integer), "
            f"cast(forecast_end_year as integer) from {_input_table(inputs_dir, 'markets')}").fetchall()
        size_years = {market_id: (first, last) for market_id, first, last in connection.execute(
            "select market_id, min(cast(year as integer)), max(cast(year as integer)) "
            f"from {_input_table(inputs_dir, 'market_claims')} "
            "where metric = 'market_size' and year is not null group by market_id").fetchall()}
    for market_id, seed_base, seed_start, seed_end in markets:
        base = settings["base_year"] or seed_base
        start = settings["forecast_start_year"] or seed_start
        end = settings["forecast_end_year"] or seed_end
        where = f"market {market_id!r}"
        if not start <= base <= end:
            raise ConfigError(f"{where}: the forecast window {start}-{end} does not hold the base year {base}")
        if end - start > MAX_WINDOW_YEARS:
            raise ConfigError(f"{where}: the forecast window {start}-{end} is longer than {MAX_WINDOW_YEARS} years")
        if market_id in size_years and not size_years[market_id][0] <= base <= size_years[market_id][1]:
            first, last = size_years[market_id]
            raise ConfigError(f"{where}: base year {base} is outside the years the sources state sizes for "
                              f"({first}-{last}); the base size would be an extrapolation")


def _input_table(inputs_dir: Path, name: str) -> str:
    parquet = inputs_dir / f"{name}.parquet"
    path = parquet if parquet.exists() else inputs_dir / f"{name}.csv"
    quoted = str(path).replace("'", "''")
    return f"read_parquet('{quoted}')" if path.suffix == ".parquet" else f"read_csv('{quoted}', all_varchar = true)"
