-- Players per market, with the source that names them in that market.
select
    market_players.market_id,
    players.player_id,
    players.player_name,
    market_players.named_by_source_id,
    market_players.named_by_source_id = markets.primary_source_id as is_named_by_primary_source,
    players.note
from {{ ref('stg_market_players') }} as market_players
inner join {{ ref('stg_players') }} as players on market_players.player_id = players.player_id
inner join {{ ref('stg_markets') }} as markets on market_players.market_id = markets.market_id
