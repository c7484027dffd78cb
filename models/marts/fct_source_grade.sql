select
    market_id,
    source_id,
    publisher,
    publisher_kind,
    scope_fit,
    edition_year,
    consistency_verdict,
    states_size,
    states_growth,
    weight,
    grade,
    grade_reason,
    counts_toward_estimate,
    exclusion_reason
from {{ ref('int_source_grades') }}
