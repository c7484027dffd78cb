"""The seeds with a draft's rows appended, checked by the project's own seed check.

`draft` runs it to show in the review sheet whether the draft would pass, `accept` runs it before writing.
Problems on appended rows are named by the draft's file and row, not by the merged copy's.
"""
from __future__ import annotations

import csv
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from market_warehouse.project import Project
from market_warehouse.seed_check import SeedCheckError, check_seeds, load_contracts


@dataclass
class MergedSeed:
    name: str
    seed_path: Path
    draft_path: Path
    seed_rows: int  # data lines in the seed file before the draft's
    content: bytes  # the seed's bytes with the draft's rows appended, in the seed's column order


class DraftProblem(Exception):
    """A draft that cannot be merged or does not pass the check: one message naming files, rows, columns."""


def draft_files(draft_dir: Path, project: Project) -> dict[str, Path]:
    names = load_contracts(project)
    return {path.stem: path for path in sorted(draft_dir.glob("*.csv")) if path.stem in names}


def merge(project: Project, draft_dir: Path) -> list[MergedSeed]:
    seeds = load_contracts(project)
    unknown = [path.name for path in draft_dir.glob("*.csv") if path.stem not in seeds]
    if unknown:
        raise DraftProblem(f"{draft_dir}: {', '.join(unknown)} is not a seed of this project")
    merged = []
    for name, draft_path in draft_files(draft_dir, project).items():
        seed_path = project.seeds_dir / f"{name}.csv"
        seed_bytes = seed_path.read_bytes()
        header = next(csv.reader(io.StringIO(seed_bytes.decode("utf-8"))))
        rows = list(csv.DictReader(io.StringIO(draft_path.read_text(encoding="utf-8"), newline="")))
        missing = [column for column in header if rows and column not in rows[0]]
        if missing:
            raise DraftProblem(f"{_label(draft_path)}, row 1: columns missing from the header: {', '.join(missing)}")
        merged.append(MergedSeed(name, seed_path, draft_path, seed_bytes.count(b"\n") - 1,
                                 _append(seed_bytes, header, rows)))
    return merged


def _append(seed_bytes: bytes, header: list[str], rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([row.get(column) or "" for column in header])
    separator = b"" if seed_bytes.endswith(b"\n") else b"\n"
    return seed_bytes + separator + buffer.getvalue().encode("utf-8")


def check_merged(project: Project, merged: list[MergedSeed]) -> list[str]:
    """Run the seed check on every seed with the draft's rows appended; return its problems, on draft rows
    named by the draft's file and row."""
    with tempfile.TemporaryDirectory(prefix="seeds-with-draft-") as folder:
        inputs = Path(folder)
        for path in project.seeds_dir.glob("*.csv"):
            shutil.copyfile(path, inputs / path.name)
        for seed in merged:
            (inputs / f"{seed.name}.csv").write_bytes(seed.content)
        try:
            check_seeds(project, inputs_dir=inputs)
        except SeedCheckError as error:
            return [_relabel(problem, merged, inputs) for problem in error.problems]
    return []


def _relabel(problem, merged: list[MergedSeed], inputs: Path) -> str:
    by_label = {str(inputs / f"{seed.name}.csv"): seed for seed in merged}
    seed = by_label.get(problem.file)
    if seed is None:
        return str(problem).replace(str(inputs), "seeds")
    row = problem.row
    if row is not None and row > seed.seed_rows + 1:
        where = f"{_label(seed.draft_path)}, row {row - seed.seed_rows}"
    else:
        where = f"seeds/{seed.name}.csv" + (f", row {row}" if row is not None else "")
    column = f", column '{problem.column}'" if problem.column else ""
    return f"{where}{column}: {problem.message}"


def _label(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
