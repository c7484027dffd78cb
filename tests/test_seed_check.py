"""The pre-flight seed check: every bad input is named by file, row and column (or rule)."""
from __future__ import annotations

import shutil

import pytest

from market_warehouse.project import PACKAGE_ROOT, Project
from market_warehouse.seed_check import SeedCheckError, check_seeds, load_contracts
from tests.bad_inputs import corpus

CASES = corpus(PACKAGE_ROOT / "seeds")
PREFLIGHT_CASES = [case for case in CASES if case.caught_by == "check seeds"]


@pytest.fixture
def project_copy(tmp_path) -> Project:
    for name in ("dbt_project.yml", "seeds"):
        source = PACKAGE_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, tmp_path / name)
    return Project(tmp_path)


def test_the_real_seeds_pass(project_copy):
    check_seeds(project_copy)


def test_a_file_with_crlf_line_endings_throughout_passes(project_copy):
    # Only a mix of line endings is refused (bad_inputs); a file saved on Windows is fine as it is.
    path = project_copy.seeds_dir / "sources.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    check_seeds(project_copy)


def test_corpus_is_large_and_covers_the_issue_list():
    assert len(CASES) >= 25
    names = {case.name for case in CASES}
    for required in ("non-numeric value", "duplicate key", "unknown region", "missing column"):
        assert required in names


@pytest.mark.parametrize("case", PREFLIGHT_CASES, ids=[case.name for case in PREFLIGHT_CASES])
def test_bad_seed_is_reported_with_file_row_and_column(project_copy, case):
    case.mutate(project_copy.seeds_dir / f"{case.seed}.csv")
    with pytest.raises(SeedCheckError) as raised:
        check_seeds(project_copy)
    messages = [str(problem) for problem in raised.value.problems]
    assert any(all(fragment in message for fragment in case.expected_fragments) for message in messages), \
        f"no message has all of {case.expected_fragments}: {messages}"


def test_every_problem_is_reported_not_just_the_first(project_copy):
    for case in CASES[:2]:
        case.mutate(project_copy.seeds_dir / f"{case.seed}.csv")
    with pytest.raises(SeedCheckError) as raised:
        check_seeds(project_copy)
    columns = {problem.column for problem in raised.value.problems}
    assert {"value", "year"} <= columns


def test_seed_yaml_and_column_types_describe_the_same_columns():
    for contract in load_contracts(Project()).values():
        assert set(contract.column_tests) == set(contract.column_types), contract.name
        header = (PACKAGE_ROOT / "seeds" / f"{contract.name}.csv").read_text().splitlines()[0].split(",")
        assert header == list(contract.column_types), contract.name


def test_many_unknown_columns_give_one_short_message(project_copy):
    case = next(case for case in CASES if case.name == "10,000 unknown columns")
    case.mutate(project_copy.seeds_dir / "markets.csv")
    with pytest.raises(SeedCheckError) as raised:
        check_seeds(project_copy)
    assert len(raised.value.problems) == 1
    message = str(raised.value.problems[0])
    assert "'extra_19'" in message and "'extra_20'" not in message and "and 9980 more" in message
    assert len(message) < 1000


def test_numbers_take_ascii_digits_with_sign_point_and_exponent_only():
    from market_warehouse.seed_check import _parse_cell

    for cell, value in [("62.5", 62.5), ("-4", -4.0), ("+.5", 0.5), ("1e3", 1000.0), ("7.", 7.0), ("2.5E-2", 0.025)]:
        assert _parse_cell(cell, "double", False) == (value, None)
    for cell in ["6_2.5", "62_5", "\u0666\u0662", "\uff16\uff12", "0x10", "1,5", "nan", "inf", "--1", "1e"]:
        parsed, problem = _parse_cell(cell, "double", False)
        assert parsed is None and "not a valid double" in problem, cell
    assert _parse_cell("2025", "integer", False) == (2025, None)
    assert _parse_cell("\uff12\uff10\uff12\uff15", "integer", False)[0] is None


def test_contracts_are_read_again_once_their_yaml_changes(project_copy):
    # load_contracts keeps the parsed YAML while the file is unchanged; an edited contract must be seen at once.
    assert load_contracts(project_copy)["sources"].column_types["edition_year"] == "integer"
    dbt_project = project_copy.root / "dbt_project.yml"
    dbt_project.write_text(dbt_project.read_text().replace("edition_year: integer", "edition_year: bigint"))
    assert load_contracts(project_copy)["sources"].column_types["edition_year"] == "bigint"
