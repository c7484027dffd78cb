"""The Evidence report site (reports/ -> reports/build), driven through the Evidence CLI.

Steps, each a subprocess whose output is streamed line by line:
  1. check tools   Node.js >= 20 and npm on PATH (a clear error names what is missing).
  2. npm ci        only when reports/node_modules is missing or was installed from another
                   package-lock.json (a sha256 stamp of the lock inside node_modules).
  3. evidence sources --strict   runs reports/sources/**.sql on the published release, pinned when the
                                 report starts (market_warehouse/report_release.py), read-only.
  4. evidence build:strict       prerenders every page into reports/build (a static site).
Usage statistics are off (reports/evidence.settings.json, the switch Evidence honours). One timeout
covers all steps; a step that fails or runs out of time raises ReportFailed naming the step and
the tail of its output.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from market_warehouse.project import Project
from market_warehouse.publish import PAUSE_ENV
from market_warehouse.report_release import FILENAME_ENV, RELEASE_ENV, pinned_release

MIN_NODE_MAJOR = 20  # reports/package.json "engines": {"node": ">=20"} (a test keeps the two equal)
DEFAULT_TIMEOUT_SECONDS = 1800
HEARTBEAT_SECONDS = 15
STAMP_NAME = ".market-warehouse-lock.sha256"
PATCH_SCRIPT = "scripts/patch-universal-sql.cjs"  # package.json's postinstall
SETTINGS = '{"send_anonymous_usage_stats":"no"}\n'
TAIL_LINES = 60
INSTALL_HINT = (f"install Node.js >= {MIN_NODE_MAJOR} with npm, e.g. `apt-get install -y nodejs npm` on Debian/Ubuntu "
                "or from https://nodejs.org/")


class ReportFailed(Exception):
    def __init__(self, step: str, detail: str):
        super().__init__(f"report step '{step}' failed: {detail}")
        self.step = step
        self.detail = detail


@dataclass
class ReportResult:
    site_dir: Path
    step_seconds: dict[str, float] = field(default_factory=dict)
    ran_npm_ci: bool = False
    release: str | None = None  # the run id of the release the site shows


def reports_dir(project: Project) -> Path:
    return project.root / "reports"


def check_tools(env: dict[str, str]) -> tuple[str, str, str]:
    """Paths of node and npm on env's PATH, and node's version; ReportFailed names what is missing."""
    path = env.get("PATH", "")
    node = shutil.which("node", path=path)
    npm = shutil.which("npm", path=path)
    missing = [name for name, found in (("Node.js (node)", node), ("npm", npm)) if not found]
    if missing:
        raise ReportFailed("check tools", f"{' and '.join(missing)} not found on PATH; {INSTALL_HINT}")
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, env=env,
                                 timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        raise ReportFailed("check tools", f"could not run `{node} --version`: {error}; {INSTALL_HINT}") from error
    match = re.match(r"v?(\d+)\.", version)
    if not match or int(match.group(1)) < MIN_NODE_MAJOR:
        raise ReportFailed("check tools", f"Node.js {version or '(unknown version)'} at {node} is too old; "
                                          f"Evidence needs Node.js >= {MIN_NODE_MAJOR}; {INSTALL_HINT}")
    return node, npm, version


def lock_digest(reports: Path) -> str:
    """What node_modules was installed from: the lock and the postinstall patch it ran (a changed patch
    needs a fresh install, or node_modules keeps the old one)."""
    digest = hashlib.sha256((reports / "package-lock.json").read_bytes())
    patch = reports / PATCH_SCRIPT
    if patch.is_file():
        digest.update(patch.read_bytes())
    return digest.hexdigest()


def needs_install(reports: Path) -> bool:
    """True when node_modules is missing or was installed from a different package-lock.json or patch."""
    stamp = reports / "node_modules" / STAMP_NAME
    evidence = reports / "node_modules" / ".bin" / "evidence"
    if not stamp.is_file() or not evidence.exists():
        return True
    return stamp.read_text().strip() != lock_digest(reports)


def _run(step: str, command: list[str], cwd: Path, env: dict[str, str], deadline: float,
         log: Callable[[str], None]) -> None:
    """Run one step, streaming its output; ReportFailed on a non-zero exit or when the deadline passes."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise ReportFailed(step, "timed out before the step could start")
    log(f"[report] {step}: {' '.join(command)}")
    tail: deque[str] = deque(maxlen=TAIL_LINES)
    try:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, text=True, errors="replace", start_new_session=True)
    except OSError as error:
        raise ReportFailed(step, f"could not start {command[0]}: {error}") from error
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the whole group: npm/evidence start children
        except ProcessLookupError:
            pass

    timer = threading.Timer(remaining, kill)
    timer.start()
    started = last_output = time.monotonic()
    finished = threading.Event()

    def heartbeat() -> None:
        # evidence build prints nothing for minutes, then everything at once: say it is alive.
        while not finished.wait(HEARTBEAT_SECONDS):
            if time.monotonic() - last_output >= HEARTBEAT_SECONDS:
                log(f"[{step}] still running: {time.monotonic() - started:.0f} s so far "
                    f"(no output for {time.monotonic() - last_output:.0f} s)")

    beating = threading.Thread(target=heartbeat, daemon=True)
    beating.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            last_output = time.monotonic()
            line = line.rstrip("\n")
            tail.append(line)
            log(f"[{step}] {line}")
        returncode = process.wait()
    finally:
        finished.set()
        timer.cancel()
        if process.poll() is None:
            kill()
            process.wait()
    output = "\n".join(tail)
    if timed_out.is_set():
        raise ReportFailed(step, f"timed out (the report's timeout ran out after {remaining:.0f} s in this step); "
                                 f"last output:\n{output}")
    if returncode != 0:
        raise ReportFailed(step, f"exit code {returncode}; last output:\n{output}")


def build_report(project: Project | None = None, *, timeout: float = DEFAULT_TIMEOUT_SECONDS,
                 log: Callable[[str], None] = print, env: dict[str, str] | None = None) -> ReportResult:
    """Build the static report site of project (default: this checkout) into reports/build."""
    project = project or Project()
    reports = reports_dir(project)
    env = dict(os.environ if env is None else env)
    env.update({"DO_NOT_TRACK": "1", "npm_config_update_notifier": "false", "npm_config_fund": "false",
                "npm_config_audit": "false", "CI": "true"})
    deadline = time.monotonic() + timeout
    result = ReportResult(site_dir=reports / "build")

    t0 = time.monotonic()
    node, npm, version = check_tools(env)
    log(f"[report] check tools: node {version} ({node}), npm ({npm})")
    if not (reports / "package-lock.json").is_file():
        raise ReportFailed("check project", f"{reports / 'package-lock.json'} is missing")
    if not project.published_db.is_file():
        raise ReportFailed("check project", f"{project.published_db} does not exist; run `make build` first")
    settings = reports / "evidence.settings.json"
    if not settings.is_file() or '"no"' not in settings.read_text():
        settings.write_text(SETTINGS)  # usage statistics off
    result.step_seconds["check tools"] = round(time.monotonic() - t0, 2)

    if needs_install(reports):
        t0 = time.monotonic()
        _run("npm ci", [npm, "ci", "--prefer-offline", "--no-audit", "--no-fund"], reports, env, deadline, log)
        (reports / "node_modules" / STAMP_NAME).write_text(lock_digest(reports) + "\n")
        result.ran_npm_ci = True
        result.step_seconds["npm ci"] = round(time.monotonic() - t0, 2)
    else:
        log("[report] npm ci: node_modules matches package-lock.json, skipped")

    with pinned_release(project) as pinned:
        result.release = pinned.release
        # The connector joins the filename to the source's folder, so it is given relative to it.
        env[FILENAME_ENV] = os.path.relpath(pinned.db, reports / "sources" / "warehouse")
        env[RELEASE_ENV] = pinned.release
        log(f"[report] reading release {pinned.release} (pinned: a publish meanwhile does not change it)")
        wait_point("report:pinned")
        _evidence_steps(reports, env, deadline, log, result)
    log(f"[report] site written to {result.site_dir} (open it through a web server, "
        f"e.g. `python3 -m http.server -d {result.site_dir}`)")
    return result


def wait_point(name: str) -> None:
    """Test hook: when MARKET_WAREHOUSE_PAUSE_AT names this point, say so and wait for a line on stdin (a test
    publishes meanwhile)."""
    if os.environ.get(PAUSE_ENV) == name:
        print(f"paused at {name}", flush=True)
        sys.stdin.readline()


def _evidence_steps(reports: Path, env: dict[str, str], deadline: float, log, result: ReportResult) -> None:
    evidence = str(reports / "node_modules" / ".bin" / "evidence")
    t0 = time.monotonic()
    _run("evidence sources", [evidence, "sources", "--strict"], reports, env, deadline, log)
    result.step_seconds["evidence sources"] = round(time.monotonic() - t0, 2)

    t0 = time.monotonic()
    shutil.rmtree(result.site_dir, ignore_errors=True)
    _run("evidence build", [evidence, "build:strict"], reports, env, deadline, log)
    if not (result.site_dir / "index.html").is_file():
        raise ReportFailed("evidence build", f"finished but wrote no {result.site_dir / 'index.html'}")
    result.step_seconds["evidence build"] = round(time.monotonic() - t0, 2)
