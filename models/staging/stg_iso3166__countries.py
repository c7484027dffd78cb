"""ISO 3166-1 countries from pycountry, so country codes are checked against the standard, not a hand list."""
import pandas as pd
import pycountry


def model(dbt, session):
    dbt.config(materialized="table")
    return pd.DataFrame(
        [(country.alpha_3, country.alpha_2, country.name) for country in pycountry.countries],
        columns=["iso3", "iso2", "country_name"],
    )
