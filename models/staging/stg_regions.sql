select
    region_id,
    region_name,
    parent_region_id,
    region_level,
    sort_order
from {{ input_relation('regions') }}
