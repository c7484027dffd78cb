"""`restore-previous`: publish the previous release again, but only one that opens and passes the critical
rules. restore-previous swaps `current` and `previous`, so running it twice in a row brings back the release
the first run replaced; each run checks the release it is about to publish, so a release that was damaged in
between is refused and the published warehouse stays as it is."""
from __future__ import annotations

from pathlib import Path

import duckdb

from market_warehouse import publish
from market_warehouse.project import Project


class RestoreRefused(Exception):
    pass


def restore_checked_previous(project: Project, log=print) -> str:
    """Check the previous release, then switch `current` to it; return its run id. RestoreRefused names
    what is wrong and changes nothing."""
    release_db = _previous_release_db(project)
    _check_opens(release_db)
    _check_critical_rules(project, release_db, log)
    return publish.restore_previous(project)


def _previous_release_db(project: Project) -> Path:
    link = project.warehouse_dir / "previous"
    if not link.is_symlink() or not (link / publish.DB_NAME).is_file():
        raise RestoreRefused(f"{link} does not point at a release with a {publish.DB_NAME}; there is nothing to "
                             "restore. The published warehouse is unchanged.")
    return (link / publish.DB_NAME).resolve()


def _check_opens(release_db: Path) -> None:
    try:
        duckdb.connect(str(release_db), read_only=True).close()
    except duckdb.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise RestoreRefused(f"the previous release {release_db} does not open ({reason}): it is damaged, and "
                             "publishing it would leave readers a file they cannot open. Nothing was restored; the "
                             "published warehouse is unchanged. Build again to publish a new release.") from None


def _check_critical_rules(project: Project, release_db: Path, log) -> None:
    from market_warehouse.build_steps import new_run_id
    from market_warehouse.validation import validate

    log(f"checking the previous release {release_db} against the critical rules ...")
    blocking = validate(project, release_db, new_run_id()).blocking
    if blocking:
        rules = "\n".join(f"  {result.describe()}" for result in blocking)
        raise RestoreRefused(f"the previous release {release_db} fails {len(blocking)} critical rule(s), so it is "
                             f"not restored; the published warehouse is unchanged. Build again to publish a new "
                             f"release.\n{rules}")
