-- Each revenue figure of each market player as a share of the consensus market size of its year.
-- A market report's claim about a player counts only for the market the report is about; the
-- players' own results count for every market the player is in.
-- The denominator is the consensus of the revenue's year (denominator_year); denominator_basis says
-- whether the sources state that year's sizes themselves (fct_market_consensus.size_basis): a 2022
-- share of a market whose sources first state a size for 2023 divides by a back-cast.
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
        as is_above_share_flag,
    consensus.year as denominator_year,
    coalesce(consensus.size_basis, 'no consensus') as denominator_basis,
    consensus.n_stated_sources as denominator_n_stated_sources,
    consensus.n_sources as denominator_n_sources,
    revenue.note as revenue_note,
    players.note as player_note,
    -- the figure with its wording: '~26 USD bn' (around / approximately), 'nearly 1 USD bn', '6.2 CHF bn'
    case revenue.value_qualifier
        when 'exact' then ''
        when 'approximately' then '~'
        when 'around' then '~'
        when 'nearing' then 'nearly '
        else revenue.value_qualifier || ' '
    end
    || case when revenue.value < 0 then '−' else '' end
    || regexp_replace(cast(abs(revenue.value) as string), '[.]0$', '')
    || ' ' || revenue.currency || ' ' || revenue.scale as value_as_stated
from {{ ref('int_player_revenue_usd') }} as revenue
inner join {{ ref('stg_market_players') }} as market_players
    on revenue.player_id = market_players.player_id
        and coalesce(revenue.report_market_id, market_players.market_id) = market_players.market_id
left join {{ ref('stg_players') }} as players on revenue.player_id = players.player_id
left join {{ ref('int_market_consensus') }} as consensus
    on market_players.market_id = consensus.market_id and revenue.year = consensus.year
