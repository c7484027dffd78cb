"""DuckDB vs Spark on the same generated catalogs (`make bench`, after bench/run.py): M = 1, 100, 1000, 10000.

    .venv-spark/bin/python bench/engines.py [--sizes 1 100 1000 10000] [--draws 10000] [--workdir build/bench-engines]
                                            [--merge]   # keep the recorded rows of sizes not run now

Per size: generate a catalog (bench/generate.py, Parquet: the input switch both engines read), copy the
project, then in subprocesses of the Spark venv (same dbt, dbt-duckdb, DuckDB and GX as the default one):
  1. `python -m market_warehouse build --vars {input_folder, fan_draws}`: DuckDB's main job;
  2. `python -m market_warehouse spark-check --vars ...`: a DuckDB dbt build of the same inputs, then Spark's
     main job (seed check, dbt build with every test, GX on Spark, publish), every Spark mart exported and
     compared with DuckDB's row by row. Its exit status is the `equal` column.
Wall time, and peak RSS of the job's whole process tree (Python with DuckDB, plus Spark's JVM driver: /usr/bin/time
would miss the JVM, a grandchild that pyspark stops without waiting for it), sampled from /proc every 0.5 s;
Spark's step times from the job's own step_seconds. Writes bench/results/engines-latest.json
and bench/ENGINES.md.
"""
from __future__ import annotations

import argparse
import json
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
sys.path[:0] = [str(BENCH), str(ROOT)]
import generate  # noqa: E402

from market_warehouse.project import copy_project  # noqa: E402

SAMPLE_SECONDS = 0.5
SPARK_STEPS = ["check seeds", "dbt build on Spark (candidate)", "validate (Great Expectations on Spark)",
               "publish on Spark", "export the Spark marts", "compare with DuckDB"]


def timed(command: list[str], log_path: Path) -> dict:
    """Run a job; its wall time and the peak of its whole process tree's resident memory (Python with DuckDB,
    and Spark's JVM driver, which pyspark starts as a child), sampled every SAMPLE_SECONDS from /proc."""
    started = time.perf_counter()
    stdout_path = log_path.with_suffix(".stdout")
    with open(stdout_path, "w") as out, open(log_path, "w") as log:  # files, not pipes: dbt writes a lot
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=log, text=True)
        peak_kib = 0
        while process.poll() is None:
            peak_kib = max(peak_kib, tree_rss_kib(process.pid))
            time.sleep(SAMPLE_SECONDS)
    stdout = stdout_path.read_text()
    summary = json.loads(stdout[stdout.rindex("\n{\n"):]) if "\n{\n" in stdout else {}
    return {"exit": process.returncode, "wall_seconds": round(time.perf_counter() - started, 1),
            "peak_rss_mib": round(peak_kib / 1024), "summary": summary}


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (0 for processes already gone)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"^VmRSS:\s+(\d+)", status, re.MULTILINE).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


def run_size(n_markets: int, draws: int, workdir: Path) -> dict:
    inputs = workdir / f"inputs-{n_markets}"
    shutil.rmtree(inputs, ignore_errors=True)
    generate.write(generate.generate(n_markets), inputs, fmt="parquet")
    project = workdir / f"project-{n_markets}"
    shutil.rmtree(project, ignore_errors=True)
    copy_project(project)
    dbt_vars = json.dumps({"input_folder": str(inputs), "fan_draws": draws})
    job = [sys.executable, "-m", "market_warehouse", "--project-dir", str(project)]

    duck = timed([*job, "build", "--vars", dbt_vars], workdir / f"duckdb-{n_markets}.log")
    if duck["exit"] != 0:
        raise RuntimeError(f"DuckDB main job failed at M = {n_markets}; see {workdir}/duckdb-{n_markets}.log")
    with duckdb.connect(str(project / "warehouse" / "market.duckdb"), read_only=True) as connection:
        rows = {m: connection.execute(f"select count(*) from marts.{m}").fetchone()[0]
                for m in ("fct_market_forecast", "fct_forecast_fan", "fct_regional_share")}
    spark = timed([*job, "spark-check", "--vars", dbt_vars], workdir / f"spark-{n_markets}.log")
    steps = spark["summary"].get("step_seconds", {})
    return {
        "markets": n_markets,
        "duckdb": {"main_job_seconds": duck["wall_seconds"], "peak_rss_mib": duck["peak_rss_mib"],
                   "step_seconds": duck["summary"].get("step_seconds")},
        "spark": {"check_seconds": spark["wall_seconds"], "peak_rss_mib": spark["peak_rss_mib"],
                  "main_job_seconds": round(sum(steps.get(s, 0) for s in SPARK_STEPS[:4]), 1),
                  "step_seconds": steps},
        "rows": rows,
        "equal": spark["exit"] == 0,
        "spark_exit": spark["exit"],
        "load_average_1min": round(os.getloadavg()[0], 2),  # above the core count: other work shared the machine
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def write_markdown(results: dict, path: Path) -> None:
    lines = [
        "# DuckDB vs Spark on one machine",
        "",
        f"Written by `make bench` (bench/engines.py) on {results['finished_at']}; raw numbers in "
        "[results/engines-latest.json](results/engines-latest.json).",
        "",
        f"Machine: {results['machine']}. Spark: local[2] in the job's process (dbt-spark session mode), Derby "
        f"metastore. Inputs: M generated markets x 10 sources x 30 regions (Parquet), {results['draws']:,} fan "
        "draws per market.",
        "",
        "| M | DuckDB main job (s) | DuckDB peak RSS (MiB) | Spark main job (s) | Spark dbt build (s) | Spark GX (s) "
        "| spark-check peak RSS, Python + JVM (MiB) | spark-check wall (s) | forecast rows | fan rows | equal | load "
        "| run at (UTC) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---|",
    ]
    for r in results["sizes"]:
        steps = r["spark"]["step_seconds"]
        lines.append(
            f"| {r['markets']:,} | {r['duckdb']['main_job_seconds']} | {r['duckdb']['peak_rss_mib']:,} "
            f"| {r['spark']['main_job_seconds']} | {steps.get(SPARK_STEPS[1], '-')} | {steps.get(SPARK_STEPS[2], '-')} "
            f"| {r['spark']['peak_rss_mib']:,} | {r['spark']['check_seconds']} | {r['rows']['fct_market_forecast']:,} "
            f"| {r['rows']['fct_forecast_fan']:,} | {'yes' if r['equal'] else 'NO'} | {r['load_average_1min']} "
            f"| {r['finished_at'][:16].replace('T', ' ')} |")
    lines += ["", "*Spark main job* = its check seeds + dbt build + GX + publish steps; *spark-check wall* adds the "
              "DuckDB dbt build of the same inputs, the JVM start, the export and the row-by-row comparison. "
              "*equal* = every mart equal on both engines (keys equal, numbers within 1e-9 relative or 1e-12 absolute near zero). *load* = "
              "1-minute load average right after the size; the job's own threads count (Spark keeps both cores busy), "
              "nothing else ran.", ""]
    path.write_text("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000, 10000])
    parser.add_argument("--draws", type=int, default=10000)
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "bench-engines")
    parser.add_argument("--merge", action="store_true",
                        help="keep the recorded rows of sizes not run now (one long size at a time)")
    args = parser.parse_args(argv)
    latest = BENCH / "results" / "engines-latest.json"
    kept = []
    if args.merge and latest.exists():
        recorded = json.loads(latest.read_text())
        kept = [{"finished_at": recorded["finished_at"], **row} for row in recorded["sizes"]
                if row["markets"] not in args.sizes]
    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = []
    for n_markets in args.sizes:
        sizes.append(run_size(n_markets, args.draws, args.workdir))
        print(json.dumps(sizes[-1]), flush=True)
    import pyspark
    sizes = sorted(kept + sizes, key=lambda row: row["markets"])
    results = {"finished_at": datetime.now(UTC).isoformat(timespec="seconds"), "draws": args.draws, "sizes": sizes,
               "machine": f"{os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}, "
                          f"duckdb {duckdb.__version__}, pyspark {pyspark.__version__}"}
    (BENCH / "results").mkdir(exist_ok=True)
    latest.write_text(json.dumps(results, indent=2))
    write_markdown(results, BENCH / "ENGINES.md")
    return 0 if all(r["equal"] for r in sizes) else 1


if __name__ == "__main__":
    sys.exit(main())
