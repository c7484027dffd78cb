-- What the uncertainty fan draws from, per market: the sources' base-year size estimates (each
-- source's own path at the base year, int_source_forecast) as a sorted list of natural logs, and
-- the CAGR interval [low, high] of the primary report's scenarios (int_scenario_cagrs).
-- A market without a base-year estimate or without both CAGR ends has no row (its fan is a gap).
with estimates as (
    select
        markets.market_id,
        count(*) as n_size_estimates,
        {{ ordered_list('ln(paths.market_size_usd_bn)', ['ln(paths.market_size_usd_bn)', 'paths.source_id']) }}
            as log_size_estimates,
        min(paths.market_size_usd_bn) as min_base_size_usd_bn,
        max(paths.market_size_usd_bn) as max_base_size_usd_bn,
        {{ ordered_string_agg('paths.source_id', "', '", 'paths.source_id') }} as size_source_ids
    from {{ ref('stg_markets') }} as markets
    inner join {{ ref('int_source_forecast') }} as paths
        on markets.market_id = paths.market_id and markets.base_year = paths.year
    where paths.market_size_usd_bn > 0
    group by markets.market_id
),

cagr_interval as (
    select
        market_id,
        max(cagr) filter (where scenario = 'low') as cagr_low,
        max(cagr) filter (where scenario = 'high') as cagr_high
    from {{ ref('int_scenario_cagrs') }}
    group by market_id
)

select
    markets.market_id,
    markets.base_year,
    markets.forecast_start_year,
    markets.forecast_end_year,
    estimates.n_size_estimates,
    estimates.log_size_estimates,
    estimates.min_base_size_usd_bn,
    estimates.max_base_size_usd_bn,
    estimates.size_source_ids,
    cagr_interval.cagr_low,
    cagr_interval.cagr_high
from {{ ref('stg_markets') }} as markets
inner join estimates on markets.market_id = estimates.market_id
inner join cagr_interval on markets.market_id = cagr_interval.market_id
where cagr_interval.cagr_low is not null and cagr_interval.cagr_high is not null
