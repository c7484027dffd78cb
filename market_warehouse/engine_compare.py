"""Are two engines' marts the same? Every mart of a DuckDB warehouse against the Parquet export of the
same mart from another engine (Spark: build/spark/<mart>.parquet), row by row, in DuckDB SQL.

Rows are matched on their key: every column that is not a floating-point number (ids, years, scenarios,
labels, flags), which identifies a row in every mart; rows with an equal key (none today) are paired in
order of their numbers. Keys and text must be equal, NULL where the other is NULL; numbers equal within
RELATIVE_TOLERANCE of the larger of the two, or within ABSOLUTE_TOLERANCE near zero: a number that is the
difference of two nearly equal ones (a stated minus an implied CAGR of 7e-6 points) keeps their last-bit
rounding (Spark's exp() and ln() differ from DuckDB's in the last bit), 2e-14 there, which is far beyond 1e-9
of the difference itself. The first difference is reported with its mart, key and column, so a user can
look it up on both engines.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

RELATIVE_TOLERANCE = 1e-9
ABSOLUTE_TOLERANCE = 1e-12  # in the column's own unit (USD bn, %, points)
FLOATING = {"DOUBLE", "FLOAT", "REAL"}


@dataclass(frozen=True)
class MartComparison:
    mart: str
    rows: int
    columns: int


class EnginesDiffer(Exception):
    """The first difference found; the message names mart, key and column."""


def compare_marts(duckdb_path: Path, export_dir: Path, schema: str = "marts") -> list[MartComparison]:
    """Compare every table of `schema` in the DuckDB file with export_dir/<table>.parquet (a file or a
    folder of part files, as Spark writes). Raises EnginesDiffer at the first difference."""
    compared = []
    with duckdb.connect(str(duckdb_path), read_only=True) as connection:
        marts = [row[0] for row in connection.execute(
            "select table_name from duckdb_tables() where schema_name = ? order by table_name", [schema]).fetchall()]
        if not marts:
            raise EnginesDiffer(f"{duckdb_path} has no tables in schema {schema}: nothing to compare")
        for mart in marts:
            compared.append(_compare_one(connection, schema, mart, export_dir / f"{mart}.parquet"))
    return compared


def _compare_one(connection, schema: str, mart: str, export: Path) -> MartComparison:
    mine = _attach_export(connection, schema, mart, export)
    keys = [column for column, data_type in mine.items() if data_type not in FLOATING]
    numbers = [column for column, data_type in mine.items() if data_type in FLOATING]
    counts = connection.execute(f"select (select count(*) from {schema}.{mart}), (select count(*) from other)").fetchone()
    if counts[0] != counts[1]:
        raise EnginesDiffer(f"{mart}: {counts[0]} rows on DuckDB vs {counts[1]} on the other engine")
    first = _first_differing_row(connection, f"{schema}.{mart}", list(mine), keys, numbers)
    if first is not None:
        _raise_difference(mart, list(mine), keys, numbers, first)
    return MartComparison(mart=mart, rows=counts[0], columns=len(mine))


def _attach_export(connection, schema: str, mart: str, export: Path) -> dict[str, str]:
    """The export as the temp view `other`, checked to have the mart's columns and type families."""
    if not export.exists():
        raise EnginesDiffer(f"{mart}: no export {export} from the other engine")
    pattern = str(export / "*.parquet") if export.is_dir() else str(export)
    connection.execute(f"create or replace temp view other as select * from read_parquet({_literal(pattern)})")
    mine = _column_types(connection, f"{schema}.{mart}")
    theirs = _column_types(connection, "other")
    if list(mine) != list(theirs):
        raise EnginesDiffer(f"{mart}: columns differ: DuckDB {list(mine)} vs other {list(theirs)}")
    for column, data_type in mine.items():
        if _family(data_type) != _family(theirs[column]):
            raise EnginesDiffer(f"{mart}.{column}: type {data_type} on DuckDB vs {theirs[column]} on the other engine")
    return mine


def _first_differing_row(connection, relation: str, names: list[str], keys: list[str], numbers: list[str]):
    """Both sides sorted by key then numbers and paired by position: the first pair that differs, or None."""
    order = ", ".join(f"{_quote(column)} asc nulls last" for column in keys + numbers) or "1"
    differs = " or ".join(
        [f"a.{_quote(c)} is distinct from b.{_quote(c)}" for c in keys]
        + [f"not ((a.{_quote(c)} is null and b.{_quote(c)} is null) or abs(a.{_quote(c)} - b.{_quote(c)}) <= "
           f"greatest({RELATIVE_TOLERANCE} * greatest(abs(a.{_quote(c)}), abs(b.{_quote(c)})), {ABSOLUTE_TOLERANCE}))"
           for c in numbers])
    columns = ", ".join(_quote(column) for column in names)
    return connection.execute(f"""
        with a as (select {columns}, row_number() over (order by {order}) as row_in_order from {relation}),
             b as (select {columns}, row_number() over (order by {order}) as row_in_order from other)
        select a.*, b.* from a join b using (row_in_order)
        where {differs or 'false'}
        order by a.row_in_order limit 1""").fetchone()


def _raise_difference(mart: str, names: list[str], keys: list[str], numbers: list[str], pair: tuple) -> None:
    """Name the first differing column of a differing pair of rows, with the row's key."""
    width = len(names) + 1
    duck_row, other_row = pair[:width], pair[width:]
    key = ", ".join(f"{column}={duck_row[names.index(column)]!r}" for column in keys) or "(no key columns)"
    for index, column in enumerate(names):
        a, b = duck_row[index], other_row[index]
        if not _same(a, b, column in numbers):
            raise EnginesDiffer(f"{mart}: row {key}: column {column} is {a!r} on DuckDB, {b!r} on the other engine")
    raise EnginesDiffer(f"{mart}: row {key} differs")  # NULL against a value in a key column


def _same(a, b, is_number: bool) -> bool:
    if not is_number:
        return a == b
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(RELATIVE_TOLERANCE * max(abs(a), abs(b)), ABSOLUTE_TOLERANCE)


def _column_types(connection, relation: str) -> dict[str, str]:
    return {row[0]: row[1] for row in connection.execute(f"describe {relation}").fetchall()}


def _family(data_type: str) -> str:
    """Types that are the same value on both engines: Spark writes INT as INTEGER, STRING as VARCHAR."""
    if data_type in FLOATING:
        return "floating"
    if data_type in {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"}:
        return "integer"
    return data_type


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
