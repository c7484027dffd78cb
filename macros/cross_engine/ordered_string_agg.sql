{#- The values of a group joined into one string, in a given order (dbt.listagg does not order on Spark):
      {{ ordered_string_agg('source_id', "', '", 'source_id') }}
    A FILTER (WHERE ...) clause may follow the call on both engines. Spark sorts NULL keys first when
    ascending, DuckDB last: say `nulls last` in order_by where a key can be NULL. -#}
{% macro ordered_string_agg(expression, delimiter, order_by, distinct=false) -%}
    {{ return(adapter.dispatch('ordered_string_agg')(expression, delimiter, order_by, distinct)) }}
{%- endmacro %}

{% macro default__ordered_string_agg(expression, delimiter, order_by, distinct) -%}
    string_agg({{ 'distinct ' if distinct }}{{ expression }}, {{ delimiter }} order by {{ order_by }})
{%- endmacro %}

{% macro spark__ordered_string_agg(expression, delimiter, order_by, distinct) -%}
    string_agg({{ 'distinct ' if distinct }}{{ expression }}, {{ delimiter }}) within group (order by {{ order_by }})
{%- endmacro %}
