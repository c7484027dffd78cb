select * from marts.fct_market_forecast
