select
    market_id,
    player_id,
    named_by_source_id
from {{ ref('market_players') }}
