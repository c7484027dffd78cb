{#- Schemas are exactly the folder names set in dbt_project.yml (raw, staging, intermediate, marts),
    not dbt's default "<target schema>_<custom schema>", so BI users see stable names. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
