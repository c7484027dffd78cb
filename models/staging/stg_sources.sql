select
    source_id,
    publisher,
    title,
    url,
    source_kind,
    accessed_on,
    note
from {{ ref('sources') }}
