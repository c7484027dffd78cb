-- One USD rate per currency and year: the median of every rate the sources give, whether stated
-- outright (fx_rates seed) or implied by a revenue printed in both its own currency and USD.
-- Outlets convert differently (Lonza 2023: 6.9 vs 7.73 USD bn), so n / min / max are kept.
with rates as (
    select
        currency,
        year,
        usd_per_unit,
        source_id,
        'stated' as rate_basis
    from {{ ref('stg_fx_rates') }}

    union all

    select
        currency,
        year,
        usd_bn_stated / amount_local_bn as usd_per_unit,
        usd_source_id as source_id,
        'implied by ' || revenue_id as rate_basis
    from {{ ref('stg_player_revenue') }}
    where currency <> 'USD' and usd_bn_stated is not null
)

select
    currency,
    year,
    median(usd_per_unit) as usd_per_unit,
    count(*) as n_rates,
    min(usd_per_unit) as min_usd_per_unit,
    max(usd_per_unit) as max_usd_per_unit,
    {{ ordered_string_agg('source_id', "', '", 'source_id', distinct=true) }} as source_ids
from rates
group by currency, year
