{#- Source grading (int_source_grades): the factors of var grade_factors and the bands of var grade_bands
    rendered as SQL. Every factor is a checked number (market_warehouse/config.py checks the vars in the
    main job; these macros check them again for a plain `dbt build --vars`). -#}

{#- The factor of `column`'s level under var grade_factors[attribute]; a NULL or unknown level takes the
    factor of `default_level`. -#}
{% macro grade_factor(attribute, column, default_level) -%}
    {%- set factors = var('grade_factors')[attribute] -%}
    {%- if factors is not mapping or default_level not in factors -%}
        {{ exceptions.raise_compiler_error("var grade_factors." ~ attribute ~ " must be a mapping that has a factor for '" ~ default_level ~ "'") }}
    {%- endif -%}
    case {{ column }}
    {%- for level, factor in factors.items() %}
        when {{ text_literal(level) }} then {{ _checked_factor(attribute ~ '.' ~ level, factor) }}
    {%- endfor %}
        else {{ _checked_factor(attribute ~ '.' ~ default_level, factors[default_level]) }}
    end
{%- endmacro %}

{#- A single factor of var grade_factors, e.g. growth_only. -#}
{% macro grade_constant(name) -%}
    {{ _checked_factor(name, var('grade_factors')[name]) }}
{%- endmacro %}

{#- The grade of a weight: A, B or C from the lowest weight of each (var grade_bands), else D. -#}
{% macro grade_of(weight) -%}
    {%- set bands = var('grade_bands') -%}
    case
    {%- for grade in ['A', 'B', 'C'] %}
        when {{ weight }} >= {{ _checked_factor('grade_bands.' ~ grade, bands[grade]) }} then '{{ grade }}'
    {%- endfor %}
        else 'D'
    end
{%- endmacro %}

{% macro _checked_factor(name, value) -%}
    {%- if value is number and value is not boolean and 0 <= value <= 1 -%}
        cast({{ value }} as double)
    {%- else -%}
        {{ exceptions.raise_compiler_error("var grade factor " ~ name ~ " must be a number from 0 to 1, got: " ~ value) }}
    {%- endif -%}
{%- endmacro %}
