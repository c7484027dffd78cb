select
    market_id,
    year,
    n_sources,
    min_size_usd_bn,
    median_size_usd_bn,
    max_size_usd_bn,
    max_size_usd_bn / min_size_usd_bn as max_to_min_ratio,
    source_ids,
    n_stated_sources,
    n_back_cast_sources,
    n_interpolated_sources,
    n_extrapolated_sources,
    stated_source_ids,
    stated_figures_text,
    size_basis
from {{ ref('int_market_consensus') }}
