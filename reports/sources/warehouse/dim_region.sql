select * from marts.dim_region
