-- The sources of a market: every source that makes a claim about it, and its primary report. Written once,
-- so the source grades (int_source_grades) and the regions a source names (fct_source_region) agree on it.
select distinct
    market_id,
    source_id
from {{ ref('stg_market_claims') }}
union
select
    market_id,
    primary_source_id as source_id
from {{ ref('stg_markets') }}
where primary_source_id is not null
