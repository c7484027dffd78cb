select * from marts.fct_market_claim
