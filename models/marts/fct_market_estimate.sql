-- One best estimate per market and year of its forecast window, with its range: the median (p50) and the
-- p10 and p90 of the weighted draws (fct_forecast_fan, world). The estimate lies inside its range by
-- construction: all three are percentiles of the same draws. Beside it, the CAGR from the base-year
-- estimate to the year's, and where the base scenario (the primary report's claims, compounded) sits
-- among the draws: the percentage of draws at or below it.
with windows as (
    select
        market_id,
        base_year,
        {{ unnest_series('forecast_start_year', 'forecast_end_year') }} as year
    from {{ ref('stg_markets') }}
),

world_fan as (
    select
        market_id,
        year,
        p10,
        p50,
        p90,
        n_draws
    from {{ ref('fct_forecast_fan') }}
    where region_id = 'WORLD' and n_draws > 0
),

base_scenario as (
    select
        market_id,
        year,
        market_size_usd_bn
    from {{ ref('fct_market_forecast') }}
    where scenario = 'base' and region_id = 'WORLD'
),

scenario_ranks as (
    select
        draws.market_id,
        windows.year,
        cast(100 as double) * count(*) filter (
            where {{ compound('draws.base_size_usd_bn', 'draws.cagr', 'windows.year - windows.base_year') }}
            <= base_scenario.market_size_usd_bn
        ) / count(*) as base_scenario_percentile
    from {{ ref('int_fan_draws') }} as draws
    inner join windows on draws.market_id = windows.market_id
    inner join base_scenario on draws.market_id = base_scenario.market_id and windows.year = base_scenario.year
    group by draws.market_id, windows.year
)

select
    windows.market_id,
    windows.year,
    world_fan.p50 as estimate_usd_bn,
    world_fan.p10 as range_low_usd_bn,
    world_fan.p90 as range_high_usd_bn,
    coalesce(world_fan.n_draws, 0) as n_draws,
    100 * {{ implied_cagr('base_fan.p50', 'world_fan.p50', 'windows.year - windows.base_year') }} as growth_pct,
    base_scenario.market_size_usd_bn as base_scenario_usd_bn,
    scenario_ranks.base_scenario_percentile
from windows
left join world_fan on windows.market_id = world_fan.market_id and windows.year = world_fan.year
left join world_fan as base_fan on windows.market_id = base_fan.market_id and windows.base_year = base_fan.year
left join base_scenario on windows.market_id = base_scenario.market_id and windows.year = base_scenario.year
left join scenario_ranks on windows.market_id = scenario_ranks.market_id and windows.year = scenario_ranks.year
