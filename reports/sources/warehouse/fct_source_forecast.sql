select * from marts.fct_source_forecast
