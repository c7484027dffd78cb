-- Regional shares in two views of the same claims:
--  * basis 'stated':    one row per claim, the region as the source names it (APAC 30, China 5).
--  * basis 'rolled_up': every continent, and every other region the source names, for each
--    (source, year) that states regional shares. A region's rolled-up share is its stated share plus the stated shares of its
--    sub-regions in the same breakdown: a source that lists a sub-region beside its parent inside
--    one complete breakdown counts them as disjoint buckets (that is what makes it add up to 100),
--    so Asia-Pacific = 30 + China 5 = 35. A region the source gives no share for stays NULL.
with stated as (
    select
        market_id,
        source_id,
        region_id,
        claim_year as year,
        is_year_stated,
        breakdown_id,
        value as share_pct,
        claim_id
    from {{ ref('stg_market_claims') }}
    where metric = 'share' and scope_type = 'region'
),

source_years as (
    select
        market_id,
        source_id,
        year,
        bool_or(is_year_stated) as is_year_stated
    from stated
    group by market_id, source_id, year
),

sub_region_shares as (
    select
        parent.market_id,
        parent.source_id,
        parent.year,
        parent.region_id,
        sum(child.share_pct) as share_pct,
        {{ ordered_string_agg('child.claim_id', "', '", 'child.claim_id') }} as claim_ids
    from stated as parent
    inner join {{ ref('int_region_ancestry') }} as ancestry
        on parent.region_id = ancestry.ancestor_id and ancestry.depth > 0
    inner join stated as child
        on ancestry.region_id = child.region_id
            and parent.market_id = child.market_id
            and parent.source_id = child.source_id
            and parent.year = child.year
            and parent.breakdown_id = child.breakdown_id
    group by parent.market_id, parent.source_id, parent.year, parent.region_id
),

rolled_up as (
    select
        source_years.market_id,
        source_years.source_id,
        regions.region_id,
        source_years.year,
        source_years.is_year_stated,
        'rolled_up' as share_basis,
        stated.share_pct + coalesce(sub_region_shares.share_pct, 0) as share_pct,
        stated.breakdown_id,
        case
            when sub_region_shares.claim_ids is null then stated.claim_id
            else stated.claim_id || ', ' || sub_region_shares.claim_ids
        end as claim_ids,
        sub_region_shares.claim_ids is not null as includes_sub_regions
    from source_years
    cross join {{ ref('stg_regions') }} as regions
    left join stated
        on source_years.market_id = stated.market_id
            and source_years.source_id = stated.source_id
            and source_years.year = stated.year
            and regions.region_id = stated.region_id
    left join sub_region_shares
        on source_years.market_id = sub_region_shares.market_id
            and source_years.source_id = sub_region_shares.source_id
            and source_years.year = sub_region_shares.year
            and regions.region_id = sub_region_shares.region_id
    where regions.region_level = 'continent' or stated.region_id is not null
)

select
    market_id,
    source_id,
    region_id,
    year,
    is_year_stated,
    'stated' as share_basis,
    share_pct,
    breakdown_id,
    claim_id as claim_ids,
    false as includes_sub_regions
from stated

union all

select
    market_id,
    source_id,
    region_id,
    year,
    is_year_stated,
    share_basis,
    share_pct,
    breakdown_id,
    claim_ids,
    includes_sub_regions
from rolled_up
