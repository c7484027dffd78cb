"""Messages that say what happened: the actual size limit of a cell, each phrase once, how to name the
project from another folder (and nothing written there), non-ASCII text under a non-UTF-8 locale."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from market_warehouse.project import PACKAGE_ROOT, PROJECT_ENV, copy_project
from tests.bad_inputs import line_of, set_cell

SEEDS = PACKAGE_ROOT / "seeds"


def cli(*args: str, cwd=PACKAGE_ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "market_warehouse", *args], capture_output=True, text=True,
                          cwd=cwd, env=os.environ | (env or {}), timeout=300)


def test_a_1_mb_field_is_reported_with_its_length_and_the_actual_limit(tmp_path):
    project = copy_project(tmp_path / "project")
    set_cell("S3", "note", "x" * 1_048_576)(project.seeds_dir / "sources.csv")
    result = cli("--project-dir", str(project.root), "check-seeds")
    assert result.returncode == 1
    assert (f"seeds/sources.csv, row {line_of(SEEDS, 'sources', 'S3')}, column 'note': is 1048576 characters long; "
            "the limit is 2000") in result.stderr, result.stderr[-2000:]
    assert "quoting" not in result.stderr


def test_a_socket_named_like_a_seed_is_named_once(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project.seeds_dir / "fx_rates.csv"
    path.unlink()
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        result = cli("--project-dir", str(project.root), "check-seeds")
    finally:
        server.close()
    assert result.returncode == 1
    assert "seeds/fx_rates.csv: is a socket, not a regular file; remove it or put the CSV file there" in result.stderr
    assert result.stderr.count("not a regular file") == 1, result.stderr


def test_from_another_folder_the_installed_command_says_how_to_name_the_project(tmp_path):
    # The package as `pip install .` puts it: in site-packages, without the project around it.
    site = tmp_path / "site-packages"
    shutil.copytree(PACKAGE_ROOT / "market_warehouse", site / "market_warehouse")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(site), PROJECT_ENV: ""}
    result = cli("build", cwd=elsewhere, env=env)
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert f"{elsewhere} is not a market-warehouse project" in result.stderr
    assert "--project-dir" in result.stderr and PROJECT_ENV in result.stderr and "Traceback" not in result.stderr
    assert list(elsewhere.iterdir()) == [], "nothing may be written in the current folder"

    project = copy_project(tmp_path / "project")
    named = cli("check-seeds", cwd=elsewhere, env=env | {PROJECT_ENV: str(project.root)})
    assert named.returncode == 0 and named.stdout.strip() == "seeds ok", named.stderr[-2000:]
    assert list(elsewhere.iterdir()) == []


def test_from_another_folder_the_venv_python_runs_this_checkout(tmp_path):
    # `make install` puts the package into .venv editable: `python -m market_warehouse` and the
    # `market-warehouse` command find this checkout from any folder, and write nothing there.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", PROJECT_ENV)}
    root = subprocess.run([sys.executable, "-c", "import market_warehouse.project as p; print(p.PACKAGE_ROOT)"],
                          capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60)
    assert root.stdout.strip() == str(Path(__file__).resolve().parent.parent), root.stderr[-2000:]
    checked = subprocess.run([str(Path(sys.executable).parent / "market-warehouse"), "check-seeds"],
                             capture_output=True, text=True, cwd=elsewhere, env=env, timeout=300)
    assert checked.returncode == 0 and checked.stdout.strip() == "seeds ok", checked.stderr[-2000:]
    assert list(elsewhere.iterdir()) == []


def test_non_ascii_text_in_a_message_works_under_a_non_utf8_locale(tmp_path):
    project = copy_project(tmp_path / "project")
    set_cell("s1-cagr", "source_id", "\u04051")(project.seeds_dir / "market_claims.csv")  # Cyrillic DZE
    ascii_locale = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    probe = subprocess.run([sys.executable, "-c", "import sys; print(sys.stderr.encoding)"], capture_output=True,
                           text=True, env=os.environ | ascii_locale)
    assert probe.stdout.strip().lower() in ("ascii", "ansi_x3.4-1968"), probe.stdout
    result = cli("--project-dir", str(project.root), "build", env=ascii_locale)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "BUILD FAILED at step 'check seeds'" in result.stderr, result.stderr[-2000:]
    assert "U+0405" in result.stderr and "\\u0405" in result.stderr
    assert "UnicodeEncodeError" not in result.stderr and "unexpectedly" not in result.stderr
