"""GX validation vs the same rules as bare SQL queries, on one warehouse file, in one process.

    python bench/gx_vs_sql.py <project dir> <duckdb file>   -> JSON on stdout

GX is imported before the clock starts (its import is a fixed cost, reported apart). Each suite rule
is translated to one SQL count of unexpected rows: unexpected_rows_expectation queries run as written
with {batch} replaced by the table; the column expectations become the obvious WHERE clauses. The
counts are compared with GX's.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root: market_warehouse


def rule_sql(expectation: dict, table: str) -> str:
    kind, kwargs = expectation["type"], expectation["kwargs"]
    column = f'"{kwargs["column"]}"' if "column" in kwargs else None
    if kind == "unexpected_rows_expectation":
        return f"select count(*) from ({kwargs['unexpected_rows_query'].replace('{batch}', table)})"
    if kind == "expect_column_values_to_not_be_null":
        return f"select count(*) from {table} where {column} is null"
    if kind == "expect_column_values_to_be_unique":
        return (f"select coalesce(sum(n), 0) from (select count(*) as n from {table} where {column} is not null "
                f"group by {column} having count(*) > 1)")
    if kind == "expect_compound_columns_to_be_unique":
        columns = ", ".join(f'"{c}"' for c in kwargs["column_list"])
        return (f"select coalesce(sum(n), 0) from (select count(*) as n from {table} group by {columns} "
                f"having count(*) > 1)")
    if kind == "expect_column_values_to_be_between":
        conditions = []
        if kwargs.get("min_value") is not None:
            conditions.append(f"{column} {'<=' if kwargs.get('strict_min') else '<'} {kwargs['min_value']}")
        if kwargs.get("max_value") is not None:
            conditions.append(f"{column} {'>=' if kwargs.get('strict_max') else '>'} {kwargs['max_value']}")
        return f"select count(*) from {table} where {column} is not null and ({' or '.join(conditions)})"
    if kind == "expect_column_values_to_be_in_set":
        values = ", ".join(repr(v).lower() if isinstance(v, bool) else repr(v) for v in kwargs["value_set"])
        return f"select count(*) from {table} where {column} is not null and {column} not in ({values})"
    raise ValueError(f"no bare SQL for {kind}")


def bare_sql_checks(project_dir: Path, db_path: Path) -> tuple[float, dict]:
    rules = []
    for path in sorted((project_dir / "expectations").glob("*.json")):
        suite = json.loads(path.read_text())
        rules += [(suite["name"], suite["meta"]["table"], e) for e in suite["expectations"]]
    started = time.perf_counter()
    counts = {}
    with duckdb.connect(str(db_path), read_only=True) as connection:
        for suite, table, expectation in rules:
            key = f"{suite}|{expectation['meta']['rule']}|{expectation['meta']['title']}"
            counts[key] = connection.execute(rule_sql(expectation, table)).fetchone()[0]
    return time.perf_counter() - started, counts


class GXQueries:
    """Counts the SQL statements GX sends through SQLAlchemy, and their time, until stop()."""

    def __init__(self):
        from sqlalchemy import event
        from sqlalchemy.engine import Engine

        self.count, self.seconds, self._started = 0, 0.0, {}
        self._listeners = [(Engine, "before_cursor_execute", self._before),
                           (Engine, "after_cursor_execute", self._after)]
        for target, name, function in self._listeners:
            event.listen(target, name, function)

    def _before(self, connection, cursor, statement, parameters, context, executemany):
        self._started[id(cursor)] = time.perf_counter()

    def _after(self, connection, cursor, statement, parameters, context, executemany):
        self.count += 1
        self.seconds += time.perf_counter() - self._started.pop(id(cursor), time.perf_counter())

    def stop(self) -> None:
        from sqlalchemy import event

        for target, name, function in self._listeners:
            event.remove(target, name, function)


def main() -> int:
    project_dir, db_path = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    started = time.perf_counter()
    import great_expectations  # noqa: F401  the fixed import cost, measured apart

    from market_warehouse.project import Project
    from market_warehouse.validation import validate
    import_seconds = time.perf_counter() - started

    sql_seconds_cold, _ = bare_sql_checks(project_dir, db_path)  # warms the OS file cache for both
    queries = GXQueries()
    started = time.perf_counter()
    report = validate(Project(project_dir), db_path, "bench")
    gx_seconds = time.perf_counter() - started
    queries.stop()
    sql_seconds, counts = bare_sql_checks(project_dir, db_path)
    gx_counts = {f"{r.suite}|{r.rule}|{r.title}": r.unexpected_count for r in report.results}
    mismatches = {key: {"gx": gx_counts.get(key), "sql": count} for key, count in counts.items()
                  if gx_counts.get(key) is not None and gx_counts.get(key) != count}
    print(json.dumps({
        "gx_import_seconds": round(import_seconds, 3),
        "gx_validate_seconds": round(gx_seconds, 3),
        "bare_sql_seconds": round(sql_seconds, 3),
        "bare_sql_cold_seconds": round(sql_seconds_cold, 3),
        "ratio_gx_to_sql": round(gx_seconds / sql_seconds, 2),
        # GX's own floor: the queries it sends (every metric of every expectation) and their time in DuckDB
        "gx_queries": queries.count,
        "gx_query_seconds": round(queries.seconds, 3),
        "n_rules": len(counts),
        "gx_errors": sum(r.status == "error" for r in report.results),
        "count_mismatches": mismatches,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
