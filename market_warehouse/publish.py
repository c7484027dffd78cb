"""Publish a validated candidate warehouse: the DuckDB file and its Parquet exports become visible together
or not at all, and never half-written.

Layout of warehouse/ (every link relative, so the folder can be moved or copied with its links):

    releases/<run_id>/market.duckdb    one publish: the validated file ...
    releases/<run_id>/parquet/*.parquet  ... and every mart exported from it
    current  -> releases/<run_id>      THE pointer: one rename switches file and exports at once
    previous -> releases/<run_id>      the publish before (kept for `restore-previous`)
    market.duckdb -> current/market.duckdb             what BI tools open (never changes)
    parquet -> current/parquet                          the exports (never changes)
    market.previous.duckdb -> previous/market.duckdb

A release is written completely (copy, fsync, export, fsync) under a hidden name before `current` is
switched by one rename, which is atomic on one filesystem; a crash before it leaves the previous
publish, after it the new one. Readers resolve the links when they open the file and keep the file they
opened; releases older than `previous` are deleted (an open reader keeps its inode until it closes).
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
RELEASES = "releases"
DB_NAME = "market.duckdb"
STAGING_PREFIX = ".incoming-"
# Links that never change once made: they always point through `current` / `previous`.
FIXED_LINKS = {"market.duckdb": f"current/{DB_NAME}", "parquet": "current/parquet",
               "market.previous.duckdb": f"previous/{DB_NAME}"}


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
        candidate.execute(f"attach '{_sql_text(project.published_db)}' as published (read_only)")
        for table in AUDIT_TABLES_KEPT_ACROSS_RUNS:
            exists = candidate.execute(
                "select count(*) from duckdb_tables() where database_name = 'published' "
                "and schema_name = 'audit' and table_name = ?", [table]).fetchone()[0]
            if exists:
                candidate.execute(f"insert into audit.{table} by name select * from published.audit.{table}")
        candidate.execute("detach published")


def clear_audit_history(project: Project) -> None:
    """Drop the audit tables a candidate may still hold from an earlier publish of the same file (a plain
    `dbt build` rebuilds models in place): the history is carried over from the published file instead."""
    with duckdb.connect(str(project.candidate_db)) as candidate:
        for table in AUDIT_TABLES_KEPT_ACROSS_RUNS:
            candidate.execute(f"drop table if exists audit.{table}")


def publish(project: Project, run_id: str) -> Path:
    """Write the release of run_id completely, then switch `current` to it in one rename."""
    warehouse = project.warehouse_dir
    warehouse.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(project.candidate_db)) as candidate:
        candidate.execute("checkpoint")
    wal = project.candidate_db.with_name(project.candidate_db.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{wal} still exists after a checkpoint; refusing to publish a partial file")

    releases = warehouse / RELEASES
    releases.mkdir(exist_ok=True)
    staging = releases / f"{STAGING_PREFIX}{run_id}"
    release = releases / run_id
    try:
        staging.mkdir()
        shutil.copyfile(project.candidate_db, staging / DB_NAME)
        _fsync(staging / DB_NAME)
        pause_point("publish:copied")
        _export_parquet(staging / DB_NAME, staging / "parquet")
        _fsync(staging)
        pause_point("publish:exported")
        staging.rename(release)
    except KeyboardInterrupt:
        raise  # a signal: interrupts.stop() removes the half-written release and names it
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # leftovers of a failed copy go at once
        raise
    _adopt_legacy_file(project)
    old_current = _link_target(warehouse / "current")
    if old_current is not None:
        _switch_link(warehouse / "previous", old_current)
    _switch_link(warehouse / "current", f"{RELEASES}/{run_id}")
    pause_point("publish:switched")
    point_fixed_links(project)
    remove_stale_files(project)
    return release


def point_fixed_links(project: Project) -> None:
    """The links BI tools open (market.duckdb, parquet, market.previous.duckdb), made where missing."""
    warehouse = project.warehouse_dir
    for name, target in FIXED_LINKS.items():
        if _link_target(warehouse / name) != target and (warehouse / target).parent.exists():
            _switch_link(warehouse / name, target)
    _fsync(warehouse)


def restore_previous(project: Project) -> str:
    """Point `current` back at the previous publish (and `previous` at the one it replaces). Returns the
    run id now published."""
    warehouse = project.warehouse_dir
    previous, current = _link_target(warehouse / "previous"), _link_target(warehouse / "current")
    if previous is None or not (warehouse / previous / DB_NAME).is_file():
        raise FileNotFoundError(f"{warehouse / 'previous'} does not point at a release; nothing to restore")
    _switch_link(warehouse / "current", previous)
    if current is not None:
        _switch_link(warehouse / "previous", current)
    _fsync(warehouse)
    return Path(previous).name


def release_files(project: Project) -> tuple[Path, Path] | None:
    """(DuckDB file, Parquet folder) of the current publish, both resolved; None before the first publish."""
    current = project.warehouse_dir / "current"
    if not current.is_dir():
        return None
    return (current / DB_NAME).resolve(), (current / "parquet").resolve()


def stale_files(project: Project) -> list[Path]:
    """Leftovers of killed or failed builds: staged links, half-written releases, releases older than
    `previous`."""
    warehouse = project.warehouse_dir
    releases = warehouse / RELEASES
    if not releases.is_dir():
        return []
    kept = {Path(target).name for target in (_link_target(warehouse / "current"), _link_target(warehouse / "previous"))
            if target}
    return [*warehouse.glob(".link-*"), *(release for release in releases.iterdir() if release.name not in kept)]


def remove_stale_files(project: Project) -> None:
    for leftover in stale_files(project):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _export_parquet(db_path: Path, folder: Path) -> None:
    """Every mart as Parquet, written from the released file itself: the exports hold its exact data."""
    folder.mkdir()
    with duckdb.connect(str(db_path), read_only=True) as connection:
        marts = [row[0] for row in connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by table_name").fetchall()]
        for mart in marts:
            connection.execute(f"copy marts.\"{mart}\" to '{_sql_text(folder / (mart + '.parquet'))}' (format parquet)")
    for path in folder.iterdir():
        _fsync(path)
    _fsync(folder)


def _adopt_legacy_file(project: Project) -> None:
    """A warehouse/market.duckdb published before releases existed becomes the `previous` release, so the
    first switch replaces it with a link atomically and restore-previous can still bring it back."""
    published = project.warehouse_dir / DB_NAME
    if published.is_symlink() or not published.is_file():
        return
    legacy = project.warehouse_dir / RELEASES / "before-releases"
    legacy.mkdir(exist_ok=True)
    if not (legacy / DB_NAME).exists():
        os.link(published, legacy / DB_NAME)  # a second name for the same file, no copy
    _switch_link(project.warehouse_dir / "previous", f"{RELEASES}/{legacy.name}")
    for name in ("parquet", "market.previous.duckdb"):
        path = project.warehouse_dir / name
        if path.is_symlink() or path.is_file():
            path.unlink()
    for folder in project.warehouse_dir.glob("parquet-*"):  # the old layout's export folders
        shutil.rmtree(folder, ignore_errors=True)


def _switch_link(link: Path, target: str) -> None:
    """Point `link` at `target` in one step: a new link under a temporary name, renamed over the old."""
    staged = link.with_name(f".link-{link.name}-{os.getpid()}")
    staged.unlink(missing_ok=True)
    staged.symlink_to(target)
    os.replace(staged, link)


def _link_target(link: Path) -> str | None:
    return os.readlink(link) if link.is_symlink() else None


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
