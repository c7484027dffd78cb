-- One row per country label exactly as a source prints it, with the curated ISO code and region.
select
    source_id,
    label_position,
    raw_label,
    listed_under_label,
    listed_region_id,
    upper(iso3) as iso3,
    region_id,
    cleaning_note,
    listed_region_id is distinct from region_id as is_moved_to_other_region
from {{ input_relation('countries') }}
