-- The consensus median can only lie between the lowest and the highest source path of its year.
select
    market_id,
    year,
    min_size_usd_bn,
    median_size_usd_bn,
    max_size_usd_bn
from {{ ref('fct_market_consensus') }}
where not (median_size_usd_bn between min_size_usd_bn and max_size_usd_bn) or n_sources < 1
