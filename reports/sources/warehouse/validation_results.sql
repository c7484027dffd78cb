-- Thin query: the mart as it is. Free-text columns are neutralised for spreadsheets: every DataTable
-- offers its rows as a CSV download, and a spreadsheet runs a cell that starts with = + - @, a tab or a
-- carriage return as a formula (CSV injection). Such a text gets a leading single quote (') here, once,
-- for every page; numbers, dates and keys stay as they are. (GX warning rule 26 flags such texts in
-- the marts; this is the guard, at the point where the data leaves for a spreadsheet.)
-- The GX results of the latest published run only (audit.validation_results keeps every run).
-- validated_at: to the second, in UTC ('2026-11-27 04:19:06 UTC').
-- market_ids: the markets of a failing result's rows (comma-separated; NULL when passed or not market-specific).
-- failing_row_market_ids: the market of each failing row kept in failing_rows (JSON, at most 20 rows), so a
-- market's page can count its own rows of a result that names several markets (the browser's DuckDB has no JSON).
select run_id, strftime(validated_at at time zone 'UTC', '%Y-%m-%d %H:%M:%S') || ' UTC' as validated_at, suite, rule,
       case when regexp_matches(title, '^[=+@\t\r-]') then '''' || title else title end as title,
       expectation_type, table_name, severity, status, success,
       case when regexp_matches(observed_value, '^[=+@\t\r-]') then '''' || observed_value else observed_value end as observed_value,
       unexpected_count,
       case when regexp_matches(exception_message, '^[=+@\t\r-]') then '''' || exception_message else exception_message end as exception_message,
       market_ids,
       array_to_string(json_extract_string(failing_rows, '$[*].market_id'), ',') as failing_row_market_ids,
       json_array_length(failing_rows) as n_failing_rows_kept
from audit.validation_results
where run_id = (select run_id from audit.validation_results order by validated_at desc limit 1)
