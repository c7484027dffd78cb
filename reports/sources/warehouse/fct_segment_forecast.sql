select * from marts.fct_segment_forecast
