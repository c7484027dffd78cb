-- The one answer per market an analyst takes away (docs/estimate.md): the estimate in the
-- base year and the last year of the window with its range and growth rate, the graded sources behind it,
-- in words how the sources agree or split into groups, and where the primary report's headline sits in
-- the range. Every number is one of the marts' (fct_market_estimate, fct_source_grade, fct_source_cluster,
-- fct_market_claim), printed in one format (macros/number_text.sql).
with ends as (
    select
        markets.market_id,
        markets.market_name,
        markets.base_year,
        markets.forecast_end_year as end_year,
        markets.primary_source_id,
        at_base.estimate_usd_bn as estimate_base_usd_bn,
        at_end.estimate_usd_bn as estimate_end_usd_bn,
        at_end.range_low_usd_bn as range_low_end_usd_bn,
        at_end.range_high_usd_bn as range_high_end_usd_bn,
        at_end.growth_pct,
        at_end.base_scenario_usd_bn as base_scenario_end_usd_bn,
        at_end.base_scenario_percentile as base_scenario_end_percentile
    from {{ ref('stg_markets') }} as markets
    left join {{ ref('fct_market_estimate') }} as at_base
        on markets.market_id = at_base.market_id and markets.base_year = at_base.year
    left join {{ ref('fct_market_estimate') }} as at_end
        on markets.market_id = at_end.market_id and markets.forecast_end_year = at_end.year
),

graded as (
    select
        market_id,
        count(*) filter (where counts_toward_estimate) as n_sources,
        {{ ordered_string_agg("publisher || ' (' || grade || ')'", "', '", 'weight desc, publisher, source_id') }}
        filter (where counts_toward_estimate) as sources_text
    from {{ ref('fct_source_grade') }}
    group by market_id
),

clusters as (
    select
        clusters.market_id,
        count(*) as n_clusters,
        min(clusters.low_usd_bn) as lowest_usd_bn,
        max(clusters.high_usd_bn) as highest_usd_bn,
        sum(clusters.n_sources) as n_size_sources,
        {{ ordered_string_agg(
            usd_bn_text('clusters.low_usd_bn') ~ " || case when clusters.high_usd_bn > clusters.low_usd_bn then '-' || "
            ~ usd_bn_text('clusters.high_usd_bn') ~ " else '' end || ' USD bn (' || clusters.publishers_text || '; '
            || " ~ pct_text('clusters.weight_share_pct') ~ " || ' of the weight)'",
            "' and '", 'clusters.cluster_number') }} as groups_text,
        max(clusters.publishers_text) filter (
            where ends.estimate_base_usd_bn between clusters.low_usd_bn and clusters.high_usd_bn
        ) as estimate_group_text
    from {{ ref('fct_source_cluster') }} as clusters
    inner join ends on clusters.market_id = ends.market_id
    group by clusters.market_id
),

primary_contradictions as (
    -- the primary report's other world growth claims that do not admit its own headline growth rate
    select
        claims.market_id,
        {{ ordered_string_agg("claims.value_as_stated || coalesce(' (' || claims.period_text || ')', '')", "', '",
                              'claims.claim_id') }} as contradicting_text
    from {{ ref('fct_market_claim') }} as claims
    inner join {{ ref('stg_markets') }} as markets
        on claims.market_id = markets.market_id and claims.source_id = markets.primary_source_id
    inner join {{ ref('fct_market_claim') }} as headline
        on claims.market_id = headline.market_id and claims.source_id = headline.source_id
            and headline.metric = 'cagr' and headline.scope_type = 'world' and headline.is_headline
    where claims.metric = 'cagr' and claims.scope_type = 'world' and not claims.is_headline
        and (headline.value < claims.interval_low or headline.value > claims.interval_high)
    group by claims.market_id
),

primary_headline as (
    select
        claims.market_id,
        claims.value_as_stated
    from {{ ref('fct_market_claim') }} as claims
    inner join {{ ref('stg_markets') }} as markets
        on claims.market_id = markets.market_id and claims.source_id = markets.primary_source_id
    where claims.metric = 'cagr' and claims.scope_type = 'world' and claims.is_headline
)

select
    ends.market_id,
    ends.market_name,
    ends.base_year,
    ends.end_year,
    ends.estimate_base_usd_bn,
    ends.estimate_end_usd_bn,
    ends.range_low_end_usd_bn,
    ends.range_high_end_usd_bn,
    ends.growth_pct,
    coalesce(graded.n_sources, 0) as n_sources,
    graded.sources_text,
    coalesce(clusters.n_clusters, 0) as n_clusters,
    case
        when
            clusters.n_clusters is null
            then 'No source gives a world market size for the base year, so there is no estimate.'
        when clusters.n_size_sources = 1
            then 'One source gives a base-year size (' || clusters.groups_text
                || '): the range shows only how far the growth rates differ.'
        when clusters.n_clusters = 1
            then 'The '
                || cast(clusters.n_size_sources as string)
                || ' sources with a base-year size agree within a factor of '
                || printf('%.1f', clusters.highest_usd_bn / clusters.lowest_usd_bn) || ' in '
                || cast(ends.base_year as string) || ': ' || clusters.groups_text || '.'
        else 'The sources disagree on what the market is worth: their ' || cast(ends.base_year as string)
            || ' sizes fall into ' || cast(clusters.n_clusters as string) || ' groups, ' || clusters.groups_text || '. '
            || case
                when clusters.estimate_group_text is not null
                    then 'The estimate for ' || cast(ends.base_year as string) || ', '
                        || {{ usd_bn_text('ends.estimate_base_usd_bn') }} || ' USD bn, comes from the group of '
                        || clusters.estimate_group_text || '; check that its scope matches yours.'
                else 'The estimate for ' || cast(ends.base_year as string) || ', '
                    || {{ usd_bn_text('ends.estimate_base_usd_bn') }}
                    || ' USD bn, lies between the groups and no source states it: '
                    || 'use the group whose scope matches yours.'
            end
    end as agreement_text,
    case when ends.primary_source_id is not null and ends.base_scenario_end_usd_bn is not null then
            'The headline growth of the primary report, ' || primary_headline.value_as_stated || ', gives '
            || {{ usd_bn_text('ends.base_scenario_end_usd_bn') }} || ' USD bn in ' || cast(ends.end_year as string)
            || ', above ' || {{ pct_text('ends.base_scenario_end_percentile') }} || ' of the draws of the estimate'
            || coalesce('; its own ' || primary_contradictions.contradicting_text || ' contradicts it', '') || '.'
    end as primary_position_text,
    'A growth rate or size stated as a range (e.g. 9-11 %) counts as its midpoint (10 %) in every source path, '
    || 'median and estimate; its two ends count only for the low and high scenarios.' as range_rule_text
from ends
left join graded on ends.market_id = graded.market_id
left join clusters on ends.market_id = clusters.market_id
left join primary_contradictions on ends.market_id = primary_contradictions.market_id
left join primary_headline on ends.market_id = primary_headline.market_id
