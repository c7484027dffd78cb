"""`draft`: the fixture pages (written for the tests: invented markets and numbers, one per phrasing seen on
public report pages) against hand-labelled expectations (fixtures/report_pages/expected.yaml), the values
against the page text, the review sheet, the seed check, and that seeds/ is never written."""
from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest
import yaml

from market_warehouse.claim_extraction import extract_claims
from market_warehouse.cli import main
from market_warehouse.draft import DraftRequest, draft
from market_warehouse.figures import find_figures, years_in
from market_warehouse.page_text import page_from_text, split_sentences
from market_warehouse.project import PACKAGE_ROOT, Project

FIXTURES = Path(__file__).parent / "fixtures" / "report_pages"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text())
PAGES = sorted(EXPECTED)
MARKET = "biopharma_cmo_cro"  # any market of the seeds: a draft is checked against the seeds it would join


def seed_hashes(project: Project) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in project.seeds_dir.iterdir()}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> dict:
    """Every fixture page drafted once into a temporary drafts folder; seeds hashed before and after."""
    project = Project(PACKAGE_ROOT)
    drafts = tmp_path_factory.mktemp("drafts")
    before = seed_hashes(project)
    results = {page: draft(project, DraftRequest(FIXTURES / page, MARKET, f"fixture-{Path(page).stem}".replace("_", "-"),
                                                 f"https://example.org/{page}", "Fixture Publisher", "2025-06-01"),
                           drafts_dir=drafts)
               for page in PAGES}
    return {"results": results, "seeds_before": before, "seeds_after": seed_hashes(project)}


def sizes_drafted(page) -> list[tuple[int | None, float]]:
    """(year, value as printed) of each world or regional size the grammar drafts from a page, in page order."""
    return [(c.year, c.figure.value) for c in extract_claims(page).claims if c.metric == "market_size"]


def read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def number(text: str) -> float | None:
    return float(text) if text else None


def claim_tuple(metric, region, year, period, value, low, high, bound) -> tuple:
    rounded = tuple(None if v is None else round(float(v), 6) for v in (value, low, high))
    return metric, region, year, tuple(period) if period else None, *rounded, bound


def drafted_claims(folder: Path) -> set[tuple]:
    claims = set()
    for row in read_csv(folder / "market_claims.csv"):
        period = None
        if row["metric"] == "cagr":
            period = (number(row["period_start_year"]) and int(row["period_start_year"]),
                      int(row["period_end_year"]) if row["period_end_year"] else None)
        year = int(row["year"]) if row["year"] else None
        claims.add(claim_tuple(row["metric"], row["region_id"], year, period, number(row["value"]),
                               number(row["value_low"]), number(row["value_high"]), row["bound"]))
    return claims


def expected_claims(page: str) -> set[tuple]:
    return {claim_tuple(c["metric"], c["region"], c.get("year"), c.get("period"), c.get("value"), c.get("low"),
                        c.get("high"), c["bound"]) for c in EXPECTED[page]["claims"]}


@pytest.mark.parametrize("page", PAGES)
def test_drafted_claims_are_the_labelled_ones(drafted, page):
    assert drafted_claims(drafted["results"][page].folder) == expected_claims(page)


def page_numbers(page: Path) -> set[float]:
    """Every number printed on the page (and its negative where a minus sign, or a dash against the number, is
    printed before it), read from the raw file, tags and all, independently of the code."""
    raw = page.read_text(encoding="utf-8").replace("−", "-")
    numbers = {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", raw)}
    # '2,9 bn', '3,4-billion', '12,5%': a decimal comma
    numbers |= {float(n.replace(",", ".")) for n in re.findall(r"\b\d{1,3},\d(?=[ -](?:billion|million|bn|mn)|%)", raw)}
    numbers |= {float(WORDS.index(word.lower())) for word in re.findall(r"\b(\w+) percent\b", raw) if word.lower() in WORDS}
    return numbers | {-float(n.replace(",", "")) for n in re.findall(r"(?<![\w.])[-–](\d[\d,]*(?:\.\d+)?)", raw)}


WORDS = "zero one two three four five six seven eight nine ten".split()  # 'seven percent'


def stands_on_page(value: float, printed: set[float]) -> bool:
    """A drafted value is a printed number, or one in USD bn printed in millions (x 1000) or trillions (/ 1000)."""
    return any(abs(value * factor - n) < 1e-6 * max(1, n) for n in printed for factor in (1, 1000, 0.001))


@pytest.mark.parametrize("page", PAGES)
def test_every_drafted_value_stands_on_the_page(drafted, page):
    folder = drafted["results"][page].folder
    printed = page_numbers(FIXTURES / page)
    values = [float(row[c]) for row in read_csv(folder / "market_claims.csv")
              for c in ("value", "value_low", "value_high") if row[c]]
    values += [float(row["value"]) for row in read_csv(folder / "player_revenue.csv")]
    assert values
    assert [v for v in values if not stands_on_page(v, printed)] == []


@pytest.mark.parametrize("page", PAGES)
def test_numbers_not_placed_are_listed_with_a_reason(drafted, page):
    review = (drafted["results"][page].folder / "REVIEW.md").read_text()
    section = review.split("## Numbers not placed", 1)[1]
    for figure in EXPECTED[page]["unplaced"]:
        line = next((line for line in section.splitlines() if line.startswith(f"| {figure} |")), None)
        assert line is not None, figure
        assert len(line.split("|")[3].strip()) > 10  # the reason


@pytest.mark.parametrize("page", PAGES)
def test_review_sheet_raises_the_rule_book_flags(drafted, page):
    review = (drafted["results"][page].folder / "REVIEW.md").read_text()
    raised = set(re.findall(r"^- \*\*(.+?)\*\*:", review.split("## Flags", 1)[1].split("## Claims")[0], re.M))
    assert set(EXPECTED[page]["flags"]) <= raised
    if not EXPECTED[page]["flags"]:
        assert raised == set()


@pytest.mark.parametrize("page", PAGES)
def test_review_sheet_lists_every_drafted_claim_with_its_context(drafted, page):
    folder = drafted["results"][page].folder
    review = (folder / "REVIEW.md").read_text()
    for row in read_csv(folder / "market_claims.csv"):
        line = next(line for line in review.splitlines() if line.startswith(f"| {row['claim_id']} |"))
        assert f"sentence {row['section'].rsplit('sentence ', 1)[1]}" in line
    assert review.count("(duplicate of ") == EXPECTED[page].get("duplicates", 0)


@pytest.mark.parametrize("page", PAGES)
def test_each_draft_passes_the_seed_check_as_it_stands(drafted, page):
    assert drafted["results"][page].check_problems == []


def test_draft_never_writes_seeds(drafted):
    assert drafted["seeds_after"] == drafted["seeds_before"]
    for result in drafted["results"].values():
        assert result.folder.parent != PACKAGE_ROOT / "seeds"


@pytest.mark.parametrize("page", [p for p in PAGES if "complete_breakdown" in EXPECTED[p]])
def test_only_shares_adding_up_to_100_form_a_breakdown(drafted, page):
    rows = [row for row in read_csv(drafted["results"][page].folder / "market_claims.csv") if row["metric"] == "share"]
    assert {bool(row["breakdown_id"]) for row in rows} == {EXPECTED[page]["complete_breakdown"]}


@pytest.mark.parametrize("page", [p for p in PAGES if "revenues" in EXPECTED[p]])
def test_players_and_their_revenue_claims(drafted, page):
    folder = drafted["results"][page].folder
    names = {row["player_name"] for row in read_csv(folder / "players.csv")}
    assert names == set(EXPECTED[page]["players"])
    revenues = {(row["player_id"], int(row["year"]), float(row["value"]), row["currency"], row["scale"],
                 row["value_qualifier"], row["is_year_stated"] == "true") for row in read_csv(folder / "player_revenue.csv")}
    slug = {name: re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") for name in names}
    assert revenues == {(slug[r["player"]], r["year"], r["value"], r["currency"], r["scale"], r["qualifier"],
                         r["year_stated"]) for r in EXPECTED[page]["revenues"]}


def test_segments_and_country_labels_as_printed(drafted):
    page = "countries_and_players.html"
    folder = drafted["results"][page].folder
    segments = [[row["dimension"], row["segment_name"]] for row in read_csv(folder / "segments.csv")]
    assert segments == EXPECTED[page]["segments"]
    countries = [[int(row["label_position"]), row["raw_label"], row["listed_region_id"], row["iso3"], row["region_id"]]
                 for row in read_csv(folder / "countries.csv")]
    assert countries == EXPECTED[page]["countries"]


def test_relative_dates_resolved_against_the_page_date_or_flagged(drafted):
    review = (drafted["results"]["units_and_wording.txt"].folder / "REVIEW.md").read_text()
    assert "read as 2024 (page dated 2025-03-03)" in review
    review = (drafted["results"]["relative_no_date.txt"].folder / "REVIEW.md").read_text()
    assert "the page states no date" in review


def unplaced_line(drafted, page: str, figure: str) -> str:
    """The row of the review sheet's 'Numbers not placed' table for a figure of a fixture page."""
    review = (drafted["results"][page].folder / "REVIEW.md").read_text()
    return next(line for line in review.split("## Numbers not placed", 1)[1].splitlines()
                if line.startswith(f"| {figure} |"))


@pytest.mark.parametrize("figure, reason", [
    ("USD 14.2 billion", "another market: 'whole farm irrigation market'"),  # a wider market sharing the title's words
    ("5.1%", "'the market' of the sentences before it is the 'whole farm irrigation market'"),
    ("USD 48 billion", "'the market' of the sentences before it is the 'global controllers market'"),
    ("36%", "a share of something other than the market ('of global income')"),
    ("31%", "a share cut off after the figure"),
])
def test_wider_markets_and_shares_of_something_unstated_are_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "growth_wordings_and_wider_markets.txt", figure)


def run_cli(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


@pytest.mark.parametrize("argv, names", [
    (["missing.html", "--market", MARKET], "missing.html"),
    ([str(FIXTURES / "statistics_table.html"), "--market", "no_such_market"], "no_such_market"),
    ([str(FIXTURES / "statistics_table.html"), "--market", MARKET, "--source-id", "rmf-1923674"], "seeds/sources.csv, row"),
    ([str(FIXTURES / "statistics_table.html"), "--market", MARKET, "--source-id", "bad id"], "not a valid key"),
])
def test_draft_expected_failures_are_one_paragraph(capsys, tmp_path, argv, names):
    url = ["--url", "https://example.org/page"]
    code, err = run_cli(capsys, "draft", *argv, *url)
    assert code == 1
    assert err.startswith("DRAFT FAILED: ") and names in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_draft_refuses_a_page_without_an_http_url(capsys):
    code, err = run_cli(capsys, "draft", str(FIXTURES / "statistics_table.html"), "--market", MARKET, "--url", "ftp://x")
    assert code == 1 and "http://" in err
    code, err = run_cli(capsys, "draft", str(FIXTURES / "statistics_table.html"), "--market", MARKET)
    assert code == 1 and "gives no address of its own" in err and "--url" in err


def test_the_url_defaults_to_the_pages_canonical_link(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html><head><title>Kelp Fertilizer Market</title><link rel="canonical" '
                    'href="https://example.org/kelp-market"></head><body><p>The kelp fertilizer market was valued '
                    'at USD 1.5 billion in 2024.</p></body></html>')
    result = draft(Project(PACKAGE_ROOT), DraftRequest(page, MARKET, "kelp-page"), drafts_dir=tmp_path / "drafts")
    assert read_csv(result.folder / "sources.csv")[0]["url"] == "https://example.org/kelp-market"


@pytest.mark.parametrize("figure, reason", [
    ("USD 14 billion", "year unclear: 'this year' and the page states no date"),  # 'by 2030' is the next amount's
    ("USD 41 billion", "another market: 'orbital cargo and drone market'"),  # joined to a market the title lacks
    ("21%", "the CAGR of the sentence's subject ('suborbital tourism business')"),
    ("16%", "a share held in another market: 'large charter payload market'"),
])
def test_joined_markets_other_subjects_and_shares_of_other_markets_are_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch9_wordings.txt", figure)


@pytest.mark.parametrize("figure, reason", [
    ("9 percent", "the CAGR of the sentence's subject ('Kelp harvests')"),  # no market, a subject the title lacks
    ("10.6%", "a line of a regional breakdown whose label ('Rest of World') is no one region"),
    ("USD 2.9 billion", "year unclear: no year stated beside the amount"),  # the amount a share is 'of'
])
def test_other_subjects_and_breakdown_lines_without_a_region_are_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch10_wordings.txt", figure)


@pytest.mark.parametrize("page, figure, reason", [
    ("batch11_wordings.txt", "13.5%", "the same CAGR printed again without a period: drafted once"),
    ("batch11_wordings.txt", "15%", "metric unclear"),  # the notice line above the title
    ("batch11_run_on_title.txt", "USD 40 million", "metric unclear: an amount in a sentence about no market size"),
])
def test_repeated_cagrs_and_notice_lines_are_not_placed(drafted, page, figure, reason):
    assert reason in unplaced_line(drafted, page, figure)


def test_a_unit_read_from_the_other_amount_is_noted(drafted):
    rows = read_csv(drafted["results"]["batch11_wordings.txt"].folder / "market_claims.csv")
    carried = [row for row in rows if row["metric"] == "market_size" and row["year"] == "2026"]
    assert len(carried) == 1 and "Unit 'Mn' read from the other amount of the sentence" in carried[0]["note"]


@pytest.mark.parametrize("figure, reason", [
    ("USD 11 billion", "another market: 'greenhouse lighting market'"),  # the title's abbreviation does not spell it
    ("USD 0.4 billion", "year unclear: an amount grown 'from' after the period '2010 and 2014'"),
    ("USD 4 billion", "metric unclear: an amount in a sentence about no market size"),  # 'this figure': a region's size
    ("USD 105 trillion", "metric unclear: an amount in a sentence about no market size"),  # 'it': the global economy
])
def test_wordings_of_batch_13_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch13_wordings.txt", figure)


def test_a_year_read_from_the_cagr_period_is_noted(drafted):
    rows = read_csv(drafted["results"]["batch13_wordings.txt"].folder / "market_claims.csv")
    read = [row for row in rows if row["metric"] == "market_size" and row["year"] == "2031"]
    assert len(read) == 1 and "read from the end of the CAGR period printed with the amount" in read[0]["note"]


@pytest.mark.parametrize("figure, reason", [
    ("USD 0.6 billion", "another market: 'compostable seaweed packaging market'"),  # a segment: a word the title lacks
    ("USD 2.5 billion", "metric unclear: an amount in a sentence about no market size"),  # no world figure before it
    ("14%", "metric unclear: a percentage that is neither a CAGR nor a stated share"),  # after a past year's size
    ("USD 31 billion", "metric unclear: an amount in a sentence about no market size"),  # spending on something else
    ("60 percent", "metric unclear: a percentage that is neither a CAGR nor a stated share"),  # the sales 'of' trays
    ("22%", "region unclear: a share with no region named before it"),  # a channel after the opening share
])
def test_wordings_of_batch_14_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch14_wordings.txt", figure)


def test_a_cagr_with_no_period_is_drafted_without_one_and_the_sheet_names_its_sizes_years(drafted):
    folder = drafted["results"]["batch67_70_title_span.txt"].folder
    cagr = next(row for row in read_csv(folder / "market_claims.csv") if row["metric"] == "cagr")
    assert (cagr["period_start_year"], cagr["period_end_year"]) == ("", "")
    flags = (folder / "REVIEW.md").read_text().split("## Flags", 1)[1].split("## Claims")[0]
    assert "enter period_start_year 2023 and period_end_year 2033 in its row" in flags


def test_a_title_heading_is_read_after_the_text_and_flagged_against_it(drafted):
    folder = drafted["results"]["batch14_wordings.txt"].folder
    rows = read_csv(folder / "market_claims.csv")
    title = [(row["year"], row["value"]) for row in rows if row["section"] == "(title), sentence 1"]
    assert title == [("2031", "4")]
    flags = (folder / "REVIEW.md").read_text().split("## Flags", 1)[1].split("## Claims")[0]
    assert "USD 4.27 billion ('Overview', sentence 1) and 4 Billion USD ('(title)', sentence 1)" in flags


@pytest.mark.parametrize("figure, reason", [
    ("6.4%", "another market: 'total robotics market'"),  # the whole market the title's is a part of
    ("USD 61 billion", "another market: 'broader robotics market'"),  # said to include the title's among other parts
    ("USD 14 billion", "a figure of what drives the market ('driven by ..., which')"),
    ("2.1%", "the CAGR of the revenue of 'Legacy dredging'"),  # something the title does not name
    ("USD 2.2 billion", "year unclear: the text is cut off right after the amount"),  # 2020 is the year of the amount before it
])
def test_wordings_of_batches_15_and_16_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch15_16_wordings.txt", figure)


def test_a_value_stated_with_the_volume_takes_the_volumes_year_and_is_noted(drafted):
    rows = read_csv(drafted["results"]["batch15_16_wordings.txt"].folder / "market_claims.csv")
    notes = {row["year"]: row["note"] for row in rows if row["metric"] == "market_size"}
    assert "Year 2021 read from the market's volume stated with the value ('14,300 units')" in notes["2021"]
    assert "Year 2018 read from the market's volume stated with the value ('9,800 units')" in notes["2018"]


@pytest.mark.parametrize("figure, reason", [
    ("3.2%", "metric unclear: a percentage that is neither a CAGR nor a stated share"),  # one year's rise after the amount
    ("1.9%", "a CAGR of the market's volume"),  # 'in volume', beside the value's rate
    ("2.1%", "a CAGR of the market's volume"),  # taking the market volume to a number of units
    ("2.2%", "a CAGR of the market's volume"),  # 'In volume terms, ...'
    ("2.7%", "the CAGR of demand for 'building insulation'"),  # a wider market's demand
    ("$1.9 billion", "figures paired 'respectively'"),  # 'respective values of': a region's, not the world's
    ("USD 3.1 billion", "the value of a share of the market held by a part"),  # a part's, not the market's size
])
def test_wordings_of_batches_17_and_18_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch17_18_wordings.txt", figure)


def test_an_amount_for_that_year_takes_the_year_of_the_line_above_and_is_noted(drafted):
    rows = read_csv(drafted["results"]["batch17_18_wordings.txt"].folder / "market_claims.csv")
    notes = {row["year"]: row["note"] for row in rows if row["metric"] == "market_size" and row["region_id"] == "WORLD"}
    assert "Year 2040 read from the sentence before ('by that year')" in notes["2040"]


@pytest.mark.parametrize("figure, reason", [
    ("$0.2 billion", "the amount of the sentence's subject ('lichen inks')"),  # reported by a tracker, no market named
    ("$0.35 billion", "the amount of the sentence's subject ('lichen pigments')"),  # 'According to ..., lichen pigments'
    ("18%", "metric unclear: a percentage that is neither a CAGR nor a stated share"),  # a product's rise on the year
])
def test_wordings_of_batches_19_and_20_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch19_20_wordings.txt", figure)


def test_amounts_grown_from_one_to_the_other_take_the_period_after_them_and_are_noted(drafted):
    rows = read_csv(drafted["results"]["batch19_20_wordings.txt"].folder / "market_claims.csv")
    notes = {row["year"]: row["note"] for row in rows if row["metric"] == "market_size"}
    assert "Year 2015 read from the period printed after the two amounts ('during 2015-2018')" in notes["2015"]
    assert "Year 2018 read from the period printed after the two amounts ('during 2015-2018')" in notes["2018"]


def test_a_section_label_in_brackets_is_no_title_unless_it_names_a_market():
    assert page_from_text("< Key Figures >\nKelp Market Outlook\nThe kelp market grew.").title == "Kelp Market Outlook"
    assert page_from_text("[Kelp Market Report]\nThe kelp market grew.").title == "[Kelp Market Report]"


@pytest.mark.parametrize("figure, reason", [
    ("5.1%", "the CAGR of 'wine bottle exports' (printed right after it), which the page title does not name"),
    ("6.3%", "a CAGR of the market's volume"),  # the rate of volume sales
])
def test_wordings_of_batches_21_to_24_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch21_24_wordings.txt", figure)


@pytest.mark.parametrize("figure, reason", [
    ("$2.4 billion", "the whole a region holds a part of ('half of the')"),  # Europe's half of the world's market
    ("5.2%", "the same CAGR printed again without a period"),  # the title's rate after its forecast span
])
def test_wordings_of_batches_25_and_26_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch25_26_wordings.txt", figure)


def test_a_logo_line_is_no_title_unless_it_names_a_market():
    assert page_from_text("Kelpco logo\nKelp Market Outlook\nThe kelp market grew.").title == "Kelp Market Outlook"
    assert page_from_text("Kelp Market Logo\nThe kelp market grew.").title == "Kelp Market Logo"


@pytest.mark.parametrize("sentence", [
    "By 2030, the group's kelp lamp sales will expand to $2 billion worldwide.",  # a company's, by its possessive
    "By 2030, Kelpco kelp lamp sales will expand to $2 billion worldwide.",  # a capitalised name the title lacks
    "By 2030, kelp lamp sales will expand to $2 billion in Europe.",  # no 'worldwide' after the amount
])
def test_sales_followed_by_worldwide_are_no_world_size_when_they_may_be_a_companys(sentence):
    page = page_from_text(f"Kelp Lamp Market Trends\n{sentence}")
    assert [c for c in extract_claims(page).claims if c.metric == "market_size" and c.region_id == "WORLD"] == []


@pytest.mark.parametrize("subject, drafted_size", [("spending", True), ("exports", False)])
def test_this_means_refers_to_the_world_claim_only_with_the_subject_of_the_sentence_before(subject, drafted_size):
    page = page_from_text("Kelp Lamp Market Trends\nKelp lamp spending is expected to grow at a compound annual rate of 4 "
                          f"percent worldwide. This means {subject} could reach $2 billion by 2030.")
    sizes = [(c.region_id, c.year, c.figure.value) for c in extract_claims(page).claims if c.metric == "market_size"]
    assert sizes == ([("WORLD", 2030, 2.0)] if drafted_size else [])


@pytest.mark.parametrize("sentence, drafted_size", [
    ("Analysts expect this to double and reach a record $9 billion by 2030.", True),
    ("Analysts expect this to slow, with exports reaching $9 billion by 2030.", False),  # the amount is exports'
])
def test_expect_this_to_reach_refers_to_the_world_size_before(sentence, drafted_size):
    page = page_from_text(f"Kelp Lamp Market Trends\nThe kelp lamp market was worth $4 billion in 2024. {sentence}")
    assert sizes_drafted(page) == ([(2024, 4.0), (2030, 9.0)] if drafted_size else [(2024, 4.0)])


def test_these_markets_are_not_the_title_market():
    page = page_from_text("Kelp Lamp Market Trends\nThe kelp lamp market is growing in Asia and Europe. These markets "
                          "were worth $2 billion in 2024.")
    assert extract_claims(page).claims == []  # 'demand for these products' is for the ones just named; 'these markets' not


def test_product_sales_are_the_sales_of_the_market_a_one_word_title_names():
    page = page_from_text("Kelp for dinner\nBy 2026 the value of worldwide kelp product sales could reach USD 2.6 billion.")
    assert [(c.metric, c.region_id, c.year, c.figure.value) for c in extract_claims(page).claims] == [
        ("market_size", "WORLD", 2026, 2.6)]


@pytest.mark.parametrize("figure, reason", [
    ("11.2%", "the CAGR of what grows fastest"),  # the strongest growth is one part's, compared with the others
    ("4.6%", "the CAGR of 'outright purchases' (printed right after it)"),  # 'against 4.6% for outright purchases'
    ("3 percent", "a CAGR of the market's volume"),  # 'volumes are climbing'
    ("12 percent", "a CAGR of the market's volume"),  # subscribers added: a count, not a value
    ("$1.3 billion", "metric unclear: an amount in a sentence about no market size"),  # sold '$1.3 billion worth of'
    ("$0.4 billion", "the market of the region or country of the sentence before ('its', Norway)"),
])
def test_wordings_of_batches_27_to_30_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch27_30_wordings.txt", figure)


@pytest.mark.parametrize("title, drafted_size", [
    ("Next Wave Kelp Lamp NWKL Market Trends", True),  # the abbreviation of the words before it ('next' among them)
    ("Next Wave Kelp Lamp NWKX Market Trends", False),  # another word of the name, which the text's name lacks
])
def test_an_abbreviation_after_the_title_words_it_abbreviates_is_no_word_of_the_name(title, drafted_size):
    page = page_from_text(f"{title}\nThe next wave kelp lamp market was worth $2 billion in 2024.")
    assert sizes_drafted(page) == ([(2024, 2.0)] if drafted_size else [])


@pytest.mark.parametrize("figure, reason", [
    ("USD 8.3 million", "a volume: a unit of quantity ('tonnes') follows the amount"),  # a currency before a volume
])
def test_wordings_of_batches_31_and_32_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch31_32_wordings.txt", figure)


@pytest.mark.parametrize("name, drafted_size", [
    ("MBKs", True),  # the initials of the title's words, in the plural
    ("MBXs", False),  # another abbreviation: another market
])
def test_an_abbreviation_in_the_plural_is_the_title_market_only_as_its_initials(name, drafted_size):
    page = page_from_text(f"Moss Brick Kiln Market Report\nThe global {name} market was worth $2 billion in 2024.")
    assert sizes_drafted(page) == ([(2024, 2.0)] if drafted_size else [])


@pytest.mark.parametrize("text, sentences", [
    ("It grows at a CAGR of est. 6.2%, led by new builds.", 1),  # 'est.' (estimated) before a number
    ("Its share is the largest. 2024 was a record year.", 2),  # 'est.' ending a word ends the sentence
])
def test_est_before_a_number_ends_no_sentence(text, sentences):
    assert len(split_sentences(text)) == sentences


@pytest.mark.parametrize("figure, reason", [
    ("$7B", "the title's size rounded"),  # 'Nearly $7B in 2031' in the title: the text's $6.84 billion by 2031 again
    ("31.5%", "a share of the European market, held by a part of it"),  # Germany's share of Europe's market
    ("$95 billion", "another market: 'broader green building market'"),  # an economy named as a market is one
])
def test_wordings_of_batches_33_and_34_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch33_34_wordings.txt", figure)


@pytest.mark.parametrize("title, drafted_sizes", [
    ("Lichen Roof Tile Market Set to Hit Nearly $7B in 2031", [(2031, 6.84)]),  # within a tenth: the text's, rounded
    ("Lichen Roof Tile Market Set to Hit $7B in 2031", [(2031, 7.0), (2031, 6.84)]),  # exact: a figure of its own
    ("Lichen Roof Tile Market Set to Hit Nearly $9B in 2031", [(2031, 9.0), (2031, 6.84)]),  # another forecast
])
def test_a_title_size_is_the_text_size_rounded_only_when_approximate_and_close(title, drafted_sizes):
    page = page_from_text(f"{title}\nThe lichen roof tile market should climb to $6.84 billion by 2031.")
    assert sizes_drafted(page) == drafted_sizes


@pytest.mark.parametrize("row, drafted_cagr", [
    ("| Growth Rate | 8.4% |", True),  # the summary box's growth rate
    ("| Growth Rate 2024 | 8.4% |", False),  # one year's growth, not the market's CAGR
])
def test_a_growth_rate_row_is_a_cagr_only_without_a_year(row, drafted_cagr):
    page = page_from_text(f"Lichen Roof Tile Market\n{row}")
    cagrs = [c.figure.value for c in extract_claims(page).claims if c.metric == "cagr"]
    assert cagrs == ([8.4] if drafted_cagr else [])


@pytest.mark.parametrize("opening, drafted_sizes", [
    ("Until 2034", [(2034, 7.6)]),  # the year the amount is reached, cut from it by the CAGR
    ("Later on", []),  # no year printed: none is guessed
])
def test_an_opening_until_year_dates_the_amount_after_a_cagr(opening, drafted_sizes):
    page = page_from_text(f"Lichen Roof Tile Market\n{opening}, it will grow at a 3.6% CAGR and reach $7.6 billion.")
    assert sizes_drafted(page) == drafted_sizes


@pytest.mark.parametrize("figure, reason", [
    ("3.1-4.8%", "a segment's CAGR"),  # 'depending on segment' after the range: the segments' rates, not the market's
    ("38%", "a share of several regions together (worded 'together')"),  # two regions' share, not the first one's
    ("$19.5B", "another market: 'living wall market'"),  # the wider sector named after the page's market
    ("9.3%", "the CAGR of a wider market ('living wall market')"),  # and its rate
    ("11.7%", "the CAGR of the sentence's subject ('Cork underlays')"),  # 'expected' with no 'is': still its subject
])
def test_wordings_of_batches_35_and_36_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch35_36_wordings.txt", figure)


@pytest.mark.parametrize("figure, reason", [
    ("12%", "region unclear"),  # 'followed by the UK with a 12% share': the UK's, not the US's named before it
    ("18 percent", "a difference"),  # '18 percent less revenue ... than the US': a gap between two figures, no share
    ("11.2%", "one of several growth rates"),  # 'with CAGRs of 11.2% and 8.6%': the regions' rates, not shares
    ("8.6%", "one of several growth rates"),
])
def test_wordings_of_batches_37_and_38_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch37_38_wordings.txt", figure)


def test_wordings_of_batches_41_and_42_not_placed(drafted):
    # 'adoption rates are increasing 12% annually': how fast buyers take it up, not the market's value
    assert "a CAGR of the market's volume" in unplaced_line(drafted, "batch41_42_wordings.txt", "12%")


@pytest.mark.parametrize("closing, drafted_sizes", [
    ("sea glass could well be a huge market for them", [(2030, 0.9)]),  # a market said to be huge names none
    ("the pebble art market is a huge one", []),  # a second market named: the title stands for none
])
def test_a_market_said_to_be_huge_is_no_second_market_for_a_title_naming_none(closing, drafted_sizes):
    page = page_from_text(f"From Shells to Millions\nThe sea glass jewelry market is forecast to grow to $0.9 billion "
                          f"in 2030.\nSome 3 million collectors live in beach towns, and {closing}.")
    assert sizes_drafted(page) == drafted_sizes


@pytest.mark.parametrize("lines, drafted_sizes", [
    ("stood at US$ 310.2 million in\n2019 and should keep growing.", [(2019, 310.2)]),  # wrapped by hand
    ("stood at US$ 310.2 million.\n2019 was a good year.", []),  # a sentence ended: its own line
])
def test_a_paragraph_wrapped_by_hand_is_one_paragraph(lines, drafted_sizes):
    page = page_from_text(f"Sea Glass Jewelry Market\nThe global sea glass jewelry market {lines}")
    assert sizes_drafted(page) == drafted_sizes


@pytest.mark.parametrize("figure, reason", [
    ("4.6%", "a figure of several regions together (Peru and Chile)"),  # 'Peru and Chile at 3.1% and 4.6%'
    ("21.9%", "region 'Americas' has no key"),  # not Asia-Pacific's, named before it
    ("41.5%", "the CAGR of 'sea anemones'"),  # 'a 41.5% CAGR increase in the market for sea anemones'
])
def test_wordings_of_batches_43_and_44_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch43_44_wordings.txt", figure)


@pytest.mark.parametrize("sentence, drafted_sizes", [
    # the country is in the reporter's name; what is reported is the world market's
    ("The Tide Pool Keepers Association of Chile reported in June 2016 that the world market for tide pool kits was "
     "then about $2.6 billion.", [("WORLD", 2016, 2.6)]),
    ("The Tide Pool Keepers Association of Chile reported in June 2016 that the market for tide pool kits was then "
     "about $2.6 billion.", []),  # no world market named: Chile's, which has no region key
    # the regions are where the push came from
    ("Steady demand, especially across Europe and Asia, pushed the market to nearly US$ 2,450 million by 2021.",
     [("WORLD", 2021, 2450.0)]),
    ("Steady demand in Europe and Asia reached nearly US$ 2,450 million by 2021.", []),  # the two regions' together
])
def test_regions_before_the_reported_or_pushed_market_are_not_its_scope(sentence, drafted_sizes):
    claims = extract_claims(page_from_text(f"Tide Pool Kit Market\n{sentence}")).claims
    assert [(c.region_id, c.year, c.figure.value) for c in claims if c.metric == "market_size"] == drafted_sizes


@pytest.mark.parametrize("after, period", [
    ("starting from 2025", (2025, None)),  # the start alone: no end is printed
    ("from 2025 to 2031", (2025, 2031)),  # a full period is read as before
    ("in the years ahead", (None, None)),  # no year printed: none is guessed
])
def test_a_start_year_alone_after_a_growth_rate_is_its_period_start(after, period):
    page = page_from_text(f"Moss Acoustic Panel Market\nThe moss acoustic panel market is set to expand at an annual "
                          f"growth rate of 6.2% {after}.")
    cagrs = [(c.period_start, c.period_end) for c in extract_claims(page).claims if c.metric == "cagr"]
    assert cagrs == [period]


@pytest.mark.parametrize("first_line, title", [
    ("Skip to content", "Moss Acoustic Panel Market Outlook"),  # the page's navigation link, not its title
    ("Published On: Thu, Nov 9th, 2017", "Moss Acoustic Panel Market Outlook"),  # the page's date line
    ("Moss Panels Published in 2017", "Moss Panels Published in 2017"),  # a title that prints a date is still one
])
def test_a_navigation_link_or_date_line_is_no_title(first_line, title):
    page = page_from_text(f"{first_line}\nMoss Acoustic Panel Market Outlook\nThe market stood at $2.4 billion in 2024.")
    assert page.title == title


@pytest.mark.parametrize("joint, drafted_sizes", [
    (" ", []),  # the sentence right before, in the same paragraph: Japan's market
    ("\n\n", [("WORLD", 2021, 2.0)]),  # a new paragraph: 'its' points back to nothing the grammar reads
])
def test_its_market_points_back_to_the_region_of_the_sentence_before_in_its_paragraph(joint, drafted_sizes):
    page = page_from_text(f"Kelp Lamp Market Trends\nJapan has a broad audience for kelp lamps.{joint}In 2021, its kelp "
                          "lamp market size was $2 billion.")
    sizes = [(c.region_id, c.year, c.figure.value) for c in extract_claims(page).claims if c.metric == "market_size"]
    assert sizes == drafted_sizes


@pytest.mark.parametrize("title, drafted_sizes", [
    ("Tuesday, 3 March 2026", [(2024, 2.0)]),  # a date line naming no market: the text's one market is the page's
    ("Driftwood's Global Spread — Market Growth Data", [(2024, 2.0)]),  # the words before 'Market' end at the dash
    ("Driftwood Stool Market Outlook", []),  # a title naming a market: the text's other market is still another
])
def test_a_title_naming_no_market_stands_for_the_one_market_of_the_texts_figures(title, drafted_sizes):
    page = page_from_text(f"{title}\nThe global driftwood lamp market was worth $2 billion in 2024.")
    assert sizes_drafted(page) == drafted_sizes


@pytest.mark.parametrize("text, drafted_sizes", [
    # the same market named with one word more, first: the shorter name is the page's, and the longer one names it
    ("The driftwood lamp restoration market will reach $3 billion by 2030. The global driftwood lamp market was worth "
     "$2 billion in 2024.", [(2030, 3.0), (2024, 2.0)]),
    # another market named in a sentence without figures does not count
    ("Driftwood stools sell well in the driftwood stool market. The global driftwood lamp market was worth $2 billion "
     "in 2024.", [(2024, 2.0)]),
    # two markets beside figures: neither is surely the page's
    ("The driftwood lamp market was worth $2 billion in 2024. The driftwood stool market will reach $3 billion by "
     "2030.", []),
])
def test_only_one_market_beside_the_figures_stands_for_a_title_naming_none(text, drafted_sizes):
    page = page_from_text(f"Tuesday, 3 March 2026\n{text}")
    assert sizes_drafted(page) == drafted_sizes


@pytest.mark.parametrize("after, drafted_sizes", [
    ("at a CAGR of 6.6% from 2022 to 2031", [(2021, 1.48), (2031, 2.64)]),  # 2021 is the first amount's: the period's end
    ("by 2031 at a CAGR of 6.6%", [(2021, 1.48), (2031, 2.64)]),  # its own year, read as before
])
def test_an_amount_after_an_amount_with_its_own_year_takes_the_end_of_its_cagr_period(after, drafted_sizes):
    page = page_from_text(f"Driftwood Lamp Market\nThe driftwood lamp market was valued at $1,480 million in 2021, and "
                          f"is estimated to reach $2,640 million {after}.")
    sizes = [(c.year, c.value_in_unit(c.figure.value)) for c in extract_claims(page).claims if c.metric == "market_size"]
    assert sizes == drafted_sizes


@pytest.mark.parametrize("second, period", [
    ("$2.3 billion in 2025", (2024, 2025)),  # one year apart: the rate is that year's growth
    ("$2.9 billion in 2030", (None, None)),  # further apart: no period read from the amounts' years
])
def test_a_cagr_after_amounts_one_year_apart_is_that_years_growth(second, period):
    page = page_from_text(f"Driftwood Lamp Market\nThe driftwood lamp market is expected to grow from $2.1 billion in "
                          f"2024 to {second} at a compound annual growth rate (CAGR) of 9.5%.")
    cagrs = [(c.period_start, c.period_end) for c in extract_claims(page).claims if c.metric == "cagr"]
    assert cagrs == [period]


@pytest.mark.parametrize("amount, drafted_sizes", [
    ("US $1805.40MM in 2025", [(2025, 1.8054)]),  # 'MM': millions
    ("$3.1 billion (€2.8 billion) by 2034", [(2034, 3.1)]),  # the same amount in euros before its year
    ("$3.1 billion (3.3 billion units) by 2034", []),  # a count in parentheses is no conversion: the year is not its
])
def test_mm_millions_and_an_amount_converted_in_parentheses(amount, drafted_sizes):
    page = page_from_text(f"Driftwood Lamp Market\nThe global driftwood lamp market is forecast to surpass {amount}.")
    sizes = [(c.year, round(c.value_in_unit(c.figure.value), 6)) for c in extract_claims(page).claims
             if c.metric == "market_size"]
    assert sizes == drafted_sizes


@pytest.mark.parametrize("printed, ends", [
    ("USD 650–1.1 billion", (0.65, 1.1)),  # the low end in millions, the one scale word after the high end
    ("USD 0.65–1.1 billion", (0.65, 1.1)),  # both ends in billions, as before
    ("USD 1.2–1.1 billion", (1.2, 1.1)),  # no scale apart: left as printed
])
def test_a_range_low_end_far_above_its_high_end_is_in_the_smaller_scale(printed, ends):
    page = page_from_text(f"Driftwood Lamp Market\nThe global driftwood lamp market was approximately {printed} in 2023.")
    sizes = [(c.figure.low * c.figure.scale_in_bn, c.figure.high * c.figure.scale_in_bn)
             for c in extract_claims(page).claims if c.metric == "market_size"]
    assert sizes == [pytest.approx(ends)]


@pytest.mark.parametrize("sentence, cagrs", [
    ("The global driftwood lamp market is set to witness an exponential growth rate of 18% to reach $3 billion by "
     "2031.", [18.0]),  # the rate it grows at to the amount it reaches
    ("The global driftwood lamp market is set to witness an exponential growth rate of 18% to reach 3 million buyers "
     "by 2031.", []),  # no amount of money reached
    ("Driven by coastal tourism, the market projects a 3.6% annual growth rate.", [3.6]),  # a CAGR without 'compound'
    ("Driven by coastal tourism, the market saw a 3.6% annual growth rate in 2024.", []),  # one year's
])
def test_a_growth_rate_to_an_amount_or_before_annual_growth_rate_is_a_cagr(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Driftwood Lamp Market\n{sentence}")).claims
    assert [c.figure.value for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("second, shares", [
    ("North America follows at 27%, fueled by holiday homes.", [("EU", 41.0), ("NA", 27.0)]),  # the next region's share
    ("North America grew 27%, fueled by holiday homes.", [("EU", 41.0)]),  # a growth, no share
])
def test_a_region_that_follows_at_a_percentage_holds_that_share(second, shares):
    page = page_from_text(f"Driftwood Lamp Market\nEurope leads at 41% share, driven by its seaside resorts. {second}")
    assert [(c.region_id, c.figure.value) for c in extract_claims(page).claims if c.metric == "share"] == shares


def test_reference_numbers_after_a_full_stop_end_its_sentence():
    # 'rise.2,3 The global ...': the reference numbers 2 and 3 end the sentence (and are no figures of the next);
    # a decimal number between words is no reference
    assert split_sentences("Shops stock them all year, contributing to the craft's rise.2,3 The global market grew.") == [
        "Shops stock them all year, contributing to the craft's rise.", "The global market grew."]
    assert split_sentences("Sales grew by 2.3 Million units.") == ["Sales grew by 2.3 Million units."]


@pytest.mark.parametrize("sentences, sizes", [
    # 'this number' is the world size drafted from the sentence before
    ("The driftwood lamp market topped $900 million in 2021. At this pace, this number could reach $2,100 million by "
     "2030.", [(2021, 0.9), (2030, 2.1)]),
    ("Some 900 shops sold the lamps in 2021. At this pace, this number could reach $2,100 million by 2030.", []),
    # what could push market size names no market
    ("Analysts project a steady rate of 9% a year, which could push market size to $4.5 billion by 2033.",
     [(2033, 4.5)]),
])
def test_a_size_whose_subject_points_back_to_the_market_is_its_size(sentences, sizes):
    claims = extract_claims(page_from_text(f"Driftwood Lamp Market\n{sentences}")).claims
    assert [(c.year, round(c.figure.value * c.figure.scale_in_bn, 6)) for c in claims if c.metric == "market_size"] == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("The 30-60 cm classification led the market, and it is expected to register a CAGR of 6.1%.", []),  # a segment's
    ("The market is led by tall lamps, and it is expected to register a CAGR of 6.1%.", [6.1]),  # the market's
])
def test_the_rate_of_a_product_classification_is_a_segments(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Driftwood Lamp Market\n{sentence}")).claims
    assert [c.figure.value for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("period, drafted", [
    ("from 2022 to 2030", (2022, 2030)),  # the period printed earlier ends the year the rate runs until: the rate's
    ("from 2022 to 2028", (None, 2030)),  # another period: the end alone, as before
])
def test_a_rate_until_a_year_takes_the_start_of_the_period_ending_that_year(period, drafted):
    page = page_from_text(f"Driftwood Lamp Market\nLooking at the growth of the driftwood lamp market {period}, the market "
                          f"will grow at a rate of 6.5% until 2030.")
    assert [(c.period_start, c.period_end) for c in extract_claims(page).claims if c.metric == "cagr"] == [drafted]


@pytest.mark.parametrize("title, sizes", [
    ("Global Seaglass Lantern Forecast Market", [(2024, 3.25)]),  # 'Forecast' names no part of the market
    ("Global Seaglass Lantern Hinge Market", []),  # a word that names a part: another market, as before
])
def test_a_title_with_the_report_word_forecast_names_the_texts_market(title, sizes):
    page = page_from_text(f"{title}\nGlobal seaglass lantern market size was valued at USD 3.25 billion in 2024.")
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("printed, amount", [
    ("4.1 USD Billion", (4.1, "USD", 1.0)),  # the currency between the number and the scale word
    ("4.1 USD million", (4.1, "USD", 0.001)),
])
def test_an_amount_with_its_currency_between_number_and_scale_is_money(printed, amount):
    page = page_from_text(f"Seaglass Lantern Market\nIn 2025, the global seaglass lantern market was valued at {printed}.")
    assert [(c.figure.value, c.figure.currency, c.figure.scale_in_bn) for c in extract_claims(page).claims] == [amount]


def test_a_year_before_usd_billion_is_no_amount():
    assert [f.text for f in find_figures("Sales in 2025 USD billion terms rose.")] == []


@pytest.mark.parametrize("sentence, sizes", [
    ("The seaglass lantern market will develop quickly, with growth set at about $3 billion USD over the next 4 years "
     "up to 2031.", []),  # growth put at an amount: an increase
    ("The seaglass lantern market will see a growth of about $3 billion USD over the next 4 years up to 2031.", []),
    ("The seaglass lantern market will develop quickly, with sales set at about $3 billion USD in 2031.",
     [(2031, 3.0)]),  # the market's sales: its size, as before
])
def test_growth_set_at_an_amount_is_an_increase(sentence, sizes):
    claims = extract_claims(page_from_text(f"Seaglass Lantern Market\n{sentence}")).claims
    assert [(c.year, c.figure.value) for c in claims if c.metric == "market_size"] == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("Analysts expect that by 2027, the seaglass lantern market will rise at a brisk pace of 3.8% each year.",
     [(3.8, None, 2027)]),  # a pace each year, the year expected by opening its clause
    ("Analysts say the seaglass lantern market will rise at a brisk pace of 3.8% each year.",
     [(3.8, None, None)]),  # no year
    ("Analysts expect that by 2027, the seaglass lantern market will rise at a brisk pace of 3.8%.", []),  # no 'each year'
])
def test_a_pace_each_year_is_a_cagr_until_the_year_expected_by(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Seaglass Lantern Market\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("defined, cagrs", [
    ("Seaglass lanterns (SGL)", [5.1]),  # fewer words than letters: 'Seaglass' gives the S and the G
    ("Seaglass lanterns (SGX)", []),  # the letters do not fit the words: another market, as before
])
def test_an_abbreviation_defined_in_fewer_words_names_its_words(defined, cagrs):
    page = page_from_text(f"Seaglass Lantern Market\n{defined} light a room with the colours of the sea. The global market "
                          f"size for {defined[-4:-1]}s is expected to grow at a CAGR of 5.1% between 2025 and 2032.")
    assert [c.figure.value for c in extract_claims(page).claims if c.metric == "cagr"] == cagrs


def test_bracketed_reference_numbers_after_a_full_stop_end_its_sentence():
    assert split_sentences("Makers first sold them in Norway.[4][5] The global market grew.") == [
        "Makers first sold them in Norway.", "The global market grew."]
    assert split_sentences("Makers first sold them in Norway [4]. The global market grew.") == [
        "Makers first sold them in Norway [4].", "The global market grew."]


@pytest.mark.parametrize("subject, regions", [
    ("an estimated 2 million adults in Norway and Chile", ["WORLD"]),  # the regions of the people counted
    ("lantern shops in Norway and Chile", []),  # the regions' together, as before: not placed
])
def test_regions_naming_the_people_counted_are_not_the_amounts(subject, regions):
    page = page_from_text(f"Seaglass Lantern Market\nSea glare affects {subject} and gives the global seaglass lantern "
                          f"market the potential to earn up to $1.2 billion by 2029.")
    assert [c.region_id for c in extract_claims(page).claims if c.metric == "market_size"] == regions


@pytest.mark.parametrize("text, sizes", [
    # a title naming no market, over a market named only by an abbreviation the page defines
    ("Sea kelp culture (SKC) grows young kelp on ropes.", [(2019, 0.3105)]),
    ("Sea kelp culture grows young kelp on ropes.", [(2019, 0.3105)]),  # not defined: the abbreviation's market, as before
])
def test_a_title_naming_no_market_takes_the_words_of_the_figures_abbreviation(text, sizes):
    page = page_from_text(f"Collected reviews\n{text} Demand from coastal farms has lifted the global market for SKC to "
                          f"$310.5 million in 2019.")
    assert [(c.year, round(c.figure.value * c.figure.scale_in_bn, 6)) for c in extract_claims(page).claims
            if c.metric == "market_size"] == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("The global tidefern market will reach USD 5.2 billion by 2031, growing at a steady 6.4% annual rate.",
     [(6.4, None, None)]),  # a growth verb, then the rate and 'annual rate': a CAGR with no years of its own
    ("The global tidefern market will reach USD 5.2 billion by 2031, growing at a 6.4% annual rate since 2019.",
     []),  # a start with no end of its own: left alone
    ("The global tidefern market will reach USD 5.2 billion by 2031, with a 6.4% annual rate of churn.",
     []),  # no growth verb before it: the rate of something else
])
def test_a_rate_grown_at_an_annual_rate_is_a_cagr(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Tidefern Market\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("sentence, shares", [
    ("Europe grows 58% of the world's tidefern crop, while China holds 14%.", []),  # both of the crop
    ("Europe grows 58% of the world's tidefern crop, while China holds 14% of the global tidefern market.",
     [("CN", 14.0)]),  # the second share names its own whole: the market's
    ("Europe holds 58% of the global tidefern market, while China holds 14%.", [("EU", 58.0), ("CN", 14.0)]),
])
def test_a_share_after_while_is_of_the_whole_of_the_share_before_it(sentence, shares):
    claims = extract_claims(page_from_text(f"Tidefern Market\n{sentence}")).claims
    assert [(c.region_id, c.figure.value) for c in claims if c.metric == "share"] == shares


@pytest.mark.parametrize("title, sizes", [
    ("Duneglass Bead Reports Industry Analysis", [(2032, 2.74)]),  # 'Reports' is the report's word, no market's
    ("Global Demand & Market", [(2032, 2.74)]),  # 'Demand' names no market: the one market of the figures is read
    ("Global Kelp Market", []),  # another market, as before
])
def test_a_title_word_for_the_report_or_for_demand_names_no_market(title, sizes):
    page = page_from_text(f"{title}\nThe global duneglass bead market is projected to reach USD 2.74 billion by 2032.")
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("name, cagrs", [
    ("duneglass beads", [(6.2, 2025, 2032)]),  # the title's 'Bead' in the plural
    ("duneglass baskets", []),  # another market, as before
])
def test_a_market_named_in_the_plural_of_the_titles_word_is_the_titles(name, cagrs):
    page = page_from_text(f"Duneglass Bead Industry Outlook\nThe global market for {name} is projected to grow at a CAGR "
                          "of 6.2% from 2025 to 2032.")
    assert [(c.figure.value, c.period_start, c.period_end) for c in extract_claims(page).claims] == cagrs


@pytest.mark.parametrize("economy, sizes", [
    ("the broader craft economy", [(2025, 1.8)]),  # said to be broader: not the page's market
    ("the craft economy", []),  # two markets beside figures: the title stands for neither, as before
])
def test_a_market_the_sentence_calls_broader_is_not_the_market_of_a_title_naming_none(economy, sizes):
    page = page_from_text(f"Article Details\nThe global duneglass bead industry was valued at USD 1.8 billion in 2025. "
                          f"Bead sales are tied to {economy}, which is projected to reach USD 40 billion by 2030.")
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("sentence, sizes", [
    ("In 2022, some sources put this market at around USD 1.5 billion globally, with 2021 seeing a slight dip.",
     [(2022, 1.5)]),  # 2021 is the subject of the clause after the amount: the opening year is the amount's
    ("In 2022, some sources put this market at around USD 1.5 billion globally, with a slight dip in 2021.",
     [(2021, 1.5)]),  # a year after the amount, as before
])
def test_a_year_that_is_the_subject_of_a_clause_after_the_amount_is_not_its_year(sentence, sizes):
    assert sizes_drafted(page_from_text(f"Duneglass Bead Market\n{sentence}")) == sizes


def test_a_key_facts_rows_years_alone_on_the_next_line_are_its_third_cell():
    page = page_from_text("Duneglass Bead Market\nMarket Stats\nCAGR %\n6.2%\n2025-2032\nBase Year\n2024\n")
    assert [s.text for s in page.sentences if s.kind == "row"] == ["CAGR % | 6.2% | 2025-2032"]  # 'Base Year' no row
    assert [(c.figure.value, c.period_start, c.period_end) for c in extract_claims(page).claims] == [(6.2, 2025, 2032)]


def test_a_year_before_a_unit_in_parentheses_is_a_captions_not_an_amount():
    assert find_figures("Duneglass Bead Market Size 2021-2032 (USD Million)") == []
    assert [f.value for f in find_figures("Duneglass Bead Market Size 2024 | 5.63 (USD Billion)")] == [5.63]


@pytest.mark.parametrize("text, currency", [
    ("reached 4 billion euros (S$5.8 billion) in 2027", "SGD"),  # a letter before the dollar sign: another dollar
    ("reached A$5.8 billion in 2027", "AUD"),
    ("reached US$5.8 billion in 2027", "USD"),  # as before
    ("reached $5.8 billion in 2027", "USD"),  # as before
])
def test_a_dollar_sign_after_a_countrys_letter_is_no_us_dollar(text, currency):
    assert find_figures(text)[-1].currency == currency


@pytest.mark.parametrize("text, value, scale", [
    ("worth around $5.2-billion by 2033", 5.2, 1.0),  # a hyphen before the scale word
    ("worth around $5.2 billion by 2033", 5.2, 1.0),  # as before
    ("worth around $5.2-fold more", 5.2, None),  # a hyphen before no scale word: no scale, as before
])
def test_a_scale_word_after_a_hyphen_is_the_amounts_scale(text, value, scale):
    figure = find_figures(text)[0]
    assert (figure.value, figure.scale_in_bn) == (value, scale)


@pytest.mark.parametrize("sentence, sizes", [
    ("The brinemoss industry's net profit in 2024 will increase to $1.2 billion from the $0.9 billion of 2023.", []),
    ("Brinemoss profits are rising, and the global brinemoss market was valued at $1.2 billion in 2024.",
     [(2024, 1.2)]),  # a size word after the profit: the market's size, as before
])
def test_a_profit_is_no_market_size(sentence, sizes):
    assert sizes_drafted(page_from_text(f"Brinemoss Market\n{sentence}")) == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("Additionally, brinemoss allergies are rising, with prevalence increasing by 3.1% annually.", []),  # people
    ("The brinemoss market is spreading, with sales increasing by 3.1% annually.", [(3.1, None, None)]),  # as before
    ("Brinemoss storage demand will increase to 12ZB (12 billion TB), up from 3ZB in 2024, representing a CAGR of "
     "26%.", []),  # the rate right after the data stored
    ("The brinemoss market will grow fast, representing a CAGR of 26%.", [(26.0, None, None)]),  # as before
])
def test_a_rate_of_people_counted_or_of_data_stored_is_no_cagr_of_the_value(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Brinemoss Market\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("sentence, shares", [
    ("In the U.S., brinemoss shipments climbed in 2024, accounting for a 14 percent rise from 2023.", []),
    ("In 2024 the U.S. accounted for 14 percent of the global brinemoss market.", [("US", 14.0)]),  # as before
])
def test_a_change_after_accounting_for_is_no_share(sentence, shares):
    claims = extract_claims(page_from_text(f"Brinemoss Market\n{sentence}")).claims
    assert [(c.region_id, c.figure.value) for c in claims if c.metric == "share"] == shares


@pytest.mark.parametrize("sentence, sizes", [
    ("The global brinemoss market will reach $4.6 billion in 2030, up from $3.1 billion in 2024 thanks to demand "
     "from the food and cosmetics segments.", [(2030, 4.6), (2024, 3.1)]),  # the segments the growth is owed to
    ("The food and cosmetics segments of the global brinemoss market will reach $4.6 billion in 2030.",
     []),  # the segments' figure, as before
])
def test_segments_named_after_what_the_growth_is_owed_to_are_not_the_amounts(sentence, sizes):
    assert sizes_drafted(page_from_text(f"Brinemoss Market\n{sentence}")) == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("During the forecast period (2025-2031), the brinemoss market will grow from $3.3 billion in 2025 to $4.9 "
     "billion in 2031, with a CAGR of 6.8%.", [(6.8, 2025, 2031)]),
    ("The upshot is that from 2026 to 2032, the global brinemoss market is predicted to see a compounded annual "
     "growth rate of 7.1%.", [(7.1, 2026, 2032)]),  # the period after the lead-in of the clause
    ("From 2019 to 2022, the brinemoss market grew from $2 billion in 2019 to $3 billion in 2022, and it should grow at "
     "a CAGR of 5% to 2030.", [(5.0, None, 2030)]),  # a year after the rate: its own end, as before
])
def test_a_period_at_the_head_of_the_sentence_or_clause_is_its_rates(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Brinemoss Market\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("sentence, sizes", [
    ('While the "Brinemoss Market" is growing (estimated at $2.5 billion in 2021), its harvests vary.', [(2021, 2.5)]),
    ("2.Brinemoss market has exceeded $2.6 billion in 2022", [(2022, 2.6)]),  # a list number run into the name
    ("2.Kelp market has exceeded $2.6 billion in 2022", []),  # another market, as before
])
def test_quotes_and_a_list_number_are_no_words_of_a_market_name(sentence, sizes):
    assert sizes_drafted(page_from_text(f"Brinemoss Market Outlook\n{sentence}")) == sizes


def test_a_column_headed_by_a_country_is_the_countrys():
    page = page_from_text("Brinemoss Market Growth\n## Brinemoss Market Size: 2019-2020\n"
                          "| Year | Global Market Value | U.S. Market Value |\n|---|---|---|\n| 2019 | $2.1B | $0.9B |\n")
    assert [(c.region_id, c.year, c.figure.value) for c in extract_claims(page).claims] == [
        ("WORLD", 2019, 2.1), ("US", 2019, 0.9)]


@pytest.mark.parametrize("text, figures", [
    ("rates ranging from approximately 8% up to as high as 12.5%", [(None, 8.0, 12.5)]),  # one range
    ("rates anywhere from 8% up to 12.5%", [(None, 8.0, 12.5)]),
    ("the share grew from 8% up to 12.5%", [(8.0, None, None), (12.5, None, None)]),  # no range's words: two figures
])
def test_a_range_of_rates_worded_up_to_is_one_range(text, figures):
    assert [(f.value, f.low, f.high) for f in find_figures(text)] == figures


@pytest.mark.parametrize("row, cagrs", [
    ("Growth (2005 – 2015) CAGR 6.1%", [(6.1, 2005, 2015)]),  # the period in the row's label
    ("Growth (1975 – 2005) CAGR 2.4%", []),  # a period before the warehouse's years: not placed, not drafted without it
    ("Growth CAGR 6.1%", [(6.1, None, None)]),  # no period printed, as before
])
def test_a_rows_label_prints_the_period_of_its_rate(row, cagrs):
    claims = extract_claims(page_from_text(f"Saltvine Market Outlook\n## Key saltvine figures\n{row}\n")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("sentence, cagrs", [
    ("It is expected that from 2026 to 2034, the global saltvine market, which was valued at USD 3,412.6 million in "
     "2025, would grow at a CAGR of 9.2%.", [(9.2, 2026, 2034)]),  # the amount of the year before: the base
    ("It is expected that from 2026 to 2034, the global saltvine market, which was valued at USD 3,412.6 million in "
     "2019, would grow at a CAGR of 9.2%.", [(9.2, None, None)]),  # an amount of years before: no period, as before
])
def test_a_period_at_the_head_of_a_clause_with_the_base_years_amount_is_its_rates(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Saltvine Market Outlook\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("sentence, cagrs", [
    ("The global saltvine production has increased at a CAGR of ~3.1% during the period 2016-2024.", []),  # output's
    ("The global saltvine market has increased at a CAGR of ~3.1% during the period 2016-2024.",
     [(3.1, 2016, 2024)]),  # the market's, as before
])
def test_a_rate_of_production_is_no_cagr_of_the_value(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Saltvine Market Outlook\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("sentence, sizes", [
    ("Global sales of HSVPs are estimated at $1.1 billion in 2024.", []),  # an abbreviation holding the title's
    ("Global sales of saltvine pellets are estimated at $1.1 billion in 2024.", []),  # words the title lacks
    ("Global sales of SVPs are estimated at $1.1 billion in 2024.", [(2024, 1.1)]),  # the title's, as before
])
def test_world_sales_of_what_the_title_does_not_name_are_another_markets(sentence, sizes):
    assert sizes_drafted(page_from_text(f"Strategic Review – Global SVP Industry\n{sentence}")) == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("While the saltvine market is growing at a healthy rate of nearly 8% a year, pellets are growing faster.",
     [(8.0, None, None)]),  # a rate judged steady, a year
    ("The saltvine market will continue to grow at an accelerated rate of about 8% annually.", []),  # not judged steady
    ("The saltvine market is projected to expand at a 5-6% annual rate.", [(None, None, None)]),  # 'expand at a'
])
def test_a_rate_grown_at_a_year_judged_steady_or_expanded_at_is_a_cagr(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Saltvine Market Outlook\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


def test_a_market_named_only_by_its_size_names_no_market():
    page = page_from_text("Redefining Saltvine Support\nThe field of saltvine farming is growing, with a multi-billion "
                          "dollar market projected to expand at a 5-6% annual rate. Analysts say the saltvine farming "
                          "market, which is USD 2,104.5 million in 2024, is expected to reach USD 3,300.2 million by 2031.")
    claims = extract_claims(page).claims
    assert [(c.metric, c.figure.value, c.figure.low) for c in claims] == [
        ("cagr", None, 5.0), ("market_size", 2104.5, None), ("market_size", 3300.2, None)]


@pytest.mark.parametrize("sentence, cagrs", [
    ("From 2035 to 2040, the projected CAGR for the target market is 4.4%, which is sluggish.",
     [(4.4, 2035, 2040)]),  # 'target': the market studied
    ("From 2035 to 2040, the projected CAGR for the kelp market is 4.4%, which is sluggish.", []),  # another, as before
])
def test_the_target_market_is_the_pages(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Saltvine Market Outlook\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("before, cagrs", [
    ("The saltvine market is growing at a compound annual growth rate of 10.2% as of 2024.",
     [(10.2, None, None, None), (None, 11.1, None, 2030)]),  # 'this rate' is the CAGR of the sentence before
    ("The saltvine market is growing fast.", []),  # no CAGR before it: not placed
])
def test_this_rate_after_a_cagr_is_a_cagr(before, cagrs):
    page = page_from_text(f"Saltvine Market Outlook\n{before} And by 2030, this rate could reach anywhere from 11.1% to "
                          "12.6%.")
    assert [(c.figure.value, c.figure.low, c.period_start, c.period_end) for c in extract_claims(page).claims] == cagrs


def test_a_decade_is_no_year():
    assert [year for year, _ in years_in("by the early 2030s, up from 2024")] == [2024]


@pytest.mark.parametrize("sentence, sizes", [
    ("The glowmoss market reached USD 2.4 billion in 2024, with estimates rising to USD 4.1 billion by the early 2030s.",
     [(2024, 2.4)]),  # a decade is no year, nor is the year of the amount before
    ("The glowmoss market reached USD 2.4 billion in 2024, with estimates rising to USD 4.1 billion by 2031.",
     [(2024, 2.4), (2031, 4.1)]),  # a year, as before
])
def test_an_amount_of_a_decade_is_not_placed(sentence, sizes):
    assert sizes_drafted(page_from_text(f"Glowmoss Market Outlook\n{sentence}")) == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("According to Glowmoss Market: Global Industry Analysis and Forecast (2025-2031), the glowmoss market is "
     "anticipated to reach $5.2 billion by 2031 at a CAGR of 6.3 percent during the forecast period.",
     [(6.3, None, None)]),  # the report title's span is the report's
    ("The glowmoss market is anticipated to reach $5.2 billion by 2031 at a CAGR of 6.3 percent during the forecast "
     "period (2025-2031).", [(6.3, 2025, 2031)]),  # the forecast period printed, as before
])
def test_a_report_titles_span_is_no_period_of_the_rate(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Glowmoss Industry Expanding\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("row, sizes", [
    ("| 1 | Glowmoss lamps market size (2025) | Global | $3.2B |", [(2025, 3.2)]),  # the title's, as before
    ("| 2 | Glowmoss lamps market size (2025) | Africa & Middle East | $0.4B |", []),  # a region's, not the world's
    ("| 3 | Solar glowmoss lamps market (2024) | Global | $0.9B |", []),  # a segment, the title's words in the plural
    ("| 4 | Glowmoss lamps projection (2030) | Global | $4.1B |", [(2030, 4.1)]),  # what it measures: the title's
    ("| 5 | Franchise glowmoss projection (2033) | Global | $5.5B |", []),  # a label naming what the title does not
])
def test_a_statistics_rows_label_names_its_figures_subject(row, sizes):
    page = page_from_text(f"Glowmoss Lamp Market Size Statistics\n| # | Statistic | Region | Value |\n{row}\n")
    assert [(c.year, c.figure.value) for c in extract_claims(page).claims
            if c.metric == "market_size" and c.region_id == "WORLD"] == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("In Europe and rest-of-the-world countries, glowmoss sales are expected to grow at a CAGR of 9.4% during the "
     "forecast period.", []),  # what is left of the world is a region: the rate is two regions' together
    ("Worldwide, glowmoss sales are expected to grow at a CAGR of 9.4% during the forecast period.",
     [(9.4, None, None)]),  # the world's, as before
])
def test_the_rest_of_the_world_is_no_world(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Glowmoss Market Outlook\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims
            if c.metric == "cagr" and c.region_id == "WORLD"] == cagrs


@pytest.mark.parametrize("sentence, shares", [
    ("China has an annual demand of 80 million glowmoss lamps, of which solar lamps account for over 35%.", []),
    ("China accounts for over 35% of the glowmoss market.", [("CN", 35.0)]),  # the region's share, as before
    ("The glowmoss market was $2 billion in 2024, of which Europe accounted for 40%.", [("EU", 40.0)]),  # named after
    ("In the US, about 12% of lamps are custom designs, generating significant profits for makers, representing "
     "30%-45%.", []),  # a profit margin
])
def test_a_part_of_a_count_or_a_profit_is_no_share(sentence, shares):
    claims = extract_claims(page_from_text(f"Glowmoss Market Outlook\n{sentence}")).claims
    assert [(c.region_id, c.figure.value) for c in claims if c.metric == "share"] == shares


@pytest.mark.parametrize("sentence, sizes", [
    ("Glowmoss pellets in general, according to Kelpwatch, were valued at $1.2 billion in 2024.", []),  # its subject's
    ("The glowmoss market, according to Kelpwatch, was valued at $1.2 billion in 2024.", [(2024, 1.2)]),  # as before
])
def test_a_source_set_after_the_subject_leaves_the_subject(sentence, sizes):
    assert sizes_drafted(page_from_text(f"Glowmoss Market Outlook\n{sentence}")) == sizes


@pytest.mark.parametrize("others, cagrs", [
    ("The solar lantern industry was worth $2 billion in 2022. ", []),  # several markets: none is the page's
    ("", [(4.2, None, None)]),  # the one market of the figures stands for the page's, as before
])
def test_a_title_naming_no_market_over_several_leaves_unnamed_rates_unplaced(others, cagrs):
    page = page_from_text("Ways Of Lighting A Garden\nThe glowmoss lamp market was $1 billion in 2023. " + others +
                          "Mobile lantern services in general, according to Kelpwatch, were valued at $0.5 billion in "
                          "2023 and are projected to grow 4.2% per year.")
    claims = extract_claims(page).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("sentence, cagrs", [
    ("The global glowmoss market size was valued at USD 2.1 billion in 2024 and is expected to expand by 5.7% over the "
     "forecast period.", [(5.7, None, None)]),  # grown by, over the forecast period, right after its size
    ("The glowmoss market is expected to expand by 5.7% over the forecast period.", []),  # no size before it: left alone
    ("The global glowmoss market has risen at an average growth rate of 14% in recent years.",
     [(14.0, None, None)]),  # an average growth rate
])
def test_growth_worded_expand_by_or_an_average_growth_rate_is_a_cagr(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Glowmoss Market Outlook\n{sentence}")).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("before, cagrs", [
    ("The glowmoss market was valued at USD 1.2 billion in 2024, with projections of USD 6.3 billion by 2033.",
     [(18.4, None, None)]),  # the growth rate of the two sizes before
    ("The glowmoss market was valued at USD 1.2 billion in 2024.", []),  # one size: no growth to have a rate
])
def test_this_growth_rate_after_two_sizes_is_their_cagr(before, cagrs):
    page = page_from_text(f"Glowmoss Market Outlook\n{before} This remarkable growth rate of approximately 18.4% is "
                          "driven by demand.")
    assert [(c.figure.value, c.period_start, c.period_end) for c in extract_claims(page).claims
            if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("sentence, sizes", [
    ("The glowmoss market is forecast to climb to USD 912.4 Million by 2026- 2033.", [(2033, 912.4)]),  # the end year
    ("The glowmoss market is forecast to climb to USD 912.4 Million by 2033.", [(2033, 912.4)]),  # as before
    ("The glowmoss market is expected to reach more than USD 1,3 billion in 2030.", [(2030, 1.3)]),  # a decimal comma
    ("The glowmoss market was valued at USD 1,350 million in 2030.", [(2030, 1350.0)]),  # thousands, as before
])
def test_an_amount_by_a_period_and_a_decimal_comma(sentence, sizes):
    assert sizes_drafted(page_from_text(f"Glowmoss Market Outlook\n{sentence}")) == sizes


@pytest.mark.parametrize("sentence, cagrs", [
    ("The Asian market represents the largest glowmoss market in the world, at $0.8 billion, with a CAGR of 5.4% to "
     "2031.", [("APAC", 5.4)]),  # the region's rank in the world, not the world's rate
    ("The glowmoss market in the world is worth $0.8 billion, with a CAGR of 5.4% to 2031.", [("WORLD", 5.4)]),
])
def test_a_region_ranked_in_the_world_keeps_its_rate(sentence, cagrs):
    claims = extract_claims(page_from_text(f"Glowmoss Market Outlook\n{sentence}")).claims
    assert [(c.region_id, c.figure.value) for c in claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("before, drafted_size", [
    ("The global glowmoss market was valued at USD 2.35 billion in 2023.", True),  # the world size before
    ("The glowmoss market is set to grow at a CAGR of 6.2% from 2024 to 2031.", True),  # the world rate before
    ("Glowmoss lamps are made in many colours.", False),  # no world claim before: 'This' points to nothing drafted
])
def test_this_should_reach_points_back_to_the_world_claim_before(before, drafted_size):
    page = page_from_text(f"Glowmoss Market Outlook\n{before} This should reach a remarkable USD 3.8 billion by 2031.")
    assert ((2031, 3.8) in sizes_drafted(page)) == drafted_size


@pytest.mark.parametrize("rate, cagrs", [
    ("seven percent", [(7.0, None, None)]),  # a rate in words, after an amount reached by what points back
    ("thirty-five percent", []),  # a compound number in words is left alone
])
def test_it_is_projected_to_hit_with_a_rate_in_words(rate, cagrs):
    page = page_from_text("Glowmoss Market Outlook\nFor instance, according to estimates, the total revenue as of 2020 "
                          f"was $1.9 billion. But it is projected to hit $2.6 billion by 2025, on a compound annual "
                          f"growth rate of {rate}.")
    claims = extract_claims(page).claims
    assert [(c.figure.value, c.period_start, c.period_end) for c in claims if c.metric == "cagr"] == cagrs
    assert (2025, 2.6) in sizes_drafted(page)


@pytest.mark.parametrize("title, sizes", [
    ("Megatrends and Market Drivers", [(2023, 2.35)]),  # names no market: the text's one market stands for it
    ("Megaliths and Market Drivers", []),  # 'megaliths' is a market's name the text's figures are not of
])
def test_a_title_of_market_drivers_names_no_market(title, sizes):
    page = page_from_text(f"{title}\nThe global glowmoss market was valued at USD 2.35 billion in 2023.")
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("title, again, sizes", [
    ("Glowmoss Lantern Market Drives Coastal Lighting", True, [(2024, 1.42)]),  # the title's market in other words
    ("Glowmoss Lantern Market Drives Coastal Lighting", False, []),  # named once: maybe a part or a whole cited
    ("Seaweed Lantern Market Drives Coastal Lighting", True, []),  # shares no word of it: another market cited
])
def test_the_texts_one_market_in_other_words_stands_for_the_title_market(title, again, sizes):
    named_again = " Coastal towns drive the glowmoss lamp market." if again else ""
    page = page_from_text(f"{title}\nThe global glowmoss lamp market was valued at USD 1.42 billion in 2024.{named_again}")
    assert sizes_drafted(page) == sizes


def test_a_market_in_other_words_beside_the_title_market_is_another():
    page = page_from_text("Glowmoss Lantern Market Drives Coastal Lighting\nThe global glowmoss lamp market was valued at "
                          "USD 1.42 billion in 2024. The glowmoss lantern market was worth USD 0.9 billion in 2024.")
    assert sizes_drafted(page) == [(2024, 0.9)]  # the text names the title's market too: the lamp market is another


@pytest.mark.parametrize("sentence, size", [
    ("It’s projected to reach USD 2.10 billion by 2031.", (2031, 2.1)),
    ("By 2031 it is expected to grow up to USD 2.9 billion.", (2031, 2.9)),
    ("What’s more, it’s currently on track to set a new record of USD 2.9 billion by 2031.", (2031, 2.9)),
    ("Another estimate projects growth to USD 3.4 billion by 2031.", (2031, 3.4)),
    ("As of 2031, this valuation stands at well over USD 3.4 billion.", (2031, 3.4)),
])
def test_a_subject_pointing_back_after_an_opening_phrase(sentence, size):
    for before, drafted_size in (("The global glowmoss market was valued at USD 1.4 billion in 2024.", True),
                                 ("Glowmoss lamps are sold along many coasts.", False)):  # nothing drafted to point to
        page = page_from_text(f"Glowmoss Market Outlook\n{before} {sentence}")
        assert (size in sizes_drafted(page)) == drafted_size


@pytest.mark.parametrize("before, cagrs", [
    ("In 2023, the global glowmoss market was worth USD 1.3 billion.", [(7.8, None, None)]),
    ("Glowmoss lamps are sold along many coasts.", []),  # the amount is no size drafted: nor its rate
])
def test_a_rate_beside_a_size_pointed_back_is_the_markets(before, cagrs):
    page = page_from_text(f"Glowmoss Market Outlook\n{before} Analysts predict this figure will reach USD 2.2 billion by "
                          "2030, showcasing a compound annual growth rate (CAGR) of around 7.8%.")
    assert [(c.figure.value, c.period_start, c.period_end) for c in extract_claims(page).claims
            if c.metric == "cagr"] == cagrs


def test_the_review_sheet_says_why_a_sentence_is_read_as_the_pages_market(drafted):
    folder = drafted["results"]["structural_subjects.txt"].folder
    claims = (folder / "REVIEW.md").read_text().split("## Claims", 1)[1].split("## Regions")[0]
    lines = {line.split("|")[2].strip() + " " + line.split("|")[5].strip(): line for line in claims.splitlines()
             if line.startswith("| fixture")}
    assert "named in other words" in lines["market_size USD 1.42 billion"]
    assert "points back to it" in lines["market_size USD 2.10 billion"]
    assert "points back to it" in next(line for key, line in lines.items() if key.startswith("cagr"))
    notes = {row["value"]: row["note"] for row in read_csv(folder / "market_claims.csv")}
    assert "Market read from sentence 2 of the section" in notes["3.4"]


@pytest.mark.parametrize("figure, reason", [
    ("$41 Billion", "the title's size rounded"),  # the title's $41 Billion by 2032: the text's $41.02 billion again
    ("$9.4 billion", "the one year before it is the earlier amount's"),  # 'by the end of the decade' is no year
    ("3 percent", "a CAGR of the market's volume"),  # 'In terms of quantity, ...'
])
def test_wordings_of_batches_67_to_70_not_placed(drafted, figure, reason):
    assert reason in unplaced_line(drafted, "batch67_70_wordings.txt", figure)


@pytest.mark.parametrize("text, values", [
    ("projected to grow up to 27,8 bn USD by 2032", [27.8]),  # a decimal comma before 'bn'
    ("valued at USD 4,4 mn in 2024", [4.4]),
    ("valued at USD 4,400 mn in 2024", [4400.0]),  # a thousands separator: three digits after the comma
])
def test_a_decimal_comma_before_a_short_scale_word(text, values):
    assert [f.value for f in find_figures(text)] == values


@pytest.mark.parametrize("title_amount, amount, sizes", [
    ("$73 Billion", "$73.03 billion", [(2030, 73.03)]),  # the title's is the text's size printed with fewer decimals
    ("$73 Billion", "$74.2 billion", [(2030, 73.0), (2030, 74.2)]),  # another figure: both drafted
    ("$7 Billion", "$6.84 billion", [(2030, 7.0), (2030, 6.84)]),  # rounds to 7, but not within 1%: a figure of its own
])
def test_a_title_size_is_the_text_size_printed_with_fewer_decimals(title_amount, amount, sizes):
    page = page_from_text(f"Driftglass Kiln Market Is Expected to Reach {title_amount} by 2030\nThe driftglass kiln "
                          f"market should reach {amount} by 2030.")
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("sentence, period", [
    ("was valued at US$ 3.2 billion in 2023 and should reach US$ 5.9 billion by 2033, at a CAGR of 6.3% during the "
     "forecast period.", (None, None)),  # the amounts' years fall outside the title's span: not surely the rate's
    ("was valued at US$ 3.2 billion in 2025 and should reach US$ 5.9 billion by 2034, at a CAGR of 6.3% during the "
     "forecast period.", (2025, 2034)),  # the amounts' years within the title's span: its forecast period
])
def test_a_title_span_is_the_forecast_period_only_with_the_years_printed(sentence, period):
    page = page_from_text(f"Saltfern Decking Market Forecast 2025-2034\nThe global saltfern decking market {sentence}")
    assert [(c.period_start, c.period_end) for c in extract_claims(page).claims if c.metric == "cagr"] == [period]


def test_a_forecast_amount_after_an_amount_with_its_year_takes_not_that_year():
    page = page_from_text("Driftglass Kiln Market\nGlobal driftglass kiln sales hit $5.1 billion in 2021 and are expected to "
                          "pass $9.4 billion by the end of the decade, and were $4.8 billion in 2020.")
    assert sizes_drafted(page) == [(2021, 5.1), (2020, 4.8)]


@pytest.mark.parametrize("page, figure, reason", [
    ("batch73_74_wordings.txt", "$1.6 billion", "a segment's figure"),  # 'Small ... will still be the largest sector'
    ("batch73_74_wordings.txt", "21 percent", "a segment's CAGR"),  # '... the fastest growing application'
    ("batch73_74_wordings.txt", "3.0%", "the rate of a price"),  # 'The average selling price of ... is projected to drop'
    ("batch73_74_wordings.txt", "5.5%", "the rate of a price"),  # '... compared to a -5.5% annual rate of decline'
    ("batch73_74_wordings.txt", "$4.75 billion", "an economic impact"),  # '... in total economic activity in the US'
    ("batch73_74_no_title_market.txt", "$5.8 billion", "the whole a part holds a share of"),  # '64% of the $5.8 billion'
])
def test_wordings_of_batches_73_and_74_not_placed(drafted, page, figure, reason):
    assert reason in unplaced_line(drafted, page, figure)


@pytest.mark.parametrize("text, values", [
    ("will reach $3,4-billion by 2030", [3.4]),  # a decimal comma before a hyphenated scale word
    ("will reach $3,400-billion by 2030", [3400.0]),  # three digits after the comma: a thousands separator
    ("at a CAGR of 12,5% from 2024 to 2030", [12.5]),  # a decimal comma in a rate
    ("at a CAGR of 12,5 percent", [12.5]),
    ("a 1,250% rise", [1250.0]),  # three digits after the comma: a thousands separator
])
def test_decimal_commas_before_a_hyphen_and_in_a_rate(text, values):
    assert [f.value for f in find_figures(text)] == values


@pytest.mark.parametrize("after, period", [
    (" although that was partly helped by the recovery from the slump of 2019-2020.", (2018, 2024)),
    (" over the slump of 2019-2020.", (2019, 2020)),  # no concession: the years after the rate are its period
])
def test_a_concession_after_a_rate_prints_another_clauses_years(after, period):
    page = page_from_text("Tidewire Coil Market Outlook\nIn the previous six-year period (2018-2024), tidewire coil "
                          f"sales increased by a CAGR of 8.0 percent{after}")
    assert [(c.period_start, c.period_end) for c in extract_claims(page).claims if c.metric == "cagr"] == [period]


@pytest.mark.parametrize("sentence, drafted_cagrs", [
    ("The average selling price of tidewire coils is projected to drop by a CAGR of -3.0% between 2024-2030.", []),
    ("Tidewire coil prices will fall, while the tidewire coil market grows at a CAGR of 6% from 2024 to 2030.", [6.0]),
])
def test_the_rate_of_a_price_is_not_the_markets(sentence, drafted_cagrs):
    page = page_from_text(f"Tidewire Coil Market Outlook\n{sentence}")
    assert [c.figure.value for c in extract_claims(page).claims if c.metric == "cagr"] == drafted_cagrs


@pytest.mark.parametrize("title, sizes", [
    ("Tidewire Coils Set For Steady Growth", []),  # no market in the title: the page may be about the part
    ("Marine Cable Market Outlook", [(2026, 5.8)]),  # the whole is the title's market: its size
])
def test_the_whole_a_part_holds_a_share_of(title, sizes):
    page = page_from_text(f"{title}\nTidewire coils are forecast to account for 64% of the $5.8 billion marine cable "
                          "market in 2026.")
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("page, figure, reason", [
    ("batch75_76_wordings.txt", "$2.2 billion", "an increase of the market"),  # 'a $2.2 billion value increase by 2031'
    ("batch75_76_wordings.txt", "2.6%", "a CAGR of the market's volume"),  # 'whereas in units shipped, it will grow at'
    ("batch75_76_wordings.txt", "45%", "within the region its paragraph names"),  # '... in the Asia-Pacific region.'
    ("batch75_76_wordings.txt", "41%", "a share within the China market"),  # 'Demand in China's ... market ...'
    ("batch75_76_wordings.txt", "22%", "a share within the China market"),  # '... China's fishing cooperatives ...'
])
def test_wordings_of_batches_75_and_76_not_placed(drafted, page, figure, reason):
    assert reason in unplaced_line(drafted, page, figure)


GML = "GML Market Set For Steady Growth\n"


@pytest.mark.parametrize("sentence, sizes", [
    ("The glintmoss marine lantern market is expected to see a $2.2 billion value increase by 2031.", []),
    ("The glintmoss marine lantern market is expected to reach $2.2 billion by 2031, an increase on 2024.", [(2031, 2.2)]),
])
def test_an_amount_followed_by_an_increase_is_no_size(sentence, sizes):
    assert sizes_drafted(page_from_text(GML + sentence)) == sizes


@pytest.mark.parametrize("clause, cagrs", [
    ("whereas in units shipped, it will grow", [7.5]),  # the units' rate
    ("whereas in the years after, it will grow", [7.5, 2.6]),  # no unit opens the clause: as before
])
def test_a_rate_in_a_clause_of_units_is_the_volumes(clause, cagrs):
    page = page_from_text(f"{GML}In dollar terms, the glintmoss marine lantern market is expected to grow at an average "
                          f"annual growth rate of 7.5% from 2024 to 2031, {clause} at an average annual growth rate of "
                          "2.6% during the same period.")
    assert [c.figure.value for c in extract_claims(page).claims if c.metric == "cagr"] == cagrs


@pytest.mark.parametrize("line", ["CAGR (2025–2031): Around 7–8%", "CAGR (2025–2031): 7–8%"])
def test_a_hedged_rate_after_a_labelled_period(line):
    page = page_from_text(f"{GML}Market Overview\n{line}")
    assert [(c.period_start, c.period_end) for c in extract_claims(page).claims if c.metric == "cagr"] == [(2025, 2031)]


@pytest.mark.parametrize("label, sizes", [
    ("Forecast (2031)", [(2031, None)]),  # a range: its value is None, its low and high printed
    ("Outlook (2031)", []),  # no forecast label, no market named: as before
])
def test_a_labelled_forecast_line_is_a_size(label, sizes):
    page = page_from_text(f"{GML}Market Overview\n{label}: Expected to reach USD 5.2–5.6 billion")
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("opening, period, sizes", [
    ("The trend will continue through 2031", (None, 2031), [(2031, 5.4)]),
    ("The trend will continue", (None, None), []),  # no end printed: none drafted, 'that year' unresolved
])
def test_the_end_of_a_trend_before_its_rate_and_that_year(opening, period, sizes):
    page = page_from_text(f"{GML}{opening}, with a projected 7.5% CAGR, sending global revenue for the sector to $5.4 "
                          "billion by that year.")
    assert [(c.period_start, c.period_end) for c in extract_claims(page).claims if c.metric == "cagr"] == [period]
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("name, sizes", [
    ("glintmoss marine lantern", [(2024, 3.2), (2031, 5.4)]),  # the title's GML spelled out in lower case
    ("glintmoss lantern", []),  # not its initials: another market
])
def test_a_title_abbreviation_spelled_out_in_lower_case(name, sizes):
    page = page_from_text(f"{GML}The {name} market is on track for steady growth, with estimates showing a surge in "
                          "revenue from $3.2 billion in 2024 to $5.4 billion by 2031.")
    assert sizes_drafted(page) == sizes


@pytest.mark.parametrize("text, shares", [
    ("Demand in China's glintmoss marine lantern market is led by harbour authorities, accounting for 41%.", []),
    ("Demand in China's glintmoss marine lantern market grew, and China holds 41% of the global market.", [41.0]),
    ("Port traffic will drive demand in the Asia-Pacific region. China is expected to keep its market share of almost "
     "45%.", []),
    ("Asia-Pacific held 40% of the market. China is expected to keep its market share of almost 45%.", [40.0, 45.0]),
    ("Port traffic will grow in North America, Asia-Pacific and Europe. China is expected to keep its market share of "
     "almost 45%.", [45.0]),  # other regions named too: not surely the region's market
])
def test_shares_within_a_regions_market(text, shares):
    page = page_from_text(f"{GML}{text}")
    assert [c.figure.value for c in extract_claims(page).claims if c.metric == "share"] == shares


def test_region_parents_are_those_of_the_seeds():
    from market_warehouse.region_names import REGION_PARENTS
    with (PACKAGE_ROOT / "seeds" / "regions.csv").open(newline="") as handle:
        parents = {row["region_id"]: row["parent_region_id"] for row in csv.DictReader(handle)}
    assert {key: parents[key] for key in REGION_PARENTS} == REGION_PARENTS
    assert all(parent == "WORLD" for key, parent in parents.items() if key not in REGION_PARENTS and key != "WORLD")
