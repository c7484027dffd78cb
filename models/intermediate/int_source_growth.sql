-- Each source's one world growth rate per market: its headline world CAGR if it marks one, else its first
-- by claim id; a range counts as its midpoint (stg_market_claims.central_value). The CAGR a source's own
-- path compounds at (int_source_paths) and the growth it lends the estimate (int_estimate_components).
select
    market_id,
    source_id,
    claim_id as cagr_claim_id,
    central_value / 100 as cagr
from {{ ref('stg_market_claims') }}
where metric = 'cagr' and scope_type = 'world' and central_value is not null
qualify row_number() over (partition by market_id, source_id order by is_headline desc, claim_id asc) = 1
