"""The plausible bounds of every number in the inputs, by what the number is; checked by the seed check
before dbt runs, each violation named by file, row, column and the row's key (the claim id).

BOUNDS is the one table of them (docs/reliability.md, *What is guaranteed*). A range states its ends in value_low and
value_high and leaves value empty, so a bound on a claim's figure covers all three columns. A seed's
numeric column without a bound fails tests/test_value_bounds.py: add one here.
"""
from __future__ import annotations

from dataclasses import dataclass

from market_warehouse.seed_problem import SeedProblem

FIRST_YEAR, LAST_YEAR = 1990, 2100      # the years a curated figure may be about or be stated in
MAX_SIZE_USD_BN = 100_000               # USD 100 trn: above world GDP, so no market is larger
CAGR_BAND_PCT = (-50, 100)              # halving to doubling every year
MAX_REVENUE_IN_SCALE = 1_000_000        # a company's revenue in its currency and scale (bn or trn)
MAX_USD_PER_UNIT = 100_000              # no currency is worth more USD per unit
MAX_ORDINAL = 1_000_000                 # display orders and list positions
CLAIM_FIGURE = ("value", "value_low", "value_high")


@dataclass(frozen=True)
class Bound:
    seed: str
    columns: tuple[str, ...]
    what: str                    # what the number is, as the message says it
    low: float
    high: float
    low_included: bool = True    # False: the number must be above `low`
    when: str | None = None      # SQL condition on the row: the bound applies to these rows only

    def describe(self) -> str:
        low = f"at least {self.low:,}" if self.low_included else f"above {self.low:,}"
        return f"{self.what} must be {low} and at most {self.high:,}"


BOUNDS = (
    Bound("market_claims", CLAIM_FIGURE, "a market size (USD bn)", 0, MAX_SIZE_USD_BN, low_included=False,
          when="metric = 'market_size'"),
    Bound("market_claims", CLAIM_FIGURE, "a share (%)", 0, 100, when="metric in ('share', 'context_share')"),
    Bound("market_claims", CLAIM_FIGURE, "a CAGR (% a year)", *CAGR_BAND_PCT, when="metric = 'cagr'"),
    Bound("market_claims", ("year", "period_start_year", "period_end_year"), "a year", FIRST_YEAR, LAST_YEAR),
    Bound("markets", ("base_year", "forecast_start_year", "forecast_end_year"), "a year", FIRST_YEAR, LAST_YEAR),
    Bound("player_revenue", ("year",), "a year", FIRST_YEAR, LAST_YEAR),
    Bound("player_revenue", ("value",), "a revenue (in its currency and scale)", 0, MAX_REVENUE_IN_SCALE,
          low_included=False),
    Bound("player_revenue", ("usd_bn_stated",), "a revenue (USD bn)", 0, MAX_SIZE_USD_BN, low_included=False),
    Bound("fx_rates", ("year",), "a year", FIRST_YEAR, LAST_YEAR),
    Bound("sources", ("edition_year",), "a year", FIRST_YEAR, LAST_YEAR),
    Bound("fx_rates", ("usd_per_unit",), "an exchange rate (USD per unit)", 0, MAX_USD_PER_UNIT,
          low_included=False),
    Bound("regions", ("sort_order",), "a display order", 0, MAX_ORDINAL),
    Bound("segments", ("sort_order",), "a display order", 0, MAX_ORDINAL),
    Bound("countries", ("label_position",), "a position in the source's list", 1, MAX_ORDINAL),
)


def bounded_columns() -> set[tuple[str, str]]:
    """(seed, column) of every number that has a bound."""
    return {(bound.seed, column) for bound in BOUNDS for column in bound.columns}


def bound_problems(connection, seed: str, label: str, key_column: str | None) -> list[SeedProblem]:
    """Every number of a seed (loaded as a table with a _row column) outside its bound."""
    key = f'"{key_column}"' if key_column else "null"
    problems = []
    for bound in (bound for bound in BOUNDS if bound.seed == seed):
        low_ok = ">=" if bound.low_included else ">"
        for column in bound.columns:
            rows = connection.execute(
                f'select _row, {key}, "{column}" from "{seed}" where "{column}" is not null '
                f'and ({bound.when or "true"}) and not ("{column}" {low_ok} {bound.low} and "{column}" <= {bound.high}) '
                "order by _row").fetchall()
            problems += [SeedProblem(label, row, column, _message(bound, key_column, key_value, value))
                         for row, key_value, value in rows]
    return problems


def _message(bound: Bound, key_column: str | None, key_value, value) -> str:
    whose = f"{key_column} {key_value!r}: " if key_column else ""
    return f"{whose}{_number(value)} is out of bounds: {bound.describe()}"


def _number(value) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
