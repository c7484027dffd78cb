"""`make test` keeps each module in one process (tests/conftest.py): module fixtures are built once and a
module's tests run in file order. Both silently stopped holding once (a pytest release that pytest-xdist's
groups do not work with, and a conftest hook that ran after xdist read the marks)."""
from __future__ import annotations

import os

import pytest


def test_this_module_is_sent_to_one_process_as_a_group(request):
    if "PYTEST_XDIST_WORKER" not in os.environ:
        pytest.skip("only meaningful under pytest-xdist (`make test` runs -n 2 --dist loadgroup)")
    assert request.node.nodeid.endswith("@test_process_groups"), request.node.nodeid
