"""The seed report as proof: `draft` on the primary report page (../shared/reference, third-party text read only
here and only if present; never copied into the repo) finds the curated rows of source rmf-1923674, with the
recall bench/EXTRACT.md reports, and the facts labelled below from the page by hand."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bench.extract import SEED_REPORT, seed_report_recall
from market_warehouse.draft import DraftRequest, draft
from market_warehouse.project import PACKAGE_ROOT, Project

pytestmark = pytest.mark.skipif(not SEED_REPORT.exists(),
                                reason=f"the primary report page is not at hand ({SEED_REPORT}); it is third-party "
                                       "text kept outside the repo")

# bench/EXTRACT.md, 'Seed report': found / curated per kind.
REPORTED_RECALL = {"CAGR claims": (3, 3), "regional shares": (4, 4), "regions of the region sentence": (5, 5),
                   "country labels": (25, 25), "players": (4, 4), "revenue claims": (4, 4), "segments": (4, 4)}
# Labelled from the page: the country lists as printed, defects included.
PRINTED_COUNTRIES = {
    "NA": ["United States", "Canada"],
    "EU": ["Germany", "France", "U.K.", "Italy", "Russia"],
    "APAC": ["China", "Japan", "South Korea", "India", "Australia", "China Taiwan", "Indonesia", "Thailand", "Malaysia"],
    "LATAM": ["Mexico", "Brazil", "Argentina Korea", "Colombia"],
    "MEA": ["Turkey", "Saudi", "Arabia", "UAE", "Korea"],
}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    request = DraftRequest(SEED_REPORT, "biopharma_cmo_cro", "rmf-draft", "https://www.reliablemarketforecast.com/"
                           "biopharmaceutical-cmo-and-cro-r1923674", "Reliable Market Forecast", "2026-11-25")
    return draft(Project(PACKAGE_ROOT), request, drafts_dir=tmp_path_factory.mktemp("drafts")).folder


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_recall_of_the_curated_rows_is_what_extract_md_reports():
    recall = {kind: (len(curated & found), len(curated)) for kind, (curated, found) in seed_report_recall().items()}
    assert recall == REPORTED_RECALL


def test_the_three_cagr_claims_as_worded(drafted):
    cagrs = {(r["value"], r["value_low"], r["value_high"], r["bound"], r["period_end_year"])
             for r in rows(drafted / "market_claims.csv") if r["metric"] == "cagr"}
    assert cagrs == {("11.5", "", "", "exact", "2032"), ("", "7", "10", "range", ""), ("8", "", "", "lower_bound", "2030")}


def test_the_regional_shares_form_one_breakdown(drafted):
    shares = [r for r in rows(drafted / "market_claims.csv") if r["metric"] == "share"]
    assert {(r["region_id"], r["value"]) for r in shares} == {("NA", "45"), ("APAC", "30"), ("EU", "20"), ("CN", "5")}
    assert len({r["breakdown_id"] for r in shares}) == 1 and shares[0]["breakdown_id"]


def test_all_five_regions_of_the_region_sentence_including_the_usa(drafted):
    review = (drafted / "REVIEW.md").read_text()
    regions = review.split("## Regions named", 1)[1].split("##", 1)[0]
    sentence_one = [line.split("|")[2].strip() for line in regions.splitlines() if line.endswith("sentence 1 |")
                    and "In terms of Region" in line]
    assert sentence_one == ["NA", "APAC", "EU", "US", "CN"]
    assert "USA (US) is named in" in review and "with no share" in review


def test_the_country_lists_exactly_as_printed(drafted):
    listed = {}
    for row in rows(drafted / "countries.csv"):
        listed.setdefault(row["listed_region_id"], []).append(row["raw_label"])
    assert listed == PRINTED_COUNTRIES


def test_the_players_and_their_revenue_claims(drafted):
    revenues = {(r["player_id"], r["value"], r["value_qualifier"], r["year"], r["is_year_stated"])
                for r in rows(drafted / "player_revenue.csv")}
    assert revenues == {("lonza", "5", "approximately", "2022", "true"), ("boehringer_ingelheim", "26", "around", "2022", "true"),
                        ("samsung_biologics", "1", "around", "2022", "false"), ("wuxi_biologics", "1", "nearing", "2022", "false")}
