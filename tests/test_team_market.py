"""A team's own market must not break the project's own tests. A copy of the project gets one generated market
(bench/generate.py) appended to its seeds, row by row, as a team would add one; `make test-fast`'s tests then
run inside that copy, on its seeds, and pass."""
from __future__ import annotations

import csv
import importlib.util
import re
import shutil
import subprocess
import sys

import pytest

from market_warehouse.project import PACKAGE_ROOT, copy_project

pytestmark = pytest.mark.slow

spec = importlib.util.spec_from_file_location("bench_generate", PACKAGE_ROOT / "bench" / "generate.py")
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)

# What the curated seeds already state is shared by every market, not stated again: the world region, a
# currency's rate for a year, and the region a country belongs to (rule 3: one region per country, across
# markets; the generator places countries in its own synthetic continents).
KEYS = {"regions": ("region_id",), "fx_rates": ("currency", "year"), "countries": ("iso3",)}


def append_market(seeds_dir, tables: dict[str, list[dict]]) -> None:
    for name, rows in tables.items():
        path = seeds_dir / f"{name}.csv"
        with path.open(newline="") as handle:
            reader = csv.DictReader(handle)
            columns, existing = reader.fieldnames, list(reader)
        key = KEYS.get(name)
        taken = {tuple(row[column] for column in key) for row in existing} if key else set()
        with path.open("a", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")  # the seeds' own line ending
            for row in rows:
                if key and tuple(str(row[column]) for column in key) in taken:
                    continue
                writer.writerow({column: row.get(column, "") for column in columns})


def test_make_test_fast_passes_on_a_copy_with_a_generated_market_added(tmp_path):
    project = copy_project(tmp_path / "project")
    # A team's clone also holds the package, the tests and their configuration.
    for name in ("market_warehouse", "tests", "bench", "reports"):
        shutil.copytree(PACKAGE_ROOT / name, project.root / name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "node_modules", ".evidence", "build"))
    for name in ("pyproject.toml", "Makefile"):
        shutil.copy2(PACKAGE_ROOT / name, project.root / name)
    tables = generate.generate(1)
    market_id = tables["markets"][0]["market_id"]
    append_market(project.seeds_dir, tables)

    # The Makefile's own target, with this interpreter (`-o install`: the copy has no .venv of its own).
    result = subprocess.run(["make", "-o", "install", "test-fast", f"PY={sys.executable}"],
                            cwd=project.root, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", result.stdout) and "failed" not in result.stdout.splitlines()[-1]

    # The tests ran on the copy's own package and seeds (pytest puts the rootdir first on sys.path), which hold
    # the generated market.
    resolved = subprocess.run([sys.executable, "-c", "import market_warehouse.project as p; print(p.PACKAGE_ROOT)"],
                              cwd=project.root, capture_output=True, text=True, check=True).stdout.strip()
    assert resolved == str(project.root)
    with project.seeds_dir.joinpath("markets.csv").open(newline="") as handle:
        assert market_id in {row["market_id"] for row in csv.DictReader(handle)}
