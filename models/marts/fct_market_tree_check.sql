-- Every market with a parent market (markets.parent_market_id) against that parent, per year of its
-- forecast window. A sub-market is part of its parent, so it can never be larger: where the
-- sources' consensus or the base scenario say otherwise, a source has most likely sized another
-- scope than it names. Three checks per year:
--   * the sub-market's consensus median exceeds the parent's median;
--   * the sub-market's largest source path exceeds the parent's smallest (some source's
--     sub-market is bigger than some source's whole market);
--   * the sub-market's base scenario exceeds the parent's: it grows faster for so long that it
--     overtakes its parent inside the window.
with sub_markets as (
    select
        market_id,
        parent_market_id,
        {{ unnest_series('forecast_start_year', 'forecast_end_year') }} as year
    from {{ ref('stg_markets') }}
    where parent_market_id is not null
),

base_world as (
    select
        market_id,
        year,
        market_size_usd_bn,
        cagr
    from {{ ref('fct_market_forecast') }}
    where scenario = 'base' and region_id = 'WORLD'
),

-- The first source by id among those at the extreme: max_by / min_by pick any of tied sources, and each
-- engine picks another.
source_extremes as (
    select
        market_id,
        year,
        source_id,
        market_size_usd_bn,
        max(market_size_usd_bn) over (partition by market_id, year) as largest_size,
        min(market_size_usd_bn) over (partition by market_id, year) as smallest_size
    from {{ ref('int_source_forecast') }}
),

extreme_sources as (
    select
        market_id,
        year,
        min(source_id) filter (where market_size_usd_bn = largest_size) as largest_source_id,
        min(source_id) filter (where market_size_usd_bn = smallest_size) as smallest_source_id
    from source_extremes
    group by market_id, year
),

compared as (
    select
        sub_markets.market_id,
        sub_markets.parent_market_id,
        sub_markets.year,
        consensus.n_sources,
        consensus.min_size_usd_bn,
        consensus.median_size_usd_bn,
        consensus.max_size_usd_bn,
        extremes.largest_source_id as max_source_id,
        parent_consensus.n_sources as parent_n_sources,
        parent_consensus.min_size_usd_bn as parent_min_size_usd_bn,
        parent_consensus.median_size_usd_bn as parent_median_size_usd_bn,
        parent_consensus.max_size_usd_bn as parent_max_size_usd_bn,
        parent_extremes.smallest_source_id as parent_min_source_id,
        base.market_size_usd_bn as base_size_usd_bn,
        parent_base.market_size_usd_bn as parent_base_size_usd_bn,
        base.cagr as base_cagr,
        parent_base.cagr as parent_base_cagr
    from sub_markets
    left join {{ ref('int_market_consensus') }} as consensus
        on sub_markets.market_id = consensus.market_id and sub_markets.year = consensus.year
    left join {{ ref('int_market_consensus') }} as parent_consensus
        on sub_markets.parent_market_id = parent_consensus.market_id and sub_markets.year = parent_consensus.year
    left join extreme_sources as extremes
        on sub_markets.market_id = extremes.market_id and sub_markets.year = extremes.year
    left join extreme_sources as parent_extremes
        on sub_markets.parent_market_id = parent_extremes.market_id and sub_markets.year = parent_extremes.year
    left join base_world as base
        on sub_markets.market_id = base.market_id and sub_markets.year = base.year
    left join base_world as parent_base
        on sub_markets.parent_market_id = parent_base.market_id and sub_markets.year = parent_base.year
),

flagged as (
    -- NULL, not false, where either side has no figure: nothing is known there.
    select
        *,
        median_size_usd_bn / parent_median_size_usd_bn as median_to_parent_median_ratio,
        median_size_usd_bn > parent_median_size_usd_bn as is_median_above_parent_median,
        max_size_usd_bn > parent_min_size_usd_bn as is_max_above_parent_min,
        base_size_usd_bn > parent_base_size_usd_bn as is_base_above_parent_base
    from compared
)

select
    market_id,
    parent_market_id,
    year,
    n_sources,
    min_size_usd_bn,
    median_size_usd_bn,
    max_size_usd_bn,
    max_source_id,
    parent_n_sources,
    parent_min_size_usd_bn,
    parent_median_size_usd_bn,
    parent_max_size_usd_bn,
    parent_min_source_id,
    median_to_parent_median_ratio,
    base_size_usd_bn,
    parent_base_size_usd_bn,
    base_cagr,
    parent_base_cagr,
    is_median_above_parent_median,
    is_max_above_parent_min,
    is_base_above_parent_base,
    min(case when is_base_above_parent_base then year end) over (partition by market_id) as base_overtake_year,
    nullif(concat_ws(
        '; ',
        case when is_median_above_parent_median then 'consensus median above the parent market''s median' end,
        case when is_max_above_parent_min
                then max_source_id || '''s size above ' || parent_min_source_id || '''s size of the parent market'
        end,
        case when is_base_above_parent_base then 'base scenario above the parent market''s base scenario' end
    ), '') as finding
from flagged
