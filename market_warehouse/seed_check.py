"""Pre-flight check of the input CSVs, before dbt touches them.

dbt loads seeds through agate and DuckDB, whose errors name neither the file's row nor its column. This
check applies the same contract - column types from dbt_project.yml, tests from
seeds/_seeds__properties.yml - and reports every violation as "file, row N, column 'c': problem".
dbt's own tests run again on the built tables; this step only makes bad input fail early and clearly.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

import duckdb
import pandas
import pycountry
import yaml

from market_warehouse.hierarchy_check import hierarchy_problems
from market_warehouse.project import Project
from market_warehouse.seed_problem import SeedProblem
from market_warehouse.value_bounds import bound_problems, bounded_columns

MAX_CELL_CHARS = 2000  # longer is a broken quote swallowing rows, not a curated fact
MAX_COLUMNS_LISTED = 20  # a file with thousands of stray columns gets one message, not thousands
KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")
# ASCII digits only: Python's int() and float() also take '6_2.5', Arabic-Indic and full-width digits,
# which DuckDB's loader then refuses or reads otherwise.
INTEGER_PATTERN = re.compile(r"[+-]?[0-9]+")
NUMBER_PATTERN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# The one URL shape the reports may turn into a link (macros/generic_tests/is_http_url.sql says the same).
HTTP_URL_PATTERN = re.compile(r"https?://\S+", re.IGNORECASE)
# Invisible characters that reorder how text is displayed ('fdp.exe' shown as 'exe.pdf').
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
REF_PATTERN = re.compile(r"""ref\(\s*['"](\w+)['"]\s*\)""")
UTF8_BOM = b"\xef\xbb\xbf"
DUCKDB_TYPES = {"varchar": "VARCHAR", "integer": "INTEGER", "double": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}
# dbt_project.yml types text columns `string`: the one spelling both DuckDB and Spark accept (Spark's
# VARCHAR needs a length).
TYPE_SYNONYMS = {"string": "varchar"}


class SeedCheckError(Exception):
    def __init__(self, problems: list[SeedProblem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class SeedContract:
    name: str
    column_types: dict[str, str]
    column_tests: dict[str, list]
    table_tests: list

    @cached_property
    def ascii_columns(self) -> set[str]:
        """Keys and columns with accepted values: ASCII only, so a look-alike letter cannot pass for another."""
        return self.key_columns | {column for column, tests in self.column_tests.items()
                                   if any(_test_name(test) == "accepted_values" for test in tests)}

    @cached_property
    def key_columns(self) -> set[str]:
        keys = set()
        for column, tests in self.column_tests.items():
            if any(_test_name(test) in ("unique", "relationships") for test in tests):
                keys.add(column)
        for test in self.table_tests:
            if _test_name(test) == "unique_combination":
                keys.update(_test_args(test)["columns"])
        return keys

    @cached_property
    def row_key(self) -> str | None:
        """The column that names a row on its own (claim_id), if any."""
        return next((column for column in self.column_types if self.column_has_test(column, "unique")), None)

    def column_has_test(self, column: str, name: str) -> bool:
        return any(_test_name(test) == name for test in self.column_tests.get(column, []))

    def unique_within(self, column: str) -> tuple[str, ...]:
        """The other columns `column` is unique together with (empty: unique on its own, or not a key)."""
        for test in self.table_tests:
            columns = _test_args(test).get("columns", [])
            if _test_name(test) == "unique_combination" and column in columns:
                return tuple(other for other in columns if other != column)
        return ()


# libyaml's parser when PyYAML was built with it (its wheels are): the seeds' YAML is long, and PyYAML's pure-Python
# parser takes a fifth of a second to read it, once per seed check and per draft
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_contracts(project: Project) -> dict[str, SeedContract]:
    """The seed contract as dbt sees it: column_types in dbt_project.yml, tests in the seeds' YAML."""
    dbt_project = _read_yaml(project.root / "dbt_project.yml")
    seed_configs = dbt_project["seeds"][dbt_project["name"]]
    properties = _read_yaml(project.seeds_dir / "_seeds__properties.yml")
    contracts = {}
    for seed in properties["seeds"]:
        name = seed["name"]
        contracts[name] = SeedContract(
            name=name,
            column_types={column: TYPE_SYNONYMS.get(type_.lower(), type_.lower())
                          for column, type_ in seed_configs[name]["+column_types"].items()},
            column_tests={column["name"]: column.get("data_tests", []) for column in seed.get("columns", [])},
            table_tests=seed.get("data_tests", []),
        )
    return contracts


def _read_yaml(path: Path):
    """A YAML file parsed once while it is unchanged (same size and modification time): a draft asks for the seed
    contracts four times and a test session hundreds of times. Callers only read what it returns."""
    info = path.stat()
    return _parsed_yaml(path, info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=8)
def _parsed_yaml(path: Path, mtime_ns: int, size: int):
    """mtime_ns and size only key the cache: a file changed since is read again."""
    return yaml.load(path.read_text(), Loader=SAFE_LOADER)


def check_seeds(project: Project, inputs_dir: Path | None = None) -> None:
    """Raise SeedCheckError listing every problem of every input CSV; return quietly when all is well.

    inputs_dir (the input_folder var) may hold <seed>.parquet files instead of <seed>.csv: they are checked
    against the same contract, in SQL, with rows counted from 1 (a Parquet file has no header line)."""
    inputs_dir = inputs_dir or project.seeds_dir
    contracts = load_contracts(project)
    problems: list[SeedProblem] = []
    connection = duckdb.connect()
    _register_reference_tables(connection)
    loaded = []
    labels = {}
    for contract in contracts.values():
        path = inputs_dir / f"{contract.name}.csv"
        parquet_path = path.with_suffix(".parquet")
        kind_problems = [problem for candidate in (path, parquet_path)
                         if (problem := _not_a_regular_file(candidate, _label(candidate, project)))]
        if kind_problems:
            problems += kind_problems
            continue
        if parquet_path.exists():  # an input folder may hold <seed>.parquet instead (the input_folder var)
            label = labels[contract.name] = _label(parquet_path, project)
            file_problems = (_load_parquet(connection, parquet_path, label, contract) if not path.exists() else
                             [SeedProblem(label, None, None, f"{path.name} is there too; keep one of the two")])
            problems += file_problems
            if not file_problems:
                loaded.append(contract)
            continue
        label = labels[contract.name] = _label(path, project)
        rows, file_problems = _read_typed_rows(path, label, contract)
        problems += file_problems
        if not file_problems:
            _load(connection, contract, rows)
            loaded.append(contract)
    problems += _check_loaded(connection, loaded, labels)
    if problems:
        raise SeedCheckError(sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or "")))


def _check_loaded(connection, loaded: list[SeedContract], labels: dict[str, str]) -> list[SeedProblem]:
    """The seed tests, the hierarchies and the bounds of every number, on the inputs that loaded."""
    loaded_names = {contract.name for contract in loaded}
    for contract in loaded:
        # Staging views carry the seed's name with stg_ in front; relationships may point at either.
        connection.execute(f'create view "stg_{contract.name}" as select * from "{contract.name}"')
    problems = []
    for contract in loaded:
        label = labels[contract.name]
        problems += _run_tests(connection, contract, label, loaded_names)
        problems += hierarchy_problems(connection, contract, label)
        problems += bound_problems(connection, contract.name, label, contract.row_key)
    return problems


def input_files(project: Project, inputs_dir: Path | None = None) -> dict[str, Path]:
    """The files a build loads, by label (path relative to the project where it is inside): per seed its
    .parquet if there is one, else its .csv. Only regular files; the check reports anything else."""
    inputs_dir = inputs_dir or project.seeds_dir
    files = {}
    for name in load_contracts(project):
        for path in (inputs_dir / f"{name}.parquet", inputs_dir / f"{name}.csv"):
            try:
                if stat.S_ISREG(os.stat(path).st_mode):
                    files[_label(path, project)] = path
                    break
            except OSError:
                continue
    return files


def _label(path: Path, project: Project) -> str:
    try:
        return str(path.relative_to(project.root))
    except ValueError:
        return str(path)


def _not_a_regular_file(path: Path, label: str) -> SeedProblem | None:
    """A folder, FIFO, socket or device named like a seed: reading it would fail or hang (a FIFO blocks
    until something writes to it). stat() never blocks."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return SeedProblem(label, None, None, f"cannot be read: {error.strerror}")
    if stat.S_ISREG(mode):
        return None
    kind = ("a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            "a special file")
    return SeedProblem(label, None, None, f"is {kind}, not a regular file; remove it or put the {path.suffix[1:].upper()} file there")


def _unknown_columns(label: str, unknown: list[str], expected: list[str]) -> list[SeedProblem]:
    """One message for all unknown columns, listing at most MAX_COLUMNS_LISTED of them."""
    if not unknown:
        return []
    listed = ", ".join(repr(column) for column in unknown[:MAX_COLUMNS_LISTED])
    more = f" and {len(unknown) - MAX_COLUMNS_LISTED} more" if len(unknown) > MAX_COLUMNS_LISTED else ""
    noun = "column" if len(unknown) == 1 else "columns"
    return [SeedProblem(label, 1, None, f"{len(unknown)} unknown {noun}: {listed}{more}; expected only: {', '.join(expected)}")]


def _read_typed_rows(path: Path, label: str, contract: SeedContract) -> tuple[list[tuple], list[SeedProblem]]:
    if not path.exists():
        return [], [SeedProblem(label, None, None, "file is missing")]
    text, problem = _decoded(path.read_bytes(), label, contract)
    if problem:
        return [], [problem]
    # The csv module's own field limit (131,072 characters) would call a long cell broken quoting; let it
    # read the cell, so MAX_CELL_CHARS reports it with its length.
    csv.field_size_limit(max(len(text) + 1, csv.field_size_limit()))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        return [], [SeedProblem(label, 1, None, f"unreadable header: {error}")]
    problems = _header_problems(header, label, contract)
    if problems:
        return [], problems
    rows, problems = _typed_records(reader, header, label, contract)
    if not rows and not problems:
        problems.append(SeedProblem(label, None, None, "has a header but no rows"))
    return rows, problems


def _decoded(raw: bytes, label: str, contract: SeedContract) -> tuple[str, SeedProblem | None]:
    """The file's text, or the problem that stops it being read: a BOM, bytes that are not UTF-8, no text."""
    if raw.startswith(UTF8_BOM):
        return "", SeedProblem(label, 1, None, "starts with a UTF-8 byte-order mark (BOM); save it as plain UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return "", _not_utf8(raw, error, label)
    if not text.strip():
        return "", SeedProblem(label, None, None, f"file is empty; expected a header: {','.join(contract.column_types)}")
    return text, _mixed_line_endings(text, label)


def _mixed_line_endings(text: str, label: str) -> SeedProblem | None:
    """Rows ending in CRLF beside rows ending in LF (rows appended by a spreadsheet or Python's csv module):
    Python reads that, but DuckDB's CSV reader, which dbt seed uses, refuses the whole file."""
    crlf, bare_lf = re.search(r"\r\n", text), re.search(r"(?<!\r)\n", text)
    if not crlf or not bare_lf:
        return None
    # The first line that ends unlike the lines before it.
    odd, ending, other = (crlf, "CRLF", "LF") if crlf.start() > bare_lf.start() else (bare_lf, "LF", "CRLF")
    row = text.count("\n", 0, odd.start()) + 1
    return SeedProblem(label, row, None, f"ends in {ending} where the rows before it end in {other}; dbt's loader "
                       "refuses a file with both line endings: save it with one kind throughout")


def _not_utf8(raw: bytes, error: UnicodeDecodeError, label: str) -> SeedProblem:
    """The first byte that is not UTF-8, with its row and (below the header) its column."""
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    row = raw.count(b"\n", 0, error.start) + 1
    header = raw.split(b"\n", 1)[0].decode("utf-8", "replace").strip().split(",")
    index = raw[line_start:error.start].count(b",")
    column = header[index] if row > 1 and index < len(header) else None
    return SeedProblem(label, row, column, f"byte 0x{raw[error.start]:02x} is not valid UTF-8")


def _header_problems(header: list[str], label: str, contract: SeedContract) -> list[SeedProblem]:
    """Another separator, missing, unknown or repeated columns."""
    if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
        return [SeedProblem(label, 1, None, f"header is not comma-separated: {header[0]!r}")]
    expected = list(contract.column_types)
    problems = [SeedProblem(label, 1, column, "column is missing from the header")
                for column in expected if column not in header]
    problems += _unknown_columns(label, [column for column in header if column not in contract.column_types], expected)
    duplicated = {column for column in header if header.count(column) > 1}
    problems += [SeedProblem(label, 1, column, "column appears twice in the header") for column in sorted(duplicated)]
    return problems


def _typed_records(reader, header: list[str], label: str, contract: SeedContract) -> tuple[list[tuple], list[SeedProblem]]:
    """Each record below the header as (row number, typed values in contract order); a quoting error ends
    the reading, since every row after it would be misread."""
    positions = [header.index(column) for column in contract.column_types]
    rows, problems = [], []
    while True:
        row_number = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(SeedProblem(label, row_number, None, f"broken CSV quoting: {error}"))
            break
        if not record:
            continue
        if len(record) != len(header):
            problems.append(SeedProblem(
                label, row_number, None, f"has {len(record)} fields, the header has {len(header)}"))
            continue
        values, cell_problems = _typed_values([record[position] for position in positions], row_number, label, contract)
        problems += cell_problems
        rows.append((row_number, *values))
    return rows, problems


def _typed_values(cells: list[str], row_number: int, label: str, contract: SeedContract) -> tuple[list, list[SeedProblem]]:
    values, problems = [], []
    for column, cell in zip(contract.column_types, cells, strict=True):
        value, problem = _parse_cell(cell, contract.column_types[column], column in contract.key_columns,
                                     column in contract.ascii_columns)
        if problem:
            problems.append(SeedProblem(label, row_number, column, problem))
        values.append(value)
    return values, problems


def _parse_cell(cell: str, type_: str, is_key: bool, is_ascii: bool = False):
    """Return (value, problem). An empty cell is NULL, as when dbt loads the seed."""
    if problem := _text_problem(cell):
        return None, problem
    if cell.strip() == "":
        return None, None
    if problem := _key_problem(cell, is_key, is_ascii):
        return None, problem
    parse = CELL_PARSERS.get(type_)
    if parse is None:  # text
        return cell, None
    try:
        return parse(cell.strip()), None
    except ValueError:
        hint = " (ASCII digits 0-9 with an optional sign, '.' and exponent; no '_' or other scripts' digits)" \
            if type_ in ("integer", "double") else ""
        return None, f"{cell[:80]!r} is not a valid {type_}{hint}"


def _text_problem(cell: str) -> str | None:
    """What no cell may hold, whatever its type."""
    if "\n" in cell or "\r" in cell:
        return "contains a line break (a quote left open?)"
    if len(cell) > MAX_CELL_CHARS:
        return f"is {len(cell)} characters long; the limit is {MAX_CELL_CHARS}"
    return bidi_problem(cell)


def _key_problem(cell: str, is_key: bool, is_ascii: bool) -> str | None:
    if (is_key or is_ascii) and (problem := non_ascii_problem(cell)):
        return problem
    if is_key and not KEY_PATTERN.match(cell):
        return f"{cell!r} is not a valid key (letters, digits, '_', '-', '.', ':' only)"
    return None


def _parse_integer(text: str) -> int:
    if not INTEGER_PATTERN.fullmatch(text):
        raise ValueError(text)
    return int(text)


def _parse_double(text: str) -> float:
    if not NUMBER_PATTERN.fullmatch(text):
        raise ValueError(text)
    number = float(text)
    if not math.isfinite(number):  # 1e999 matches the pattern and overflows to inf
        raise ValueError(text)
    return number


def _parse_boolean(text: str) -> bool:
    if text.lower() not in ("true", "false"):
        raise ValueError(text)
    return text.lower() == "true"


# The parser of each non-text type of the contract; each raises ValueError on a cell dbt would not load.
CELL_PARSERS = {"integer": _parse_integer, "double": _parse_double, "boolean": _parse_boolean,
                "date": date.fromisoformat}


def bidi_problem(cell: str) -> str | None:
    for position, character in enumerate(cell, start=1):
        if character in BIDI_CONTROLS:
            return (f"contains the invisible bidirectional control character U+{ord(character):04X} at position "
                    f"{position}; it makes text display in another order than it is stored: remove it")
    return None


def non_ascii_problem(cell: str) -> str | None:
    for position, character in enumerate(cell, start=1):
        if not character.isascii():
            return (f"{cell[:80]!r} has {character!r} (U+{ord(character):04X}) at position {position}, which is not "
                    "ASCII; keys and codes are ASCII only (a look-alike letter from another script?)")
    return None


def _load(connection, contract: SeedContract, rows: list[tuple]) -> None:
    columns = ", ".join(f'"{column}" {DUCKDB_TYPES[type_]}' for column, type_ in contract.column_types.items())
    connection.execute(f'create table "{contract.name}" (_row integer, {columns})')
    if rows:
        # One vectorised insert from a DataFrame: executemany goes row by row (minutes at scale).
        # dtype=object keeps the parsed Python values (None stays NULL, ints stay ints).
        frame = pandas.DataFrame(rows, columns=["_row", *contract.column_types], dtype=object)
        connection.register("parsed_rows", frame)
        connection.execute(f'insert into "{contract.name}" select * from parsed_rows')
        connection.unregister("parsed_rows")


def _load_parquet(connection, path: Path, label: str, contract: SeedContract) -> list[SeedProblem]:
    """The Parquet counterpart of _read_typed_rows + _load, in SQL: same columns, types, key and cell rules.
    Empty or blank text is NULL, as an empty CSV cell is."""
    source = f"read_parquet('{str(path).replace(chr(39), chr(39) * 2)}', file_row_number = true)"
    try:
        header = [row[0] for row in connection.execute(f"describe select * exclude (file_row_number) from {source}").fetchall()]
    except duckdb.Error as error:
        return [SeedProblem(label, None, None, f"not a readable Parquet file: {str(error).splitlines()[0]}")]
    expected = list(contract.column_types)
    problems = [SeedProblem(label, None, column, "column is missing from the file") for column in expected
                if column not in header]
    problems += _unknown_columns(label, [column for column in header if column not in contract.column_types], expected)
    if problems:
        return problems
    for column, condition, message in _parquet_cell_checks(contract):
        for row, cell in connection.execute(
                f'select file_row_number + 1, {_parquet_text(column)} from {source} where {condition} order by 1').fetchall():
            problems.append(SeedProblem(label, row, column,
                                        message(cell) if callable(message) else f"{str(cell)[:80]!r} {message}"))
    if problems:
        return problems
    if not connection.execute(f"select count(*) from {source}").fetchone()[0]:
        return [SeedProblem(label, None, None, "has no rows")]
    columns = ", ".join(f'cast({_parquet_text(column)} as {DUCKDB_TYPES[type_]}) as "{column}"'
                        for column, type_ in contract.column_types.items())
    connection.execute(f'create table "{contract.name}" as select cast(file_row_number + 1 as integer) as _row, '
                       f'{columns} from {source}')
    return []


def _parquet_text(column: str) -> str:
    """The column as text, blank as NULL (as an empty CSV cell)."""
    return f"""case when trim(cast("{column}" as varchar)) = '' then null else cast("{column}" as varchar) end"""


def _parquet_cell_checks(contract: SeedContract) -> list[tuple]:
    """(column, SQL condition of a bad cell, message: a function of the cell or the text after it) for each rule
    _parse_cell applies to a CSV cell."""
    checks = []
    bidi_class = "[" + "".join(BIDI_CONTROLS) + "]"
    for column, type_ in contract.column_types.items():
        value = _parquet_text(column)
        checks.append((column, f"regexp_matches({value}, '{bidi_class}')", bidi_problem))
        if column in contract.ascii_columns:
            checks.append((column, f"regexp_matches({value}, '[^\\x00-\\x7f]')", non_ascii_problem))
        checks += _parquet_type_checks(column, type_, value)
        if column in contract.key_columns:
            checks.append((column, f"not regexp_full_match({value}, '{KEY_PATTERN.pattern[1:-1]}')",
                           "is not a valid key (letters, digits, '_', '-', '.', ':' only)"))
    return checks


def _parquet_type_checks(column: str, type_: str, value: str) -> list[tuple]:
    if type_ == "varchar":
        return [(column, f"strpos({value}, chr(10)) > 0 or strpos({value}, chr(13)) > 0",
                 "contains a line break (a quote left open?)"),
                (column, f"length({value}) > {MAX_CELL_CHARS}", f"is longer than {MAX_CELL_CHARS} characters, the limit")]
    typed = f"try_cast({value} as {DUCKDB_TYPES[type_]})"
    # What try_cast lets through that the CSV parser refuses: 2.5 as an integer, inf, other spellings of a boolean.
    stricter = {"integer": f" or try_cast({value} as double) <> {typed}",
                "double": f" or not isfinite({typed})",
                "boolean": f" or lower(trim({value})) not in ('true', 'false')"}
    return [(column, f"{value} is not null and ({typed} is null{stricter.get(type_, '')})", f"is not a valid {type_}")]


def _register_reference_tables(connection) -> None:
    """The ISO tables dbt builds as Python models from pycountry (each from one list parameter: a row-by-row
    executemany took a twentieth of a second, once per seed check and so per draft)."""
    connection.execute("create table stg_iso3166__countries as select unnest(?::varchar[]) as iso3",
                       [[c.alpha_3 for c in pycountry.countries]])
    connection.execute("create table stg_iso4217__currencies as select unnest(?::varchar[]) as currency",
                       [[c.alpha_3 for c in pycountry.currencies]])


def _test_name(test) -> str:
    return test if isinstance(test, str) else next(iter(test))


def _test_args(test) -> dict:
    if isinstance(test, str):
        return {}
    spec = test[_test_name(test)] or {}
    return spec.get("arguments", spec)


def _sql_literal(value) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def _unbounded_tests(seed: str, column: str, tests: list) -> list:
    """A column's tests, without values_between where value_bounds.BOUNDS has the column's bound (as tight or
    tighter, and its message names the row's key)."""
    if (seed, column) not in bounded_columns():
        return tests
    return [test for test in tests if _test_name(test) != "values_between"]


def _run_tests(connection, contract: SeedContract, label: str, loaded: set[str]) -> list[SeedProblem]:
    on = _TestedInput(connection, f'"{contract.name}"', label, loaded)
    problems = []
    for column, tests in contract.column_tests.items():
        for test in _unbounded_tests(contract.name, column, tests):
            problems += _check_of(COLUMN_TESTS, test, label)(on, column, _test_args(test))
    for test in contract.table_tests:
        problems += _check_of(TABLE_TESTS, test, label)(on, _test_args(test))
    return problems


def _check_of(checks: dict, test, label: str):
    name = _test_name(test)
    if name not in checks:
        raise ValueError(f"{label}: seed test {name!r} has no pre-flight check; add one in seed_check.py")
    return checks[name]


@dataclass(frozen=True)
class _TestedInput:
    """One loaded input under its seed tests: the table, its label in messages, and the inputs that loaded."""
    connection: duckdb.DuckDBPyConnection
    table: str
    label: str
    loaded: set[str]

    def failing(self, sql: str) -> list[tuple]:
        return self.connection.execute(sql).fetchall()

    def problem(self, row: int, column: str | None, message: str) -> SeedProblem:
        return SeedProblem(self.label, row, column, message)


def _not_null(on: _TestedInput, column: str, args: dict) -> list[SeedProblem]:
    return [on.problem(row, column, "is empty but is required")
            for (row,) in on.failing(f'select _row from {on.table} where "{column}" is null')]


def _unique(on: _TestedInput, column: str, args: dict) -> list[SeedProblem]:
    col = f'"{column}"'
    sql = (f"select _row, {col}, min(_row) over (partition by {col}) from {on.table} "
           f"where {col} in (select {col} from {on.table} group by {col} having count(*) > 1)")
    return [on.problem(row, column, f"duplicate key {value!r} (first on row {first})")
            for row, value, first in on.failing(sql) if row != first]


def _accepted_values(on: _TestedInput, column: str, args: dict) -> list[SeedProblem]:
    values = ", ".join(_sql_literal(v) for v in args["values"])
    return [on.problem(row, column, f"{value!r} is not one of: {', '.join(map(str, args['values']))}")
            for row, value in on.failing(f'select _row, "{column}" from {on.table} where "{column}" not in ({values})')]


def _values_between(on: _TestedInput, column: str, args: dict) -> list[SeedProblem]:
    low, high = args["min_value"], args["max_value"]
    sql = f'select _row, "{column}" from {on.table} where "{column}" < {low} or "{column}" > {high}'
    return [on.problem(row, column, f"{value!r} is outside [{low}, {high}]") for row, value in on.failing(sql)]


def _is_http_url(on: _TestedInput, column: str, args: dict) -> list[SeedProblem]:
    return [on.problem(row, column, f"{value[:80]!r} is not an http:// or https:// URL; other schemes "
                       "(javascript:, data:, file:) are refused")
            for row, value in on.failing(f'select _row, "{column}" from {on.table} where "{column}" is not null')
            if not HTTP_URL_PATTERN.fullmatch(value)]


def _relationships(on: _TestedInput, column: str, args: dict) -> list[SeedProblem]:
    target, field = REF_PATTERN.search(args["to"]).group(1), args["field"]
    if target.removeprefix("stg_") not in on.loaded and not target.startswith("stg_iso"):
        return []  # the target file has problems of its own, reported there
    sql = (f'select _row, "{column}" from {on.table} where "{column}" is not null '
           f'and "{column}" not in (select "{field}" from "{target}" where "{field}" is not null)')
    return [on.problem(row, column, f"{value!r} is not a known {field} of {target.removeprefix('stg_')}")
            for row, value in on.failing(sql)]


def _unique_combination(on: _TestedInput, args: dict) -> list[SeedProblem]:
    columns = ", ".join(f'"{c}"' for c in args["columns"])
    sql = (f"select _row, min(_row) over (partition by {columns}) from {on.table} "
           f"where ({columns}) in (select ({columns}) from {on.table} group by {columns} having count(*) > 1)")
    return [on.problem(row, ", ".join(args["columns"]), f"duplicate key (first on row {first})")
            for row, first in on.failing(sql) if row != first]


def _expression_is_true(on: _TestedInput, args: dict) -> list[SeedProblem]:
    return [on.problem(row, None, f"breaks the rule: {args['expression']}")
            for (row,) in on.failing(f"select _row from {on.table} where not ({args['expression']})")]


# The pre-flight twin of each dbt test the seeds' YAML may use, by test name; a test missing here stops the check.
COLUMN_TESTS = {"not_null": _not_null, "unique": _unique, "accepted_values": _accepted_values,
                "values_between": _values_between, "is_http_url": _is_http_url, "relationships": _relationships}
TABLE_TESTS = {"unique_combination": _unique_combination, "expression_is_true": _expression_is_true}
