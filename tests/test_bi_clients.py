"""docs/bi-clients.md "Query it from BI tools", run as a user would, on the published file of the session build.

* Every command of the section's ```bash blocks runs exactly as written, from a folder laid out like the
  checkout (`warehouse/` = the published warehouse, `.venv` = this venv, `.venv-bi` = the pinned clients of
  requirements-bi.txt, installed by the section's own install command into a cache keyed by the file's hash).
* Harlequin runs in a pseudo-terminal: with `-r` it shares the file; without, everyone else gets DuckDB's
  lock error, naming its PID as the README explains.
* DuckDB comments (persist_docs) equal the YAML descriptions; every staging and intermediate view works under
  another attach name; Superset's reflection works through the README's URL with the pinned client set, and
  fails as the README says with the project's own SQLAlchemy 2.0.54.
* Packaging: `pip install` of the project into a fresh venv gives the `market-warehouse` command.
"""
from __future__ import annotations

import ast
import fcntl
import hashlib
import json
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tempfile
import termios
import threading
import time
from pathlib import Path

import duckdb
import pytest
import yaml

from market_warehouse.project import PACKAGE_ROOT, copy_project

README = PACKAGE_ROOT / "docs" / "bi-clients.md"  # the recipes live beside the README
REQUIREMENTS_BI = PACKAGE_ROOT / "requirements-bi.txt"


def readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def bash_blocks(section: str) -> list[list[str]]:
    return [[line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
            for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


SECTION = readme_section("Query it from BI tools")
BLOCKS = bash_blocks(SECTION)
INSTALL = "python3 -m venv .venv-bi && .venv-bi/bin/pip install -r requirements-bi.txt"
HARLEQUIN = ".venv-bi/bin/harlequin -r warehouse/market.duckdb"
SUPERSET_COMMANDS = ["make superset", "make superset-stop"]  # run by tests/test_superset.py (make test-superset)
SUPERSET_URL = "duckdb:////absolute/path/to/warehouse/market.duckdb?access_mode=read_only"


def clean_env(**extra: str) -> dict[str, str]:
    """The user's environment: none of the variables the session build set for dbt."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MARKET_WAREHOUSE", "DBT_"))}
    return env | extra


def run(command: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=clean_env(),
                          timeout=timeout)


# --- what each README command must print (checked against the published file) -----------------------------

def check_duckdb_cli(out: str, warehouse) -> None:
    rows = warehouse.execute("select year, scenario, market_size_usd_bn from marts.fct_market_forecast "
                             "where market_id = 'biopharma_cmo_cro' and region_id = 'WORLD'").fetchall()
    assert f"{len(rows)} rows" in out
    for year, scenario, size in rows:
        assert re.search(rf"│\s+{year} │ {scenario}\s+│\s+{re.escape(repr(size))} │", out), (year, scenario, size)


def check_python(out: str, warehouse) -> None:
    n, ratio_2025 = warehouse.execute(
        "select count(*), max(max_to_min_ratio) filter (where year = 2025) from marts.fct_market_consensus "
        "where market_id = 'biopharma_cmo_cro'").fetchone()
    assert f"{n} rows" in out and "S1, S2, S3, S4" in out and repr(ratio_2025) in out


def check_attach(out: str, warehouse) -> None:
    for (market_id,) in warehouse.execute("select market_id from marts.dim_market").fetchall():
        assert market_id[:18] in out
    assert "3 rows" in out


def check_superset(out: str, warehouse) -> None:
    schemas, counts = (ast.literal_eval(line) for line in out.strip().splitlines()[-2:])
    assert {"market.marts", "market.staging", "market.intermediate", "market.raw", "market.audit"} <= set(schemas)
    expected = dict(warehouse.execute(
        "select table_name, count(*) from duckdb_columns() where schema_name = 'marts' group by all").fetchall())
    assert counts == expected


def check_pandas(out: str, warehouse) -> None:
    assert "biopharma_cmo_cro" in out and "[5 rows x 13 columns]" in out


def check_polars(out: str, warehouse) -> None:
    assert "shape: (5, 13)" in out and "market_id" in out


CLIENT_COMMANDS = {
    ".venv-bi/bin/duckdb -readonly warehouse/market.duckdb -c \"select year, scenario, market_size_usd_bn from "
    "marts.fct_market_forecast where market_id = 'biopharma_cmo_cro' and region_id = 'WORLD' order by year, "
    "scenario\"": check_duckdb_cli,
    ".venv/bin/python -c \"import duckdb; c = duckdb.connect('warehouse/market.duckdb', read_only=True); "
    "print(c.sql(\\\"select year, n_sources, median_size_usd_bn, max_to_min_ratio, source_ids from "
    "marts.fct_market_consensus where market_id = 'biopharma_cmo_cro' order by year\\\"))\"": check_python,
    ".venv/bin/python -c \"import duckdb; c = duckdb.connect(); c.execute(\\\"attach 'warehouse/market.duckdb' as "
    "wh (read_only)\\\"); print(c.sql('select * from wh.staging.stg_markets'))\"": check_attach,
    ".venv-bi/bin/python -c \"import os, sqlalchemy; i = sqlalchemy.inspect(sqlalchemy.create_engine('duckdb:///' "
    "+ os.path.abspath('warehouse/market.duckdb') + '?access_mode=read_only')); print(i.get_schema_names()); "
    "print({t: len(i.get_columns(t, schema='marts')) for t in i.get_table_names(schema='marts')})\"": check_superset,
    ".venv-bi/bin/python -c \"import pandas; print(pandas.read_parquet("
    "'warehouse/parquet/fct_market_forecast.parquet').head())\"": check_pandas,
    ".venv-bi/bin/python -c \"import polars; print(polars.read_parquet("
    "'warehouse/parquet/fct_market_forecast.parquet').head())\"": check_polars,
}


def test_the_readme_lists_exactly_the_commands_tested_here():
    assert BLOCKS == [SUPERSET_COMMANDS, [INSTALL], [*CLIENT_COMMANDS, HARLEQUIN]], (
        "README 'Query it from BI tools' changed: update CLIENT_COMMANDS in this file to match")
    assert SUPERSET_URL in SECTION
    assert "not tested here" in SECTION.split("DBeaver / Metabase")[1].split("\n")[0]
    assert SECTION.lstrip("\n").split("\n", 3)[2].startswith("**Superset: the BI path tested here.**")
    assert "\n**Publish first.**" in SECTION
    assert "`.venv/bin/python -m market_warehouse publish`" in SECTION


# --- fixtures: the pinned clients, and a folder laid out like the checkout ------------------------------

@pytest.fixture(scope="session")
def bi_venv() -> Path:
    """requirements-bi.txt installed by the README's own command, in a cache keyed by the file's content
    (a cold install downloads about 150 MB and takes a minute; a warm one only re-checks the pins)."""
    digest = hashlib.sha256(REQUIREMENTS_BI.read_bytes()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"market-warehouse-bi-{digest}"
    cache.mkdir(exist_ok=True)
    shutil.copy2(REQUIREMENTS_BI, cache / "requirements-bi.txt")
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two sessions at once install one after the other
        installed = run(INSTALL, cwd=cache, timeout=1800)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    return cache / ".venv-bi"


def checkout_like(root: Path, warehouse_dir: Path, bi_venv: Path, copy_warehouse: bool = False) -> Path:
    root.mkdir(parents=True)
    if copy_warehouse:  # a private copy, for the tools that take (or try to take) the write lock
        (root / "warehouse").mkdir()
        shutil.copy2(warehouse_dir / "market.duckdb", root / "warehouse" / "market.duckdb")
    else:
        (root / "warehouse").symlink_to(warehouse_dir)
    (root / ".venv").symlink_to(Path(sys.prefix))
    (root / ".venv-bi").symlink_to(bi_venv)
    return root


@pytest.fixture(scope="session")
def checkout(built_project, bi_venv, tmp_path_factory) -> Path:
    return checkout_like(tmp_path_factory.mktemp("bi") / "checkout", built_project.warehouse_dir, bi_venv)


@pytest.mark.parametrize("command", list(CLIENT_COMMANDS), ids=lambda c: c.split(" -c ")[0].split("/")[-1]
                         + ":" + re.sub(r"\W+", "_", c.split(" -c ")[-1][:40]))
def test_readme_client_command(command, checkout, warehouse, built_project):
    published = built_project.published_db.resolve()
    before = published.stat().st_mtime_ns
    result = run(command, cwd=checkout)
    assert result.returncode == 0, result.stderr[-3000:]
    CLIENT_COMMANDS[command](result.stdout, warehouse)
    assert published.stat().st_mtime_ns == before, "a read-only client changed the published file"


# --- Harlequin, in a pseudo-terminal ---------------------------------------------------------------------

class Terminal:
    """A program under a pseudo-terminal (50 x 200), its output drained so it never blocks on a full pty."""

    def __init__(self, command: str, cwd: Path, home: Path):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        env = clean_env(TERM="xterm-256color", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                        XDG_CACHE_HOME=str(home / "cache"), XDG_DATA_HOME=str(home / "data"))
        # exec: the PID DuckDB names is this process's, not a wrapping shell's
        self.process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=cwd, env=env, stdin=slave,
                                        stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)
        self.master, self.output = master, bytearray()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_until_open(self, path: Path, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, bytes(self.output[-3000:]).decode(errors="replace")
            try:
                fds = [os.path.realpath(f"/proc/{self.process.pid}/fd/{fd}")
                       for fd in os.listdir(f"/proc/{self.process.pid}/fd")]
            except FileNotFoundError:
                fds = []
            if str(path) in fds:
                time.sleep(1)  # the lock is taken right after the open
                return
            time.sleep(0.2)
        raise AssertionError(f"{path} not opened after {timeout}s: " + bytes(self.output[-3000:]).decode(errors="replace"))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.close(self.master)


def open_from_another_process(path: Path, read_only: bool) -> str:
    """'ok' or DuckDB's error, from a separate process (locks are per process)."""
    code = ("import duckdb, sys\ntry:\n    duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro').close()\n"
            "    print('ok')\nexcept duckdb.Error as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code, str(path), "ro" if read_only else "rw"],
                            capture_output=True, text=True, timeout=120)
    return result.stdout.strip() + result.stderr.strip()


@pytest.fixture
def harlequin_checkout(built_project, bi_venv, tmp_path) -> Path:
    return checkout_like(tmp_path / "checkout", built_project.warehouse_dir, bi_venv, copy_warehouse=True)


def test_harlequin_with_r_shares_the_file(harlequin_checkout, tmp_path):
    """The README's exact command: other tools keep reading; only a writer is refused, told it could read."""
    database = (harlequin_checkout / "warehouse" / "market.duckdb").resolve()
    terminal = Terminal(HARLEQUIN, harlequin_checkout, tmp_path / "home")
    try:
        terminal.wait_until_open(database)
        assert open_from_another_process(database, read_only=True) == "ok"
        refused = open_from_another_process(database, read_only=False)
        assert f"Conflicting lock is held in {os.path.realpath(f'/proc/{terminal.process.pid}/exe')} " \
               f"(PID {terminal.process.pid})" in refused
        assert "you would be able to open this database in read-only mode" in refused
    finally:
        terminal.stop()


def test_harlequin_without_r_locks_everyone_out_with_the_message_the_readme_explains(harlequin_checkout, tmp_path):
    database = (harlequin_checkout / "warehouse" / "market.duckdb").resolve()
    terminal = Terminal(HARLEQUIN.replace(" -r ", " "), harlequin_checkout, tmp_path / "home")
    try:
        terminal.wait_until_open(database)
        refused = open_from_another_process(database, read_only=True)
        # "held in" names the executable (for Harlequin: the Python interpreter) and the PID of the holder
        holder = os.path.realpath(f"/proc/{terminal.process.pid}/exe")
        assert f'Could not set lock on file "{database}": Conflicting lock is held in {holder} ' \
               f"(PID {terminal.process.pid})" in refused
        assert "python" in Path(holder).name
        assert "read-only mode" not in refused
    finally:
        terminal.stop()
    assert "Conflicting lock is held in" in SECTION and "(PID 4242)" in SECTION


# --- views under any attach name; docs as comments ------------------------------------------------------

def test_every_view_works_under_another_attach_name(built_project):
    connection = duckdb.connect()
    connection.execute(f"attach '{built_project.published_db}' as other_name (read_only)")
    views = connection.execute("select schema_name, view_name, sql from duckdb_views() "
                               "where database_name = 'other_name' and not internal").fetchall()
    assert {schema for schema, _, _ in views} == {"staging", "intermediate"} and len(views) >= 20
    for schema, view, sql in views:
        assert "market." not in sql, f"{schema}.{view} names the catalog: {sql[:200]}"
        connection.execute(f"select * from other_name.{schema}.{view} limit 1").fetchall()
    connection.close()


def yaml_descriptions() -> dict[tuple[str, str | None], str]:
    """(relation, column or None) -> description as written in the YAML, {{ doc('x') }} rendered."""
    docs = {}
    for path in list((PACKAGE_ROOT / "models").rglob("*.md")) + list((PACKAGE_ROOT / "seeds").rglob("*.md")):
        for name, body in re.findall(r"{%\s*docs\s+(\w+)\s*%}(.*?){%\s*enddocs\s*%}", path.read_text(), re.S):
            docs[name] = body.strip()

    def render(text: str) -> str:
        return re.sub(r"{{\s*doc\(\s*['\"](\w+)['\"]\s*\)\s*}}", lambda match: docs[match.group(1)], text)

    descriptions = {}
    for path in list((PACKAGE_ROOT / "models").rglob("_*.yml")) + list((PACKAGE_ROOT / "seeds").rglob("_*.yml")):
        content = yaml.safe_load(path.read_text()) or {}
        for node in content.get("models", []) + content.get("seeds", []):
            descriptions[(node["name"], None)] = render(node.get("description", ""))
            for column in node.get("columns", []):
                descriptions[(node["name"], column["name"])] = render(column.get("description", ""))
    return descriptions


def test_every_description_is_a_duckdb_comment(warehouse):
    expected = yaml_descriptions()
    schemas = "('raw', 'staging', 'intermediate', 'marts', 'semantic')"
    relations = warehouse.execute(
        f"select schema_name, table_name, comment from duckdb_tables() where schema_name in {schemas} union all "
        f"select schema_name, view_name, comment from duckdb_views() where schema_name in {schemas}").fetchall()
    columns = warehouse.execute(f"select schema_name, table_name, column_name, comment from duckdb_columns() "
                                f"where schema_name in {schemas}").fetchall()
    assert len(relations) >= 50 and len(columns) >= 450
    for schema, name, comment in relations:
        assert comment == expected[(name, None)].strip(), f"{schema}.{name}"
    for schema, name, column, comment in columns:
        assert comment == expected[(name, column)].strip(), f"{schema}.{name}.{column}"
    rendered = [comment for *_, comment in columns if "{{" in (comment or "")]
    assert not rendered, rendered[:3]
    # quotes and doc() blocks come through intact
    fan = warehouse.execute("select comment from duckdb_tables() where table_name = 'fct_forecast_fan'").fetchone()[0]
    assert "var('fan_draws')" in fan and "one graded source's base-year size" in fan
    year = warehouse.execute("select comment from duckdb_columns() where table_name = 'fct_forecast_fan' "
                             "and column_name = 'year'").fetchone()[0]
    assert year == "Calendar year the figure refers to. Every year of the forecast window."


# --- Superset (SQLAlchemy + duckdb-engine), through the README's URL ------------------------------------

REFLECT = """
import json, sys, warnings
warnings.simplefilter("ignore")
import duckdb, duckdb_engine, sqlalchemy as sa
engine = sa.create_engine(sys.argv[1])
out = {"versions": [sa.__version__, duckdb_engine.__version__, duckdb.__version__]}
try:
    inspector = sa.inspect(engine)
    out["schemas"] = inspector.get_schema_names()
    schema = "market.marts"  # what Superset lists, and passes back
    out["marts"] = {}
    for table in inspector.get_table_names(schema=schema):
        columns = inspector.get_columns(table, schema=schema)
        inspector.get_pk_constraint(table, schema=schema)
        inspector.get_foreign_keys(table, schema=schema)
        inspector.get_indexes(table, schema=schema)
        reflected = sa.Table(table, sa.MetaData(), schema=schema, autoload_with=engine)
        with engine.connect() as connection:
            rows = connection.execute(sa.select(reflected).limit(5)).fetchall()
        out["marts"][table] = {"columns": [[c["name"], c["comment"]] for c in columns], "rows": len(rows),
                               "comment": inspector.get_table_comment(table, schema=schema)["text"]}
    out["views"] = {s: inspector.get_view_names(schema=s) for s in ("market.staging", "market.intermediate")}
except Exception as error:
    out["error"] = f"{type(error).__name__}: {error}"
print(json.dumps(out))
"""


def reflect(python: Path, published: Path) -> dict:
    url = SUPERSET_URL.replace("/absolute/path/to/warehouse/market.duckdb", str(published))
    result = subprocess.run([str(python), "-c", REFLECT, url], capture_output=True, text=True, timeout=300,
                            env=clean_env())
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_superset_reflection_works_with_the_pinned_clients(bi_venv, built_project, warehouse):
    out = reflect(bi_venv / "bin" / "python", built_project.published_db)
    assert "error" not in out, out
    assert out["versions"] == ["1.4.54", "0.17.0", "1.4.4"]
    marts = {name for (name,) in warehouse.execute(
        "select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()}
    assert set(out["marts"]) == marts
    for table, reflected in out["marts"].items():
        expected = warehouse.execute("select column_name, comment from duckdb_columns() where schema_name = 'marts' "
                                     "and table_name = ? order by column_index", [table]).fetchall()
        assert [tuple(column) for column in reflected["columns"]] == expected, table
        assert reflected["rows"] > 0 and reflected["comment"], table
    assert len(out["views"]["market.staging"]) >= 10 and len(out["views"]["market.intermediate"]) >= 10


def test_superset_reflection_fails_with_the_projects_sqlalchemy_as_the_readme_says(built_project):
    """The project's own pin (SQLAlchemy 2.0.54, for GX) cannot reflect columns with plain duckdb_engine on
    DuckDB 1.4. If this starts to pass, the README's client notes are stale: update them."""
    out = reflect(Path(sys.executable), built_project.published_db)
    assert out["versions"][0] == "2.0.54"
    assert "pg_collation does not exist" in out.get("error", ""), out
    assert "pg_collation" in SECTION


def test_parquet_exports_read_with_pandas_and_polars(bi_venv, built_project, warehouse):
    code = ("import json, pathlib, sys, pandas, polars\nfolder = pathlib.Path(sys.argv[1])\n"
            "print(json.dumps({p.stem: [pandas.read_parquet(p).shape[0], list(pandas.read_parquet(p).columns), "
            "polars.read_parquet(p).shape[0], polars.read_parquet(p).columns] for p in folder.glob('*.parquet')}))")
    result = subprocess.run([str(bi_venv / "bin" / "python"), "-c", code, str(built_project.warehouse_dir / "parquet")],
                            capture_output=True, text=True, timeout=300, env=clean_env())
    assert result.returncode == 0, result.stderr[-3000:]
    read = json.loads(result.stdout)
    marts = {name for (name,) in warehouse.execute(
        "select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()}
    assert set(read) == set(marts)
    for mart, (pandas_rows, pandas_columns, polars_rows, polars_columns) in read.items():
        rows = warehouse.execute(f"select count(*) from marts.{mart}").fetchone()[0]
        columns = [c for (c,) in warehouse.execute("select column_name from duckdb_columns() where schema_name = "
                                                   "'marts' and table_name = ? order by column_index", [mart]).fetchall()]
        assert pandas_rows == polars_rows == rows and pandas_columns == polars_columns == columns, mart


def test_the_duckdb_cli_is_the_1_4_line_of_the_file(bi_venv):
    version = subprocess.run([str(bi_venv / "bin" / "duckdb"), "--version"], capture_output=True, text=True,
                             timeout=60).stdout
    assert version.startswith("v1.4.4"), version
    assert duckdb.__version__ == "1.4.4"


# --- packaging -----------------------------------------------------------------------------------------

def pins(path: Path) -> list[str]:
    return [line.split("#")[0].strip() for line in path.read_text().splitlines()
            if line.split("#")[0].strip()]


def _normalised(requirement: str) -> str:
    return requirement.split("[")[0].lower().replace("_", "-").replace(".", "-")


def _locked(path: Path) -> dict[str, str]:
    lines = pins(path)
    assert all("==" in line for line in lines), [line for line in lines if "==" not in line]
    return {_normalised(line.split("==")[0]): line.split("==")[1] for line in lines}


def test_pins_are_written_once_in_pyproject_and_compiled_into_the_locks():
    """pyproject.toml states each direct pin; `make lock` (uv) compiles requirements.lock (default + test + lint)
    and requirements-spark.lock (+ spark) from it, every package exact."""
    import tomllib

    project = tomllib.loads((PACKAGE_ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    default = project["dependencies"] + extras["test"] + extras["lint"]
    assert not (PACKAGE_ROOT / "requirements.txt").exists()  # no second list of the same pins
    for lock_file, direct in (("requirements.lock", default), ("requirements-spark.lock", default + extras["spark"])):
        assert (PACKAGE_ROOT / lock_file).read_text().splitlines()[1].strip() == "#    make lock", lock_file
        lock = _locked(PACKAGE_ROOT / lock_file)
        for requirement in direct:
            name, version = requirement.split("==")
            assert lock[_normalised(name)] == version, (lock_file, requirement)
    spark_only = set(_locked(PACKAGE_ROOT / "requirements-spark.lock")) - set(_locked(PACKAGE_ROOT / "requirements.lock"))
    assert {"pyspark", "dbt-spark", "py4j"} <= spark_only
    assert project["scripts"] == {"market-warehouse": "market_warehouse.cli:main"}


def test_pip_install_gives_the_market_warehouse_command(tmp_path, built_project):
    """`pip install` of the project into a fresh venv. The sources are copied first: setuptools builds in the
    source tree (build/, *.egg-info), and build/ is the project's candidate folder. --no-deps: the
    dependencies are requirements.lock's business (`make install`); installing ~100 packages here would
    take minutes. The build backend (setuptools, pinned in pyproject) comes from PyPI through pip's isolated build."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(PACKAGE_ROOT / name, source / name)
    shutil.copytree(PACKAGE_ROOT / "market_warehouse", source / "market_warehouse",
                    ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    installed = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-deps", str(source)],
                               capture_output=True, text=True, timeout=600, env=clean_env())
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]

    python = str(venv / "bin" / "python")
    files = subprocess.run([python, "-c", "import importlib.metadata as m; print(sorted({f.parts[0] for f in "
                            "m.files('market-warehouse') if f.parts[0] != '..'}))"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout  # not the checkout's egg-info
    assert ast.literal_eval(files) == ["market_warehouse", "market_warehouse-1.0.0.dist-info"]

    command = venv / "bin" / "market-warehouse"
    helped = subprocess.run([str(command), "--help"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "check-seeds" in helped.stdout

    # a real command: the dependencies from this venv (a .pth file), the package from the new one
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run([python, "-c", "import market_warehouse; print(market_warehouse.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert where.startswith(site)
    project = copy_project(tmp_path / "project")
    checked = subprocess.run([str(command), "--project-dir", str(project.root), "check-seeds"],
                             capture_output=True, text=True, timeout=300, cwd=tmp_path, env=clean_env())
    assert checked.returncode == 0 and "seeds ok" in checked.stdout, checked.stderr[-3000:]
    failed = subprocess.run([str(command), "--project-dir", str(tmp_path / "nowhere"), "validate"],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path, env=clean_env())
    assert failed.returncode == 1, "the exit code of cli.main reaches the shell"


PK_REFLECT = """
import json, sys, sqlalchemy
inspector = sqlalchemy.inspect(sqlalchemy.create_engine(sys.argv[1]))
print(json.dumps({t: inspector.get_pk_constraint(t, schema='marts') for t in sys.argv[2:]}))
"""


def test_primary_keys_of_the_marts_are_invisible_to_sqlalchemy_as_the_readme_says(bi_venv, built_project, warehouse):
    """DuckDB holds the marts' primary keys (dbt constraints), but duckdb_engine 0.17.0 reflects them with
    PostgreSQL's query, which takes the key's columns from pg_catalog.pg_index: DuckDB lists no index there for
    a primary key, so SQLAlchemy (1.4 and 2.0) gets the constraint's name and no columns. If this starts to
    find the columns, update the README ('Primary keys')."""
    keys = dict(warehouse.execute("select table_name, constraint_column_names from duckdb_constraints() where "
                                  "schema_name = 'marts' and constraint_type = 'PRIMARY KEY'").fetchall())
    assert len(keys) >= 5
    assert warehouse.execute("select count(*) from pg_catalog.pg_index").fetchone()[0] == 0
    url = SUPERSET_URL.replace("/absolute/path/to/warehouse/market.duckdb", str(built_project.published_db))
    for python in (bi_venv / "bin" / "python", Path(sys.executable)):
        result = subprocess.run([str(python), "-c", PK_REFLECT, url, *keys], capture_output=True, text=True,
                                timeout=300, env=clean_env())
        assert result.returncode == 0, result.stderr[-3000:]
        reflected = json.loads(result.stdout.strip().splitlines()[-1])
        assert {table: pk["constrained_columns"] for table, pk in reflected.items()} == {table: [] for table in keys}
    assert "Primary keys" in SECTION and "pg_index" in SECTION
