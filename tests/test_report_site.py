"""The built report site in a real browser: every page served on 127.0.0.1 and opened in headless Chromium
(playwright-core, tests/e2e/check-site.mjs). The site has a landing page (/), a page comparing the markets
(/compare) and, per market of marts.dim_market, six pages made from one Evidence template each
(/markets/<market_id>[/regions|/segments|/players|/sources|/data-quality]).

Every page must render its charts with data, show the key numbers of ITS market (computed here with duckdb
from the published file, formatted as the page formats them), show no other market's id, figures or
sources, link only to pages that exist (and, on a market page, to no other market's pages), load nothing
from outside 127.0.0.1 and log no console errors.

Readable at 1280 px: pages are opened with a 1280 px wide viewport and every Details section opened; no
table header cell may end beyond the viewport or beyond its table's scroll box (a key column off-screen),
no chart legend / axis text, table header or BigValue title may look generated from a column name
(snake_case, "Usd Bn", "P10 P25"), no "Loading" may be left once the page has settled, no empty-state
message may show where the mart has rows, and every chart is SVG (so its legend can be read here).
Each market's overview states the answer first - "<market>: <size> USD bn in <year> (p10-p90 <a>-<b>)" -
and its forecast table marks the years the sources do not state (e.g. "extrapolated").
Screenshots of every page at 1280 px: build/report-screenshots/ of this checkout (git-ignored)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from market_warehouse.project import PACKAGE_ROOT
from tests.report_support import (
    node_missing_reason,
    report_site,  # noqa: F401  (session fixture, memoised: one build per session)
)

E2E = PACKAGE_ROOT / "tests" / "e2e"
SCREENSHOTS = PACKAGE_ROOT / "build" / "report-screenshots"

# The page templates under reports/pages/markets/[market_id]/: kind -> path suffix, a heading every market's
# page of that kind shows.
KINDS = {
    "overview": ("", "The answer"),
    "regions": ("/regions", "Regional shares"),
    "segments": ("/segments", "What is known"),
    "players": ("/players", "Share of the market"),
    "sources": ("/sources", "Stated vs implied CAGR"),
    "data-quality": ("/data-quality", "Results by rule"),
}
SOURCES_TABLE_ROWS = 60  # rows= of the sources page's DataTable: every source of a market must fit
VIEWPORT_WIDTH = 1280


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def usd(value: float) -> str:
    """Evidence's fmt="#,##0.00"."""
    return f"{value:,.2f}"


def cagr_text(value: float) -> str:
    """The pages' CAGR text: two decimals, one trailing zero dropped (0.115 -> '11.5 %', 0.1619 -> '16.19 %')."""
    text = f"{100 * value:.2f}"
    return (text[:-1] if text.endswith("0") else text) + " %"


def headline(facts: dict) -> str:
    """The overview's first sentence, as the page builds it (reports/pages/markets/[market_id]/index.md)."""
    if facts["base"] is None:
        return f"{facts['name']}: no forecast (no consensus size or no world CAGR claim)"
    fan = (" (no uncertainty fan)" if facts["fan_p10"] is None
           else f" (p10-p90 {facts['fan_p10']:.2f}-{facts['fan_p90']:.2f})")
    return f"{facts['name']}: {facts['base']:.2f} USD bn in {facts['end_year']}{fan}"


def market_path(market_id: str, kind: str) -> str:
    return f"/markets/{market_id}{KINDS[kind][0]}"


@dataclass
class Market:
    market_id: str
    facts: dict
    sources: set[str]
    figures: set[str] = field(default_factory=set)      # every USD figure of the market's rows, formatted
    distinctive: set[str] = field(default_factory=set)  # its headline figures (forbidden on other markets' pages)
    pages: dict[str, dict] = field(default_factory=dict)


def _markets(db: duckdb.DuckDBPyConnection) -> list[Market]:
    def one(sql: str, *params):
        return db.execute(sql, list(params)).fetchone()

    def rows(sql: str, *params):
        return db.execute(sql, list(params)).fetchall()

    columns = {name for (name,) in rows("select column_name from information_schema.columns "
                                        "where table_schema = 'audit' and table_name = 'validation_results'")}
    market_ids = "market_ids" if "market_ids" in columns else "cast(null as varchar)"
    run_id = one("select run_id from audit.validation_results order by validated_at desc limit 1")[0]

    markets = []
    for (market_id,) in rows("select market_id from marts.dim_market order by market_id"):
        m = {}
        (m["name"], m["primary"], m["base_year"], m["end_year"]) = one(
            "select market_name, primary_source_id, base_year, forecast_end_year from marts.dim_market "
            "where market_id = ?", market_id)
        (m["low"], m["base"], m["high"], m["low_cagr"], m["base_cagr"], m["high_cagr"]) = one("""
            select max(market_size_usd_bn) filter (where scenario = 'low'),
                   max(market_size_usd_bn) filter (where scenario = 'base'),
                   max(market_size_usd_bn) filter (where scenario = 'high'),
                   max(cagr) filter (where scenario = 'low'),
                   max(cagr) filter (where scenario = 'base'),
                   max(cagr) filter (where scenario = 'high')
            from marts.fct_market_forecast where market_id = ? and region_id = 'WORLD' and year = ?""",
            market_id, m["end_year"])
        consensus = one("select median_size_usd_bn, max_to_min_ratio from marts.fct_market_consensus "
                        "where market_id = ? and year = ?", market_id, m["base_year"])
        m["consensus"], m["ratio"] = consensus if consensus else (None, None)
        m["n_consensus_years"] = one("select count(*) from marts.fct_market_consensus where market_id = ?",
                                     market_id)[0]
        fan = one("select p10, p50, p90 from marts.fct_forecast_fan where market_id = ? and region_id = 'WORLD' "
                  "and year = ?", market_id, m["end_year"])
        m["fan_p10"], m["fan_p50"], m["fan_p90"] = fan if fan else (None, None, None)
        # years of the forecast window whose consensus has an extrapolated source value (marked in its table)
        m["n_extrapolated_years"] = one("""
            select count(*) from marts.fct_market_consensus c join marts.dim_market d on d.market_id = c.market_id
            where c.market_id = ? and c.n_extrapolated_sources > 0
              and c.year between d.forecast_start_year and d.forecast_end_year""", market_id)[0]
        m["n_world_forecast"] = one("select count(market_size_usd_bn) from marts.fct_market_forecast "
                                    "where market_id = ? and region_id = 'WORLD'", market_id)[0]
        m["n_base_year_sources"] = one("""
            select count(*) from marts.fct_source_forecast f join marts.dim_market d
              on d.market_id = f.market_id and f.year = d.base_year where f.market_id = ?""", market_id)[0]
        # regions
        m["n_stated_shares"] = one("select count(share_pct) from marts.fct_regional_share where market_id = ?",
                                   market_id)[0]
        m["n_named_regions"] = one("select count(*) from marts.fct_source_region where market_id = ?", market_id)[0]
        m["n_primary_shares"] = one("""
            select count(r.share_pct) from marts.fct_regional_share r join marts.dim_market d
              on d.market_id = r.market_id and r.source_id = d.primary_source_id where r.market_id = ?""",
                                    market_id)[0]
        m["top_region_base"] = one("""
            select max(market_size_usd_bn) from marts.fct_market_forecast
            where market_id = ? and scenario = 'base' and region_id <> 'WORLD' and year = ?""",
                                   market_id, m["end_year"])[0]
        # segments
        m["n_segments"] = one("select count(*) from marts.dim_segment where market_id = ?", market_id)[0]
        m["top_segment_share"] = one("select max(share_pct) from marts.fct_segment_forecast where market_id = ?",
                                     market_id)[0]
        m["n_segment_claims"] = one("select count(*) from marts.fct_market_claim where market_id = ? "
                                    "and scope_type = 'segment'", market_id)[0]
        # players
        m["worst_check"], m["n_checks"], m["n_comparable_checks"] = one(
            "select min(diff_pct), count(*), count(filed_usd_bn) from marts.fct_player_revenue_check "
            "where market_id = ?", market_id)
        m["top_player_share"], m["n_player_figures"] = one(
            "select max(share_pct), count(*) from marts.fct_player_share where market_id = ?", market_id)
        m["n_report_player_shares"] = one(
            "select count(share_pct) from marts.fct_player_share where market_id = ? and source_kind = 'market_report'",
            market_id)[0]
        # sources
        # the first source's stated CAGR as the sources page words it: '10.4 % (2025-2033)'
        m["first_stated_cagr"] = (one("""
            select c.value_as_stated || coalesce(' (' || k.period_start_year || '-' || k.period_end_year || ')', '')
            from marts.fct_source_consistency k
            join marts.fct_market_claim c on c.market_id = k.market_id and c.claim_id = k.cagr_claim_id
            where k.market_id = ? order by k.source_id limit 1""", market_id) or (None,))[0]
        m["n_consistency"] = one("select count(*) from marts.fct_source_consistency where market_id = ?",
                                 market_id)[0]
        m["n_conflicts"] = one("select count(*) from marts.fct_claim_conflicts where market_id = ? and is_conflict",
                               market_id)[0]
        m["n_claims"] = one("select count(*) from marts.fct_market_claim where market_id = ?", market_id)[0]
        sources = {s for (s,) in rows("""
            select source_id from marts.fct_market_claim where market_id = $1
            union select source_id from marts.fct_player_share where market_id = $1
            union select primary_source_id from marts.dim_market where market_id = $1""", market_id) if s}
        # data quality: the results of the latest run that are not market-specific or name this market
        m["run_id"] = run_id
        m["dq_results"], m["dq_passed"], m["dq_warnings"] = one(f"""
            select count(*), count(*) filter (where status = 'passed'),
                   count(*) filter (where status = 'failed' and severity = 'warning')
            from (select *, {market_ids} as ids from audit.validation_results where run_id = $1)
            where ids is null or list_contains(list_transform(string_split(ids, ','), x -> trim(x)), $2)""",
                                                            run_id, market_id)
        market = Market(market_id, m, sources)
        market.figures = {usd(v) for (v,) in rows("""
            select unnest([market_size_usd_bn]) from marts.fct_market_forecast where market_id = $1
            union all select unnest([min_size_usd_bn, median_size_usd_bn, max_size_usd_bn])
              from marts.fct_market_consensus where market_id = $1
            union all select unnest([market_size_usd_bn, start_size_usd_bn, stated_size_usd_bn])
              from marts.fct_source_forecast where market_id = $1
            union all select unnest([p10, p25, p50, p75, p90, mean]) from marts.fct_forecast_fan where market_id = $1
            union all select market_size_usd_bn from marts.fct_segment_forecast where market_id = $1
            union all select unnest([revenue_usd_bn, consensus_size_usd_bn]) from marts.fct_player_share
              where market_id = $1
            union all select unnest([claimed_usd_bn, filed_usd_bn]) from marts.fct_player_revenue_check
              where market_id = $1
            union all select unnest([value, value_low, value_high]) from marts.fct_market_claim where market_id = $1
            union all select unnest([start_size_usd_bn, end_size_usd_bn]) from marts.fct_source_consistency
              where market_id = $1""", market_id) if v is not None}
        market.distinctive = {usd(m[k]) for k in ("low", "base", "high", "consensus", "fan_p50") if m[k] is not None}
        markets.append(market)
    return markets


def _market_pages(market: Market, others: list[Market]) -> dict[str, dict]:
    m = market.facts
    mid = market.market_id
    other_sources = set().union(*(o.sources for o in others)) - market.sources if others else set()
    # Another market's figures are forbidden unless this market has the same figure somewhere itself.
    forbidden = sorted({o.market_id for o in others}
                       | (set().union(*(o.distinctive for o in others)) - market.figures if others else set())
                       | other_sources)
    common = {"forbidden": forbidden, "forbiddenPaths": [f"/markets/{o.market_id}" for o in others]}
    siblings = [market_path(mid, k) for k in KINDS]

    def page(kind: str, min_charts: int, texts: list[str], empty: list[str] = (),
             table_texts: list[str] = ()) -> dict:
        return {"path": market_path(mid, kind), "title": KINDS[kind][1], "minCharts": min_charts,
                "texts": texts, "requiredLinks": ["/"] + [s for s in siblings if s != market_path(mid, kind)],
                "emptyMessages": list(empty), "tableTexts": list(table_texts), **common}

    # The answer first: the headline sentence with its p10-p90, then the figures behind it.
    overview = [mid, headline(m)]
    overview_empty = []
    if m["low"] is not None:
        overview += [f"{m['low']:.2f} USD bn, at {cagr_text(m['low_cagr'])} a year", usd(m["base"]), usd(m["high"]),
                     f"{m['base']:.2f} USD bn in {m['end_year']}, the consensus compounded at {cagr_text(m['base_cagr'])}"]
        # scenarios that coincide are named (and drawn) once
        overview.append("Base = high" if abs(m["high_cagr"] - m["base_cagr"]) < 1e-12 else "High")
        overview_empty.append("No scenario forecast for this market")
    if m["consensus"] is not None:
        overview += [f"{m['consensus']:.2f} USD bn in {m['base_year']}", f"{m['ratio']:.2f}x", "Which number to use."]
        overview_empty += ["No source gives this market a size path", "No consensus: no source gives"]
    if m["n_base_year_sources"]:
        overview_empty.append("No source gives this market a size in its base year")
    if m["fan_p50"] is not None:
        overview.append(usd(m["fan_p50"]))
        overview_empty.append("The warehouse has no uncertainty fan")
    overview_charts = ((m["n_world_forecast"] > 0) + (m["n_consensus_years"] > 0) + (m["n_base_year_sources"] > 0)
                       + (m["fan_p50"] is not None))
    overview_table = ["extrapolated"] if m["n_extrapolated_years"] else []

    regions_empty = []
    if m["n_stated_shares"]:
        regions = [usd(m["top_region_base"])] if m["top_region_base"] is not None else []
        regions_empty.append("No regional shares.")
    else:
        regions = ["No regional shares.", "no source states a share"]
    if m["n_named_regions"]:
        regions.append("What each source says about each region")
        regions_empty.append("No source of this market names a region")
    if m["top_region_base"] is not None:
        regions_empty.append("No regional forecast")
    regions_charts = (m["n_primary_shares"] > 0) + (m["top_region_base"] is not None)

    segments_empty = []
    if m["top_segment_share"] is not None:
        segments = [f"{m['top_segment_share']:.2f}"]
        segments_empty.append("No source states a share for any segment")
    elif m["n_segments"]:
        segments = ["no source states a share"]
    else:
        segments = ["no segments are defined for this market"]
    if m["n_segments"]:
        segments_empty.append("No segments are defined for this market")
    if m["n_segment_claims"]:
        segments_empty.append("No source makes a segment claim")
    segments_charts = 2 if m["top_segment_share"] is not None else 0

    players, players_empty = [], []
    if m["n_checks"]:
        players_empty.append("No revenue claim to check for this market")
        if m["worst_check"] is not None:
            players.append(f"{m['worst_check']:.0f}%")
    if m["n_comparable_checks"]:
        players_empty.append("No report claim of this market can be compared")
    if m["top_player_share"] is not None:
        players.append(f"{m['top_player_share']:.1f}%")
    if not m["n_player_figures"]:
        players.append("No revenue figure of any player is recorded for this market.")
    else:
        players_empty += ["No player revenue for this market.", "No revenue figure of any player is recorded"]
    players_charts = (m["n_comparable_checks"] > 0) + (m["n_report_player_shares"] > 0)

    assert len(market.sources) <= SOURCES_TABLE_ROWS, f"{mid}: more sources than the sources table shows"
    sources = sorted(market.sources) + [f"This market has {len(market.sources)} sources"]
    sources_empty = ["No source for this market."]
    if m["first_stated_cagr"] is not None:
        sources.append(m["first_stated_cagr"])
        sources_empty.append("No source of this market can be checked for consistency")
    if m["n_conflicts"]:
        sources.append("cannot both be true")
    if m["n_claims"]:
        sources_empty.append("No source makes a claim about this market")
    sources_charts = (m["n_consistency"] > 0) + (m["n_claims"] > 0)

    quality = [m["run_id"], "build/gx/data_docs/index.html",
               f"{m['dq_results']} expectations, {m['dq_passed']} passed, {m['dq_warnings']} warnings fired"]

    return {
        "overview": page("overview", overview_charts, overview, overview_empty, overview_table),
        "regions": page("regions", regions_charts, regions, regions_empty),
        "segments": page("segments", segments_charts, segments, segments_empty),
        "players": page("players", players_charts, players, players_empty),
        "sources": page("sources", sources_charts, sources, sources_empty),
        "data-quality": page("data-quality", 2, quality),
    }


def expected_site(db_path: Path) -> dict:
    """Per page: what check-site.mjs must find (texts, charts, links) and must not find (forbidden)."""
    with duckdb.connect(str(db_path), read_only=True) as db:
        markets = _markets(db)
        tree_findings = db.execute("""
            select market_id, any_value(finding order by year) from marts.fct_market_tree_check
            where finding is not null group by market_id""").fetchall()
        n_tree_rows = db.execute("select count(*) from marts.fct_market_tree_check").fetchone()[0]
        fan_end = dict(db.execute("""
            select f.market_id, f.p50 from marts.fct_forecast_fan f join marts.dim_market m
              on m.market_id = f.market_id and f.year = m.forecast_end_year where f.region_id = 'WORLD'""").fetchall())
    assert markets, "the warehouse has no market"
    n_with_consensus = sum(mk.facts["n_consensus_years"] > 0 for mk in markets)
    for market in markets:
        market.pages = _market_pages(market, [o for o in markets if o is not market])

    landing = [f"The warehouse holds {len(markets)} markets"] + landing_texts(markets)
    compare = []
    for market in markets:
        m = market.facts
        landing += [market.market_id, f"base year {m['base_year']}, forecast to {m['end_year']}"]
        compare.append(market.market_id)
        if m["consensus"] is not None:
            landing.append(usd(m["consensus"]))
            compare.append(usd(m["consensus"]))
        if m["base"] is not None:
            landing += [usd(m["base"]), usd(m["low"]), usd(m["high"]), cagr_text(m["base_cagr"])]
        if market.market_id in fan_end:
            compare.append(usd(fan_end[market.market_id]))
    compare += [finding for _, finding in tree_findings] or ["No finding"]
    all_market_pages = [market_path(mk.market_id, k) for mk in markets for k in KINDS]
    pages = [
        {"path": "/", "title": "Market tree and pages", "minCharts": 0, "texts": landing,
         "requiredLinks": ["/compare"] + all_market_pages, "emptyMessages": []},
        {"path": "/compare", "title": "Each market against the market it is part of",
         # one chart of all markets' consensus, one per market with a consensus; the same for the fan; the tree check
         "minCharts": (1 + n_with_consensus if n_with_consensus else 0) + (1 + len(fan_end) if fan_end else 0)
                      + bool(n_tree_rows), "texts": compare,
         "requiredLinks": ["/"] + [market_path(mk.market_id, "overview") for mk in markets],
         "emptyMessages": (["No market has a consensus band."] if n_with_consensus else [])
                          + (["No market has an uncertainty fan."] if fan_end else [])},
    ]
    for market in markets:
        pages += market.pages.values()
    return {"markets": [mk.market_id for mk in markets], "pages": pages}


def landing_texts(markets: list[Market]) -> list[str]:
    """The landing page's fan column: 'p10-p90' of each market's fan in its end year."""
    return [f"{mk.facts['fan_p10']:.2f}-{mk.facts['fan_p90']:.2f}" for mk in markets if mk.facts["fan_p10"] is not None]


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
    site = expected_site(report_site.project.published_db)
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    spec = {"buildDir": str(report_site.result.site_dir), "screenshotDir": str(SCREENSHOTS),
            "chromium": chromium, "viewportWidth": VIEWPORT_WIDTH,
            # market ids are identifiers the site shows on purpose (e.g. as the compare page's series names)
            "allowedTokens": site["markets"], "pages": site["pages"]}
    (e2e / "spec.json").write_text(json.dumps(spec, indent=1))
    t0 = time.monotonic()
    run = subprocess.run(["node", "check-site.mjs", "spec.json"], cwd=e2e, capture_output=True, text=True,
                         timeout=1800)
    assert run.returncode == 0, f"check-site.mjs could not run:\n{run.stdout}\n{run.stderr}"
    results = {}
    external = None
    for line in run.stdout.splitlines():
        if line.startswith("PAGE "):
            result = json.loads(line[5:])
            results[result["path"]] = result
        elif line.startswith("EXTERNAL "):
            external = json.loads(line[9:])
    print(f"browser check of {len(results)} pages: {time.monotonic() - t0:.0f} s; "
          f"report build: {report_site.result.step_seconds}; screenshots: {SCREENSHOTS}")
    return {"markets": site["markets"], "expected": {p["path"]: p for p in site["pages"]},
            "results": results, "external": external}


def page_problems(browser_results, path: str) -> list[str]:
    expected = browser_results["expected"][path]
    result = browser_results["results"].get(path)
    if result is None:
        return [f"{path}: was not checked"]
    if "exception" in result:
        return [f"{path}: {result['exception']}"]
    checks = [
        (result["status"] == 200, f"HTTP status {result['status']}"),
        (len(result["charts"]) >= expected["minCharts"],
         f"{len(result['charts'])} charts rendered, expected at least {expected['minCharts']}"),
        (result["titleFound"], f"heading {expected['title']!r} not on the page"),
        (not result["missingTexts"], f"numbers/texts not on the page: {result['missingTexts']}"),
        (not result["forbiddenFound"], f"another market's ids/figures/sources on the page: {result['forbiddenFound']}"),
        (not result["forbiddenLinks"], f"links to another market's pages: {result['forbiddenLinks']}"),
        (not result["missingLinks"], f"links missing: {result['missingLinks']}"),
        (result["errorText"] is None, f"the page shows an error: {result['errorText']}"),
        (not result["consoleErrors"], f"console errors: {result['consoleErrors']}"),
        (not result["failedRequests"], f"failed requests: {result['failedRequests']}"),
        (not result["brokenLinks"], f"broken links: {result['brokenLinks']}"),
        (Path(result.get("screenshot", "")).is_file(), "no screenshot"),
        (not result.get("tableOverflow"), f"table columns beyond {VIEWPORT_WIDTH} px: {result.get('tableOverflow')}"),
        (not result.get("autoLabels"), f"labels generated from column names: {result.get('autoLabels')}"),
        (not result.get("loadingLeft"), f"still loading after the page settled: {result.get('loadingLeft')}"),
        (not result.get("emptyFound"), f"empty-state messages although the mart has rows: {result.get('emptyFound')}"),
        (not result.get("missingTableTexts"), f"not marked in any table: {result.get('missingTableTexts')}"),
        (result.get("canvasCharts") == 0, f"{result.get('canvasCharts')} charts drawn on a canvas (legends unreadable)"),
    ]
    print(f"{path}: {result.get('seconds')} s, {result.get('nLinks')} links, screenshot {result.get('screenshot')}")
    return [f"{path}: {message}" for ok, message in checks if not ok]


def test_landing_page_lists_every_market_and_links_its_pages(browser_results):
    assert browser_results["markets"]
    problems = page_problems(browser_results, "/")
    assert not problems, "\n".join(problems)


def test_compare_page_shows_every_market(browser_results):
    problems = page_problems(browser_results, "/compare")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", list(KINDS))
def test_market_pages_show_their_market_only(browser_results, kind):
    problems = []
    for market_id in browser_results["markets"]:
        problems += page_problems(browser_results, market_path(market_id, kind))
    assert not problems, "\n".join(problems)


def test_every_page_was_checked(browser_results):
    assert set(browser_results["results"]) == set(browser_results["expected"])


def test_site_loads_nothing_from_outside(browser_results):
    assert browser_results["external"] == [], browser_results["external"]
