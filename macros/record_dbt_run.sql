{#- on-run-end hook: writes what this dbt invocation did into the candidate (audit.dbt_runs) and, after a
    plain `dbt build` (the var main_job false, its default), says where the candidate is and the one command
    that publishes it; the main job's own dbt build sets main_job and publishes by itself. The publish
    command (python -m market_warehouse publish) reads this row: it publishes only a candidate whose last
    dbt build ran every node of the project and passed, with the vars it ran with.
    On Spark the row goes to <schema>_audit.dbt_runs (the candidate's own audit schema) and nothing is
    said about publishing: publishing is a step of the DuckDB warehouse only. -#}
{% macro record_dbt_run(results) -%}
    {%- if execute -%}
        {%- set command = invocation_args_dict.get('which') -%}
        {%- set selection = (invocation_args_dict.get('select') or []) | list
                            + (invocation_args_dict.get('exclude') or []) | list
                            + ([invocation_args_dict.get('selector')] if invocation_args_dict.get('selector') else []) -%}
        {%- set statuses = {} -%}
        {%- for result in results -%}
            {%- set status = result.status | string -%}
            {%- do statuses.update({status: statuses.get(status, 0) + 1}) -%}
        {%- endfor -%}
        {%- set failed = statuses.get('error', 0) + statuses.get('fail', 0) + statuses.get('runtime error', 0) -%}
        {%- set audit_schema = generate_schema_name('audit', none) -%}
        {%- if command == 'build' and target.type == 'duckdb' and not var('main_job') -%}
            {%- if selection or failed -%}
                {{ log("Candidate warehouse: " ~ target.path ~ " (" ~ (statuses | tojson) ~ "). It cannot be published: "
                       ~ ("this build selected only part of the project" if selection else "some nodes failed")
                       ~ "; BI tools still read the last published warehouse/market.duckdb.", info=True) }}
            {%- else -%}
                {{ log("Candidate warehouse: " ~ target.path ~ " (" ~ (statuses | tojson) ~ "). BI tools read the "
                       ~ "published warehouse/market.duckdb; validate and publish this candidate with: "
                       ~ ".venv/bin/python -m market_warehouse publish", info=True) }}
            {%- endif -%}
        {%- endif -%}
        {%- set create_table -%}
        create table if not exists {{ audit_schema }}.dbt_runs (
            invocation_id string not null,
            command string not null,
            started_at {{ type_timestamp_tz() }} not null,
            finished_at {{ type_timestamp_tz() }} not null,
            selection {{ type_json() }} not null,
            dbt_vars {{ type_json() }} not null,
            status_counts {{ type_json() }} not null,
            n_failed integer not null
        )
        {%- endset -%}
        {#- The vars that shape the numbers. main_job says only who ran dbt; recorded, a main-job publish would
            look like a change of build settings next to a `dbt build` + publish of the same inputs. -#}
        {%- set recorded_vars = {} -%}
        {%- for name, value in (invocation_args_dict.get('vars') or {}).items() if name != 'main_job' -%}
            {%- do recorded_vars.update({name: value}) -%}
        {%- endfor -%}
        {%- set insert_row -%}
        insert into {{ audit_schema }}.dbt_runs values (
            '{{ invocation_id }}',
            '{{ command }}',
            cast('{{ run_started_at.isoformat() }}' as {{ type_timestamp_tz() }}),
            current_timestamp,
            {{ dbt_run_json(selection) }},
            {{ dbt_run_json(recorded_vars) }},
            {{ dbt_run_json(statuses) }},
            {{ failed }}
        )
        {%- endset -%}
        {{ hook_statements(['create schema if not exists ' ~ audit_schema, create_table, insert_row]) }}
    {%- endif -%}
{%- endmacro %}

{#- A JSON literal: the value as JSON text, quoted for the engine. -#}
{% macro dbt_run_json(value) -%}
    {{ text_literal(value | tojson) }}
{%- endmacro %}
