-- How the sources' base-year sizes group (docs/estimate.md): sorted by size, a source more
-- than var cluster_gap_ratio times the next smaller one starts a new group. One row per market and group,
-- with the group's span, its sources and their share of the estimate's weight, and what the sources say
-- of their scope. More than one group means the sources disagree on what the market is worth.
with sizes as (
    select
        components.market_id,
        components.source_id,
        components.value as size_usd_bn,
        components.weight_share,
        grades.publisher,
        grades.grade,
        sources.note,
        lag(components.value) over (
            partition by components.market_id order by components.value asc, components.source_id asc
        ) as next_smaller_usd_bn
    from {{ ref('int_estimate_components') }} as components
    inner join {{ ref('int_source_grades') }} as grades
        on components.market_id = grades.market_id and components.source_id = grades.source_id
    inner join {{ ref('stg_sources') }} as sources on components.source_id = sources.source_id
    where components.component = 'size'
),

numbered as (
    select
        *,
        sum(
            case when next_smaller_usd_bn is null
                    or size_usd_bn > next_smaller_usd_bn * {{ number_var('cluster_gap_ratio') }} then 1
                else 0
            end
        ) over (
            partition by market_id order by size_usd_bn asc, source_id asc
            rows between unbounded preceding and current row
        ) as cluster_number
    from sizes
)

select
    numbered.market_id,
    cast(numbered.cluster_number as integer) as cluster_number,
    markets.base_year,
    count(*) as n_sources,
    min(numbered.size_usd_bn) as low_usd_bn,
    max(numbered.size_usd_bn) as high_usd_bn,
    {{ ordered_string_agg("numbered.publisher || ' (' || numbered.grade || ')'", "', '",
                          'numbered.size_usd_bn, numbered.source_id') }} as publishers_text,
    100 * sum(numbered.weight_share) as weight_share_pct,
    {{ ordered_string_agg("numbered.publisher || ': ' || numbered.note", "'; '",
                          'numbered.size_usd_bn, numbered.source_id') }} as scope_notes
from numbered
inner join {{ ref('stg_markets') }} as markets on numbered.market_id = markets.market_id
group by numbered.market_id, numbered.cluster_number, markets.base_year
