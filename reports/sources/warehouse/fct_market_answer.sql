-- Thin query: the mart as it is. Free-text columns are neutralised for spreadsheets (see dim_market.sql):
-- a text that starts with = + - @, a tab or a carriage return gets a leading single quote.
select * replace (
    case when regexp_matches(market_name, '^[=+@\t\r-]') then '''' || market_name else market_name end as market_name
)
from marts.fct_market_answer
