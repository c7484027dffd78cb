select * from marts.dim_country
