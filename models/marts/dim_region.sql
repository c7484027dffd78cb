with country_counts as (
    select
        region_id,
        count(distinct iso3) as n_countries
    from {{ ref('stg_countries') }}
    group by region_id
)

select
    regions.region_id,
    regions.region_name,
    regions.parent_region_id,
    regions.region_level,
    regions.sort_order,
    coalesce(country_counts.n_countries, 0) as n_countries
from {{ ref('stg_regions') }} as regions
left join country_counts on regions.region_id = country_counts.region_id
