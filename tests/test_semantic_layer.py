"""docs/bi-clients.md "Semantic layer": MetricFlow (`mf`) on a built copy of the project, compared with the marts.

The copy holds the session build's candidate (build/market.duckdb, what profiles.yml names and what was
validated and published); `mf` runs from its root exactly as the README says, and every metric is compared
row by row with the published marts.
"""
from __future__ import annotations

import csv
import math
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from market_warehouse.project import PACKAGE_ROOT, copy_project

MF = Path(sys.prefix) / "bin" / "mf"
pytestmark = pytest.mark.skipif(
    not MF.exists(), reason=f"MetricFlow is not installed in this venv ({MF} missing): requirements.lock pins "
                            "dbt-metricflow==0.15.0, run `make install`")

README = PACKAGE_ROOT / "docs" / "bi-clients.md"  # the recipes live beside the README


def section_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Semantic layer\n")
    end = text.find("\n## ", start + 1)
    blocks = re.findall(r"```bash\n(.*?)```", text[start:end], re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


README_COMMANDS = section_commands()


@pytest.fixture(scope="module")
def mf_project(built_project, tmp_path_factory):
    """A copy of the project with the session's candidate, `.venv` pointing at this venv, and the semantic
    manifest written by the README's first command (`dbt parse`: mf reads target/semantic_manifest.json)."""
    project = copy_project(tmp_path_factory.mktemp("semantic") / "project")
    project.build_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(built_project.candidate_db, project.candidate_db)
    (project.root / ".venv").symlink_to(Path(sys.prefix))
    (project.root / "warehouse").symlink_to(built_project.warehouse_dir)  # DBT_TARGET=published reads it
    assert README_COMMANDS[0] == ".venv/bin/dbt parse"
    parsed = mf(project, README_COMMANDS[0])
    assert parsed.returncode == 0, parsed.stdout[-3000:]
    assert (project.root / "target" / "semantic_manifest.json").exists()
    return project


def mf(project, command: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MARKET_WAREHOUSE", "DBT_"))}
    return subprocess.run(["bash", "-c", command], cwd=project.root, capture_output=True, text=True, env=env,
                          timeout=600)


def query_csv(project, tmp_path, arguments: str) -> list[dict[str, str]]:
    out = tmp_path / f"query-{len(list(tmp_path.glob('query-*')))}.csv"
    result = mf(project, f".venv/bin/mf query {arguments} --csv {out}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    with out.open(newline="") as handle:
        return list(csv.DictReader(handle))


def year_of(value: str) -> int:
    assert value.endswith("-01-01 00:00:00") or value.endswith("-01-01"), value
    return date.fromisoformat(value[:10]).year


def number(value: str) -> float | None:
    return None if value == "" else float(value)


def same(left: float | None, right: float | None) -> bool:
    if left is None or right is None:
        return left is None and right is None
    return math.isclose(left, right, rel_tol=1e-12, abs_tol=1e-12)


def test_the_readme_commands_run_as_written(mf_project, warehouse, built_project):
    assert README_COMMANDS[1] == ".venv/bin/mf validate-configs" and len(README_COMMANDS) == 4
    assert all(command.startswith("DBT_TARGET=published .venv/bin/mf query ") for command in README_COMMANDS[2:])
    published = built_project.published_db.resolve()
    before = (published.stat().st_mtime_ns, published.stat().st_size)
    validated = mf(mf_project, README_COMMANDS[1])
    assert validated.returncode == 0, validated.stdout[-3000:] + validated.stderr[-3000:]
    assert validated.stdout.count("(ERRORS: 0, FUTURE_ERRORS: 0, WARNINGS: 0)") >= 6, validated.stdout[-3000:]

    # a market's world base scenario over its window, as printed
    printed = mf(mf_project, README_COMMANDS[2])
    assert printed.returncode == 0, printed.stdout[-3000:] + printed.stderr[-3000:]
    rows = warehouse.execute("select year, market_size_usd_bn from marts.fct_market_forecast where market_id = "
                             "'biopharma_cmo_cro' and scenario = 'base' and region_id = 'WORLD' order by year").fetchall()
    lines = [line for line in printed.stdout.splitlines() if re.match(r"\d{4}-01-01T", line)]
    assert len(lines) == len(rows) == 8
    for line, (year, size) in zip(lines, rows, strict=True):
        fields = line.split()
        assert fields[:4] == [f"{year}-01-01T00:00:00", "biopharma_cmo_cro", "WORLD", "base"], line
        assert math.isclose(float(fields[4]), size, rel_tol=1e-5), (line, size)

    several = mf(mf_project, README_COMMANDS[3])
    assert several.returncode == 0, several.stdout[-3000:] + several.stderr[-3000:]
    assert len([line for line in several.stdout.splitlines() if re.match(r"\d{4}-01-01T", line)]) == 8
    assert "biopharma_contract_manufacturing" in several.stdout
    assert (published.stat().st_mtime_ns, published.stat().st_size) == before, "mf changed the published file"


def test_the_published_target_is_read_only(mf_project, built_project):
    """profiles.yml target `published`: dbt-duckdb opens the published file with access_mode READ_ONLY."""
    shown = mf(mf_project, "DBT_TARGET=published .venv/bin/dbt run --select dim_market")
    assert shown.returncode != 0 and "read-only mode" in shown.stdout + shown.stderr, shown.stdout[-2000:]


def test_market_size_equals_fct_market_forecast_row_by_row(mf_project, warehouse, tmp_path):
    rows = query_csv(mf_project, tmp_path,
                     "--metrics market_size_usd_bn,growth_index,scenario_cagr "
                     "--group-by metric_time__year,market,market_forecast__scenario,region")
    expected = {(m, s, r, y): (size, index, cagr) for m, s, r, y, size, index, cagr in warehouse.execute(
        "select market_id, scenario, region_id, year, market_size_usd_bn, growth_index, cagr "
        "from marts.fct_market_forecast").fetchall()}
    got = {(row["market"], row["market_forecast__scenario"], row["region"], year_of(row["metric_time__year"])):
           (number(row["market_size_usd_bn"]), number(row["growth_index"]), number(row["scenario_cagr"]))
           for row in rows}
    assert len(rows) == len(got) and got.keys() == expected.keys()
    for key, values in expected.items():
        assert all(same(a, b) for a, b in zip(got[key], values, strict=True)), (key, got[key], values)
    assert any(values[0] is None for values in expected.values()), "regions without a share stay NULL"


def test_world_scenario_metrics_equal_the_mart(mf_project, warehouse, tmp_path):
    rows = query_csv(mf_project, tmp_path,
                     "--metrics world_market_size_low_usd_bn,world_market_size_base_usd_bn,"
                     "world_market_size_high_usd_bn --group-by metric_time__year,market")
    expected = {}
    for market, scenario, year, size in warehouse.execute(
            "select market_id, scenario, year, market_size_usd_bn from marts.fct_market_forecast "
            "where region_id = 'WORLD'").fetchall():
        expected.setdefault((market, year), {})[scenario] = size
    got = {(row["market"], year_of(row["metric_time__year"])):
           {scenario: number(row[f"world_market_size_{scenario}_usd_bn"]) for scenario in ("low", "base", "high")}
           for row in rows}
    assert got.keys() == expected.keys() and len(got) == 24
    for key, sizes in expected.items():
        assert all(same(got[key][scenario], size) for scenario, size in sizes.items()), key


def test_consensus_metrics_equal_fct_market_consensus(mf_project, warehouse, tmp_path):
    rows = query_csv(mf_project, tmp_path,
                     "--metrics consensus_median_usd_bn,consensus_min_usd_bn,consensus_max_usd_bn,"
                     "consensus_n_sources,consensus_max_to_min_ratio --group-by metric_time__year,market")
    expected = {(m, y): values for m, y, *values in warehouse.execute(
        "select market_id, year, median_size_usd_bn, min_size_usd_bn, max_size_usd_bn, n_sources, max_to_min_ratio "
        "from marts.fct_market_consensus").fetchall()}
    got = {(row["market"], year_of(row["metric_time__year"])): [number(row[name]) for name in (
        "consensus_median_usd_bn", "consensus_min_usd_bn", "consensus_max_usd_bn", "consensus_n_sources",
        "consensus_max_to_min_ratio")] for row in rows}
    assert got.keys() == expected.keys()
    for key, values in expected.items():
        assert all(same(a, b) for a, b in zip(got[key], values, strict=True)), (key, got[key], values)


def test_fan_metrics_equal_fct_forecast_fan(mf_project, warehouse, tmp_path):
    names = ["p10", "p25", "p50", "p75", "p90", "mean"]
    rows = query_csv(mf_project, tmp_path, "--metrics " + ",".join(f"fan_{n}_usd_bn" for n in names)
                     + " --group-by metric_time__year,market,region")
    expected = {(m, r, y): values for m, r, y, *values in warehouse.execute(
        f"select market_id, region_id, year, {', '.join(names)} from marts.fct_forecast_fan").fetchall()}
    got = {(row["market"], row["region"], year_of(row["metric_time__year"])):
           [number(row[f"fan_{n}_usd_bn"]) for n in names] for row in rows}
    assert got.keys() == expected.keys()
    for key, values in expected.items():
        assert all(same(a, b) for a, b in zip(got[key], values, strict=True)), (key, got[key], values)


def test_the_candidate_is_left_as_it_was(mf_project, built_project):
    """mf opens the candidate through dbt-duckdb (read-write) but writes nothing to it."""
    assert mf_project.candidate_db.read_bytes() == built_project.candidate_db.read_bytes()
