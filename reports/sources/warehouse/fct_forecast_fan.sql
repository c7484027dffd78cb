-- Thin query: the fan's percentiles (no free-text column).
select market_id, region_id, year, p10, p25, p50, p75, p90, mean, n_draws
from marts.fct_forecast_fan
