-- Every (region, ancestor) pair of the region hierarchy, the region itself included at depth 0.
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
    where regions.parent_region_id is not null
)

select
    region_id,
    ancestor_id,
    depth
from ancestry
