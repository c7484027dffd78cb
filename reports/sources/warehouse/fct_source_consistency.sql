-- Thin query: the mart as it is (no free-text column: ids, codes and numbers only).
select * from marts.fct_source_consistency
