"""kill -9 at every step of the main job (dbt, GX, each step of publish), then a damaged published file:
BI users always get one whole, validated publish. A module of its own, so the test processes share the
slowest publish tests evenly."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

from market_warehouse.pipeline import build
from market_warehouse.project import PACKAGE_ROOT
from market_warehouse.validation import validate
from tests.publish_support import (
    assert_file_and_exports_are_one_publish,
    place_candidate,
    release_pair,
    run_build,
    start_build,
    wait_for_line,
)


def test_killed_builds_never_break_the_published_file(published_copy, built_project):
    """kill -9 during the main job's dbt build, during GX and at every step of publish (release copied,
    Parquet exported, pointer switched): the DuckDB file and its exports are always one publish, the old or
    the new; the next build recovers. Then a damaged published file: refused with the way out, which works.
    GX and publish are the steps the main job shares with `publish` (pipeline._validate_and_publish); they are
    reached through `publish` of the session build's candidate, so a kill point costs seconds, not a rebuild."""
    kill_points = [
        ("dbt", "build", "dbt build (candidate) ...", 3.0, None),
        ("GX", "publish", "paused at validate:started", 0, "validate:started"),
        ("publish, release copied", "publish", "paused at publish:copied", 0, "publish:copied"),
        ("publish, Parquet exported", "publish", "paused at publish:exported", 0, "publish:exported"),
        ("publish, pointer switched", "publish", "paused at publish:switched", 0, "publish:switched"),
    ]
    outcomes = {}
    for label, command, line, delay, pause in kill_points:
        before = release_pair(published_copy)
        if command == "publish":
            place_candidate(published_copy, built_project)
        process = start_build(published_copy, env={"MARKET_WAREHOUSE_PAUSE_AT": pause} if pause else None,
                              command=command)
        wait_for_line(process, line)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        # The published file is the old one or a whole new one, with its own exports, passing every critical rule.
        assert_file_and_exports_are_one_publish(published_copy)
        report = validate(published_copy, published_copy.published_db, f"after-kill-{label}")
        assert report.blocking == [], label
        outcomes[label] = "unchanged" if release_pair(published_copy) == before else "replaced whole"
        if pause in ("publish:copied", "publish:exported"):
            assert list((published_copy.warehouse_dir / "releases").glob(".incoming-*")), "the half-done release"
    assert {outcomes[label] for label, *_ in kill_points[:4]} == {"unchanged"}
    assert outcomes["publish, pointer switched"] == "replaced whole"

    build(published_copy, log=lambda message: None)  # the next build recovers
    assert_file_and_exports_are_one_publish(published_copy)
    hidden = [path.name for folder in (published_copy.warehouse_dir, published_copy.warehouse_dir / "releases")
              for path in folder.iterdir() if path.name.startswith(".")]
    assert hidden == []
    assert len(list((published_copy.warehouse_dir / "releases").iterdir())) == 2  # current and previous

    # A damaged (truncated) published file: validate and build refuse it and name the way out.
    damaged = release_pair(published_copy)[0]
    with open(damaged, "r+b") as handle:
        handle.truncate(damaged.stat().st_size // 3)
    checked = subprocess.run([sys.executable, "-m", "market_warehouse", "--project-dir", str(published_copy.root),
                              "validate"], capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=300)
    assert checked.returncode == 1 and "does not open" in checked.stderr and "Traceback" not in checked.stderr
    refused = run_build(published_copy)
    assert refused.returncode == 1 and "BUILD FAILED at step 'check target'" in refused.stderr
    assert "restore-previous" in refused.stderr and "Traceback" not in refused.stderr
    restored = subprocess.run([sys.executable, "-m", "market_warehouse", "--project-dir", str(published_copy.root),
                               "restore-previous"], capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=120)
    assert restored.returncode == 0, restored.stderr
    assert validate(published_copy, published_copy.published_db, "after-restore").blocking == []
    build(published_copy, log=lambda message: None)
