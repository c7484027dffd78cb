-- Every region a source of a market names - in a claim about the region (a share, a size, a CAGR,
-- a percentage that is not a share of the market, a mention without a figure: metric region_named) or as
-- a heading of its country list - with what
-- the source says about it: its share as stated (or that it states none, or that the figure is not
-- visible), its other claims, the countries it lists under it, the countries it lists twice and the
-- labels it lists under this region that belong to another, and the regions it also names that contain
-- this one.
-- A source's country list counts for every market the source makes a claim about or is the primary
-- report of.
with region_claims as (
    select
        *,
        -- a claim other than a share as a reader would quote it: 'CAGR 9.56 % (2024-2031)'
        case metric
            when 'cagr' then 'CAGR '
            when 'market_size' then 'size '
            when 'context_share' then 'a percentage that is not a share of the market: '
            else metric || ' '
        end
        || value_as_stated
        || coalesce(' (' || coalesce(cast(year as string), period_text) || ')', '') as claim_as_stated
    from {{ ref('fct_market_claim') }}
    where scope_type = 'region'
),

claimed as (
    select
        market_id,
        source_id,
        region_id,
        {{ ordered_string_agg('region_label', "' / '", 'region_label', distinct=true) }} as claim_labels,
        max(value) filter (where metric = 'share') as share_pct,
        {{ ordered_string_agg('claim_id', "', '", 'claim_id') }} filter (where metric = 'share') as share_claim_ids,
        {{ ordered_string_agg('value_as_stated', "', '", 'claim_id') }} filter (where metric = 'share')
            as share_as_stated,
        count(*) filter (where metric = 'share' and value is not null) as n_shares_stated,
        count(*) filter (where metric = 'share' and bound = 'not_visible') as n_shares_not_visible,
        {{ ordered_string_agg('claim_id', "', '", 'claim_id') }} filter (where metric not in ('share', 'region_named'))
            as other_claim_ids,
        {{ ordered_string_agg('claim_as_stated', "'; '", 'claim_id') }} filter (
            where metric not in ('share', 'region_named')
        )
            as other_claims_as_stated
    from region_claims
    group by market_id, source_id, region_id
),

per_country as (
    -- one row per source, heading and ISO country listed under it
    select
        source_id,
        listed_region_id as region_id,
        iso3,
        country_name,
        min(label_position) as first_position,
        bool_and(is_moved_to_other_region) as is_moved_to_other_region,
        max(n_labels_for_country) as n_labels_for_country,
        {{ ordered_string_agg("'''' || raw_label || ''''", "' + '", 'label_position') }} as raw_labels,
        any_value(region_id) as cleaned_region_id
    from {{ ref('dim_country_label') }}
    where listed_region_id is not null
    group by source_id, listed_region_id, iso3, country_name
),

source_country as (
    -- every label of one source for one ISO country, with the heading it stands under
    select
        source_id,
        iso3,
        {{ ordered_string_agg("'''' || raw_label || ''' under ' || coalesce(listed_under_label, '?')", "' + '",
                              'label_position') }} as labels_with_headings
    from {{ ref('dim_country_label') }}
    group by source_id, iso3
),

headings as (
    select
        source_id,
        listed_region_id as region_id,
        {{ ordered_string_agg('listed_under_label', "' / '", 'listed_under_label', distinct=true) }} as list_labels,
        count(*) as n_country_labels
    from {{ ref('dim_country_label') }}
    where listed_region_id is not null
    group by source_id, listed_region_id
),

listed as (
    select
        market_sources.market_id,
        per_country.source_id,
        per_country.region_id,
        any_value(headings.list_labels) as list_labels,
        any_value(headings.n_country_labels) as n_country_labels,
        count(*) filter (where not per_country.is_moved_to_other_region) as n_countries,
        {{ ordered_string_agg('per_country.country_name', "', '", 'per_country.first_position') }}
        filter (where not per_country.is_moved_to_other_region) as listed_countries,
        count(*) filter (where per_country.n_labels_for_country > 1 and not per_country.is_moved_to_other_region)
            as n_countries_listed_twice,
        {{ ordered_string_agg("per_country.country_name || ' (' || source_country.labels_with_headings || ')'", "', '",
                              'per_country.first_position') }}
        filter (where per_country.n_labels_for_country > 1 and not per_country.is_moved_to_other_region)
            as countries_listed_twice,
        count(*) filter (where per_country.is_moved_to_other_region) as n_labels_in_wrong_region,
        {{ ordered_string_agg("per_country.raw_labels || ' (belongs to ' || per_country.cleaned_region_id || ')'",
                              "', '", 'per_country.first_position') }}
        filter (where per_country.is_moved_to_other_region) as labels_in_wrong_region
    from per_country
    inner join headings on per_country.source_id = headings.source_id and per_country.region_id = headings.region_id
    inner join {{ ref('int_market_sources') }} as market_sources on per_country.source_id = market_sources.source_id
    inner join
        source_country
        on per_country.source_id = source_country.source_id and per_country.iso3 = source_country.iso3
    group by market_sources.market_id, per_country.source_id, per_country.region_id
),

named as (
    select
        market_id,
        source_id,
        region_id
    from claimed
    union
    select
        market_id,
        source_id,
        region_id
    from listed
),

beside_parents as (
    -- regions the same source also names that contain this one (the USA beside North America): an
    -- overlap a reader must not add up, unless the source's own breakdown treats them as separate buckets
    select
        named.market_id,
        named.source_id,
        named.region_id,
        {{ ordered_string_agg('regions.region_name', "', '", 'ancestry.depth') }} as named_parents
    from named
    inner join {{ ref('int_region_ancestry') }} as ancestry
        on named.region_id = ancestry.region_id and ancestry.depth > 0
    inner join named as parents
        on named.market_id = parents.market_id and named.source_id = parents.source_id
            and ancestry.ancestor_id = parents.region_id
    inner join {{ ref('stg_regions') }} as regions on ancestry.ancestor_id = regions.region_id
    where ancestry.ancestor_id <> 'WORLD'
    group by named.market_id, named.source_id, named.region_id
)

select
    named.market_id,
    named.source_id,
    named.region_id,
    case
        when listed.list_labels is null or listed.list_labels = claimed.claim_labels then claimed.claim_labels
        when claimed.claim_labels is null then listed.list_labels
        else claimed.claim_labels || ' / ' || listed.list_labels
    end as region_label,
    claimed.share_pct,
    claimed.share_as_stated,
    claimed.share_claim_ids,
    case
        when coalesce(claimed.n_shares_stated, 0) > 0 then 'share stated'
        when coalesce(claimed.n_shares_not_visible, 0) > 0 then 'share not visible in the source'
        else 'no share stated'
    end as share_status,
    claimed.other_claims_as_stated,
    claimed.other_claim_ids,
    coalesce(listed.n_country_labels, 0) as n_country_labels,
    coalesce(listed.n_countries, 0) as n_countries,
    listed.listed_countries,
    coalesce(listed.n_countries_listed_twice, 0) as n_countries_listed_twice,
    listed.countries_listed_twice,
    coalesce(listed.n_labels_in_wrong_region, 0) as n_labels_in_wrong_region,
    listed.labels_in_wrong_region,
    concat_ws(
        '; ',
        case
            when coalesce(claimed.n_shares_stated, 0) > 0 then 'share ' || claimed.share_as_stated
            when coalesce(claimed.n_shares_not_visible, 0) > 0 then 'a share the page does not show'
            else 'no share'
        end,
        claimed.other_claims_as_stated,
        case when listed.n_country_labels is null then 'no countries listed'
            when listed.n_countries = 1 then '1 country listed: ' || listed.listed_countries
            else listed.n_countries || ' countries listed: ' || listed.listed_countries
        end,
        case when listed.n_countries_listed_twice > 0
                then 'listed twice: ' || listed.countries_listed_twice
        end,
        case when listed.n_labels_in_wrong_region > 0
                then 'under the wrong region: ' || listed.labels_in_wrong_region
        end,
        'named beside ' || beside_parents.named_parents || ', which contains it'
    ) as source_says
from named
left join claimed
    on named.market_id = claimed.market_id and named.source_id = claimed.source_id
        and named.region_id = claimed.region_id
left join listed
    on named.market_id = listed.market_id and named.source_id = listed.source_id
        and named.region_id = listed.region_id
left join beside_parents
    on named.market_id = beside_parents.market_id and named.source_id = beside_parents.source_id
        and named.region_id = beside_parents.region_id
