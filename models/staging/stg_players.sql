select
    player_id,
    player_name,
    note
from {{ ref('players') }}
