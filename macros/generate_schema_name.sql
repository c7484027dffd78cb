{#- DuckDB: schemas are exactly the folder names set in dbt_project.yml (raw, staging, intermediate, marts),
    not dbt's default "<target schema>_<custom schema>", so BI users see stable names in the one file.
    Spark: a schema is a database of the shared metastore, with no file around it, so a build goes into a
    set of its own, <target schema>_<custom schema> (candidate_raw, candidate_marts, ...), dbt's default. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- elif target.type == 'spark' -%}
        {{ target.schema }}_{{ custom_schema_name | trim }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
