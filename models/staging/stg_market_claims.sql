-- Every numeric claim as stated, plus the interval of values it admits:
-- exact / approximate -> [value, value]; range -> [low, high]; lower bound ("over 8%") -> [value, +inf);
-- upper bound -> (-inf, value]; not_visible -> no interval (the value is a gap).
-- central_value is the one value a claim counts as wherever a rule needs one number (a source's path, the
-- median of headline CAGRs, the estimate): the stated value, or the midpoint of a range (docs/estimate.md, "Range-valued
-- claims"). Rules that ask what a claim admits (the low and high scenarios, conflicts) use the interval.
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
    case bound
        when 'range' then (value_low + value_high) / 2
        else value
    end as central_value,
    bound,
    unit,
    breakdown_id,
    is_headline,
    section,
    note
from {{ input_relation('market_claims') }}
