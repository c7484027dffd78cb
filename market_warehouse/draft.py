"""`draft PAGE --market MARKET_ID`: a saved report page -> drafts/<source_id>/, rows in the seeds' columns and
a review sheet (REVIEW.md). Never writes to seeds/: `accept` does, after review.
"""
from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from market_warehouse.claim_extraction import extract_claims
from market_warehouse.draft_rows import KnownRows, SourceInfo, draft_rows, slug
from market_warehouse.listed_entities import list_entities
from market_warehouse.page_text import PageUnreadable, read_page
from market_warehouse.project import Project
from market_warehouse.review_flags import duplicate_flags, regions_named_without_share, review_flags
from market_warehouse.review_sheet import review_sheet
from market_warehouse.seed_check import KEY_PATTERN, load_contracts
from market_warehouse.seed_merge import check_merged, merge


class DraftFailed(Exception):
    """An expected failure (bad page file, unknown market, existing source id): one paragraph for the user."""


@dataclass
class DraftRequest:
    page: Path
    market_id: str
    source_id: str | None = None
    url: str | None = None
    publisher: str | None = None
    accessed: str | None = None


@dataclass
class DraftResult:
    folder: Path
    rows: dict[str, int]
    flags: int
    unplaced: int
    check_problems: list[str]


def draft(project: Project, request: DraftRequest, drafts_dir: Path | None = None) -> DraftResult:
    source_id = request.source_id or slug(request.page.stem).replace("_", "-")
    _check_request(project, request, source_id)
    try:
        page = read_page(request.page)
    except PageUnreadable as error:
        raise DraftFailed(f"cannot draft from {request.page}: {error}") from None
    url = _page_url(request, page)
    extraction = extract_claims(page)
    listings = list_entities(page, extraction)
    source = SourceInfo(source_id, request.market_id, request.publisher or _publisher(url),
                        page.title or request.page.stem, url, request.accessed or date.today().isoformat(),
                        request.page.name)
    rows = draft_rows(source, extraction.claims, listings, _known_rows(project),
                      regions_named_without_share(extraction, extraction.claims))
    flags = review_flags(extraction, listings, [claim for _, claim in rows.claims], _region_parents(project))
    flags += duplicate_flags(rows.repeats)
    folder = (drafts_dir or project.root / "drafts") / source_id
    _write_folder(folder, project, rows.rows)
    problems = check_merged(project, merge(project, folder))
    (folder / "REVIEW.md").write_text(
        review_sheet(source, page, extraction, listings, rows, flags, problems), encoding="utf-8")
    unplaced = len(extraction.unplaced) + len(listings.not_placed)
    return DraftResult(folder, {name: len(r) for name, r in rows.rows.items()}, len(flags), unplaced, problems)


def _check_request(project: Project, request: DraftRequest, source_id: str) -> None:
    if not request.page.is_file():
        raise DraftFailed(f"cannot draft from {request.page}: no such file (save the report page from the browser "
                          "as HTML, or as plain text)")
    markets = {row["market_id"]: number for number, row in _seed_rows(project, "markets")}
    if request.market_id not in markets:
        raise DraftFailed(f"--market {request.market_id!r} is not in seeds/markets.csv (known: "
                          f"{', '.join(sorted(markets))}); add the market first (docs/adding-a-market.md)")
    if not KEY_PATTERN.match(source_id):
        raise DraftFailed(f"--source-id {source_id!r} is not a valid key (letters, digits, '_', '-', '.', ':' only)")
    sources = {row["source_id"]: number for number, row in _seed_rows(project, "sources")}
    if source_id in sources:
        raise DraftFailed(f"source id {source_id!r} already exists in seeds/sources.csv, row {sources[source_id]}; "
                          "pass another --source-id")
    if request.url and not request.url.lower().startswith(("http://", "https://")):
        raise DraftFailed(f"--url {request.url!r}: pass the page's http:// or https:// address")


def _page_url(request: DraftRequest, page) -> str:
    """--url, else the address the saved page gives for itself (its canonical link)."""
    url = request.url or page.url
    if not url:
        raise DraftFailed(f"{request.page} gives no address of its own (no canonical link): pass --url with the "
                          "page's http:// or https:// address (sources.url is required: every figure is kept with "
                          "where it stands)")
    return url


def _seed_rows(project: Project, name: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO((project.seeds_dir / f"{name}.csv").read_text(encoding="utf-8"), newline=""))
    return [(reader.line_num, row) for row in reader]


def _known_rows(project: Project) -> KnownRows:
    players = [row for _, row in _seed_rows(project, "players")]
    return KnownRows(
        player_ids={row["player_id"] for row in players},
        player_names={row["player_name"].lower(): row["player_id"] for row in players}
        | {slug(row["player_name"]): row["player_id"] for row in players},
        market_players={(row["market_id"], row["player_id"]) for _, row in _seed_rows(project, "market_players")},
        segments={(row["market_id"], row["segment_id"]) for _, row in _seed_rows(project, "segments")})


def _region_parents(project: Project) -> dict[str, str | None]:
    return {row["region_id"]: row["parent_region_id"] or None for _, row in _seed_rows(project, "regions")}


def _publisher(url: str) -> str:
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


def _write_folder(folder: Path, project: Project, rows: dict[str, list[dict]]) -> None:
    """A fresh folder each time: a draft made again replaces the old one whole."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    contracts = load_contracts(project)
    for name, seed_rows in rows.items():
        columns = list(contracts[name].column_types)
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(seed_rows)
