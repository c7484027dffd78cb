{#- Fails for every non-NULL value that is not an http(s) URL. Other schemes (javascript:, data:, file:)
    would become clickable links that run code or open local files in the reports. The pre-flight
    seed check applies the same pattern (market_warehouse/seed_check.py, HTTP_URL_PATTERN). -#}
{% test is_http_url(model, column_name) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is not null
    and not {{ regex_full_match(column_name, '(?i)https?://[^\\s]+') }}
{% endtest %}
