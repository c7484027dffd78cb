-- Each revenue figure of each market player as a share of the consensus market size of its year.
-- A market report's claim about a player counts only for the market the report is about; the
-- players' own results count for every market the player is in.
select
    market_players.market_id,
    revenue.player_id,
    revenue.revenue_id,
    revenue.source_id,
    revenue.source_kind,
    revenue.year,
    revenue.is_year_stated,
    revenue.scope_class,
    revenue.scope_detail,
    revenue.value,
    revenue.value_qualifier,
    revenue.currency,
    revenue.scale,
    revenue.revenue_usd_bn,
    revenue.usd_basis,
    consensus.median_size_usd_bn as consensus_size_usd_bn,
    100 * revenue.revenue_usd_bn / consensus.median_size_usd_bn as share_pct,
    revenue.scope_class = 'group' as is_group_scope,
    100 * revenue.revenue_usd_bn / consensus.median_size_usd_bn > {{ number_var('player_share_flag_pct') }}
        as is_above_share_flag
from {{ ref('int_player_revenue_usd') }} as revenue
inner join {{ ref('stg_market_players') }} as market_players
    on revenue.player_id = market_players.player_id
    and coalesce(revenue.report_market_id, market_players.market_id) = market_players.market_id
left join {{ ref('int_market_consensus') }} as consensus
    on market_players.market_id = consensus.market_id and revenue.year = consensus.year
