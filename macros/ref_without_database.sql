{#- ref() without the database (DuckDB: catalog) part, so a view stores `staging.stg_markets`, never
    `market.staging.stg_markets`.

    dbt-duckdb names the catalog after the file (build/market.duckdb -> `market`) and ref() renders
    catalog.schema.table. DuckDB keeps that catalog name in the view's SQL, so a client that attaches
    the file under another name (`attach 'warehouse/market.duckdb' as wh (read_only)`) could not read
    any staging or intermediate view: Catalog "market" does not exist. A view's unqualified names are
    resolved in the view's own catalog first (DuckDB binds a view with its catalog as search path), so
    schema.table works under any attach name, and in dbt's own connection too (the file is its
    default catalog). Tables (the marts) are unaffected: they hold data, not SQL.

    This is dbt's documented way to change what ref() renders (the `builtins` override, dbt >= 1.5),
    keeping versions and two-argument refs. tests/test_bi_clients.py reads every staging and
    intermediate view through `attach ... as other_name (read_only)`. On Spark relations have no
    database part (dbt-spark renders schema.table), so this changes nothing there. -#}
{% macro ref() -%}
    {%- set version = kwargs.get('version') or kwargs.get('v') -%}
    {%- if (varargs | length) == 1 -%}
        {%- set relation = builtins.ref(varargs[0], version=version) -%}
    {%- else -%}
        {%- set relation = builtins.ref(varargs[0], varargs[1], version=version) -%}
    {%- endif -%}
    {%- do return(relation.include(database=false)) -%}
{%- endmacro %}
