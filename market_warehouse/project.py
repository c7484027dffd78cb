"""Where a project's files live. Every command takes a project root, so tests can build a copy elsewhere."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
# The checkout the package lives in; for a `pip install .` (the package in site-packages), the current
# directory, which should then be the project (or pass --project-dir).
PACKAGE_ROOT = _CHECKOUT if (_CHECKOUT / "dbt_project.yml").exists() else Path.cwd()
# What a build reads; everything else (the venv, build output, reports, tests) stays behind.
PROJECT_CONTENT = ("dbt_project.yml", "profiles.yml", "models", "seeds", "macros", "tests/dbt", "expectations",
                   "build/.gitkeep")  # build/ exists in a clone: plain dbt writes its candidate there


@dataclass(frozen=True)
class Project:
    root: Path = PACKAGE_ROOT

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def build_dir(self) -> Path:
        """Candidate warehouse, dbt logs and GX output: never read by BI tools."""
        return self.root / "build"

    @property
    def candidate_db(self) -> Path:
        # Same file name as the published one: DuckDB names the catalog after the file, and views
        # refer to it, so a rename keeps every view valid.
        return self.build_dir / "market.duckdb"

    @property
    def warehouse_dir(self) -> Path:
        return self.root / "warehouse"

    @property
    def published_db(self) -> Path:
        return self.warehouse_dir / "market.duckdb"


def copy_project(destination: Path, source: Path = PACKAGE_ROOT) -> Project:
    """A copy of what a build reads, to build elsewhere (tests, the benchmark) without touching this one."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_CONTENT:
        origin = source / name
        if origin.is_dir():
            shutil.copytree(origin, destination / name)
        elif origin.exists():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, destination / name)
    return Project(destination)
