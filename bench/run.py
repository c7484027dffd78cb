"""Scale benchmark of the main job (`make bench`): M = 1, 10, 100, 1000 synthetic markets.

    python bench/run.py [--sizes 1 10 100 1000] [--sources 10] [--regions 30] [--draws 10000]
                        [--format parquet|csv] [--workdir build/bench]

Per size: generate a catalog (bench/generate.py) into an input folder, copy the project (as
tests/conftest.py copy_project does), run the real main job in a subprocess
(`python -m market_warehouse --project-dir <copy> build --vars {input_folder, fan_draws}`) and record
wall time, peak RSS (/usr/bin/time -v, else getrusage), rows per mart and the job's step_seconds. Then,
on the same inputs and the same built file:
  1. the dbt forecast + fan models (a timed `dbt run --threads 1` of them and everything upstream) vs
     one hand-written bare DuckDB statement each (bench/bare_forecast.sql, bench/bare_fan.sql), and
     whether the results are equal;
  2. GX validation vs the same rules as bare SQL (bench/gx_vs_sql.py);
  3. time(M max) / time(M min) and the log-log slope of time against M.
Writes bench/results/bench-<UTC time>.json and latest.json, and rewrites bench/RESULTS.md (with the targets' verdicts).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]  # the generator beside this file; the project's package
import generate  # noqa: E402
import minimal_dbt  # noqa: E402

from market_warehouse.project import copy_project  # noqa: E402

TIME = Path("/usr/bin/time")
MODELS = ["fct_market_forecast", "fct_forecast_fan"]


def run_main_job(project: Path, dbt_vars: dict, log_path: Path) -> dict:
    command = [sys.executable, "-m", "market_warehouse", "--project-dir", str(project), "build",
               "--vars", json.dumps(dbt_vars)]
    use_time = TIME.exists()
    if use_time:
        command = [str(TIME), "-v"] + command
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    log_path.write_text(result.stdout + "\n--- stderr ---\n" + result.stderr)
    if result.returncode != 0:
        raise RuntimeError(f"main job failed (exit {result.returncode}); see {log_path}")
    if use_time:
        peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    else:
        import resource
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # max over every child so far
    published = project / "warehouse" / "market.duckdb"
    with duckdb.connect(str(published), read_only=True) as connection:
        # The job prints {"run_id", "step_seconds"} last on stdout (publish included); audit.publish_log
        # has the steps before publish.
        try:
            step_seconds = json.loads(result.stdout[result.stdout.rindex("\n{\n"):])["step_seconds"]
        except ValueError:
            step_seconds = json.loads(connection.execute(
                "select step_seconds from audit.publish_log order by published_at desc limit 1").fetchone()[0])
        marts = [row[0] for row in connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by 1").fetchall()]
        rows = {mart: connection.execute(f"select count(*) from marts.{mart}").fetchone()[0] for mart in marts}
    results = json.loads((project / "build" / "target" / "run_results.json").read_text())
    node_seconds = {r["unique_id"].split(".")[-1]: round(r["execution_time"], 3) for r in results["results"]
                    if r["unique_id"].startswith("model.")}
    return {"wall_seconds": round(wall, 3), "peak_rss_mib": round(peak_kb / 1024, 1),
            "peak_rss_source": "/usr/bin/time -v" if use_time else "getrusage(RUSAGE_CHILDREN)",
            "step_seconds": step_seconds, "rows_per_mart": rows,
            "model_seconds_in_build": {m: node_seconds.get(m) for m in MODELS}}


def input_relations(folder: Path) -> dict[str, str]:
    relations = {}
    types = generate.seed_columns()
    for name, key in (("markets", "markets"), ("market_claims", "claims"), ("regions", "regions")):
        parquet = folder / f"{name}.parquet"
        if parquet.exists():
            columns = ", ".join(f'cast("{c}" as {t}) as "{c}"' for c, t in types[name].items())
            relations[key] = f"(select {columns} from read_parquet('{parquet}'))"
        else:
            type_map = ", ".join(f"'{c}': '{t}'" for c, t in types[name].items())
            relations[key] = (f"read_csv('{folder / (name + '.csv')}', header = true, delim = ',', quote = '\"', "
                              f"escape = '\"', types = {{{type_map}}})")
    return relations


def models_vs_bare_sql(project: Path, folder: Path, dbt_vars: dict, log_path: Path) -> dict:
    """dbt run of the two marts and everything upstream (one thread, so no model waits for a core), vs
    the bare statements on a fresh connection; the bare results are compared with the marts."""
    env = dict(os.environ, MARKET_WAREHOUSE_CANDIDATE=str(project / "build" / "market.duckdb"))
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt), "run", "--project-dir", str(project), "--profiles-dir", str(project),
               "--target-path", str(project / "build" / "target-bench"), "--log-path", str(project / "build" / "logs"),
               "--threads", "1", "--vars", json.dumps(dbt_vars), "--select"] + [f"+{m}" for m in MODELS]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    dbt_wall = time.perf_counter() - started
    log_path.write_text(result.stdout + result.stderr)
    if result.returncode != 0:
        raise RuntimeError(f"dbt run failed; see {log_path}")
    run_results = json.loads((project / "build" / "target-bench" / "run_results.json").read_text())
    node_seconds = {r["unique_id"].split(".")[-1]: r["execution_time"] for r in run_results["results"]}
    dbt_models = sum(node_seconds.values())  # the two tables and the staging / intermediate views they read

    relations = dict(input_relations(folder), draws=str(dbt_vars.get("fan_draws", 10000)))
    bare = {}
    statements = {m: (BENCH / f"bare_{m.removeprefix('fct_market_').removeprefix('fct_forecast_')}.sql").read_text()
                  for m in MODELS}
    candidate = project / "build" / "market.duckdb"
    with duckdb.connect(str(candidate)) as connection:
        for model, template in statements.items():
            sql = template
            for key, value in relations.items():
                sql = sql.replace("{" + key + "}", value)
            started = time.perf_counter()
            connection.execute(f"create or replace temp table bare_{model} as {sql}")
            seconds = time.perf_counter() - started
            bare[model] = {"seconds": round(seconds, 3), "equal": _same(connection, model)}
    bare_total = sum(b["seconds"] for b in bare.values())
    return {
        "dbt_run_wall_seconds": round(dbt_wall, 3),
        "dbt_model_seconds": {m: round(node_seconds[m], 3) for m in MODELS},
        "dbt_models_total_seconds": round(dbt_models, 3),
        "bare_sql": bare,
        "bare_sql_total_seconds": round(bare_total, 3),
        "ratio_dbt_models_to_bare_sql": round(dbt_models / bare_total, 2),
        "ratio_dbt_run_wall_to_bare_sql": round(dbt_wall / bare_total, 2),
        "results_equal": all(b["equal"] for b in bare.values()),
    }


def _same(connection, model: str) -> bool:
    """Same rows and keys, and every number equal within 1e-9 relative."""
    keys = {"fct_market_forecast": ["market_id", "scenario", "region_id", "year"],
            "fct_forecast_fan": ["market_id", "region_id", "year"]}[model]
    values = [c for c in connection.execute(f"select * from bare_{model} limit 0").fetchnumpy() if c not in keys]
    on = " and ".join(f"a.{k} = b.{k}" for k in keys)
    differs = " or ".join(f"(a.{v} is distinct from b.{v} and not (abs(a.{v} - b.{v}) <= 1e-9 * abs(b.{v})))"
                          for v in values)
    counts = connection.execute(f"select (select count(*) from bare_{model}), (select count(*) from marts.{model})"
                                ).fetchone()
    bad = connection.execute(f"select count(*) from bare_{model} as a full join marts.{model} as b on {on} "
                             f"where a.{keys[0]} is null or b.{keys[0]} is null or {differs}").fetchone()[0]
    return counts[0] == counts[1] and bad == 0


def gx_vs_sql(project: Path) -> dict:
    result = subprocess.run([sys.executable, str(BENCH / "gx_vs_sql.py"), str(project),
                             str(project / "warehouse" / "market.duckdb")], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"gx_vs_sql failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def against_minimal_dbt(workdir: Path, runs: int) -> dict:
    """The main job on the curated seeds vs `dbt build` of a minimal project of the jaffle_shop_duckdb shape
    (bench/minimal_dbt.py), same dbt / dbt-duckdb / DuckDB, interleaved, `runs` times each; medians."""
    minimal = minimal_dbt.write(workdir / "minimal-dbt")
    shutil.rmtree(workdir / "project-curated", ignore_errors=True)
    project = copy_project(workdir / "project-curated").root
    dbt = Path(sys.executable).with_name("dbt")
    floor, job, steps, phases = [], [], [], []
    for run in range(runs + 1):  # run 0 warms both (partial parse, OS caches) and is not counted
        (minimal / "minimal.duckdb").unlink(missing_ok=True)
        started = time.perf_counter()
        result = subprocess.run([str(dbt), "build"], cwd=minimal, capture_output=True, text=True)
        floor_seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"minimal dbt build failed: {result.stdout[-2000:]}")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "market_warehouse", "--project-dir", str(project), "build"],
                                cwd=ROOT, capture_output=True, text=True)
        job_seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"main job failed: {result.stderr[-2000:]}")
        if run:
            floor.append(floor_seconds)
            job.append(job_seconds)
            steps.append(json.loads(result.stdout[result.stdout.rindex("\n{\n"):])["step_seconds"])
            phases.append({"minimal": node_phase(minimal / "target"), "main_job": node_phase(project / "build" / "target")})
    median = lambda values: round(sorted(values)[len(values) // 2], 3)  # noqa: E731 (odd runs: the middle one)
    step_medians = {name: median([s[name] for s in steps]) for name in steps[0]}
    return {"runs": runs, "minimal_dbt_build_seconds": [round(v, 3) for v in floor],
            "main_job_seconds": [round(v, 3) for v in job], "minimal_dbt_build_median": median(floor),
            "main_job_median": median(job), "ratio": round(median(job) / median(floor), 2),
            "main_job_step_medians": step_medians,
            "node_phase_medians": {which: {key: median([p[which][key] for p in phases]) for key in ("nodes", "seconds")}
                                   for which in ("minimal", "main_job")},
            "load_average_1min": round(os.getloadavg()[0], 2)}


def node_phase(target_dir: Path) -> dict:
    """dbt's node phase of a build (run_results.json): nodes run and its wall time. The rest of `dbt build`'s
    time is dbt's fixed cost: import, reading the manifest, writing the artifacts."""
    results = json.loads((target_dir / "run_results.json").read_text())
    return {"nodes": len(results["results"]), "seconds": round(results["elapsed_time"], 3)}


def test_suite_times() -> dict:
    """Wall time of `make test-fast` and `make test` (the whole suite) on this checkout."""
    times = {}
    for target in ("test-fast", "test"):
        started = time.perf_counter()
        result = subprocess.run(["make", target], cwd=ROOT, capture_output=True, text=True)
        times[target] = {"seconds": round(time.perf_counter() - started, 1), "exit": result.returncode,
                         "summary": (result.stdout.strip().splitlines() or [""])[-1]}
    return times


def slope(points: list[tuple[float, float]]) -> float | None:
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    return round(sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points), 3)


def machine() -> dict:
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total_kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) if meminfo else 0
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else ""
    from importlib.metadata import version
    return {"cores": os.cpu_count(), "memory_gib": round(total_kb / 1024 ** 2, 1), "cpu": cpu,
            "os": platform.platform(), "python": platform.python_version(),
            "versions": {p: version(p) for p in ("duckdb", "dbt-core", "dbt-duckdb", "great_expectations")}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--sources", type=int, default=10)
    parser.add_argument("--regions", type=int, default=30)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--results", type=Path, default=BENCH / "results")
    parser.add_argument("--floor-runs", type=int, default=3,
                        help="interleaved runs of the main job vs the minimal dbt project (0 = skip)")
    parser.add_argument("--test-suite", action="store_true", help="also time make test-fast and make test")
    args = parser.parse_args(argv)

    args.workdir.mkdir(parents=True, exist_ok=True)
    report = {"started_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(),
              "settings": {"sources": args.sources, "regions": args.regions, "years": 8, "scenarios": 3,
                           "draws": args.draws, "format": args.format}, "sizes": {}}
    if args.floor_runs:
        print("main job vs a minimal dbt project ...", file=sys.stderr, flush=True)
        report["against_minimal_dbt"] = against_minimal_dbt(args.workdir, args.floor_runs)
        print(json.dumps(report["against_minimal_dbt"]), file=sys.stderr, flush=True)
    if args.test_suite:
        print("test suite ...", file=sys.stderr, flush=True)
        report["test_suite"] = test_suite_times()
    for m in args.sizes:
        print(f"M = {m}: generating ...", file=sys.stderr, flush=True)
        folder = args.workdir / f"inputs-{m}"
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        tables = generate.generate(m, args.sources, args.regions)
        generate.write(tables, folder, args.format)
        generate_seconds = time.perf_counter() - started
        shutil.rmtree(args.workdir / f"project-{m}", ignore_errors=True)
        project = copy_project(args.workdir / f"project-{m}").root
        dbt_vars = {"input_folder": str(folder.resolve()), "fan_draws": args.draws}
        print(f"M = {m}: main job ...", file=sys.stderr, flush=True)
        load_before = os.getloadavg()[0]
        job = run_main_job(project, dbt_vars, args.workdir / f"main-job-{m}.log")
        print(f"M = {m}: main job {job['wall_seconds']} s; models vs bare SQL ...", file=sys.stderr, flush=True)
        models = models_vs_bare_sql(project, folder, dbt_vars, args.workdir / f"dbt-run-{m}.log")
        print(f"M = {m}: GX vs bare SQL ...", file=sys.stderr, flush=True)
        gx = gx_vs_sql(project)
        report["sizes"][str(m)] = {"markets": m, "input_rows": {k: len(v) for k, v in tables.items()},
                                   "generate_seconds": round(generate_seconds, 3), "main_job": job,
                                   "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                                   "models_vs_bare_sql": models, "gx_vs_bare_sql": gx}
        print(json.dumps(report["sizes"][str(m)]), file=sys.stderr, flush=True)
        shutil.rmtree(project / "warehouse", ignore_errors=True)  # the big files; the inputs stay for reruns
    sizes = sorted(report["sizes"].values(), key=lambda s: s["markets"])
    first, last = sizes[0], sizes[-1]
    report["scaling"] = {
        "main_job_ratio_max_to_min": round(last["main_job"]["wall_seconds"] / first["main_job"]["wall_seconds"], 2),
        "sizes_compared": [first["markets"], last["markets"]],
        "loglog_slope_main_job": slope([(s["markets"], s["main_job"]["wall_seconds"]) for s in sizes]),
        "loglog_slope_dbt_build": slope([(s["markets"], s["main_job"]["step_seconds"]["dbt build (candidate)"])
                                         for s in sizes]),
        "loglog_slope_fan_model": slope([(s["markets"], s["models_vs_bare_sql"]["dbt_model_seconds"]["fct_forecast_fan"])
                                         for s in sizes]),
    }
    report["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    args.results.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(report, indent=2)
    (args.results / f"bench-{stamp}.json").write_text(text + "\n")
    (args.results / "latest.json").write_text(text + "\n")
    (BENCH / "RESULTS.md").write_text(render(report))
    print(render(report))
    return 0


def render(report: dict) -> str:
    mach, settings = report["machine"], report["settings"]
    sizes = sorted(report["sizes"].values(), key=lambda s: s["markets"])
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (bench/run.py) on {report['finished_at']}; raw numbers in "
        "[results/latest.json](results/latest.json).",
        "",
        f"Machine: {mach['cores']} cores ({mach['cpu'] or 'cpu unknown'}), {mach['memory_gib']} GiB, {mach['os']}; "
        f"Python {mach['python']}, " + ", ".join(f"{k} {v}" for k, v in mach["versions"].items()) + ".",
        "",
        f"Inputs: M synthetic markets x {settings['sources']} sources x {settings['regions']} regions, 8 years, "
        f"3 scenarios, {settings['draws']:,} draws per market, read as {settings['format']} through the "
        "`input_folder` switch. Times in seconds, wall clock.",
        "",
        "| M | main job | peak RSS (MiB) | check seeds | dbt build | GX validate | publish | "
        "forecast rows | fan rows | dbt forecast + fan | bare SQL | ratio | equal | GX rules | bare SQL rules | ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|",
    ]
    loads = [load for s in sizes for load in s.get("load_average_1min", [])]
    for s in sizes:
        job, models, gx = s["main_job"], s["models_vs_bare_sql"], s["gx_vs_bare_sql"]
        steps = job["step_seconds"]
        lines.append(
            f"| {s['markets']:,} | {job['wall_seconds']:.1f} | {job['peak_rss_mib']:,.0f} | "
            f"{steps.get('check seeds', 0):.1f} | {steps.get('dbt build (candidate)', 0):.1f} | "
            f"{steps.get('validate (Great Expectations)', 0):.1f} | {steps.get('publish', 0):.1f} | "
            f"{job['rows_per_mart'].get('fct_market_forecast', 0):,} | {job['rows_per_mart'].get('fct_forecast_fan', 0):,} | "
            f"{models['dbt_models_total_seconds']:.2f} | {models['bare_sql_total_seconds']:.2f} | "
            f"{models['ratio_dbt_models_to_bare_sql']:.2f} | {'yes' if models['results_equal'] else 'NO'} | "
            f"{gx['gx_validate_seconds']:.2f} | {gx['bare_sql_seconds']:.2f} | {gx['ratio_gx_to_sql']:.2f} |")
    scaling = report["scaling"]
    lines += [
        "",
        f"Scaling: main job M = {scaling['sizes_compared'][1]:,} / M = {scaling['sizes_compared'][0]:,}: "
        f"{scaling['main_job_ratio_max_to_min']}x; log-log slope of time against M: main job "
        f"{scaling['loglog_slope_main_job']}, dbt build {scaling['loglog_slope_dbt_build']}, "
        f"fan model {scaling['loglog_slope_fan_model']} (1 = linear, 0 = flat).",
        "",
        f"1-minute load average around the runs: {min(loads):.1f} to {max(loads):.1f} on {mach['cores']} cores "
        "(above the core count means other work shared the machine and the times are inflated).",
        "",
        "Columns: *main job* = `python -m market_warehouse build` in a subprocess (seed check, dbt build with all "
        "tests, GX validation, publish); the step columns are its own step_seconds. *dbt forecast + fan* = "
        "execution time of fct_market_forecast, fct_forecast_fan and the staging / intermediate views under them, "
        "in a separate `dbt run --threads 1` on the built file; *bare SQL* = bench/bare_forecast.sql + "
        "bench/bare_fan.sql on the same input files; *equal* = same rows, numbers within 1e-9 relative. "
        "*GX rules* = market_warehouse.validation.validate in-process (GX already imported); *bare SQL rules* = "
        "the same rules as plain SQL counts (bench/gx_vs_sql.py), whose counts are compared with GX's.",
        "",
        *_floor_lines(report),
        "## Against the targets (at the largest M)",
        "",
        *targets(report),
        "",
    ]
    return "\n".join(lines)


def _floor_lines(report: dict) -> list[str]:
    lines = []
    floor = report.get("against_minimal_dbt")
    if floor:
        steps = ", ".join(f"{name} {seconds:.2f}" for name, seconds in floor["main_job_step_medians"].items())
        lines += [
            "## Main job vs dbt's own floor",
            "",
            f"`python -m market_warehouse build` on the curated seeds (3 markets) vs `dbt build` of a minimal project "
            f"of the jaffle_shop_duckdb shape (bench/minimal_dbt.py: 3 seeds of 100-200 rows, 2 staging views, "
            f"2 mart tables, 20 schema tests), same dbt / dbt-duckdb / DuckDB, both as fresh processes, "
            f"{floor['runs']} interleaved runs after one warm-up, medians:",
            "",
            "| minimal dbt build | main job | ratio | runs (minimal / main job) | load |",
            "|---:|---:|---:|---|---:|",
            f"| {floor['minimal_dbt_build_median']:.2f} | {floor['main_job_median']:.2f} | {floor['ratio']:.2f} | "
            f"{floor['minimal_dbt_build_seconds']} / {floor['main_job_seconds']} | {floor['load_average_1min']} |",
            "",
            f"Main job steps (medians, seconds): {steps}.",
            "",
        ]
        phase = floor.get("node_phase_medians")
        if phase:
            lines += [
                f"dbt's node phase (run_results.json, medians): the minimal project runs {phase['minimal']['nodes']} "
                f"nodes in {phase['minimal']['seconds']:.2f} s, the main job's `dbt build` {phase['main_job']['nodes']} "
                f"nodes in {phase['main_job']['seconds']:.2f} s "
                f"({1000 * phase['main_job']['seconds'] / phase['main_job']['nodes']:.0f} ms per node on 2 threads). "
                "The rest of each `dbt build` is dbt's fixed cost (import, manifest, artifacts).",
                "",
            ]
    suite = report.get("test_suite")
    if suite:
        lines += ["## Test suite", "", "| target | wall time | exit | summary |", "|---|---:|---:|---|"]
        lines += [f"| make {target} | {t['seconds']:.0f} s | {t['exit']} | {t['summary']} |" for target, t in suite.items()]
        lines.append("")
    return lines


def targets(report: dict) -> list[str]:
    """The issue's targets, each with the measured value and met / missed, computed from the results."""
    sizes = sorted(report["sizes"].values(), key=lambda s: s["markets"])
    largest = sizes[-1]
    models, gx = largest["models_vs_bare_sql"], largest["gx_vs_bare_sql"]
    steps = largest["main_job"]["step_seconds"]
    checks = []
    floor = report.get("against_minimal_dbt")
    if floor:
        checks.append(("main job <= 2x `dbt build` of a minimal dbt project", floor["ratio"], 2, "x",
                       f"(medians {floor['main_job_median']:.1f} s vs {floor['minimal_dbt_build_median']:.1f} s)"))
        gx_step = floor["main_job_step_medians"].get("validate (Great Expectations)")
        if gx_step is not None:
            checks.append(("GX step of the main job (import included) <= 4 s on the curated seeds", gx_step, 4, " s", ""))
    smallest_gx = sizes[0]["main_job"]["step_seconds"].get("validate (Great Expectations)")
    if smallest_gx is not None:
        checks.append((f"GX step at M = {sizes[0]['markets']:,} (import included) <= 4 s", smallest_gx, 4, " s", ""))
    for target, limit in (("test", 480), ("test-fast", 90)):
        if report.get("test_suite", {}).get(target):
            checks.append((f"make {target} <= {limit} s", report["test_suite"][target]["seconds"], limit, " s", ""))
    checks += [
        (f"main job M = {largest['markets']:,} <= 4x M = {sizes[0]['markets']:,}",
         report["scaling"]["main_job_ratio_max_to_min"], 4, "x",
         f"(steps: check seeds {steps.get('check seeds', 0):.1f} s, dbt build {steps.get('dbt build (candidate)', 0):.1f} s, "
         f"GX {steps.get('validate (Great Expectations)', 0):.1f} s)"),
        ("peak RSS < 4 GiB", round(max(s["main_job"]["peak_rss_mib"] for s in sizes) / 1024, 2), 4, " GiB", ""),
        ("dbt forecast + fan models <= 1.5x the bare SQL", models["ratio_dbt_models_to_bare_sql"], 1.5, "x",
         "(results equal: " + ("yes" if models["results_equal"] else "NO") + ")"),
        ("GX <= 2x the bare SQL checks", gx["ratio_gx_to_sql"], 2, "x",
         f"(results equal rule by rule; GX's floor: it sent {gx['gx_queries']} queries for {gx['n_rules']} rules, "
         f"{gx['gx_query_seconds']:.2f} s in DuckDB alone = {gx['gx_query_seconds'] / gx['bare_sql_seconds']:.2f}x "
         "the bare SQL)"),
        (f"fan at M = {largest['markets']:,} under 60 s", models["dbt_model_seconds"]["fct_forecast_fan"], 60, " s", ""),
    ]
    return [f"* {name}: **{value}{unit}, {'met' if value <= limit else 'missed'}** {note}".rstrip()
            for name, value, limit, unit, note in checks]


if __name__ == "__main__":
    raise SystemExit(main())
