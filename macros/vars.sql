{#- Typed access to dbt vars. A var reaches SQL only through these macros, which render a checked
    number or fail the compile with a clear message - never var text spliced into SQL. The main job
    also checks every var before anything runs (market_warehouse/config.py). -#}

{% macro number_var(name) -%}
    {%- set value = var(name) -%}
    {%- if value is number and value is not boolean -%}
        {{ value }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("var '" ~ name ~ "' must be a number, got: " ~ value) }}
    {%- endif -%}
{%- endmacro %}

{#- An integer var within [low, high]: caps that hold in plain `dbt build --vars` too, not only in the
    main job's check (fan_draws: 10^7 draws took 7.9 GB). Same bounds as market_warehouse/config.py. -#}
{% macro bounded_int_var(name, low, high) -%}
    {%- set value = var(name) -%}
    {%- if value is integer and value is not boolean and low <= value <= high -%}
        {{ value }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("var '" ~ name ~ "' must be an integer from " ~ low ~ " to " ~ high ~ ", got: " ~ value) }}
    {%- endif -%}
{%- endmacro %}

{#- The var as an integer literal when it is set, else the given column (the seed's value). -#}
{% macro int_var_or_column(name, column) -%}
    {%- set value = var(name) -%}
    {%- if value is none -%}
        {{ column }}
    {%- elif value is integer and value is not boolean -%}
        {{ value }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("var '" ~ name ~ "' must be an integer year or null, got: " ~ value) }}
    {%- endif -%}
{%- endmacro %}

{#- CASE expression for the overrides in var scenario_cagr_overrides: their CAGR (or `overridden`, a SQL
    expression, if given), `otherwise` for everything else. Two forms:
      {high: 0.14}                                every market's high scenario
      {biopharma_cmo_cro: {high: 0.14}, ...}      per market (keys: market ids)
    A global override can contradict another market's claims (a high below its low); the per-market
    form keeps a what-if to the market it is about. -#}
{% macro scenario_cagr_override(market_column, scenario_column, otherwise, overridden=none) -%}
    {%- set overrides = var('scenario_cagr_overrides') or {} -%}
    {%- if overrides is not mapping -%}
        {{ exceptions.raise_compiler_error("var 'scenario_cagr_overrides' must be a mapping like {high: 0.14} or {market_id: {high: 0.14}}") }}
    {%- endif -%}
    {%- set scenarios = ['low', 'base', 'high'] -%}
    {%- set per_market = {} -%}
    {%- for key, value in overrides.items() -%}
        {%- if key in scenarios -%}
            {%- do per_market.setdefault(none, {}).update({key: value}) -%}
        {%- elif value is mapping and modules.re.fullmatch('[A-Za-z0-9][A-Za-z0-9_.:-]*', key | string) -%}
            {%- do per_market.setdefault(key, {}).update(value) -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("scenario_cagr_overrides: '" ~ key ~ "' is neither a scenario (low, base, high) nor a market id with a mapping of scenarios") }}
        {%- endif -%}
    {%- endfor -%}
    {%- if per_market -%}
        case
        {#- Per-market overrides first: they win over a global one of the same scenario. -#}
        {%- for market in (per_market.keys() | reject('none') | list) + ([none] if none in per_market else []) -%}
            {%- for scenario, cagr in per_market[market].items() %}
            {%- if scenario not in scenarios -%}
                {{ exceptions.raise_compiler_error("scenario_cagr_overrides: unknown scenario '" ~ scenario ~ "'") }}
            {%- endif -%}
            {%- if cagr is not number or cagr is boolean -%}
                {{ exceptions.raise_compiler_error("scenario_cagr_overrides: the CAGR of " ~ scenario ~ " must be a number") }}
            {%- endif %}
            when {% if market is not none %}{{ market_column }} = '{{ market }}' and {% endif %}{{ scenario_column }} = '{{ scenario }}'
                then {{ overridden if overridden is not none else cagr }}
            {%- endfor -%}
        {%- endfor %}
            else {{ otherwise }}
        end
    {%- else -%}
        {{ otherwise }}
    {%- endif -%}
{%- endmacro %}
