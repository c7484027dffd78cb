-- Every pair of claims one source makes of one metric for one scope (sizes and shares: of one year;
-- CAGRs: unless both periods are known and do not overlap, as a history and a forecast rate),
-- with whether the values they admit can both be true. Intervals come from stg_market_claims;
-- an open end (a lower bound) never conflicts on that side.
with claims as (
    select *
    from {{ ref('stg_market_claims') }}
    where metric in ('market_size', 'cagr', 'share') and coalesce(interval_low, interval_high) is not null
),

pairs as (
    select
        a.market_id,
        a.source_id,
        a.metric,
        a.scope_type,
        a.region_id,
        a.segment_id,
        a.claim_id as claim_id_a,
        b.claim_id as claim_id_b,
        a.interval_low as low_a,
        a.interval_high as high_a,
        b.interval_low as low_b,
        b.interval_high as high_b,
        a.period_text as period_a,
        b.period_text as period_b,
        -- Distance between the two intervals; 0 when they overlap.
        greatest(
            coalesce(b.interval_low - a.interval_high, 0),
            coalesce(a.interval_low - b.interval_high, 0),
            0
        ) as gap
    from claims as a
    inner join claims as b
        on a.market_id = b.market_id
            and a.source_id = b.source_id
            and a.metric = b.metric
            and a.region_id = b.region_id
            and a.segment_id is not distinct from b.segment_id
            and a.claim_id < b.claim_id
            and (a.metric = 'cagr' or a.claim_year is not distinct from b.claim_year)
            -- Two CAGRs for two periods that only touch (2016-2021 and 2021-2026) are two facts, not a conflict.
            and not coalesce(
                a.period_end_year <= b.period_start_year or a.period_start_year >= b.period_end_year, false
            )
)

select
    market_id,
    source_id,
    metric,
    scope_type,
    region_id,
    segment_id,
    claim_id_a,
    claim_id_b,
    low_a,
    high_a,
    low_b,
    high_b,
    period_a,
    period_b,
    gap,
    gap > 0 as is_conflict
from pairs
