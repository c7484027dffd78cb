"""`accept`: a reviewed draft appended to the seeds of a project copy, all files or none; refused (seeds
byte-identical) for existing ids, a failing seed check, or a write that fails half-way; and an accepted draft
carried through the seed check and a dbt build into the marts."""
from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

import duckdb
import pytest

from market_warehouse.accept import accept
from market_warehouse.cli import main
from market_warehouse.dbt_build import run_dbt
from market_warehouse.draft import DraftRequest, draft
from market_warehouse.project import Project, copy_project
from market_warehouse.seed_check import check_seeds
from market_warehouse.seed_merge import DraftProblem

FIXTURES = Path(__file__).parent / "fixtures" / "report_pages"
MARKET = "biosimilar_contract_manufacturing"
SOURCE = "fixture-hydrogel"


def seed_bytes(project: Project) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(project.seeds_dir.iterdir())}


@pytest.fixture
def project(tmp_path) -> Project:
    return copy_project(tmp_path / "project")


def make_draft(project: Project, page: str = "statistics_table.html", source_id: str = SOURCE) -> Path:
    request = DraftRequest(FIXTURES / page, MARKET, source_id, "https://example.org/hydrogel", "Fixture Publisher",
                           "2025-06-01")
    return draft(project, request).folder


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_accept_appends_every_drafted_row(project):
    folder = make_draft(project)
    before = {name: len(rows(project.seeds_dir / name)) for name in os.listdir(folder) if name.endswith(".csv")}
    added = accept(project, folder)
    for name, count in before.items():
        drafted = rows(folder / name)
        assert len(rows(project.seeds_dir / name)) == count + len(drafted)
        assert added[name.removesuffix(".csv")] == len(drafted)
        assert rows(project.seeds_dir / name)[-len(drafted):] == drafted


def test_accept_refuses_ids_that_exist_and_names_the_rows(project):
    folder = make_draft(project)
    accept(project, folder)
    unchanged = seed_bytes(project)
    with pytest.raises(DraftProblem) as refused:
        accept(project, folder)
    assert f"{folder}/sources.csv, row 2, column 'source_id': '{SOURCE}' already exists in seeds/sources.csv" in str(refused.value)
    assert "market_claims.csv, row 2, column 'claim_id'" in str(refused.value)
    assert seed_bytes(project) == unchanged


def test_accept_refuses_a_draft_that_fails_the_seed_check(project):
    folder = make_draft(project)
    claims = folder / "market_claims.csv"
    text = claims.read_text().splitlines()
    text[3] = text[3].replace(",exact,", ",guessed,", 1)
    claims.write_text("\n".join(text) + "\n")
    unchanged = seed_bytes(project)
    with pytest.raises(DraftProblem) as refused:
        accept(project, folder)
    assert f"{folder}/market_claims.csv, row 4, column 'bound': 'guessed' is not one of" in str(refused.value)
    assert seed_bytes(project) == unchanged


def test_a_failed_write_leaves_every_seed_file_byte_identical(project, monkeypatch):
    folder = make_draft(project)
    unchanged = seed_bytes(project)
    real_replace, calls = os.replace, []

    def replace_then_fail(source, target):
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    with pytest.raises(OSError):
        accept(project, folder)
    monkeypatch.undo()
    assert seed_bytes(project) == unchanged
    assert not [name for name in os.listdir(project.seeds_dir) if name.endswith(".incoming")]


def test_accept_command_fails_in_one_paragraph(project, capsys):
    folder = make_draft(project)
    accept(project, folder)
    code = main(["--project-dir", str(project.root), "accept", str(folder)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("ACCEPT FAILED: the draft was not accepted; the seeds are unchanged:")
    assert "Traceback" not in err
    code = main(["--project-dir", str(project.root), "accept", str(project.root / "seeds")])
    assert code == 1 and "is not a draft folder" in capsys.readouterr().err


@pytest.mark.slow
def test_an_accepted_draft_builds_into_its_market(project):
    """The seed check and a dbt build (models and dbt tests) of the seeds with the draft accepted."""
    accept(project, make_draft(project))
    check_seeds(project)
    outcome = run_dbt(project, "build")
    assert outcome.success, outcome.failures
    with duckdb.connect(str(project.candidate_db), read_only=True) as warehouse:
        claims = warehouse.execute("select count(*) from marts.fct_market_claim where source_id = ? and market_id = ?",
                                   [SOURCE, MARKET]).fetchone()[0]
        path = dict(warehouse.execute("select year, market_size_usd_bn from marts.fct_source_forecast "
                                      "where source_id = ? and market_id = ?", [SOURCE, MARKET]).fetchall())
        source = warehouse.execute("select publisher from marts.dim_source where source_id = ?", [SOURCE]).fetchone()
    assert claims == len(rows(project.seeds_dir.parent / "drafts" / SOURCE / "market_claims.csv"))
    # The page: 4.82 USD bn in 2024, 7.41 % a year from 2025 to 2033 -> its own path.
    assert path[2024] == pytest.approx(4.82, rel=1e-12)
    assert path[2032] == pytest.approx(4.82 * 1.0741 ** 8, rel=1e-12)
    assert source == ("Fixture Publisher",)
