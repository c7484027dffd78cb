"""SIGINT and SIGTERM at dbt, at GX and at the release switch end with one paragraph: the step, whether
the published warehouse changed (true to what happened) and what was cleaned up; no traceback, nothing
left behind for the next build to remove.

Both signals go to one handler (market_warehouse/interrupts.py, checked in a process of its own below), so what
follows it does not depend on the signal: each step is interrupted once, SIGTERM during dbt and while a release is
copied, SIGINT during GX and after the release switch."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from market_warehouse.project import PACKAGE_ROOT
from tests.conftest import sha256
from tests.publish_support import assert_file_and_exports_are_one_publish, place_candidate, wait_for_line

pytestmark = pytest.mark.slow


def start(project, command: str, pause: str | None = None) -> subprocess.Popen:
    env = os.environ | ({"MARKET_WAREHOUSE_PAUSE_AT": pause} if pause else {})
    return subprocess.Popen([sys.executable, "-u", "-m", "market_warehouse", "--project-dir", str(project.root),
                             command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PACKAGE_ROOT,
                            env=env)


def interrupt(process: subprocess.Popen, signal_number: int, after_line: str) -> tuple[str, str]:
    wait_for_line(process, after_line)
    process.send_signal(signal_number)
    rest, errors = process.communicate(timeout=300)
    assert process.returncode == 128 + signal_number, errors[-3000:]
    assert "Traceback" not in rest + errors and "Encountered an error" not in rest + errors, rest[-3000:] + errors
    return rest, errors.strip()


def current(project) -> str:
    return os.path.basename(os.readlink(project.warehouse_dir / "current"))


def leftovers(project) -> list[str]:
    hidden = [path.name for path in project.warehouse_dir.iterdir() if path.name.startswith(".")]
    releases = [path.name for path in (project.warehouse_dir / "releases").iterdir()]
    kept = {current(project), *([os.path.basename(os.readlink(project.warehouse_dir / "previous"))]
                                if (project.warehouse_dir / "previous").is_symlink() else [])}
    return hidden + sorted(set(releases) - kept)


@pytest.fixture
def with_candidate(published_copy, built_project):
    """The published copy with the session build's candidate, for `publish` (tests/publish_support.py)."""
    place_candidate(published_copy, built_project)
    return published_copy


def test_an_interrupt_during_dbt_leaves_the_warehouse_and_no_candidate(published_copy):
    signal_number = signal.SIGTERM
    release, published = current(published_copy), sha256(published_copy.published_db)
    process = start(published_copy, "build")
    _, message = interrupt(process, signal_number, " START ")
    name = signal.Signals(signal_number).name
    assert message.startswith(f"BUILD INTERRUPTED by {name} at step 'dbt build (candidate)'. The published warehouse "
                              f"{published_copy.published_db} was not changed (still release {release}). Cleaned up: "
                              "build/market.duckdb"), message
    assert len(message.splitlines()) == 1
    assert (current(published_copy), sha256(published_copy.published_db)) == (release, published)
    assert not published_copy.candidate_db.exists() and not list(published_copy.build_dir.glob("*.wal"))
    assert leftovers(published_copy) == []


# A process of its own: install() changes the process's signal handlers and dbt's logging for good.
ONE_HANDLER = """
import os, signal
from market_warehouse import interrupts
interrupts.install()
handler = signal.getsignal(signal.SIGINT)
assert signal.getsignal(signal.SIGTERM) is handler
for number in (signal.SIGINT, signal.SIGTERM):
    try:
        os.kill(os.getpid(), number)
        signal.pause()
    except KeyboardInterrupt:
        print(interrupts.received())
"""


def test_sigint_and_sigterm_share_one_handler_that_names_the_signal():
    run = subprocess.run([sys.executable, "-c", ONE_HANDLER], capture_output=True, text=True, cwd=PACKAGE_ROOT,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["SIGINT", "SIGTERM"]


def test_an_interrupt_during_gx_leaves_the_warehouse(with_candidate):
    signal_number = signal.SIGINT
    release, published = current(with_candidate), sha256(with_candidate.published_db)
    process = start(with_candidate, "publish")
    _, message = interrupt(process, signal_number, "GX suite")
    name = signal.Signals(signal_number).name
    assert message == (f"PUBLISH INTERRUPTED by {name} at step 'validate (Great Expectations)'. The published "
                       f"warehouse {with_candidate.published_db} was not changed (still release {release}). Nothing "
                       "was left to clean up.")
    assert (current(with_candidate), sha256(with_candidate.published_db)) == (release, published)
    assert leftovers(with_candidate) == []


def test_an_interrupt_after_the_release_switch_says_the_new_release_is_published(with_candidate):
    signal_number = signal.SIGINT
    release = current(with_candidate)
    process = start(with_candidate, "publish", pause="publish:switched")
    _, message = interrupt(process, signal_number, "paused at publish:switched")
    new = current(with_candidate)
    assert new != release
    name = signal.Signals(signal_number).name
    assert message == (f"PUBLISH INTERRUPTED by {name} at step 'publish'. The publish had already switched: the "
                       f"published warehouse {with_candidate.published_db} is now the new release {new}, validated "
                       "and complete. Nothing was left to clean up.")
    assert os.readlink(with_candidate.warehouse_dir / "previous").endswith(release)
    assert (with_candidate.warehouse_dir / "market.previous.duckdb").resolve().parent.name == release
    assert_file_and_exports_are_one_publish(with_candidate)
    assert leftovers(with_candidate) == []


def test_sigterm_while_the_release_is_copied_removes_the_half_written_release_and_says_so(with_candidate):
    release, published = current(with_candidate), sha256(with_candidate.published_db)
    process = start(with_candidate, "publish", pause="publish:copied")
    _, message = interrupt(process, signal.SIGTERM, "paused at publish:copied")
    assert message.startswith(f"PUBLISH INTERRUPTED by SIGTERM at step 'publish'. The published warehouse "
                              f"{with_candidate.published_db} was not changed (still release {release}). Cleaned up: "
                              "warehouse/releases/.incoming-"), message
    assert (current(with_candidate), sha256(with_candidate.published_db)) == (release, published)
    assert leftovers(with_candidate) == []
