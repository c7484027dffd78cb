"""What a page lists besides claims: key players and their revenue figures, segments, and countries per region.

Country labels are kept exactly as printed, defects included ('Argentina Korea', 'Saudi' / 'Arabia'); the
code each is read as, and why, goes in its cleaning note for the reviewer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from market_warehouse.claim_extraction import Extraction
from market_warehouse.figures import Figure, years_in
from market_warehouse.page_text import Page, Sentence
from market_warehouse.region_names import country_code, region_id_for

PLAYER_CUE = re.compile(r"\b(?:key|major|leading|prominent|top|notable|main|major\s+market)\s+(?:market\s+)?"
                        r"(?:players|companies|vendors|manufacturers|participants|competitors|providers)\b"
                        r"(?:[\w\s,]{0,60}?)(?:include|includes|including|are|such\s+as|comprise|:)\s+",
                        re.IGNORECASE)
PLAYER_HEADING = re.compile(r"players|companies|competitive\s+landscape|vendors|key\s+participants", re.IGNORECASE)
LIST_TAIL = re.compile(r",?\s*(?:and\s+|&\s+)?(?:among\s+others|and\s+others|etc\.?|others|amongst\s+others)\.?$",
                       re.IGNORECASE)
SEGMENT_LABEL = re.compile(r"\bby\s+(?P<dimension>[a-z][a-z\s-]{1,30}?)(?:\s+is|\s+are|\s+segment|:|,|$)",
                           re.IGNORECASE)
QUALIFIERS = {"approximately": "approximately", "approx": "approximately", "roughly": "approximately",
              "an estimated": "approximately", "about": "around", "around": "around", "some": "around",
              "nearly": "nearing", "nearing": "nearing", "close to": "nearing", "almost": "nearing", "": "exact"}


@dataclass
class PlayerRevenue:
    player_name: str
    figure: Figure
    sentence: Sentence
    year: int
    is_year_stated: bool
    qualifier: str  # one of the seeds' value_qualifier values
    scale: str  # bn | trn
    value: float
    wording: str  # 'sales revenue', 'revenues'


@dataclass
class CountryLabel:
    position: int
    raw_label: str
    listed_under: str
    listed_region_id: str
    iso3: str
    region_id: str
    note: str


@dataclass
class Listings:
    players: list[tuple[str, Sentence | None, str]] = field(default_factory=list)  # (name, sentence, section)
    revenues: list[PlayerRevenue] = field(default_factory=list)
    segments: list[tuple[str, str, int]] = field(default_factory=list)  # (dimension, name, position)
    countries: list[CountryLabel] = field(default_factory=list)
    not_placed: list[tuple[str, str, str]] = field(default_factory=list)  # (text, where, reason)


def list_entities(page: Page, extraction: Extraction) -> Listings:
    listings = Listings()
    _players(page, listings)
    _revenues(page, extraction, listings)
    _segments(page, listings)
    _countries(page, listings)
    return listings


def _players(page: Page, listings: Listings) -> None:
    seen = set()
    for sentence in page.sentences:
        cue = PLAYER_CUE.search(sentence.text)
        if cue:
            for name in _names(sentence.text[cue.end():]):
                if name.lower() not in seen:
                    seen.add(name.lower())
                    listings.players.append((name, sentence, sentence.section))
    for section in page.sections:
        for label, items in section.lists:
            is_place_list = region_id_for(label.rstrip(": ").strip()) or country_code(items[0])[0]
            if (PLAYER_HEADING.search(label) or PLAYER_HEADING.search(section.heading)) and not is_place_list:
                for name in items:
                    if _looks_like_name(name) and name.lower() not in seen:
                        seen.add(name.lower())
                        listings.players.append((name, None, section.heading))


def _names(text: str) -> list[str]:
    text = LIST_TAIL.sub("", text.strip().rstrip("."))
    parts = [re.sub(r"^(?:and|&)\s+", "", part.strip()) for part in re.split(r",\s*|\s+and\s+|;\s*", text)]
    return [part for part in parts if _looks_like_name(part)]


def _looks_like_name(text: str) -> bool:
    return bool(text) and text[0].isupper() and len(text.split()) <= 6 and not re.search(r"\d{3,}|%", text)


def _revenues(page: Page, extraction: Extraction, listings: Listings) -> None:
    names = [name for name, _, _ in listings.players]
    for figure, sentence in extraction.revenue_figures:
        player = _player_of(sentence, page, names)
        if player is None:
            listings.not_placed.append((figure.text, _where(sentence), "a revenue with no player named beside it"))
            continue
        revenue = _revenue(player, figure, sentence, listings)
        if revenue is not None:
            listings.revenues.append(revenue)
    _years_from_section(listings)


def _player_of(sentence: Sentence, page: Page, names: list[str]) -> str | None:
    """The player the sentence names, else the one its paragraph starts with ('**Lonza** ... The company ...')."""
    named = [name for name in names if name.lower() in sentence.text.lower()]
    if named:
        return named[0]
    section = next(s for s in page.sections if s.heading == sentence.section)
    first = next((s for s in section.sentences if s.paragraph == sentence.paragraph), None)
    return next((name for name in names if first and first.text.lower().startswith(name.lower())), None)


def _revenue(player: str, figure: Figure, sentence: Sentence, listings: Listings) -> PlayerRevenue | None:
    where = _where(sentence)
    qualifier = QUALIFIERS.get(figure.qualifier)
    problem = ("a range: the seeds keep one revenue value" if figure.value is None else
               f"qualifier '{figure.qualifier}' has no value_qualifier in the seeds" if qualifier is None else
               "unit unclear: no million / billion printed" if figure.scale_in_bn is None else "")
    if problem:
        listings.not_placed.append((figure.text, where, problem))
        return None
    value, scale = _in_bn_or_trn(figure)
    years = [year for year, _ in years_in(sentence.text[figure.end:figure.end + 40] or sentence.text)]
    wording = re.search(r"sales\s+revenue|net\s+sales|revenues?|sales|turnover", sentence.text, re.IGNORECASE)
    return PlayerRevenue(player, figure, sentence, years[0] if years else 0, bool(years), qualifier, scale, value,
                         wording.group(0).lower() if wording else "revenue")


def _in_bn_or_trn(figure: Figure) -> tuple[float, str]:
    if figure.scale_in_bn == 1000.0:
        return figure.value, "trn"
    return figure.value * figure.scale_in_bn, "bn"


def _years_from_section(listings: Listings) -> None:
    """A revenue with no year takes the one year its section states for the others (as the curators read
    the primary report); with none or several, it is not placed."""
    for revenue in list(listings.revenues):
        if revenue.is_year_stated:
            continue
        stated = {r.year for r in listings.revenues if r.is_year_stated and r.sentence.section == revenue.sentence.section}
        if len(stated) == 1:
            revenue.year = stated.pop()
        else:
            listings.revenues.remove(revenue)
            listings.not_placed.append((revenue.figure.text, _where(revenue.sentence),
                                        "year unclear: a revenue with no year, and its section states no single year"))


def _segments(page: Page, listings: Listings) -> None:
    for section in page.sections:
        for label, items in section.lists:
            by = SEGMENT_LABEL.search(label)
            if by and re.search(r"segment|by\s+\w+", label, re.IGNORECASE) and not region_id_for(items[0]):
                dimension = _singular(by.group("dimension").strip().lower().replace(" ", "_").replace("-", "_"))
                listings.segments += [(dimension, item, position) for position, item in enumerate(items, start=1)]


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _countries(page: Page, listings: Listings) -> None:
    codes_by_region: dict[str, str] = {}
    position = 0
    for section in page.sections:
        for label, items in section.lists:
            region = region_id_for(label.rstrip(": ").strip())
            if region is None or region in ("WORLD", "US"):
                continue
            for item in items:
                position += 1
                country = _country(position, item, label.rstrip(": ").strip(), region, codes_by_region)
                if country is None:
                    listings.not_placed.append((item, f"{section.heading}, list '{label}'",
                                                "country label not recognised (no ISO 3166 code)"))
                    position -= 1
                else:
                    listings.countries.append(country)


def _country(position: int, label: str, listed_under: str, region: str, first_region: dict) -> CountryLabel | None:
    iso3, note = country_code(label)
    if iso3 is None:
        return None
    earlier = first_region.setdefault(iso3, region)
    if earlier != region:
        note = (note + " " if note else "") + (f"Listed under {listed_under} but already listed under region "
                                               f"{earlier} on this page; kept in {earlier}.")
    return CountryLabel(position, label, listed_under, region, iso3, earlier, note.strip())


def _where(sentence: Sentence) -> str:
    return f"{sentence.section}, sentence {sentence.number}"
