"""Every hierarchy is checked before dbt runs (market_warehouse/hierarchy_check.py): an unknown parent, a
self-parent or a loop of any length is refused at 'check seeds', naming the whole loop; the recursive model
stops at a fixed depth whatever the input."""
from __future__ import annotations

import duckdb
import pytest
import yaml

from market_warehouse.dbt_build import run_dbt
from market_warehouse.hierarchy_check import find_loops
from market_warehouse.project import PACKAGE_ROOT, copy_project
from market_warehouse.seed_check import check_seeds
from tests.bad_inputs import line_of, set_cell
from tests.publish_support import run_build

SEEDS = PACKAGE_ROOT / "seeds"


def add_parent_segment_column(project) -> None:
    """A parent column added later: segments get parent_segment_id (in the contract and the file)."""
    path = project.root / "dbt_project.yml"
    config = yaml.safe_load(path.read_text())
    config["seeds"][config["name"]]["segments"]["+column_types"]["parent_segment_id"] = "string"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    lines = (project.seeds_dir / "segments.csv").read_text(encoding="utf-8").splitlines()
    (project.seeds_dir / "segments.csv").write_text(
        "\n".join([lines[0] + ",parent_segment_id", *(line + "," for line in lines[1:])]) + "\n", encoding="utf-8")


def set_segment_parent(project, market_id: str, segment_id: str, parent: str) -> int:
    """Set the parent of one segment; return its line in the file."""
    path = project.seeds_dir / "segments.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith(f"{market_id},{segment_id},"))
    lines[number] += parent
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


def assert_refused_at_check_seeds(project, *fragments: str) -> str:
    result = run_build(project)
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "BUILD FAILED at step 'check seeds'" in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr[-3000:]
    assert not project.published_db.exists(), "nothing may be published"
    return result.stderr


@pytest.mark.parametrize("seed, id_column, first, second", [
    ("regions", "parent_region_id", "WORLD", "NA"),
    ("markets", "parent_market_id", "biopharma_cmo_cro", "biopharma_contract_manufacturing"),
])
def test_a_self_parent_and_a_loop_of_two_are_refused_naming_the_loop(tmp_path, seed, id_column, first, second):
    project = copy_project(tmp_path / "self")
    set_cell(first, id_column, first)(project.seeds_dir / f"{seed}.csv")
    row = line_of(SEEDS, seed, first)
    assert_refused_at_check_seeds(project, f"seeds/{seed}.csv, row {row}, column '{id_column}'",
                                  f"'{first}' is its own parent", f"'{first}' -> '{first}'")

    project = copy_project(tmp_path / "pair")
    set_cell(first, id_column, second)(project.seeds_dir / f"{seed}.csv")
    set_cell(second, id_column, first)(project.seeds_dir / f"{seed}.csv")
    rows = sorted([line_of(SEEDS, seed, first), line_of(SEEDS, seed, second)])
    assert_refused_at_check_seeds(project, f"seeds/{seed}.csv, row {rows[0]}, column '{id_column}'",
                                  "the parents form a loop of 2", f"(rows {rows[0]}, {rows[1]})")


def test_a_parent_column_added_later_is_checked_too(tmp_path):
    market = "biopharma_cmo_cro"
    project = copy_project(tmp_path / "self")
    add_parent_segment_column(project)
    row = set_segment_parent(project, market, "biologics", "biologics")
    assert_refused_at_check_seeds(project, f"seeds/segments.csv, row {row}, column 'parent_segment_id'",
                                  f"'biologics' is its own parent within market_id '{market}'")

    project = copy_project(tmp_path / "pair")
    add_parent_segment_column(project)
    first = set_segment_parent(project, market, "biologics", "biosimilars")
    second = set_segment_parent(project, market, "biosimilars", "biologics")
    assert_refused_at_check_seeds(project, f"row {first}, column 'parent_segment_id'", "the parents form a loop of 2",
                                  "'biologics' -> 'biosimilars' -> 'biologics'", f"(rows {first}, {second})")

    project = copy_project(tmp_path / "unknown")
    add_parent_segment_column(project)
    row = set_segment_parent(project, market, "biologics", "vaccines")
    assert_refused_at_check_seeds(project, f"row {row}, column 'parent_segment_id'",
                                  f"'vaccines' is not a known segment_id within market_id '{market}'")


def test_a_valid_segment_tree_passes(tmp_path):
    project = copy_project(tmp_path / "tree")
    add_parent_segment_column(project)
    set_segment_parent(project, "biopharma_cmo_cro", "biosimilars", "biologics")
    check_seeds(project)


def test_loops_of_any_length_are_found_once_each():
    parent_of = {"a": "b", "b": "c", "c": "a", "d": "a", "e": "e", "f": "g", "g": "top", "h": "i", "i": "h"}
    loops = sorted(find_loops(parent_of), key=len)
    assert loops[0] == ["e"]
    assert sorted(loops[1]) == ["h", "i"]
    assert sorted(loops[2]) == ["a", "b", "c"] and len(loops) == 3
    assert find_loops({"x": "y", "y": "z"}) == []


def test_the_recursive_region_ancestry_stops_at_the_depth_limit_even_on_a_loop(tmp_path):
    project = copy_project(tmp_path / "loop")
    set_cell("WORLD", "parent_region_id", "NA")(project.seeds_dir / "regions.csv")  # WORLD <-> NA: plain dbt has no seed check
    outcome = run_dbt(project, "build", dbt_vars={"max_hierarchy_depth": 5},
                      extra_args=["--select", "regions stg_regions int_region_ancestry", "--exclude-resource-type", "test"])
    assert outcome.success, outcome.failures
    with duckdb.connect(str(project.candidate_db), read_only=True) as connection:
        depth, pairs = connection.execute(
            "select max(depth), count(*) filter (where region_id = 'WORLD') from intermediate.int_region_ancestry"
        ).fetchone()
    # WORLD's ancestors alternate NA, WORLD, NA, ... : depths 0 to 5, six rows.
    assert (depth, pairs) == (5, 6)
