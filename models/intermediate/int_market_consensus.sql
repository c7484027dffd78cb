-- Consensus per year: n / min / median / max of the sources' own paths.
-- median() is the continuous median: the mean of the two middle values when n is even.
-- How many of the paths' values that year the sources state themselves (size_basis of
-- int_source_forecast), and how many are back-cast, interpolated or extrapolated; and the figures the
-- stating sources print, beside their path's value where the two differ (A8 prints 11.3 for 2020, its path
-- gives 9.62).
select
    market_id,
    year,
    count(*) as n_sources,
    min(market_size_usd_bn) as min_size_usd_bn,
    median(market_size_usd_bn) as median_size_usd_bn,
    max(market_size_usd_bn) as max_size_usd_bn,
    {{ ordered_string_agg('source_id', "', '", 'source_id') }} as source_ids,
    count(*) filter (where size_basis = 'stated') as n_stated_sources,
    count(*) filter (where size_basis = 'back-cast') as n_back_cast_sources,
    count(*) filter (where size_basis = 'interpolated') as n_interpolated_sources,
    count(*) filter (where size_basis = 'extrapolated') as n_extrapolated_sources,
    {{ ordered_string_agg('source_id', "', '", 'source_id') }} filter (where size_basis = 'stated')
        as stated_source_ids,
    -- "stated" means the figure the source prints: where its path differs from it, both are given
    {{ ordered_string_agg(
        "source_id || ' states ' || " ~ usd_bn_text('stated_size_usd_bn')
        ~ " || case when abs(stated_size_usd_bn - market_size_usd_bn) >= 0.005 then ' (its path: ' || "
        ~ usd_bn_text('market_size_usd_bn') ~ " || ')' else '' end", "'; '", 'source_id') }}
    filter (where size_basis = 'stated' and stated_size_usd_bn is not null) as stated_figures_text,
    case
        when count(*) filter (where size_basis = 'stated') = count(*) then 'stated'
        when count(*) filter (where size_basis = 'stated') > 0 then 'partly stated'
        else 'derived'
    end as size_basis
from {{ ref('int_source_forecast') }}
group by market_id, year
