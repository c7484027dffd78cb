-- Scenario forecast per region and year of the window:
-- size(y) = consensus median(base_year) * share / 100 * (1 + cagr_scenario) ^ (y - base_year).
with base_sizes as (
    select
        markets.market_id,
        markets.base_year,
        consensus.median_size_usd_bn as base_size_usd_bn
    from {{ ref('stg_markets') }} as markets
    left join {{ ref('int_market_consensus') }} as consensus
        on markets.market_id = consensus.market_id and markets.base_year = consensus.year
),

sized as (
    select
        spine.market_id,
        scenarios.scenario,
        shares.region_id,
        spine.year,
        spine.year - base_sizes.base_year as years_from_base,
        scenarios.cagr,
        shares.share_pct,
        shares.share_basis,
        {{ compound('base_sizes.base_size_usd_bn * shares.share_pct / 100', 'scenarios.cagr',
                    'spine.year - base_sizes.base_year') }} as market_size_usd_bn,
        scenarios.cagr_claim_id,
        scenarios.cagr_basis,
        shares.share_claim_ids
    from {{ ref('int_year_spine') }} as spine
    inner join {{ ref('stg_markets') }} as markets on spine.market_id = markets.market_id
    inner join base_sizes on spine.market_id = base_sizes.market_id
    inner join {{ ref('int_scenario_cagrs') }} as scenarios on spine.market_id = scenarios.market_id
    inner join {{ ref('int_forecast_shares') }} as shares on spine.market_id = shares.market_id
    where spine.year between markets.forecast_start_year and markets.forecast_end_year
)

select
    market_id,
    scenario,
    region_id,
    year,
    years_from_base,
    cagr,
    share_pct,
    share_basis,
    market_size_usd_bn,
    -- 100 in the base year; NULL where the size is a gap.
    case when market_size_usd_bn is not null then 100 * power(1 + cagr, years_from_base) end as growth_index,
    cagr_claim_id,
    cagr_basis,
    share_claim_ids
from sized
