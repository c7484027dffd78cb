"""A minimal dbt project of the jaffle_shop_duckdb shape, generated for `make bench`: dbt's own floor on this
machine, against which the main job is measured (issue: main job <= 2x this project's `dbt build`).

3 seeds (100 customers, 150 orders, 200 payments; deterministic), 2 staging views, 2 mart tables,
20 schema tests, DuckDB file in the project folder; same dbt, dbt-duckdb and DuckDB as the project.

    python bench/minimal_dbt.py --out build/bench/minimal     # writes the project
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

STATUSES = ["placed", "shipped", "completed", "returned", "return_pending"]
METHODS = ["credit_card", "coupon", "bank_transfer", "gift_card"]

PROJECT = """name: minimal_jaffle
version: "1.0.0"
config-version: 2
profile: minimal_jaffle
flags:
  send_anonymous_usage_stats: false
models:
  minimal_jaffle:
    staging:
      +materialized: view
    marts:
      +materialized: table
"""

PROFILE = """minimal_jaffle:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: minimal.duckdb
      threads: 2
"""

MODELS = {
    "models/staging/stg_customers.sql": "select id as customer_id, first_name, last_name from {{ ref('raw_customers') }}\n",
    "models/staging/stg_orders.sql": (
        "select o.id as order_id, o.user_id as customer_id, o.order_date, o.status, p.amount / 100.0 as amount\n"
        "from {{ ref('raw_orders') }} as o\n"
        "left join (select order_id, sum(amount) as amount from {{ ref('raw_payments') }} group by order_id) as p\n"
        "    on p.order_id = o.id\n"),
    "models/marts/customers.sql": (
        "select c.customer_id, c.first_name, c.last_name, min(o.order_date) as first_order,\n"
        "       count(o.order_id) as number_of_orders, coalesce(sum(o.amount), 0) as lifetime_value\n"
        "from {{ ref('stg_customers') }} as c left join {{ ref('stg_orders') }} as o using (customer_id)\n"
        "group by all\n"),
    "models/marts/orders.sql": "select order_id, customer_id, order_date, status, amount from {{ ref('stg_orders') }}\n",
}

SCHEMA = """version: 2
models:
  - name: stg_customers
    columns:
      - {name: customer_id, data_tests: [unique, not_null]}
      - {name: first_name, data_tests: [not_null]}
  - name: stg_orders
    columns:
      - {name: order_id, data_tests: [unique, not_null]}
      - {name: customer_id, data_tests: [not_null, {relationships: {arguments: {to: ref('stg_customers'), field: customer_id}}}]}
      - {name: status, data_tests: [{accepted_values: {arguments: {values: %(statuses)s}}}]}
      - {name: order_date, data_tests: [not_null]}
  - name: customers
    columns:
      - {name: customer_id, data_tests: [unique, not_null]}
      - {name: first_name, data_tests: [not_null]}
      - {name: last_name, data_tests: [not_null]}
      - {name: number_of_orders, data_tests: [not_null]}
      - {name: lifetime_value, data_tests: [not_null]}
  - name: orders
    columns:
      - {name: order_id, data_tests: [unique, not_null]}
      - {name: customer_id, data_tests: [not_null, {relationships: {arguments: {to: ref('customers'), field: customer_id}}}]}
      - {name: status, data_tests: [{accepted_values: {arguments: {values: %(statuses)s}}}]}
"""


def write(out: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    files = {"dbt_project.yml": PROJECT, "profiles.yml": PROFILE, "models/schema.yml": SCHEMA % {"statuses": STATUSES},
             **MODELS}
    files["seeds/raw_customers.csv"] = "id,first_name,last_name\n" + "".join(
        f"{i},First{i},{chr(65 + i % 26)}.\n" for i in range(1, 101))
    files["seeds/raw_orders.csv"] = "id,user_id,order_date,status\n" + "".join(
        f"{i},{rng.randint(1, 100)},2018-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d},{rng.choice(STATUSES)}\n"
        for i in range(1, 151))
    files["seeds/raw_payments.csv"] = "id,order_id,payment_method,amount\n" + "".join(
        f"{i},{rng.randint(1, 150)},{rng.choice(METHODS)},{rng.randint(0, 3000)}\n" for i in range(1, 201))
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    print(write(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
