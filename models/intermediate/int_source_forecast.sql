-- Each source's own path over the year spine: size_s(y) = size_s(y0) * (1 + cagr_s)^(y - y0), and
-- whether the source itself states a world size for that year (size_basis):
--   stated        a claim of the source states a world size for that year (a printed value or range);
--   back-cast     before the first year the source states a world size for;
--   interpolated  between two years it states, but not stated itself;
--   extrapolated  after the last year it states.
-- In a stated year the path's value can differ from the stated size (stated_size_usd_bn, beside it):
-- the path starts from one stated size and compounds at the stated CAGR.
with stated_claims as (
    select
        market_id,
        source_id,
        claim_year as year,
        value
    from {{ ref('stg_market_claims') }}
    where metric = 'market_size' and scope_type = 'world' and claim_year is not null
        and coalesce(value, value_low, value_high) is not null
),

stated_years as (
    select
        market_id,
        source_id,
        year,
        max(value) as stated_size_usd_bn
    from stated_claims
    group by market_id, source_id, year
),

stated_span as (
    select
        market_id,
        source_id,
        min(year) as first_stated_year,
        max(year) as last_stated_year
    from stated_years
    group by market_id, source_id
)

select
    paths.market_id,
    paths.source_id,
    spine.year,
    paths.start_year,
    paths.start_size_usd_bn,
    paths.cagr,
    {{ compound('paths.start_size_usd_bn', 'paths.cagr', 'spine.year - paths.start_year') }} as market_size_usd_bn,
    stated_years.stated_size_usd_bn,
    paths.size_claim_id,
    paths.cagr_claim_id,
    case
        -- y0 is a stated size by construction (int_source_paths starts from a size claim)
        when stated_years.year is not null or spine.year = paths.start_year then 'stated'
        when spine.year < coalesce(stated_span.first_stated_year, paths.start_year) then 'back-cast'
        when spine.year > coalesce(stated_span.last_stated_year, paths.start_year) then 'extrapolated'
        else 'interpolated'
    end as size_basis,
    coalesce(stated_span.first_stated_year, paths.start_year) as first_stated_year,
    coalesce(stated_span.last_stated_year, paths.start_year) as last_stated_year
from {{ ref('int_source_paths') }} as paths
inner join {{ ref('int_year_spine') }} as spine on paths.market_id = spine.market_id
left join stated_span
    on paths.market_id = stated_span.market_id and paths.source_id = stated_span.source_id
left join stated_years
    on paths.market_id = stated_years.market_id
        and paths.source_id = stated_years.source_id
        and spine.year = stated_years.year
