-- Thin query: the mart as it is. Free-text columns are neutralised for spreadsheets (see dim_market.sql):
-- a text that starts with = + - @, a tab or a carriage return gets a leading single quote.
select * replace (
    case when regexp_matches(publisher, '^[=+@\t\r-]') then '''' || publisher else publisher end as publisher
)
from marts.fct_source_grade
