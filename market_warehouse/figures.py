"""The numbers of a sentence as printed: money amounts, percentages, years and periods.

Only what the text says: 'USD 12.5 billion', 'US$ 850 mn', '$1.2B', '$1t', '7-10 %', 'over 8%', 'FY2024', '(2025-2032)'.
The claim grammar (claim_extraction.py, with its wordings in claim_wordings.py) decides what each figure is a
figure of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# 'USD 4,4 billion', '27,8 bn USD', '$56,3-billion': a decimal comma, read only where no thousands separator can be
# meant (one digit after it, a scale word or its short form right after that)
DECIMAL_COMMA = r"\d{1,3},\d(?=(?:\s?|-)(?:trillion|billion|million|tn|bn|mn)\b)"
NUMBER = rf"{DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
CURRENCY_SYMBOLS = {"usd": "USD", "us$": "USD", "us $": "USD", "u.s.$": "USD", "u.s. $": "USD", "$": "USD",
                    "us dollars": "USD", "u.s. dollars": "USD", "usd$": "USD", "eur": "EUR", "€": "EUR", "euro": "EUR",
                    "euros": "EUR",
                    "gbp": "GBP", "£": "GBP", "jpy": "JPY", "¥": "JPY", "inr": "INR", "₹": "INR", "cny": "CNY",
                    "rmb": "CNY", "chf": "CHF", "krw": "KRW", "₩": "KRW", "dollars": "USD",
                    "s$": "SGD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD",
                    "r$": "BRL", "nt$": "TWD"}
# 'S$294.6 billion', 'A$2 billion', 'HK$', 'R$': a letter before the dollar sign names another country's dollar, never USD
OTHER_DOLLARS = r"(?<![A-Za-z])(?:S|A|AU|C|CA|NZ|HK|R|NT)\$"
CURRENCY_BEFORE = (rf"(?P<cur>USD\s?\$|US\s?\$|U\.S\.\s?\$|{OTHER_DOLLARS}|USD|EUR|GBP|JPY|INR|CNY|RMB|CHF|KRW|\$|€|£|¥|₹|₩)")
# '2.4B$', '310M$': a dollar sign after the scale letter
CURRENCY_AFTER = r"(?P<cur2>USD|US dollars|U\.S\. dollars|dollars|EUR|euros?|GBP|JPY|INR|CNY|RMB|CHF|KRW|\$(?!\w))"
# 'US $1805.40MM': 'MM' is the accountants' million
SCALE = r"(?P<scale>trillion|tn|billion|bn|b|million|mn|mio|mm|m|thousand|k|t)\b"
SCALE_WORD = r"(?P<scale>trillion|billion|million|tn|bn|mn)"  # a scale spelled out, never a letter that could be a word's
SCALES_IN_BN = {"trillion": 1000.0, "tn": 1000.0, "billion": 1.0, "bn": 1.0, "b": 1.0, "million": 0.001,
                "mn": 0.001, "mio": 0.001, "mm": 0.001, "m": 0.001, "thousand": 0.000001, "k": 0.000001, "t": 1000.0}
RANGE_JOIN = r"\s?(?:-|–|—|to)\s?"
YEAR_LIKE = r"(?:19[89]\d|20\d\d)"
# 'from US$ 11.88 Billion in 2026 to 16.28 Billion': a year is not the low end of a bare scaled range
NO_YEAR_RANGE = rf"(?!{YEAR_LIKE}{RANGE_JOIN}\d)"
AMOUNT = rf"(?P<num>{NUMBER})(?:{RANGE_JOIN}(?:{CURRENCY_BEFORE.replace('cur', 'cur_b')}\s?)?(?P<num2>{NUMBER}))?"
MONEY_RANGE_SCALED = re.compile(
    rf"{CURRENCY_BEFORE}\s?(?P<num>{NUMBER})\s?{SCALE_WORD}\s?(?:-|–|—|to)\s?"
    rf"(?:{CURRENCY_BEFORE.replace('cur', 'cur_b')}\s?)?(?P<num2>{NUMBER})\s?(?P=scale)\b", re.IGNORECASE)
# 'US$ ~35.56 billion': an approximation sign between the currency and the number; '$8.5-billion': a hyphen before the
# scale word
MONEY_BEFORE = re.compile(rf"{CURRENCY_BEFORE}\s?(?P<approx>[~≈]\s?)?{AMOUNT}(?:(?:\s?|-(?=(?:trillion|billion|million)\b)){SCALE})?",
                          re.IGNORECASE)
MONEY_AFTER = re.compile(rf"(?<![\w.$€£¥₹]){AMOUNT}\s?{SCALE}\s?{CURRENCY_AFTER}(?:\b|(?<=\$))", re.IGNORECASE)
# '5.63 (USD Billion)', '5.95(US$ bn)': the unit in parentheses right after the number, as a table header prints it
# (never a year: 'Market Size 2021-2035 (USD Million)' is a chart's caption)
MONEY_UNIT_IN_PARENTHESES = re.compile(rf"(?<![\w.$€£¥₹])(?!{YEAR_LIKE}\s?\()(?P<num>{NUMBER})"
                                       rf"\s?\(\s?(?:in\s)?{CURRENCY_BEFORE}\s?{SCALE_WORD}s?\s?\)", re.IGNORECASE)
# 'valued at 4.2 USD Billion': the currency between the number and the scale word (never a year: '2025 USD billion')
MONEY_CURRENCY_INSIDE = re.compile(rf"(?<![\w.$€£¥₹,])(?!{YEAR_LIKE}\b)(?P<num>{NUMBER})\s?{CURRENCY_BEFORE}\s?{SCALE_WORD}\b",
                                   re.IGNORECASE)
BARE_SCALED = re.compile(rf"(?<![\w.$€£¥₹,]){NO_YEAR_RANGE}{AMOUNT}\s?(?P<scale>trillion|billion|million)\b", re.IGNORECASE)
PERCENT_SIGN = r"\s?(?:%|percent\b|per cent\b)"
# 'a compound annual growth rate of six percent': a whole number to twenty in words, alone ('thirty-five' and the end
# of 'five to ten percent' are left alone)
NUMBER_WORDS = {word: index for index, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split()) if index}
# 'a CAGR of 18,5%': a decimal comma before a percent sign, where no thousands separator can be meant either
PERCENT_DECIMAL_COMMA = r"\d{1,2},\d(?=\s?(?:%|percent\b|per cent\b))"
PERCENT_NUMBER = rf"{PERCENT_DECIMAL_COMMA}|{NUMBER}|(?<![\w-])(?<!to\s)(?:{'|'.join(NUMBER_WORDS)})(?![\w-])"
PERCENT = re.compile(rf"(?:between\s+(?P<bnum>{NUMBER})(?:{PERCENT_SIGN})?\s+and\s+(?P<bnum2>{NUMBER})"
                     rf"|(?<![\d.,])(?!{YEAR_LIKE}\s?[-–—]\s?\d{{1,2}}(?:\.\d+)?{PERCENT_SIGN})"  # '2030 - 4.6%' is no range
                     rf"(?P<num>{PERCENT_NUMBER})(?:{PERCENT_SIGN})?(?:\s?(?:-|–|—|to)\s?(?P<num2>{NUMBER}))?)"
                     rf"{PERCENT_SIGN}", re.IGNORECASE)
# 'rates ranging from approximately 9% up to as high as 13.8%': one range, when a range's words lead it (RANGE_FROM);
# 'grew from 9% up to 13.8%' is two figures
PERCENT_UP_TO = re.compile(rf"(?<![\d.,])(?P<num>{NUMBER}){PERCENT_SIGN}\s+up\s+to\s+(?:as\s+high\s+as\s+)?"
                           rf"(?P<num2>{NUMBER}){PERCENT_SIGN}", re.IGNORECASE)
YEAR = r"(?:19[89]\d|20\d\d)"
# 'during the forecast period (2025-2030E)': an 'E' (estimated) or 'F' (forecast) after the end year is still the period
YEAR_RANGE = re.compile(rf"(?P<y1>{YEAR})\s?(?:-|–|—|/|to|and|through|till|until)\s?(?P<y2>{YEAR}|\d\d)(?=[EF]?\b)")
# not a date's year; nor a decade ('by the early 2030s' names no year)
SINGLE_YEAR = re.compile(rf"(?<![\d.,])(?:FY\s?)?(?P<year>{YEAR})(?![\d%]|-\d\d-\d\d|s\b)")
LOWER = r"over|more than|above|exceeding|exceeds?|in excess of|at least|upwards of|north of|surpassing|surpass(?:es)?"
UPPER = r"under|less than|below|up to|at most"
APPROXIMATE = (r"around|approximately|approx\.?|about|nearly|roughly|close to|almost|an estimated|nearing|some|~|circa"
               r"|in the region of")
# 'from $74 billion to ...', 'from its current value of US $19 billion to ...': the first of two amounts grown between
GROWTH_FROM = re.compile(r"\bfrom\s*$|\bfrom\s+(?:its|the|a)\s+(?:\w+\s+)?(?:value|level|size|valuation|base)\s+of\s*"
                         r"(?:US\s*)?$", re.IGNORECASE)
RANGE_FROM = re.compile(r"\b(?:range[sd]?|ranging|starting|anywhere|varying)\s+from\s*(?:(?:approximately|about|around|roughly)\s+)?$",
                        re.IGNORECASE)
QUALIFIER = re.compile(rf"(?P<q>{LOWER}|{UPPER}|{APPROXIMATE})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    kind: str  # money | percent | bare (a scaled number with no currency)
    text: str  # as printed
    start: int
    end: int
    value: float | None  # a single value (None for a range)
    low: float | None
    high: float | None
    bound: str  # exact | approximate | range | lower_bound | upper_bound
    qualifier: str  # the word that makes it approximate or a bound, '' if none
    currency: str | None = None
    scale_in_bn: float | None = None  # what one printed unit is in billions; None: no scale word printed
    printed: tuple[str, ...] = ()  # the printed numbers, to prove every drafted value stands on the page


def find_figures(sentence: str) -> list[Figure]:
    """Money and percentages in reading order; a later pattern never takes text an earlier one took."""
    return list(_figures_of(sentence))


@lru_cache(maxsize=256)
def _figures_of(sentence: str) -> tuple[Figure, ...]:
    """find_figures, read once per sentence text: the grammar asks again for the figures of the sentence of each
    figure it places (Figure is frozen, so the tuple can be shared)."""
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in (("money", MONEY_RANGE_SCALED), ("money", MONEY_UNIT_IN_PARENTHESES), ("money", MONEY_BEFORE),
                          ("money", MONEY_AFTER), ("money", MONEY_CURRENCY_INSIDE), ("percent", PERCENT_UP_TO), ("percent", PERCENT),
                          ("bare", BARE_SCALED)):
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            figure = _figure(kind, match, sentence)
            if figure is not None:
                figures.append(figure)
                taken.append((match.start(), match.end()))
    return tuple(sorted(figures, key=lambda figure: figure.start))


def _figure(kind: str, match: re.Match, sentence: str) -> Figure | None:
    groups = match.groupdict(default="")
    numbers = _printed_numbers(groups)
    lead = sentence[max(0, match.start() - 40):match.start()]
    if len(numbers) == 2 and GROWTH_FROM.search(lead) and not RANGE_FROM.search(lead):
        return None  # 'grow from $74 billion to $287 billion' is two figures, not a range
    if match.re is PERCENT_UP_TO and not RANGE_FROM.search(lead):
        return None
    scale = (groups.get("scale") or "").lower()
    if kind == "money" and scale in ("m", "b", "k", "t") and match.group(0)[-1] not in "mbktMBKT$":
        return None
    if scale == "t" and not match.group(0)[-2].isdigit():
        return None  # '$1t' is a trillion; '$5 T-shirts' is not
    qualifier_match = QUALIFIER.search(sentence[max(0, match.start() - 24):match.start()])
    qualifier = qualifier_match.group("q").lower() if qualifier_match else groups.get("approx", "").strip()
    values = _low_end_scaled(_signed_values(kind, numbers, sentence, match.start()), kind, scale)
    is_range = len(values) == 2
    return Figure(kind=kind, text=match.group(0).strip(), start=match.start(), end=match.end(),
                  value=None if is_range else values[0], low=values[0] if is_range else None,
                  high=values[1] if is_range else None,
                  bound="range" if is_range else _bound(qualifier), qualifier=qualifier,
                  currency=_currency(groups) if kind == "money" else None,
                  scale_in_bn=SCALES_IN_BN.get(scale) if kind != "percent" else None, printed=numbers)


def _printed_numbers(groups: dict) -> tuple[str, ...]:
    """The one or two numbers as printed: a value, or the two ends of a range."""
    first = groups.get("num") or groups.get("bnum")
    second = groups.get("num2") or groups.get("bnum2")
    return tuple(number for number in (first, second) if number)


def _signed_values(kind: str, numbers: tuple[str, ...], sentence: str, start: int) -> list[float]:
    values = [_number_value(number) for number in numbers]
    if kind == "percent" and re.search(r"(?:^|[\s(:])[-−–]$", sentence[max(0, start - 2):start]):
        return [-value for value in values]  # 'a negative CAGR of -8.6%', ': –8.6%' (a dash against the number)
    return values


def _number_value(number: str) -> float:
    """A printed number's value: in words ('six'), with a decimal comma ('4,4' before 'billion'), or with thousands
    separators ('6,717.18')."""
    if number.lower() in NUMBER_WORDS:
        return float(NUMBER_WORDS[number.lower()])
    return float(number.replace(",", "." if re.fullmatch(r"\d{1,3},\d", number) else ""))


def _low_end_scaled(values: list[float], kind: str, scale: str) -> list[float]:
    """'USD 650–1.1 billion': a low end ten to a thousand times the high end is printed in the next smaller scale
    (650 million), the one scale word written once after the high end; 'USD 1.2–1.1 billion' is left as printed."""
    if (kind == "money" and len(values) == 2 and SCALES_IN_BN.get(scale, 0) >= 1.0
            and values[1] * 10 <= values[0] <= values[1] * 1000):
        return [values[0] / 1000, values[1]]
    return values


def _currency(groups: dict) -> str:
    symbol = (groups.get("cur") or groups.get("cur2") or "").lower().replace("  ", " ")
    return CURRENCY_SYMBOLS.get(symbol, CURRENCY_SYMBOLS.get(symbol.replace(" ", ""), symbol.upper()))


def _bound(qualifier: str) -> str:
    if not qualifier:
        return "exact"
    if re.fullmatch(LOWER, qualifier, re.IGNORECASE):
        return "lower_bound"
    if re.fullmatch(UPPER, qualifier, re.IGNORECASE):
        return "upper_bound"
    return "approximate"


def years_in(text: str) -> list[tuple[int, int]]:
    """(year, position) of every single year in text, ranges included."""
    return [(int(m.group("year")), m.start()) for m in SINGLE_YEAR.finditer(text)]


def year_range(text: str) -> tuple[int, int, str] | None:
    """The first 'Y1-Y2' / 'Y1 to Y2' period in text, with its wording; '2025-32' means 2025-2032. A date
    ('2020-03-24') is not a period."""
    for match in YEAR_RANGE.finditer(text):
        start = int(match.group("y1"))
        end_text = match.group("y2")
        end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
        is_date = re.match(r"-\d\d\b", text[match.end():])
        if start < end and not is_date:
            return start, end, match.group(0)
    return None


def format_number(value: float) -> str:
    """A value for a CSV cell: no exponent, no trailing zeros ('0.45', '12', '2.5')."""
    text = f"{value:.9f}".rstrip("0").rstrip(".")
    return text or "0"
