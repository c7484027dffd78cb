"""Pre-flight of the publish target, before the build spends its 20-90 s: a writable warehouse/ with room
for the candidate, its copy and the Parquet exports, no process holding the published file read-write,
and a published file that opens. Each problem is one paragraph: what is wrong, where, what to do."""
from __future__ import annotations

import errno
import re
import shutil
import tempfile
from pathlib import Path

import duckdb

from market_warehouse.project import Project

# Room for a publish: the candidate (build/), its copy in warehouse/releases/ and the Parquet exports,
# each about the size of the last published file; never less than this floor.
MIN_FREE_BYTES = 64 * 1024 * 1024
SPACE_FACTOR = 3
RESTORE_COMMAND = ".venv/bin/python -m market_warehouse restore-previous"


class TargetProblem(Exception):
    pass


def check_target(project: Project) -> None:
    for folder in (project.build_dir, project.warehouse_dir):
        _check_writable(folder)
    _check_free_space(project)
    if project.published_db.exists():
        check_published_file_opens(project.published_db)


def check_published_file_opens(path: Path) -> None:
    """Open the published file read-only, as a BI tool should; explain a lock or a damaged file."""
    _check_opens(path, _damaged)


def check_given_file_opens(path: Path) -> None:
    """The same for a file a user names (validate --db): said to be that file, not the published one."""
    _check_opens(path, _does_not_open)


def _check_opens(path: Path, explain) -> None:
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.IOException as error:
        holder = _lock_holder(str(error))
        if holder is not None:
            raise TargetProblem(
                f"{path} is held open read-write by {holder}, which blocks every other connection and the "
                "publish. Close that program's connection (or end it), then build again; BI tools and scripts "
                "must open the warehouse read-only (duckdb -readonly, read_only=True, access_mode=read_only), "
                "so they never take the write lock.") from None
        raise explain(path, error) from None
    except duckdb.Error as error:
        raise explain(path, error) from None


def _damaged(path: Path, error: Exception) -> TargetProblem:
    return TargetProblem(
        f"the published file {path} does not open ({_first_line(error)}): it is damaged or not a DuckDB 1.4 file. "
        f"Publish the previous release again with `{RESTORE_COMMAND}` (it switches warehouse/current back to "
        "warehouse/previous in one step), then build again.")


def _does_not_open(path: Path, error: Exception) -> TargetProblem:
    return TargetProblem(
        f"the file {path} given with --db does not open ({_first_line(error)}): it is not a DuckDB 1.4 file, or it "
        "is damaged. Check the path; the published warehouse was not touched.")


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _lock_holder(message: str) -> str | None:
    match = re.search(r"Conflicting lock is held in (.+?) \(PID (\d+)\)", message)
    return f"{match.group(1)} (PID {match.group(2)})" if match else None


def _check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as error:
        raise TargetProblem(f"{folder} is not writable ({os_error_text(error)}): the build writes its candidate "
                            "and the release there. Fix the folder's permissions or mount, then build again.") from None


def _check_free_space(project: Project) -> None:
    published = project.published_db.resolve() if project.published_db.exists() else None
    last_size = published.stat().st_size if published else 0
    needed = max(SPACE_FACTOR * last_size, MIN_FREE_BYTES)
    free = shutil.disk_usage(project.warehouse_dir).free
    if project.build_dir.stat().st_dev != project.warehouse_dir.stat().st_dev:
        needed_each = needed // SPACE_FACTOR * 2  # the candidate on one side, copy + exports on the other
        free = min(free, shutil.disk_usage(project.build_dir).free)
        needed = needed_each
    if free < needed:
        raise TargetProblem(
            f"only {_mb(free)} free for {project.warehouse_dir} and {project.build_dir}; a publish needs about "
            f"{_mb(needed)} (the candidate, its copy and the Parquet exports, each about the last published "
            f"file's {_mb(last_size)}). Free some space, then build again; the published warehouse is unchanged.")


def os_error_text(error: OSError) -> str:
    """An OSError in words, with the path it concerns."""
    reason = {errno.ENOSPC: "no space left on the device", errno.EROFS: "read-only file system",
              errno.EACCES: "permission denied", errno.EPERM: "operation not permitted",
              errno.EDQUOT: "disk quota exceeded"}.get(error.errno, error.strerror or str(error))
    return f"{reason}: {error.filename}" if error.filename else reason


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"
