"""REVIEW.md of a draft: every drafted claim with its short context, the rule book's flags, and every number
the extractor could not place, with the reason. Nothing drafted or dropped without a line here."""
from __future__ import annotations

from market_warehouse.claim_extraction import Extraction
from market_warehouse.draft_rows import DraftRows, SourceInfo
from market_warehouse.listed_entities import Listings
from market_warehouse.page_text import Page
from market_warehouse.review_flags import Flag

CONTEXT_CHARS = 70


def review_sheet(source: SourceInfo, page: Page, extraction: Extraction, listings: Listings, rows: DraftRows,
                 flags: list[Flag], problems: list[str]) -> str:
    lines = [f"# Review: {source.source_id}", "",
             f"Page `{source.page_name}` ({source.url}), market `{source.market_id}`, publisher {source.publisher}.",
             f"Title: {page.title}", f"Page date: {page.published_on or 'none stated'}; "
             f"title period: {extraction.title_period[2] if extraction.title_period else 'none'}; "
             f"forecast period used: {_period(extraction.forecast_period)}.", "",
             "Check every row against the page, edit the CSVs here if needed, then run "
             f"`python -m market_warehouse accept drafts/{source.source_id}` and `make build`.", "",
             "Grade the source in `sources.csv` before accepting: `publisher_kind` (research_report, company_filing, "
             "report_press_release, trade_press, unattributed_page), `scope_fit` (same, narrower, wider, unclear) and "
             "`edition_year` where the page states one. Left empty, the source counts as not assessed "
             "(docs/estimate.md).", ""]
    lines += _check_section(problems)
    lines += _flags_section(flags)
    lines += _claims_section(rows)
    lines += _regions_section(extraction)
    lines += _players_section(listings, rows)
    lines += _lists_section(listings, rows)
    lines += _unplaced_section(extraction, listings)
    return "\n".join(lines) + "\n"


def _period(period) -> str:
    return f"{period[0] or '?'}-{period[1]}" if period else "none"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _context(sentence: str, figure_text: str) -> str:
    at = sentence.find(figure_text)
    start = max(0, at - CONTEXT_CHARS)
    end = min(len(sentence), at + len(figure_text) + CONTEXT_CHARS) if at >= 0 else CONTEXT_CHARS * 2
    return ("..." if start else "") + sentence[start:end] + ("..." if end < len(sentence) else "")


def _check_section(problems: list[str]) -> list[str]:
    if not problems:
        return ["## Seed check", "", "The seeds with this draft added pass the seed check.", ""]
    return ["## Seed check", "", "The seeds with this draft added FAIL the seed check (accept will refuse it):", "",
            *(f"- {_cell(problem)}" for problem in problems), ""]


def _flags_section(flags: list[Flag]) -> list[str]:
    lines = [f"## Flags ({len(flags)})", ""]
    lines += [f"- **{flag.kind}**: {_cell(flag.message)}" for flag in flags] or ["None."]
    return [*lines, ""]


def _claims_section(rows: DraftRows) -> list[str]:
    named = [row for row in rows.rows.get("market_claims", []) if row["metric"] == "region_named"]
    lines = [f"## Claims ({len(rows.claims) + len(named)}) -> market_claims.csv", "",
             "| claim_id | metric | region | year / period | value | wording | where | context |",
             "|---|---|---|---|---|---|---|---|"]
    for claim_id, claim in rows.claims:
        figure = claim.figure
        value = figure.text
        when = claim.year or f"{claim.period_start or '?'}-{claim.period_end or '?'} ({claim.period_text or 'none'})"
        lines.append(f"| {claim_id} | {claim.metric} | {_cell(claim.region_label)} ({claim.region_id}) | {_cell(when)} "
                     f"| {_cell(value)} | {figure.bound} | {_cell(claim.sentence.section)}, sentence "
                     f"{claim.sentence.number} | {_cell(_context(claim.sentence.text, figure.text))}"
                     f"{_cell(' (' + claim.market_reason + ')') if claim.market_reason else ''} |")
    for row in named:
        lines.append(f"| {row['claim_id']} | region_named | {_cell(row['region_label'])} ({row['region_id']}) | - | "
                     f"none | {row['bound']} | {_cell(row['section'])} | {_cell(row['note'])} |")
    for claim, repeated in rows.repeats:
        lines.append(f"| (duplicate of {repeated}: not drafted again) | {claim.metric} | {claim.region_id} | "
                     f"{claim.year or claim.period_text} | {_cell(claim.figure.text)} | {claim.figure.bound} | "
                     f"{_cell(claim.sentence.section)}, sentence {claim.sentence.number} | "
                     f"{_cell(_context(claim.sentence.text, claim.figure.text))} |")
    return [*lines, ""]


def _regions_section(extraction: Extraction) -> list[str]:
    with_share = {claim.region_id for claim in extraction.claims if claim.metric == "share"}
    lines = ["## Regions named", "", "| region as named | key | share drafted | where |", "|---|---|---|---|"]
    for mention, sentence in extraction.regions_named:
        key = mention.region_id or "(no key in seeds/regions.csv)"
        lines.append(f"| {_cell(mention.label)} | {key} | {'yes' if mention.region_id in with_share else 'no'} | "
                     f"{_cell(sentence.section)}, sentence {sentence.number} |")
    return [*lines, ""]


def _players_section(listings: Listings, rows: DraftRows) -> list[str]:
    lines = [f"## Players ({len(listings.players)}) and revenue claims ({len(listings.revenues)})", ""]
    lines += [f"- {_cell(name)} ({_cell(section)})" for name, _, section in listings.players]
    lines += [f"- revenue: {_cell(r.player_name)} {_cell(r.figure.text)} ({r.qualifier}), {r.year}"
              f"{'' if r.is_year_stated else ' (year not printed)'}: {_cell(_context(r.sentence.text, r.figure.text))}"
              for r in listings.revenues]
    lines += [f"- not drafted: {_cell(skipped)}" for skipped in rows.skipped if skipped.startswith("player")]
    return [*lines, ""]


def _lists_section(listings: Listings, rows: DraftRows) -> list[str]:
    lines = [f"## Segments ({len(listings.segments)}) and country labels ({len(listings.countries)})", ""]
    lines += [f"- segment ({dimension}) {position}: {_cell(name)}" for dimension, name, position in listings.segments]
    lines += [f"- not drafted: {_cell(skipped)}" for skipped in rows.skipped if skipped.startswith("segment")]
    lines += [f"- country {c.position}: '{_cell(c.raw_label)}' under {_cell(c.listed_under)} -> {c.iso3} in "
              f"{c.region_id}{': ' + _cell(c.note) if c.note else ''}" for c in listings.countries]
    return [*lines, ""]


def _unplaced_section(extraction: Extraction, listings: Listings) -> list[str]:
    count = len(extraction.unplaced) + len(listings.not_placed)
    lines = [f"## Numbers not placed ({count}): not drafted, never guessed", "",
             "| figure | where | why | context |", "|---|---|---|---|"]
    lines += [f"| {_cell(u.figure_text)} | {_cell(u.sentence.section)}, sentence {u.sentence.number} | "
              f"{_cell(u.reason)} | {_cell(_context(u.sentence.text, u.figure_text))} |" for u in extraction.unplaced]
    lines += [f"| {_cell(text)} | {_cell(where)} | {_cell(reason)} | |" for text, where, reason in listings.not_placed]
    return [*lines, ""]
