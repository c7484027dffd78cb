-- Every year a market needs: from the earliest year any size claim or player revenue refers to
-- (so back-casts and player shares have a consensus) to the later of the forecast end and the
-- last stated size (so source paths can be compared with their own stated end values).
with size_years as (
    select
        market_id,
        min(claim_year) as first_year,
        max(claim_year) as last_year
    from {{ ref('stg_market_claims') }}
    where metric = 'market_size'
    group by market_id
),

revenue_years as (
    select
        market_players.market_id,
        min(revenue.year) as first_year
    from {{ ref('stg_player_revenue') }} as revenue
    inner join {{ ref('stg_market_players') }} as market_players
        on revenue.player_id = market_players.player_id
        -- another market's report claims do not count here
            and coalesce(revenue.report_market_id, market_players.market_id) = market_players.market_id
    group by market_players.market_id
),

bounds as (
    select
        markets.market_id,
        least(
            markets.forecast_start_year,
            coalesce(size_years.first_year, markets.forecast_start_year),
            coalesce(revenue_years.first_year, markets.forecast_start_year)
        ) as first_year,
        greatest(
            markets.forecast_end_year,
            coalesce(size_years.last_year, markets.forecast_end_year)
        ) as last_year
    from {{ ref('stg_markets') }} as markets
    left join size_years on markets.market_id = size_years.market_id
    left join revenue_years on markets.market_id = revenue_years.market_id
)

select
    market_id,
    {{ unnest_series('first_year', 'last_year') }} as year
from bounds
