{#- Continuous quantiles of a group (linear interpolation between order statistics, numpy's default), as a
    list in the order of `fractions`; read them with list_element(). Spark's exact percentile() gives the
    same values as DuckDB's quantile_cont. -#}
{% macro quantiles_cont(expression, fractions) -%}
    {{ return(adapter.dispatch('quantiles_cont')(expression, fractions)) }}
{%- endmacro %}

{% macro default__quantiles_cont(expression, fractions) -%}
    quantile_cont({{ expression }}, [{{ fractions | join(', ') }}])
{%- endmacro %}

{% macro spark__quantiles_cont(expression, fractions) -%}
    percentile({{ expression }}, array({{ fractions | join(', ') }}))
{%- endmacro %}
