"""--db and input_folder are file names, never connection strings: a `?` or `#` is part of the name."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from market_warehouse.config import check_vars
from market_warehouse.project import PACKAGE_ROOT, copy_project
from market_warehouse.seed_check import check_seeds
from tests.conftest import sha256


def validate(project, db, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "market_warehouse", "--project-dir", str(project.root), "validate",
                           "--db", str(db), "--no-data-docs", *args], capture_output=True, text=True,
                          cwd=PACKAGE_ROOT, timeout=600)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["w?access_mode=read_write&threads=1.duckdb", "w#section.duckdb"])
def test_validate_db_opens_exactly_the_named_file_read_only(built_project, tmp_path, name):
    folder = tmp_path / "files"
    folder.mkdir()
    db = folder / name
    shutil.copyfile(built_project.published_db.resolve(), db)
    before = sha256(db)
    result = validate(built_project, db)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "0 critical not passed" in result.stdout
    assert sorted(path.name for path in folder.iterdir()) == [name], "another file was opened or created"
    assert sha256(db) == before


def test_a_db_file_that_does_not_open_is_called_the_file_given_with_db(tmp_path):
    project = copy_project(tmp_path / "project")
    db = tmp_path / "notes?.duckdb"
    db.write_text("not a database\n")
    result = validate(project, db)
    assert result.returncode == 1
    assert f"the file {db} given with --db does not open" in result.stderr, result.stderr
    assert "published" in result.stderr and "restore-previous" not in result.stderr
    assert "the published file" not in result.stderr and "Traceback" not in result.stderr


def test_an_input_folder_with_a_hash_is_a_folder_name(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = tmp_path / "inputs#2026"
    shutil.copytree(project.seeds_dir, folder, ignore=shutil.ignore_patterns("*.yml"))
    dbt_vars = check_vars(project, {"input_folder": str(folder)})
    assert dbt_vars["input_folder"] == str(folder)
    check_seeds(project, inputs_dir=folder)
