"""`make superset` end to end (`make test-superset`, marker `superset`, kept out of `make test`).

In a clean clone of this repository (git clone: only what is committed), in this order:
1. `make superset` builds and publishes the warehouse (none is published in a fresh clone), starts Superset from
   .venv-superset on a free port of 127.0.0.1 and imports superset/assets/;
2. Superset's own chart-data API (/api/v1/chart/data, logged in through /api/v1/security/login) returns the
   world base series and the fan of every market, equal to the marts of the published file;
3. the dashboard opens in headless Chromium for each market (a permalink with the Market filter set): a
   screenshot each in build/screenshots/superset/, every chart drawn, none with an error, the answer's base
   size with two decimals and without its float noise;
4. a what-if `build --vars` (one market's high CAGR raised) publishes while Superset runs (so Superset holds no
   lock on the file), and the next API query shows that market's new world high series, equal to the new marts;
5. `make superset-stop` stops Superset by its PID.
The clone uses this session's .venv and the .venv-superset of this checkout (`make test-superset` makes it from
requirements-superset.lock first); make is told they are up to date (-o), so the clone installs nothing.
"""
from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest
import yaml

from market_warehouse.project import PACKAGE_ROOT

pytestmark = pytest.mark.superset

SUPERSET_VENV = PACKAGE_ROOT / ".venv-superset"
E2E = PACKAGE_ROOT / "tests" / "e2e"
SCREENSHOTS = PACKAGE_ROOT / "build" / "screenshots" / "superset"
ASSETS = PACKAGE_ROOT / "superset" / "assets"
MAKE = ["make", "-o", ".venv/.installed", "-o", ".venv-superset/.installed"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith(("MARKET_WAREHOUSE", "DBT_"))}


class Api:
    """Superset's REST API as a script uses it: a JWT from /api/v1/security/login, a CSRF token for writes."""

    def __init__(self, url: str, user: str, password: str):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.headers = {"Content-Type": "application/json", "Referer": url}
        token = self.call("POST", "/api/v1/security/login",
                          {"username": user, "password": password, "provider": "db", "refresh": False})["access_token"]
        self.headers["Authorization"] = f"Bearer {token}"
        self.headers["X-CSRFToken"] = self.call("GET", "/api/v1/security/csrf_token/")["result"]

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(self.url + path, method=method, headers=self.headers,
                                         data=None if body is None else json.dumps(body).encode())
        try:
            with self.opener.open(request, timeout=300) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method} {path}: HTTP {error.code} {error.read().decode()[:2000]}") from None

    def dataset_ids(self) -> dict[str, int]:
        found = self.call("GET", "/api/v1/dataset/?q=(page_size:100)")["result"]
        return {dataset["table_name"]: dataset["id"] for dataset in found}

    def rows(self, dataset: str, columns: list[str], filters: list[dict]) -> list[dict]:
        """The rows of a chart-data query on one dataset (no cache: force)."""
        payload = {"datasource": {"id": self.dataset_ids()[dataset], "type": "table"}, "force": True,
                   "result_format": "json", "result_type": "full",
                   "queries": [{"columns": columns, "metrics": [], "filters": filters, "row_limit": 100000, "orderby": []}]}
        result = self.call("POST", "/api/v1/chart/data", payload)["result"][0]
        assert result["status"] == "success" and not result["error"], result
        return result["data"]


WORLD_BASE = ("fct_market_forecast", ["market_id", "year", "market_size_usd_bn"],
              [{"col": "region_id", "op": "==", "val": "WORLD"}, {"col": "scenario", "op": "==", "val": "base"}])
FAN = ("fct_forecast_fan", ["market_id", "year", "p10", "p50", "p90"], [{"col": "region_id", "op": "==", "val": "WORLD"}])


def from_marts(published: Path, sql: str) -> list[tuple]:
    connection = duckdb.connect(str(published), read_only=True)  # closed at once: a publish must see no reader
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def keyed(rows: list[dict], columns: list[str]) -> dict[tuple, tuple]:
    return {(row["market_id"], row["year"]): tuple(row[c] for c in columns[2:]) for row in rows}


def assert_same(api: dict[tuple, tuple], marts: list[tuple]) -> None:
    expected = {(row[0], row[1]): tuple(row[2:]) for row in marts}
    assert api.keys() == expected.keys()
    for key, values in expected.items():
        assert api[key] == pytest.approx(values, rel=1e-12, abs=1e-12), key


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if not (PACKAGE_ROOT / ".git").exists():
        pytest.skip("not a git checkout: no clean clone to start from")
    assert (SUPERSET_VENV / ".installed").exists(), "run `make test-superset` (it makes .venv-superset first)"
    root = tmp_path_factory.mktemp("superset") / "clone"
    subprocess.run(["git", "clone", "--quiet", str(PACKAGE_ROOT), str(root)], check=True, timeout=300)
    (root / ".venv").symlink_to(Path(sys.prefix))
    (root / ".venv-superset").symlink_to(SUPERSET_VENV.resolve())
    return root


@pytest.fixture(scope="module")
def superset(clone):
    """`make superset` in the clone, as a user runs it; stopped at the end whatever happened."""
    recipes = (PACKAGE_ROOT / "docs" / "bi-clients.md").read_text(encoding="utf-8")
    section = recipes.split("\n## Query it from BI tools\n")[1]
    assert "```bash\nmake superset\nmake superset-stop\n```" in section.split("\n## ")[0], (
        "docs/bi-clients.md's Superset commands changed")
    assert "`make superset`" in (PACKAGE_ROOT / "README.md").read_text(encoding="utf-8")
    port = free_port()
    started = time.monotonic()
    result = subprocess.run([*MAKE, "superset", f"SUPERSET_PORT={port}"], cwd=clone, capture_output=True, text=True,
                            timeout=3600, env=clean_env())
    state = clone / "build" / "superset"
    try:
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:] + (
            (state / "superset.log").read_text()[-5000:] if (state / "superset.log").exists() else "")
        password = (state / "admin_password").read_text().strip()
        assert f"password: {password}" in result.stdout and f"http://127.0.0.1:{port}/" in result.stdout
        print(f"make superset: {time.monotonic() - started:.0f} s")
        yield {"url": f"http://127.0.0.1:{port}", "password": password, "clone": clone, "state": state,
               "published": clone / "warehouse" / "market.duckdb"}
    finally:
        pid_file = state / "superset.pid"
        if pid_file.exists():
            subprocess.run([*MAKE, "superset-stop"], cwd=clone, capture_output=True, timeout=120)


def test_superset_listens_on_localhost_only_and_never_holds_the_file(superset):
    pid = int((superset["state"] / "superset.pid").read_text())
    listening = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True).stdout
    ours = [line for line in listening.splitlines() if f"pid={pid}," in line]
    assert ours and all(" 127.0.0.1:" in line for line in ours), ours
    published = superset["published"].resolve()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                opened = {os.path.realpath(fd) for fd in (proc / "fd").iterdir()}
                command = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if b"gunicorn" in command and b"superset" in command:
                assert str(published) not in opened, "Superset keeps the published file open between queries"
    secrets_ = {name: (superset["state"] / name).stat().st_mode & 0o777 for name in ("secret_key", "admin_password")}
    assert secrets_ == {"secret_key": 0o600, "admin_password": 0o600}


def test_chart_data_api_returns_the_marts(superset):
    api = Api(superset["url"], "admin", superset["password"])
    assert set(api.dataset_ids()) == {path.stem for path in (ASSETS / "datasets").rglob("*.yaml")}
    table, columns, filters = WORLD_BASE
    assert_same(keyed(api.rows(table, columns, filters), columns), from_marts(
        superset["published"], "select market_id, year, market_size_usd_bn from marts.fct_market_forecast "
        "where region_id = 'WORLD' and scenario = 'base'"))
    table, columns, filters = FAN
    assert_same(keyed(api.rows(table, columns, filters), columns), from_marts(
        superset["published"], "select market_id, year, p10, p50, p90 from marts.fct_forecast_fan where region_id = 'WORLD'"))
    markets = from_marts(superset["published"], "select count(*) from marts.dim_market")[0][0]
    assert markets >= 1 and len({row["market_id"] for row in api.rows(*FAN)}) == markets


def test_the_docs_import_recipe_imports_the_dashboards_into_a_running_superset(superset):
    """docs/superset.md's import block, as written, with this Superset's `superset` command on the PATH."""
    docs = (PACKAGE_ROOT / "docs" / "superset.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```bash\n(.*?)```", docs, re.S) if "import-dashboards" in b]
    env = clean_env() | {"PATH": f"{superset['clone'] / '.venv-superset' / 'bin'}:{os.environ['PATH']}",
                         "SUPERSET_CONFIG_PATH": str(superset["state"] / "superset_config.py")}
    imported = subprocess.run(["bash", "-euc", block], cwd=superset["clone"], capture_output=True, text=True, timeout=600,
                              env=env)
    assert imported.returncode == 0, imported.stdout[-3000:] + imported.stderr[-3000:]
    api = Api(superset["url"], "admin", superset["password"])
    databases = api.call("GET", "/api/v1/database/?q=(page_size:100)")["result"]
    (database,) = [d for d in databases if d["database_name"] == "market_warehouse"]
    uri = api.call("GET", f"/api/v1/database/{database['id']}/connection")["result"]["sqlalchemy_uri"]
    assert uri == f"duckdb:///{superset['clone'] / 'warehouse' / 'market.duckdb'}?access_mode=read_only"
    assert set(api.dataset_ids()) == {path.stem for path in (ASSETS / "datasets").rglob("*.yaml")}


def test_dashboard_in_chromium_for_each_market(superset, tmp_path):
    if not shutil.which("node") or not Path("/usr/bin/chromium").exists():
        pytest.fail("Node.js and /usr/bin/chromium are needed (.ci/run installs chromium)")
    api = Api(superset["url"], "admin", superset["password"])
    dashboard = yaml.safe_load(next((ASSETS / "dashboards").glob("*.yaml")).read_text())
    n_charts = sum(1 for item in dashboard["position"].values() if isinstance(item, dict) and item.get("type") == "CHART")
    answers = from_marts(superset["published"], "select market_id, market_name, estimate_base_usd_bn from marts.fct_market_answer")
    filter_id = dashboard["metadata"]["native_filter_configuration"][0]["id"]
    shots = []
    for market_id, market_name, estimate in answers:
        mask = {filter_id: {"extraFormData": {"filters": [{"col": "market_name", "op": "IN", "val": [market_name]}]},
                            "filterState": {"value": [market_name]}, "ownState": {}}}
        link = api.call("POST", f"/api/v1/dashboard/{dashboard['slug']}/permalink",
                        {"dataMask": mask, "activeTabs": [], "urlParams": []})
        shots.append({"name": market_id, "path": f"/superset/dashboard/p/{link['key']}/", "texts": [f"{estimate:,.2f}"],
                      "absent": [repr(estimate)] if len(repr(estimate).split(".")[-1]) > 2 else []})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    e2e = tmp_path / "e2e"
    e2e.mkdir()
    for name in ("package.json", "package-lock.json", "check-superset.mjs"):
        shutil.copy2(E2E / name, e2e / name)
    subprocess.run(["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"], cwd=e2e, check=True, capture_output=True,
                   timeout=600)
    spec = {"url": superset["url"], "user": "admin", "password": superset["password"], "chromium": "/usr/bin/chromium",
            "screenshotDir": str(SCREENSHOTS), "shots": shots}
    (e2e / "spec.json").write_text(json.dumps(spec))
    run = subprocess.run(["node", "check-superset.mjs", "spec.json"], cwd=e2e, capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0 and f"DONE {len(shots)}" in run.stdout, run.stdout[-3000:] + run.stderr[-3000:]
    reports = [json.loads(line[5:]) for line in run.stdout.splitlines() if line.startswith("SHOT ")]
    assert len(reports) == len(answers) >= 1
    for report in reports:
        assert report["charts"] == n_charts and report["rendered"] == n_charts, report
        assert report["errors"] == [] and report["missingTexts"] == [] and report["presentAbsent"] == [], report
        assert Path(report["file"]).stat().st_size > 20_000, report


def test_a_publish_while_superset_runs_shows_on_the_next_query(superset):
    """A what-if build (the high scenario's CAGR of one market raised, as the README's what-if builds do) publishes
    while Superset runs: its check target would stop at a Superset holding the file; the next query shows it."""
    api = Api(superset["url"], "admin", superset["password"])
    columns = ["market_id", "year", "market_size_usd_bn"]
    high = [{"col": "region_id", "op": "==", "val": "WORLD"}, {"col": "scenario", "op": "==", "val": "high"}]
    sql = ("select market_id, year, market_size_usd_bn from marts.fct_market_forecast "
           "where region_id = 'WORLD' and scenario = 'high'")
    before = keyed(api.rows("fct_market_forecast", columns, high), columns)
    assert_same(before, from_marts(superset["published"], sql))
    market_id, cagr = from_marts(superset["published"], "select market_id, max(cagr) from marts.fct_market_forecast "
                                 "where scenario = 'high' group by 1 order by 1 limit 1")[0]
    what_if = json.dumps({"scenario_cagr_overrides": {market_id: {"high": round(cagr + 0.02, 4)}}})
    built = subprocess.run([str(superset["clone"] / ".venv" / "bin" / "python"), "-m", "market_warehouse", "build", "--vars",
                            what_if], cwd=superset["clone"], capture_output=True, text=True, timeout=1800, env=clean_env())
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    after = keyed(api.rows("fct_market_forecast", columns, high), columns)
    changed = [key for key in after if after[key] != before[key]]
    assert changed and {market for market, _ in changed} == {market_id}, changed
    assert_same(after, from_marts(superset["published"], sql))


def test_make_superset_stop_stops_it_by_its_pid(superset):
    pid = int((superset["state"] / "superset.pid").read_text())
    stopped = subprocess.run([*MAKE, "superset-stop"], cwd=superset["clone"], capture_output=True, text=True, timeout=120)
    assert stopped.returncode == 0 and f"stopped Superset (PID {pid})" in stopped.stdout, stopped.stdout + stopped.stderr
    assert not Path(f"/proc/{pid}").exists() or Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    with pytest.raises(OSError):
        urllib.request.urlopen(superset["url"] + "/health", timeout=5)
