"""Write-audit-publish, end to end with real processes and files: bad input, failed rules, readers and
concurrent builds never leave BI users a broken or unvalidated warehouse (crashes: test_publish_crashes.py)."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import duckdb
import pytest
import yaml

from market_warehouse.build_steps import BuildFailed
from market_warehouse.pipeline import build
from market_warehouse.project import PACKAGE_ROOT
from market_warehouse.validation import validate
from tests.bad_inputs import corpus
from tests.publish_support import assert_file_and_exports_are_one_publish, published_state, run_build, start_build

CASES = corpus(PACKAGE_ROOT / "seeds")

# Through the command line, as a user runs it (a process each); the rest of the corpus runs the same main
# job in this process, which fails at the same step with the same message in a fraction of the time.
COMMAND_LINE_CASES = {"non-numeric value", "missing column", "UTF-8 byte-order mark", "a FIFO named like a seed",
                      "look-alike Cyrillic letter in a key", "shares summing to 99"}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_fails_clearly_and_changes_nothing(published_copy, case):
    before = published_state(published_copy)
    case.mutate(published_copy.seeds_dir / f"{case.seed}.csv")
    if case.name in COMMAND_LINE_CASES:
        result = run_build(published_copy)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        message = result.stderr
    else:
        with pytest.raises(BuildFailed) as failed:
            build(published_copy, log=lambda line: None)
        message = f"BUILD FAILED at step '{failed.value.step}': {failed.value.detail}"
    assert f"BUILD FAILED at step '{case.caught_by}'" in message
    assert all(fragment in message for fragment in case.expected_fragments), message[-3000:]
    assert published_state(published_copy) == before


def test_the_corpus_covers_both_paths():
    names = {case.name for case in CASES}
    assert COMMAND_LINE_CASES <= names and len(names - COMMAND_LINE_CASES) > 30


def test_a_failed_critical_rule_blocks_publishing(published_copy):
    before = published_state(published_copy)
    # A what-if that puts the base scenario above the high one: dbt builds it, GX rule 6 must stop it.
    # In this process: the command line prints a BuildFailed alike at every step (the corpus' command-line cases).
    with pytest.raises(BuildFailed) as failed:
        build(published_copy, dbt_vars={"scenario_cagr_overrides": {"base": 0.2}}, log=lambda line: None)
    assert failed.value.step == "validate"
    assert "rule 6" in failed.value.detail and "Scenario order" in failed.value.detail
    assert published_state(published_copy) == before


@pytest.mark.parametrize("vars_, message", [
    ("{nope: 1}", "unknown var 'nope'"),
    ("{fan_draws: many}", "var fan_draws: must be an integer"),
    ("{base_year: 2010}", "does not hold the base year 2010"),
    ("{base_year: 2034, forecast_start_year: 2034, forecast_end_year: 2035}",
     "base year 2034 is outside the years its sources state world sizes for"),
    ("{input_folder: \"/tmp'; drop table x; --\"}", "looks like SQL is refused"),
    ("{scenario_cagr_overrides: {medium: 0.1}}", "unknown scenario 'medium'"),
    ("{scenario_cagr_overrides: {no_such_market: {high: 0.2}}}", "names no market of the inputs: no_such_market"),
    ("[1, 2]", "--vars must be a mapping"),
])
def test_bad_vars_are_refused_before_anything_runs(published_copy, vars_, message):
    before = published_state(published_copy)
    result = run_build(published_copy, "--vars", vars_)
    assert result.returncode != 0
    assert "BUILD FAILED at step 'check vars'" in result.stderr and message in result.stderr, result.stderr
    assert published_state(published_copy) == before


# What a publish is: its run id and its numbers, read in one query.
READER_QUERY = ("select (select run_id from audit.publish_log order by published_at desc limit 1), "
                "(select sum(market_size_usd_bn) from marts.fct_market_forecast where scenario = 'high')")
READER = """
import json, os, sys, time, duckdb
path, stop, query, mode = sys.argv[1:5]
held = duckdb.connect(path, read_only=True) if mode == "held" else None
seen, errors = [], []
while not os.path.exists(stop):
    try:
        if held is not None:
            seen.append(held.execute(query).fetchone())
        else:
            with duckdb.connect(path, read_only=True) as fresh:
                seen.append(fresh.execute(query).fetchone())
    except Exception as error:
        errors.append(repr(error))
    time.sleep(0.2)  # 5 queries a second still see every publish; faster polling only slows the builds down
print(json.dumps({"seen": seen, "errors": errors}))
"""


def test_readers_see_one_whole_publish_at_a_time(published_copy, tmp_path):
    """Two reader processes query in a loop across two rebuilds: one holds a single connection
    throughout, one reconnects for every query. (DuckDB shares one database instance per file within a
    process, so a process sees a new publish once it has closed all its connections to the file.)"""
    def current_state():
        with duckdb.connect(str(published_copy.published_db), read_only=True) as connection:
            return tuple(connection.execute(READER_QUERY).fetchone())

    states = {current_state()}
    stop = tmp_path / "stop"
    readers = {mode: subprocess.Popen([sys.executable, "-c", READER, str(published_copy.published_db), str(stop),
                                       READER_QUERY, mode], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for mode in ("held", "fresh")}
    time.sleep(2)
    for high in (0.12, 0.14):
        build(published_copy, dbt_vars={"scenario_cagr_overrides": {"biopharma_cmo_cro": {"high": high}}},
              log=lambda message: None)
        states.add(current_state())
        time.sleep(1)
    stop.touch()
    observed = {mode: json.loads(reader.communicate(timeout=60)[0]) for mode, reader in readers.items()}
    assert len(states) == 3  # the initial publish and two rebuilds, each with its own numbers
    for mode in readers:
        assert observed[mode]["errors"] == [], observed[mode]["errors"][:5]
        # Every answer is exactly one publish's run id with that publish's numbers, never a mix.
        assert {tuple(row) for row in observed[mode]["seen"]} <= states, mode
    assert len({tuple(row) for row in observed["fresh"]["seen"]}) == 3, "the reconnecting reader sees each publish land"
    assert len({tuple(row) for row in observed["held"]["seen"]}) == 1, "a held connection keeps the file it opened"


def test_two_builds_at_once_one_waits_its_turn_or_fails_clearly(published_copy):
    first, second = start_build(published_copy), start_build(published_copy)
    outputs = [process.communicate(timeout=600)[0] for process in (first, second)]
    codes = sorted(process.returncode for process in (first, second))
    assert codes == [0, 1]
    loser = outputs[[first.returncode, second.returncode].index(1)]
    assert "another build of this project is running" in loser
    assert validate(published_copy, published_copy.published_db, "after-race").blocking == []


def test_plain_dbt_build_writes_the_candidate_never_the_published_file():
    profile = yaml.safe_load((PACKAGE_ROOT / "profiles.yml").read_text())
    path = profile["market_warehouse"]["outputs"]["dev"]["path"]
    assert "'build/market.duckdb'" in path and "warehouse" not in path


def test_parquet_exports_match_the_published_marts(built_project, warehouse):
    assert_file_and_exports_are_one_publish(built_project)
    marts = [row[0] for row in warehouse.execute(
        "select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()]
    assert len(marts) >= 17
    for mart in marts:
        parquet = built_project.warehouse_dir / "parquet" / f"{mart}.parquet"
        in_parquet = warehouse.execute(f"select count(*) from read_parquet('{parquet}')").fetchone()[0]
        assert in_parquet == warehouse.execute(f"select count(*) from marts.{mart}").fetchone()[0], mart


def test_publish_log_says_what_the_file_holds(warehouse):
    run_id, commit, checksums, results, validation = warehouse.execute(
        "select run_id, git_commit, seed_checksums, dbt_results, validation_results from audit.publish_log").fetchone()
    assert len(json.loads(checksums)) == len(list((PACKAGE_ROOT / "seeds").glob("*.csv")))
    assert json.loads(results).get("success", 0) + json.loads(results).get("pass", 0) > 100
    assert json.loads(validation)["critical_failed"] == 0 and json.loads(validation)["critical_passed"] > 20
