select
    player_id,
    player_name,
    note
from {{ input_relation('players') }}
