{#- The two formulas every forecast and check in the project uses, written once. -#}

{#- size(y) = size(y0) * (1 + cagr) ^ (y - y0); a negative exponent back-casts. cagr is a fraction. -#}
{% macro compound(size, cagr, years) -%}
    ({{ size }}) * power(1 + ({{ cagr }}), ({{ years }}))
{%- endmacro %}

{#- The CAGR (fraction) that takes start_value to end_value in `years` years; NULL when years <= 0.
    The exponent is a double: Spark would make 1.0 / 3 a DECIMAL rounded to 6 digits. -#}
{% macro implied_cagr(start_value, end_value, years) -%}
    case when ({{ years }}) > 0
        then power(({{ end_value }}) / ({{ start_value }}), cast(1 as double) / ({{ years }})) - 1
    end
{%- endmacro %}
