select
    market_id,
    market_name,
    primary_source_id,
    parent_market_id,
    -- vars base_year / forecast_start_year / forecast_end_year override every market's own (what-if runs).
    {{ int_var_or_column('base_year', 'base_year') }} as base_year,
    {{ int_var_or_column('forecast_start_year', 'forecast_start_year') }} as forecast_start_year,
    {{ int_var_or_column('forecast_end_year', 'forecast_end_year') }} as forecast_end_year,
    size_unit
from {{ input_relation('markets') }}
