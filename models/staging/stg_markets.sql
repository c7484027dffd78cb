select
    market_id,
    market_name,
    primary_source_id,
    base_year,
    forecast_start_year,
    forecast_end_year,
    size_unit
from {{ input_relation('markets') }}
