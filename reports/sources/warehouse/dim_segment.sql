select * from marts.dim_segment
