{#- Fails for every row where `expression` is false (NULL counts as passing, as in SQL CHECK). -#}
{% test expression_is_true(model, expression) %}
select *
from {{ model }}
where not ({{ expression }})
{% endtest %}
