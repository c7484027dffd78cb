"""A SQLAlchemy dialect that lets Great Expectations (GX Core 1.x) validate DuckDB files read-only.

Importing this module registers the URL scheme `duckdb_readonly://`. Three fixes over duckdb_engine:

* The file name is a file name: read_only_url() percent-encodes it, and the dialect decodes it and always
  opens read-only, so a `?` or `#` in the name is part of the name, never a query that could set
  access_mode=read_write or open another file.

* No transactions. GX's execute_query() closes its connection before the caller fetches rows;
  duckdb_engine uses one DuckDB connection as connection and cursor, so the ROLLBACK on close
  discards the pending result and every metric fails ('list index out of range'). Read-only
  validation needs no transactions, so begin / commit / rollback do nothing.
* Column reflection without pg_catalog.pg_collation, which SQLAlchemy >= 2.0.45 selects and DuckDB
  1.4 lacks (duckdb_engine issues 1379 / 1391). Without it GX falls back to a query without the
  schema, and every column expectation on a table outside `main` errors.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote

import duckdb_engine
from sqlalchemy import sql
from sqlalchemy.dialects import registry

SCHEME = "duckdb_readonly"


class ReadOnlyDuckDBDialect(duckdb_engine.Dialect):
    supports_statement_cache = False  # as the parent; declared so SQLAlchemy does not warn

    def create_connect_args(self, url):
        return (), {"database": unquote(url.database), "url_config": {"access_mode": "read_only"}}

    def do_begin(self, dbapi_connection) -> None:
        pass

    def do_rollback(self, dbapi_connection) -> None:
        pass

    def do_commit(self, dbapi_connection) -> None:
        pass

    def _columns_query(self, schema, has_filter_names, scope, kind):
        query = super()._columns_query(schema, has_filter_names, scope, kind)
        return query.with_only_columns(*(
            sql.null().label("collation") if column.name == "collation" else column
            for column in query.selected_columns
        ))


registry.register(SCHEME, __name__, ReadOnlyDuckDBDialect.__name__)


def read_only_url(db_path: Path) -> str:
    return f"{SCHEME}:///{quote(str(Path(db_path).resolve()), safe='/')}"
