select
    market_id,
    market_name,
    parent_market_id,
    primary_source_id,
    case when primary_source_id is null then 'all sources' else 'primary report' end as scenario_basis,
    base_year,
    forecast_start_year,
    forecast_end_year,
    size_unit
from {{ ref('stg_markets') }}
