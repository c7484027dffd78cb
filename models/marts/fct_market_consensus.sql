select
    market_id,
    year,
    n_sources,
    min_size_usd_bn,
    median_size_usd_bn,
    max_size_usd_bn,
    max_size_usd_bn / min_size_usd_bn as max_to_min_ratio,
    source_ids
from {{ ref('int_market_consensus') }}
