-- Every numeric claim as stated, plus the interval of values it admits:
-- exact / approximate -> [value, value]; range -> [low, high]; lower bound ("over 8%") -> [value, +inf);
-- upper bound -> (-inf, value]; not_visible -> no interval (the value is a gap).
select
    claim_id,
    market_id,
    source_id,
    metric,
    case
        when segment_id is not null then 'segment'
        when region_id = 'WORLD' then 'world'
        else 'region'
    end as scope_type,
    region_label,
    region_id,
    segment_label,
    segment_id,
    year,
    period_start_year,
    period_end_year,
    period_text,
    -- The year a point claim refers to: the stated year, else the start of the stated period.
    coalesce(year, period_start_year) as claim_year,
    year is not null as is_year_stated,
    value,
    value_low,
    value_high,
    case bound
        when 'range' then value_low
        when 'upper_bound' then null
        else value
    end as interval_low,
    case bound
        when 'range' then value_high
        when 'lower_bound' then null
        else value
    end as interval_high,
    bound,
    unit,
    breakdown_id,
    is_headline,
    section,
    note
from {{ input_relation('market_claims') }}
