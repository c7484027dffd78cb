-- What the estimate draws from, per market (docs/estimate.md): weighted components of
-- two kinds, one per graded source that counts toward the estimate (int_source_grades):
--   size    the source's own path at the market's base year (int_source_forecast), in USD bn;
--   growth  the source's world growth rate (int_source_growth), a fraction.
-- Within a market and kind the components are sorted by value (then source id) and each covers the
-- slice (cum_low, cum_high] of (0, 1] in proportion to its weight: a uniform draw u picks the component
-- whose slice holds it, so a source is picked as often as its weight says.
-- cum_low is the previous component's cum_high, and the total is the last running sum, so the slices
-- tile (0, 1] exactly: no u falls between two slices or in two.
with graded as (
    select
        market_id,
        source_id,
        weight
    from {{ ref('int_source_grades') }}
    where counts_toward_estimate
),

components as (
    select
        paths.market_id,
        'size' as component,
        paths.source_id,
        paths.market_size_usd_bn as value,
        graded.weight
    from {{ ref('int_source_forecast') }} as paths
    inner join {{ ref('stg_markets') }} as markets
        on paths.market_id = markets.market_id and paths.year = markets.base_year
    inner join graded on paths.market_id = graded.market_id and paths.source_id = graded.source_id
    where paths.market_size_usd_bn > 0

    union all

    select
        growth.market_id,
        'growth' as component,
        growth.source_id,
        growth.cagr as value,
        graded.weight
    from {{ ref('int_source_growth') }} as growth
    inner join graded on growth.market_id = graded.market_id and growth.source_id = graded.source_id
),

cumulated as (
    select
        *,
        sum(weight) over (
            partition by market_id, component order by value asc, source_id asc
            rows between unbounded preceding and current row
        ) as cum_weight
    from components
),

totalled as (
    select
        *,
        max(cum_weight) over (partition by market_id, component) as total_weight,
        lag(cum_weight, 1, 0) over (partition by market_id, component order by value asc, source_id asc)
            as previous_cum_weight
    from cumulated
)

select
    market_id,
    component,
    source_id,
    value,
    weight,
    weight / total_weight as weight_share,
    previous_cum_weight / total_weight as cum_low,
    cum_weight / total_weight as cum_high
from totalled
