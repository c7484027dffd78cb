-- Revenue a market report claims for a player vs what the player's own results (annual reports and
-- the press reporting them) give for the same year, per scope of those figures (group, contract
-- business, business unit). The filed figure is the median of that scope's USD figures. A claim
-- belongs to the market its report is about, and is checked only there.
with claims as (
    select * from {{ ref('int_player_revenue_usd') }}
    where source_kind = 'market_report'
),

filed as (
    select
        player_id,
        year,
        scope_class,
        count(*) as n_filed,
        count(revenue_usd_bn) as n_filed_in_usd,
        median(revenue_usd_bn) as filed_usd_bn,
        {{ ordered_string_agg('revenue_id', "', '", 'revenue_id') }} as filed_revenue_ids
    from {{ ref('int_player_revenue_usd') }}
    where source_kind <> 'market_report'
    group by player_id, year, scope_class
)

select
    market_players.market_id,
    claims.player_id,
    claims.revenue_id as claim_revenue_id,
    claims.source_id as claim_source_id,
    claims.year,
    claims.is_year_stated,
    claims.revenue_usd_bn as claimed_usd_bn,
    filed.scope_class as filed_scope_class,
    filed.n_filed,
    filed.n_filed_in_usd,
    filed.filed_usd_bn,
    filed.filed_revenue_ids,
    100 * (claims.revenue_usd_bn / filed.filed_usd_bn - 1) as diff_pct,
    abs(100 * (claims.revenue_usd_bn / filed.filed_usd_bn - 1)) > {{ number_var('revenue_check_tolerance_pct') }}
        as is_beyond_tolerance,
    claims.note as claim_note
from claims
inner join {{ ref('stg_market_players') }} as market_players
    on claims.player_id = market_players.player_id and claims.report_market_id = market_players.market_id
left join filed on claims.player_id = filed.player_id and claims.year = filed.year
