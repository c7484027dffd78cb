"""Conventions the next person relies on: every model and column documented, marts under contract."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from market_warehouse.project import PACKAGE_ROOT

MODELS = PACKAGE_ROOT / "models"


def documented_models() -> dict[str, dict]:
    models = {}
    for path in MODELS.rglob("_*.yml"):
        for model in (yaml.safe_load(path.read_text()) or {}).get("models", []):
            models[model["name"]] = model | {"_folder": path.parent.name}
    return models


def model_files() -> dict[str, Path]:
    return {path.stem: path for path in MODELS.rglob("*") if path.suffix in (".sql", ".py")}


def test_every_model_file_is_documented_in_its_folders_yaml():
    documented = documented_models()
    for name, path in model_files().items():
        assert name in documented, f"{path} has no YAML entry"
        assert documented[name]["_folder"] == path.parent.name, f"{name} is documented outside its folder"
        assert documented[name].get("description", "").strip(), f"{name} has no description"


@pytest.mark.parametrize("layer, prefixes", [("staging", ("stg_",)), ("intermediate", ("int_",)),
                                             ("marts", ("fct_", "dim_"))])
def test_model_names_follow_their_layer(layer, prefixes):
    for path in (MODELS / layer).glob("*"):
        if path.suffix in (".sql", ".py"):
            assert path.stem.startswith(prefixes), path


def test_every_built_column_is_documented(warehouse):
    documented = documented_models()
    built = warehouse.execute(
        "select table_schema, table_name, column_name from information_schema.columns "
        "where table_schema in ('staging', 'intermediate', 'marts')").fetchall()
    assert built
    for schema, table, column in built:
        columns = {c["name"]: c for c in documented[table].get("columns", [])}
        assert column in columns, f"{schema}.{table}.{column} is not documented"
        assert columns[column].get("description", "").strip(), f"{schema}.{table}.{column} has no description"


def test_marts_enforce_contracts_with_typed_columns():
    project = yaml.safe_load((PACKAGE_ROOT / "dbt_project.yml").read_text())
    assert project["models"]["market_warehouse"]["marts"]["+contract"] == {"enforced": True}
    for name, model in documented_models().items():
        if model["_folder"] == "marts":
            for column in model["columns"]:
                assert column.get("data_type"), f"{name}.{column['name']} has no data_type"


def test_every_seed_column_is_described():
    properties = yaml.safe_load((PACKAGE_ROOT / "seeds" / "_seeds__properties.yml").read_text())
    for seed in properties["seeds"]:
        assert seed.get("description"), seed["name"]
        for column in seed["columns"]:
            assert column.get("description", "").strip(), f"{seed['name']}.{column['name']}"


def test_every_macro_is_described():
    import re

    defined = {name for path in (PACKAGE_ROOT / "macros").rglob("*.sql")
               for name in re.findall(r"{%-?\s*(?:macro|test)\s+(\w+)\s*\(", path.read_text())}
    described = {macro["name"]: macro.get("description", "")
                 for macro in yaml.safe_load((PACKAGE_ROOT / "macros" / "_macros.yml").read_text())["macros"]}
    # a generic test `x` is the macro `test_x` in dbt's graph
    defined = {name if name in described else f"test_{name}" for name in defined}
    assert defined == set(described)
    assert all(text.strip() for text in described.values())
