-- Scenario CAGRs of each market, from world CAGR claims:
-- * a market with a primary report takes that report's claims only;
-- * a market without one (primary_source_id empty) takes every source's claims for the market.
-- low  = the lowest value any of those claims admits (range lows and lower bounds count);
-- base = the primary report's headline claim, or without a primary report the median of the
--        sources' headline CAGRs (each source's headline world CAGR, or its only one: the same
--        CAGR its own size path uses, int_source_paths); a range counts as its midpoint
--        (stg_market_claims.central_value);
-- high = the highest value any claim states (range highs count; a lower bound counts with its
--        bound, the only number it states).
-- var scenario_cagr_overrides replaces a scenario's CAGR (of every market, or of the markets it names) for
-- what-if runs; the row then says so.
with claims as (
    select
        claims.*,
        markets.primary_source_id is not null as is_from_primary_report
    from {{ ref('stg_market_claims') }} as claims
    inner join {{ ref('stg_markets') }} as markets
        on claims.market_id = markets.market_id
            and (markets.primary_source_id is null or claims.source_id = markets.primary_source_id)
    where claims.metric = 'cagr' and claims.scope_type = 'world'
),

candidates as (
    select
        market_id,
        source_id,
        claim_id,
        is_headline,
        is_from_primary_report,
        central_value,
        coalesce(interval_low, interval_high) as lowest_value,
        coalesce(interval_high, interval_low) as highest_value
    from claims
),

-- The claim named for low / high is the first by claim_id among those at the extreme: min_by / max_by
-- pick any of tied claims, and each engine picks another (a range and a bound with the same low).
extremes as (
    select
        *,
        min(lowest_value) over (partition by market_id) as market_lowest_value,
        max(highest_value) over (partition by market_id) as market_highest_value
    from candidates
),

source_headlines as (
    select
        market_id,
        claim_id,
        central_value
    from candidates
    where not is_from_primary_report and central_value is not null
    qualify row_number() over (partition by market_id, source_id order by is_headline desc, claim_id asc) = 1
),

from_claims as (
    select
        market_id,
        'low' as scenario,
        min(lowest_value) / 100 as cagr,
        min(claim_id) filter (where lowest_value = market_lowest_value) as cagr_claim_id,
        'lowest value admitted by a world CAGR claim of '
        || case when bool_or(is_from_primary_report) then 'the primary report' else 'any source' end
            as cagr_basis
    from extremes
    group by market_id

    union all

    select
        market_id,
        'base' as scenario,
        central_value / 100 as cagr,
        claim_id as cagr_claim_id,
        'headline world CAGR of the primary report' as cagr_basis
    from candidates
    where is_from_primary_report and is_headline

    union all

    -- median(): the mean of the two middle values when the number of sources is even.
    select
        market_id,
        'base' as scenario,
        median(central_value) / 100 as cagr,
        {{ ordered_string_agg('claim_id', "', '", 'central_value, claim_id') }} as cagr_claim_id,
        'median of ' || count(*) || ' sources'' headline world CAGRs' as cagr_basis
    from source_headlines
    group by market_id

    union all

    select
        market_id,
        'high' as scenario,
        max(highest_value) / 100 as cagr,
        min(claim_id) filter (where highest_value = market_highest_value) as cagr_claim_id,
        'highest value stated by a world CAGR claim of '
        || case when bool_or(is_from_primary_report) then 'the primary report' else 'any source' end
            as cagr_basis
    from extremes
    group by market_id
)

select
    market_id,
    scenario,
    {{ scenario_cagr_override('market_id', 'scenario', 'cagr') }} as cagr,
    {{ scenario_cagr_override('market_id', 'scenario', 'cagr_claim_id', overridden="'var scenario_cagr_overrides'") }}
        as cagr_claim_id,
    {{ scenario_cagr_override('market_id', 'scenario', 'cagr_basis',
                              overridden="'what-if: var scenario_cagr_overrides'") }} as cagr_basis
from from_claims
