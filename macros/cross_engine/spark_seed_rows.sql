{#- Seeds on a Spark session (overrides dbt-spark's spark__load_csv_rows; dbt looks in the root project
    first). dbt-spark's session mode splices each value into the INSERT as '<value>' unescaped: a label
    with an apostrophe ('Boehringer Ingelheim's') breaks the statement and an empty cell becomes the
    text 'None'. Here every value is written as a literal of its own: NULL, true / false, a number, a
    date, or text escaped for Spark (text_literal), each cast to the seed's column type as dbt-spark does.
    DuckDB keeps dbt-duckdb's loader. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do types.append(column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                ({%- for value in row -%}
                    cast({{ _spark_seed_literal(value) }} as {{ types[loop.index0] }}){{ ', ' if not loop.last }}
                {%- endfor -%}){{ ',' if not loop.last }}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- do statements.append(sql) -%}
    {%- endfor -%}
    {#- The SQL of the first batch, for the compiled files (as dbt-spark does). -#}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}

{% macro _spark_seed_literal(value) -%}
    {%- if value is none -%}
        null
    {%- elif value is boolean -%}
        {{ 'true' if value else 'false' }}
    {%- elif value is number -%}
        {#- as text, so Spark parses the printed digits straight into the column's type -#}
        {{ text_literal(value | string) }}
    {%- elif value.isoformat is defined -%}
        {{ text_literal(value.isoformat()) }}
    {%- else -%}
        {{ text_literal(value) }}
    {%- endif -%}
{%- endmacro %}
