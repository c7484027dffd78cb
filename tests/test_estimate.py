"""The estimate's promises (docs/estimate.md), on every curated market and on every market of a
generated catalog (bench/generate.py, M = 100): the estimate lies inside its p10-p90 every year; an unattributed
page gets the lowest grade; lowering a source's grade moves the estimate away from it; a source's sizes x 10
move the estimate by less than 10 %.

Each case is built by dbt from an input folder (var input_folder), only the models the estimate needs; a
perturbed case is a copy of the folder with one source per market changed.
"""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from market_warehouse.dbt_build import run_dbt
from market_warehouse.project import PACKAGE_ROOT, Project, copy_project

pytestmark = pytest.mark.slow

ESTIMATE_MODELS = ["+fct_market_estimate", "+fct_source_grade"]


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build_estimate(project: Project, inputs: Path, name: str) -> dict:
    """Build the estimate's models from `inputs` into a candidate of its own; return its marts as dicts.
    dbt reads a copy of `inputs` at one path for every build of the project, so the var input_folder stays
    the same and dbt parses the project once (partial parsing), not once per build."""
    active = project.root.parent / "active-inputs"
    shutil.rmtree(active, ignore_errors=True)
    shutil.copytree(inputs, active)
    project.candidate_db.unlink(missing_ok=True)
    outcome = run_dbt(project, "run", dbt_vars={"input_folder": str(active)},
                      extra_args=["--select", *ESTIMATE_MODELS])
    assert outcome.success, (name, outcome.failures)
    with duckdb.connect(str(project.candidate_db), read_only=True) as connection:
        estimate = {(m, y): (e, lo, hi) for m, y, e, lo, hi in connection.execute(
            "select market_id, year, estimate_usd_bn, range_low_usd_bn, range_high_usd_bn from marts.fct_market_estimate"
        ).fetchall()}
        grades = {(m, s): (kind, weight, grade, counts) for m, s, kind, weight, grade, counts in connection.execute(
            "select market_id, source_id, publisher_kind, weight, grade, counts_toward_estimate from marts.fct_source_grade"
        ).fetchall()}
        sizes = {(m, s): value for m, s, value in connection.execute(
            "select market_id, source_id, value from intermediate.int_estimate_components where component = 'size'"
        ).fetchall()}
        paths = {(m, s, y): value for m, s, y, value in connection.execute(
            "select market_id, source_id, year, market_size_usd_bn from intermediate.int_source_forecast").fetchall()}
        windows = {m: (base, end) for m, base, end in connection.execute(
            "select market_id, base_year, forecast_end_year from staging.stg_markets").fetchall()}
    return {"estimate": estimate, "grades": grades, "sizes": sizes, "paths": paths, "windows": windows}


def perturbed_folder(inputs: Path, target: Path, *, unattributed: set[str] = frozenset(),
                     times_ten: set[tuple[str, str]] = frozenset()) -> Path:
    """A copy of `inputs` where the sources in `unattributed` become unattributed pages and the world sizes of
    the (market, source) pairs in `times_ten` are multiplied by 10."""
    shutil.copytree(inputs, target)
    columns, rows = read_csv(target / "sources.csv")
    for row in rows:
        if row["source_id"] in unattributed:
            row["publisher_kind"] = "unattributed_page"
    write_csv(target / "sources.csv", columns, rows)
    columns, rows = read_csv(target / "market_claims.csv")
    for row in rows:
        if row["metric"] == "market_size" and (row["market_id"], row["source_id"]) in times_ten:
            for column in ("value", "value_low", "value_high"):
                if row[column]:
                    row[column] = repr(float(row[column]) * 10)
    write_csv(target / "market_claims.csv", columns, rows)
    return target


@pytest.fixture(scope="module", params=["curated", "generated"])
def case(request, tmp_path_factory):
    """The baseline and two perturbed builds of one input set: the curated seeds or a generated catalog."""
    root = tmp_path_factory.mktemp(request.param)
    project = copy_project(root / "project")
    inputs = root / "inputs"
    if request.param == "curated":
        inputs.mkdir()
        for seed in PACKAGE_ROOT.joinpath("seeds").glob("*.csv"):
            shutil.copy(seed, inputs / seed.name)
    else:
        subprocess.run([sys.executable, str(PACKAGE_ROOT / "bench" / "generate.py"), "--markets", "100",
                        "--out", str(inputs)], check=True, capture_output=True)
    baseline = build_estimate(project, inputs, "baseline")
    # Per market: the source whose base-year size the base-year estimate is (the weighted median source), and
    # the source with the largest base-year size.
    at_base, largest = {}, {}
    for market, (base_year, _) in baseline["windows"].items():
        sizes = {source: value for (m, source), value in baseline["sizes"].items() if m == market}
        if not sizes:
            continue
        estimate = baseline["estimate"][(market, base_year)][0]
        source = next(source for source, value in sizes.items() if value == pytest.approx(estimate, rel=1e-12))
        if baseline["grades"][(market, source)][0] != "unattributed_page":  # already graded as low as it goes
            at_base[market] = source
        largest[market] = max(sizes, key=sizes.get)
    lowered = build_estimate(project, perturbed_folder(inputs, root / "lowered", unattributed=set(at_base.values())),
                             "lowered")
    tenfold = build_estimate(project, perturbed_folder(inputs, root / "tenfold", times_ten=set(largest.items())),
                             "tenfold")
    return {"baseline": baseline, "lowered": lowered, "tenfold": tenfold, "at_base": at_base, "largest": largest}


def test_every_market_has_an_estimate_inside_its_range_every_year(case):
    estimate = case["baseline"]["estimate"]
    assert case["largest"], "no market has an estimate"
    for market in case["largest"]:
        base_year, end_year = case["baseline"]["windows"][market]
        for year in range(base_year, end_year + 1):
            value, low, high = estimate[(market, year)]
            assert low <= value <= high, (market, year, low, value, high)


def test_an_unattributed_page_gets_the_lowest_grade_of_its_market(case):
    grades = case["baseline"]["grades"]
    unattributed = [(m, s) for (m, s), (kind, *_) in grades.items() if kind == "unattributed_page"]
    assert unattributed
    for market, source in unattributed:
        lowest = min(weight for (m, _), (_, weight, _, _) in grades.items() if m == market)
        assert grades[(market, source)][1] == lowest and grades[(market, source)][2] == "D", (market, source)


def test_lowering_a_source_grade_moves_the_estimate_away_from_it(case):
    """The source the base-year estimate rests on (the weighted median of the base-year sizes) becomes an
    unattributed page: the base-year estimate never comes closer to it, and in at least two markets of three it
    moves away. (A median need not move: a source exactly balanced between the others stays the median at any
    weight, as S1 does in the first curated market, with 1.0 of weight below it and 1.0 above. Later years pair
    sizes with growth rates, whose order a lower weight can reshuffle, so they are not checked here.)"""
    before, after = case["baseline"], case["lowered"]
    moved = []
    for market, source in case["at_base"].items():
        base_year, _ = before["windows"][market]
        assert after["grades"][(market, source)][1] < before["grades"][(market, source)][1]
        if sum(1 for (m, _) in before["sizes"] if m == market) == 1:
            continue  # the only size source carries every draw, whatever its weight
        size = before["sizes"][(market, source)]
        old, new = before["estimate"][(market, base_year)][0], after["estimate"][(market, base_year)][0]
        assert abs(new - size) >= abs(old - size), (market, source, old, new, size)
        moved.append(abs(new - size) > abs(old - size))
    assert moved and 3 * sum(moved) >= 2 * len(moved), f"only {sum(moved)} of {len(moved)} markets moved away"


def test_a_source_ten_times_too_large_moves_the_estimate_by_less_than_ten_percent(case):
    before, after = case["baseline"], case["tenfold"]
    for market in case["largest"]:
        base_year, end_year = before["windows"][market]
        n_sizes = sum(1 for (m, _) in before["sizes"] if m == market)
        if n_sizes < 3:  # with one or two sources, one of them is half the evidence: no estimator can hold
            continue
        for year in range(base_year, end_year + 1):
            old, new = before["estimate"][(market, year)][0], after["estimate"][(market, year)][0]
            assert abs(new - old) / old < 0.10, (market, year, old, new)
