"""Extracted claims and listings as rows in the seeds' own columns, keyed by the new source id.

Rows the seeds already hold (a player, a market's segment) are not drafted again; identical claims stated
twice are drafted once (the sheet lists the repeat). Values are the printed numbers, sizes in USD bn.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from market_warehouse.claim_extraction import Claim
from market_warehouse.figures import format_number
from market_warehouse.listed_entities import Listings
from market_warehouse.review_flags import SHARE_SUM_TOLERANCE_PTS, claim_key, share_groups

MAX_QUOTE_CHARS = 300
METRIC_SLUGS = {"market_size": "size", "cagr": "cagr", "share": "share"}


@dataclass
class SourceInfo:
    source_id: str
    market_id: str
    publisher: str
    title: str
    url: str
    accessed_on: str
    page_name: str


@dataclass
class KnownRows:
    """What the seeds hold already, so the draft adds only what is new."""
    player_ids: set[str]
    player_names: dict[str, str]  # lower-case name -> player_id
    market_players: set[tuple[str, str]]
    segments: set[tuple[str, str]]


@dataclass
class DraftRows:
    rows: dict[str, list[dict]] = field(default_factory=dict)  # seed name -> rows
    claims: list[tuple[str, Claim]] = field(default_factory=list)  # (claim_id, claim) as drafted
    repeats: list[tuple[Claim, str]] = field(default_factory=list)  # a claim stated again, and the id it repeats
    skipped: list[str] = field(default_factory=list)  # rows the seeds hold already


def draft_rows(source: SourceInfo, claims: list[Claim], listings: Listings, known: KnownRows,
               named_without_share: list[tuple] = ()) -> DraftRows:
    """named_without_share: (mention, sentence) of regions a region list names with no share; each with a region
    key becomes a region_named claim (every region a source names is a claim, with or without a figure)."""
    draft = DraftRows()
    # publisher_kind, scope_fit and edition_year (the source's grade) are the reviewer's call: left empty
    # (not assessed), and REVIEW.md asks for them.
    draft.rows["sources"] = [{
        "source_id": source.source_id, "publisher": source.publisher, "title": source.title, "url": source.url,
        "source_kind": "market_report", "accessed_on": source.accessed_on,
        "note": f"Drafted from the saved page {source.page_name} by `market-warehouse draft`; reviewed rows."}]
    draft.rows["market_claims"] = _claim_rows(source, claims, draft) + _region_named_rows(source, named_without_share)
    _player_rows(source, listings, known, draft)
    draft.rows["segments"] = _segment_rows(source, listings, known, draft)
    draft.rows["countries"] = [{
        "source_id": source.source_id, "label_position": c.position, "raw_label": c.raw_label,
        "listed_under_label": c.listed_under, "listed_region_id": c.listed_region_id, "iso3": c.iso3,
        "region_id": c.region_id, "cleaning_note": c.note} for c in listings.countries]
    draft.rows = {name: rows for name, rows in draft.rows.items() if rows}
    return draft


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def quote(text: str) -> str:
    text = text if len(text) <= MAX_QUOTE_CHARS else text[:MAX_QUOTE_CHARS - 3] + "..."
    return f"'{text}'"


def _claim_rows(source: SourceInfo, claims: list[Claim], draft: DraftRows) -> list[dict]:
    rows, ids, seen = [], set(), {}
    breakdowns = _breakdowns(source, claims)
    headline = _headline(claims)
    for claim in claims:
        repeat_of = seen.get((claim_key(claim), claim.figure.value, claim.figure.low, claim.figure.high))
        if repeat_of:
            draft.repeats.append((claim, repeat_of))
            continue
        claim_id = _unique(f"{source.source_id}-{_claim_suffix(claim)}", ids)
        seen[(claim_key(claim), claim.figure.value, claim.figure.low, claim.figure.high)] = claim_id
        draft.claims.append((claim_id, claim))
        rows.append(_claim_row(source, claim, claim_id, breakdowns.get(id(claim), ""), claim is headline))
    return rows


def _region_named_rows(source: SourceInfo, named_without_share: list[tuple]) -> list[dict]:
    return [{
        "claim_id": f"{source.source_id}-region-{mention.region_id.lower()}-named", "market_id": source.market_id,
        "source_id": source.source_id, "metric": "region_named", "region_label": mention.label,
        "region_id": mention.region_id, "segment_label": "", "segment_id": "", "year": "", "period_start_year": "",
        "period_end_year": "", "period_text": "", "value": "", "value_low": "", "value_high": "", "bound": "not_stated",
        "unit": "%", "breakdown_id": "", "is_headline": "false",
        "section": f"{sentence.section}, sentence {sentence.number}",
        "note": f"{quote(sentence.text)} Named without a share."}
        for mention, sentence in named_without_share if mention.region_id]


def _claim_suffix(claim: Claim) -> str:
    when = (claim.year or (f"{claim.period_start or ''}-{claim.period_end or ''}".strip("-"))
            or slug(claim.period_text)[:20] or "undated")
    return f"{METRIC_SLUGS[claim.metric]}-{claim.region_id.lower()}-{when}"


def _unique(candidate: str, taken: set[str]) -> str:
    claim_id, number = candidate, 1
    while claim_id in taken:
        number += 1
        claim_id = f"{candidate}-{number}"
    taken.add(claim_id)
    return claim_id


def _claim_row(source: SourceInfo, claim: Claim, claim_id: str, breakdown: str, is_headline: bool) -> dict:
    figure = claim.figure
    note = quote(claim.sentence.text)
    if claim.resolved_relative:
        note += f" {claim.resolved_relative}."
    if claim.market_reason:
        note += f" {claim.market_reason}."
    if claim.period_text == "during the forecast period" and claim.period_end:
        note += f" Forecast period read as {claim.period_start}-{claim.period_end}."
    return {
        "claim_id": claim_id, "market_id": source.market_id, "source_id": source.source_id, "metric": claim.metric,
        "region_label": claim.region_label, "region_id": claim.region_id, "segment_label": "", "segment_id": "",
        "year": claim.year or "", "period_start_year": claim.period_start or "", "period_end_year": claim.period_end or "",
        "period_text": claim.period_text,
        "value": _number(claim.value_in_unit(figure.value)), "value_low": _number(claim.value_in_unit(figure.low)),
        "value_high": _number(claim.value_in_unit(figure.high)), "bound": figure.bound, "unit": claim.unit,
        "breakdown_id": breakdown, "is_headline": "true" if is_headline else "false",
        "section": f"{claim.sentence.section}, sentence {claim.sentence.number}", "note": note}


def _number(value: float | None) -> str:
    return "" if value is None else format_number(value)


def _breakdowns(source: SourceInfo, claims: list[Claim]) -> dict[int, str]:
    """Shares stated together that add up to 100 are one complete breakdown (checked by rule 1)."""
    ids = {}
    for number, group in enumerate(share_groups(claims).values(), start=1):
        regions = [claim.region_id for claim in group]
        total = sum(claim.figure.value for claim in group)
        if len(group) > 1 and len(set(regions)) == len(regions) and abs(total - 100) <= SHARE_SUM_TOLERANCE_PTS:
            for claim in group:
                ids[id(claim)] = f"{source.source_id}-regional-split-{number}"
    return ids


def _headline(claims: list[Claim]) -> Claim | None:
    """One headline world CAGR per source (rule 17): the first single-valued one, preferring a stated period."""
    world = [c for c in claims if c.metric == "cagr" and c.region_id == "WORLD" and c.figure.value is not None]
    with_period = [c for c in world if c.period_start and c.period_end]
    return (with_period or world or [None])[0]


def _player_rows(source: SourceInfo, listings: Listings, known: KnownRows, draft: DraftRows) -> None:
    players, market_players, revenues, ids = [], [], [], set()
    for name, _, _ in listings.players:
        player_id = known.player_names.get(name.lower(), slug(name))
        if player_id in known.player_ids:
            draft.skipped.append(f"player {name}: already in seeds/players.csv as {player_id}")
        elif player_id not in ids:
            players.append({"player_id": player_id, "player_name": name, "note": f"Named by {source.source_id}."})
        ids.add(player_id)
        if (source.market_id, player_id) in known.market_players:
            draft.skipped.append(f"player {name}: already in market {source.market_id} (seeds/market_players.csv)")
        else:
            market_players.append({"market_id": source.market_id, "player_id": player_id,
                                   "named_by_source_id": source.source_id})
    for revenue in listings.revenues:
        revenues.append(_revenue_row(source, revenue, known.player_names.get(revenue.player_name.lower(),
                                                                             slug(revenue.player_name)), revenues))
    draft.rows.update(players=players, market_players=market_players, player_revenue=revenues)


def _revenue_row(source: SourceInfo, revenue, player_id: str, drafted: list[dict]) -> dict:
    revenue_id = _unique(f"{source.source_id}-{player_id}-{revenue.year}", {row["revenue_id"] for row in drafted})
    in_usd = revenue.figure.currency == "USD"
    usd_bn = revenue.value * (1000 if revenue.scale == "trn" else 1)
    note = quote(revenue.sentence.text)
    if not revenue.is_year_stated:
        note += f" No year printed; read as {revenue.year}, the year its section states for the other revenues."
    return {"revenue_id": revenue_id, "player_id": player_id, "source_id": source.source_id, "year": revenue.year,
            "is_year_stated": "true" if revenue.is_year_stated else "false", "scope_class": "unspecified",
            "scope_detail": f"{revenue.wording} (scope not stated)", "value": format_number(revenue.value),
            "value_qualifier": revenue.qualifier, "currency": revenue.figure.currency, "scale": revenue.scale,
            "usd_bn_stated": format_number(usd_bn) if in_usd else "", "usd_source_id": "", "note": note,
            "market_id": source.market_id}


def _segment_rows(source: SourceInfo, listings: Listings, known: KnownRows, draft: DraftRows) -> list[dict]:
    rows = []
    for dimension, name, position in listings.segments:
        segment_id = slug(name)
        if segment_id in {row["segment_id"] for row in rows}:
            draft.skipped.append(f"segment {name}: listed twice on the page; drafted once")
            continue
        if (source.market_id, segment_id) in known.segments:
            draft.skipped.append(f"segment {name}: already in seeds/segments.csv for {source.market_id}")
            continue
        rows.append({"market_id": source.market_id, "segment_id": segment_id, "dimension": dimension,
                     "segment_name": name, "defined_by_source_id": source.source_id, "sort_order": position})
    return rows
