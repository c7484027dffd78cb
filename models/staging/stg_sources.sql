select
    source_id,
    publisher,
    title,
    url,
    source_kind,
    accessed_on,
    note
from {{ input_relation('sources') }}
