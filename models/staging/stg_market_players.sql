select
    market_id,
    player_id,
    named_by_source_id
from {{ input_relation('market_players') }}
