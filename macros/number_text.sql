{#- Numbers as the pages print them, written once so every mart's sentences use one format (README,
    "Grades and the estimate"): sizes with two decimals, percentages with at most two decimals and no
    trailing zeros, a space, then %. -#}
{% macro usd_bn_text(value) -%}
    printf('%.2f', {{ value }})
{%- endmacro %}

{% macro pct_text(value) -%}
    regexp_replace(regexp_replace(printf('%.2f', {{ value }}), '0+$', ''), '[.]$', '') || ' %'
{%- endmacro %}
