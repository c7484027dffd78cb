"""Check dbt vars before anything runs: known names, right types, sane values, no text that could end
up in SQL, and (once the inputs are checked) a forecast window the data can anchor. The dbt macros in macros/vars.sql check again
at compile time, so plain `dbt build --vars` is safe too; this gives the main job clear messages first.

The vars' types and ranges are declared once, as the pydantic model `DbtVars` (a test keeps its fields equal to
dbt_project.yml's vars); `check_vars` turns pydantic's errors into messages that name the var.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, get_args

import duckdb
import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError, model_validator

from market_warehouse.project import Project

MAX_WINDOW_YEARS = 50
GLOB_CHARACTERS = "*?[]{}"


class ConfigError(Exception):
    pass


def _within(low: float, high: float):
    """A range check whose message names both ends (pydantic's ge/le name one)."""
    def check(value):
        if not low <= value <= high:
            shown = int(value) if isinstance(value, float) and value.is_integer() else value  # 300, not 300.0
            raise ValueError(f"{shown} is outside [{low}, {high}]")
        return value
    return AfterValidator(check)


def _safe_folder(value: str) -> str:
    if any(character in value for character in "'\";\n\r\0`"):
        raise ValueError(f"{value!r} contains quotes, ';' or control characters; a path that looks like SQL is refused")
    if any(character in value for character in GLOB_CHARACTERS):
        raise ValueError(f"{value!r} contains one of {' '.join(GLOB_CHARACTERS)}, which DuckDB expands as a file "
                         "pattern (it could load a sibling folder's files instead of the checked ones); move the "
                         "inputs to a folder without them")
    if not Path(value).is_absolute():
        raise ValueError(f"{value!r} is not absolute")  # check_vars resolves it first
    if not Path(value).is_dir():
        raise ValueError(f"{value} is not an existing folder")
    return value


Year = Annotated[int, _within(1900, 2200)]
Points = Annotated[float, _within(0, 100)]
Fraction = Annotated[float, _within(0, 1)]
Cagr = Annotated[float, _within(-0.5, 1.0)]
ScenarioCagrs = dict[Literal["low", "base", "high"], Cagr]
MarketId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")]
# {high: 0.14} for every market, or {market_id: {high: 0.14}} for the markets named.
ScenarioOverrides = Annotated[
    Annotated[ScenarioCagrs, Tag("every_market")] | Annotated[dict[MarketId, ScenarioCagrs], Tag("per_market")],
    Discriminator(lambda value: "per_market" if isinstance(value, dict)
                  and any(isinstance(override, dict) for override in value.values()) else "every_market")]
LevelFactors = Annotated[dict[str, Fraction], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class GradeFactors(_Strict):
    """One factor per level of each source attribute; a source's weight is their product (docs/estimate.md)."""
    publisher_kind: LevelFactors
    scope_fit: LevelFactors
    consistency: LevelFactors
    growth_only: Fraction
    old_edition: Fraction


class GradeBands(_Strict):
    """The lowest weight of each grade, falling from A to C; below C is D."""
    A: Fraction
    B: Fraction
    C: Fraction

    @model_validator(mode="after")
    def _falling(self):
        if not self.A >= self.B >= self.C:
            raise ValueError(f"the bands must fall from A to C, got {self.model_dump()!r}")
        return self


class DbtVars(_Strict):
    """Every var of dbt_project.yml with its type and range. No defaults here: dbt_project.yml states them once,
    and `check_vars` validates them merged with the `--vars` given."""
    base_year: Year | None
    forecast_start_year: Year | None
    forecast_end_year: Year | None
    scenario_cagr_overrides: ScenarioOverrides
    consistency_tolerance_pts: Points
    share_sum_tolerance_pts: Points
    player_share_flag_pct: Points
    revenue_check_tolerance_pct: Annotated[float, _within(0, 1000)]
    fan_draws: Annotated[int, _within(1, 1_000_000)]
    fan_keep_draws: bool
    grade_factors: GradeFactors
    old_edition_years: Annotated[int, _within(0, 100)]
    grade_bands: GradeBands
    cluster_gap_ratio: Annotated[float, _within(1, 1000)]
    input_folder: Annotated[str, AfterValidator(_safe_folder)] | None
    max_hierarchy_depth: Annotated[int, _within(1, 1000)]  # macros/vars.sql bounded_int_var has the same bounds
    main_job: bool  # true only in the main job's own dbt build (build_steps.dbt_build_candidate)


# pydantic's error types, in the words of the messages the main job has always printed.
_EXPECTED = {"int_type": "must be an integer", "float_type": "must be a number", "bool_type": "must be true or false",
             "string_type": "must be a folder path", "dict_type": "must be a mapping", "model_type": "must be a mapping",
             "too_short": "must be a mapping of level to factor"}


def _message(error: dict) -> str:
    path = [str(part) for part in error["loc"] if part not in ("every_market", "per_market", "[key]")]
    name, kind, value = ".".join(path), error["type"], error["input"]
    if kind == "extra_forbidden" and len(path) == 1:
        return f"unknown var {name!r}; known vars: {', '.join(sorted(DbtVars.model_fields))}"
    if kind == "extra_forbidden":
        return f"var {'.'.join(path[:-1])}: unknown key {path[-1]!r}"
    if kind == "missing":
        return f"var {'.'.join(path[:-1])}: {path[-1]} is missing"
    if kind == "literal_error":
        return f"var {'.'.join(path[:-1])}: unknown scenario {value!r}; known: low, base, high"
    if kind == "string_pattern_mismatch":
        return f"var {'.'.join(path[:-1])}: {value!r} is not a market id"
    if kind == "value_error":
        return f"var {name}: {error['ctx']['error']}"
    if kind in _EXPECTED:
        nullable = " or null" if len(path) == 1 and type(None) in get_args(DbtVars.model_fields[name].annotation) else ""
        return f"var {name}: {_EXPECTED[kind]}{nullable}, got {value!r}"
    return f"var {name}: {error['msg']}, got {value!r}"


def declared_vars(project: Project) -> dict:
    return yaml.safe_load((project.root / "dbt_project.yml").read_text())["vars"]


def check_vars(project: Project, dbt_vars: dict | None) -> dict:
    """Names, types and ranges; raise ConfigError naming the var and what is wrong with it. Return the vars
    the build uses: a relative input_folder resolved against the project root, so dbt, the seed check
    and the audit row all get the same absolute path, whatever directory the command ran from."""
    if dbt_vars is None:
        dbt_vars = {}
    if not isinstance(dbt_vars, dict):
        raise ConfigError(f"--vars must be a mapping, got {dbt_vars!r}")
    dbt_vars = dict(dbt_vars)
    if isinstance(dbt_vars.get("input_folder"), str) and dbt_vars["input_folder"].strip():
        dbt_vars["input_folder"] = str(project.root / Path(dbt_vars["input_folder"].strip()).expanduser())
    try:
        DbtVars.model_validate(declared_vars(project) | dbt_vars)
    except ValidationError as error:
        raise ConfigError(_message(error.errors()[0])) from None
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
