select
    upper(currency) as currency,
    year,
    usd_per_unit,
    source_id,
    quote
from {{ ref('fx_rates') }}
