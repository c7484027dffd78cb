-- The parameters of each source's own size path: y0 = the year of the source's headline world size
-- if it marks one (a source whose figures contradict each other, e.g. an info box against its own
-- text), else the earliest year it states a world size for; size(y0) = that size; cagr = its world
-- CAGR (the headline one if it states several).
-- A range counts as its midpoint (stg_market_claims.central_value), for the size and for the CAGR.
-- A source without both a world size and a world CAGR has no path.
with sizes as (
    select
        market_id,
        source_id,
        claim_year as start_year,
        central_value as start_size_usd_bn,
        claim_id as size_claim_id
    from {{ ref('stg_market_claims') }}
    where metric = 'market_size' and scope_type = 'world' and central_value is not null
    qualify row_number()
            over (partition by market_id, source_id order by is_headline desc, claim_year asc nulls last, claim_id asc)
        = 1
)

select
    sizes.market_id,
    sizes.source_id,
    sizes.start_year,
    sizes.start_size_usd_bn,
    sizes.size_claim_id,
    cagrs.cagr,
    cagrs.cagr_claim_id
from sizes
inner join {{ ref('int_source_growth') }} as cagrs
    on sizes.market_id = cagrs.market_id and sizes.source_id = cagrs.source_id
