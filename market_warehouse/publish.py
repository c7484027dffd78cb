"""Publish a validated candidate warehouse: never a half-written or unvalidated file for readers.

The candidate is built and audited in build/; publishing copies it beside the published file and swaps
it in with one rename, which is atomic on one filesystem. Readers that already have the old file open
keep reading it (POSIX keeps the old inode alive); new readers see the new one. Nothing ever writes
into warehouse/market.duckdb in place.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import duckdb

from market_warehouse.project import Project

AUDIT_TABLES_KEPT_ACROSS_RUNS = ("validation_results", "publish_log")
PAUSE_ENV = "MARKET_WAREHOUSE_PAUSE_AT"


def pause_point(name: str) -> None:
    """Test hook: when MARKET_WAREHOUSE_PAUSE_AT names this point, say so and wait to be killed.
    The crash tests kill -9 the build here, at the moments a power loss would hurt most."""
    if os.environ.get(PAUSE_ENV) == name:
        print(f"paused at {name}", flush=True)
        sys.stdout.flush()
        while True:
            time.sleep(1)


def carry_audit_history(project: Project) -> None:
    """Append the published file's audit history to the candidate, so the audit tables keep every run."""
    if not project.published_db.exists():
        return
    with duckdb.connect(str(project.candidate_db)) as candidate:
        candidate.execute(f"attach '{project.published_db}' as published (read_only)")
        for table in AUDIT_TABLES_KEPT_ACROSS_RUNS:
            exists = candidate.execute(
                "select count(*) from duckdb_tables() where database_name = 'published' "
                "and schema_name = 'audit' and table_name = ?", [table]).fetchone()[0]
            if exists:
                candidate.execute(f"insert into audit.{table} by name select * from published.audit.{table}")
        candidate.execute("detach published")


def export_parquet(project: Project, run_id: str) -> Path:
    """Write every mart as Parquet into a new folder, then point warehouse/parquet at it atomically."""
    folder = project.warehouse_dir / f"parquet-{run_id}"
    folder.mkdir(parents=True)
    with duckdb.connect(str(project.candidate_db), read_only=True) as candidate:
        marts = [row[0] for row in candidate.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by table_name").fetchall()]
        for mart in marts:
            candidate.execute(f"copy marts.{mart} to '{folder / (mart + '.parquet')}' (format parquet)")
    link = project.warehouse_dir / "parquet"
    staged_link = project.warehouse_dir / f".parquet-{run_id}.link"
    staged_link.symlink_to(folder.name)
    os.replace(staged_link, link)  # replaces the old symlink in one step
    for old in project.warehouse_dir.glob("parquet-*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder


def swap_in_candidate(project: Project, run_id: str) -> None:
    """Copy the closed, checkpointed candidate next to the published file and rename it over it."""
    project.warehouse_dir.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(project.candidate_db)) as candidate:
        candidate.execute("checkpoint")
    wal = project.candidate_db.with_name(project.candidate_db.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{wal} still exists after a checkpoint; refusing to publish a partial file")

    incoming = project.warehouse_dir / f".market.{run_id}.incoming.duckdb"
    shutil.copyfile(project.candidate_db, incoming)
    _fsync(incoming)
    pause_point("publish:copied")
    if project.published_db.exists():
        previous_link = project.warehouse_dir / f".market.{run_id}.previous.duckdb"
        os.link(project.published_db, previous_link)  # a second name for the same file, no copy
        os.replace(previous_link, project.warehouse_dir / "market.previous.duckdb")
    os.replace(incoming, project.published_db)
    _fsync(project.warehouse_dir)
    pause_point("publish:swapped")


def remove_stale_files(project: Project) -> None:
    """Leftovers of a build that was killed: half-copied files and parquet folders nothing points at."""
    if not project.warehouse_dir.exists():
        return
    for leftover in project.warehouse_dir.glob(".market.*"):
        leftover.unlink(missing_ok=True)
    for leftover in project.warehouse_dir.glob(".parquet-*.link"):
        leftover.unlink(missing_ok=True)
    link = project.warehouse_dir / "parquet"
    current = os.readlink(link) if link.is_symlink() else None
    for folder in project.warehouse_dir.glob("parquet-*"):
        if folder.name != current:
            shutil.rmtree(folder, ignore_errors=True)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
