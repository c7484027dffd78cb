-- Consensus per year: n / min / median / max of the sources' own paths.
-- median() is the continuous median: the mean of the two middle values when n is even.
select
    market_id,
    year,
    count(*) as n_sources,
    min(market_size_usd_bn) as min_size_usd_bn,
    median(market_size_usd_bn) as median_size_usd_bn,
    max(market_size_usd_bn) as max_size_usd_bn,
    string_agg(source_id, ', ' order by source_id) as source_ids
from {{ ref('int_source_forecast') }}
group by market_id, year
