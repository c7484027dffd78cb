"""market_warehouse/superset.py's expected failures: one paragraph, exit 1, no traceback (no Superset needed).

In `make test`: the module is standard library only, so it imports in the project venv; the Superset start itself
is tested by `make test-superset`.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import zipfile

import yaml

from market_warehouse import superset


def test_outside_the_superset_venv_it_says_where_to_start():
    result = subprocess.run([sys.executable, "-m", "market_warehouse.superset", "start", "--port", "1"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("SUPERSET FAILED: ") and "make superset" in result.stderr


def test_no_published_warehouse_is_named(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(superset, "superset_bin", lambda: tmp_path / "superset")
    monkeypatch.setattr(superset, "PUBLISHED", tmp_path / "warehouse" / "market.duckdb")
    assert superset.main(["start", "--port", "8088"]) == 1
    err = capsys.readouterr().err
    assert "No published warehouse" in err and "make build" in err


def test_a_port_in_use_is_one_paragraph(monkeypatch, tmp_path, capsys):
    published = tmp_path / "market.duckdb"
    published.write_bytes(b"")
    monkeypatch.setattr(superset, "superset_bin", lambda: tmp_path / "superset")
    monkeypatch.setattr(superset, "PUBLISHED", published)
    monkeypatch.setattr(superset, "STATE", tmp_path / "state")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert superset.main(["start", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"Port {port} on 127.0.0.1 is in use" in err and "SUPERSET_PORT=" in err and "Traceback" not in err


def test_stop_without_a_running_superset_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(superset, "STATE", tmp_path)
    (tmp_path / "superset.pid").write_text("999999999\n")
    assert superset.main(["stop"]) == 0
    assert "not running" in capsys.readouterr().out


def test_the_import_zip_fills_in_the_published_path(monkeypatch, tmp_path):
    monkeypatch.setattr(superset, "STATE", tmp_path)
    bundle = superset.assets_zip(tmp_path / "warehouse" / "market.duckdb")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        database = yaml.safe_load(archive.read("market_warehouse/databases/market_warehouse.yaml"))
    assert "market_warehouse/metadata.yaml" in names and any(name.startswith("market_warehouse/charts/") for name in names)
    assert database["sqlalchemy_uri"] == f"duckdb:///{tmp_path}/warehouse/market.duckdb?access_mode=read_only"
