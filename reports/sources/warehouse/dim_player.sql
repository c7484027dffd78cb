select * from marts.dim_player
