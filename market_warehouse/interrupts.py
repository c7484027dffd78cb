"""SIGINT (Ctrl-C) and SIGTERM end a job with one paragraph: the step, whether the published warehouse
changed (read from the `current` link, so it is true to what happened) and what was cleaned up - no
traceback, and nothing left that only the next build would remove.

Both signals raise KeyboardInterrupt in the main thread, so dbt cancels its queries as it does on Ctrl-C;
received() says which signal it was.
"""
from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

from market_warehouse.project import Project

_received: list[str] = []


def install() -> None:
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, _raise_keyboard_interrupt)
    # dbt logs a stack trace to the screen for any exception; after a signal it says nothing new.
    logging.getLogger("stdout_log").addFilter(lambda record: not _received)


def received() -> str:
    return _received[-1] if _received else "SIGINT"


def _raise_keyboard_interrupt(number, frame) -> None:
    _received.append(signal.Signals(number).name)
    raise KeyboardInterrupt


class JobInterrupted(Exception):
    def __init__(self, signal_name: str, step: str, published_now: str | None, switched: bool, cleaned: list[str]):
        self.signal_name, self.step, self.switched = signal_name, step, switched
        self.published_now, self.cleaned = published_now, cleaned
        super().__init__(f"interrupted by {signal_name} at step '{step}'")

    def paragraph(self, kind: str, published_db: Path) -> str:
        if self.switched:
            outcome = (f"The publish had already switched: the published warehouse {published_db} is now the new "
                       f"release {self.published_now}, validated and complete.")
        else:
            outcome = (f"The published warehouse {published_db} was not changed"
                       + (f" (still release {self.published_now})." if self.published_now else "."))
        cleaned = ("Cleaned up: " + ", ".join(self.cleaned) + "." if self.cleaned else "Nothing was left to clean up.")
        return f"{kind} INTERRUPTED by {self.signal_name} at step '{self.step}'. {outcome} {cleaned}"


def stop(project: Project, run_id: str, step: str, remove_candidate: bool) -> JobInterrupted:
    """After an interrupt: ignore further signals, finish or undo the publish, remove the job's leftovers."""
    from market_warehouse import publish  # imported here: `--help` and the CLI start need no duckdb
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)
    current = _current_release(project)
    switched = current == run_id
    if switched:
        publish.point_fixed_links(project)
    cleaned = _remove_leftovers(project, remove_candidate)
    return JobInterrupted(received(), step, current, switched, cleaned)


def interrupted_outside_a_job(command: str, project: Project) -> str:
    current = _current_release(project)
    state = f"is release {current}" if current else "does not exist yet"
    return (f"{command} INTERRUPTED by {received()}. The published warehouse {project.published_db} {state}; "
            "this command left nothing to clean up.")


def _current_release(project: Project) -> str | None:
    link = project.warehouse_dir / "current"
    return Path(os.readlink(link)).name if link.is_symlink() else None


def _remove_leftovers(project: Project, remove_candidate: bool) -> list[str]:
    from market_warehouse import publish
    leftovers = publish.stale_files(project)
    if remove_candidate:
        leftovers += [path for path in (project.candidate_db, project.candidate_db.with_name(
            project.candidate_db.name + ".wal")) if path.exists()]
    names = [_relative(path, project) for path in leftovers]
    publish.remove_stale_files(project)  # half-written and unpublished releases, staged links
    for path in leftovers:
        if path.is_file():
            path.unlink()
    return names


def _relative(path: Path, project: Project) -> str:
    try:
        return str(path.relative_to(project.root))
    except ValueError:
        return str(path)
