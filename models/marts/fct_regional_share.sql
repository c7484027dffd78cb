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
from {{ ref('int_regional_share') }}
