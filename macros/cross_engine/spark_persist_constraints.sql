{#- Contract constraints on Spark (overrides dbt-spark's spark__persist_constraints; dbt looks in the root
    project first). dbt-spark applies them to Delta tables only, as ALTER TABLE statements; the project's
    Parquet tables cannot hold them, so dbt-spark would silently skip them. Instead the built table is
    checked once, as DuckDB checks the rows it inserts: a NULL in a not_null or primary_key column, or a
    duplicate primary key, drops the table and fails the model, naming the column and the count.
    (Column names and types are checked before the table is built, by dbt itself, on both engines.) -#}
{% macro spark__persist_constraints(relation, model) %}
    {%- if not config.get('contract').enforced -%}
        {{ return('') }}
    {%- elif config.get('file_format', 'delta') == 'delta' -%}
        {%- do alter_table_add_constraints(relation, model.constraints) -%}
        {%- do alter_column_set_constraints(relation, model.columns) -%}
        {{ return('') }}
    {%- endif -%}
    {%- set checks = [] -%}
    {%- for column_name, column in model.columns.items() -%}
        {%- set kinds = column.constraints | map(attribute='type') | map('string') | list -%}
        {%- if 'not_null' in kinds or 'primary_key' in kinds -%}
            {%- do checks.append(("count(*) - count(" ~ adapter.quote(column_name) ~ ")", column_name ~ " is NULL")) -%}
        {%- endif -%}
        {%- if 'primary_key' in kinds -%}
            {%- do checks.append(("count(" ~ adapter.quote(column_name) ~ ") - count(distinct " ~ adapter.quote(column_name) ~ ")",
                                  column_name ~ " (primary key) is a duplicate")) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if checks -%}
        {%- set counts = run_query("select " ~ (checks | map(attribute=0) | join(', ')) ~ " from " ~ relation).rows[0] -%}
        {%- set broken = [] -%}
        {%- for index in range(checks | length) if counts[index] > 0 -%}
            {%- do broken.append(counts[index] ~ " row(s) where " ~ checks[index][1]) -%}
        {%- endfor -%}
        {%- if broken -%}
            {%- do adapter.drop_relation(relation) -%}
            {{ exceptions.raise_database_error("contract of " ~ model.name ~ " broken: " ~ (broken | join('; '))) }}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
