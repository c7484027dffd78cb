-- MetricFlow's time spine: one row per day, 2000-01-01 to 2100-12-31 (about 37,000 rows). dbt requires a
-- spine of granularity day or finer even though every metric here is yearly (the marts' integer `year`
-- becomes make_date(year, 1, 1) in models/semantic/_semantic__semantic_models.yml).
select {{ unnest_series("date '2000-01-01'", "date '2100-12-31'", 'date', 'interval 1 day') }} as date_day
