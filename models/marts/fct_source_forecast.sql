select
    market_id,
    source_id,
    year,
    start_year,
    start_size_usd_bn,
    cagr,
    market_size_usd_bn,
    stated_size_usd_bn,
    size_claim_id,
    cagr_claim_id,
    size_basis,
    first_stated_year,
    last_stated_year
from {{ ref('int_source_forecast') }}
