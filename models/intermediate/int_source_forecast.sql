-- Each source's own path over every year of the spine: size_s(y) = size_s(y0) * (1 + cagr_s)^(y - y0).
with stated_sizes as (
    select market_id, source_id, claim_year as year, value as stated_size_usd_bn
    from {{ ref('stg_market_claims') }}
    where metric = 'market_size' and scope_type = 'world' and value is not null
)

select
    paths.market_id,
    paths.source_id,
    spine.year,
    paths.start_year,
    paths.start_size_usd_bn,
    paths.cagr,
    {{ compound('paths.start_size_usd_bn', 'paths.cagr', 'spine.year - paths.start_year') }} as market_size_usd_bn,
    stated_sizes.stated_size_usd_bn,
    paths.size_claim_id,
    paths.cagr_claim_id
from {{ ref('int_source_paths') }} as paths
inner join {{ ref('int_year_spine') }} as spine on paths.market_id = spine.market_id
left join stated_sizes
    on paths.market_id = stated_sizes.market_id
    and paths.source_id = stated_sizes.source_id
    and spine.year = stated_sizes.year
