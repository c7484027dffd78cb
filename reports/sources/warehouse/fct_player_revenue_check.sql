select * from marts.fct_player_revenue_check
