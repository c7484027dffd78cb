-- Segments of each market. A market's primary report defines its own taxonomy; other sources'
-- taxonomies are kept beside it and labelled with their source, so that e.g. S4's 'Biologics
-- (molecule type)' is never read as the primary report's 'Biologics' segment.
select
    segments.market_id,
    segments.segment_id,
    segments.dimension,
    segments.segment_name,
    segments.defined_by_source_id,
    segments.sort_order,
    coalesce(segments.defined_by_source_id = markets.primary_source_id, false) as is_primary_taxonomy,
    replace(segments.dimension, '_', ' ') || ' taxonomy of ' || segments.defined_by_source_id
    || coalesce(' (' || sources.publisher || ')', '')
    || case when segments.defined_by_source_id = markets.primary_source_id then ', the primary report'
        else ''
    end as taxonomy_label
from {{ ref('stg_segments') }} as segments
inner join {{ ref('stg_markets') }} as markets on segments.market_id = markets.market_id
left join {{ ref('stg_sources') }} as sources on segments.defined_by_source_id = sources.source_id
