-- Revenue as printed, plus the amount in billions of its own currency ('trn' figures x 1000).
select
    revenue_id,
    player_id,
    source_id,
    year,
    is_year_stated,
    scope_class,
    scope_detail,
    value,
    value_qualifier,
    upper(currency) as currency,
    scale,
    value * case scale when 'trn' then 1000 else 1 end as amount_local_bn,
    usd_bn_stated,
    coalesce(usd_source_id, source_id) as usd_source_id,
    note,
    -- Renamed: a figure's market is the market a market report's claim is about, NULL for the
    -- players' own results (company facts that serve every market the player is in).
    market_id as report_market_id
from {{ input_relation('player_revenue') }}
