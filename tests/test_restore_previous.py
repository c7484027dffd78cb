"""restore-previous publishes only a release that opens and passes the critical rules. It swaps `current`
and `previous`, so twice in a row brings back the release the first run replaced - checked again then."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from market_warehouse.project import PACKAGE_ROOT
from tests.conftest import sha256

pytestmark = pytest.mark.slow


def restore(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "market_warehouse", "--project-dir", str(project.root),
                           "restore-previous"], capture_output=True, text=True, cwd=PACKAGE_ROOT, timeout=300)


def current_and_previous(project) -> tuple[str, str]:
    return (os.readlink(project.warehouse_dir / "current"), os.readlink(project.warehouse_dir / "previous"))


@pytest.fixture
def two_releases(published_copy):
    """The published release and a second one (a copy of it under another run id) as `previous`."""
    current = os.readlink(published_copy.warehouse_dir / "current")
    second = "releases/20260101T000000Z-0000beef"
    shutil.copytree(published_copy.warehouse_dir / current, published_copy.warehouse_dir / second)
    (published_copy.warehouse_dir / "previous").unlink(missing_ok=True)
    (published_copy.warehouse_dir / "previous").symlink_to(second)
    return published_copy, current, second


def test_restore_twice_in_a_row_refuses_a_release_damaged_in_between(two_releases):
    project, first, second = two_releases
    once = restore(project)
    assert once.returncode == 0, once.stderr[-3000:]
    assert current_and_previous(project) == (second, first)

    damaged = project.warehouse_dir / first / "market.duckdb"
    with open(damaged, "r+b") as handle:
        handle.truncate(damaged.stat().st_size // 3)
    published = sha256(project.published_db)
    twice = restore(project)
    assert twice.returncode == 1, twice.stdout[-2000:] + twice.stderr[-2000:]
    assert twice.stderr.startswith(f"RESTORE FAILED: the previous release {damaged.resolve()} does not open (")
    assert "Nothing was restored; the published warehouse is unchanged" in twice.stderr
    assert "Traceback" not in twice.stderr
    assert current_and_previous(project) == (second, first), "the damaged release was published"
    assert sha256(project.published_db) == published


def test_restore_refuses_a_release_that_fails_a_critical_rule(two_releases):
    project, first, second = two_releases
    with duckdb.connect(str(project.warehouse_dir / second / "market.duckdb")) as connection:
        connection.execute("update marts.fct_market_forecast set market_size_usd_bn = -1 "
                           "where year = (select min(year) from marts.fct_market_forecast)")
    refused = restore(project)
    assert refused.returncode == 1, refused.stdout[-2000:] + refused.stderr[-2000:]
    assert "fails" in refused.stderr and "critical rule(s), so it is not restored" in refused.stderr
    assert "market_size_usd_bn" in refused.stderr or "rule " in refused.stderr
    assert current_and_previous(project) == (first, second)
