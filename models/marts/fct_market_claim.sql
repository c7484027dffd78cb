-- Every numeric claim of every source, as stated, with the interval of values it admits.
with claims as (
    select
        *,
        -- numbers as printed: 11.5, 7, 37.17 (no trailing '.0'; a minus sign U+2212 for negatives,
        -- so that no text starts with '-'). Spark would print values from 1e7 up or below 1e-3 in E
        -- notation (1.0E7), DuckDB does not: no claim or revenue figure comes near either.
        case when value < 0 then '−' else '' end
        || regexp_replace(cast(abs(value) as string), '[.]0$', '') as value_text,
        case when value_low < 0 then '−' else '' end
        || regexp_replace(cast(abs(value_low) as string), '[.]0$', '') as value_low_text,
        case when value_high < 0 then '−' else '' end
        || regexp_replace(cast(abs(value_high) as string), '[.]0$', '') as value_high_text
    from {{ ref('stg_market_claims') }}
)

select
    claim_id,
    market_id,
    source_id,
    metric,
    scope_type,
    region_label,
    region_id,
    segment_label,
    segment_id,
    year,
    period_start_year,
    period_end_year,
    period_text,
    value,
    value_low,
    value_high,
    bound,
    interval_low,
    interval_high,
    unit,
    breakdown_id,
    is_headline,
    section,
    note,
    -- the figure with its wording, as a reader would quote it: '11.5 %', '7-10 %', '> 8 %' (over 8 %),
    -- '~30 %' (approximate), '37.17 USD bn', 'not visible'
    case bound
        when 'not_visible' then 'not visible'
        when 'not_stated' then 'named without a figure'
        when 'range' then value_low_text || '-' || value_high_text || ' ' || unit
        when 'lower_bound' then '> ' || value_text || ' ' || unit
        when 'upper_bound' then '< ' || value_text || ' ' || unit
        when 'approximate' then '~' || value_text || ' ' || unit
        else value_text || ' ' || unit
    end as value_as_stated
from claims
