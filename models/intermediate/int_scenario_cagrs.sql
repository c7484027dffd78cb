-- Scenario CAGRs from the primary report's world CAGR claims:
-- low = the lowest value any claim admits (range lows and lower bounds count),
-- base = its headline claim, high = the highest value any claim states (range highs count;
-- a lower bound counts with its bound, the only number it states).
-- var scenario_cagr_overrides replaces a scenario's CAGR for what-if runs; the row then says so.
with claims as (
    select claims.*
    from {{ ref('stg_market_claims') }} as claims
    inner join {{ ref('stg_markets') }} as markets
        on claims.market_id = markets.market_id
        and claims.source_id = markets.primary_source_id
    where claims.metric = 'cagr' and claims.scope_type = 'world'
),

candidates as (
    select
        market_id,
        claim_id,
        is_headline,
        value,
        coalesce(interval_low, interval_high) as lowest_value,
        coalesce(interval_high, interval_low) as highest_value
    from claims
),

from_claims as (
    select market_id, 'low' as scenario, min(lowest_value) / 100 as cagr,
           arg_min(claim_id, lowest_value) as cagr_claim_id
    from candidates
    group by market_id

    union all

    select market_id, 'base' as scenario, value / 100 as cagr, claim_id as cagr_claim_id
    from candidates
    where is_headline

    union all

    select market_id, 'high' as scenario, max(highest_value) / 100 as cagr,
           arg_max(claim_id, highest_value) as cagr_claim_id
    from candidates
    group by market_id
)

select
    market_id,
    scenario,
    {{ scenario_cagr_override('scenario', 'cagr') }} as cagr,
    {{ scenario_cagr_override('scenario', 'cagr_claim_id', overridden="'var scenario_cagr_overrides'") }} as cagr_claim_id
from from_claims
