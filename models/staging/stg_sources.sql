select
    source_id,
    publisher,
    title,
    url,
    source_kind,
    coalesce(publisher_kind, 'not_assessed') as publisher_kind,
    coalesce(scope_fit, 'unclear') as scope_fit,
    edition_year,
    accessed_on,
    note
from {{ input_relation('sources') }}
