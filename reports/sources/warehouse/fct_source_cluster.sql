-- Thin query: the mart as it is.
select * from marts.fct_source_cluster
