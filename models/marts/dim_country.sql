-- One row per ISO 3166 country any source lists, with its cleaned region and the raw labels behind it.
select
    labels.iso3,
    iso.iso2,
    iso.country_name,
    -- Every label of a country maps to one region (tested); any_value keeps the grain one row per country.
    any_value(labels.region_id) as region_id,
    count(*) as n_raw_labels,
    {{ ordered_string_agg('labels.raw_label', "' | '", 'labels.source_id, labels.label_position') }} as raw_labels,
    bool_or(labels.cleaning_note is not null) as has_cleaning_note
from {{ ref('stg_countries') }} as labels
left join {{ ref('stg_iso3166__countries') }} as iso on labels.iso3 = iso.iso3
group by labels.iso3, iso.iso2, iso.country_name
