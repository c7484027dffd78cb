-- Thin query: the mart as it is. Free-text columns are neutralised for spreadsheets: every DataTable
-- offers its rows as a CSV download, and a spreadsheet runs a cell that starts with = + - @, a tab or a
-- carriage return as a formula (CSV injection). Such a text gets a leading single quote (') here, once,
-- for every page; numbers, dates and keys stay as they are. (GX warning rule 26 flags such texts in
-- the marts; this is the guard, at the point where the data leaves for a spreadsheet.)
select * replace (
    case when regexp_matches(scope_detail, '^[=+@\t\r-]') then '''' || scope_detail else scope_detail end as scope_detail,
    case when regexp_matches(revenue_note, '^[=+@\t\r-]') then '''' || revenue_note else revenue_note end as revenue_note,
    case when regexp_matches(player_note, '^[=+@\t\r-]') then '''' || player_note else player_note end as player_note
)
from marts.fct_player_share
