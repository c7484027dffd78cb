-- The uncertainty fan: percentiles of the Monte Carlo draws (int_fan_draws) per region and year of
-- the forecast window. Each world draw compounds over the window:
--     size_d(y) = base_size_d * (1 + cagr_d) ^ (y - base_year)
-- and a region's draw is the world draw x the region's share (int_forecast_shares, held constant).
-- A share is one positive constant per market and region, so the region's percentiles and mean
-- are exactly the world's x share / 100: they are computed once on the world draws and scaled.
-- A region with no stated share keeps its rows with NULL percentiles and n_draws = 0 (a gap).
-- Percentiles are continuous (linear interpolation between order statistics, numpy's default).
with windows as (
    select
        market_id,
        base_year,
        {{ unnest_series('forecast_start_year', 'forecast_end_year') }} as year
    from {{ ref('stg_markets') }}
),

world_draws as (
    select
        draws.market_id,
        windows.year,
        {{ compound('draws.base_size_usd_bn', 'draws.cagr', 'windows.year - windows.base_year') }} as size_usd_bn
    from {{ ref('int_fan_draws') }} as draws
    inner join windows on draws.market_id = windows.market_id
),

world_fan as (
    select
        market_id,
        year,
        {{ quantiles_cont('size_usd_bn', ['0.10', '0.25', '0.50', '0.75', '0.90']) }} as percentiles,
        -- compensated summation, so the mean does not depend on the order of the draws
        {{ exact_sum('size_usd_bn') }} / count(*) as mean_usd_bn,
        count(*) as n_draws
    from world_draws
    group by market_id, year
)

select
    shares.market_id,
    shares.region_id,
    windows.year,
    {{ list_element('world_fan.percentiles', 1) }} * (shares.share_pct / 100) as p10,
    {{ list_element('world_fan.percentiles', 2) }} * (shares.share_pct / 100) as p25,
    {{ list_element('world_fan.percentiles', 3) }} * (shares.share_pct / 100) as p50,
    {{ list_element('world_fan.percentiles', 4) }} * (shares.share_pct / 100) as p75,
    {{ list_element('world_fan.percentiles', 5) }} * (shares.share_pct / 100) as p90,
    world_fan.mean_usd_bn * (shares.share_pct / 100) as mean,
    case when shares.share_pct is null then 0 else coalesce(world_fan.n_draws, 0) end as n_draws
from {{ ref('int_forecast_shares') }} as shares
inner join windows on shares.market_id = windows.market_id
left join world_fan on shares.market_id = world_fan.market_id and windows.year = world_fan.year
