select * from marts.fct_player_share
