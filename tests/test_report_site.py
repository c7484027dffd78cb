"""The built report site in a real browser: every page served on 127.0.0.1 and opened in headless Chromium
(playwright-core, tests/e2e/check-site.mjs). The site has a landing page (/), a page comparing the markets
(/compare), a methodology page (/methodology) and, per market of marts.dim_market, six pages made from one
Evidence template each (/markets/<market_id>[/regions|/segments|/players|/sources|/data-quality]).

Every page must render its charts with data, show the key numbers of ITS market (computed here with duckdb
from the published file, formatted as the page formats them), show no other market's id, figures or
sources, link only to pages that exist (and, on a market page, to no other market's pages), load nothing
from outside 127.0.0.1 and log no console errors.

One answer per market that an analyst can defend (issue #18), on every market page: the heading and the
browser title name the market (its market_name, never its id); no market id in the visible text outside
links and closed Details; no Evidence empty-state box and no table without a row (a section with no data
is one sentence saying which sources give none); no GX terms or rule numbers outside Details; the overview
opens with the answer line of fct_market_answer, whose estimate lies inside the p10-p90 it shows.

Readable at 1280 px: pages are opened with a 1280 px wide viewport and every Details section opened; no
table header cell may end beyond the viewport or beyond its table's scroll box (a key column off-screen),
no chart legend / axis text, table header or BigValue title may look generated from a column name
(snake_case, "Usd Bn", "P10 P25"), no "Loading" may be left once the page has settled, and every chart is
SVG (so its legend can be read here). Readable at 390 px: every page is shot again at 390 px and must not
scroll sideways there (document scrollWidth <= 390; a wide table scrolls inside its own box).
Screenshots of every page at 1280 px and 390 px: build/screenshots/ of this checkout (git-ignored); their
paths are printed."""
from __future__ import annotations

import json
import os
import re
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
SCREENSHOTS = PACKAGE_ROOT / "build" / "screenshots"

# The page templates under reports/pages/markets/[market_id]/: kind -> path suffix, the word the page's heading
# puts before the market's name ("Regions: <market_name>"; the overview's heading is the name alone).
KINDS = {
    "overview": ("", None),
    "regions": ("/regions", "Regions"),
    "segments": ("/segments", "Segments"),
    "players": ("/players", "Players"),
    "sources": ("/sources", "Sources"),
    "data-quality": ("/data-quality", "Data quality"),
}
NARROW_WIDTH = 390
# GX terms and rule numbers a reader must not meet outside Details (regexes, case-insensitive).
JARGON = [r"\bexpectations?\b", r"\bunexpected\b", r"\brule \d+", r"Great Expectations", r"\bGX\b"]
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


def pct(value: float) -> str:
    """The site's one percentage format: one decimal, a space, % (6.8 -> '6.8 %'); value in percent units."""
    return f"{value:.1f} %"


def answer_line(a: dict) -> str:
    """The overview's first sentence, as the page builds it from fct_market_answer."""
    return (f"In {a['base_year']} the market is {a['estimate_base']:.2f} USD bn; by {a['end_year']}, "
            f"{a['estimate_end']:.2f} USD bn ({a['range_low']:.2f}-{a['range_high']:.2f}, p10-p90), "
            f"{pct(a['growth'])} a year.")


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
        answer = one("""
            select base_year, end_year, estimate_base_usd_bn, estimate_end_usd_bn, range_low_end_usd_bn,
                   range_high_end_usd_bn, growth_pct, sources_text
            from marts.fct_market_answer where market_id = ? and estimate_end_usd_bn is not null""", market_id)
        m["answer"] = (dict(zip(("base_year", "end_year", "estimate_base", "estimate_end", "range_low", "range_high",
                                 "growth", "sources_text"), answer, strict=True)) if answer else None)
        m["n_estimate_years"] = one("select count(estimate_usd_bn) from marts.fct_market_estimate where market_id = ?",
                                    market_id)[0]
        m["grades"] = rows("select source_id, weight, grade_reason, counts_toward_estimate, exclusion_reason "
                           "from marts.fct_source_grade where market_id = ? order by source_id", market_id)
        m["n_no_usd"] = one("select count(*) from marts.fct_player_share where market_id = ? and revenue_usd_bn is null",
                            market_id)[0]
        m["n_not_comparable"] = one("select count(*) from marts.fct_player_revenue_check where market_id = ? "
                                    "and filed_usd_bn is null", market_id)[0]
        m["dq_caveats"] = [t for (t,) in rows(f"""
            select distinct title from (select *, {market_ids} as ids from audit.validation_results where run_id = $1)
            where status <> 'passed' and list_contains(list_transform(string_split(ids, ','), x -> trim(x)), $2)
            order by 1""", run_id, market_id)] if market_ids != "cast(null as varchar)" else []
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
              where market_id = $1
            union all select unnest([estimate_usd_bn, range_low_usd_bn, range_high_usd_bn, base_scenario_usd_bn])
              from marts.fct_market_estimate where market_id = $1
            union all select unnest([low_usd_bn, high_usd_bn]) from marts.fct_source_cluster where market_id = $1
            """, market_id) if v is not None}
        market.distinctive = {usd(m[k]) for k in ("low", "base", "high", "consensus", "fan_p50") if m[k] is not None}
        if m["answer"]:
            market.distinctive |= {usd(m["answer"][k]) for k in ("estimate_base", "estimate_end", "range_low",
                                                                 "range_high")}
        markets.append(market)
    return markets


def _market_pages(market: Market, others: list[Market], all_ids: list[str]) -> dict[str, dict]:
    m = market.facts
    mid = market.market_id
    other_sources = set().union(*(o.sources for o in others)) - market.sources if others else set()
    # Another market's figures are forbidden unless this market has the same figure somewhere itself.
    forbidden = sorted({o.market_id for o in others}
                       | (set().union(*(o.distinctive for o in others)) - market.figures if others else set())
                       | other_sources)
    common = {"forbidden": forbidden, "forbiddenPaths": [f"/markets/{o.market_id}" for o in others],
              "documentTitle": m["name"], "idTokens": all_ids, "jargon": JARGON, "narrowWidth": NARROW_WIDTH,
              "maxScrollWidth": NARROW_WIDTH}
    siblings = [market_path(mid, k) for k in KINDS]

    def page(kind: str, min_charts: int, texts: list[str], empty: list[str] = (),
             table_texts: list[str] = ()) -> dict:
        word = KINDS[kind][1]
        return {"path": market_path(mid, kind), "title": f"{word}: {m['name']}" if word else m["name"],
                "minCharts": min_charts,
                # the page's own breadcrumb names the market; Evidence's (the template's title) is hidden
                "texts": [f"Markets › {m['name']}"] + texts,
                "requiredLinks": ["/", "/methodology"] + [s for s in siblings if s != market_path(mid, kind)],
                "emptyMessages": list(empty), "tableTexts": list(table_texts), "ownCrumbs": True, **common}

    # The answer first: the answer line with its p10-p90 and its graded sources, then the figures behind it.
    a = m["answer"]
    if a:
        overview = [answer_line(a), f"Sources: {a['sources_text']}.", usd(a["estimate_end"])]
    else:
        overview = ["so the warehouse has no estimate for it"]
    overview_empty = []
    if m["low"] is not None:
        overview += [f"{m['low']:.2f} USD bn, at {pct(100 * m['low_cagr'])} a year",
                     f"{m['base']:.2f} USD bn in {m['end_year']}, at {pct(100 * m['base_cagr'])} a year"]
    if m["consensus"] is not None:
        overview += [f"{m['ratio']:.2f}x"]
    if m["fan_p50"] is not None:
        overview.append(usd(m["fan_p50"]))
    overview_charts = ((m["n_estimate_years"] > 0) + (m["n_consensus_years"] > 0) + (m["n_base_year_sources"] > 0)
                       + (m["fan_p50"] is not None))
    overview_table = ["extrapolated"] if m["n_extrapolated_years"] else []

    regions_empty = []
    if m["n_stated_shares"]:
        regions = [usd(m["top_region_base"])] if m["top_region_base"] is not None else []
    else:
        regions = ["states a share for any region"]
    if not m["n_named_regions"]:
        regions.append("names a region: only the world figures exist")
    regions_charts = (m["n_primary_shares"] > 0) + (m["top_region_base"] is not None)

    segments_empty = []
    if m["top_segment_share"] is not None:
        segments = [pct(m["top_segment_share"])]
    elif m["n_segments"]:
        segments = ["no source states a share"]
    elif m["n_segment_claims"]:
        segments = ["No segments are defined for this market"]
    else:
        segments = ["splits it into segments"]
    segments_charts = 2 if m["top_segment_share"] is not None else 0

    players, players_empty = [], []
    if m["n_checks"] and m["worst_check"] is not None:
        players.append(pct(m["worst_check"]))
    if m["top_player_share"] is not None:
        players.append(pct(m["top_player_share"]))
    if not m["n_player_figures"] and not m["n_checks"]:
        players.append("No player figures:")
    if not m["n_no_usd"] and not m["n_not_comparable"]:
        # no advice that does not apply: the exchange-rate note only where a figure lacks a USD value
        players_empty.append("exchange rate")
    players_charts = (m["n_comparable_checks"] > 0) + (m["n_report_player_shares"] > 0)

    assert len(market.sources) <= SOURCES_TABLE_ROWS, f"{mid}: more sources than the sources table shows"
    sources = sorted(market.sources) + [f"This market has {len(market.sources)} sources"]
    for _source_id, weight, reason, counts, exclusion in m["grades"]:
        sources.append(reason)
        if counts:
            sources.append(f"{weight:.2f}")  # the grades table's weight column
        elif exclusion:
            sources.append(exclusion)
    if m["first_stated_cagr"] is not None:
        sources.append(m["first_stated_cagr"])
    if m["n_conflicts"]:
        sources.append("cannot both be true")
    sources_empty = []
    sources_charts = (m["n_consistency"] > 0) + (m["n_claims"] > 0)

    quality = [f"{m['dq_results']} checks concern this market, {m['dq_passed']} passed"] + m["dq_caveats"]

    return {
        "overview": page("overview", overview_charts, overview, overview_empty, overview_table),
        "regions": page("regions", regions_charts, regions, regions_empty),
        "segments": page("segments", segments_charts, segments, segments_empty),
        "players": page("players", players_charts, players, players_empty),
        "sources": page("sources", sources_charts, sources, sources_empty),
        "data-quality": page("data-quality", 0, quality),
    }


def expected_site(db_path: Path) -> dict:
    """Per page: what check-site.mjs must find (texts, charts, links) and must not find (forbidden)."""
    with duckdb.connect(str(db_path), read_only=True) as db:
        markets = _markets(db)
        tree_findings = db.execute("""
            select market_id, any_value(finding order by year) from marts.fct_market_tree_check
            where finding is not null group by market_id""").fetchall()
        n_tree_rows = db.execute("select count(*) from marts.fct_market_tree_check").fetchone()[0]
        published_at = db.execute("""
            select strftime(published_at at time zone 'UTC', '%Y-%m-%d %H:%M') || ' UTC' from audit.publish_log
            order by published_at desc limit 1""").fetchone()[0]
        n_graded, n_graded_markets = db.execute(
            "select count(*), count(distinct market_id) from marts.fct_source_grade").fetchone()
    assert markets, "the warehouse has no market"
    all_ids = [mk.market_id for mk in markets]
    for market in markets:
        market.pages = _market_pages(market, [o for o in markets if o is not market], all_ids)

    landing = [f"Last published {published_at}"]
    compare = []
    with_answer = [mk for mk in markets if mk.facts["answer"]]
    for market in markets:
        m, a = market.facts, market.facts["answer"]
        landing.append(m["name"])
        compare.append(short_name(m["name"]))
        if a:
            landing.append(f"by {a['end_year']}, {a['estimate_end']:.2f} USD bn ({a['range_low']:.2f}-"
                           f"{a['range_high']:.2f}, p10-p90), {pct(a['growth'])} a year")
            compare += [usd(a["estimate_end"]), f"{a['range_low']:.2f}-{a['range_high']:.2f}", pct(a["growth"])]
    compare += [finding for _, finding in tree_findings] or (["No finding"] if n_tree_rows else [])
    all_market_pages = [market_path(mk.market_id, k) for mk in markets for k in KINDS]
    common = {"idTokens": all_ids, "narrowWidth": NARROW_WIDTH, "maxScrollWidth": NARROW_WIDTH, "emptyMessages": []}
    pages = [
        {"path": "/", "title": "Markets", "minCharts": 0, "texts": landing,
         "requiredLinks": ["/compare", "/methodology"] + all_market_pages, **common},
        {"path": "/compare", "title": "The answer of each market",
         # one chart of every market's estimate and one per market with an estimate; the tree check
         "minCharts": (1 + len(with_answer) if with_answer else 0) + bool(n_tree_rows), "texts": compare,
         "requiredLinks": ["/", "/methodology"] + [market_path(mk.market_id, "overview") for mk in with_answer],
         **common},
        {"path": "/methodology", "title": "Grades: how much a source counts", "minCharts": 0,
         "texts": [f"In this warehouse {n_graded} sources are graded across {n_graded_markets} markets"]
                  if n_graded else ["No source is graded yet."],
         "requiredLinks": ["/", "/compare"], **common},
    ]
    for market in markets:
        pages += market.pages.values()
    return {"markets": all_ids, "pages": pages}


def short_name(name: str) -> str:
    """The compare page's legend name: the market's name without its parenthesised scope."""
    return name.split(" (")[0].strip()


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
    site = expected_site(report_site.read_db)
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
            "results": results, "external": external, "db": report_site.read_db}


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
        (result.get("documentTitleOk", True), f"the browser title {result.get('title')!r} does not name "
                                              f"{expected.get('documentTitle')!r}"),
        (not result.get("emptyBoxes"), f"empty boxes or tables (one sentence instead): {result.get('emptyBoxes')}"),
        (not result.get("visibleIds"), f"market ids in the visible text: {result.get('visibleIds')}"),
        (not result.get("jargonFound"), f"GX terms or rule numbers outside Details: {result.get('jargonFound')}"),
        (Path(result.get("screenshotNarrow", "")).is_file(), f"no screenshot at {NARROW_WIDTH} px"),
        (not expected.get("ownCrumbs") or not result.get("evidenceCrumbs"),
         f"Evidence's breadcrumb (the template's titles, not the market's name) shows: {result.get('evidenceCrumbs')!r}"),
        ("maxScrollWidth" not in expected or (result.get("scrollWidthNarrow") or 10**6) <= expected["maxScrollWidth"],
         f"{result.get('scrollWidthNarrow')} px wide at {NARROW_WIDTH} px (scrolls sideways)"),
    ]
    print(f"{path}: {result.get('seconds')} s, {result.get('nLinks')} links, screenshots {result.get('screenshot')} "
          f"{result.get('screenshotNarrow')}")
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


def test_methodology_page_explains_the_estimate(browser_results):
    problems = page_problems(browser_results, "/methodology")
    assert not problems, "\n".join(problems)


ANSWER = re.compile(r"by (\d{4}), ([\d,.]+) USD bn \(([\d,.]+)-([\d,.]+), p10-p90\)")


def test_overview_estimate_lies_inside_the_range_it_shows(browser_results):
    """The answer line as the browser shows it: its estimate inside its own p10-p90, and the mart's figures."""
    with duckdb.connect(str(browser_results["db"]), read_only=True) as db:
        answers = dict(db.execute("select market_id, estimate_end_usd_bn from marts.fct_market_answer "
                                  "where estimate_end_usd_bn is not null").fetchall())
    problems = []
    for market_id in browser_results["markets"]:
        line = browser_results["results"].get(market_path(market_id, "overview"), {}).get("answerLine")
        if market_id not in answers:
            if line:
                problems.append(f"{market_id}: an answer line without an estimate in the mart: {line!r}")
            continue
        found = ANSWER.search(line or "")
        if not found:
            problems.append(f"{market_id}: no answer line with a p10-p90 on the overview: {line!r}")
            continue
        estimate, low, high = (float(found.group(k).replace(",", "")) for k in (2, 3, 4))
        if not low <= estimate <= high:
            problems.append(f"{market_id}: the estimate {estimate} lies outside the range shown {low}-{high}")
        if f"{answers[market_id]:.2f}" != found.group(2):
            problems.append(f"{market_id}: the page shows {found.group(2)}, the mart {answers[market_id]:.2f}")
    assert not problems, "\n".join(problems)


def test_site_loads_nothing_from_outside(browser_results):
    assert browser_results["external"] == [], browser_results["external"]
