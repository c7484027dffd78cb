-- The grade of every source of a market (docs/estimate.md). A source's weight is the
-- product of one factor per attribute (var grade_factors):
--   publisher_kind  a research firm's report, a company filing, a press release of a report, trade press,
--                   an unattributed page (sources.publisher_kind; empty = not assessed);
--   scope_fit       the source's scope against the market: same, narrower, wider, unclear;
--   consistency     whether its stated CAGR follows from its own sizes (int_source_consistency);
--   edition         an edition more than var old_edition_years before the market's base year;
--   growth only     it states a world growth rate but no world size.
-- The grade is the band the weight falls in (var grade_bands). A source takes part in the estimate with
-- its weight when it gives a base-year size (a path) or a world growth rate; otherwise it is left out and
-- exclusion_reason says why.
with world_claims as (
    select
        market_id,
        source_id,
        bool_or(metric = 'market_size' and central_value is not null) as states_size,
        bool_or(metric = 'cagr' and central_value is not null) as states_growth
    from {{ ref('stg_market_claims') }}
    where scope_type = 'world'
    group by market_id, source_id
),

attributes as (
    select
        market_sources.market_id,
        market_sources.source_id,
        sources.publisher,
        sources.publisher_kind,
        sources.scope_fit,
        sources.edition_year,
        markets.base_year,
        consistency.verdict as consistency_verdict,
        coalesce(world_claims.states_size, false) as states_size,
        coalesce(world_claims.states_growth, false) as states_growth,
        paths.source_id is not null as has_path,
        sources.edition_year < markets.base_year - {{ bounded_int_var('old_edition_years', 0, 100) }} as is_old_edition
    from {{ ref('int_market_sources') }} as market_sources
    inner join {{ ref('stg_sources') }} as sources on market_sources.source_id = sources.source_id
    inner join {{ ref('stg_markets') }} as markets on market_sources.market_id = markets.market_id
    left join world_claims
        on market_sources.market_id = world_claims.market_id and market_sources.source_id = world_claims.source_id
    left join {{ ref('int_source_consistency') }} as consistency
        on market_sources.market_id = consistency.market_id and market_sources.source_id = consistency.source_id
    left join {{ ref('int_source_paths') }} as paths
        on market_sources.market_id = paths.market_id and market_sources.source_id = paths.source_id
),

weighted as (
    select
        *,
        {{ grade_factor('publisher_kind', 'publisher_kind', 'not_assessed') }}
        * {{ grade_factor('scope_fit', 'scope_fit', 'unclear') }}
        * coalesce({{ grade_factor('consistency', 'consistency_verdict', 'consistent') }}, 1)
        * case when is_old_edition then {{ grade_constant('old_edition') }} else 1 end
        * case when states_growth and not states_size then {{ grade_constant('growth_only') }} else 1 end
            as weight
    from attributes
)

select
    market_id,
    source_id,
    publisher,
    publisher_kind,
    scope_fit,
    edition_year,
    consistency_verdict,
    states_size,
    states_growth,
    has_path,
    weight,
    {{ grade_of('weight') }} as grade,
    -- in words, what set the weight: every attribute that lowered it, or that none did
    coalesce(nullif(concat_ws(
        '; ',
        case publisher_kind
            when 'report_press_release' then 'a press release or summary of a report, not the report'
            when 'trade_press' then 'trade press repeating figures'
            when 'unattributed_page' then 'an unattributed page: the publisher of the figures is not named'
            when 'not_assessed' then 'the kind of publisher is not assessed yet'
        end,
        case scope_fit
            when 'narrower' then 'its scope is narrower than the market'
            when 'wider' then 'its scope is wider than the market'
            when 'unclear' then 'its scope against the market is unclear'
        end,
        case consistency_verdict
            when 'period mismatch' then 'its growth rate fits the years its sizes span, not the period it names'
            when 'inconsistent' then 'its growth rate does not follow from its own sizes'
        end,
        case when is_old_edition then 'an edition of ' || cast(edition_year as string) end,
        case when states_growth and not states_size then 'states a growth rate but no market size' end
    ), ''), 'a research report or a company filing, on the same scope, consistent in itself')
        as grade_reason,
    weight > 0 and (has_path or states_growth) as counts_toward_estimate,
    case
        when weight = 0 then 'its weight is 0 under the grading factors'
        when
            not (has_path or states_growth)
            then 'states no world market size with a growth rate, and no world growth rate'
    end as exclusion_reason
from weighted
