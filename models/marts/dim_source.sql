with claim_counts as (
    select
        source_id,
        count(*) as n_market_claims
    from {{ ref('stg_market_claims') }}
    group by source_id
),

revenue_counts as (
    select
        source_id,
        count(*) as n_revenue_figures
    from {{ ref('stg_player_revenue') }}
    group by source_id
)

select
    sources.source_id,
    sources.publisher,
    sources.title,
    sources.url,
    sources.source_kind,
    sources.accessed_on,
    coalesce(claim_counts.n_market_claims, 0) as n_market_claims,
    coalesce(revenue_counts.n_revenue_figures, 0) as n_revenue_figures,
    sources.note
from {{ ref('stg_sources') }} as sources
left join claim_counts on sources.source_id = claim_counts.source_id
left join revenue_counts on sources.source_id = revenue_counts.source_id
