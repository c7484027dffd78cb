{#- Several SQL statements run by one hook (on-run-end). DuckDB runs them as one script, the hook's SQL.
    A Spark session runs one statement per call, so each is run here and the hook's SQL is left empty. -#}
{% macro hook_statements(statements) -%}
    {{ return(adapter.dispatch('hook_statements')(statements)) }}
{%- endmacro %}

{% macro default__hook_statements(statements) -%}
    {{ statements | join(';\n') }};
{%- endmacro %}

{% macro spark__hook_statements(statements) -%}
    {%- for statement in statements -%}
        {%- do run_query(statement) -%}
    {%- endfor -%}
{%- endmacro %}
