{#- The index-th element of a list, counting from 1 (DuckDB's list[index]; Spark's [] counts from 0, and
    its element_at takes an INT index only). -#}
{% macro list_element(list, index) -%}
    {{ return(adapter.dispatch('list_element')(list, index)) }}
{%- endmacro %}

{% macro default__list_element(list, index) -%}
    {{ list }}[{{ index }}]
{%- endmacro %}

{% macro spark__list_element(list, index) -%}
    element_at({{ list }}, cast({{ index }} as int))
{%- endmacro %}
