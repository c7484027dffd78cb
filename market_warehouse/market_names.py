"""Which market a sentence names, measured against the page title's market: the title's own, a wider one that
contains it ('the total kelp lighting market' on an outdoor kelp lighting page), a narrower one (a segment), or
another market ('the kelp fertilizer and compost industry').

It reads text alone (a clause, the page title, the page's own spelling of an abbreviation, which sentences print
figures), never the grammar's reading of a figure, so it is kept apart from the claim grammar (claim_extraction.py),
which decides what a figure is and asks this module whether the market named beside it is the page's.
"""
from __future__ import annotations

import re
from functools import lru_cache

from market_warehouse.figures import find_figures
from market_warehouse.page_text import Page
from market_warehouse.region_names import region_mentions

# 'the deep-dive market assessment study by X', 'industry reports and market trends', 'recent market evaluations':
# sources, not markets; 'meets a constant market demand': demand in general, no market named ('constant' is no
# market's name)
MARKET_NOT_NAMED = re.compile(r"\b(?:market|industry|sector)\b(?!\s+(?:assessments?|evaluations?|research|study|studies|reports?|"
                              r"analys[ie]s|surveys?|intelligence|insights?|estimates?|data|trends?|demand)\b)", re.IGNORECASE)
# 'the total kelp lighting market' on an outdoor kelp lighting page: the whole of a market the title names a part of
# 'the broader creator economy, which is projected to reach ...': an economy named as a market is one
NAMED_ECONOMY = re.compile(r"\beconomy\b", re.IGNORECASE)
WHOLE_OF = re.compile(r"^\s*(?:total|whole|entire|overall)\s+\S", re.IGNORECASE)
# 'The fertilizer market, which includes kelp fertilizer, urea and potash, ...': a market and its parts
INCLUDING = re.compile(r"\b(?:market|industry|sector)\s*,?\s+(?:(?:which|that)\s+(?:includes?|comprises?|covers?|"
                       r"encompass(?:es)?|spans?)|,?\s*(?:including|comprising|covering|encompassing|spanning))\s+(?:both\s+)?",
                       re.IGNORECASE)
# the end of the list of parts: ', reached USD ...', or the figure
PARTS_END = re.compile(r",\s*(?:and\s+)?(?:reached|was|were|is|are|stood|had|has|grew|rose|will|accounted|totall?ed|"
                       r"valued|worth|expected|projected|estimated)\b.*$", re.IGNORECASE | re.DOTALL)
PARTS_JOIN = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+", re.IGNORECASE)
ABBREVIATION = re.compile(r"\b[A-Z]{2,6}s?\b")
ABBREVIATION_AT_END = re.compile(r"\s*\(\s*(?P<abbreviation>[A-Z][\w&.-]{1,9})\s*\)\s*$")  # 'the kelp fertilizer (KF) ' before 'market'
# 'the Point Of Sale (POS) Terminal ' before 'market': an abbreviation in parentheses inside the name
ABBREVIATION_INSIDE = re.compile(r"\(\s*(?P<abbreviation>[A-Z][\w&.-]{1,9})\s*\)(?=\s+[A-Za-z])")
LIST_NUMBER = re.compile(r"^\d{1,2}[.)]")
# 'Global sales of HPAPIs are estimated at $10 billion' on a 'Global API Industry' page: what the world sales are of
# names a market ('HPAPIs' another: an abbreviation holding the title's is not it); 'sales of these products' names none
WORLD_SALES_OF = re.compile(r"\b(?:global|worldwide|world)\s+sales\s+of\s+(?!(?:these|those|its|their)\b)"
                            r"((?:[\w&'-]+\s+){1,4}?)(?:is|are|was|were|will|reached|rose|grew|totall?ed)\b", re.IGNORECASE)
# "Kelp's Global Spread — Market Growth Data": a dash between words, before which no market's name runs on
TITLE_DASH = re.compile(r"\s[-–—]\s")
# 'a rate of 9%, which could push market size to $80 billion': what moves the market's size names no market
MARKET_NAME_START = re.compile(r"\b(?:the|a|an|this|its|their|of|for|from|in|to|at|on|that|by)\b|[,;:()|]"
                               r"|\b(?:could|would|will|may|might|can)\s+(?:drive|push|propel|lift|take|bring)\b", re.IGNORECASE)
GENERIC_MARKET_WORDS = {"the", "global", "worldwide", "overall", "total", "entire", "whole", "aggregate", "world", "its",
                        "this",
                        "international", "of", "and", "&", "in", "a", "an", "s", "'s", "market", "industry", "size",
                        "services", "service", "solutions", "products", "product", "systems",
                        # those who make up the market: 'kelp farming providers' revenue' is the kelp farming market's
                        "providers",
                        # adjectives that say which estimate, not which market ('the present market', 'a possible market')
                        "possible", "potential", "projected", "present", "current", "estimated", "expected", "future",
                        "addressable", "serviceable", "broader", "wider", "said", "same", "approximate", "approximately",
                        # the market studied ('the projected CAGR for the target market is 3.5%')
                        "target",
                        # rank, not which market ('North America is the largest market with a 52% share')
                        "largest", "biggest", "dominant", "leading", "major", "top", "fastest", "growing",
                        "fastest-growing", "second", "third", "second-largest", "regional", "single",
                        # and judge it ('Asia Pacific is the most promising market, with 25% of it')
                        "most", "promising", "lucrative", "attractive",
                        # when, not which market ('last year's market')
                        "last", "next", "year", "today", "previous",
                        # the report's view of a market, not its name ('Olive Oil Outlook Market Predictions', 'Global
                        # Kelp Lamp Forecast Market' over 'Global kelp lamp market size was valued at')
                        "outlook", "forecast",
                        # what is read about it, not its name ('Modular Kelp Reports Industry Analysis', 'Global Demand &
                        # Market': the title names no market of its own)
                        "report", "reports", "demand",
                        # what moves a market, not its name ('Megatrends and market drivers': no market of its own)
                        "megatrends", "trends", "drivers",
                        # how big it is, not which market ('a multi-billion dollar market')
                        "multi", "multibillion", "billion", "million", "trillion", "dollar"}


# words that say how a market is doing or how big it is, not which part of it: 'the lucrative kelp lighting market',
# 'the $4 billion kelp lighting market'
BE_A_MARKET = re.compile(r"\b(?:be|is|was|becomes?)\s+an?\s+(?:[a-z]+\s+){1,2}market\b(?!\s+report)", re.IGNORECASE)
# 'tied to the broader creator economy': a market said to be wider than the one the page is about
BROADER = re.compile(r"\s*(?:broader|wider)\b", re.IGNORECASE)
DESCRIBING_WORDS = {"billion", "million", "trillion", "multibillion", "lucrative", "dynamic", "vibrant", "competitive",
                    "fragmented", "consolidated", "mature", "nascent", "robust", "strong", "healthy", "huge", "large", "big",
                    "small", "massive", "sizeable", "sizable", "new", "key", "important", "established", "rapid", "steady",
                    "resilient", "volatile", "crowded", "attractive", "promising", "fast", "booming", "thriving", "emerging",
                    "expanding", "evolving", "burgeoning"}


def market_including_the_title_market(clause: str, title: str) -> str:
    """'The fertilizer market, which includes kelp fertilizer, urea and potash, ...' on a kelp fertilizer page: a
    market said to include the title's market and parts the title does not name is a wider market, though the title
    has its name ('' when it is not; nor when its name has all the title market's words: then its parts are the
    title market's)."""
    including = INCLUDING.search(clause)
    if including is None:
        return ""
    name = MARKET_NAME_START.split(clause[:including.start()])[-1]
    title_words, lowered = title_market_words(title), title.lower()
    if title_words and all(any(_same_word(word, other) for other in name_words(name, title)) for word in title_words):
        return ""
    parts = [name_words(without_regions(part), title) for part in
             PARTS_JOIN.split(PARTS_END.sub("", clause[including.end():]))]
    named = [named_by_title(words, lowered) for words in parts if words]
    return name.strip() + " market" if any(named) and not all(named) else ""


def title_spelled_out(page: Page) -> str:
    """'IVD Market Reaches ...' on a page that prints 'In Vitro Diagnostic': the title followed by the capitalised
    words the page spells each of its abbreviations with, so that 'the world market for diagnostics' is read as
    the title's market; a title naming no market is preceded by the one market the text's figures are of, if one."""
    spellings = [_spelling(abbreviation, page.text) for abbreviation in dict.fromkeys(ABBREVIATION.findall(page.title))]
    market = _market_of_the_figures(page.title, tuple(sentence.text for sentence in page.sentences))
    # 'the global market for KSC' on a 'General reviews' page defining 'Kelp seed culture (KSC)': its words too
    spellings += [_definition(word.upper(), page.text) for word in market.split() if len(word) <= 6]
    return " | ".join([*([market + " market"] if market else []), page.title, *filter(None, spellings)])


def _spelling(abbreviation: str, text: str) -> str:
    """The words a text spells an abbreviation with: capitalised ('In Vitro Diagnostic' for IVD), or, for three
    letters or more, in lower case when named as a market ('the content delivery network market' for CDN); ''."""
    letters = abbreviation.removesuffix("s")
    capitalised = re.search(r"\b" + r"[\s-]+".join(rf"{letter}[a-z]+" for letter in letters) + r"\b", text)
    lower = r"[\s-]+".join(rf"{letter.lower()}[a-z]{{2,}}" for letter in letters)
    in_lower_case = re.search(rf"\b{lower}(?=\s+(?:market|industry|sector)\b)", text) if len(letters) > 2 else None
    spelled = capitalised or in_lower_case
    return spelled.group(0) if spelled else ""


@lru_cache(maxsize=8)
def _market_of_the_figures(title: str, sentences: tuple[str, ...]) -> str:
    """'Tuesday, 4 May 2021' or 'Kelp Overview' over a text whose figures are all stated in sentences naming one
    market ('the global kelp fertilizer market was valued at $2 billion ... The kelp fertilizer market will grow at
    6%'): a title that names no market (by title_market_words) stands for that market, named by the shortest name
    when every other holds its words ('Kelp Fertilizer Treatment Market To Hit $3 Billion' above it is the same
    market); so does a title naming its market in other words than the text (see _in_other_words); '' when the
    title names the text's market, or the sentences carrying figures name none or several."""
    named = _names_of_the_figures(title, sentences)
    if not named or _several(named):
        return ""
    title_words = title_market_words(title)
    return " ".join(named[0]) if not title_words or _in_other_words(named, title_words, title, sentences) else ""


def _in_other_words(named: list[list[str]], title_words: list[str], title: str, sentences: tuple[str, ...]) -> bool:
    """'Kelp Lighting Market Drives Growth' over a text whose figures all name 'the global kelp lamp market', which
    its other sentences name again: no market the figures name is the title's, the one they name shares a word of its
    name (a market sharing none, 'the global seaweed market', may be another one the page cites) and is the text's
    subject, named in more than one sentence (a market named once, beside one figure, may be a part or a whole of
    the title's the page cites: not read as the title's)."""
    naming = [text for text in sentences if any(words == named[0] for words in _names_beside_figures(text, title))]
    return (all(not_the_title_market([" ".join(words)], title) for words in named) and len(naming) > 1
            and any(_same_word(word, other) for word in named[0] for other in title_words))


def title_market_in_other_words(page: Page) -> str:
    """The one market the text's figures name, standing for a title's market they never name ('' when the title
    names none, or the text's figures name it)."""
    if not title_market_words(page.title):
        return ""
    return _market_of_the_figures(page.title, tuple(sentence.text for sentence in page.sentences))


def several_markets_under_no_title_market(page: Page) -> bool:
    """'Common Methods Of Disposing Of Documents' over sentences with figures of the shredder market, the incinerator
    market and the paper and pulp market: a title that names no market over a text whose figures name several, so
    that nothing stands for the page's market."""
    if title_market_words(page.title):
        return False
    return _several(_names_of_the_figures(page.title, tuple(sentence.text for sentence in page.sentences)))


@lru_cache(maxsize=8)
def _names_of_the_figures(title: str, sentences: tuple[str, ...]) -> list[list[str]]:
    """The words of each market named in the sentences carrying figures, shortest first."""
    return sorted((words for text in sentences if find_figures(text) for words in _names_beside_figures(text, title)),
                  key=len)


def _several(named: list[list[str]]) -> bool:
    """Names of more than one market: not all of them hold the words of the shortest."""
    return any(not set(named[0]) <= set(words) for words in named)


def _names_beside_figures(text: str, title: str) -> list[list[str]]:
    """The words of each market a sentence carrying figures names; but not a market only said to be huge ('Some 3
    million growers farm kelp, and kelp could well be a huge market for them': a describing word alone, after 'be
    a'), which names none ('a new market report' still counts, as before)."""
    names = market_names(text, title)
    named = [name_words(without_regions(name), title) for name in names]
    # 'Influencer marketing is tied to the broader creator economy': a market the sentence calls broader (wider) is
    # not the page's, wherever the sentence names it
    broader = [set(words) for name, words in zip(names, named, strict=True) if BROADER.match(name)]
    return [words for words in named if words and not (set(words) <= DESCRIBING_WORDS and BE_A_MARKET.search(text))
            and set(words) not in broader]


def spelled_out(clause: str, page: Page) -> str:
    """'the KFS market' where the title has not the abbreviation and the page spells it out ('kelp fertilizer
    systems (KFS)'): the abbreviation read as its words, which are compared with the title."""
    page_text = page.text

    def words_of(match: re.Match) -> str:
        if named_by_title(name_words(match.group(0), page.title), page.title.lower()):
            return match.group(0)  # the title has it, or its initials
        return _definition(match.group(0), page_text) or match.group(0)
    return ABBREVIATION.sub(words_of, clause)


def _definition(abbreviation: str, page_text: str) -> str:
    """The words the page defines an abbreviation with, one a letter: 'kelp fertilizer systems (KFS)'; or fewer ('' if
    none)."""
    letters = abbreviation.rstrip("s")
    if not re.search(rf"\(\s*{re.escape(letters)}s?\s*\)", page_text):
        return ""  # never in parentheses on the page: spares the searches below, which start at every word of it
    defined = re.search(rf"((?:[A-Za-z][\w]*[\s-]+){{{len(letters)}}})\(\s*{re.escape(abbreviation)}\s*\)", page_text)
    if defined and "".join(word[0] for word in re.split(r"[\s-]+", defined.group(1).strip())).lower() == letters.lower():
        return defined.group(1).strip()
    return _defined_in_fewer_words(letters, page_text)


def _defined_in_fewer_words(letters: str, page_text: str) -> str:
    """'Kelp seacraft (KSC) ... the KSCs market': an abbreviation defined in fewer words than its letters, a word
    giving the letters of its parts ('seacraft' its S and C), and used with a plural 's' ('' when none is)."""
    for count in range(len(letters) - 1, 0, -1):
        defined = re.search(rf"((?:[A-Za-z]\w*[\s-]+){{{count}}})\(\s*{re.escape(letters)}\s*\)", page_text)
        if defined and _initials_in_words(re.split(r"[\s-]+", defined.group(1).strip()), letters.lower()):
            return defined.group(1).strip()
    return ""


def _initials_in_words(words: list[str], letters: str) -> bool:
    """Each word starts with the next letter, and may give the letters after it from inside itself, in order, as
    long as each word after it keeps a letter to start with."""
    for left, word in enumerate((word.lower() for word in words), start=1 - len(words)):
        if not letters or word[0] != letters[0]:
            return False
        letters, inside = letters[1:], word[1:]
        while len(letters) > -left and letters[0] in inside:
            inside, letters = inside[inside.index(letters[0]) + 1:], letters[1:]
    return not letters


def market_names(clause: str, title: str) -> list[str]:
    """The names of the markets of a clause: the words before 'market' ('industry', 'sector', 'economy'), or after
    'market for'."""
    mentions = [*MARKET_NOT_NAMED.finditer(clause), *NAMED_ECONOMY.finditer(clause)]
    names = [_name_before(clause[:mention.start()], title) for mention in mentions]
    names += re.findall(r"market\s+(?:size\s+|value\s+)?(?:for|of)\s+((?:[\w&'-]+\s+){1,4}?)"
                        r"(?:is|was|are|were|will|could|would|can|may|alone|to)\b", clause, re.IGNORECASE)
    names += WORLD_SALES_OF.findall(clause)
    return names


def _name_before(text: str, title: str) -> str:
    """The name ending a text before 'market': 'the kelp fertilizer (KF) ' -> 'kelp fertilizer', its words
    before an abbreviation in parentheses, unless the title prints the abbreviation (then it names the title's
    market, as the page wrote it); an abbreviation in parentheses inside the name is read as a word of it ('Point Of
    Sale (POS) Terminal' -> 'Point Of Sale POS Terminal'), so the name does not start after the parenthesis."""
    abbreviation = ABBREVIATION_AT_END.search(text)
    if abbreviation and abbreviation.group("abbreviation").lower() not in title.lower():
        text = text[:abbreviation.start()]
    text = ABBREVIATION_INSIDE.sub(r"\g<abbreviation>", text)
    return MARKET_NAME_START.split(text)[-1].replace("-", " ")


def without_regions(name: str) -> str:
    """A name without the regions it names ('global' kept: it is no region of a market, and names the whole)."""
    for mention in reversed(region_mentions(name)):
        if mention.region_id != "WORLD":
            name = name[:mention.start] + name[mention.end:]
    return name


def not_the_title_market(names: list[str], title: str) -> str:
    """The first market name that is not the title's; '' when one of them is the title's market. A name whose
    words are all the title market's but its last ('the whole farm irrigation sector' on a farm irrigation
    controllers page) is a wider market."""
    lowered = title.lower().replace("-", " ")
    title_words = title_market_words(title)
    named = [name for name in names if name_words(name, title)]
    joined = [name for name in named if _joins_another_market(name, title)]
    if joined:
        return joined[0].strip() + " market"
    if not named or any(named_by_title(name_words(name, title), lowered) and not _wider_than_title(name, title_words, title)
                        and not _narrower_than_title(name, title) and not _whole_of_a_wider(name, title) for name in named):
        return ""
    return named[0].strip() + " market"


def _whole_of_a_wider(name: str, title: str) -> bool:
    """'the total kelp lighting market' on an outdoor kelp lighting page: 'total' (whole, entire, overall) and words
    the title prints after a word of its own that the name lacks name the whole market the title's is a part of."""
    words = name_words(name, title)
    if not WHOLE_OF.match(name) or not words:
        return False
    printed = r"[\s-]+".join(re.escape(word[:5]) + r"[a-z]*" for word in words)
    before = re.search(rf"([a-z]+)[\s-]+{printed}\b", without_regions(title).lower())  # 'Europe' is no part
    return (before is not None and before.group(1) not in GENERIC_MARKET_WORDS | DESCRIBING_WORDS
            and not MARKET_NAME_START.fullmatch(before.group(1)))  # 'Outlook on Kelp Lighting' names no part


def _narrower_than_title(name: str, title: str) -> bool:
    """'the outdoor kelp lighting market' on a kelp lighting market page: the words of the title's market after a
    first word the title lacks name a part of it (a segment), not the whole; a word that only describes the market
    ('booming', 'rapidly', 'lucrative') names no part. The title's words may be printed in the plural ('the mobile
    barber shops market' on a barber shop market page)."""
    words = name_words(name, title)
    lowered = title.lower().replace("-", " ")
    first, rest = (words[0], words[1:]) if words else ("", [])
    return (bool(rest) and first.isalpha() and first[:5] not in lowered and all(_in_title(word, lowered) for word in rest)
            and not first.endswith(("ly", "ing")) and first not in DESCRIBING_WORDS)


def _joins_another_market(name: str, title: str) -> bool:
    """'the kelp fertilizer and compost industry' on a kelp fertilizer page: a market joined ('and', '&') to one whose
    words the title does not have is a combined market, not the title's."""
    parts = re.split(r"\s+(?:and|&)\s+", name.strip(), flags=re.IGNORECASE)
    if len(parts) < 2:
        return False
    lowered = title.lower().replace("-", " ")
    in_title = [any(word[:5] in lowered for word in name_words(part, title)) for part in parts if name_words(part, title)]
    return any(in_title) and not all(in_title)


def title_market_words(title: str) -> list[str]:
    """The words that name the title's market: 'Kelp Fertilizer Market Outlook' -> kelp, fertilizer; 'A growing
    market for kelp fertilizer' -> kelp, fertilizer; 'Europe Kelp Market' -> kelp (a region is the market's scope,
    not its name: 'the kelp market' of its text names all of it)."""
    for_what = re.search(r"\bmarket\s+(?:for|of)\s+(.+)", title, re.IGNORECASE)
    head = re.search(r"\b(?:market|industry|sector)\b", title, re.IGNORECASE)
    if for_what:
        name = MARKET_NAME_START.split(for_what.group(1))[0]
    elif head:  # "Kelp's Global Spread — Market Growth Data": a dash between words ends the name before 'Market'
        name = TITLE_DASH.split(MARKET_NAME_START.split(title[:head.start()])[-1])[-1]
    else:
        return []
    return name_words(_without_abbreviation_after(without_regions(name)).replace("-", " "), title)


def _without_abbreviation_after(name: str) -> str:
    """'Next Generation Sequencing NGS': an abbreviation printed right after the words it abbreviates repeats them
    and is no word of the name of its own."""
    words = name.split()
    last = words[-1] if words else ""
    spelled = words[-1 - len(last):-1] if last.isupper() and 2 <= len(last) <= 6 else []
    return " ".join(words[:-1]) if spelled and "".join(word[0] for word in spelled).lower() == last.lower() else name


def _same_word(word: str, other: str) -> bool:
    return other.startswith(word[:5]) or word.startswith(other[:5])


def _within_title(name: str, title_words: list[str], title: str) -> list[str]:
    """The name's words when all of them are words of the title's market name (no abbreviation among them), else []."""
    words = name_words(name, title)
    if not title_words or re.search(r"\b[A-Z]{2,5}s?\b", name):
        return []
    return words if all(any(_same_word(word, other) for other in title_words) for word in words) else []


def _wider_than_title(name: str, title_words: list[str], title: str) -> bool:
    words = _within_title(name, title_words, title)
    return bool(words) and not any(_same_word(word, title_words[-1]) for word in words)


def fewer_than_title(name: str, title_words: list[str], title: str) -> bool:
    """'the global controllers market' on a farm irrigation controllers page: some of the title market's words,
    not all."""
    words = _within_title(name, title_words, title)
    return bool(words) and any(not any(_same_word(word, other) for word in words) for other in title_words)


def named_by_title(words: list[str], title: str) -> bool:
    """More than half of a market name's words in the page title: 'press release distribution' is the market of
    'Press Release Industry Statistics'; 'originator biologics' is not the market of 'Biologics CDMO Market'."""
    return sum(_in_title(word, title) for word in words) * 2 > len(words)


def _in_title(word: str, title: str) -> bool:
    """A word the title prints, in the singular too: 'yoga mats' is the market of 'Yoga Mat Industry Outlook' (a
    short word's plural 's' is inside the five letters compared)."""
    return word[:5] in title or (len(word) > 3 and word.endswith("s") and word[:-1][:5] in title)


def name_words(name: str, title: str) -> list[str]:
    """The words that name a market; an abbreviation ('EV', 'CDMO') counts as named by the title when the title
    has it or the initials of its words ('Electric Vehicle')."""
    # '"Otoscope Market"', '1.Wet wipe market': quotes and a list number around a name are no part of its words
    words = [LIST_NUMBER.sub("", word.strip("\"“”")).removesuffix("'s") for word in name.split()[-4:]]
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z][\w-]*", title)
                       if word.lower() not in GENERIC_MARKET_WORDS).lower()
    named = [word.lower() for word in words if word.lower() not in GENERIC_MARKET_WORDS and re.search(r"[A-Za-z]", word)
             and not _abbreviation_of_title(word, title, initials)]
    return [part for word in named for part in _title_pair(word, title)]


def _abbreviation_of_title(word: str, title: str, initials: str) -> bool:
    """'EV' on an 'Electric Vehicle' page, and in the plural ('ADCs' on an 'Antibody–Drug Conjugates' page): an
    abbreviation the title prints, or the initials of its words."""
    letters = word.removesuffix("s")
    return letters.isupper() and len(letters) <= 5 and (letters.lower() in title or letters.lower() in initials)


def _title_pair(word: str, title: str) -> list[str]:
    """'seafood' on a page titled 'Global Sea Food Market': one word written as two adjacent words of the title is
    those two words; else the word."""
    title_words = re.findall(r"[a-z]+", title.lower())
    pairs = zip(title_words, title_words[1:], strict=False)
    pair = next(((first, second) for first, second in pairs if first + second == word), None)
    return list(pair) if pair else [word]
