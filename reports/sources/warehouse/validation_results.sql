-- The GX results of the latest published run only (audit.validation_results keeps every run).
-- market_ids: the markets of a failing result's rows (comma-separated; NULL when passed or not market-specific).
-- failing_row_market_ids: the market of each failing row kept in failing_rows (JSON, at most 20 rows), so a
-- market's page can count its own rows of a result that names several markets (the browser's DuckDB has no JSON).
select run_id, cast(validated_at as varchar) as validated_at, suite, rule, title, expectation_type,
       table_name, severity, status, success, observed_value, unexpected_count, exception_message, market_ids,
       array_to_string(json_extract_string(failing_rows, '$[*].market_id'), ',') as failing_row_market_ids,
       json_array_length(failing_rows) as n_failing_rows_kept
from audit.validation_results
where run_id = (select run_id from audit.validation_results order by validated_at desc limit 1)
