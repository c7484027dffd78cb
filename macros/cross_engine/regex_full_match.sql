{#- Does the whole of `expression` match the regular expression `pattern` (plain text, not a SQL literal)?
    Each engine gets the pattern as its own string literal: DuckDB keeps backslashes as they are, Spark
    reads them as escapes, so Spark's literal doubles them. -#}
{% macro regex_full_match(expression, pattern) -%}
    {{ return(adapter.dispatch('regex_full_match')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regex_full_match(expression, pattern) -%}
    regexp_full_match({{ expression }}, {{ text_literal(pattern) }})
{%- endmacro %}

{% macro spark__regex_full_match(expression, pattern) -%}
    ({{ expression }} rlike {{ text_literal('^(?:' ~ pattern ~ ')$') }})
{%- endmacro %}
