select * from marts.dim_market
