-- The regions of each market's forecast and the share each gets: WORLD = 100; every continent and
-- every sub-region the primary report states a share for takes the report's rolled-up share of its
-- latest share year, held constant over the window. No stated share -> NULL (a gap, never a zero);
-- a market without a primary report has the world and the continents, all continents a gap.
with primary_shares as (
    select shares.*
    from {{ ref('int_regional_share') }} as shares
    inner join {{ ref('stg_markets') }} as markets
        on shares.market_id = markets.market_id
            and shares.source_id = markets.primary_source_id
    where shares.share_basis = 'rolled_up'
    qualify shares.year = max(shares.year) over (partition by shares.market_id)
)

select
    markets.market_id,
    regions.region_id,
    case when regions.region_level = 'world' then 100.0 else primary_shares.share_pct end as share_pct,
    case
        when regions.region_level = 'world' then 'world'
        when primary_shares.share_pct is null then 'no stated share'
        when primary_shares.includes_sub_regions then 'stated, incl. sub-regions stated beside it'
        else 'stated'
    end as share_basis,
    primary_shares.claim_ids as share_claim_ids
from {{ ref('stg_markets') }} as markets
cross join {{ ref('stg_regions') }} as regions
left join primary_shares
    on markets.market_id = primary_shares.market_id
        and regions.region_id = primary_shares.region_id
where regions.region_level in ('world', 'continent') or primary_shares.share_pct is not null
