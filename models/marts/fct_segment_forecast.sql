-- Scenario forecast per segment: world size of the scenario x the segment's share as stated by the
-- source that defines the segment's taxonomy (latest year, held constant). No stated share -> NULL.
with segment_shares as (
    select
        claims.market_id,
        claims.segment_id,
        claims.value as share_pct,
        claims.claim_id
    from {{ ref('stg_market_claims') }} as claims
    inner join {{ ref('stg_segments') }} as segments
        on claims.market_id = segments.market_id
            and claims.segment_id = segments.segment_id
            and claims.source_id = segments.defined_by_source_id
    where claims.metric = 'share' and claims.value is not null
    qualify row_number() over (
            partition by claims.market_id, claims.segment_id order by claims.claim_year desc, claims.claim_id asc
        ) = 1
),

world as (
    select
        market_id,
        scenario,
        year,
        years_from_base,
        cagr,
        market_size_usd_bn
    from {{ ref('fct_market_forecast') }}
    where region_id = 'WORLD'
)

select
    world.market_id,
    world.scenario,
    segments.segment_id,
    world.year,
    world.cagr,
    segment_shares.share_pct,
    world.market_size_usd_bn * segment_shares.share_pct / 100 as market_size_usd_bn,
    case when segment_shares.share_pct is not null then 100 * power(1 + world.cagr, world.years_from_base) end
        as growth_index,
    segment_shares.claim_id as share_claim_id
from world
inner join {{ ref('stg_segments') }} as segments on world.market_id = segments.market_id
left join segment_shares
    on segments.market_id = segment_shares.market_id and segments.segment_id = segment_shares.segment_id
