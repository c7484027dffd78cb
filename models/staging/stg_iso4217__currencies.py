"""ISO 4217 currencies from pycountry, so revenue currencies are checked against the standard."""
import pandas as pd
import pycountry


def model(dbt, session):
    dbt.config(materialized="table")
    return pd.DataFrame(
        [(currency.alpha_3, currency.name) for currency in pycountry.currencies],
        columns=["currency", "currency_name"],
    )
