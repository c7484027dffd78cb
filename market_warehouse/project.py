"""Where a project's files live. Every command takes a project root, so tests can build a copy elsewhere."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

PROJECT_ENV = "MARKET_WAREHOUSE_PROJECT_DIR"
_CHECKOUT = Path(__file__).resolve().parent.parent
# The project named by MARKET_WAREHOUSE_PROJECT_DIR, else the checkout the package lives in; for a
# `pip install .` (the package in site-packages), the current directory (cli.py refuses it unless it is a
# project, so nothing is written elsewhere).
if os.environ.get(PROJECT_ENV):
    PACKAGE_ROOT = Path(os.environ[PROJECT_ENV]).expanduser().resolve()
else:
    PACKAGE_ROOT = _CHECKOUT if (_CHECKOUT / "dbt_project.yml").exists() else Path.cwd()
# What a build reads; everything else (the venv, build output, reports, tests) stays behind.
PROJECT_CONTENT = ("dbt_project.yml", "profiles.yml", "models", "seeds", "macros", "tests/dbt", "expectations",
                   "build/.gitkeep")  # build/ exists in a clone: plain dbt writes its candidate there


@dataclass(frozen=True)
class Project:
    root: Path = PACKAGE_ROOT

    def not_a_project(self) -> str | None:
        """Why root is not a project (one paragraph saying how to name one), or None."""
        if (self.root / "dbt_project.yml").is_file():
            return None
        return (f"{self.root} is not a market-warehouse project (it has no dbt_project.yml), so nothing was run "
                f"and nothing written. Name the project with --project-dir /path/to/project or the environment "
                f"variable {PROJECT_ENV}=/path/to/project, or run the command in the project folder.")

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
