{#- Compensated sum of a group's doubles, so a mean does not depend on the order the rows arrive in
    (a plain sum does, on both engines). DuckDB: fsum. Spark has none: a Neumaier sum over the values
    sorted ascending, in one aggregate() pass; it equals DuckDB's fsum on the fan's draws. -#}
{% macro exact_sum(expression) -%}
    {{ return(adapter.dispatch('exact_sum')(expression)) }}
{%- endmacro %}

{% macro default__exact_sum(expression) -%}
    fsum({{ expression }})
{%- endmacro %}

{% macro spark__exact_sum(expression) -%}
    {#- NULL, as fsum, when the group has no non-NULL value (aggregate() would give 0). -#}
    case when count({{ expression }}) > 0 then aggregate(
        array_sort(collect_list(cast({{ expression }} as double))),
        named_struct('total', 0D, 'compensation', 0D),
        (running, term) -> named_struct(
            'total', running.total + term,
            'compensation', running.compensation + case
                when abs(running.total) >= abs(term) then (running.total - (running.total + term)) + term
                else (term - (running.total + term)) + running.total
            end
        ),
        running -> running.total + running.compensation
    ) end
{%- endmacro %}
