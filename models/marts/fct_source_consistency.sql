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
    verdict,
    is_consistent
from {{ ref('int_source_consistency') }}
