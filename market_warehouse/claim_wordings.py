"""The wordings of the claim grammar: the compiled regular expressions that recognise how a market-report sentence
words a size, a CAGR, a share, a year, a period, a region or a subject, each under (or beside) a comment quoting the
wording it recognises.

claim_extraction.py decides with them what each figure of a sentence is a figure of. To add a wording, quote an
example of it in a comment, put its expression next to the wordings of the same kind, import it by name in
claim_extraction.py where a rule uses it, and run bench/extract.py before and after to see which claims change.
"""
from __future__ import annotations

import re

from market_warehouse.figures import APPROXIMATE, LOWER

# 'growing at aCAGR of 4.2%': the article run into the abbreviation is still the cue
CAGR_CUE = re.compile(r"(?:\b|(?<=\ba))CAGR\b|compound(?:ed)? annual growth|annual(?:ized)? growth rate|\bAAGR\b"
                      r"|\bcompound(?:ed)?\s+annual\s+rate\s+of\s+$"  # 'grow at a compound annual rate of 4.5 percent'
                      r"|grow(?:s|ing)?\s+at\s+a\s+rate\s+of\s+$"
                      r"|grow(?:s|ing)?\s+(?:at\s+|by\s+)?(?:a\s+rate\s+of\s+)?(?=\S+\s?%\s+(?:annually|per\s+annum|"
                      r"a\s+year|per\s+year|yearly|each\s+year))"
                      r"|\b(?:grow|increas|ris|expand)\w*\s+annually\s+(?:at|by)\s+(?:a\s+rate\s+of\s+)?"
                      r"(?:(?:around|about|approximately|roughly|nearly|some)\s+)?$"
                      r"|\baverage\s+annual\s+growth\b"  # 'average annual growth ... close to 8% between Y1 and Y2'
                      r"|\b(?:annual\s+average|average\s+annual)\s+(?:increase|rise)\s+of\s+"  # 'an annual average increase of 11%'
                      r"(?:(?:around|about|approximately|roughly|nearly|some)\s+)?$"
                      # 'has risen at an average growth rate of 17% in recent years'
                      r"|\b(?:grow|increas|ris|expand)\w*\s+at\s+an?\s+(?:annual\s+)?average\s+(?:annual\s+)?(?:growth\s+)?(?:rate\s+)?"
                      r"(?:of\s+)?(?:(?:around|about|approximately|roughly|nearly|some)\s+)?$", re.IGNORECASE)
# 'will grow by 7.4% per year (CAGR 2024-2029)': a growth verb before the rate and 'per year' after it
# 'From 2019 to 2022, revenue rose at a 9% CAGR': a period opening the sentence, before the CAGR; 'During the forecast
# period (2022-2030), the market will grow ...', and after the lead-in of a clause ('The end result is that from 2017 to
# 2023, the market ...')
OPENING_PERIOD = re.compile(r"^(?:[^,;]{0,40}?\bthat\s+)?(?:between|from|over|during|in)\s+(?:the\s+"
                            # 'In the previous five-year period (2010-2015), ...'
                            r"(?:(?:previous|past|last|[\w]+-year)\s+){0,2}(?:years|(?:forecast\s+)?period)\s+\(?)?(?P<period>(?:19|20)\d\d\s?"
                            r"(?:-|–|—|to|and|through)\s?(?:19|20)\d\d)\)?\s*,", re.IGNORECASE)
GREW_TO = re.compile(r"\b(?:grew|rose|climbed|increased|expanded|jumped)\s+to\s+(?:(?:around|about|approximately|roughly|nearly|"
                     r"some|over|more\s+than)\s+)?$", re.IGNORECASE)
# 'the CAGR through 2030 at 4%': the period's end between the CAGR words and the figure
CAGR_THROUGH = re.compile(r"(?:\bCAGR\b|compound(?:ed)?\s+annual\s+growth(?:\s+rate)?)\s*(?:\(\s*CAGR\s*\)\s*)?"
                          r"(?P<end>(?:through|till|until|to|by|thru)\s+(?P<year>(?:19|20)\d\d))\s+(?:of|at|is|was|will\s+be)\b"
                          r"[^%\d]{0,25}$", re.IGNORECASE)
# 'Kelp Market Size & Forecast 2025-2034 | 4.5% CAGR': the span of the report's forecasts, in its title
FORECAST_SPAN = re.compile(r"\bforecasts?\s*\(?\s*(?:19|20)\d\d\s?(?:-|–|—|to)\s?(?:(?:19|20)\d\d|\d\d)\b", re.IGNORECASE)
# 'According to Kelp Market: Global Industry Analysis and Forecast (2023-2029), the market ...': the span of a report's
# title, in who the sentence reports, is the report's, not the period of the sentence's rate
REPORT_TITLE_SPAN = re.compile(r"^according\s+to\s+[^,;]{0,120}?\bforecast\s*\(?\s*(?:19|20)\d\d\s?(?:-|–|—|to)\s?"
                               r"(?:19|20)?\d\d\s*\)?\s*,", re.IGNORECASE)
# 'a growth rate of 12% from 2024 to 2031': a growth rate with a period of years right after it
GROWTH_RATE_BEFORE = re.compile(r"\bgrowth\s+rate\s+(?:of|at|around|about|near|close\s+to)\s+"
                                r"(?:(?:around|about|approximately|roughly|nearly|some)\s+)?$", re.IGNORECASE)
# 'an exponential growth rate of 18% to reach $3 billion by 2031': the rate the market grows at to the amount it reaches
REACH_AMOUNT_AFTER = re.compile(r"^\s*,?\s*to\s+reach\s+(?:(?:around|about|approximately|roughly|nearly|some|over|"
                                r"more\s+than)\s+)?(?:US\s?\$|USD|\$|€|EUR)\s?\d", re.IGNORECASE)
# 'the kelp market projects a 3.6% annual growth rate': the rate before the words of a CAGR without 'compound'
ANNUAL_GROWTH_RATE_AFTER = re.compile(r"^\s?annual\s+growth\s+rate\b(?!\s+(?:in|for)\s+(?:19|20)\d\d)", re.IGNORECASE)
# 'the tidefern market is growing at a steady 6.4% annual rate': a rate the market grows at, 'annual rate' without
# 'growth'; the growth verb right before it, so 'an 11% annual rate of churn' alone is left alone; a rate 'from
# 2019' or 'since 2019' (the years it has grown at it, a start with no end of its own) is left alone too
GROWING_AT_BEFORE = re.compile(r"\b(?:grow|expand)(?:s|ing)?\s+at\s+an?\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
ANNUAL_RATE_AFTER = re.compile(r"^\s?annual\s+rate\b(?!\s+(?:of|from|since)\b)", re.IGNORECASE)
# 'a CAGR of 3% to $2 billion over the five years to 2030': the rate, then the amount it grows to, then its period
TO_AMOUNT_AFTER = re.compile(r"^\s*,?\s*to\s+(?:reach\s+)?(?:(?:around|about|approximately|roughly|nearly|some|over|"
                             r"more\s+than)\s+)?$", re.IGNORECASE)
YEARS_TO = re.compile(r"^\s*,?\s*(?:over|in|during|for)\s+the\s+(?:\w+\s+){0,2}(?:\(\d+\)\s+)?years?\s+(?:to|through|until|till|"
                      r"ending(?:\s+in)?)\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
# 'a growth rate of around 7% during the forecast period 2025–2031': the forecast period's years printed in it
PERIOD_RIGHT_AFTER = re.compile(r"^\s*,?\s*(?:between|from|over|during|in)\s+(?:the\s+(?:years|(?:forecast\s+)?period)\s+\(?)?"
                                r"(?:19|20)\d\d\s?"
                                r"(?:-|–|—|to|and|through)\s?(?:19|20)\d\d\b", re.IGNORECASE)
# 'grow by 7.4% per year', 'grow a little more than 3% annually': a bound's words may stand between verb and rate
# 'with projected growth of 4.5% annually': a growth forecast of a rate a year
# 'will rise at a brisk pace of 3.8% each year', 'growing at a healthy rate of nearly 7% a year': a pace, with a word
# judging it, or a rate judged steady ('an accelerated rate of 6.9% annually' may be a part's, faster than the rest)
STEADY = r"(?:healthy|steady|stable|robust|strong|solid|moderate|modest)"
GROWTH_BY = re.compile(r"\b(?:(?:grow|increas|ris|expand|climb)\w*|growth\s+(?:forecast|expected|projected|estimated)"
                       r"|(?:projected|expected|forecast|estimated)\s+growth\s+of)"
                       r"\s+(?:annually\s+|in\s+size\s+)?(?:(?:by|at)\s+)?"
                       rf"(?:a\s+(?:{STEADY}\s+)?rate\s+of\s+|an?\s+(?:[a-z]+\s+)?pace\s+of\s+)?"
                       r"(?:(?:around|about|approximately|roughly|nearly|some|almost|close\s+to"
                       r"|(?:a\s+little\s+|slightly\s+|just\s+)?(?:more|less)\s+than|over|under)\s+)?$", re.IGNORECASE)
# 'valued at USD 3.2 billion in 2018 and is expected to expand by 6.4% over the forecast period': the rate the market
# grows by in each year of the forecast period, right after its size
OVER_THE_FORECAST_PERIOD = re.compile(r"^\s*(?:over|during|throughout|in)\s+the\s+forecast(?:ed)?\s+period\b", re.IGNORECASE)
# 'USD 1.8 billion in 2023, ... USD 10.5 billion by 2032. This remarkable growth rate of approximately 21.5% is ...': the
# growth rate of the sizes of the sentence before
THIS_GROWTH_RATE = re.compile(r"^this\s+(?:[a-z]+\s+)?growth\s+rate\s+of\s+(?:(?:around|about|approximately|roughly|nearly|"
                              r"some)\s+)?$", re.IGNORECASE)
# 'USD 5 billion by 2030 with growth rate of 9%': a bare growth rate right after a forecast size
GROWTH_RATE_WITH = re.compile(r"\bwith\s+(?:an?\s+)?growth\s+rate\s+of\s+(?:(?:around|about|approximately|roughly|nearly|some)"
                              r"\s+)?$", re.IGNORECASE)
# 'grow to USD 9 billion by 2030 at an average rate of 6%': the rate of the growth to the size just drafted
AVERAGE_RATE_AFTER_SIZE = re.compile(r"^\s*(?:,\s*)?(?:by\s+(?:19|20)\d\d\s*,?\s+)?at\s+an?\s+(?:annual\s+)?average\s+(?:annual\s+)?"
                                     r"(?:growth\s+)?rate\s+of\s+(?:(?:around|about|approximately|roughly|nearly|some)\s+)?$",
                                     re.IGNORECASE)
# 'Growth Rate | 7.00%': a key-facts row whose label is the market's growth rate, with no year of its own
GROWTH_RATE_ROW = re.compile(r"^\W*(?:(?:projected|expected|forecast|annual)\s+)?growth\s+rate\s*[|:]\W*$", re.IGNORECASE)
FORECAST_YEAR = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
# 'the kelp market expands in size by about 4-6% year over year': the rate it grows at every year
PER_YEAR_AFTER = re.compile(r"^\s*(?:per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year|annually|yearly"
                            r"|year[\s-]over[\s-]year)\b"
                            r"(?!\s+(?:ago|earlier|before)\b)", re.IGNORECASE)  # 'rose 12% a year ago' is one year's
# 'Europe leads at 41% share. Asia follows at 27%': the next region's share, worded by its place after the first
SHARE_BEFORE = re.compile(r"\b(?:held|holds?|holding|accounted\s+for|accounts?\s+for|accounting\s+for|captured|"
                          r"captures?|capturing|represent(?:ed|s|ing)?|contribut(?:ed|es|ing)|follow(?:s|ed)?\s+(?:with|at)|"
                          r"command(?:ed|s|ing)?|dominat(?:ed|es|ing)\s+with|share\s+of|comprising|making\s+up|"
                          r"made\s+up|took|generat(?:ed|es|ing))\b", re.IGNORECASE)
# 'Europe buys 40% of global consumption': a share of what the market's buyers consume (of the world's, or all of it;
# not 'of energy consumption')
CONSUMPTION = r"(?:the\s+)?(?:(?:global|world|worldwide|total)\s+)?consumption\b(?!\s+(?:of|for)\b)"
SHARE_AFTER = re.compile(r"^\W{0,3}(?:(?:of\s+(?:the\s+)?)?(?:global\s+|total\s+|overall\s+)?(?:market\s+|revenue\s+)?"
                         rf"share|of\s+the\s+(?:global\s+|total\s+|overall\s+)?(?:market|revenue)|of\s+{CONSUMPTION})",
                         re.IGNORECASE)
# '- North America holds the largest regional market share at nearly 38%' (a list item, no full stop): the share is
# named before the figure, so nothing is cut off after it
MARKET_SHARE_BEFORE = re.compile(r"\b(?:market|revenue)\s+share\s+(?:of|at|is|was|stands\s+at|stood\s+at|reaching)\s+"
                                 rf"(?:(?:{APPROXIMATE}|{LOWER})\s*)?$", re.IGNORECASE)
# 'China's kelp sales, USD 2 billion, are 20% of the (forecast) global total': of the world market's, after its value
GLOBAL_TOTAL_AFTER = re.compile(r"^\W{0,3}of\s+the\s+(?:(?:forecast|projected|estimated)\s+)?(?:global|world|worldwide)\s+"
                                r"total\b", re.IGNORECASE)
SHARE_OF_OTHER = re.compile(r"\s+of\s+(?!(?:the\s+)?(?:(?:US\$|USD\s|\$)?[\d.,]+\s+(?:billion|million|trillion|bn|mn)\s+)?"
                            rf"(?:[\w-]+\s+){{0,4}}?(?:market|revenue|sales|share|industry|total|value)\b|{CONSUMPTION})",
                            re.IGNORECASE)
# 'Europe grows 58% of the world's tidefern crop, while China holds 14%': a second share joined to the first by 'while'
WHILE_BETWEEN = re.compile(r",\s*(?:while|whereas)\b", re.IGNORECASE)
# not a company's figure: 'its global sales', 'the group's worldwide revenue'
NOT_A_COMPANYS = r"(?<!'s\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bour\s)"
# the verb after a subject whose figure follows: 'kelp snack revenue will ...', 'demand for kelp snacks is ...'
SUBJECT_VERB = r"(?:is|are|was|were|will|would|could|should|may|might|has|have|had|grew|grows|rose|rises|to)\b[^%$€£]{0,60}$"
# the verb after what the world demand or spending is for: '... for kelp fertilizer will reach'
WHAT_ENDS = r"(?:will|is|are|was|were|has|have|had|to|should|could|may|reached|rose|grew|stood|in|by)\b"
# 'global sales of these blends came to $4 billion': the market's sales, not a company's ('its global sales')
GLOBAL_SALES_OF = rf"{NOT_A_COMPANYS}\b(?:global|worldwide)\s+sales\s+of\b"
# 'worth $4 billion' values the market; 'sold $2 billion worth of vaccines' is an amount sold, not a valuation
SIZE_CUE = re.compile(rf"{GLOBAL_SALES_OF}|" r"\bmarkets?\b|\bsize\b|\bindustry\b|\bsector\b|\bvalued\b|\bworth\b(?!\s+of\b)|\brevenue\b"
                      r"|^it\s+is\s+(?:expected|projected|estimated|anticipated|forecast|set|poised)"
                      r"|\bit\s+will\s+(?:grow|reach|rise|expand|climb|hit|surpass|exceed)\b"
                      r"|^the\s+value\s+(?:is|was|will|has|had|stood|reached)\b"
                      # a key-facts line 'Forecast (2032): Expected to reach USD 37–40 billion', below 'Market Size (2024)'
                      r"|^forecast\s*\(\s*(?:19|20)\d\d\s*\)\s*:", re.IGNORECASE)
# 'worldwide kelp fertilizer sales are set to total $ 3.1 billion': the world sales of what the title names; and
# 'global kelp farming providers (KFP) revenue is expected to reach $4 billion': the forecast world revenue of what it names
# (a past revenue may be a wider industry's, named in passing)
WORLDWIDE_SALES = re.compile(rf"{NOT_A_COMPANYS}\b(?:global|worldwide)\s+"
                             r"(?P<what>(?:[\w-]+\s+){1,3}?)(?:sales\b|(?:\(\s*[A-Z]{2,6}\s*\)\s+)?revenues?\s+(?:is|are)\s+"
                             r"(?:expected|projected|forecast|set|estimated|poised|anticipated)\s+to\s+(?:reach|hit|total|exceed|"
                             r"surpass)\b)", re.IGNORECASE)
# 'while kelp snack revenue will grow at a 3% CAGR': the revenue (or sales) of what the words before it name
REVENUE_SUBJECT = re.compile(r"\b(?P<what>(?:[A-Za-z][\w&'-]*\s+){1,4}?)(?:\(\s*[A-Z]{2,6}\s*\)\s+)?(?:revenues?|sales)\s+"
                             + SUBJECT_VERB, re.IGNORECASE)
# 'demand for kelp snacks is set to grow 3% a year': the demand for what the words after 'for' name
DEMAND_SUBJECT = re.compile(r"\bdemand\s+for\s+(?P<what>(?:[A-Za-z][\w&'-]*\s+){1,6}?)" + SUBJECT_VERB, re.IGNORECASE)
# 'demand for these products': for the ones just named, not for something else
JUST_NAMED = re.compile(r"^\s*(?:these|those)\b.*", re.IGNORECASE | re.DOTALL)
# 'global demand for kelp fertilizer is forecast to rise to $3 billion': the world demand for what the title names
WORLD_DEMAND_FOR = re.compile(rf"{NOT_A_COMPANYS}\b(?:global|worldwide|world)\s+demand\s+for\s+"
                              rf"(?P<what>(?:[\w-]+\s+){{1,4}}?){WHAT_ENDS}", re.IGNORECASE)
CONJUNCTION = re.compile(r"\b(?:while|whereas|that|which|and|but|as|when|if|although|though|so)\b", re.IGNORECASE)
# 'total spending on kelp fertilizer will reach $3 billion by 2030': the world spending on what the title names
SPENDING_ON = re.compile(rf"{NOT_A_COMPANYS}\b(?:total|global|worldwide)\s+(?:spending|spend)\b"
                         r"(?:\s+(?:and|&)\s+(?:(?:global|total|worldwide)\s+)?(?:demand|use|consumption))?\s+(?:on|for)\s+"
                         rf"(?P<what>(?:[\w-]+\s+){{1,3}}?){WHAT_ENDS}", re.IGNORECASE)
# 'global kelp spending is set to reach $3 billion in 2030': the world spending on what the words before 'spending' name
WORLD_SPENDING = re.compile(rf"{NOT_A_COMPANYS}\b(?:global|worldwide|world)\s+(?P<what>(?:[\w-]+\s+){{1,3}}?)"
                            rf"(?:spending|spend)\s+{WHAT_ENDS}", re.IGNORECASE)
# 'this figure may pass $9 billion by 2031', 'experts expect this to double and reach $9 billion': the size drafted from
# the sentence before
# 'the kelp market topped $300 million in 2022. At this pace, this number could reach $700 million by 2030'
THIS_FIGURE = re.compile(r"\b(?:this|that|the\s+same)\s+(?:figure|value|estimate|amount|total|number)\b"
                         r"|\b(?:expect|project|forecast|predict)(?:s|ed)?\s+this\s+to\s+(?:[\w-]+\s+){0,4}?(?:reach|hit|exceed|"
                         r"surpass|pass|top|total|(?:grow|rise|climb)\s+to)\s+(?:an?\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# 'This should reach a staggering $9 billion by 2031', 'But it is projected to hit $9 billion': a subject pointing back,
# opening the sentence, right before the verb of the amount it reaches; after an opening phrase too ('By 2031 it is
# expected to grow up to $9 billion', 'What's more, it's on track to set a new record of $9 billion'), and worded
# 'It's', 'this valuation' or 'Another estimate' ('Another estimate projects growth to $9 billion')
POINTS_BACK_TO_REACH = re.compile(r"^(?:(?:but|and|yet)\s+|by\s+(?:19|20)\d\d\s*,?\s+|[\w'’ ]{1,25},\s*)?"
                                  r"(?:it(?:['’]s)?|this(?:\s+(?:valuation|estimate))?|another\s+(?:estimate|projection|"
                                  r"forecast))\s+(?:(?:is|was|are|currently|now|still|projected|expected|forecast|estimated|set|"
                                  r"poised|anticipated|on\s+track|to|should|could|will|would|may|might|projects?)\s+){0,4}"
                                  r"(?:reach|hit|exceed|surpass|top|pass|total|stands?\s+at|set\s+a\s+new\s+record\s+of|"
                                  r"(?:grow|rise|climb|growth)\s+(?:up\s+)?to)\s+"
                                  r"(?:(?:an?|well|over|around|about|approximately|roughly|nearly|more\s+than)\s+){0,2}"
                                  r"(?:[a-z-]+\s+)?$", re.IGNORECASE)
# 'This means spending could reach $9 billion' after 'Kelp spending is expected to grow ...': the same subject
THIS_MEANS = re.compile(r"^this\s+means\s+(?:that\s+)?(?P<what>[a-z][\w-]*)\s+(?:could|will|would|should|may|might|can)\b",
                        re.IGNORECASE)
# 'In 2024, it was worth $4 billion' after 'The kelp economy is growing fast ...'
IT_SUBJECT = re.compile(r"(?:^|,\s*)it\s+(?:is|was|has|had|reached|hit|stood|will|could|should|grew|rose)\b",
                        re.IGNORECASE)
# 'The projection of $9 billion by 2031 assumes cheaper kelp.' right after the sentence giving the market's CAGR
PROJECTION_OF = re.compile(r"^(?:the|this|that)\s+(?:projection|forecast|projected\s+(?:value|size|figure|total))\s+of\s+"
                           r"(?:(?:around|about|approximately|roughly|nearly|some|over|more\s+than)\s+)?$", re.IGNORECASE)
NAMED_SUBJECT = re.compile(r"\bthe\s+(?P<what>(?:[\w-]+\s+){1,3}?)(?:market|industry|sector|economy)\s+"
                           r"(?:is|was|are|were|has|had|will|stood|reached|grew|rose)\b", re.IGNORECASE)
REVENUE_CUE = re.compile(r"\b(?:sales\s+revenue|revenues?|sales|turnover|net\s+sales)\b", re.IGNORECASE)
MARKET_SIZE_WORDS = re.compile(r"market\s+(?:size|value|revenue)|(?:global|total|worldwide)\s+revenues?"
                               rf"|{GLOBAL_SALES_OF}"
                               r"|market\s+(?:was|is|will|to)\b|valued|worth|market\s+"
                               r"(?:reached|stood|accounted|generated)|size\s*\(|market\s+size|^it\s+is\s+(?:expected|projected|estimated)",
                               re.IGNORECASE)
MARKET_REVENUE = re.compile(r"\b(?:the|this)\s+(?:global\s+|worldwide\s+)?market\b(?!\s+(?:leader|player|share|participant))"
                            r"[^,;.]{0,40}?\b(?:a\s+)?(?:total\s+)?revenues?\s+of\s*$", re.IGNORECASE)
# 'the market translated into a revenue of USD x bn': the market's size, not a company's revenue; 'In 2025, kelp
# industry generated ...': no article when the market opens the sentence or the clause after a comma
MARKET_GENERATES = re.compile(r"(?:\b(?:the|this)\s+|^|,\s*)(?:[\w-]+\s+){0,5}?(?:\(\s*[A-Z][\w&.-]{1,9}\s*\)\s+)?"
                              r"(?:market|industry|sector)\s+"
                              r"(?!(?:leaders?|players?|share|participants?)\b)(?:[\w']+\s+){0,5}?"
                              r"(?:generat\w*|bring\w*\s+in|brought\s+in|rak\w*\s+in|earn\w*|reach\w*)\s+(?:(?:around|about|"
                              r"approximately|roughly|nearly|some|an\s+estimated|over|more\s+than)\s+)?$", re.IGNORECASE)
# 'industry revenue is set to grow at a 2% CAGR to $9 billion': the revenue of the industry (the page's) as the subject
INDUSTRY_REVENUE_SUBJECT = re.compile(r"(?<!\bof\s)(?<!'s\s)\bindustry\s+revenues?\s+(?:is|are|was|were|will|would|should|"
                                      r"could|may|might|has|have|had|grew|rose|reached|totall?ed|stood)\b", re.IGNORECASE)
# 'the kelp fertilizer industry should generate around USD 1.2 billion in revenue': its size, not a company's revenue
IN_REVENUE_AFTER = re.compile(r"^\s*(?:in\s+)?(?:total\s+|annual\s+|global\s+)?(?:retail\s+)?(?:revenues?|sales)\b",
                              re.IGNORECASE)
BARE_MARKET_SUBJECT = re.compile(r"^(?:the|this)\s+market\b", re.IGNORECASE)
DECLINE_CUE = re.compile(r"\b(?:declin(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|contract(?:s|ed|ing)?|shrink(?:s|ing)?|shrank"
                         r"|fall(?:s|ing)?|fell|drop(?:s|ped|ping)?|negative)\b"
                         r"(?![^,;]*\b(?:grow|rise|rising|increas|expand|recover))[^,;]{0,40}$", re.IGNORECASE)
RESPECTIVE_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)?", re.IGNORECASE)  # '4%, 3% and 2%, respectively'
REMAINING = re.compile(r"\bthe\s+remaining\s*$", re.IGNORECASE)
# 'the two markets reached respective values of $4 billion and $2 billion': amounts paired with subjects named before
RESPECTIVE_OF = re.compile(r"\brespective\s+(?:[\w-]+\s+){0,2}?(?:of|at)\s+(?:(?:around|about|approximately|roughly|nearly|"
                           r"some)\s+)?$", re.IGNORECASE)
RESPECTIVELY_AFTER = re.compile(r"^\s*(?:(?:in|by)\s+(?:19|20)\d\d\s*)?,?\s*respectively\b", re.IGNORECASE)
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)  # '64% and 58% CAGR, respectively': paired subjects
# 'a CAGR of close to 6%': 'close to' bounds the rate, it names nothing the rate is of
CAGR_OF_OTHER = re.compile(r"(?:\bCAGR\b|compound(?:ed)?\s+annual\s+growth\s+rate)\s+of\s+(?!close\s+to\b)"
                           r"(?P<what>(?:[A-Za-z][\w&'-]*\s+){1,4}?)"
                           r"(?:is|are|was|were|will|has|have|had|could|would|may|to|at|stood|reached)\b[^%]{0,40}$",
                           re.IGNORECASE)  # 'the compound annual growth rate of commercial boilers is expected to stay below 3%'
MARKET_ITSELF = re.compile(r"\b(?:markets?|industry|sector|it|its|this|revenues?|sales|value|size|spending)\b",
                           re.IGNORECASE)  # 'the CAGR of the market / of revenue is': the market's own
JOINED_REGIONS = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|and|&|plus|as\s+well\s+as|together\s+with|along\s+with)"
                            r"\s*(?:the\s+)?", re.IGNORECASE)  # 'Europe and North America', 'NA, EU & APAC'
# 'CAGR (2025–2032): Around 6–7%': the label's period, a hedge word between it and the rate
LABEL_PERIOD = re.compile(r"(?P<period>(?:19[89]\d|20\d\d)\s?(?:-|–|—|to)\s?(?:19[89]\d|20\d\d|\d\d))\s?\)?\s*"
                          r"(?:[:=|]|\bof\b|\bat\b|\bis\b|\bwas\b|\bwill\s+be\b)?\s*(?:[-−–]\s*)?"
                          r"(?:(?:around|about|approximately|roughly|nearly)\s+)?$", re.IGNORECASE)
REGION_AFTER = re.compile(r"\s*(?:in|across|within)\s+(?:the\s+)?", re.IGNORECASE)
# '25 percent less profit', '12% higher sales': a percentage worded as a difference from another figure
DIFFERENCE_AFTER = re.compile(r"\s*(?:less|more|lower|higher|fewer|smaller|larger|bigger)\b", re.IGNORECASE)
RATES_BEFORE = re.compile(r"\b(?:CAGRs|growth\s+rates)\s+of\s+(?:[\d.]+\s?%\s*(?:,|and)\s*)*$", re.IGNORECASE)
FOLLOWED_BY = re.compile(r"\bfollowed\s+by\b", re.IGNORECASE)  # names the next figure's holder
# 'In 2021, sources put the market at $767B, with 2020 seeing a decline': a year that is the subject of a clause after
# the amount ('with YEAR seeing') is that clause's, not the amount's
WITH_YEAR_CLAUSE = re.compile(r"[^,;]*,\s*with\s+(?:19|20)\d\d\s+[a-z]+ing\b", re.IGNORECASE)
NEXT_CLAUSE_YEAR = re.compile(r"\s*,\s*(?:and|while|but|whereas)\s+(?:by|in)\s+(?:19|20)\d\d\b", re.IGNORECASE)
# 'USD 15.6 billion by the early 2030s': a decade right after an amount is its time, and no year
DECADE_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:by|in|during|through|into)\s+(?:the\s+)?(?:early\s+|mid[\s-]|late\s+)?"
                                r"(?:19|20)\d0s\b", re.IGNORECASE)
# 'to USD 9 billion by 2025- 2034': an amount reached 'by' a period is reached at its end, not at its start
BY_PERIOD_RIGHT_AFTER = re.compile(r"^\s*,?\s*by\s+(?:19|20)\d\d\s?(?:-|–|—|to)\s?(?:19|20)\d\d\b", re.IGNORECASE)
YEAR_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:by|in|of|for|until|through)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b",
                              re.IGNORECASE)
# 'a CAGR of 7% from 2024 numbers', 'a 7% CAGR from 2024': a start year alone right after the CAGR (no end year after it)
FROM_YEAR_AFTER = re.compile(r"^\s*(?:CAGR\s+)?(?:,\s*)?(?:(?:starting|beginning)\s+)?from\s+(?:the\s+)?(?P<year>(?:19|20)\d\d)\b"
                             r"(?!\s*(?:-|–|to|through|until|till|and)\b)", re.IGNORECASE)
# 'USD 9 billion in 2025 and grow at a CAGR of 6% from there until 2034': the period starts at the amount's year
FROM_THERE_AFTER = re.compile(r"^\s*,?\s*from\s+(?:there|then|that\s+(?:level|point|base))\s+(?:until|till|to|through|thru)\s+"
                              r"(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
# 'grow from $2.1 billion in 2024 to $2.3 billion in 2025 at a compound annual growth rate (CAGR) of 9.5%': the
# first amount's year before 'to', the second amount's year and the rate's cue between it and the rate
ONE_YEAR_FROM = re.compile(r"\s*in\s+(?P<year>(?:19|20)\d\d)\s+to\s*", re.IGNORECASE)
ONE_YEAR_ON = re.compile(r"^\s*in\s+(?P<year>(?:19|20)\d\d)\s*,?\s*(?:at|with)\s+an?\s+(?:CAGR|compound\s+annual\s+growth\s+"
                         r"rate)(?:\s*\(\s*CAGR\s*\))?\s+of\s+$", re.IGNORECASE)
# '$3.1 billion (€2.8 billion) by 2034': the parentheses around the same amount in another currency
CONVERSION_OPEN = re.compile(r"\s*\(\s*")
CONVERSION_CLOSE = re.compile(r"\s*\)")
# 'a CAGR of 5% in air passenger traffic during ...', '13.4% vs. 8.2% for pre-match to grow its share': a rate of
# something named right after it, in lower case
RATE_IN_OTHER = re.compile(r"^\s*(?:in|for)\s+(?:the\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
                           r"(?=\s+(?:during|over|between|from|through|until|till|by|to)\b|\s*[,.;]|\s*$)")
# 'a 12% CAGR increase in the market for sea kelp': the rate of the market named right after it
RATE_IN_MARKET_FOR = re.compile(r"^\W{0,3}(?:CAGR\s+)?(?:increase|growth|rise)\s+in\s+the\s+market\s+for\s+"
                                r"(?P<what>[a-z][\w-]*(?:\s+(?!(?:during|over|between|from|by|to|in|is|are|was|were|will|and|"
                                r"provides?|shows?|gives?|offers?)\b)[a-z][\w-]*){0,2})", re.IGNORECASE)
TIME_WORDS = re.compile(r"\b(?:years?|period|decades?|terms?|future|time|horizon|run|value|revenues?|sales|"
                        r"markets?|industry|sector|coming|next|forecast)\b", re.IGNORECASE)
# 'China, the world's second biggest economy, ...': a ranking in the world, not a world figure
WORLD_RANKING = re.compile(r"^['’]s\s+(?:\w+\s+)?(?:largest|biggest|leading|top|\w+est)\b", re.IGNORECASE)
# 'The Asian market represents the largest kelp market in the world, at $1.4 billion': the region's rank in the world
RANKED_IN_THE_WORLD = re.compile(r"\b(?:largest|biggest|greatest|leading|top|most\s+\w+)\b[^,;]{0,60}?\bin\s+the\s+$",
                                 re.IGNORECASE)
# 'volume sales of heat pumps ... a CAGR of 13.6%', 'imaging volumes are growing 5 percent annually', 'consumers will
# add broadband lines at a CAGR of 23 percent': the rate of volumes sold or of things counted, not of the market's value
VOLUME_SUBJECT = re.compile(r"\bvolume\s+(?:sales|shipments|consumption|demand|deliveries)\b"
                            r"|\bvolumes\s+(?:are|were|will|have|had)\s+(?:[\w-]+\s+){0,2}?(?:grow|ris|increas|expand|climb)\w*"
                            r"|\badd(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:lines|connections|subscribers|subscriptions|users|"
                            r"customers|units|devices)\b"
                            # 'adoption rates are increasing 12% annually' (how fast buyers take it up, not the value), 'with
                            # prevalence increasing by 2.5% annually' (how fast a count of people grows)
                            r"|\b(?:adoption(?:\s+rates?)?|prevalence|incidence|population|cases|patients|sufferers)\s+"
                            r"(?:(?:is|are|was|were|has|have|will)\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:grow|ris|increas|expand|climb)\w*\s+(?:(?:by|at)\s+)?(?:(?:around|about|nearly|some|over)\s+)?$"
                            # 'The global soda ash production has increased at a CAGR of ~2.5%': how fast the output grows
                            r"|\b(?:production|output)\s+(?:(?:is|are|was|were|has|have|had|will)\s+)?(?:been\s+)?"
                            r"(?:grow|ris|increas|expand|climb)\w*\s+(?:by|at)\s+(?:an?\s+)?(?:CAGR|compound(?:ed)?\s+annual\s+"
                            r"growth\s+rate|rate)?\s*(?:of\s+)?[~≈]?\s*(?:(?:around|about|approximately|nearly|some|over)\s+)?$",
                            re.IGNORECASE)
# 'By 2032, the market is expected to grow at a 7.5% CAGR': the end of the period of the sentence's first rate
# 'a projected 2020-2025 CAGR of 5.1%', 'expand from 2013 to 2019, at a CAGR of around 6%': the rate's own period,
# right before its CAGR words; a table row's label 'Growth (1960 – 2008) CAGR 1.5%', its period in parentheses (a
# start before 1990 is read too, so that the rate is not drafted without the period printed beside it)
PERIOD_BEFORE_CAGR = re.compile(r"(?P<period>(?P<y1>(?:19|20)\d\d)\s?(?:-|–|—|to|and|through)\s?(?P<y2>(?:19|20)\d\d))\)?\s*,?\s*"
                                r"(?:(?:at|with|by)\s+)?(?:(?:an?|the)\s+)?(?:CAGR|compound(?:ed)?\s+annual\s+growth\s+rate)"
                                r"\s+(?:of\s+|at\s+)?(?:(?:around|about|approximately|roughly|nearly|some)\s+)?$", re.IGNORECASE)
# 'neurology is forecasted to have the strongest growth rate, with a CAGR of 25%': what grows fastest is one part of
# the market compared with the others (a segment's or a region's rate), not the market
FASTEST_GROWTH = re.compile(r"\b(?:fastest|strongest|highest|quickest)\s+(?:growth|CAGR)\b", re.IGNORECASE)
# 'Japan has a broad audience for toys. In 2021, its toy market size was $67.9 billion': the market of what 'its' refers to
# 'share of the European market': the region named as the market a share is of
REGIONS_MARKET_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
REGIONS_MARKET_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?market\b", re.IGNORECASE)
# 'demand in China's office chair market, ... accounting for 38%': the region's market the share is in
IN_REGIONS_MARKET_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
POSSESSIVE_MARKET_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?market\b", re.IGNORECASE)
ITS_MARKET = re.compile(r"\bits\s+(?:[\w-]+\s+){0,3}?market\b", re.IGNORECASE)
# 'The trend will continue through 2032, with a projected 7.8% CAGR': the end printed right before the rate
END_WITH_RATE = re.compile(r"\b(?:through|until|till|thru)\s+(?P<year>(?:19|20)\d\d)\s*,\s*with\s+an?\s+"
                           r"(?:(?:projected|expected|estimated|forecast|anticipated)\s+)?$", re.IGNORECASE)
OPENING_BY = re.compile(r"^(?:and\s+)?(?:by|through|until|till)\s+(?P<year>(?:19|20)\d\d)\s*,", re.IGNORECASE)
# 'growing at a CAGR of 13.9%. And by 2028, this rate could reach anywhere from 14.4% to 16.3%': the CAGR of the
# sentence before, named again
THIS_RATE = re.compile(r"\b(?:this|that|the\s+same)\s+(?:growth\s+)?rate\s+(?:could|will|would|may|might|should|is\s+"
                       r"(?:expected|projected|forecast)\s+to)\s+(?:reach|rise\s+to|climb\s+to|hit)\s+"
                       r"(?:(?:anywhere\s+)?from\s+|between\s+)?(?:(?:around|about|approximately|nearly)\s+)?$", re.IGNORECASE)
# 'Analysts expect that by 2027, the kelp market will rise at a brisk pace of 3.8% each year': the same year, opening
# the clause of what is expected
EXPECTED_BY = re.compile(r"^[^,;]{0,60}?\b(?:estimat|predict|forecast|expect|project)\w*\s+that\s+(?:by|through|until|till)\s+"
                         r"(?P<year>(?:19|20)\d\d)\s*,", re.IGNORECASE)
# '... more than doubled (Lindqvist 2019).': a citation's year at the end of a sentence is no figure's year
CITATION_AT_END = re.compile(r"\(\s*(?!(?:Est|Estimated|Forecast|Projected|Expected|Base|Year|Fiscal|Calendar|Since|Until|"
                             r"Through|From|By|In|As|End|Before|After)\b)[A-Z][a-z]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][a-z]+)?"
                             r",?\s+(?:19|20)\d\d[a-z]?\s*\)\s*[.!?]?\s*$")
# 'In 2021, the kelp market grew by 7% over 2020, reaching $4 billion': the year opening the sentence, and the one the
# amount is compared with
OPENING_YEAR = re.compile(r"^(?:in|during|for|as\s+of|(?:by|at)\s+the\s+end\s+of)\s+(?P<year>(?:19|20)\d\d)\s*,", re.IGNORECASE)
COMPARED_WITH = re.compile(r"\b(?:over|compared\s+(?:to|with)|versus|vs\.?|against)\s+(?:the\s+)?(?:year\s+)?(?:19|20)\d\d\b"
                           r"(?!\s*(?:-|–|—|to|and|through)\s*(?:19|20)?\d\d)", re.IGNORECASE)
# 'estimated at 41 million tonnes in 2024, while its value was USD 9 billion': a volume, then the value
# '44ZB (44 billion TB)': bytes stored are a quantity too
VOLUME = re.compile(r"\b\d[\d,.]*\s?(?:(?:million|billion|thousand|mn|bn|[MBK])\s+)?(?:units|tonnes|tons|metric\s+tons|Mt|kt"
                    r"|[TPEZ]B)\b")
# 'a CAGR of 2% in volume and 4% in value', 'In volume terms, the market ...': the rate of the market's volume
# 'USD 17.25 million tonnes in 2023': a unit of quantity after the amount makes it a volume, whatever sign is before it
QUANTITY_UNIT_AFTER = re.compile(r"^\s?(?:metric\s+)?(?:tonnes|tons|units|liters|litres|barrels|gallons|kilograms|kg)\b",
                                 re.IGNORECASE)
VOLUME_RATE_AFTER = re.compile(r"^\s*(?:in|by)\s+(?:volume|units|quantity|tonnage)(?:\s+terms)?\b", re.IGNORECASE)
# 'In terms of quantity, the market ... is expected to increase at a CAGR of 5%': the same, worded 'in terms of'
VOLUME_OPENING = re.compile(r"^(?:in|by)\s+(?:terms\s+of\s+)?(?:volume|units|quantity|tonnage)(?:\s+terms)?\b",
                            re.IGNORECASE)
# '7.6% in dollar terms, whereas in grams produced, it will grow at 1.9%': a clause opened by a unit of quantity
VOLUME_CLAUSE = re.compile(r"\b(?:in|by)\s+(?:terms\s+of\s+)?(?:volume|units|quantity|tonnage|grams|kilograms|tonnes|tons|"
                           r"litres|liters|barrels)(?:\s+(?:terms|produced|sold|shipped|consumed))?\s*,", re.IGNORECASE)
VOLUME_TO = re.compile(r"\bvolumes?\s+(?:to|of|at)\s+(?:(?:around|about|approximately|roughly|nearly|some|over|more\s+than)\s+)?$",
                       re.IGNORECASE)  # 'which takes the market volume to 9M units'
VALUE_WORD = re.compile(r"\bvalue\b", re.IGNORECASE)
REFERS_BACK = re.compile(r"^(?:it|this|that)\b", re.IGNORECASE)
# 'Kelpwatch forecasts kelp sales will ...': who forecasts the sales, before what they are of
FORECASTER_VERB = re.compile(r"\b(?:forecasts?|expects?|predicts?|projects?|estimates?|says|said|believes?|sees)\b",
                             re.IGNORECASE)
WORLD_WORD_AFTER = re.compile(r"^\s*(?:worldwide|globally)\b", re.IGNORECASE)  # '$1.6bn worldwide by 2022'
# '... USD 9 billion by that year': the year of the sentence before
THAT_YEAR_AFTER = re.compile(r"^\s*,?\s*(?:by|in|for|during)\s+(?:that|the\s+same)\s+year\b", re.IGNORECASE)
# 'Between 2010 and 2020, the market grew from $2 billion to $5 billion': two amounts joined 'from A to B'
FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
TO_BETWEEN = re.compile(r"\s*to\s*", re.IGNORECASE)
# between two amounts one grows from: 'in 2030 from', 'in 2022 to'
CARRIED_UNIT_JOIN = re.compile(r"\s*(?:(?:in|by)\s+(?:19|20)\d\d\s*,?\s*)?(?:from|to)\s*", re.IGNORECASE)
# the end of a sentence inside a text: a full stop, then a capital
SENTENCE_END = re.compile(r"(?<=[a-z%)])[.!?]\s+(?=[A-Z])")
# a line labelled as a regional breakdown that runs on with regions and their figures: 'Regional mix: Europe 40%, ...'
REGION_RUN_LABEL = re.compile(r"^\W*(?:regional|geographic(?:al)?|by\s+region)\b[\w\s&-]{0,30}:", re.IGNORECASE)
# a label line naming a breakdown by region, then 'Oceania: 7%' lines (a label and one percentage alone)
LIST_LINE = re.compile(r"\s*(?P<label>[A-Za-z][\w&.' -]{1,40}?)\s*:\s*[~≈]?\s*\d+(?:\.\d+)?\s?(?:%|percent)\s*",
                       re.IGNORECASE)
BREAKDOWN_LABEL = re.compile(r"^\W*(?:(?:regional|geographic(?:al)?)\s+(?:breakdown|split|distribution|shares?|mix)"
                             r"|(?:market\s+)?shares?\s+by\s+(?:region|geography)|(?:breakdown|split)\s+by\s+(?:region|geography))"
                             r"\b[^.!?]*:\s*$", re.IGNORECASE)
# 'Most of the sales went to Europe (52%)': a part of the market's whole, in parentheses right after its region
PART_OF_WHOLE = re.compile(r"\b(?:part|share|portion|proportion|bulk|majority|most|half)\s+of\s+(?:the\s+|its\s+|this\s+)?"
                           r"(?:(?:global|world|worldwide|total|overall|market)\s+)?(?:turnover|revenues?|sales|market|"
                           r"spending|value)\b(?!\s+(?:of|for)\b)", re.IGNORECASE)
IN_PARENTHESES = (re.compile(r"\s*\(\s*$"), re.compile(r"^\s*\)"))
# 'Holding a 41% share in 2026, Asia Pacific buys the most kelp': the share opens the sentence, its region follows
OPENING_SHARE = re.compile(r"^(?:with|holding|having|accounting\s+for|capturing|commanding)\s+(?:(?:a|an|the)\s+)?"
                           r"(?:(?:[\w-]+\s+){0,2}?share\s+of\s+)?(?:(?:around|about|approximately|roughly|nearly|some|over|"
                           r"more\s+than|almost)\s+)?$", re.IGNORECASE)
SUBJECT_AFTER_SHARE = re.compile(r"^\s*(?:(?:global\s+|market\s+|revenue\s+)*share\s*)?(?:(?:in|as\s+of|for)\s+(?:19|20)\d\d"
                                 r"\s*)?,\s*(?:the\s+)?", re.IGNORECASE)
# a sentence's subject: 'The global seaweed harvest is projected to ...', or a list item's with no auxiliary verb:
# 'NGS technology expected to outpace PCR alternatives with 14.3% CAGR'
THE_SUBJECT = re.compile(r"^(?:the\s+)?(?P<what>(?:[\w&'-]+\s+){1,5}?)(?:is|are|was|were|will|has|have|had|should|could|"
                         r"would|may|might|can|grew|grows|rose|rises|expected|projected|forecast|poised)\b", re.IGNORECASE)
# 'Analysts at Kelpwatch reported that kelp snacks grew ...', 'According to Kelpwatch, kelp snacks ...': who reports it,
# before the sentence's own subject
REPORTED_LEAD = re.compile(r"^(?:according\s+to\s+[^,]{1,60},\s*|(?:[\w&'.-]+\s+){1,4}?(?:reported|reports|said|says|noted|"
                           r"notes|found|finds|estimated|estimates|showed|shows)\s+(?:that\s+)?)", re.IGNORECASE)
# 'Kelp snacks in general, according to Kelpwatch, were valued at ...': who reports it, set between the subject and its verb
INSERTED_SOURCE = re.compile(r"\s*,\s*according\s+to\s+[^,]{1,60},\s*", re.IGNORECASE)
# 'The Kelp Growers Association of Chile reported in May 2019 that the world market for kelp was ...': what is reported
# starts at 'that', after the reporter's name and the place in it
REPORTED_WORLD_MARKET = re.compile(r"\b(?:reported|said|found|estimated|noted|stated|announced)\b[^,;]{0,30}?\bthat\s+"
                                   r"(?=the\s+(?:global|world|worldwide)\s+market\b)", re.IGNORECASE)
# 'Kelp farms, especially across Chile and Peru, pushed the market to $2 billion': the regions say where the push came
# from; the amount is the market's
MARKET_PUSHED_TO = re.compile(r"\b(?:push|drove|drive|lift|propel|boost|took|brought)\w*\s+the\s+(?:global\s+|overall\s+)?"
                              r"market\s+(?:size\s+|value\s+)?to\b", re.IGNORECASE)
# 'We expect a CAGR of ...': the speaker, not the thing that grows
SPEAKER = re.compile(r"\s*(?:we|i|they|you|analysts|experts|researchers|forecasters)\s*", re.IGNORECASE)
# 'Franchise barber projection (2033) | Global | $42.1B': a statistics row's words for what its figure measures, no
# part of what it is of
ROW_MEASURE_WORDS = re.compile(r"\b(?:projections?|forecasts?|estimates?|values?|valuations?|revenues?|sales|size|"
                               r"spending|turnover|cagr|growth|outlook|total)\b|\((?:19|20)\d\d[^)]*\)", re.IGNORECASE)
SUBJECT_OF_THE_MARKET = re.compile(r"\b(?:growth|rate|cagr|figure|forecast|outlook|demand|value|size|revenues?|sales|"
                                   r"spending|market|industry|sector|it|its|this)\b", re.IGNORECASE)
# 'growth is driven by rising kelp exports, which reached $2 billion': the amount of what drives the market
DRIVER_WHICH = re.compile(r"\b(?:driven|fuel(?:l)?ed|propelled|boosted|spurred|supported|underpinned)\s+by\s+[^,;.()]{3,80},"
                          r"\s*which\s+[^,;]{0,40}$", re.IGNORECASE)
# 'kelp snacks represent 40% of the kelp food market at USD 2 billion': the value of the share just stated
SHARE_AT_AMOUNT = re.compile(r"^\s*(?:share\s+)?of\s+(?:the\s+)?(?:[\w&'-]+\s+){0,4}?(?:market|industry|sector|total|sales|revenues?)"
                             r"\s*,?\s+(?:at|worth|valued\s+at|amounting\s+to|or)\s+(?:(?:around|about|approximately|roughly|"
                             r"nearly|some|an\s+estimated)\s+)?$", re.IGNORECASE)
# 'North America accounts for more than a third of the $35 billion global market': the amount is the whole's
FRACTION_OF = re.compile(r"\b(?:(?:a|one|two|three)\s+(?:third|quarter|half|fifth|tenth)s?|half)\s+of\s+(?:the\s+)?$",
                         re.IGNORECASE)
# 'with growth set at about $3 billion over the next 4 years up to 2031': growth put at an amount is an increase
INCREMENT_CUE = re.compile(r"\b(?:grow|increase|rise|expand|add|gain)(?:s|ed|ing)?\s+by\s*$"
                           r"|\bgrowth\s+(?:of|(?:set|estimated|put|pegged)\s+at)\s+(?:(?:about|around|approximately|roughly|"
                           r"nearly|some|an\s+estimated)\s+)?$", re.IGNORECASE)
# 'a $400 billion value increase by 2028': an amount naming an increase after it is the change, not the size
INCREMENT_AFTER = re.compile(r"^\s?(?:(?:value|revenue|sales)\s+)?(?:increase|rise|growth|gain|jump|boost)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"\s(?:--?|–|—)\s|--|—|;")  # a dash or semicolon ends the clause of the figure before it
SOURCE_CITATION = re.compile(r"\baccording\s+to\b|[\"“]", re.IGNORECASE)  # a period search stops at a citation
PART_CUE = re.compile(r"\bcontribut(?:ed|es|ing)\b|\b(?:largest|biggest|major|larger)\s+share\b|\bshare\s+of\s+the\s+market\b",
                      re.IGNORECASE)  # 'X contributed USD 21.5 billion to the market'
# a 'geographical segment' is a region, not a segment; 'segment reports' are sources ('some segment reports list lower
# values'), not the figure's segment
# 'the 30-60 cm classification led the market, and it is expected to register a CAGR of 6.1%': a class of a product
# classification is a segment
SEGMENT_CUE = re.compile(r"(?<!geographical )(?<!geographic )(?<!regional )\bsegments?\b(?!\s+(?:reports?|studies|analys[ie]s)\b)"
                         r"|\bsub-segment|\bcategory\b|\bclassification\b|^\s*by\s+[a-z][a-z\s-]*,|\bproduct\s+type\b",
                         re.IGNORECASE)
# 'Historical rate: 2.6-5.1% depending on segment': the rates of segments, printed as one range
SEGMENT_AFTER = re.compile(r"^\s*,?\s*(?:depending\s+on|varying\s+by|by|per|across)\s+(?:the\s+)?(?:product\s+)?segments?\b",
                           re.IGNORECASE)
# 'North America and Western Europe ... together accounting for about 45%': a share of the regions together
TOGETHER = re.compile(r"\b(?:together|combined|jointly|collectively)\b", re.IGNORECASE)
# '..., with the broader antithrombotic sector reaching $46.2B by 2028' on an anticoagulant page: a wider market named
# in the figure's clause, after the page's own
WIDER_MARKET = re.compile(r"\bthe\s+(?:broader|wider)\s+(?P<what>(?:[\w-]+\s+){1,3}?)(?:market|industry|sector)\b"
                          r"(?=(?:[^,;.]|\.(?=\d))*$)", re.IGNORECASE)
FORECAST_PERIOD = re.compile(r"forecast(?:ed|ing)?\s+(?:period|years?|timeframe|horizon)|projected\s+period",
                             re.IGNORECASE)
# 'over the forecast period starting from 2024': the period's start alone
FORECAST_START = re.compile(r"\bforecast(?:ed)?\s+period\s+(?:starting|beginning|commencing)\s+(?:from|in|with)\s+"
                            r"(?P<year>(?:19|20)\d\d)\b(?!\s*(?:-|–|—|to|and|through|until|till)\s*(?:19|20)?\d\d)", re.IGNORECASE)
RELATIVE_YEAR = re.compile(r"\b(last|this|next|the\s+previous|the\s+current|the\s+past)\s+year\b", re.IGNORECASE)
OPEN_END = re.compile(r"\b(?:through|till|until|by|to|thru)\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
NEXT_YEARS = re.compile(r"(?:over|in|during|for)\s+the\s+(?:next|coming)\s+(?:\w+\s+)?(?:\(\d+\)\s+)?years",
                        re.IGNORECASE)
PROJECTED = re.compile(r"\b(?:projected|expected|poised|forecast|anticipated|will|estimated\s+to)\b", re.IGNORECASE)
# 'the global market', 'global app revenue', 'global sales', 'dominates the global landscape': 'global' names the
# whole, not a region after another
GLOBAL_WHOLE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:markets?|revenues?|sales|spending|demand|industry|total|landscape|stage|"
                          r"arena)\b", re.IGNORECASE)
# 'affects some 2 million adults in Norway and Chile and could earn up to $3 billion': the regions of the people
# counted, not the amount's
PEOPLE_IN_REGIONS = re.compile(r"\b(?:adults|patients|people|persons|individuals|women|men|children|sufferers)\s+in\s+"
                               r"(?:the\s+)?(?:[A-Z][\w.-]*\s*(?:,|and|&)?\s*)*$")
# 'the airline industry's net profit in 2018 will increase to $38.4 billion': a profit (earnings, income) is no market
# size, unless a size word follows it before the amount ('profits are rising, and the market was valued at $5 billion')
PROFIT_BEFORE = re.compile(r"\b(?:net\s+)?(?:profits?|earnings|net\s+income|operating\s+income|EBITDA)\b"
                           r"(?![^;]*\b(?:market|valued|worth|revenues?|sales|size)\b)[^;]*$", re.IGNORECASE)
# 'China has a demand of 120 million kelp lamps a year, of which solar lamps account for over 30%': a part of what the
# region's figure counts, not the region's share of the market
OF_WHICH = re.compile(r"\bof\s+which\b", re.IGNORECASE)
# 'a 19 percent rise from 2013', 'a 12% increase': a change of something, neither a CAGR nor a share
CHANGE_AFTER = re.compile(r"^\s?(?:rise|increase|growth|decline|decrease|drop|jump|gain|fall)\b", re.IGNORECASE)
# '$36 billion in 2013 thanks to demand by the PC storage segments': what the growth is owed to, after the amount, is
# no part of the amount's wording
CAUSE_AFTER = re.compile(r"\b(?:thanks\s+to|owing\s+to|due\s+to|driven\s+by|fuel(?:l)?ed\s+by)\b", re.IGNORECASE)
# 'The ASP for kelp lamps is projected to drop by a CAGR of -2.0%', '..., while kelp lamp prices will fall at a 3% CAGR':
# a price (an average selling price) opening the sentence or a clause, the subject of the rates after it
PRICE_SUBJECT = re.compile(r"(?:^|\b(?:while|whereas|but|and)\s+)(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                           r"(?:(?:average|mean)\s+(?:selling\s+|sales\s+|unit\s+)?prices?|ASPs?|prices?)\b(?:\s+(?:of|for|per)\s+[^,;%$]{1,60}?)?\s+(?:is|are|was|were|will|"
                           r"would|could|should|may|might|has|have|had|fell|rose|dropped|declined|decreased|grew|increased)\b",
                           re.IGNORECASE)
# 'Small kelp lamps will still be the largest sector in 2030, accounting for $2 billion', 'Solar lamps are forecast to
# be the fastest growing application, at a CAGR of 20%': a subject said to be one sector (segment, application) of the
# market, a part of it
PART_SUBJECT = re.compile(r"^(?:the\s+)?(?P<what>(?:[\w&'/-]+\s+){1,4}?)(?:(?:is|are|was|were)\s+(?:(?:forecast|expected|projected|"
                          r"set|poised|likely)\s+to\s+(?:be|remain)\s+)?|will\s+(?:still\s+)?(?:be|remain)\s+|remains?\s+|remained\s+)"
                          r"(?:still\s+)?(?:the|an?|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:sector|segment|application|category|"
                          r"end[\s-]use)s?\b", re.IGNORECASE)
# '... was responsible for $70 billion in total economic activity in the US': what an industry brings about in an
# economy (its suppliers' and workers' spending too), not what is sold in its market
ECONOMIC_IMPACT = re.compile(r"^\s*(?:in|of)\s+(?:total\s+)?economic\s+(?:activity|impact|output|contribution)\b"
                             r"|\beconomic\s+(?:impact|activity|output|contribution)\s+(?:of|was|is|reached|totall?ed|"
                             r"stood\s+at)\s+(?:(?:around|about|approximately|roughly|nearly|some)\s+)?$", re.IGNORECASE)
# 'In the previous five-year period (2010-2015), sales rose at a CAGR of 17%, although that was helped by the recovery
# from the 2008-2009 recession': a concession after the rate is another clause, whose years are not the rate's period
CONCESSION = re.compile(r"\b(?:although|though|whereas|albeit)\b", re.IGNORECASE)
# 'Kelp lamps account for 73% of the $9 billion outdoor lighting market': the amount right after a share of it is the
# whole's, which the part holds a share of
SHARE_OF_THE_AMOUNT = re.compile(r"^\s*of\s+(?:the|a|an)\s+$", re.IGNORECASE)
