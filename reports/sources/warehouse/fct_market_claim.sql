-- Thin query: the mart as it is. Free-text columns are neutralised for spreadsheets: every DataTable
-- offers its rows as a CSV download, and a spreadsheet runs a cell that starts with = + - @, a tab or a
-- carriage return as a formula (CSV injection). Such a text gets a leading single quote (') here, once,
-- for every page; numbers, dates and keys stay as they are. (GX warning rule 26 flags such texts in
-- the marts; this is the guard, at the point where the data leaves for a spreadsheet.)
select * replace (
    case when regexp_matches(region_label, '^[=+@\t\r-]') then '''' || region_label else region_label end as region_label,
    case when regexp_matches(segment_label, '^[=+@\t\r-]') then '''' || segment_label else segment_label end as segment_label,
    case when regexp_matches(period_text, '^[=+@\t\r-]') then '''' || period_text else period_text end as period_text,
    case when regexp_matches(section, '^[=+@\t\r-]') then '''' || section else section end as section,
    case when regexp_matches(note, '^[=+@\t\r-]') then '''' || note else note end as note
)
from marts.fct_market_claim
