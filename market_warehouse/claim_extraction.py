"""The grammar of market-report pages: which figure of a sentence is a market size, a CAGR or a regional
share, and of which year, period and region.

Sizes: 'valued at / estimated at / accounted for USD x billion in YEAR', 'projected to reach USD y billion by
YEAR', statistics rows 'Market Size (2024) | USD 15.32 Billion'. Growth: 'a CAGR of z % from Y1 to Y2',
'during the forecast period (Y1-Y2)', 'through 2030', 'over the next five years'. Shares: 'North America held
a 45.6 % share', 'APAC follows with around 30%'. A figure the grammar cannot place (metric, year, region or
unit unclear) becomes an Unplaced with the reason: never a guess. Whether a market named beside a figure is
the page title's is decided in market_names.py; the wordings themselves (compiled regular expressions, each with
an example) are in claim_wordings.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from market_warehouse.claim_wordings import (
    ANNUAL_GROWTH_RATE_AFTER,
    ANNUAL_RATE_AFTER,
    AVERAGE_RATE_AFTER_SIZE,
    BARE_MARKET_SUBJECT,
    BREAKDOWN_LABEL,
    BY_PERIOD_RIGHT_AFTER,
    CAGR_CUE,
    CAGR_OF_OTHER,
    CAGR_THROUGH,
    CARRIED_UNIT_JOIN,
    CAUSE_AFTER,
    CHANGE_AFTER,
    CITATION_AT_END,
    CLAUSE_BREAK,
    COMPARED_WITH,
    CONCESSION,
    CONJUNCTION,
    CONVERSION_CLOSE,
    CONVERSION_OPEN,
    DECADE_RIGHT_AFTER,
    DECLINE_CUE,
    DEMAND_SUBJECT,
    DIFFERENCE_AFTER,
    DRIVER_WHICH,
    ECONOMIC_IMPACT,
    END_WITH_RATE,
    EXPECTED_BY,
    FASTEST_GROWTH,
    FOLLOWED_BY,
    FORECAST_PERIOD,
    FORECAST_SPAN,
    FORECAST_START,
    FORECAST_YEAR,
    FORECASTER_VERB,
    FRACTION_OF,
    FROM_BEFORE,
    FROM_THERE_AFTER,
    FROM_YEAR_AFTER,
    GLOBAL_TOTAL_AFTER,
    GLOBAL_WHOLE,
    GREW_TO,
    GROWING_AT_BEFORE,
    GROWTH_BY,
    GROWTH_RATE_BEFORE,
    GROWTH_RATE_ROW,
    GROWTH_RATE_WITH,
    IN_PARENTHESES,
    IN_REGIONS_MARKET_BEFORE,
    IN_REVENUE_AFTER,
    INCREMENT_AFTER,
    INCREMENT_CUE,
    INDUSTRY_REVENUE_SUBJECT,
    INSERTED_SOURCE,
    IT_SUBJECT,
    ITS_MARKET,
    JOINED_REGIONS,
    JUST_NAMED,
    LABEL_PERIOD,
    LIST_LINE,
    MARKET_GENERATES,
    MARKET_ITSELF,
    MARKET_PUSHED_TO,
    MARKET_REVENUE,
    MARKET_SHARE_BEFORE,
    MARKET_SIZE_WORDS,
    NAMED_SUBJECT,
    NEXT_CLAUSE_YEAR,
    NEXT_YEARS,
    OF_WHICH,
    ONE_YEAR_FROM,
    ONE_YEAR_ON,
    OPEN_END,
    OPENING_BY,
    OPENING_PERIOD,
    OPENING_SHARE,
    OPENING_YEAR,
    OVER_THE_FORECAST_PERIOD,
    PART_CUE,
    PART_OF_WHOLE,
    PART_SUBJECT,
    PEOPLE_IN_REGIONS,
    PER_YEAR_AFTER,
    PERIOD_BEFORE_CAGR,
    PERIOD_RIGHT_AFTER,
    POINTS_BACK_TO_REACH,
    POSSESSIVE_MARKET_AFTER,
    PRICE_SUBJECT,
    PROFIT_BEFORE,
    PROJECTED,
    PROJECTION_OF,
    QUANTITY_UNIT_AFTER,
    RANKED_IN_THE_WORLD,
    RATE_IN_MARKET_FOR,
    RATE_IN_OTHER,
    RATES_BEFORE,
    REACH_AMOUNT_AFTER,
    REFERS_BACK,
    REGION_AFTER,
    REGION_RUN_LABEL,
    REGIONS_MARKET_AFTER,
    REGIONS_MARKET_BEFORE,
    RELATIVE_YEAR,
    REMAINING,
    REPORT_TITLE_SPAN,
    REPORTED_LEAD,
    REPORTED_WORLD_MARKET,
    RESPECTIVE_JOIN,
    RESPECTIVE_OF,
    RESPECTIVELY,
    RESPECTIVELY_AFTER,
    REVENUE_CUE,
    REVENUE_SUBJECT,
    ROW_MEASURE_WORDS,
    SEGMENT_AFTER,
    SEGMENT_CUE,
    SENTENCE_END,
    SHARE_AFTER,
    SHARE_AT_AMOUNT,
    SHARE_BEFORE,
    SHARE_OF_OTHER,
    SHARE_OF_THE_AMOUNT,
    SIZE_CUE,
    SOURCE_CITATION,
    SPEAKER,
    SPENDING_ON,
    SUBJECT_AFTER_SHARE,
    SUBJECT_OF_THE_MARKET,
    THAT_YEAR_AFTER,
    THE_SUBJECT,
    THIS_FIGURE,
    THIS_GROWTH_RATE,
    THIS_MEANS,
    THIS_RATE,
    TIME_WORDS,
    TO_AMOUNT_AFTER,
    TO_BETWEEN,
    TOGETHER,
    VALUE_WORD,
    VOLUME,
    VOLUME_CLAUSE,
    VOLUME_OPENING,
    VOLUME_RATE_AFTER,
    VOLUME_SUBJECT,
    VOLUME_TO,
    WHILE_BETWEEN,
    WIDER_MARKET,
    WITH_YEAR_CLAUSE,
    WORLD_DEMAND_FOR,
    WORLD_RANKING,
    WORLD_SPENDING,
    WORLD_WORD_AFTER,
    WORLDWIDE_SALES,
    YEAR_RIGHT_AFTER,
    YEARS_TO,
)
from market_warehouse.figures import Figure, find_figures, year_range, years_in
from market_warehouse.market_names import (
    MARKET_NAME_START,
    MARKET_NOT_NAMED,
    fewer_than_title,
    market_including_the_title_market,
    market_names,
    name_words,
    named_by_title,
    not_the_title_market,
    several_markets_under_no_title_market,
    spelled_out,
    title_market_in_other_words,
    title_market_words,
    title_spelled_out,
    without_regions,
)
from market_warehouse.page_text import Page, Sentence
from market_warehouse.region_names import REGION_PARENTS, RegionMention, region_mentions
from market_warehouse.value_bounds import FIRST_YEAR


@dataclass
class Claim:
    metric: str  # market_size | cagr | share
    figure: Figure
    sentence: Sentence
    region_label: str
    region_id: str
    year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    period_text: str = ""
    resolved_relative: str = ""  # 'last year' resolved against the page's date
    market_reason: str = ""  # why a sentence naming no market is read as the page's market (the sentence before)

    @property
    def unit(self) -> str:
        return "%" if self.metric != "market_size" else "USD bn"

    def value_in_unit(self, value: float | None) -> float | None:
        if value is None or self.metric != "market_size":
            return value
        return value * self.figure.scale_in_bn


@dataclass(frozen=True)
class Unplaced:
    figure_text: str
    sentence: Sentence
    reason: str


@dataclass
class Extraction:
    claims: list[Claim] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    regions_named: list[tuple[RegionMention, Sentence]] = field(default_factory=list)
    title_period: tuple[int, int, str] | None = None
    forecast_period: tuple[int, int, str] | None = None
    relative_dates: list[tuple[str, Sentence, str]] = field(default_factory=list)  # (wording, sentence, outcome)
    revenue_figures: list[tuple[Figure, Sentence]] = field(default_factory=list)


def extract_claims(page: Page) -> Extraction:
    extraction = Extraction(title_period=_title_period(page.title))
    # a title's open end ('Trends Forecast Till 2028') is no forecast period: the text's 'during the forecast period'
    # may end anywhere before it
    title_span = extraction.title_period if extraction.title_period and extraction.title_period[0] else None
    extraction.forecast_period = _forecast_period(page) or title_span
    for sentence in page.sentences:
        _read_sentence(sentence, page, extraction)
    title = _unread_title(page)
    if title is not None:
        _read_title(title, page, extraction)
    _share_periods_per_paragraph(extraction)
    _drop_repeated_cagrs(extraction)
    _drop_rounded_title_sizes(extraction, page.title.strip())
    return extraction


def _drop_repeated_cagrs(extraction: Extraction) -> None:
    """A CAGR printed once with its period and again without one (a summary line repeating the text) is one figure:
    the repeat without a period is listed as not placed, not drafted a second time."""
    def key(claim: Claim) -> tuple:
        return claim.region_id, claim.figure.value, claim.figure.low, claim.figure.high

    with_period = {key(c) for c in extraction.claims if c.metric == "cagr" and (c.period_start or c.period_end)}
    for claim in [c for c in extraction.claims if c.metric == "cagr" and not (c.period_start or c.period_end)]:
        if key(claim) in with_period:
            extraction.claims.remove(claim)
            extraction.unplaced.append(Unplaced(claim.figure.text, claim.sentence, _REPEATED_CAGR))


def _drop_rounded_title_sizes(extraction: Extraction, title: str) -> None:
    """'... Market expected to reach almost $13B in 2026' over a text stating $12.77 billion by 2026: a title's size
    worded as approximate (or as a bound) within a tenth of a size the text states for the same year and region is
    that size rounded, listed as not placed rather than drafted a second time; so is an exact one printed with fewer
    decimals (_printed_rounded)."""
    in_title, in_text = _title_and_text_sizes(extraction, title)
    for claim in in_title:
        if any(_rounds_to(other, claim) if claim.figure.bound != "exact" else _printed_rounded(other, claim)
               for other in in_text):
            extraction.claims.remove(claim)
            extraction.unplaced.append(Unplaced(claim.figure.text, claim.sentence, _ROUNDED_TITLE_SIZE))


def _title_and_text_sizes(extraction: Extraction, title: str) -> tuple[list[Claim], list[Claim]]:
    """The sizes drafted from the title; and the sizes drafted from the text."""
    sizes = [c for c in extraction.claims if c.metric == "market_size" and c.figure.value is not None]
    in_title = [c for c in sizes if c.sentence.text.strip() == title]
    return in_title, [c for c in sizes if c not in in_title]


def _rounds_to(claim: Claim, rounded: Claim) -> bool:
    """The claim is a size of the rounded one's year and region, within a tenth of its value."""
    value = rounded.value_in_unit(rounded.figure.value)
    return (claim.year == rounded.year and claim.region_id == rounded.region_id
            and abs(claim.value_in_unit(claim.figure.value) - value) <= 0.1 * value)


def _printed_rounded(claim: Claim, rounded: Claim) -> bool:
    """'... Market Is Expected to Reach $73 Billion by 2030' over a text stating $73.03 billion by 2030: a title's
    exact size is the text's size of the same year and region printed with fewer decimals when it is that size
    rounded to them and within 1% of it ('$7B' over $6.84 billion is a figure of its own)."""
    decimals = len(rounded.figure.printed[0].partition(".")[2])
    value, other = rounded.value_in_unit(rounded.figure.value), claim.value_in_unit(claim.figure.value)
    return (claim.year == rounded.year and claim.region_id == rounded.region_id and rounded.figure.scale_in_bn ==
            claim.figure.scale_in_bn and round(claim.figure.value, decimals) == rounded.figure.value
            and abs(other - value) <= 0.01 * value)


def _share_periods_per_paragraph(extraction: Extraction) -> None:
    """Shares stated together ('North America is projected to hold 45%. APAC follows with 30%.') share one
    reading: projected for the forecast period if any of them says so."""
    projected = {(c.sentence.section, c.sentence.paragraph) for c in extraction.claims
                 if c.metric == "share" and c.period_text == "projected (no year stated)"}
    for claim in extraction.claims:
        if (claim.metric == "share" and claim.period_text == "no year stated"
                and (claim.sentence.section, claim.sentence.paragraph) in projected):
            claim.period_start, claim.period_end = extraction.forecast_period[:2]
            claim.period_text = "projected (no year stated)"


def _title_period(title: str) -> tuple[int, int, str] | None:
    """The title's period ('... Forecast 2024-2030'). A first line that runs on into several sentences is a paragraph
    standing in for a title: only its first sentence is read, so a later sentence's years are no forecast period."""
    title = SENTENCE_END.split(title, maxsplit=1)[0]
    period = year_range(title)
    if period:
        return period
    to_year = re.search(r"(?:to|till|until|through)\s+((?:19|20)\d\d)", title, re.IGNORECASE)
    return (None, int(to_year.group(1)), to_year.group(0)) if to_year else None


def _forecast_period(page: Page) -> tuple[int, int, str] | None:
    """The period the page itself calls its forecast period: 'during the forecast period (2023-2031)'."""
    for sentence in page.sentences:
        cue = FORECAST_PERIOD.search(sentence.text)
        if cue:
            period = year_range(sentence.text[cue.end():cue.end() + 30]) or year_range(
                sentence.text[max(0, cue.start() - 30):cue.start()])
            if period:
                return period
    return None


def _unread_title(page: Page) -> Sentence | None:
    """'# Kelp Lamps: A 3 Billion USD Industry By 2030': a title printed as a heading (or the page's
    <title>) is no sentence of the page, yet states figures; it is read after the text, as a sentence of its own,
    so that a figure the text states too is drafted from the text and the title's is its repeat. None when the
    title is the page's first line of text, read already."""
    title = page.title.strip()
    if not title or any(title.startswith(sentence.text) for sentence in page.sentences):
        return None
    return Sentence("(title)", 1, title, 0)


def _read_title(title: Sentence, page: Page, extraction: Extraction) -> None:
    """The title's sizes, CAGRs and shares; a region it names is the market's scope, not one of a breakdown, and a
    revenue in it is not placed (a player's revenue is read from the text, where its paragraph names the player)."""
    regions, revenues = len(extraction.regions_named), len(extraction.revenue_figures)
    _read_sentence(title, page, extraction)
    extraction.unplaced += [Unplaced(figure.text, title, "a revenue in the page title: a player's revenue is read from "
                                     "the text") for figure, _ in extraction.revenue_figures[revenues:]]
    del extraction.regions_named[regions:], extraction.revenue_figures[revenues:]


def _read_sentence(sentence: Sentence, page: Page, extraction: Extraction) -> None:
    text = sentence.text
    mentions = region_mentions(text)
    named = {}
    for mention in mentions:  # 'Asia-Pacific (APAC)' names one region
        if mention.region_id != "WORLD":
            named.setdefault(mention.region_id or mention.label, mention)
    extraction.regions_named += [(mention, sentence) for mention in named.values()]
    figures = find_figures(text)
    last_metric, last_region = "", None
    for index, figure in enumerate(figures):
        previous_end = figures[index - 1].end if index else 0
        next_start = figures[index + 1].start if index + 1 < len(figures) else len(text)
        context = _Context(sentence, page, figure, previous_end, next_start, mentions, figures[:index], last_metric,
                           last_region)
        outcome = _place(context, extraction)
        last_metric = outcome.metric if isinstance(outcome, Claim) else ""
        last_region = None if _joint_regions(context) else _region_before(context)
        if isinstance(outcome, Claim):
            extraction.claims.append(outcome)
        elif isinstance(outcome, str):
            extraction.unplaced.append(Unplaced(figure.text, sentence, outcome))


@dataclass
class _Context:
    sentence: Sentence
    page: Page
    figure: Figure
    previous_end: int  # the figure's clause: from the end of the figure before it ...
    next_start: int  # ... to the start of the figure after it
    mentions: list[RegionMention]
    earlier: list[Figure]
    last_placed_metric: str = ""  # of the figure before this one in the sentence
    last_placed_region: RegionMention | None = None  # and its region, carried to 'from X in 2025 to Y by 2035'

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def before(self) -> str:
        return self.text[self.previous_end:self.figure.start]

    @property
    def after(self) -> str:
        return self.text[self.figure.end:self.next_start]


def _sentence_before(context: _Context, same_paragraph: bool = False) -> Sentence | None:
    """The sentence right before the figure's, in its section (and paragraph, when asked): where 'it', 'this figure',
    'its market' or 'that year' points back to; None for the first one."""
    sentence = context.sentence
    return next((other for other in context.page.sentences if other.section == sentence.section
                 and other.number == sentence.number - 1
                 and (not same_paragraph or other.paragraph == sentence.paragraph)), None)


def _place(context: _Context, extraction: Extraction) -> Claim | str | None:
    figure = context.figure
    if figure.kind == "bare":
        return "unit unclear: a scaled number with no currency"
    if figure.kind == "money":
        return _place_money(context, extraction)
    if _is_cagr_on_the_page(context, extraction):
        return _place_cagr(context, extraction)
    not_a_share = _rate_not_a_share(context)
    if not_a_share:
        return not_a_share
    if _is_share(context):
        return _place_share(context, extraction)
    of_other = SHARE_OF_OTHER.match(context.text[context.figure.end:])
    if of_other and SHARE_BEFORE.search(context.before[-60:]):
        whole = re.match(r"\s+of\s+((?:(?!(?:in|at|by|for|during|from|to|and)\b)[\w-]+\s*){1,3})", context.after)
        return (f"a share of something other than the market ('of {whole.group(1).strip() if whole else '...'}'): "
                "not placed")
    label = _breakdown_line(context)
    if label:
        return f"a line of a regional breakdown whose label ('{label}') is no one region of seeds/regions.csv"
    return "metric unclear: a percentage that is neither a CAGR nor a stated share"


def _rate_not_a_share(context: _Context) -> str:
    """A percentage that is not the CAGR and no share either, whatever share wording its sentence has: a difference
    ('25 percent less profit'), or one of several rates listed together ('account for much of this increase, with
    CAGRs of 13.7% and 7.3%': each region's rate, not its share); '' otherwise."""
    if DIFFERENCE_AFTER.match(context.after):
        return "a difference ('x percent less / more'): neither a CAGR nor a share"
    if PROFIT_BEFORE.search(context.before):  # '... generating significant profits, representing 40%-60%'
        return "a profit (margin), not a share of the market"
    if _part_of_what_is_counted(context):
        return "a part of what the figure before counts ('of which ... account for'), not a region's share"
    if CHANGE_AFTER.match(context.after):
        return "a change ('x percent rise / increase'): neither a CAGR nor a share"
    if RATES_BEFORE.search(context.text[:context.figure.start]):
        return "one of several growth rates listed together ('CAGRs of x% and y%'): not a share, whose rate is unclear"
    if _share_of_the_same_other(context):
        return "a share of the same whole as the share before it, of something other than the market: not placed"
    return ""


def _part_of_what_is_counted(context: _Context) -> bool:
    """'China has an annual demand of 120 million kelp lamps, of which solar lamps account for over 30%': after 'of
    which' with no region named after it, the figure is a part of the figure before (China's lamps), not China's
    share; 'The market was $9 billion, of which Europe accounted for 40%' names the share's region after it."""
    of_which = OF_WHICH.search(context.before)
    start = context.previous_end + of_which.end() if of_which else context.figure.start
    return of_which is not None and not any(start <= m.start < context.figure.start for m in context.mentions)


def _share_of_the_same_other(context: _Context) -> bool:
    """'Europe grows 58% of the world's tidefern crop, while China holds 14%': the second share names no whole of its
    own after a 'while' and is of the first one's (the crop), not of the market."""
    previous = context.earlier[-1] if context.earlier else None
    if previous is None or previous.kind != "percent" or re.match(r"\s+of\b", context.text[context.figure.end:]):
        return False
    return (SHARE_OF_OTHER.match(context.text[previous.end:]) is not None
            and WHILE_BETWEEN.search(context.text[previous.end:context.figure.start]) is not None)


def _place_money(context: _Context, extraction: Extraction) -> Claim | str | None:
    figure, text = context.figure, context.text
    if REVENUE_CUE.search(text) and not MARKET_SIZE_WORDS.search(text) and not _revenue_of_the_market(context):
        extraction.revenue_figures.append((figure, context.sentence))
        return None  # a company's revenue: listed_entities.py places it
    if not _names_a_size(context, extraction):
        return "metric unclear: an amount in a sentence about no market size"
    subject = "" if MARKET_NOT_NAMED.search(_reported_clause(text)) else _other_subject(context)
    if subject:  # 'Kelpwatch reported that kelp snacks grew 9%, reaching $2 billion in global revenue'
        return f"the amount of the sentence's subject ('{subject}'), which names no market the page title names"
    carried = _carried_scale(context) if figure.scale_in_bn is None else None
    if figure.scale_in_bn is None and carried is None:
        return "unit unclear: no million / billion printed with the amount"
    if carried is not None:
        figure = replace(figure, scale_in_bn=carried[0].scale_in_bn)
    if figure.currency != "USD":
        return f"currency {figure.currency}: the seeds hold sizes in USD bn; convert with a sourced rate by hand"
    not_the_size = _amount_of_a_part_or_a_change(context)
    if not_the_size:
        return not_the_size
    problem, region = _scope_of(context)
    if problem:
        return problem
    year = _year_of(context, extraction)
    if isinstance(year, str):
        return year
    claim = Claim("market_size", figure, context.sentence, region.label if region else "(market as a whole)",
                  region.region_id if region else "WORLD", year=year[0], resolved_relative=year[1],
                  market_reason=_market_reason(context, extraction))
    if carried is not None:
        claim.resolved_relative = " ".join(filter(None, [year[1], f"Unit '{carried[1]}' read from the other amount "
                                                                  "of the sentence, which it grows from"]))
    return claim


def _amount_of_a_part_or_a_change(context: _Context) -> str:
    """Why an amount in a sentence about the market is not its size: a volume or a profit, a segment's, a part's
    contribution, an increase, or what drives the market ('driven by kelp exports, which reached $2 billion'); ''
    when none."""
    not_a_value = _volume_or_profit(context)
    if not_a_value:
        return not_a_value
    if _amount_of_a_segment(context):
        return "a segment's figure: segments are not placed automatically"
    if _paired_amounts(context):
        return _PAIRED
    if _market_of_a_segment(context):
        return _SEGMENT_BEFORE
    if _an_increase(context):
        return "an increase of the market ('grow by', 'growth set at', 'a $x billion increase'), not its size"
    if PART_CUE.search(context.before):
        return "a part's contribution to the market (a segment or a company), not the market's size"
    if _value_of_a_share(context):
        return "the value of a share of the market held by a part (a segment or a company), not the market's size"
    of_another = _of_a_whole_or_another_region(context)
    if of_another:
        return of_another
    if DRIVER_WHICH.search(context.text[:context.figure.start]):
        return "a figure of what drives the market ('driven by ..., which'), not the market's size"
    return ""


def _an_increase(context: _Context) -> bool:
    """'grow by $3 billion', 'growth set at $3 billion', 'a $400 billion value increase by 2028': the amount the market
    grows by, not its size."""
    return INCREMENT_CUE.search(context.before) is not None or INCREMENT_AFTER.match(context.after) is not None


def _amount_of_a_segment(context: _Context) -> bool:
    """A segment named in the sentence (but not among the segments its growth is owed to), or a subject said to be one."""
    return SEGMENT_CUE.search(_without_cause_after(context)) is not None or _subject_is_a_part(context)


def _volume_or_profit(context: _Context) -> str:
    """A volume printed with a currency ('USD 17.25 million tonnes'), a profit ('the airline industry's net profit
    will increase to $38.4 billion') or an economic impact ('$70 billion in total economic activity'), not the
    market's value; '' when none."""
    unit = QUANTITY_UNIT_AFTER.match(context.after)
    if unit:
        return f"a volume: a unit of quantity ('{unit.group(0).strip()}') follows the amount, not money"
    if PROFIT_BEFORE.search(context.text[:context.figure.start]):
        return "a profit (earnings, income), not the market's size"
    if ECONOMIC_IMPACT.match(context.after) or ECONOMIC_IMPACT.search(context.before):
        return "an economic impact (all the activity an industry brings about), not the market's size"
    return ""


def _without_cause_after(context: _Context) -> str:
    """The sentence without what its growth is owed to after the figure ('$36 billion in 2013 thanks to demand by the
    PC storage segments'): the segments the growth comes from are not the amount's."""
    cause = CAUSE_AFTER.search(context.text, context.figure.end)
    return context.text[:cause.start()] if cause else context.text


def _of_a_whole_or_another_region(context: _Context) -> str:
    """Why an amount is no region's or world's size: the whole a region holds a part of (or, under a title naming no
    market, the whole any part holds a share of), or the market of a region or country named in the sentence before
    ('its market'); '' when none."""
    fraction = FRACTION_OF.search(context.before)
    if fraction and _region_before(context) is not None:
        return f"the whole a region holds a part of ('{fraction.group(0).strip()}'), not the region's size"
    if _whole_of_a_share_under_no_title_market(context):
        return ("the whole a part holds a share of ('x% of the'), under a title naming no market: the page's market "
                "may be the part")
    region = _region_its_market_is_of(context)
    return f"the market of the region or country of the sentence before ('its', {region}), not the world's" if region else ""


def _whole_of_a_share_under_no_title_market(context: _Context) -> bool:
    """'Kelp lamps are forecast to account for 73% of the $9.3 billion outdoor lighting market' under 'Kelp Lamp Growth
    To Pick Up': the amount after a share is the whole the subject is a part of; with no market named in the title,
    the page may be about the part, and the whole another, wider market."""
    previous = context.earlier[-1] if context.earlier else None
    return (previous is not None and previous.kind == "percent" and SHARE_OF_THE_AMOUNT.match(context.before) is not None
            and not title_market_words(context.page.title))


def _region_its_market_is_of(context: _Context) -> str:
    """'- Japan: With the booming of otaku culture, Japan has a broad audience base for toys. In 2021, its toy market
    size was $67.9 billion': 'its market' is the market of the region or country named in the sentence right before
    (its paragraph's), not the world's; its name, or '' when that sentence names none."""
    if not ITS_MARKET.search(context.text[:context.figure.start]):
        return ""
    before = _sentence_before(context, same_paragraph=True)
    regions = [m for m in region_mentions(before.text) if m.region_id != "WORLD"] if before else []
    return regions[-1].label if regions else ""


def _value_of_a_share(context: _Context) -> bool:
    """'Kelp snacks represent 40% of the kelp food market at USD 2 billion': the amount right after a share of the
    market is the value of that share; with no region named for it, a part's (a region's is its size: 'The US holds
    30% of the market at USD 1.5 billion')."""
    previous = context.earlier[-1] if context.earlier else None
    return (previous is not None and previous.kind == "percent" and SHARE_AT_AMOUNT.match(context.before) is not None
            and _region_before(context) is None)


def _paired_amounts(context: _Context) -> bool:
    """'The kelp and algae markets reached respective values of $4 billion and $2 billion', '... $4 billion and $2
    billion in 2024, respectively': the amount is one of a run of amounts, each of another subject."""
    amounts = [figure for figure in find_figures(context.text) if figure.kind == "money"]
    index = next(i for i, figure in enumerate(amounts) if figure.start == context.figure.start)
    first = last = index
    while first > 0 and RESPECTIVE_JOIN.fullmatch(context.text[amounts[first - 1].end:amounts[first].start]):
        first -= 1
    while last + 1 < len(amounts) and RESPECTIVE_JOIN.fullmatch(context.text[amounts[last].end:amounts[last + 1].start]):
        last += 1
    return first < last and (RESPECTIVE_OF.search(context.text[:amounts[first].start]) is not None
                             or RESPECTIVELY_AFTER.match(context.text[amounts[last].end:]) is not None)


def _carried_scale(context: _Context) -> tuple[Figure, str] | None:
    """'... reach USD 6,120.5 Mn in 2030 from USD 2,940.2 in 2022': an amount printed without its unit, paired by
    'from' with the one other amount of the sentence, in the same currency, which prints it; the other amount and
    its unit word, or None."""
    others = [other for other in find_figures(context.text) if other.kind == "money" and other.start != context.figure.start]
    if len(others) != 1 or others[0].scale_in_bn is None or others[0].currency != context.figure.currency:
        return None
    other, figure = others[0], context.figure
    between = context.text[min(other.end, figure.end):max(other.start, figure.start)]
    if not CARRIED_UNIT_JOIN.fullmatch(between) or figure.value is None or other.value is None:
        return None
    ratio = figure.value / other.value if other.value else 0
    unit = re.search(r"[A-Za-z]+$", other.text)
    return (other, unit.group(0)) if 0.1 <= ratio <= 10 and unit else None


def _names_a_size(context: _Context, extraction: Extraction) -> bool:
    """An amount's sentence is about a market size: a size word ('market', 'valued', ...) or a statistics row; the
    worldwide sales or total spending of the title's market; 'this figure' for the world size drafted from the
    sentence before, or 'the projection of' after the sentence giving the world market's size or CAGR; or 'it' for
    the title's market, the subject of the sentence before."""
    return (SIZE_CUE.search(context.text) is not None or context.sentence.kind == "row"
            or _sales_of_the_title_market(context) or _refers_to_world_claim(context, extraction)
            or _it_is_the_title_market(context))


def _sales_of_the_title_market(context: _Context) -> bool:
    """'worldwide kelp fertilizer sales are set to total $ 3.1 billion', 'kelp fertilizer sales will reach $3 billion
    worldwide' or 'total spending on kelp fertilizer will reach $3 billion' on a kelp fertilizer market page: the world
    sales or spending of what the title names (not a company's: 'its global sales')."""
    clause = context.text[:context.figure.start]
    sales = (WORLDWIDE_SALES.search(clause) or SPENDING_ON.search(clause) or WORLD_DEMAND_FOR.search(clause)
             or WORLD_SPENDING.search(clause))
    what = sales.group("what") if sales else _sales_then_worldwide(context)
    title = title_spelled_out(context.page)
    return bool(what) and named_by_title(name_words(what, title), title.lower())


def _sales_then_worldwide(context: _Context) -> str:
    """'Kelpwatch forecasts kelp fertilizer sales will expand to $3 billion worldwide': what the words before 'sales'
    name (after who forecasts them), the amount followed by 'worldwide' or 'globally'; '' when the amount is not so
    worded, or the sales may be a company's ('Kelpco's fertilizer sales', 'Kelpco fertilizer sales': a capitalised
    name the title lacks)."""
    sales = REVENUE_SUBJECT.search(context.text[:context.figure.start])
    if not WORLD_WORD_AFTER.match(context.after) or sales is None or "'s" in sales.group("what"):
        return ""
    what, title = FORECASTER_VERB.split(CONJUNCTION.split(sales.group("what"))[-1])[-1], context.page.title.lower()
    return "" if any(word[0].isupper() and word[:5].lower() not in title for word in what.split()) else what


def _refers_to_world_claim(context: _Context, extraction: Extraction) -> bool:
    """'... the global kelp fertilizer market was worth $4 billion in 2024. Some expect this figure to pass $9
    billion by 2031' (or 'expect this to double and reach $9 billion'): 'this figure' is the world size drafted from
    the sentence before, in the same paragraph; so is 'The projection of $9 billion by 2031 assumes ...' (or 'This
    means spending could reach $9 billion' after 'Kelp spending is expected to grow ...', or 'This should reach $9
    billion by 2031' and 'But it is projected to hit $9 billion') after a sentence giving the world market's size or
    CAGR."""
    if THIS_FIGURE.search(context.before):
        metrics = ("market_size",)
    elif _points_back_to_the_market(context):
        metrics = ("market_size", "cagr")
    else:
        return False
    sentence = context.sentence
    claims = [claim for claim in extraction.claims if claim.metric in metrics
              and claim.sentence.section == sentence.section and claim.sentence.paragraph == sentence.paragraph
              and claim.sentence.number == sentence.number - 1]
    return bool(claims) and claims[-1].region_id == "WORLD"


def _market_reason(context: _Context, extraction: Extraction) -> str:
    """Why a figure is read as the page's market though its sentence does not name it with the title's words (for
    the review sheet): the text names it in other words, or the sentence points back to the sentence before."""
    return _market_in_other_words(context) or _market_pointed_back_to(context, extraction)


def _market_in_other_words(context: _Context) -> str:
    """'The world kelp lamp market is now valued at $2bn' on a 'Kelp Lighting Market' page: the market the clause
    names is read as the page's only because the text's figures name no other, nor the title's (market_names.py)."""
    market = title_market_in_other_words(context.page)
    if not market:
        return ""
    names = [without_regions(name) for name in market_names(spelled_out(context.text[:context.figure.start],
                                                                         context.page), context.page.title)]
    return (f"Market read as the page's: the text's figures name the '{market} market' and no other, never the "
            "title's market, named in other words" if names and not_the_title_market(names, context.page.title) else "")


def _market_pointed_back_to(context: _Context, extraction: Extraction) -> str:
    """Why a figure in a sentence naming no market is the page's market: what points back to the world claim drafted
    from the sentence before ('It's projected to reach $9 billion'), or the world size drafted beside it in its
    sentence; '' when the sentence names a market, or nothing points back."""
    if MARKET_NOT_NAMED.search(context.text) or SIZE_CUE.search(context.text):
        return ""
    if _refers_to_world_claim(context, extraction):
        return (f"Market read from sentence {context.sentence.number - 1} of the section, whose world figure was drafted: "
                "the subject of this sentence points back to it")
    return next((claim.market_reason for claim in extraction.claims if claim.sentence is context.sentence
                 and claim.market_reason), "")


def _points_back_to_the_market(context: _Context) -> bool:
    """'The projection of $9 billion', 'This means spending could reach $9 billion', or a sentence opening with a
    subject pointing back that reaches its first amount (the figure, or the amount before the rate: 'But it is
    projected to hit $9 billion by 2031, at a CAGR of 6%')."""
    if PROJECTION_OF.match(context.text[:context.figure.start]) or _this_means_the_same(context):
        return True
    first = next((figure for figure in find_figures(context.text) if figure.kind == "money"), None)
    return first is not None and POINTS_BACK_TO_REACH.match(context.text[:first.start]) is not None


def _this_means_the_same(context: _Context) -> bool:
    """'Kelp spending is expected to grow at 4% a year. This means spending could reach $9 billion': the subject after
    'This means' is the last word of the subject of the sentence before (its section's)."""
    this_means = THIS_MEANS.match(context.text)
    before = _sentence_before(context)
    subject = THE_SUBJECT.match(before.text) if this_means and before else None
    return subject is not None and subject.group("what").split()[-1].lower() == this_means.group("what").lower()


def _it_is_the_title_market(context: _Context) -> bool:
    """'The kelp economy is growing fast ... . In 2024, it was worth $4 billion': 'it' is the market named as a
    subject in the sentence right before, when the title names it (its words besides 'market',
    'economy', ...; 'the global economy' names none)."""
    if not IT_SUBJECT.search(context.text[:context.figure.start]):
        return False
    title, before = title_spelled_out(context.page), _sentence_before(context)
    subject = NAMED_SUBJECT.search(before.text) if before else None
    words = name_words(subject.group("what"), title) if subject else []
    return bool(words) and named_by_title(words, title.lower())


def _revenue_of_the_market(context: _Context) -> bool:
    """'the market translated into a revenue of USD x bn', 'the kelp fertilizer industry should generate around USD
    1.2 billion in revenue', 'worldwide kelp fertilizer sales': the market's own revenue, its size (a company's revenue
    names the company as the subject)."""
    if MARKET_REVENUE.search(context.before) or _sales_of_the_title_market(context):
        return True
    if INDUSTRY_REVENUE_SUBJECT.search(context.text[:context.figure.start]):
        return True  # 'industry revenue is set to grow ... to $9 billion'
    if _year_of_the_volume(context) is not None:
        return True  # 'kelp market sales reached 41 million tonnes in 2024, while their value was USD 9 billion'
    generates = MARKET_GENERATES.search(context.text[:context.figure.start])
    return (generates is not None and IN_REVENUE_AFTER.match(context.after) is not None
            and not re.search(r"\b(?:in|of|across|within|for|among|to|from|than)\s+$", context.text[:generates.start()],
                              re.IGNORECASE))


_REPEATED_CAGR = ("the same CAGR printed again without a period: drafted once, with the period printed beside it "
                  "elsewhere on the page")
_ROUNDED_TITLE_SIZE = ("the title's size rounded ('almost', 'over', or fewer decimals): the text's size of the same "
                       "year, drafted from the text")
_PAIRED = "figures paired 'respectively' with several subjects or periods: place them by hand"
# 'hit $107 billion in 2015 and is projected to surpass $150 billion by the end of the decade': a forecast amount
# printed with no year of its own after one printed with its year
_EARLIER_AMOUNTS_YEAR = ("year unclear: a forecast amount with no year of its own; the one year before it is the "
                         "earlier amount's")
_SEGMENT_BEFORE = "'the market' of the sentence before it, which is a segment's: segments are not placed automatically"


def _subject_is_a_part(context: _Context) -> bool:
    """'Small kelp lamps will still be the largest sector in 2030, accounting for almost $2 billion': a subject said to
    be a sector, segment or application of the market is a part of it; not when it is a region or a market itself
    ('The kelp industry is a key sector of the blue economy')."""
    part = PART_SUBJECT.match(_reported_clause(context.text[:context.figure.start]))
    return (part is not None and not SUBJECT_OF_THE_MARKET.search(part.group("what"))
            and not region_mentions(part.group("what")))


def _market_of_a_segment(context: _Context) -> bool:
    """'Revenue in the X segment amounts to ... . The market is expected to grow annually by 5.4%': 'the market'
    is the segment of the sentence before, in the same paragraph."""
    if not BARE_MARKET_SUBJECT.match(context.text):
        return False
    before = _sentence_before(context, same_paragraph=True)
    return before is not None and SEGMENT_CUE.search(before.text) is not None


def _scope_of(context: _Context) -> tuple[str | None, RegionMention | None]:
    """Why a figure cannot be placed in this market's scope (another market, a region without a key), or
    None; and the region named before it, if any."""
    other = _other_market(context)
    if other:
        return f"another market: '{other}' is not the market in the page title", None
    referred = _referred_market(context)
    if referred:
        return (f"'the market' of the sentences before it is the '{referred}', not surely the market in the page "
                "title"), None
    joint = _joint_regions(context) or _second_of_joint_regions(context)
    if joint:
        return f"a figure of several regions together ({joint}): not one region's", None
    region = _region_before(context)
    if region and region.region_id is None:
        return f"region '{region.label}' has no key in seeds/regions.csv", region
    return None, region


def _year_of(context: _Context, extraction: Extraction) -> tuple[int, str] | str:
    """The year a size is stated for: 'in 2024' after it, else 'In 2024, ...' before it in its clause."""
    relative = None if _printed_year_nearer(context) else _relative_year(context, extraction)
    if relative is not None:
        return relative
    opening_year = _opening_period_year(context)
    if isinstance(opening_year, str):
        return opening_year
    if opening_year:
        return opening_year, ""
    period_after = _period_after_amounts_from_to(context)
    if period_after is not None:
        return period_after
    after = CITATION_AT_END.sub("", _clause_after(context))  # '(Lindqvist 2019).' dates the source, not the amount
    decade = DECADE_RIGHT_AFTER.match(after)
    if decade:
        return f"year unclear: a decade ('{decade.group(0).strip()}') is no year"
    found = _years_after(after)
    if found and not _year_of_the_next_clause(context):
        return found[0][0], ""
    before = _year_before(context)
    if before is not None:
        return before
    opening = OPENING_PERIOD.match(context.text)
    if opening and GREW_TO.search(context.before):  # 'From 2019 to 2022 ... the market grew to USD x'
        return year_range(opening.group("period"))[1], ""
    return (_year_at_growth_end(context) or _year_of_the_volume(context) or _that_year(context)
            or _opening_by_year(context) or "year unclear: no year stated beside the amount")


def _years_after(after: str) -> list[tuple[int, int]]:
    """The years printed after an amount, the first its year; but 'USD 9 billion by 2025- 2034' is reached by the
    period's end year, so that comes first."""
    by_period = BY_PERIOD_RIGHT_AFTER.match(after)
    span = year_range(by_period.group(0)) if by_period else None
    return [(span[1], by_period.start()), *years_in(after)] if span else years_in(after)


def _year_of_the_next_clause(context: _Context) -> bool:
    """'In 2021, the market stood at $17.72 billion, and by 2022 it's projected to reach $22.72 billion': a year
    after ', and' (', while', ', but') that opens the clause of the next amount is that amount's, not this one's
    when a year is printed before this one; so is a year that is the subject of a clause after the amount ('In 2021,
    sources put it at $767B, with 2020 seeing a decline')."""
    return bool((NEXT_CLAUSE_YEAR.match(context.after) and context.next_start < len(context.text)
                 or WITH_YEAR_CLAUSE.match(context.after)) and years_in(context.before))


def _opening_by_year(context: _Context) -> tuple[int, str] | None:
    """'Until 2025, it will grow at a 3.36% CAGR and reach 149.83 billion USD': the year opening the sentence ('By',
    'Until', 'Through' YEAR), when the sentence prints no other year, is the year the amount is reached."""
    opening = OPENING_BY.match(context.text)
    return (int(opening.group("year")), "") if opening and len(years_in(context.text)) == 1 else None


def _year_before(context: _Context) -> tuple[int, str] | str | None:
    """The year printed before an amount with none after it, the last in its clause ('In 2024, ... USD x'); but
    the year opening the sentence when the one nearer is the year it is compared with ('In 2021, it grew 7% over
    2020, reaching $4 billion'); and no year when the text is cut off right after the amount ('USD 1.2 billion in
    2024, on track for USD 1.3 billion' and then nothing): its own year would have followed it, the one before is
    the earlier amount's; and the end of the CAGR period after it when the one year before is the earlier amount's
    ('$1,480 million in 2021, and is estimated to reach $2,640 million at a CAGR of 6.6% from 2022 to 2031'). None
    when no year is printed before it."""
    found = years_in(context.before) or years_in(_row_label(context))
    if not found:
        return None
    if (context.sentence.kind != "row" and not context.text[context.figure.end:].strip() and len(found) == 1
            and YEAR_RIGHT_AFTER.match(context.before) and any(figure.kind == "money" for figure in context.earlier)):
        return ("year unclear: the text is cut off right after the amount (its own year would follow it); the year "
                "before it is the earlier amount's")
    growth_end = _year_at_growth_end(context) if _year_of_the_amount_before(context) else None
    if growth_end:
        return growth_end
    if _year_of_the_amount_before(context) and PROJECTED.search(context.before):
        return _EARLIER_AMOUNTS_YEAR
    opening = OPENING_YEAR.match(context.text)
    compared = COMPARED_WITH.sub("", context.before)
    if opening and compared != context.before and not years_in(compared):
        return int(opening.group("year")), ""
    return found[-1][0], ""


def _year_of_the_amount_before(context: _Context) -> bool:
    """'valued at $1,480 million in 2021, and is estimated to reach $2,640 million at a CAGR of 6.6% from 2022 to
    2031': the one year before an amount, printed right after the amount before it, is that amount's year."""
    return (bool(context.earlier) and context.earlier[-1].kind == "money" and YEAR_RIGHT_AFTER.match(context.before)
            is not None and len(years_in(context.before)) == 1)


def _year_at_growth_end(context: _Context) -> tuple[int, str] | None:
    """'sales set to total $ 3.1 billion (a CAGR of 6 percent from 2024 to 2030)': a forecast amount
    with no year of its own, the one amount of its sentence (or the one after an amount with its own year), followed
    in its clause by the CAGR it grows at with that CAGR's period right after it, is the amount of the period's end
    year."""
    if not PROJECTED.search(context.text[:context.figure.start]) or not CAGR_CUE.search(context.after):
        return None
    figures = find_figures(context.text)
    rate = next((figure for figure in figures if figure.start == context.next_start and figure.kind == "percent"), None)
    period = PERIOD_RIGHT_AFTER.match(context.text[rate.end:]) if rate else None
    span = year_range(period.group(0)) if period else None
    if span is None or sum(figure.kind == "money" for figure in figures) != 1 + _year_of_the_amount_before(context):
        return None
    _, end, wording = span
    return end, f"Year {end} read from the end of the CAGR period printed with the amount ('{wording}')"


def _year_of_the_volume(context: _Context) -> tuple[int, str] | None:
    """'the kelp market was estimated at 41 million tonnes in 2024, while its value was USD 9 billion', 'In 2024 the
    kelp market reached 41 Mt. It represents in value USD 9 billion': an amount worded as the value right after the
    market's volume (units, tonnes; a market named before it), in its sentence or the one before ('It ...', same
    paragraph), is of the volume's year: the one right after the volume, else the last before it."""
    if not VALUE_WORD.search(context.before):
        return None
    clause, volume = context.text[:context.figure.start], None
    volumes = list(VOLUME.finditer(clause))
    if volumes:
        volume = volumes[-1]
    elif REFERS_BACK.match(context.text):
        before = _sentence_before(context, same_paragraph=True)
        clause = before.text if before else ""
        volume = next(reversed(list(VOLUME.finditer(clause))), None)
    if volume is None or not MARKET_NOT_NAMED.search(clause[:volume.start()]):
        return None  # the volume of the market, not a company's
    after = YEAR_RIGHT_AFTER.match(clause[volume.end():])
    years = years_in(after.group(0)) if after else years_in(clause[:volume.start()])[-1:]
    if not years:
        return None
    return years[0][0], f"Year {years[0][0]} read from the market's volume stated with the value ('{volume.group(0)}')"


def _that_year(context: _Context) -> tuple[int, str] | None:
    """'Our forecasts for the kelp market by 2040:' then '- it should be worth USD 9 billion by that year': 'that
    year' right after an amount is the one year its sentence prints before it ('continue through 2040, ... reaching
    USD 9 billion by that year'), else, with none printed there, the one year the sentence right before prints (in its
    section: a list item's is the line above the list)."""
    that_year = THAT_YEAR_AFTER.match(context.after)
    if that_year is None:
        return None
    years, where = {year for year, _ in years_in(context.text[:context.figure.start])}, "its sentence"
    if not years:
        before = _sentence_before(context)
        years, where = ({year for year, _ in years_in(before.text)} if before else set()), "the sentence before"
    if len(years) != 1:
        return None
    year = years.pop()
    return year, f"Year {year} read from {where} ('{that_year.group(0).strip(' ,')}')"


def _opening_period_year(context: _Context) -> int | str | None:
    """'Between 2010 and 2020, the market grew from $2 billion to $5 billion': the opening period's
    years are the years of the two amounts grown from one to the other, in order. An amount grown 'from' after an
    opening period, without that pairing and with no year after it, has no year stated (the period's start would be
    a guess): a reason. None when no opening period concerns the amount."""
    opening = OPENING_PERIOD.match(context.text)
    span = year_range(opening.group("period")) if opening else None
    if span is None:
        return None
    paired = _amounts_from_to(context.text)
    if paired and not years_in(context.text[opening.end():]):
        return span[0] if context.figure.start == paired[0].start else span[1]
    if (paired or FROM_BEFORE.search(context.before)) and not years_in(_clause_after(context)):
        return (f"year unclear: an amount grown 'from' after the period '{opening.group('period')}', not paired "
                "with its years")
    return None


def _period_after_amounts_from_to(context: _Context) -> tuple[int, str] | None:
    """'revenue is set to rise from $2 billion to $5 billion between 2010 and 2020': the period printed right after the
    two amounts joined 'from A to B' gives its years, in order, to them (as a period opening the sentence does), so the
    first amount is not given the period's start as the year printed after the second. None when no such period."""
    paired = _amounts_from_to(context.text)
    period = PERIOD_RIGHT_AFTER.match(context.text[paired[1].end:]) if paired else None
    span = year_range(period.group(0)) if period else None
    if span is None:
        return None
    year = span[0] if context.figure.start == paired[0].start else span[1]
    return year, f"Year {year} read from the period printed after the two amounts ('{period.group(0).strip(' ,')}')"


def _amounts_from_to(text: str) -> tuple[Figure, Figure] | None:
    """The sentence's two amounts when they are its only ones and are joined 'from A to B'."""
    amounts = [figure for figure in find_figures(text) if figure.kind == "money"]
    if len(amounts) != 2 or not FROM_BEFORE.search(text[:amounts[0].start]):
        return None
    return (amounts[0], amounts[1]) if TO_BETWEEN.fullmatch(text[amounts[0].end:amounts[1].start]) else None


def _clause_after(context: _Context) -> str:
    """The text after a figure up to a dash or semicolon that opens another clause ('USD 0.21 billion on kelp
    fertilizer -- in 2022 the market had grown to USD 0.47 billion': 2022 is the next figure's year); a dash before a
    year alone ('USD 5 billion - 2024') does not open a clause."""
    after = _after_conversion(context)
    before_break, *rest = CLAUSE_BREAK.split(after, maxsplit=1)
    return before_break if rest and re.search(r"[A-Za-z]{3,}", rest[0]) else after


def _after_conversion(context: _Context) -> str:
    """'$3.1 billion (€2.8 billion) by 2034': the amount in another currency, in parentheses right after it, is the
    same amount converted; the text after the parenthesis (to the next figure) is what follows the amount."""
    figures = find_figures(context.text)
    converted = next((figure for figure in figures if figure.start == context.next_start), None)
    close = CONVERSION_CLOSE.match(context.text, converted.end) if converted else None
    if (close is None or not CONVERSION_OPEN.fullmatch(context.after) or converted.kind != "money"
            or converted.currency == context.figure.currency):
        return context.after
    return context.text[close.end():next((figure.start for figure in figures if figure.start >= close.end()),
                                         len(context.text))]


def _printed_year_nearer(context: _Context) -> bool:
    """'last year's market back in 2017 was $3.7 billion': a year printed between the relative wording and the
    amount, or right after the amount ('by 2023'; also before a relative wording later in the sentence, '$1.6bn
    worldwide by 2022, double the value forecast this year'), is the amount's year."""
    relative_after = RELATIVE_YEAR.search(context.after)
    if relative_after and YEAR_RIGHT_AFTER.match(WORLD_WORD_AFTER.sub("", context.after[:relative_after.start()])):
        return True  # '$1.6bn worldwide by 2022, almost double the value forecast this year': 2022 is the amount's
    relative = None if relative_after else list(RELATIVE_YEAR.finditer(context.before))
    if relative and YEAR_RIGHT_AFTER.match(context.after):
        return True  # 'reach $X this year and grow to $Y by 2023': 'this year' is $X's, 2023 is $Y's
    return bool(relative) and any(position >= relative[-1].end() for _, position in years_in(context.before))


def _row_label(context: _Context) -> str:
    """A statistics row states its year in its label: 'Market Size (2024) | USD 15.32 Billion'."""
    return context.text[:context.figure.start] if context.sentence.kind == "row" else ""


def _relative_year(context: _Context, extraction: Extraction) -> tuple[int, str] | str | None:
    nearby = RELATIVE_YEAR.search(context.after) or RELATIVE_YEAR.search(context.before)
    if not nearby:
        return None
    wording = nearby.group(0)
    published: date | None = context.page.published_on
    if published is None:
        extraction.relative_dates.append((wording, context.sentence, "not resolved: the page states no date"))
        return f"year unclear: '{wording}' and the page states no date to resolve it against"
    offset = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(wording.split()[-2].lower(), 0)
    year = published.year + offset
    extraction.relative_dates.append((wording, context.sentence, f"read as {year} (page dated {published})"))
    return year, f"'{wording}' read as {year} (page dated {published})"


def _other_market(context: _Context) -> str:
    """The named market of the clause when it is not the page's market ('the originator biologics market',
    'the market size for originator biologics', a market said to include the title's)."""
    clause = spelled_out(context.text[:context.figure.start], context.page)
    title = title_spelled_out(context.page)
    names = [without_regions(name) for name in market_names(clause, title)]  # 'the European market': the market in Europe
    return (market_including_the_title_market(clause, title) or not_the_title_market(names, title)
            or _wider_market(context))


def _wider_market(context: _Context) -> str:
    """A 'broader' or 'wider' market the figure's clause names, if the title does not name it ('..., with the broader
    antithrombotic sector reaching $46.2B by 2028 at 7.9% CAGR' on an anticoagulant page); '' when none."""
    wider = WIDER_MARKET.search(context.text[:context.figure.start])
    return not_the_title_market([wider.group("what")], title_spelled_out(context.page)) if wider else ""


def _referred_market(context: _Context) -> str:
    """'The market is expected to grow ...' after sentences about another market in the same paragraph (the whole
    farm irrigation sector on a farm irrigation controllers page): 'the market' is the market last named, which is not surely the
    title's when its name is another market or has only some of the title market's words."""
    sentence, title = context.sentence, title_spelled_out(context.page)
    if not BARE_MARKET_SUBJECT.match(context.text):
        return ""
    earlier = [s for s in context.page.sentences if s.section == sentence.section and s.paragraph == sentence.paragraph
               and s.number < sentence.number]
    for before in reversed(earlier):
        named = [name for name in market_names(before.text, title) if name_words(name, title)]
        if named:
            fewer = [name for name in named if fewer_than_title(name, title_market_words(title), title)]
            other = not_the_title_market(named, title) or (fewer[-1].strip() + " market" if fewer == named else "")
            return other
    return ""


def _region_before(context: _Context) -> RegionMention | None:
    """The region a figure is stated for: the last one named in its clause before it, else the region of the
    figure just before it in the sentence ('The U.S. market ... from USD 2.09 Billion in 2025 to USD 10.28 Billion');
    but not after 'followed by' ('The US accounts for 44%, followed by the UK at 14%': the 14% is the UK's)."""
    after = _region_after(context)
    if after is not None:
        return None if after.region_id == "WORLD" else after
    candidates = _regions_in_clause(context)
    if not candidates:
        return None if FOLLOWED_BY.search(context.before) else context.last_placed_region
    region = candidates[-1]
    return None if region.region_id == "WORLD" else region


def _regions_in_clause(context: _Context) -> list[RegionMention]:
    """The regions named in the figure's clause before it ('the global market' names none), from where its subject
    starts: after the reporter ('The Kelp Growers Association of Chile reported that the world market for kelp was
    ...') and after what drives the market ('Kelp farms, especially across Chile and Peru, pushed the market to')."""
    lead = REPORTED_WORLD_MARKET.search(context.before) or MARKET_PUSHED_TO.search(context.before)
    start = context.previous_end + (lead.end() if lead else 0)
    return [m for m in context.mentions if start <= m.start < context.figure.start
            and not _is_the_global_market(m, context.text) and not PEOPLE_IN_REGIONS.search(context.text[start:m.start])]


def _region_after(context: _Context) -> RegionMention | None:
    """'USD 58 billion in the US, rising to ...': a region named right after the amount ('in / across (the)
    REGION') is the amount's region."""
    lead = REGION_AFTER.match(context.after)
    if lead is None:
        return None
    start = context.figure.end + lead.end()
    return next((m for m in context.mentions if m.start == start and not _is_the_global_market(m, context.text)), None)


def _joint_regions(context: _Context) -> str:
    """The regions a figure is stated for together ('Europe and North America together held 52%'), joined by
    'and' / ',' / '&' just before it in its clause; '' when the figure is one region's (or the world's)."""
    candidates = _regions_in_clause(context)
    if len(candidates) < 2 or candidates[-1].region_id == "WORLD":
        return ""
    joint = [candidates[-1]]
    for earlier in reversed(candidates[:-1]):
        if not JOINED_REGIONS.fullmatch(context.text[earlier.end:joint[0].start]):
            break
        joint.insert(0, earlier)
    if len({m.region_id or m.label for m in joint}) < 2:
        return ""
    return " and ".join(m.label for m in joint)


def _second_of_joint_regions(context: _Context) -> str:
    """'followed by Peru and Chile at 3.1% and 4.6%': the rate right after the joint regions' one, joined by 'and' (or
    a comma), is one of theirs too (paired without 'respectively'), not the world's; '' otherwise."""
    if not context.earlier or not re.fullmatch(r"\s*(?:,|and|&)\s*", context.before):
        return ""
    previous_end = context.earlier[-2].end if len(context.earlier) > 1 else 0
    return _joint_regions(replace(context, figure=context.earlier[-1], previous_end=previous_end,
                                  next_start=context.figure.start, earlier=context.earlier[:-1]))


def _is_the_global_market(mention: RegionMention, text: str) -> bool:
    """'North America dominated the global market with 35% share': 'global' names the market, not the region;
    'China, the world's second biggest economy, ...' or 'Asia is the largest kelp market in the world, at ...': a
    ranking among the world's, not the world's figure."""
    return mention.region_id == "WORLD" and (GLOBAL_WHOLE.match(text[mention.end:]) is not None
                                             or WORLD_RANKING.match(text[mention.end:]) is not None
                                             or RANKED_IN_THE_WORLD.search(text[:mention.start]) is not None)


def _is_cagr(context: _Context) -> bool:
    window = context.text[max(context.previous_end, context.figure.start - 80):context.figure.start]
    if CAGR_CUE.search(window) and "share" not in window.lower().split(" cagr")[-1]:
        return True
    if re.match(r"^\W{0,3}(?:CAGR|compound annual)", context.after, re.IGNORECASE):
        return True
    if GROWTH_BY.search(context.before) and (PER_YEAR_AFTER.match(context.after) or _grown_by_after_its_size(context)):
        return True  # 'spending will grow by 7.4% per year (CAGR 2024-2029)'
    if GROWTH_RATE_BEFORE.search(context.before) and (PERIOD_RIGHT_AFTER.match(context.after)
                                                      or REACH_AMOUNT_AFTER.match(context.text[context.figure.end:])):
        return True  # 'a growth rate of 12% from 2024 to 2031', 'a growth rate of 18% to reach $3 billion by 2031'
    if ANNUAL_GROWTH_RATE_AFTER.match(context.after) or _grown_at_an_annual_rate(context):
        return True  # 'the kelp market projects a 3.6% annual growth rate', 'growing at a steady 6.4% annual rate'
    if _growth_rate_of_forecast(context) or _growth_rate_row(context):
        return True  # 'USD 5 billion by 2030 with growth rate of 9%', a row 'Growth Rate | 7.00%'
    if AVERAGE_RATE_AFTER_SIZE.search(context.before) and context.last_placed_metric == "market_size":
        return True  # 'grow to USD 9 billion by 2030 at an average rate of 6%'
    return bool(context.earlier) and _continues_cagr(context)


def _grown_by_after_its_size(context: _Context) -> bool:
    """'The kelp market was valued at USD 3.2 billion in 2018 and is expected to expand by 6.4% over the forecast
    period': grown by a rate over the forecast period, right after the size drafted in its sentence."""
    return context.last_placed_metric == "market_size" and OVER_THE_FORECAST_PERIOD.match(context.after) is not None


def _is_cagr_on_the_page(context: _Context, extraction: Extraction) -> bool:
    """A CAGR by its own sentence's words, or by the CAGR or sizes drafted from the sentence before ('this rate')."""
    return (_is_cagr(context) or _rate_of_the_cagr_before(context, extraction)
            or _growth_rate_of_the_sizes_before(context, extraction))


def _growth_rate_of_the_sizes_before(context: _Context, extraction: Extraction) -> bool:
    """'... valued at USD 1.8 billion in 2023, with projections of USD 10.5 billion by 2032. This remarkable growth
    rate of approximately 21.5% is propelled by ...': the growth rate opening a sentence right after one (in its
    paragraph) whose world sizes of two years were drafted is the rate of that growth."""
    before = _sentence_before(context, same_paragraph=True)
    return (THIS_GROWTH_RATE.match(context.text[:context.figure.start]) is not None
            and len(world_size_years(extraction.claims, before)) > 1)


def world_size_years(claims: list[Claim], sentence: Sentence | None) -> list[int]:
    """The years of the world sizes drafted from one sentence, earliest first (also read by the review flags)."""
    return sorted({claim.year for claim in claims if claim.metric == "market_size" and claim.region_id == "WORLD"
                   and claim.sentence is sentence and claim.year is not None})


def _rate_of_the_cagr_before(context: _Context, extraction: Extraction) -> bool:
    """'... growing at a CAGR of 13.9%. And by 2028, this rate could reach 14.4% to 16.3%': 'this rate' is the world
    CAGR drafted from the sentence right before, in the same paragraph."""
    before = _sentence_before(context, same_paragraph=True)
    return THIS_RATE.search(context.before) is not None and before is not None and any(
        claim.metric == "cagr" and claim.region_id == "WORLD" and claim.sentence is before for claim in extraction.claims)


def _grown_at_an_annual_rate(context: _Context) -> bool:
    """'the tidefern market is growing at a steady 6.4% annual rate': the rate the market grows at a year, worded
    without 'growth' or 'compound'; the growth verb must stand right before it."""
    return ANNUAL_RATE_AFTER.match(context.after) is not None and GROWING_AT_BEFORE.search(context.before) is not None


def _growth_rate_of_forecast(context: _Context) -> bool:
    """'... USD 5 billion by 2030 with growth rate of 9%.': a bare growth rate right after the size drafted for a
    forecast year ('by YEAR') is the rate the market grows at to that year; with a year of its own after it ('a
    growth rate of 9% in 2024') it may be one year's."""
    return (GROWTH_RATE_WITH.search(context.before) is not None and context.last_placed_metric == "market_size"
            and FORECAST_YEAR.search(context.before) is not None and not years_in(_clause_after(context)))


def _growth_rate_row(context: _Context) -> bool:
    """A key-facts row 'Growth Rate | 7.00%' (a report page's summary box): the market's growth rate, worded without
    'CAGR'; a row naming a year ('Growth Rate 2024 | 5%') may be one year's and is left alone."""
    return context.sentence.kind == "row" and GROWTH_RATE_ROW.match(context.text[:context.figure.start]) is not None


def _continues_cagr(context: _Context) -> bool:
    """'a CAGR of 6.1% from 2018 to 2023 and 8.4% from 2024 to 2030': the second is a CAGR too. Only a rate right
    after a rate: in 'a CAGR of 3% to $2 billion by 2030, with a rise of 4% in 2030 alone' the amount between
    them ends the CAGR's clause, and the rate after it is another's (one year's)."""
    previous = context.earlier[-1]
    if previous.kind != "percent":
        return False
    between = context.text[previous.end:context.figure.start]
    cue_before = CAGR_CUE.search(context.text[max(0, previous.start - 80):previous.start])
    return bool(cue_before) and len(between) < 60 and "share" not in between.lower() and not SHARE_BEFORE.search(between)


def _place_cagr(context: _Context, extraction: Extraction) -> Claim | str:
    if (SEGMENT_CUE.search(context.text[:context.figure.start]) or SEGMENT_AFTER.match(context.text[context.figure.end:])
            or _subject_is_a_part(context)):
        return "a segment's CAGR: segments are not placed automatically"
    if _market_of_a_segment(context):
        return _SEGMENT_BEFORE
    figure = context.figure
    unsigned = all(value is None or value >= 0 for value in (figure.value, figure.low, figure.high))
    if unsigned and DECLINE_CUE.search(context.text[max(context.previous_end, figure.start - 80):figure.start]):
        return ("a decline worded beside a CAGR printed without a minus sign ('declining at a CAGR of x%'): "
                "the sign is not printed; enter it by hand after review")
    if RESPECTIVELY.search(context.text[figure.end:]):
        return _PAIRED
    of_another = _cagr_of_something_else(context)
    if of_another:
        return of_another
    if not (_names_a_size(context, extraction) or _rate_of_the_size_pointed_back(context, extraction)):
        if any(other.kind == "money" for other in find_figures(context.text)):
            return "a CAGR beside an amount in a sentence that names no market (a product's or a segment's?)"
        subject = _other_subject(context)
        if subject:
            return f"the CAGR of the sentence's subject ('{subject}'), which names no market the page title names"
    subject = _subject_under_no_page_market(context)
    if subject:
        return (f"the CAGR of the sentence's subject ('{subject}'): the page title names no market and the text's "
                "figures name several")
    problem, region = _scope_of(context)
    if problem:
        return problem
    claim = Claim("cagr", context.figure, context.sentence, region.label if region else "(market as a whole)",
                  region.region_id if region else "WORLD", market_reason=_market_reason(context, extraction))
    _set_period(claim, context, extraction)
    return _within_the_warehouse_years(claim)


def _rate_of_the_size_pointed_back(context: _Context, extraction: Extraction) -> bool:
    """'Analysts predict this figure will reach $85 billion by 2025, showcasing a CAGR of around 8%': the world size
    drafted from the rate's own sentence, before it, through what points back to the sentence before, is the
    market's, and so is the rate beside it (its sentence names no market of its own)."""
    return any(claim.metric == "market_size" and claim.region_id == "WORLD" and claim.sentence is context.sentence
               and claim.market_reason for claim in extraction.claims)


def _within_the_warehouse_years(claim: Claim) -> Claim | str:
    """'Growth (1960 – 2008) CAGR 1.5%': a rate of a period starting before the first year the warehouse holds is
    listed as not placed (its draft would fail the seed check), not drafted without the period printed beside it."""
    if claim.period_start is not None and claim.period_start < FIRST_YEAR:
        return f"a CAGR of a period ('{claim.period_text}') starting before {FIRST_YEAR}, the first year the warehouse holds"
    return claim


def _cagr_of_something_else(context: _Context) -> str:
    """Why a CAGR is not the rate of the market's value: the CAGR of something named, of the revenue of or the
    demand for something the title does not name, or of the market's volume; '' when none."""
    of_other = CAGR_OF_OTHER.search(context.before)
    if of_other and not MARKET_ITSELF.search(of_other.group("what")):
        return f"the CAGR of something named ('{of_other.group('what').strip()}'), not of the market"
    revenue_of = _revenue_of_another(context)
    if revenue_of:
        return f"the CAGR of the revenue of '{revenue_of}', which the page title does not name"
    demand_for = _demand_for_another(context)
    if demand_for:
        return f"the CAGR of demand for '{demand_for}', which the page title does not name"
    not_of_the_value = _rate_of_volume_or_price(context)
    if not_of_the_value:
        return not_of_the_value
    if FASTEST_GROWTH.search(context.text[:context.figure.start]) and _region_before(context) is None:
        return "the CAGR of what grows fastest, a part of the market (a segment's?), not of the market"
    wider = _wider_market(context)
    if wider:
        return f"the CAGR of a wider market ('{wider}'), which the page title does not name"
    rate_in = _rate_in_another(context)
    if rate_in:
        return f"the CAGR of '{rate_in}' (printed right after it), which the page title does not name"
    return ""


def _rate_in_another(context: _Context) -> str:
    """'a healthy CAGR of 4.7% in air passenger traffic during 2017-2036' on an aircraft composites page: the rate of
    something the title does not name; '' for time, value or region words ('in the forecast period', 'in value'),
    unless a market named after them is another's ('a 12% CAGR increase in the market for sea kelp')."""
    rate_in = RATE_IN_OTHER.match(context.after)
    if rate_in is None or TIME_WORDS.search(rate_in.group("what")):
        return _rate_in_another_market(context)
    what = without_regions(rate_in.group("what"))
    words = name_words(what, context.page.title)
    return what.strip() if words and not named_by_title(words, context.page.title.lower()) else ""


def _rate_in_another_market(context: _Context) -> str:
    """'a 12% CAGR increase in the market for sea kelp' on a page whose title does not name sea kelp: the rate of the
    market named right after it; '' when the title names it."""
    market_for = RATE_IN_MARKET_FOR.match(context.after)
    if market_for is None:
        return ""
    return not_the_title_market([market_for.group("what")], title_spelled_out(context.page)).removesuffix(" market")


def _rate_of_volume(context: _Context) -> bool:
    """'a CAGR of 2% in volume and 4% in value', 'In volume terms, the market grows at 2% CAGR', 'a CAGR of 2%, which
    brings the market volume to 9M units' (the volume a rate takes the market to, no amount of money in the sentence):
    the rate the volume grows at."""
    if VOLUME_RATE_AFTER.match(context.after) or VOLUME_SUBJECT.search(context.text[:context.figure.start]):
        return True
    if VOLUME_CLAUSE.search(context.before):  # the rate's own clause, after the figure before it
        return True
    if VOLUME_OPENING.match(context.text) and not VALUE_WORD.search(context.text[:context.figure.start]):
        return True
    rest = context.text[context.figure.end:]
    # '... up from 4.4ZB in 2013 representing a CAGR of 40%': the rate right after a volume's figures, no money printed
    volume_rate = any(VOLUME_TO.search(rest[:volume.start()]) for volume in VOLUME.finditer(rest)) or VOLUME.search(
        context.before)
    return bool(volume_rate) and not any(figure.kind == "money" for figure in find_figures(context.text))


def _rate_of_volume_or_price(context: _Context) -> str:
    """Why a rate is not of the market's value: it is of its volume, or of a price; '' when neither."""
    if _rate_of_volume(context):
        return "a CAGR of the market's volume (units, tonnes), not of its value"
    if _rate_of_a_price(context):
        return "the rate of a price (an average selling price), not of the market's value"
    return ""


def _rate_of_a_price(context: _Context) -> bool:
    """'The ASP for kelp lamps is projected to drop by a CAGR of -2.0% between 2017-2022, compared to a -4.7% annual
    rate of decline between 2012-2017': the rates after a price opening the sentence (or a clause) are the price's, as
    long as no market, revenue or sales is named between them ('prices fall, while the market grows at 4%')."""
    clause = _reported_clause(context.text[:context.figure.start])
    price = PRICE_SUBJECT.search(clause)
    return price is not None and not re.search(r"\b(?:markets?|industry|sector|revenues?|sales)\b", clause[price.end():],
                                               re.IGNORECASE)


def _revenue_of_another(context: _Context) -> str:
    """'while kelp snack revenue will grow at a 3% CAGR' on a kelp fertilizer page: the revenue of something the
    title does not name (a part of the market or another one); '' when what it is of is the title's, a region or
    the market itself ('global revenue')."""
    revenue = REVENUE_SUBJECT.search(context.before)
    if revenue is None:
        return ""
    what = without_regions(MARKET_NAME_START.split(CONJUNCTION.split(revenue.group("what"))[-1])[-1])
    title = title_spelled_out(context.page)
    words = name_words(what, title)
    return what.strip() if words and not named_by_title(words, title.lower()) else ""


def _demand_for_another(context: _Context) -> str:
    """'Demand for all kinds of farm equipment should grow 4% a year' on a kelp harvester page: the demand for
    something the title does not name (a wider market); '' when the title names it, or when a market is the
    subject of the rate's clause ('demand for kelp is rising, and the market should grow at 4%'), or when it is for
    the ones just named ('demand for these products')."""
    demand = DEMAND_SUBJECT.search(context.text[:context.figure.start])
    if demand is None or MARKET_NOT_NAMED.search(context.text[demand.end("what"):context.figure.start]):
        return ""
    what = JUST_NAMED.sub("", MARKET_NAME_START.split(demand.group("what"))[-1])
    title = title_spelled_out(context.page)
    words = name_words(what, title)
    return what.strip() if words and not named_by_title(words, title.lower()) else ""


def _reported_clause(text: str) -> str:
    """A sentence without who reports it: 'Kelpwatch reported that kelp snacks grew ...' -> 'kelp snacks grew ...';
    'Kelp snacks, according to Kelpwatch, grew ...' -> 'Kelp snacks grew ...'."""
    lead = REPORTED_LEAD.match(text)
    return INSERTED_SOURCE.sub(" ", text[lead.end():] if lead else text, count=1)


def _other_subject(context: _Context) -> str:
    """'The global seaweed harvest is projected to ...' on a kelp fertilizer market page, in a sentence that names no
    market, or 'Kelpwatch reported that kelp snacks grew ...' (the subject of what is reported): its subject is something
    the title does not name (most of its words are not the title's); or a statistics row's label naming no market
    ('Franchise barber projection (2033) | Global | $42.1B' on a barber shop market page)."""
    if context.sentence.kind == "row" and not MARKET_NOT_NAMED.search(_row_label(context)):
        return _row_subject(context)
    subject = THE_SUBJECT.match(_reported_clause(context.text))
    if subject is None or SUBJECT_OF_THE_MARKET.search(subject.group("what")) or SPEAKER.fullmatch(subject.group("what")):
        return ""
    what = without_regions(subject.group("what"))  # 'Europe is expected to register ...': a region, not a product
    words = name_words(what, context.page.title)
    return subject.group("what").strip() if words and not named_by_title(words, context.page.title.lower()) else ""


def _subject_under_no_page_market(context: _Context) -> str:
    """'Mobile shredding services, according to X, was valued at $2.82 billion and is projected to grow 4.11% per
    year' under 'Common Methods Of Disposing Of Documents', whose text gives figures of several markets: a sentence
    naming no market, with a subject of its own, is of its subject; nothing stands for the page's market ('' when the
    title names one, the text's figures name one, or the sentence names a market or has no subject of its own)."""
    if MARKET_NOT_NAMED.search(_reported_clause(context.text)) or not several_markets_under_no_title_market(context.page):
        return ""
    return _other_subject(context)


def _row_subject(context: _Context) -> str:
    """The label of a statistics row (its first cell with words, not a region's) when it names something the title
    does not (most of its words, besides what the figure measures, are not the title's); '' otherwise."""
    cells = [cell.strip() for cell in _row_label(context).split("|")]
    label = next((cell for cell in cells if re.search(r"[A-Za-z]{3,}", without_regions(cell))), "")
    words = name_words(ROW_MEASURE_WORDS.sub(" ", label), context.page.title)
    return label if words and not named_by_title(words, context.page.title.lower()) else ""


def _set_period(claim: Claim, context: _Context, extraction: Extraction) -> None:
    after = SOURCE_CITATION.split(_rate_clause_after(context))[0]
    period = (_range_after(after) or _label_period(context) or _period_before(context)
              or _period_before_the_cagr(context) or _period_after_the_amount(context))
    if period:
        claim.period_start, claim.period_end, claim.period_text = period
        return
    end_before = _end_before(context)
    if end_before:
        claim.period_end, claim.period_text = end_before
        return
    since = _from_year_to_size_year(context) or _from_size_year_until(context) or _growth_of_one_year(context)
    if since:
        claim.period_start, claim.period_end, claim.period_text = since
        return
    start = FROM_YEAR_AFTER.match(after)
    if start:  # 'an annual growth rate of 4.4% starting from 2022': the start alone, its end not printed
        claim.period_start, claim.period_text = int(start.group("year")), start.group(0).strip(" ,")
        return
    open_end = OPEN_END.search(after)
    if open_end and not FORECAST_PERIOD.search(after):  # '... in the forecast period with a CAGR of 8% through 2028'
        _set_open_end(claim, context, open_end)
        return
    if FORECAST_PERIOD.search(after) or FORECAST_PERIOD.search(context.before):
        claim.period_start, claim.period_end, claim.period_text = _forecast_years(context, extraction, after)
        return
    if open_end:
        _set_open_end(claim, context, open_end)
        return
    upcoming = NEXT_YEARS.search(after)
    claim.period_text = upcoming.group(0) if upcoming else ""


def _rate_clause_after(context: _Context) -> str:
    """The text after a rate up to a concession ('..., although that was helped by the 2008-2009 recovery'), whose
    years are another clause's, not the rate's period."""
    return CONCESSION.split(context.after)[0]


def _set_open_end(claim: Claim, context: _Context, open_end: re.Match) -> None:
    """The end a rate runs until ('a rate of 6.5% until 2030'); and its start, when a period ending that same year is
    printed earlier in the sentence ('the growth of the kelp market from 2022 to 2030, the market will grow at a rate
    of 6.5% until 2030')."""
    claim.period_end, claim.period_text = int(open_end.group("year")), open_end.group(0)
    earlier = year_range(context.text[:context.figure.start])
    if earlier and earlier[1] == claim.period_end:
        claim.period_start, claim.period_text = earlier[0], f"{earlier[2]} ... {open_end.group(0)}"


def _label_period(context: _Context) -> tuple[int, int, str] | None:
    """The period of the label before a rate: a row's ('CAGR (2024 - 2029) | 12.78 %') or a line's ('Market CAGR
    (2026-2030): 4.6%'). Not a forecast's span in the page title: its 'Forecast 2025-2034 | 4.5% CAGR' is the report's."""
    in_title = context.sentence.section == "(title)" or context.text == context.page.title
    if in_title and FORECAST_SPAN.search(context.before):
        return None
    label = LABEL_PERIOD.search(context.before)
    return (year_range(context.before) if context.sentence.kind == "row" else None) or (
        year_range(label.group("period")) if label else None)


def _end_before(context: _Context) -> tuple[int, str] | None:
    """The end year printed before a rate: 'the CAGR through 2030 at 4%', or a sentence opening 'By 2032, the market
    is expected to grow at a 7.5% CAGR' (the rate its first figure)."""
    through = CAGR_THROUGH.search(context.before)
    if through:
        return int(through.group("year")), through.group("end")
    opening = OPENING_BY.match(context.text) or EXPECTED_BY.match(context.text) or END_WITH_RATE.search(context.before)
    return (int(opening.group("year")), opening.group(0).strip(" ,")) if opening and not context.earlier else None


def _range_after(after: str) -> tuple[int, int, str] | None:
    """The period printed after a rate; but not a period printed after the end the rate is stated to ('grow 4% a year
    through 2030, recovering from the slump of 2019-2021'), which is another clause's (unless it ends that year)."""
    span = year_range(after)
    open_end = OPEN_END.search(after)
    if span and open_end and open_end.end() <= after.find(span[2]) and int(open_end.group("year")) != span[1]:
        return None
    return span


def _forecast_years(context: _Context, extraction: Extraction, after: str) -> tuple[int | None, int | None, str]:
    """The years of 'the forecast period' a CAGR is stated for: a period printed in its sentence ('grow ... during
    2019-2023, ... the forecast period'); else the start printed after it ('over the forecast period starting from
    2024': its end is not printed); else the page's forecast period. The span of a report's title the sentence is
    reported from ('According to Kelp Market: ... Forecast (2023-2029), ...') is no period printed for the rate."""
    own = year_range(REPORT_TITLE_SPAN.sub("", context.text))
    start = FORECAST_START.search(after)
    if start and own is None:
        return int(start.group("year")), None, start.group(0)
    period = own or extraction.forecast_period
    if own is None and _title_span_unlike_the_years(context, extraction):
        return None, None, "during the forecast period (the page title's span is not the years printed with it)"
    return (period[0], period[1], "during the forecast period") if period else (None, None, "during the forecast period")


def _title_span_unlike_the_years(context: _Context, extraction: Extraction) -> bool:
    """'... Market Forecast 2024-2033' over 'valued at US$ 5.6 billion in 2022 and ... US$ 12.8 billion by 2032, at a
    CAGR of 7.9% during the forecast period': the page's forecast period is only the title's span (the text prints
    none) and the rate's sentence prints years outside it, so the span is the report's, not surely the rate's."""
    span = extraction.forecast_period
    if span is None or span != extraction.title_period:
        return False
    return any(not span[0] <= year <= span[1] for year, _ in years_in(context.text))


def _from_year_to_size_year(context: _Context) -> tuple[int, int, str] | None:
    """'... will reach USD 9 billion by 2030, a CAGR of 7% from 2024': the period starts at the year printed right after
    the CAGR and ends at the year of the one amount before it in the sentence ('by YEAR'), if later."""
    start = FROM_YEAR_AFTER.match(context.after)
    amounts = [figure for figure in context.earlier if figure.kind == "money"]
    if start is None or len(amounts) != 1:
        return None
    end = YEAR_RIGHT_AFTER.match(context.text[amounts[0].end:])
    years = [year for year, _ in years_in(end.group(0))] if end and end.group(0).strip().lower().startswith("by") else []
    if len(years) != 1 or years[0] <= int(start.group("year")):
        return None
    return int(start.group("year")), years[0], f"{start.group(0).strip()} (to the amount's {years[0]})"


def _growth_of_one_year(context: _Context) -> tuple[int, int, str] | None:
    """'grow from $2.1 billion in 2024 to $2.3 billion in 2025 at a compound annual growth rate (CAGR) of 9.5%': a
    rate right after two amounts one year apart, grown from the one to the other, is the growth of that year, whose
    two years are printed (amounts further apart, 'by 2030', give the rate no period here)."""
    amounts = [figure for figure in context.earlier if figure.kind == "money"]
    second = ONE_YEAR_ON.match(context.before) if len(amounts) == 2 and context.earlier[-1] is amounts[1] else None
    first = ONE_YEAR_FROM.fullmatch(context.text[amounts[0].end:amounts[1].start]) if second else None
    start = int(first.group("year")) if first and FROM_BEFORE.search(context.text[:amounts[0].start]) else None
    if start is None or int(second.group("year")) != start + 1:
        return None
    return start, start + 1, f"from {start} to {start + 1} (the two amounts' years)"


def _from_size_year_until(context: _Context) -> tuple[int, int, str] | None:
    """'... reach USD 9 billion in 2025 and grow at a CAGR of 6% from there until 2034': the period starts at the year
    of the one amount before the rate in the sentence and ends at the year printed after 'from there'."""
    until = FROM_THERE_AFTER.match(context.after)
    amounts = [figure for figure in context.earlier if figure.kind == "money"]
    if until is None or len(amounts) != 1:
        return None
    start = YEAR_RIGHT_AFTER.match(context.text[amounts[0].end:])
    years = [year for year, _ in years_in(start.group(0))] if start else []
    if len(years) != 1 or years[0] >= int(until.group("year")):
        return None
    return years[0], int(until.group("year")), f"(from the amount's {years[0]}) {until.group(0).strip(' ,')}"


def _period_after_the_amount(context: _Context) -> tuple[int | None, int, str] | None:
    """'grow at a CAGR of 3% to $2 billion over the five years to 2030' (or 'between 2025 and 2030'): the period
    printed right after the amount the rate grows the market to is the rate's; 'over the N years to YEAR' prints
    only its end."""
    if not TO_AMOUNT_AFTER.match(context.after):
        return None
    amount = next((figure for figure in find_figures(context.text)
                   if figure.start == context.next_start and figure.kind == "money"), None)
    if amount is None:
        return None
    rest = context.text[amount.end:]
    period = PERIOD_RIGHT_AFTER.match(rest)
    if period:
        return year_range(period.group(0))
    years_to = YEARS_TO.match(rest)
    return (None, int(years_to.group("year")), years_to.group(0).strip(" ,")) if years_to else None


def _period_before(context: _Context) -> tuple[int, int, str] | None:
    """'From 2019 to 2022, revenue rose at a 9% CAGR': the period opening the sentence is the period of its first figure;
    and of its first rate after amounts of the period's years ('During the forecast period (2022-2030), the market will
    grow from $1 billion in 2022 to $2 billion in 2030, with a CAGR of 9%'), no year printed after the rate; an amount
    of the year before the period is the base it grows from ('It is expected that from 2022 to 2030, the market, which
    was valued at $1 billion in 2021, would grow at a CAGR of 9%')."""
    opening = OPENING_PERIOD.match(context.text)
    span = year_range(opening.group("period")) if opening else None
    if span is None or any(figure.kind != "money" for figure in context.earlier) or years_in(_rate_clause_after(context)):
        return None
    years = [year for year, _ in years_in(context.text[opening.end():context.figure.start])]
    return span if all(span[0] - 1 <= year <= span[1] for year in years) else None


def _period_before_the_cagr(context: _Context) -> tuple[int, int, str] | None:
    """'with a projected 2020-2025 CAGR of 5.1%', 'expand from 2013 to 2019, at a CAGR of around 6 percent': the
    period printed right before the CAGR words is the rate's."""
    period = PERIOD_BEFORE_CAGR.search(context.before)
    if period is None or int(period.group("y1")) >= int(period.group("y2")):
        return None
    return int(period.group("y1")), int(period.group("y2")), period.group("period")


def _breakdown_line(context: _Context) -> str:
    """A label line naming a breakdown by region, then one line per region, 'Oceania: 7%': the line's label ('' when the line is not a
    'LABEL: x%' line under a label line naming a breakdown by region)."""
    line = LIST_LINE.fullmatch(context.text)
    if line is None or context.earlier:
        return ""
    sentence = context.sentence
    earlier = [s for s in context.page.sentences if s.section == sentence.section and s.number < sentence.number]
    for before in reversed(earlier):
        if re.fullmatch(r"\W*", before.text) or LIST_LINE.fullmatch(before.text):
            continue  # a bullet alone, or the line of another region
        return line.group("label") if BREAKDOWN_LABEL.search(before.text) else ""
    return ""


def _breakdown_region(context: _Context) -> RegionMention | None:
    """The region a breakdown line's label is, the whole label ('Rest of World' is none)."""
    label = _breakdown_line(context)
    return next((m for m in context.mentions if label and m.start == 0 and m.end == len(label)
                 and m.region_id != "WORLD"), None)


def _region_run_region(context: _Context) -> RegionMention | None:
    """A line labelled as a regional breakdown that names the market's share and lists each region with its figure
    right after it ('Regional split: Europe 40%, Asia 30% of global share'): the region just before the figure."""
    label = REGION_RUN_LABEL.match(context.text)
    if label is None or not re.search(r"\bshares?\b", context.text, re.IGNORECASE):
        return None
    region = _region_before(context)
    opens_at = context.previous_end if context.earlier else label.end()
    if region is None or region.region_id == "WORLD" or region.start < opens_at:
        return None
    opening, between = context.text[opens_at:region.start], context.text[region.end:context.figure.start]
    return region if re.fullmatch(r"[\s,;]*(?:and\s+)?", opening) and re.fullmatch(r"\s*[:–-]?\s*", between) else None


def _is_share(context: _Context) -> bool:
    if SHARE_OF_OTHER.match(context.text[context.figure.end:]):
        return False  # 'accounts for 35% of clinical trials': a share of something else
    if SHARE_AFTER.search(context.after) or SHARE_BEFORE.search(context.before[-60:]):
        return True
    if GLOBAL_TOTAL_AFTER.match(context.after) and any(figure.kind == "money" for figure in context.earlier):
        return True  # 'China's kelp sales, USD 2 billion, are 20% of the global total'
    run = _respective_run(context)
    if any(figure.start == context.figure.start for figure in run) and _respective_regions(context, run):
        return True  # 'X and Y split the remaining 4% and 3%, respectively'
    if _breakdown_region(context) is not None:
        return True  # a breakdown label line, then 'Oceania: 7%'
    if _region_run_region(context) is not None:
        return True  # 'Regional split: Europe 40%, Asia 30% of the market'
    if _part_in_parentheses(context):
        return True  # 'Most of the sales went to Europe (52%)'
    return bool(context.earlier) and _continues_shares(context)


def _part_in_parentheses(context: _Context) -> bool:
    """'Most of the sales went to Europe (52%) and to Latin America (9%)': a sentence about a part of the market's
    whole (its turnover, sales, ...; not 'the sales of' something), each figure in parentheses right after its region."""
    clause = context.text[:context.figure.start]
    opening = IN_PARENTHESES[0].search(clause)
    region = _region_before(context)
    return (PART_OF_WHOLE.search(clause) is not None and opening is not None and region is not None
            and region.end == opening.start() and IN_PARENTHESES[1].match(context.after) is not None)


def _region_after_opening_share(context: _Context) -> RegionMention | None:
    """'Holding a 41% share in 2026, Asia Pacific buys the most kelp': a share opening the sentence, before the
    comma its year, after it the region it is held by, the subject of the sentence."""
    subject = SUBJECT_AFTER_SHARE.match(context.after)
    if context.earlier or not OPENING_SHARE.match(context.before) or subject is None:
        return None
    if not re.search(r"\bshare\b", context.before + subject.group(0), re.IGNORECASE):
        return None
    start = context.figure.end + subject.end()
    return next((m for m in context.mentions if m.start == start and m.region_id != "WORLD"), None)


def _continues_shares(context: _Context) -> bool:
    """'North America held 41% share, Europe 30% and Asia Pacific at 20%': a region and its figure after a share."""
    return (context.last_placed_metric == "share" and _region_before(context) is not None
            and not CAGR_CUE.search(context.before))


def _respective_run(context: _Context) -> list[Figure]:
    """'X and Y split the remaining 4% and 3%, respectively': the run of figures, joined by 'and' or commas, that the
    'respectively' after this figure closes ([] when there is none)."""
    after = RESPECTIVELY.search(context.text, context.figure.end)
    if after is None:
        return []
    run = [figure for figure in find_figures(context.text) if figure.end <= after.start()]
    for index in range(len(run) - 1, 0, -1):
        if not RESPECTIVE_JOIN.fullmatch(context.text[run[index - 1].end:run[index].start]):
            run = run[index:]
            break
    return run if run and RESPECTIVE_JOIN.fullmatch(context.text[run[-1].end:after.start()]) else []


def _respective_regions(context: _Context, run: list[Figure]) -> list[RegionMention]:
    """The regions joined just before the run, after 'the remaining' ('X and Y split the remaining 4% and 3%,
    respectively'), when there is one for each figure; else []."""
    first = run[0]
    candidates = [m for m in context.mentions if m.start < first.start and not _is_the_global_market(m, context.text)]
    joint = candidates[-1:]
    for earlier in reversed(candidates[:-1]):
        if not JOINED_REGIONS.fullmatch(context.text[earlier.end:joint[0].start]):
            break
        joint.insert(0, earlier)
    if (len(joint) != len(run) or len(run) < 2 or any(m.region_id == "WORLD" for m in joint)
            or not REMAINING.search(context.text[joint[-1].end:first.start])):
        return []
    return joint


def _respective_region(context: _Context) -> RegionMention | str | None:
    """A share's region from a 'respectively' pairing of regions and figures, one for each in order; a reason when a
    'respectively' after the figure cannot be paired so; None when there is no 'respectively' after it, or it
    closes a paired run the figure is not in."""
    if not RESPECTIVELY.search(context.text, context.figure.end):
        return None
    run = _respective_run(context)
    regions = _respective_regions(context, run) if run else []
    if not regions:
        return _PAIRED
    starts = [figure.start for figure in run]
    return regions[starts.index(context.figure.start)] if context.figure.start in starts else None


def _place_share(context: _Context, extraction: Extraction) -> Claim | str:
    respective = _respective_region(context)
    if isinstance(respective, str):
        return respective
    joint = "" if respective else _joint_regions(context)
    if joint:
        return f"a share of several regions together ({joint}): not one region's share"
    if not respective and TOGETHER.search(context.before):
        return "a share of several regions together (worded 'together'): not one region's share"
    if (context.sentence.kind != "row" and not context.text[context.figure.end:].strip()
            and _breakdown_region(context) is None and not MARKET_SHARE_BEFORE.search(context.before)):
        return "a share cut off after the figure (nothing after it, no full stop): of what is not stated"
    region = respective or _region_before(context) or _region_after_opening_share(context)
    if region is None:
        return "region unclear: a share with no region named before it (a segment's or a company's share?)"
    if region.region_id is None:
        return f"region '{region.label}' has no key in seeds/regions.csv"
    if SEGMENT_CUE.search(context.before):
        return "a segment's share: segments are not placed automatically"
    whole = _share_of_the_regions_market(region, context)
    if whole:
        return whole
    other = _other_market(context)
    if other:
        return f"a share held in another market: '{other}' is not the market in the page title"
    claim = Claim("share", context.figure, context.sentence, region.label, region.region_id)
    year = _share_year(context, extraction)
    if isinstance(year, tuple):
        claim.year, claim.resolved_relative = year
    elif PROJECTED.search(context.text) and extraction.forecast_period:
        claim.period_start, claim.period_end = extraction.forecast_period[:2]
        claim.period_text = "projected (no year stated)"
    else:
        claim.period_text = "no year stated"
    return claim


def _share_of_the_regions_market(region: RegionMention, context: _Context) -> str:
    """Why a share is held in a region's market, not the world's: 'the U.K. held the largest share of the European
    market ... with 29.1% share' (a region named as the whole, 'of the European market'); in a sentence naming no world
    whole, the region named before as the market it is in, or a country's share after its paragraph names the region
    it lies in; '' when none."""
    text = context.text
    if REGIONS_MARKET_BEFORE.search(text[:region.start]) and REGIONS_MARKET_AFTER.match(text[region.end:]):
        return f"a share of the {region.label} market, held by a part of it: not the region's share"
    if any(m.region_id == "WORLD" for m in context.mentions):
        return ""
    if _in_the_regions_market(region, context):
        return f"a share within the {region.label} market named before it, held by a part of it: not the region's share"
    parent = _region_of_the_paragraph(region, context)
    return f"a share of {region.label} within the region its paragraph names ({parent}), not of the world market" if (
        parent) else ""


def _in_the_regions_market(region: RegionMention, context: _Context) -> bool:
    """'Demand for kelp chairs in China's office market, where business units, the largest buyers, account for 38%':
    the share's region named before it as the market the share is in ('in China's ... market')."""
    return any(m.region_id == region.region_id and m.end <= context.figure.start
               and IN_REGIONS_MARKET_BEFORE.search(context.text[:m.start]) is not None
               and POSSESSIVE_MARKET_AFTER.match(context.text[m.end:]) is not None for m in context.mentions)


def _region_of_the_paragraph(region: RegionMention, context: _Context) -> str:
    """'... will drive the kelp sector in the Asia-Pacific region. China is expected to keep its market share of almost
    40%': a country's share after the earlier sentences of its paragraph name the region the country lies in, and no
    other (nor does its own sentence), giving it no percentage (no share of its own; not 'Leading Region: North America
    (38%)' then 'Leading Country: United States (30%)'), is of that region's market; the region's key, or ''."""
    parent = REGION_PARENTS.get(region.region_id or "")
    named = _regions_named([*_earlier_in_the_paragraph(context), context.text])
    alone = bool(named) and {region_id for region_id, _ in named} == {parent}
    return parent if alone and not any("%" in text or "percent" in text for _, text in named) else ""


def _regions_named(texts: list[str]) -> list[tuple[str, str]]:
    """The keyed regions wider than a country (Asia-Pacific, Europe) the texts name, each with its text."""
    return [(m.region_id, text) for text in texts for m in region_mentions(text)
            if m.region_id not in (None, "WORLD", *REGION_PARENTS)]


def _earlier_in_the_paragraph(context: _Context) -> list[str]:
    """The sentences of the figure's paragraph before its own."""
    sentence = context.sentence
    return [other.text for other in context.page.sentences if other.section == sentence.section
            and other.paragraph == sentence.paragraph and other.number < sentence.number]


def _share_year(context: _Context, extraction: Extraction) -> tuple[int, str] | None:
    relative = _relative_year(context, extraction)
    if isinstance(relative, tuple):
        return relative
    for text in (context.after, context.before):
        found = [year for year, _ in years_in(text)]
        if found:
            return found[0], ""
    in_sentence = {year for year, _ in years_in(context.text)}  # 'In 2023, NA held 41%, Europe 30% ...'
    return (in_sentence.pop(), "") if len(in_sentence) == 1 else None

