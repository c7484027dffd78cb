"""Check dbt vars before anything runs: known names, right types, sane values, no text that could end
up in SQL, and (once the inputs are checked) a forecast window the data can anchor. The dbt macros in macros/vars.sql check again
at compile time, so plain `dbt build --vars` is safe too; this gives the main job clear messages first.
"""
from __future__ import annotations

import re
from numbers import Real
from pathlib import Path

import duckdb
import yaml

from market_warehouse.project import Project

SCENARIOS = ("low", "base", "high")
MAX_WINDOW_YEARS = 50
GLOB_CHARACTERS = "*?[]{}"
MARKET_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]*")


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
    if any(character in value for character in GLOB_CHARACTERS):
        raise ConfigError(f"var {name}: {value!r} contains one of {' '.join(GLOB_CHARACTERS)}, which DuckDB expands "
                          "as a file pattern (it could load a sibling folder's files instead of the checked ones); "
                          "move the inputs to a folder without them")
    if not Path(value).is_absolute():
        raise ConfigError(f"var {name}: {value!r} is not absolute")  # check_vars resolves it first
    if not Path(value).is_dir():
        raise ConfigError(f"var {name}: {value} is not an existing folder")


def _scenario_overrides(name, value):
    """{high: 0.14} for every market, or {market_id: {high: 0.14}} for the markets named."""
    if not isinstance(value, dict):
        raise ConfigError(f"var {name}: must be a mapping like {{high: 0.14}} or {{market_id: {{high: 0.14}}}}, "
                          f"got {value!r}")
    for key, override in value.items():
        if isinstance(override, dict):
            if not isinstance(key, str) or not MARKET_ID_PATTERN.fullmatch(key):
                raise ConfigError(f"var {name}: {key!r} is not a market id")
            for scenario, cagr in override.items():
                _scenario_cagr(f"{name}.{key}", scenario, cagr)
        else:
            _scenario_cagr(name, key, override)


def _scenario_cagr(name, scenario, cagr):
    if scenario not in SCENARIOS:
        raise ConfigError(f"var {name}: unknown scenario {scenario!r}; known: {', '.join(SCENARIOS)}")
    _number(-0.5, 1.0)(f"{name}.{scenario}", cagr)


def _grade_factors(name, value):
    """{publisher_kind: {level: factor}, scope_fit: {...}, consistency: {...}, growth_only: f, old_edition: f}."""
    levels = ("publisher_kind", "scope_fit", "consistency")
    if not isinstance(value, dict) or set(value) != {*levels, "growth_only", "old_edition"}:
        raise ConfigError(f"var {name}: must be a mapping with exactly {', '.join(levels)}, growth_only and old_edition")
    for attribute in levels:
        if not isinstance(value[attribute], dict) or not value[attribute]:
            raise ConfigError(f"var {name}.{attribute}: must be a mapping of level to factor")
        for level, factor in value[attribute].items():
            _number(0, 1)(f"{name}.{attribute}.{level}", factor)
    for attribute in ("growth_only", "old_edition"):
        _number(0, 1)(f"{name}.{attribute}", value[attribute])


def _grade_bands(name, value):
    """{A: 0.8, B: 0.5, C: 0.25}: the lowest weight of each grade, falling from A to C."""
    if not isinstance(value, dict) or set(value) != {"A", "B", "C"}:
        raise ConfigError(f"var {name}: must be a mapping {{A: .., B: .., C: ..}} of the lowest weight of each grade")
    for grade, weight in value.items():
        _number(0, 1)(f"{name}.{grade}", weight)
    if not value["A"] >= value["B"] >= value["C"]:
        raise ConfigError(f"var {name}: the bands must fall from A to C, got {value!r}")


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
    "grade_factors": _grade_factors,
    "old_edition_years": _integer(0, 100),
    "grade_bands": _grade_bands,
    "cluster_gap_ratio": _number(1, 1000),
    "input_folder": _folder,
    "max_hierarchy_depth": _integer(1, 1000),  # macros/vars.sql bounded_int_var has the same bounds
}


def declared_vars(project: Project) -> dict:
    return yaml.safe_load((project.root / "dbt_project.yml").read_text())["vars"]


def check_vars(project: Project, dbt_vars: dict | None) -> dict:
    """Names, types and ranges; raise ConfigError naming the var and what is wrong with it. Return the vars
    the build uses: a relative input_folder resolved against the project root, so dbt, the seed check
    and the audit row all get the same absolute path, whatever directory the command ran from."""
    dbt_vars = dict(dbt_vars or {}) if isinstance(dbt_vars, dict) or dbt_vars is None else dbt_vars
    if not isinstance(dbt_vars, dict):
        raise ConfigError(f"--vars must be a mapping, got {dbt_vars!r}")
    if isinstance(dbt_vars.get("input_folder"), str) and dbt_vars["input_folder"].strip():
        dbt_vars["input_folder"] = str(project.root / Path(dbt_vars["input_folder"].strip()).expanduser())
    declared = declared_vars(project)
    for name, value in dbt_vars.items():
        if name not in declared:
            raise ConfigError(f"unknown var {name!r}; known vars: {', '.join(sorted(declared))}")
        VAR_CHECKS[name](name, value)
    return dbt_vars


def check_window(project: Project, dbt_vars: dict | None, inputs_dir: Path) -> None:
    """After the input check, per market: the forecast window must start at the base year (a year
    before it would be back-cast, where a higher CAGR gives a smaller size and low <= base <= high,
    rule 6, always fails), and the sources must support it - the base year within the years they
    state world sizes for (the consensus base size is anchored in data, not extrapolated) and the
    window's end no later than the last year a source states a size or a CAGR period for. Reads the
    (already checked) markets and market_claims inputs, CSV or Parquet."""
    settings = declared_vars(project) | (dbt_vars or {})
    with duckdb.connect() as connection:
        markets = connection.execute(
            "select market_id, cast(base_year as integer), cast(forecast_start_year as integer), "
            f"cast(forecast_end_year as integer) from {_input_table(inputs_dir, 'markets')}").fetchall()
        supported = {market_id: (first, last, last_stated) for market_id, first, last, last_stated in connection.execute(
            "select market_id, "
            "min(cast(year as integer)) filter (where metric = 'market_size' and region_id = 'WORLD'), "
            "max(cast(year as integer)) filter (where metric = 'market_size' and region_id = 'WORLD'), "
            "max(greatest(cast(year as integer), cast(period_end_year as integer))) "
            f"from {_input_table(inputs_dir, 'market_claims')} "
            "where metric in ('market_size', 'cagr') group by market_id").fetchall()}
    overridden = {key for key, value in (settings["scenario_cagr_overrides"] or {}).items() if isinstance(value, dict)}
    unknown = sorted(overridden - {market_id for market_id, *_ in markets})
    if unknown:
        raise ConfigError(f"var scenario_cagr_overrides names no market of the inputs: {', '.join(unknown)}")
    for market_id, seed_base, seed_start, seed_end in markets:
        base = settings["base_year"] or seed_base
        start = settings["forecast_start_year"] or seed_start
        end = settings["forecast_end_year"] or seed_end
        where = f"market {market_id!r}"
        if not start <= base <= end:
            raise ConfigError(f"{where}: the forecast window {start}-{end} does not hold the base year {base}")
        if start < base:
            raise ConfigError(f"{where}: the forecast window starts in {start}, before the base year {base}; the "
                              "scenarios compound from the base year, so earlier years would be back-cast, where a "
                              "higher CAGR gives a smaller size and rule 6 (low <= base <= high) always fails. "
                              f"Start the window at {base}.")
        if end - start > MAX_WINDOW_YEARS:
            raise ConfigError(f"{where}: the forecast window {start}-{end} is longer than {MAX_WINDOW_YEARS} years")
        first, last, last_stated = supported.get(market_id, (None, None, None))
        if first is not None and not first <= base <= last:
            raise ConfigError(f"{where}: base year {base} is outside the years its sources state world sizes for "
                              f"({first}-{last}); the base size would be an extrapolation. Choose a base year in "
                              "that range, best one that several sources state a size for.")
        if last_stated is not None and end > last_stated:
            raise ConfigError(f"{where}: the forecast window ends in {end}, after {last_stated}, the last year any of "
                              "its sources states a size or a CAGR period for; end the window by then.")


def _input_table(inputs_dir: Path, name: str) -> str:
    parquet = inputs_dir / f"{name}.parquet"
    path = parquet if parquet.exists() else inputs_dir / f"{name}.csv"
    quoted = str(path).replace("'", "''")
    return f"read_parquet('{quoted}')" if path.suffix == ".parquet" else f"read_csv('{quoted}', all_varchar = true)"
