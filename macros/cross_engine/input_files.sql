{#- How input_relation (macros/input_relation.sql) finds and reads an input file on each engine.

    input_files_found(folder, paths): which of `paths` (absolute, in `folder`) exist.
    read_input_file(path, column_types): the file as a relation, columns named and typed as the seed's. -#}
{% macro input_files_found(folder, paths) -%}
    {{ return(adapter.dispatch('input_files_found')(folder, paths)) }}
{%- endmacro %}

{% macro default__input_files_found(folder, paths) -%}
    {%- set globs = [] -%}
    {%- for path in paths -%}
        {%- do globs.append("select file from glob(" ~ text_literal(path) ~ ")") -%}
    {%- endfor -%}
    {{ return(run_query(globs | join(' union all ')).columns[0].values() | list) }}
{%- endmacro %}

{#- Spark SQL has no glob(): the binaryFile source lists the folder (names only: the content column is
    not read when not selected) with `file:` paths. -#}
{% macro spark__input_files_found(folder, paths) -%}
    {%- set listed = run_query("select path from binaryFile.`" ~ folder | replace('`', '``') ~ "`").columns[0].values() -%}
    {{ return(paths | select('in', listed | map('replace', 'file:', '', 1) | list) | list) }}
{%- endmacro %}

{% macro read_input_file(path, column_types) -%}
    {{ return(adapter.dispatch('read_input_file')(path, column_types)) }}
{%- endmacro %}

{% macro default__read_input_file(path, column_types) -%}
    {%- if path.endswith('.parquet') -%}
        select
            {%- for column, type in column_types.items() %}
            cast({{ adapter.quote(column) }} as {{ type }}) as {{ adapter.quote(column) }}{{ "," if not loop.last }}
            {%- endfor %}
        from read_parquet({{ text_literal(path) }})
    {%- else -%}
        select
            {%- for column in column_types %}
            {{ adapter.quote(column) }}{{ "," if not loop.last }}
            {%- endfor %}
        from read_csv({{ text_literal(path) }}, header = true, delim = ',', quote = '"', escape = '"',
            types = { {%- for column, type in column_types.items() -%}
                '{{ column }}': '{{ type }}'{{ ", " if not loop.last }}
            {%- endfor -%} })
    {%- endif -%}
{%- endmacro %}

{#- Spark reads Parquet with SQL alone (parquet.`path`). Its CSV reader takes the header and quoting
    rules only as reader options, which a view cannot carry (and a view may not select from a temporary
    one): without them the header would be read as a data row. So CSV inputs are DuckDB-only. -#}
{% macro spark__read_input_file(path, column_types) -%}
    {%- if not path.endswith('.parquet') -%}
        {{ exceptions.raise_compiler_error("input_folder: " ~ path ~ " is a CSV file, which the Spark target cannot "
            ~ "read with SQL (header and quoting are reader options); write the inputs as Parquet ("
            ~ path[:-4] ~ ".parquet) or build with DuckDB") }}
    {%- endif -%}
    select
        {%- for column, type in column_types.items() %}
        cast({{ adapter.quote(column) }} as {{ type }}) as {{ adapter.quote(column) }}{{ "," if not loop.last }}
        {%- endfor %}
    from parquet.`{{ path | replace('`', '``') }}`
{%- endmacro %}
