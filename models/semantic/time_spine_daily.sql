-- MetricFlow's time spine: one row per day, 2000-01-01 to 2100-12-31 (about 37,000 rows). dbt requires a
-- spine of granularity day or finer even though every metric here is yearly (the marts' integer `year`
-- becomes make_date(year, 1, 1) in models/semantic/_semantic__semantic_models.yml).
select cast(days.day as date) as date_day
from range(date '2000-01-01', date '2101-01-01', interval 1 day) as days (day)
