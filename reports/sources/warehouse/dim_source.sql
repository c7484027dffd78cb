select source_id, publisher, title, url, source_kind, cast(accessed_on as varchar) as accessed_on, n_market_claims, n_revenue_figures, note
from marts.dim_source
