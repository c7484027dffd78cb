-- Thin query: the mart as it is. Free-text columns are neutralised for spreadsheets: every DataTable
-- offers its rows as a CSV download, and a spreadsheet runs a cell that starts with = + - @, a tab or a
-- carriage return as a formula (CSV injection). Such a text gets a leading single quote (') here, once,
-- for every page; numbers, dates and keys stay as they are. (GX warning rule 26 flags such texts in
-- the marts; this is the guard, at the point where the data leaves for a spreadsheet.)
-- link_url: the URL only where it is http:// or https:// (the seeds refuse anything else; the pages
-- link only this column, so a page never renders a javascript: or data: link). accessed_on as text.
select source_id,
       case when regexp_matches(publisher, '^[=+@\t\r-]') then '''' || publisher else publisher end as publisher,
       case when regexp_matches(title, '^[=+@\t\r-]') then '''' || title else title end as title,
       case when regexp_matches(url, '^[=+@\t\r-]') then '''' || url else url end as url,
       case when regexp_matches(url, '^https?://') then url end as link_url,
       source_kind, cast(accessed_on as varchar) as accessed_on, n_market_claims, n_revenue_figures,
       case when regexp_matches(note, '^[=+@\t\r-]') then '''' || note else note end as note
from marts.dim_source
