select * from marts.fct_regional_share
