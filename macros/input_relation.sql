{#- The one input switch of the project. Staging models read their seed through this macro:

      from {{ input_relation('markets') }}

    * var input_folder unset (the default): the curated seed, exactly `ref('markets')`.
    * var input_folder = an absolute folder path: that folder's markets.parquet, else markets.csv,
      read by the engine (macros/cross_engine/input_files.sql; Spark reads Parquet only). The columns
      come out with the seed's names and types - the column_types of dbt_project.yml, found in the
      graph - in the seed's column order, so nothing downstream can tell the two apart. Both files
      present, or neither, is an error.

    ref() is still called in both cases, so the lineage (and the DAG order) stays the same; dbt
    still loads the seeds, staging just does not read them. -#}
{% macro input_relation(seed_name) -%}
    {%- set seed_relation = ref(seed_name) -%}
    {%- set folder = var('input_folder', none) -%}
    {%- if not folder or not execute -%}
        {{ seed_relation }}
    {%- else -%}
        {%- set column_types = _input_column_types(seed_name) -%}
        {%- set folder = folder | string | trim -%}
        {%- set folder = folder[:-1] if folder.endswith('/') else folder -%}
        {#- DuckDB (and Spark's Hadoop paths) expand * ? [ ] { } in file paths: '/tmp/in[1]' would read the
            sibling '/tmp/in1'. The path must name exactly the files the seed check read, so such folders
            are refused. -#}
        {%- for character in '*?[]{}' if character in folder -%}
            {{ exceptions.raise_compiler_error("input_folder " ~ folder ~ " contains '" ~ character
                ~ "', which DuckDB would expand as a file pattern (Spark too); move the inputs to a folder without * ? [ ] { }") }}
        {%- endfor -%}
        {%- if not folder.startswith('/') -%}
            {{ exceptions.raise_compiler_error("input_folder must be an absolute path, got: " ~ folder) }}
        {%- endif -%}
        {%- set parquet_path = folder ~ '/' ~ seed_name ~ '.parquet' -%}
        {%- set csv_path = folder ~ '/' ~ seed_name ~ '.csv' -%}
        {%- set found = input_files_found(folder, [parquet_path, csv_path]) -%}
        {%- if found | length != 1 -%}
            {{ exceptions.raise_compiler_error(
                "input_folder " ~ folder ~ " must hold exactly one of " ~ seed_name ~ ".parquet and "
                ~ seed_name ~ ".csv; found: " ~ (found | join(', ') or 'neither')) }}
        {%- endif -%}
        ({{ read_input_file(found[0], column_types) }}) as {{ seed_name }}
    {%- endif -%}
{%- endmacro %}

{#- The seed's column_types from dbt_project.yml, as the graph holds them. -#}
{% macro _input_column_types(seed_name) -%}
    {%- for node in graph.nodes.values()
          if node.resource_type == 'seed' and node.name == seed_name and node.package_name == project_name -%}
        {%- set column_types = node.config.column_types -%}
        {%- if not column_types -%}
            {{ exceptions.raise_compiler_error("seed " ~ seed_name ~ " has no column_types in dbt_project.yml") }}
        {%- endif -%}
        {{ return(column_types) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("input_relation: no seed named " ~ seed_name) }}
{%- endmacro %}
