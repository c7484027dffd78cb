select * from marts.fct_claim_conflicts
