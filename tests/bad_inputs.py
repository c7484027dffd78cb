"""A corpus of malformed seed files. Each case breaks one seed in one way and says where the error must
point: the file, and the row (line in the file, header = 1) and column, or the rule that fails.

Used by the fast pre-flight tests and by the end-to-end publish tests, which also check that the
published warehouse is left byte-for-byte unchanged.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BadInput:
    name: str
    seed: str
    mutate: Callable[[Path], None]
    row: int | None = None        # expected line number in the message
    column: str | None = None     # expected column in the message
    rule: str | None = None       # or: the failing rule / test named in the message
    caught_by: str = "check seeds"

    @property
    def expected_fragments(self) -> list[str]:
        fragments = [f"seeds/{self.seed}.csv"] if self.caught_by == "check seeds" else []
        if self.row is not None:
            fragments.append(f"row {self.row}")
        if self.column is not None:
            fragments.append(f"column '{self.column}'")
        if self.rule is not None:
            fragments.append(self.rule)
        return fragments


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(key: str, column: str, value: str) -> Callable[[Path], None]:
    """Set `column` of the row whose first cell is `key`."""
    def mutate(path: Path) -> None:
        rows = _rows(path)
        index = rows[0].index(column)
        matches = [row for row in rows[1:] if row[0] == key]
        assert len(matches) == 1, f"{path.name}: no single row with key {key!r}"
        matches[0][index] = value
        _write_rows(path, rows)
    return mutate


def line_of(seed_dir: Path, seed: str, key: str) -> int:
    """Line number of the row whose first cell is `key` (the seeds keep one record per line)."""
    lines = (seed_dir / f"{seed}.csv").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.split(",", 1)[0] == key)


def write_text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


def keep_header_only(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


def drop_column(column: str) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        rows = _rows(path)
        index = rows[0].index(column)
        _write_rows(path, [row[:index] + row[index + 1:] for row in rows])
    return mutate


def rename_column(column: str, new_name: str) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        rows = _rows(path)
        rows[0][rows[0].index(column)] = new_name
        _write_rows(path, rows)
    return mutate


def duplicate_row(key: str) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        rows = _rows(path)
        rows.append(next(row for row in rows[1:] if row[0] == key))
        _write_rows(path, rows)
    return mutate


def prepend_bytes(prefix: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(prefix + path.read_bytes())


def end_last_row_with_crlf(path: Path) -> None:
    """As a spreadsheet or Python's csv module appends a row to a file written with LF line endings."""
    data = path.read_bytes()
    assert data.endswith(b"\n") and b"\r" not in data
    path.write_bytes(data[:-1] + b"\r\n")


def replace_bytes(old: bytes, new: bytes) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        data = path.read_bytes()
        assert old in data
        path.write_bytes(data.replace(old, new, 1))
    return mutate


def use_delimiter(delimiter: str) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(_rows(path))
        path.write_text(buffer.getvalue(), encoding="utf-8")
    return mutate


def append_line(line: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def add_columns(count: int) -> Callable[[Path], None]:
    """Append `count` extra columns (header and every row)."""
    def mutate(path: Path) -> None:
        rows = _rows(path)
        rows[0] += [f"extra_{i}" for i in range(count)]
        for row in rows[1:]:
            row += [""] * count
        _write_rows(path, rows)
    return mutate


def replace_with_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def replace_with_fifo(path: Path) -> None:
    """A named pipe: opening it to read blocks until a writer comes; the check must not hang on it."""
    path.unlink()
    os.mkfifo(path)


def corpus(seed_dir: Path) -> list[BadInput]:
    """The cases, with expected rows looked up in the pristine seeds at `seed_dir`."""
    def line(seed: str, key: str) -> int:
        return line_of(seed_dir, seed, key)

    n_sources = len((seed_dir / "sources.csv").read_text(encoding="utf-8").splitlines())
    n_countries = len((seed_dir / "countries.csv").read_text(encoding="utf-8").splitlines())
    n_revenue = len((seed_dir / "player_revenue.csv").read_text(encoding="utf-8").splitlines())
    return [
        BadInput("non-numeric value", "market_claims", set_cell("s1-size-2023", "value", "sixty-two"),
                 line("market_claims", "s1-size-2023"), "value"),
        BadInput("non-integer year", "market_claims", set_cell("s2-size-2024", "year", "20x4"),
                 line("market_claims", "s2-size-2024"), "year"),
        BadInput("invalid boolean", "market_claims", set_cell("s1-cagr", "is_headline", "yes"),
                 line("market_claims", "s1-cagr"), "is_headline"),
        BadInput("invalid date", "sources", set_cell("S2", "accessed_on", "2026-13-45"),
                 line("sources", "S2"), "accessed_on"),
        BadInput("empty file", "regions", write_text(""), rule="file is empty"),
        BadInput("header only", "players", keep_header_only, rule="has a header but no rows"),
        BadInput("missing column", "market_claims", drop_column("unit"), 1, "unit"),
        BadInput("renamed column", "sources", rename_column("url", "link"), 1, "url"),
        BadInput("duplicate key", "sources", duplicate_row("S1"), n_sources + 1, "source_id"),
        BadInput("duplicate compound key", "countries", duplicate_row("rmf-1923674"), n_countries + 1,
                 "source_id, label_position"),
        BadInput("UTF-8 byte-order mark", "markets", prepend_bytes(b"\xef\xbb\xbf"), 1, rule="byte-order mark"),
        BadInput("last row ending in CRLF, the others in LF", "sources", end_last_row_with_crlf, n_sources,
                 rule="both line endings"),
        BadInput("non-UTF-8 byte", "players", replace_bytes(b"Mostly a small", b"Mostly a sm\xe4ll"),
                 line("players", "siegfried"), "note"),
        BadInput("wrong delimiter", "regions", use_delimiter(";"), 1, rule="not comma-separated"),
        BadInput("shares summing to 99", "market_claims", set_cell("rmf-share-north-america", "value", "44"),
                 rule="values_sum_to_100", caught_by="dbt build"),
        BadInput("negative revenue", "player_revenue", set_cell("catalent-2022-group", "value", "-4.83"),
                 line("player_revenue", "catalent-2022-group"), "value"),
        BadInput("CAGR of 900 %", "market_claims", set_cell("s2-cagr", "value", "900"),
                 line("market_claims", "s2-cagr"), rule="metric <> 'cagr'"),
        BadInput("unknown region", "market_claims", set_cell("s4-share-north-america-2024", "region_id", "ANTARCTICA"),
                 line("market_claims", "s4-share-north-america-2024"), "region_id"),
        BadInput("unknown ISO country code", "countries", replace_bytes(b",ARG,LATAM,", b",XAR,LATAM,"),
                 line("countries", "rmf-1923674") + 18, "iso3"),
        BadInput("year outside the forecast window", "markets", set_cell("biopharma_cmo_cro", "base_year", "2040"),
                 2, rule="base_year between forecast_start_year and forecast_end_year"),
        BadInput("year outside any plausible range", "market_claims", set_cell("s3-size-2033", "year", "2233"),
                 line("market_claims", "s3-size-2033"), "year"),
        BadInput("claim pointing to a missing source", "market_claims", set_cell("s4-size-2030", "source_id", "S9"),
                 line("market_claims", "s4-size-2030"), "source_id"),
        BadInput("very long string", "sources", set_cell("S3", "note", "x" * 5000), line("sources", "S3"), "note"),
        BadInput("unterminated quote", "segments", replace_bytes(b",Biosimilars,", b',"Biosimilars,'),
                 rule="segments.csv"),
        BadInput("embedded newline in a key", "players", replace_bytes(b"\nlonza,Lonza,", b'\n"lon\nza",Lonza,'),
                 line("players", "lonza"), "player_id"),
        BadInput("embedded quote in a key", "market_players", replace_bytes(b",catalent,", b',"cat""alent",'),
                 line("market_players", "biopharma_cmo_cro") + 4, "player_id"),
        BadInput("revenue of an unknown player", "player_revenue", set_cell("icon-2024-group", "player_id", "acme"),
                 line("player_revenue", "icon-2024-group"), "player_id"),
        BadInput("row with an extra field", "player_revenue", append_line("x" + "," * 15), n_revenue + 1,
                 rule="fields"),
        BadInput("unknown currency", "player_revenue", set_cell("wuxi-2024-group", "currency", "XYZ"),
                 line("player_revenue", "wuxi-2024-group"), "currency"),
        BadInput("metric not in the accepted list", "market_claims", set_cell("s4-cagr", "metric", "growth"),
                 line("market_claims", "s4-cagr"), "metric"),
        BadInput("required cell empty", "sources", set_cell("S4", "url", ""), line("sources", "S4"), "url"),
        BadInput("negative FX rate", "fx_rates", set_cell("CHF", "usd_per_unit", "-1.136"),
                 line("fx_rates", "CHF"), "usd_per_unit"),
        BadInput("region with an unknown parent", "regions", set_cell("CN", "parent_region_id", "ASIA"),
                 line("regions", "CN"), "parent_region_id"),
        # Stricter values: ASCII numbers, ASCII keys (code point named), no bidi controls, http(s) URLs only.
        BadInput("underscore inside a number", "market_claims", set_cell("s1-size-2023", "value", "6_2.5"),
                 line("market_claims", "s1-size-2023"), "value"),
        BadInput("Arabic-Indic digits", "market_claims", set_cell("s1-size-2023", "value", "\u0666\u0662.\u0665"),
                 line("market_claims", "s1-size-2023"), "value"),
        BadInput("full-width digits in a year", "market_claims", set_cell("s2-size-2024", "year", "\uff12\uff10\uff12\uff14"),
                 line("market_claims", "s2-size-2024"), "year"),
        BadInput("look-alike Cyrillic letter in a key", "market_claims", set_cell("s1-cagr", "source_id", "\u04051"),
                 line("market_claims", "s1-cagr"), "source_id", rule="U+0405"),
        BadInput("right-to-left override in a text", "sources", set_cell("S3", "note", "report \u202efdp.exe"),
                 line("sources", "S3"), "note", rule="U+202E"),
        BadInput("javascript: URL", "sources", set_cell("S2", "url", "javascript:alert(1)"),
                 line("sources", "S2"), "url"),
        BadInput("data: URL", "sources", set_cell("S1", "url", "data:text/html,<script>alert(1)</script>"),
                 line("sources", "S1"), "url"),
        BadInput("10,000 unknown columns", "markets", add_columns(10_000), 1, rule="10000 unknown columns"),
        BadInput("a folder named like a seed", "fx_rates", replace_with_folder, rule="is a folder"),
        BadInput("a FIFO named like a seed", "fx_rates", replace_with_fifo, rule="is a FIFO"),
    ]
