-- The markets the estimate and its fan can be drawn for: those with at least one weighted base-year size
-- and one weighted growth rate (int_estimate_components). A market without either has no row: its
-- estimate is a gap, never a guess.
with counts as (
    select
        market_id,
        count(*) filter (where component = 'size') as n_size_sources,
        count(*) filter (where component = 'growth') as n_growth_sources
    from {{ ref('int_estimate_components') }}
    group by market_id
)

select
    markets.market_id,
    markets.base_year,
    markets.forecast_start_year,
    markets.forecast_end_year,
    counts.n_size_sources,
    counts.n_growth_sources
from {{ ref('stg_markets') }} as markets
inner join counts on markets.market_id = counts.market_id
where counts.n_size_sources > 0 and counts.n_growth_sources > 0
