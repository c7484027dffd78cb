-- Every country label exactly as a source prints it, next to what it was cleaned to and why.
select
    labels.source_id,
    labels.label_position,
    labels.raw_label,
    labels.listed_under_label,
    labels.listed_region_id,
    labels.iso3,
    iso.country_name,
    labels.region_id,
    labels.is_moved_to_other_region,
    labels.cleaning_note
from {{ ref('stg_countries') }} as labels
left join {{ ref('stg_iso3166__countries') }} as iso on labels.iso3 = iso.iso3
