select
    market_id,
    segment_id,
    dimension,
    segment_name,
    defined_by_source_id,
    sort_order
from {{ input_relation('segments') }}
