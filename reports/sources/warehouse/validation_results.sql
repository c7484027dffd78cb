-- The GX results of the latest published run only (audit.validation_results keeps every run).
select run_id, cast(validated_at as varchar) as validated_at, suite, rule, title, expectation_type,
       table_name, severity, status, success, observed_value, unexpected_count, exception_message
from audit.validation_results
where run_id = (select run_id from audit.validation_results order by validated_at desc limit 1)
