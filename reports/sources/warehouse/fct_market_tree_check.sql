select * from marts.fct_market_tree_check
