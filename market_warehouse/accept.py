"""`accept drafts/<source_id>`: append a reviewed draft's rows to the seeds, all files or none.

Refuses a draft whose ids already exist in the seeds, and one that fails the seed check with the draft added,
naming the rows. Writes like publishing does: every new file first to a temporary file in seeds/ (fsynced),
then os.replace one by one; if any step fails, the files already replaced get their old bytes back.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from market_warehouse.build_steps import build_lock
from market_warehouse.project import Project
from market_warehouse.seed_check import _test_args, _test_name, load_contracts
from market_warehouse.seed_merge import DraftProblem, MergedSeed, check_merged, draft_files, merge


def accept(project: Project, draft_dir: Path) -> dict[str, int]:
    """Append the draft to the seeds; return rows added per seed file. Raises DraftProblem."""
    is_draft = (draft_dir / "sources.csv").is_file() and (draft_dir / "REVIEW.md").is_file()
    if not is_draft or draft_dir.resolve() == project.seeds_dir.resolve():
        raise DraftProblem(f"{draft_dir} is not a draft folder (sources.csv and REVIEW.md); make one with "
                           "`python -m market_warehouse draft PAGE --market MARKET_ID --url URL`")
    with build_lock(project):  # never change the seeds under a running build
        merged = merge(project, draft_dir)
        problems = existing_ids(project, draft_dir) or check_merged(project, merged)
        if problems:
            raise DraftProblem("the draft was not accepted; the seeds are unchanged:\n" + "\n".join(problems))
        write_all_or_none(merged)
    return {seed.name: seed.content.count(b"\n") - seed.seed_rows - 1 for seed in merged}


def existing_ids(project: Project, draft_dir: Path) -> list[str]:
    """Rows of the draft whose key (a unique column or unique column combination) is already in the seeds."""
    problems = []
    contracts = load_contracts(project)
    for name, draft_path in draft_files(project=project, draft_dir=draft_dir).items():
        seed_rows = _rows(project.seeds_dir / f"{name}.csv")
        for key in _keys(contracts[name]):
            known = {tuple(row[c] for c in key): number for number, row in seed_rows}
            for number, row in _rows(draft_path):
                value = tuple(row.get(c, "") for c in key)
                if value in known:
                    problems.append(f"{draft_path}, row {number}, column '{', '.join(key)}': "
                                    f"{'/'.join(value)!r} already exists in seeds/{name}.csv, row {known[value]}")
    return problems


def _keys(contract) -> list[tuple[str, ...]]:
    keys = [(column,) for column, tests in contract.column_tests.items()
            if any(_test_name(test) == "unique" for test in tests)]
    keys += [tuple(_test_args(test)["columns"]) for test in contract.table_tests
             if _test_name(test) == "unique_combination"]
    return keys


def _rows(path: Path) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    return [(reader.line_num, row) for row in reader]


def write_all_or_none(merged: list[MergedSeed]) -> None:
    staged: list[tuple[Path, Path, bytes]] = []  # (temporary file, seed file, the seed's old bytes)
    replaced: list[tuple[Path, bytes]] = []
    try:
        for seed in merged:
            staged.append((_staged_copy(seed.seed_path, seed.content), seed.seed_path, seed.seed_path.read_bytes()))
        for temporary, seed_path, old in staged:
            os.replace(temporary, seed_path)
            replaced.append((seed_path, old))
    except BaseException:
        for seed_path, old in replaced:
            os.replace(_staged_copy(seed_path, old), seed_path)
        raise
    finally:
        for temporary, _, _ in staged:
            temporary.unlink(missing_ok=True)


def _staged_copy(seed_path: Path, content: bytes) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{seed_path.name}.", suffix=".incoming", dir=seed_path.parent)
    with os.fdopen(handle, "wb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())
    return Path(name)
