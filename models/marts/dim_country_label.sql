-- Every country label exactly as a source prints it, next to what it was cleaned to and why, and
-- what the source's list says about the country: listed once, several times (two labels of one
-- source for one ISO country: 'South Korea' and 'Korea', 'Saudi' and 'Arabia') or under a region it
-- does not belong to ('Korea' under Middle East & Africa).
with labels as (
    select
        labels.*,
        count(*) over (partition by labels.source_id, labels.iso3) as n_labels_for_country
    from {{ ref('stg_countries') }} as labels
)

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
    labels.cleaning_note,
    labels.n_labels_for_country,
    case
        when labels.is_moved_to_other_region and labels.n_labels_for_country = 2
            then 'listed twice, here under the wrong region'
        when labels.is_moved_to_other_region and labels.n_labels_for_country > 2
            then 'listed ' || labels.n_labels_for_country || ' times, here under the wrong region'
        when labels.is_moved_to_other_region then 'listed under the wrong region'
        when labels.n_labels_for_country = 2 then 'listed twice'
        when labels.n_labels_for_country > 2 then 'listed ' || labels.n_labels_for_country || ' times'
        else 'listed once'
    end as listing_status
from labels
left join {{ ref('stg_iso3166__countries') }} as iso on labels.iso3 = iso.iso3
