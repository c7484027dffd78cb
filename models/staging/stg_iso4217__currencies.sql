{{ config(enabled=target.type == 'spark', materialized='table') }}
-- The Spark twin of stg_iso4217__currencies.py (which dbt_project.yml disables on Spark): dbt-spark runs
-- Python models only on Databricks clusters, not in a local session. market_warehouse/spark.py loads the
-- same pycountry table, same columns, into <schema>_raw before dbt runs; this model reads it.
select
    currency,
    currency_name
from {{ source('pycountry', 'iso4217_currencies') }}
