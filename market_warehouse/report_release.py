"""The report reads one published release from start to end: the release the `current` pointer names when
the report starts is pinned - a hard link to its DuckDB file, so a publish meanwhile neither waits on the
report nor changes or deletes what it reads - and every Evidence source query opens that pinned file
(`evidence sources` opens the file once per query, so following the pointer could mix two releases).
The site shows the run id of what it read (reports/sources/warehouse/release.sql)."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from market_warehouse import publish
from market_warehouse.project import Project

# Evidence reads a source's options from EVIDENCE_SOURCE__<source>__<option> before connection.yaml.
FILENAME_ENV = "EVIDENCE_SOURCE__warehouse__filename"
# Vite hands VITE_* variables to the pages at build time: the footer of reports/pages/+layout.svelte.
RELEASE_ENV = "VITE_MARKET_WAREHOUSE_RELEASE"


@dataclass(frozen=True)
class PinnedRelease:
    db: Path       # the pinned file, named like the published one (DuckDB names the catalog after it)
    release: str   # the release folder it came from: the run id of the publish


@contextmanager
def pinned_release(project: Project):
    """Pin the current release for the duration of the report; the pin is removed afterwards."""
    folder = project.build_dir / "report-release"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        yield _pin(project, folder / publish.DB_NAME)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _pin(project: Project, pin: Path) -> PinnedRelease:
    for _ in range(3):  # a publish may delete the release between reading the pointer and linking it
        released = project.published_db.resolve()
        try:
            os.link(released, pin)
        except FileNotFoundError:
            continue
        except OSError:  # another filesystem: a copy, still of exactly one release
            shutil.copyfile(released, pin)
        return PinnedRelease(pin, released.parent.name)
    raise FileNotFoundError(f"{project.published_db} changed three times while the report tried to pin it")
