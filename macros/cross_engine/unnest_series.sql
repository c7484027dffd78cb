{#- One row per value first, first + step, ..., last (inclusive), as a column of `data_type`: a
    set-returning expression for a select list, e.g. one row per year of a market's window:
      select market_id, {{ unnest_series('forecast_start_year', 'forecast_end_year') }} as year from ...
    DuckDB: unnest(generate_series(...)). Spark: explode(sequence(...)); Spark refuses a generator inside
    a cast, so the bounds are cast instead (sequence keeps their type). step: an integer, or an interval
    for dates (interval 1 day). -#}
{% macro unnest_series(first, last, data_type='integer', step=none) -%}
    {{ return(adapter.dispatch('unnest_series')(first, last, data_type, step)) }}
{%- endmacro %}

{% macro default__unnest_series(first, last, data_type, step) -%}
    cast(unnest(generate_series({{ first }}, {{ last }}{{ ', ' ~ step if step is not none }})) as {{ data_type }})
{%- endmacro %}

{% macro spark__unnest_series(first, last, data_type, step) -%}
    explode(sequence(cast({{ first }} as {{ data_type }}), cast({{ last }} as {{ data_type }}){{ ', ' ~ step if step is not none }}))
{%- endmacro %}
