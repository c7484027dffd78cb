-- Every (region, ancestor) pair of the region hierarchy, the region itself included at depth 0.
-- The recursion stops at var max_hierarchy_depth: a loop of parents (refused by the seed check, not by
-- plain dbt) would otherwise never end.
with recursive ancestry as (
    select
        region_id,
        region_id as ancestor_id,
        0 as depth
    from {{ ref('stg_regions') }}

    union all

    select
        ancestry.region_id,
        regions.parent_region_id as ancestor_id,
        ancestry.depth + 1 as depth
    from ancestry
    inner join {{ ref('stg_regions') }} as regions on ancestry.ancestor_id = regions.region_id
    where
        regions.parent_region_id is not null
        and ancestry.depth < {{ bounded_int_var('max_hierarchy_depth', 1, 1000) }}
)

select
    region_id,
    ancestor_id,
    depth
from ancestry
