{#- Typed access to dbt vars. A var reaches SQL only through these macros, which render a checked
    number or fail the compile with a clear message - never var text spliced into SQL. The main job
    also checks every var before anything runs (market_warehouse/config.py). -#}

{% macro number_var(name) -%}
    {%- set value = var(name) -%}
    {%- if value is number and value is not boolean -%}
        {{ value }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("var '" ~ name ~ "' must be a number, got: " ~ value) }}
    {%- endif -%}
{%- endmacro %}

{#- An integer var within [low, high]: caps that hold in plain `dbt build --vars` too, not only in the
    main job's check (fan_draws: 10^7 draws took 7.9 GB). Same bounds as market_warehouse/config.py. -#}
{% macro bounded_int_var(name, low, high) -%}
    {%- set value = var(name) -%}
    {%- if value is integer and value is not boolean and low <= value <= high -%}
        {{ value }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("var '" ~ name ~ "' must be an integer from " ~ low ~ " to " ~ high ~ ", got: " ~ value) }}
    {%- endif -%}
{%- endmacro %}

{#- The var as an integer literal when it is set, else the given column (the seed's value). -#}
{% macro int_var_or_column(name, column) -%}
    {%- set value = var(name) -%}
    {%- if value is none -%}
        {{ column }}
    {%- elif value is integer and value is not boolean -%}
        {{ value }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("var '" ~ name ~ "' must be an integer year or null, got: " ~ value) }}
    {%- endif -%}
{%- endmacro %}

{#- CASE expression for the scenarios named in var scenario_cagr_overrides (e.g. {high: 0.14}):
    their CAGR, or `overridden` (a SQL expression) if given; `otherwise` for the other scenarios. -#}
{% macro scenario_cagr_override(scenario_column, otherwise, overridden=none) -%}
    {%- set overrides = var('scenario_cagr_overrides') or {} -%}
    {%- if overrides is not mapping -%}
        {{ exceptions.raise_compiler_error("var 'scenario_cagr_overrides' must be a mapping like {high: 0.14}") }}
    {%- endif -%}
    {%- if overrides -%}
        case {{ scenario_column }}
        {%- for scenario, cagr in overrides.items() %}
            {%- if scenario not in ['low', 'base', 'high'] -%}
                {{ exceptions.raise_compiler_error("scenario_cagr_overrides: unknown scenario '" ~ scenario ~ "'") }}
            {%- endif -%}
            {%- if cagr is not number or cagr is boolean -%}
                {{ exceptions.raise_compiler_error("scenario_cagr_overrides: the CAGR of " ~ scenario ~ " must be a number") }}
            {%- endif %}
            when '{{ scenario }}' then {{ overridden if overridden is not none else cagr }}
        {%- endfor %}
            else {{ otherwise }}
        end
    {%- else -%}
        {{ otherwise }}
    {%- endif -%}
{%- endmacro %}
