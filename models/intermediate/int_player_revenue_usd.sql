-- Every revenue figure in USD bn: the USD the source prints if it prints one, else the amount at
-- the sources' median rate for that currency and year, else NULL (no rate in any source: a gap).
select
    revenue.*,
    coalesce(
        revenue.usd_bn_stated,
        case when revenue.currency = 'USD' then revenue.amount_local_bn end,
        revenue.amount_local_bn * fx.usd_per_unit
    ) as revenue_usd_bn,
    case
        when revenue.usd_bn_stated is not null or revenue.currency = 'USD' then 'stated in USD'
        when fx.usd_per_unit is not null then 'converted at the median of ' || fx.n_rates || ' source rate(s)'
        else 'no ' || revenue.currency || ' rate for ' || revenue.year || ' in the sources'
    end as usd_basis,
    sources.source_kind
from {{ ref('stg_player_revenue') }} as revenue
inner join {{ ref('stg_sources') }} as sources on revenue.source_id = sources.source_id
left join {{ ref('int_fx_rates') }} as fx
    on revenue.currency = fx.currency and revenue.year = fx.year
