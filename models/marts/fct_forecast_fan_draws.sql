{{ config(enabled=var('fan_keep_draws', false)) }}
-- The raw Monte Carlo draws behind fct_forecast_fan, kept only when var fan_keep_draws is true
-- (10,000 rows per market by default). size in year y = base_size_usd_bn * (1 + cagr) ^ (y - base_year).
select
    market_id,
    draw_id,
    u_size,
    u_cagr,
    size_source_id,
    growth_source_id,
    base_size_usd_bn,
    cagr
from {{ ref('int_fan_draws') }}
