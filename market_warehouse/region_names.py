"""Regions and countries as pages name them, mapped to the keys of seeds/regions.csv and ISO 3166.

A name the project has no region key for (Germany, Japan) is still found, with no key: the review sheet
lists it, so a share stated for it is never dropped silently nor put on another region.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

# Page wording -> region_id of seeds/regions.csv. Longest names first, so 'Asia Pacific' wins over 'Asia'.
REGION_NAMES = {
    "WORLD": ["global", "worldwide", "world"],
    "NA": ["North America", "North American"],
    "EU": ["Europe", "European"],
    "APAC": ["Asia-Pacific", "Asia Pacific", "Asia Pacific (APAC)", "APAC", "Asia", "Asian"],
    "LATAM": ["Latin America", "Latin American", "LATAM", "Central & South America", "Central and South America"],
    "MEA": ["Middle East & Africa", "Middle East and Africa", "Middle East, and Africa", "MEA",
            "Africa & Middle East", "Africa and the Middle East", "Africa and Middle East"],
    "CN": ["China", "Chinese"],
    "US": ["United States", "USA", "U.S.", "US"],
}
# The keyed countries and the region of seeds/regions.csv each lies in (its parent_region_id)
REGION_PARENTS = {"CN": "APAC", "US": "NA"}
# Regions named as pages name them, with no key in seeds/regions.csv: 'followed by the Americas with a 25% share' is
# theirs, not the share of the region named before it
KEYLESS_REGIONS = ["Americas"]
# 'In Asia Pacific and rest-of-the-world countries, sales will grow at 10.5%': what is left of the world after the regions
# named is a region of its own (no key), not the world
REST_OF_THE_WORLD = ["rest of the world", "rest-of-the-world"]
# Country labels pycountry does not resolve by name, as report pages print them.
COUNTRY_ALIASES = {"u.k.": "GBR", "uk": "GBR", "great britain": "GBR", "england": "GBR", "uae": "ARE",
                   "u.a.e.": "ARE", "usa": "USA", "u.s.": "USA", "us": "USA", "u.s.a.": "USA",
                   "united states of america": "USA", "russia": "RUS", "south korea": "KOR", "korea": "KOR",
                   "turkey": "TUR", "taiwan": "TWN", "china taiwan": "TWN", "vietnam": "VNM", "iran": "IRN",
                   "czech republic": "CZE", "the netherlands": "NLD", "holland": "NLD", "bolivia": "BOL",
                   "venezuela": "VEN", "tanzania": "TZA", "syria": "SYR", "laos": "LAO", "moldova": "MDA"}


@dataclass(frozen=True)
class RegionMention:
    label: str
    region_id: str | None  # None: a place the project has no region key for
    start: int
    end: int


def _country_names() -> dict[str, str]:
    names = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name and "(" not in name:
                names[name] = country.alpha_3
    return names


COUNTRY_NAMES = _country_names()
_REGION_LOOKUP = {name.lower(): region for region, names in REGION_NAMES.items() for name in names}
_ALL_NAMES = sorted({*_REGION_LOOKUP, *(name.lower() for name in [*COUNTRY_NAMES, *KEYLESS_REGIONS, *REST_OF_THE_WORLD])},
                    key=len, reverse=True)
# Case-sensitive for short upper-case codes ('US' not 'us'), and never 'US$' or 'US dollars'.
_MENTION = re.compile(r"(?<![\w$])(" + "|".join(re.escape(name) for name in _ALL_NAMES) + r")(?![\w$]|\s?dollar)",
                      re.IGNORECASE)


def region_mentions(text: str) -> list[RegionMention]:
    mentions = []
    for match in _MENTION.finditer(text):
        label = match.group(1)
        if label[0].islower() and label.lower() not in [*REGION_NAMES["WORLD"], *REST_OF_THE_WORLD]:
            continue  # 'china' in 'bone china', 'chad' as a name: places are capitalised
        if len(label) <= 3 and label.lower() in ("us", "mea") and not label.isupper():
            continue  # 'us' the pronoun
        if _inside_a_name(text, match.start()):
            continue  # 'Control Engineering Asia magazine', 'Bank of America': part of a proper name
        mentions.append(RegionMention(label, region_id_for(label), match.start(), match.end()))
    return mentions


SENTENCE_OPENERS = {"In", "The", "And", "While", "For", "Across", "By", "Of", "With", "Outside", "Within", "Both",
                    "Meanwhile", "Geographically", "Currently", "Besides", "Overall", "Globally"}


def _inside_a_name(text: str, start: int) -> bool:
    """A place right after a capitalised word that does not open the sentence is part of a name."""
    before = re.search(r"([A-Za-z]+)[ ]+$", text[:start])
    if not before or before.start() == 0 and before.group(1) in SENTENCE_OPENERS:
        return False
    word = before.group(1)
    return word[0].isupper() and word not in SENTENCE_OPENERS and not _REGION_LOOKUP.get(word.lower())


def region_id_for(label: str) -> str | None:
    region = _REGION_LOOKUP.get(label.lower())
    if region:
        return region
    iso3 = COUNTRY_NAMES.get(label) or next((code for name, code in COUNTRY_NAMES.items()
                                             if name.lower() == label.lower()), None)
    return {"USA": "US", "CHN": "CN"}.get(iso3 or "")


def country_code(label: str) -> tuple[str | None, str]:
    """ISO 3166 alpha-3 for a country label as printed, and a note when the label is not a plain name."""
    exact = _exact_code(label)
    if exact:
        note = "" if label in COUNTRY_NAMES else f"'{label}' read as ISO {exact}."
        return exact, note
    words = label.split()
    whole_names = [code for word in words if (code := _exact_code(word))]
    if len(words) > 1 and whole_names:
        return whole_names[0], (f"Label '{label}' runs country names together; read as ISO {whole_names[0]} "
                                "(the first); check the page.")
    partial = {code for name, code in COUNTRY_NAMES.items() if label.lower() in name.lower().split()}
    if len(partial) == 1:
        code = partial.pop()
        return code, f"'{label}' is part of a country's name; read as ISO {code}; check the page (split over lines?)."
    return None, ""


def _exact_code(label: str) -> str | None:
    lowered = label.strip().lower()
    if lowered in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[lowered]
    return next((code for name, code in COUNTRY_NAMES.items() if name.lower() == lowered), None)
