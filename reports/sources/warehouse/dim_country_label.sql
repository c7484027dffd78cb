select * from marts.dim_country_label
