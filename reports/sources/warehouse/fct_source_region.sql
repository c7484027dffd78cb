-- Thin query: the mart as it is. Free-text columns are neutralised for spreadsheets: every DataTable
-- offers its rows as a CSV download, and a spreadsheet runs a cell that starts with = + - @, a tab or a
-- carriage return as a formula (CSV injection). Such a text gets a leading single quote (') here, once,
-- for every page; numbers, dates and keys stay as they are. (GX warning rule 26 flags such texts in
-- the marts; this is the guard, at the point where the data leaves for a spreadsheet.)
select * replace (
    case when regexp_matches(region_label, '^[=+@\t\r-]') then '''' || region_label else region_label end as region_label,
    case when regexp_matches(other_claims_as_stated, '^[=+@\t\r-]') then '''' || other_claims_as_stated else other_claims_as_stated end as other_claims_as_stated,
    case when regexp_matches(listed_countries, '^[=+@\t\r-]') then '''' || listed_countries else listed_countries end as listed_countries,
    case when regexp_matches(countries_listed_twice, '^[=+@\t\r-]') then '''' || countries_listed_twice else countries_listed_twice end as countries_listed_twice,
    case when regexp_matches(labels_in_wrong_region, '^[=+@\t\r-]') then '''' || labels_in_wrong_region else labels_in_wrong_region end as labels_in_wrong_region,
    case when regexp_matches(source_says, '^[=+@\t\r-]') then '''' || source_says else source_says end as source_says
)
from marts.fct_source_region
