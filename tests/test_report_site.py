"""The built report site in a real browser: every page served on 127.0.0.1 and opened in headless Chromium
(playwright-core, tests/e2e/check-site.mjs). Each page must render its charts with data, show the key
numbers of the warehouse (computed here with duckdb, formatted as the page formats them), link only to
pages that exist, load nothing from outside 127.0.0.1 and log no console errors.
Screenshots: build/report-screenshots/ of this checkout (git-ignored)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from market_warehouse.project import PACKAGE_ROOT
from tests.report_support import node_missing_reason
from tests.report_support import report_site  # noqa: F401  (session fixture, memoised: one build per session)

E2E = PACKAGE_ROOT / "tests" / "e2e"
SCREENSHOTS = PACKAGE_ROOT / "build" / "report-screenshots"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def usd(value: float) -> str:
    """Evidence's fmt="#,##0.00"."""
    return f"{value:,.2f}"


def expected_pages(db_path: Path) -> list[dict]:
    with duckdb.connect(str(db_path), read_only=True) as db:
        def one(sql: str):
            return db.execute(sql).fetchone()

        end_year, base_year = one("select forecast_end_year, base_year from marts.dim_market")
        low, base, high = one(f"""
            select max(market_size_usd_bn) filter (where scenario = 'low'),
                   max(market_size_usd_bn) filter (where scenario = 'base'),
                   max(market_size_usd_bn) filter (where scenario = 'high')
            from marts.fct_market_forecast where region_id = 'WORLD' and year = {end_year}""")
        consensus, ratio = one(f"select median_size_usd_bn, max_to_min_ratio from marts.fct_market_consensus "
                               f"where year = {base_year}")
        fan_p50 = one(f"select p50 from marts.fct_forecast_fan where region_id = 'WORLD' and year = {end_year}")
        na_base = one(f"select market_size_usd_bn from marts.fct_market_forecast "
                      f"where scenario = 'base' and region_id = 'NA' and year = {end_year}")[0]
        apac_rolled = one("select share_pct from marts.fct_regional_share r join marts.dim_market m "
                          "on r.source_id = m.primary_source_id where region_id = 'APAC' and share_basis = 'rolled_up'")[0]
        raw_label = one("select raw_label from marts.dim_country_label where cleaning_note is not null "
                        "order by source_id, label_position limit 1")[0]
        top_segment_share = one("select max(share_pct) from marts.fct_segment_forecast")[0]
        worst_check = one("select min(diff_pct) from marts.fct_player_revenue_check")[0]
        top_player_share = one("select max(share_pct) from marts.fct_player_share")[0]
        s1_stated = one("select stated_cagr_pct from marts.fct_source_consistency order by source_id limit 1")[0]
        n_conflicts = one("select count(*) from marts.fct_claim_conflicts where is_conflict")[0]
        run_id, n_passed = one("""
            select run_id, count(*) filter (where status = 'passed') from audit.validation_results
            where run_id = (select run_id from audit.validation_results order by validated_at desc limit 1)
            group by run_id""")
    assert n_conflicts >= 1
    return [
        {"path": "/", "title": "Headline forecast, world", "minCharts": 4,
         "texts": [usd(low), usd(base), usd(high), usd(consensus), f"{ratio:.2f}", usd(fan_p50[0])]},
        {"path": "/regions", "title": "The China bucket", "minCharts": 3,
         "texts": [usd(na_base), f"{apac_rolled:.0f}", raw_label, "no source states a share"]},
        {"path": "/segments", "title": "What is known", "minCharts": 2,
         "texts": [f"{top_segment_share:.2f}", "no source states a share"]},
        {"path": "/players", "title": "Share of the market", "minCharts": 2,
         "texts": [f"{worst_check:.0f}%", f"{top_player_share:.1f}%", "beyond tolerance"]},
        {"path": "/sources", "title": "Stated vs implied CAGR", "minCharts": 2,
         "texts": [f"{s1_stated:.2f}%", "period mismatch", "cannot both be true"]},
        {"path": "/data-quality", "title": "Results by rule", "minCharts": 2,
         "texts": [run_id, str(n_passed), "build/gx/data_docs/index.html"]},
    ]


@pytest.fixture(scope="module")
def browser_results(report_site, tmp_path_factory):  # noqa: F811
    reason = node_missing_reason()
    if reason:
        pytest.skip(reason)
    chromium = chromium_path()
    if not chromium:
        pytest.skip("Chromium not found (set CHROMIUM_PATH or `apt-get install -y chromium`); "
                    "the report site browser tests need it")
    e2e = tmp_path_factory.mktemp("e2e")
    for name in ("package.json", "package-lock.json", "check-site.mjs"):
        shutil.copy2(E2E / name, e2e / name)
    subprocess.run(["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"], cwd=e2e, check=True,
                   capture_output=True, text=True, timeout=600)
    pages = expected_pages(report_site.project.published_db)
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    spec = {"buildDir": str(report_site.result.site_dir), "screenshotDir": str(SCREENSHOTS),
            "chromium": chromium, "pages": pages}
    (e2e / "spec.json").write_text(json.dumps(spec, indent=1))
    run = subprocess.run(["node", "check-site.mjs", "spec.json"], cwd=e2e, capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, f"check-site.mjs could not run:\n{run.stdout}\n{run.stderr}"
    results = {}
    external = None
    for line in run.stdout.splitlines():
        if line.startswith("PAGE "):
            result = json.loads(line[5:])
            results[result["path"]] = result
        elif line.startswith("EXTERNAL "):
            external = json.loads(line[9:])
    print(f"report screenshots: {SCREENSHOTS}")
    return {"expected": {p["path"]: p for p in pages}, "results": results, "external": external}


PAGES = ["/", "/regions", "/segments", "/players", "/sources", "/data-quality"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_charts_numbers_and_no_errors(browser_results, path):
    expected = browser_results["expected"][path]
    result = browser_results["results"].get(path)
    assert result is not None, f"{path} was not checked"
    assert "exception" not in result, result.get("exception")
    assert result["status"] == 200
    assert len(result["charts"]) >= expected["minCharts"], f"{path}: charts rendered: {result['charts']}"
    assert result["titleFound"], f"{path}: heading {expected['title']!r} not on the page"
    assert not result["missingTexts"], f"{path}: numbers/texts not on the page: {result['missingTexts']}"
    assert result["errorText"] is None, f"{path}: the page shows an error: {result['errorText']}"
    assert not result["consoleErrors"], f"{path}: console errors: {result['consoleErrors']}"
    assert not result["failedRequests"], f"{path}: failed requests: {result['failedRequests']}"
    assert not result["brokenLinks"], f"{path}: broken links: {result['brokenLinks']}"
    assert Path(result["screenshot"]).is_file()
    print(f"{path}: screenshot {result['screenshot']}")


def test_site_loads_nothing_from_outside(browser_results):
    assert browser_results["external"] == [], browser_results["external"]
