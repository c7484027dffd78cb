{#- Fails for every group whose values do not add up to 100 (percentage points) within `tolerance`.
    Restrict it to groups that state a full split with `config: where:`. -#}
{% test values_sum_to_100(model, column_name, group_by, tolerance=0.01) %}
select
    {{ group_by | join(', ') }},
    sum({{ column_name }}) as total
from {{ model }}
group by {{ group_by | join(', ') }}
having abs(sum({{ column_name }}) - 100) > {{ tolerance | float }}
{% endtest %}
