-- Does a source's stated CAGR follow from its own start and end values?
-- start = its size at the stated period start if it states one, else its earliest size;
-- end   = its size at the stated period end if it states one, else its latest size.
-- implied over the stated period: (end / start) ^ (1 / (period_end - period_start)) - 1
-- implied over the span:          (end / start) ^ (1 / (end_year - start_year)) - 1
with paths as (
    select
        paths.*,
        claims.period_start_year,
        claims.period_end_year
    from {{ ref('int_source_paths') }} as paths
    inner join {{ ref('stg_market_claims') }} as claims on paths.cagr_claim_id = claims.claim_id
),

sizes as (
    select
        market_id,
        source_id,
        claim_year as year,
        central_value as size_usd_bn
    from {{ ref('stg_market_claims') }}
    where metric = 'market_size' and scope_type = 'world' and central_value is not null
),

endpoints as (
    select
        paths.market_id,
        paths.source_id,
        paths.cagr_claim_id,
        paths.cagr,
        paths.period_start_year,
        paths.period_end_year,
        coalesce(max(case when sizes.year = paths.period_start_year then sizes.year end), min(sizes.year))
            as start_year,
        coalesce(max(case when sizes.year = paths.period_end_year then sizes.year end), max(sizes.year))
            as end_year
    from paths
    inner join sizes on paths.market_id = sizes.market_id and paths.source_id = sizes.source_id
    group by all
    having count(distinct sizes.year) >= 2
),

implied as (
    select
        endpoints.*,
        start_sizes.size_usd_bn as start_size_usd_bn,
        end_sizes.size_usd_bn as end_size_usd_bn,
        100 * endpoints.cagr as stated_cagr_pct,
        100 * {{ implied_cagr('start_sizes.size_usd_bn', 'end_sizes.size_usd_bn',
                              'endpoints.period_end_year - endpoints.period_start_year') }}
            as implied_cagr_stated_period_pct,
        100 * {{ implied_cagr('start_sizes.size_usd_bn', 'end_sizes.size_usd_bn',
                              'endpoints.end_year - endpoints.start_year') }}
            as implied_cagr_span_pct
    from endpoints
    inner join sizes as start_sizes
        on endpoints.market_id = start_sizes.market_id and endpoints.source_id = start_sizes.source_id
            and endpoints.start_year = start_sizes.year
    inner join sizes as end_sizes
        on endpoints.market_id = end_sizes.market_id and endpoints.source_id = end_sizes.source_id
            and endpoints.end_year = end_sizes.year
),

gaps as (
    select
        *,
        stated_cagr_pct - implied_cagr_stated_period_pct as gap_stated_period_pts,
        stated_cagr_pct - implied_cagr_span_pct as gap_span_pts
    from implied
)

select
    market_id,
    source_id,
    cagr_claim_id,
    stated_cagr_pct,
    period_start_year,
    period_end_year,
    start_year,
    start_size_usd_bn,
    end_year,
    end_size_usd_bn,
    implied_cagr_stated_period_pct,
    implied_cagr_span_pct,
    gap_stated_period_pts,
    gap_span_pts,
    case
        when gap_stated_period_pts is null then 'no stated period'
        when abs(gap_stated_period_pts) <= {{ number_var('consistency_tolerance_pts') }}
            and abs(gap_span_pts) <= {{ number_var('consistency_tolerance_pts') }} then 'consistent'
        when abs(gap_span_pts) <= {{ number_var('consistency_tolerance_pts') }} then 'period mismatch'
        else 'inconsistent'
    end as verdict,
    coalesce(abs(gap_stated_period_pts) <= {{ number_var('consistency_tolerance_pts') }}, false)
    and abs(gap_span_pts) <= {{ number_var('consistency_tolerance_pts') }} as is_consistent
from gaps
