{#- Types that have no common name on the two engines (the audit table of macros/record_dbt_run.sql).
    Spark has no JSON type (JSON is kept as text) and one TIMESTAMP, an instant shown in the session time
    zone (UTC here), which is DuckDB's TIMESTAMPTZ. -#}
{% macro type_json() -%}
    {{ return(adapter.dispatch('type_json')()) }}
{%- endmacro %}

{% macro default__type_json() -%}
    json
{%- endmacro %}

{% macro spark__type_json() -%}
    string
{%- endmacro %}

{% macro type_timestamp_tz() -%}
    {{ return(adapter.dispatch('type_timestamp_tz')()) }}
{%- endmacro %}

{% macro default__type_timestamp_tz() -%}
    timestamptz
{%- endmacro %}

{% macro spark__type_timestamp_tz() -%}
    timestamp
{%- endmacro %}
