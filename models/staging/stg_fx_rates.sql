select
    upper(currency) as currency,
    year,
    usd_per_unit,
    source_id,
    quote
from {{ input_relation('fx_rates') }}
