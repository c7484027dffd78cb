{#- A hint that spreads a relation's rows over many partitions by `columns`, before heavy work per row and
    per group. Spark: the fan's inputs are a small aggregate, which adaptive execution coalesces into one
    partition, so without it every market's draws were generated and partially aggregated in one task; at
    M = 10,000 markets (800 million draw-years) that task ran out of heap (docs/spark.md). 200 is
    Spark's default number of shuffle partitions; on a cluster they spread over the executors. DuckDB
    parallelises on its own: nothing. -#}
{% macro spread_rows(columns) -%}
    {{ return(adapter.dispatch('spread_rows')(columns)) }}
{%- endmacro %}

{% macro default__spread_rows(columns) -%}{%- endmacro %}

{% macro spark__spread_rows(columns) -%}
    /*+ REPARTITION(200, {{ columns }}) */
{%- endmacro %}
