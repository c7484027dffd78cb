{#- Any text as a SQL string literal of the engine. DuckDB: single quotes doubled, backslashes are plain
    characters. Spark: backslash starts an escape (\n, \u0027), so backslashes and quotes are escaped. -#}
{% macro text_literal(text) -%}
    {{ return(adapter.dispatch('text_literal')(text)) }}
{%- endmacro %}

{% macro default__text_literal(text) -%}
    '{{ text | string | replace("'", "''") }}'
{%- endmacro %}

{% macro spark__text_literal(text) -%}
    '{{ text | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}
