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
    -- both are required (seed contract), so <> is the comparison; sqlfluff's DuckDB dialect cannot parse
    -- IS DISTINCT FROM here
    listed_region_id <> region_id as is_moved_to_other_region
from {{ input_relation('countries') }}
