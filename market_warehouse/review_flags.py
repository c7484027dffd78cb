"""The rule book's flags on a draft, before it reaches the seeds: what a reviewer must look at.

Each flag is what a rule would raise once the rows are built (docs/rules.md and the GX rule book): a
stated CAGR that differs from the one the sizes imply (rule 8), a CAGR drafted with no period beside the two world
sizes of its sentence, a title period that differs from the text,
shares that do not add up to 100 (rule 1), a region named without a share (rule 11) or beside its own parent
(rule 21), duplicate or conflicting claims (rule 9), a currency other than USD, a relative date.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from market_warehouse.claim_extraction import Claim, Extraction, world_size_years
from market_warehouse.listed_entities import Listings

CONSISTENCY_TOLERANCE_PTS = 0.5  # the default of the consistency_tolerance_pts var
SHARE_SUM_TOLERANCE_PTS = 0.01  # the default of the share_sum_tolerance_pts var


@dataclass(frozen=True)
class Flag:
    kind: str
    message: str


def review_flags(extraction: Extraction, listings: Listings, claims: list[Claim],
                 parents: dict[str, str | None]) -> list[Flag]:
    flags = []
    flags += _cagr_vs_sizes(claims)
    flags += _cagrs_without_period(claims)
    flags += _title_period(extraction, claims)
    flags += _share_sums(claims)
    flags += _regions_without_share(extraction, listings, claims)
    flags += _regions_beside_parent(claims, parents)
    flags += _conflicts(claims)
    flags += _currencies(extraction, listings)
    flags += [Flag("relative date", f"'{wording}' in {_where(sentence)}: {outcome}")
              for wording, sentence, outcome in extraction.relative_dates]
    flags += [Flag("year from context", f"{r.player_name} {r.figure.text} ({_where(r.sentence)}) prints no year; read "
                   f"as {r.year}, the year its section states for the other revenues (is_year_stated = false)")
              for r in listings.revenues if not r.is_year_stated]
    flags += [Flag("country label", f"position {c.position} '{c.raw_label}' under {c.listed_under}: {c.note}")
              for c in listings.countries if "check" in c.note or "already listed" in c.note]
    return flags


def duplicate_flags(repeats: list) -> list[Flag]:
    """A claim stated again with the same value (a statistics table and the text): drafted once."""
    return [Flag("duplicate", f"{claim.figure.text} ({_where(claim.sentence)}) repeats {claim_id}: drafted once")
            for claim, claim_id in repeats]


def implied_cagr(start_value: float, end_value: float, years: int) -> float:
    return ((end_value / start_value) ** (1 / years) - 1) * 100


def _world_sizes(claims: list[Claim]) -> dict[int, float]:
    sizes = {}
    for claim in claims:
        if claim.metric == "market_size" and claim.region_id == "WORLD" and claim.figure.bound in ("exact", "approximate"):
            sizes.setdefault(claim.year, claim.value_in_unit(claim.figure.value))
    return sizes


def _cagr_vs_sizes(claims: list[Claim]) -> list[Flag]:
    sizes = _world_sizes(claims)
    if len(sizes) < 2:
        return []
    first, last = min(sizes), max(sizes)
    implied = implied_cagr(sizes[first], sizes[last], last - first)
    flags = []
    for claim in claims:
        if claim.metric != "cagr" or claim.region_id != "WORLD" or claim.figure.value is None:
            continue
        if abs(claim.figure.value - implied) > CONSISTENCY_TOLERANCE_PTS:
            flags.append(Flag("CAGR vs sizes", f"stated {claim.figure.text} ({_where(claim.sentence)}) but the sizes "
                              f"{sizes[first]:g} ({first}) and {sizes[last]:g} ({last}) imply {implied:.2f} %"))
    return flags


def _cagrs_without_period(claims: list[Claim]) -> list[Flag]:
    """'grow from $1.4 billion in 2020 to $6.3 billion by 2025, at a CAGR of 35.4%': a rate printed with no period is
    drafted with none (pages, and the development set's labels, disagree on whether such a rate is the one joining
    the two sizes: bench/EXTRACT.md), so the sheet names the two sizes' years for the reviewer to enter or leave."""
    flags = []
    for claim in claims:
        if claim.metric != "cagr" or claim.region_id != "WORLD" or claim.period_start or claim.period_end:
            continue
        years = world_size_years(claims, claim.sentence)
        if len(years) == 2:
            flags.append(Flag("CAGR without period", f"{claim.figure.text} ({_where(claim.sentence)}) is drafted with no "
                              f"period; its sentence's world sizes are of {years[0]} and {years[1]}: if the rate joins "
                              f"them, enter period_start_year {years[0]} and period_end_year {years[1]} in its row"))
    return flags


def _title_period(extraction: Extraction, claims: list[Claim]) -> list[Flag]:
    title = extraction.title_period
    if not title:
        return []
    flags = []
    for claim in claims:
        if claim.metric == "cagr" and claim.period_end and claim.period_text != "during the forecast period":
            if (claim.period_start, claim.period_end) != (title[0], title[1]) and claim.period_end != title[1]:
                flags.append(Flag("title period", f"the title says '{title[2]}', {_where(claim.sentence)} states "
                                  f"{claim.figure.text} for '{claim.period_text}'"))
    if extraction.forecast_period and extraction.forecast_period[:2] != title[:2]:
        flags.append(Flag("title period", f"the title says '{title[2]}', the text's forecast period is "
                          f"'{extraction.forecast_period[2]}'; CAGRs 'during the forecast period' use the text's"))
    return flags


def share_groups(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    """Shares stated together: one section, one year (or one undated reading)."""
    groups = defaultdict(list)
    for claim in claims:
        if claim.metric == "share" and claim.figure.value is not None:
            groups[(claim.sentence.section, claim.year, claim.period_text)].append(claim)
    return groups


def _share_sums(claims: list[Claim]) -> list[Flag]:
    flags = []
    for (section, year, period), group in share_groups(claims).items():
        total = sum(claim.figure.value for claim in group)
        if len(group) > 1 and abs(total - 100) > SHARE_SUM_TOLERANCE_PTS:
            listed = ", ".join(f"{c.region_id} {c.figure.value:g}" for c in group)
            flags.append(Flag("shares", f"{listed} in '{section}' ({year or period}) add up to {total:g}, not 100: "
                              "drafted without a breakdown_id (a complete breakdown must add up to 100)"))
    return flags


def regions_named_without_share(extraction: Extraction, claims: list[Claim]) -> list[tuple]:
    """(mention, sentence) of each region a region list names (two or more regions in one sentence) that no
    share claim covers, first mention only; none when the page states no regional share at all."""
    with_share = {claim.region_id for claim in claims if claim.metric == "share"}
    named = {}
    for mention, sentence in extraction.regions_named:
        if (mention.region_id or mention.label) not in with_share:
            named.setdefault(mention.region_id or mention.label, (mention, sentence))
    return [(mention, sentence) for mention, sentence in named.values()
            if with_share and sentence_has_regions(sentence, extraction)]


def _regions_without_share(extraction: Extraction, listings: Listings, claims: list[Claim]) -> list[Flag]:
    with_share = {claim.region_id for claim in claims if claim.metric == "share"}
    listed = {country.listed_region_id for country in listings.countries}
    flags = [Flag("region without share", f"{mention.label} ({mention.region_id or 'no region key'}) is named in "
                  f"{_where(sentence)} with no share" + (": drafted as a region_named claim" if mention.region_id
                                                          else ""))
             for mention, sentence in regions_named_without_share(extraction, claims)]
    flags += [Flag("region without share", f"{region}: the page lists its countries but states no share")
              for region in sorted(listed - with_share) if with_share]
    return flags


def sentence_has_regions(sentence, extraction: Extraction) -> bool:
    """A sentence that names two or more regions (a region list, 'across North America, Europe and APAC')."""
    return sum(1 for _, other in extraction.regions_named if other is sentence) >= 2


def _regions_beside_parent(claims: list[Claim], parents: dict[str, str | None]) -> list[Flag]:
    flags = []
    for group in share_groups(claims).values():
        regions = {claim.region_id for claim in group}
        for claim in group:
            parent = parents.get(claim.region_id)
            if parent and parent in regions:
                flags.append(Flag("region beside parent", f"{claim.region_label} ({claim.figure.text}) is stated beside "
                                  f"its parent {parent}: the two are disjoint buckets (rule 21); check the parent's "
                                  "share excludes it"))
    return flags


def claim_key(claim: Claim) -> tuple:
    when = claim.year if claim.metric != "cagr" else (claim.period_start, claim.period_end)
    return claim.metric, claim.region_id, when


def interval(claim: Claim) -> tuple[float, float]:
    figure = claim.figure
    low = figure.low if figure.value is None else figure.value
    high = figure.high if figure.value is None else figure.value
    if figure.bound == "lower_bound":
        high = float("inf")
    if figure.bound == "upper_bound":
        low = float("-inf")
    return claim.value_in_unit(low) if low != float("-inf") else low, claim.value_in_unit(high) if high != float(
        "inf") else high


def _conflicts(claims: list[Claim]) -> list[Flag]:
    flags = []
    for index, claim in enumerate(claims):
        for other in claims[index + 1:]:
            if claim.metric != other.metric or claim.region_id != other.region_id:
                continue
            if claim.metric == "cagr" and _periods_apart(claim, other):
                continue
            if claim.metric != "cagr" and claim_key(claim) != claim_key(other):
                continue
            low, high = interval(claim)
            other_low, other_high = interval(other)
            if high < other_low or other_high < low:
                flags.append(Flag("conflict", f"{claim.figure.text} ({_where(claim.sentence)}) and {other.figure.text} "
                                  f"({_where(other.sentence)}) cannot both be true"))
    return flags


def _periods_apart(claim: Claim, other: Claim) -> bool:
    spans = [(c.period_start, c.period_end) for c in (claim, other)]
    if not all(start and end for start, end in spans):
        return False
    (a_start, a_end), (b_start, b_end) = spans
    return a_end <= b_start or b_end <= a_start


def _currencies(extraction: Extraction, listings: Listings) -> list[Flag]:
    flags = [Flag("currency", f"{u.figure_text} ({_where(u.sentence)}): {u.reason}")
             for u in extraction.unplaced if u.reason.startswith("currency")]
    flags += [Flag("currency", f"{r.player_name} {r.figure.text} ({_where(r.sentence)}) is in {r.figure.currency}: "
                   "drafted as printed, with no USD figure") for r in listings.revenues if r.figure.currency != "USD"]
    return flags


def _where(sentence) -> str:
    return f"'{sentence.section}', sentence {sentence.number}"
