{#- The values of a group as a list (array), ascending by the sort keys (a list of SQL expressions, none
    of them NULL): DuckDB's list(value order by keys). Spark has no ordered collect_list: it sorts
    structs of (keys..., value) and keeps the value. -#}
{% macro ordered_list(expression, sort_keys) -%}
    {{ return(adapter.dispatch('ordered_list')(expression, sort_keys)) }}
{%- endmacro %}

{% macro default__ordered_list(expression, sort_keys) -%}
    list({{ expression }} order by {{ sort_keys | join(', ') }})
{%- endmacro %}

{% macro spark__ordered_list(expression, sort_keys) -%}
    transform(
        array_sort(collect_list(named_struct(
            {%- for key in sort_keys %}'key{{ loop.index }}', {{ key }}, {% endfor %}'value', {{ expression }}))),
        entry -> entry.value
    )
{%- endmacro %}
