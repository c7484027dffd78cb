-- Thin query: the mart as it is. Free-text columns are neutralised for spreadsheets: every DataTable
-- offers its rows as a CSV download, and a spreadsheet runs a cell that starts with = + - @, a tab or a
-- carriage return as a formula (CSV injection). Such a text gets a leading single quote (') here, once,
-- for every page; numbers, dates and keys stay as they are. (GX warning rule 26 flags such texts in
-- the marts; this is the guard, at the point where the data leaves for a spreadsheet.)
select * replace (
    case when regexp_matches(market_name, '^[=+@\t\r-]') then '''' || market_name else market_name end as market_name
)
from marts.dim_market
