"""The Superset dashboards as code (superset/assets/) against the marts' documented columns (models/marts/*.yml).

Runs in `make test` without Superset (like the Evidence exposures check): renaming or dropping a mart column
that a dataset, a metric, a chart or the dashboard's filter uses fails here, before anyone opens Superset.
* every dataset is a documented mart; each physical column is a documented column of it, with the mart's
  description and a human label (verbose_name);
* every SQL expression (calculated columns, metrics) names only documented columns of its mart or of the marts
  it reads (`marts.<mart>`);
* sizes are shown with two decimals (d3format ,.2f), percentages as % (so no float noise in a default table);
* charts use only their dataset's columns and metrics; the dashboard holds every chart, and its Market filter
  targets a column that every dataset has (so it filters every chart);
* the database is the published file, read-only, with no path, password or secret in the repository.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from market_warehouse.project import PACKAGE_ROOT

ASSETS = PACKAGE_ROOT / "superset" / "assets"
SQL_WORDS = {"select", "from", "where", "as", "and", "or", "not", "null", "is", "in", "case", "when", "then", "else",
             "end", "max", "min", "avg", "sum", "count", "distinct", "cast", "double", "coalesce", "round", "m", "marts"}


def load(folder: str) -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ASSETS / folder).rglob("*.yaml"))]


def docs_blocks() -> dict[str, str]:
    docs = {}
    for path in list((PACKAGE_ROOT / "models").rglob("*.md")) + list((PACKAGE_ROOT / "seeds").rglob("*.md")):
        for name, body in re.findall(r"{%\s*docs\s+(\w+)\s*%}(.*?){%\s*enddocs\s*%}", path.read_text(), re.S):
            docs[name] = body.strip()
    return docs


def marts() -> dict[str, dict[str, str]]:
    """mart -> {column: rendered description}, from models/marts/*.yml."""
    docs = docs_blocks()
    found = {}
    for path in (PACKAGE_ROOT / "models" / "marts").glob("*.yml"):
        for model in yaml.safe_load(path.read_text()).get("models") or []:
            found[model["name"]] = {
                column["name"]: re.sub(r"{{\s*doc\(\s*['\"](\w+)['\"]\s*\)\s*}}", lambda m: docs[m.group(1)],
                                       column.get("description") or "").strip()
                for column in model.get("columns", [])}
    return found


MARTS = marts()
DATASETS = {dataset["uuid"]: dataset for dataset in load("datasets")}
CHARTS = load("charts")
DASHBOARDS = load("dashboards")


def identifiers(expression: str) -> tuple[set[str], set[str]]:
    """(column names, marts read as marts.<name>) in a SQL expression, string literals left out."""
    code = re.sub(r"'[^']*'", "''", expression)
    tables = set(re.findall(r"\bmarts\.(\w+)", code))
    code = re.sub(r"\bmarts\.\w+", " ", code)
    names = {name.split(".")[-1] for name in re.findall(r"[A-Za-z_][\w.]*", code)}
    return {name for name in names if name.lower() not in SQL_WORDS and name not in MARTS}, tables


def dataset_columns(dataset: dict) -> set[str]:
    return {column["column_name"] for column in dataset["columns"]}


def test_there_are_assets_of_every_kind():
    assert DATASETS and CHARTS and len(DASHBOARDS) == 1 and load("databases")
    assert yaml.safe_load((ASSETS / "metadata.yaml").read_text())["type"] == "Dashboard"


@pytest.mark.parametrize("dataset", DATASETS.values(), ids=lambda d: d["table_name"])
def test_dataset_columns_are_documented_mart_columns(dataset):
    table = dataset["table_name"]
    assert dataset["schema"] == "marts" and dataset["sql"] is None and table in MARTS, table
    documented = MARTS[table]
    for column in dataset["columns"]:
        name, expression = column["column_name"], column["expression"]
        assert column["verbose_name"] and column["verbose_name"] != name and "_" not in column["verbose_name"], name
        if expression:
            used, tables = identifiers(expression)
            readable = set(documented).union(*(MARTS[t] for t in tables if t in MARTS))
            assert tables <= set(MARTS) and used <= readable, (table, name, used - readable, tables - set(MARTS))
            assert column["description"], name
        else:
            assert name in documented, f"{table}.{name} is no documented column of the mart (models/marts/*.yml)"
            assert column["description"] == documented[name], f"{table}.{name}: description differs from the YAML"


@pytest.mark.parametrize("dataset", DATASETS.values(), ids=lambda d: d["table_name"])
def test_metrics_name_documented_columns_and_carry_number_formats(dataset):
    documented = MARTS[dataset["table_name"]]
    assert dataset["metrics"]
    for metric in dataset["metrics"]:
        used, tables = identifiers(metric["expression"])
        assert not tables and used and used <= set(documented), (metric["metric_name"], used - set(documented))
        assert metric["verbose_name"] and metric["d3format"], metric["metric_name"]
        if any(name.endswith("_usd_bn") or re.fullmatch(r"p\d+|mean", name) for name in used):
            assert metric["d3format"] == ",.2f", metric["metric_name"]
        if any(name.endswith("_pct") for name in used):
            assert metric["d3format"].endswith("%") and "/ 100" in metric["expression"], metric["metric_name"]


def chart_columns(params: dict) -> set[str]:
    columns = set(params.get("groupby") or []) | set(params.get("all_columns") or [])
    if params.get("x_axis"):
        columns.add(params["x_axis"])
    columns |= {item["subject"] for item in params.get("adhoc_filters") or [] if item.get("expressionType") == "SIMPLE"}
    return columns


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c["slice_name"])
def test_charts_use_only_their_datasets_columns_and_metrics(chart):
    dataset = DATASETS[chart["dataset_uuid"]]
    params = chart["params"]
    assert params["viz_type"] == chart["viz_type"]
    assert chart_columns(params) <= dataset_columns(dataset), chart_columns(params) - dataset_columns(dataset)
    metrics = {metric["metric_name"] for metric in dataset["metrics"]}
    assert params["metrics"] and set(params["metrics"]) <= metrics, set(params["metrics"]) - metrics


def test_the_dashboard_holds_every_chart_and_its_market_filter_reaches_every_dataset():
    dashboard = DASHBOARDS[0]
    placed = {item["meta"]["uuid"] for item in dashboard["position"].values()
              if isinstance(item, dict) and item.get("type") == "CHART"}
    assert placed == {chart["uuid"] for chart in CHARTS}
    (market_filter,) = dashboard["metadata"]["native_filter_configuration"]
    assert market_filter["filterType"] == "filter_select" and market_filter["name"] == "Market"
    (target,) = market_filter["targets"]
    column = target["column"]["name"]
    assert column == "market_name" and column in dataset_columns(DATASETS[target["datasetUuid"]])
    for dataset in DATASETS.values():
        assert column in dataset_columns(dataset), f"{dataset['table_name']} lacks {column}: the filter would skip it"


def test_the_database_is_the_published_file_read_only_and_holds_no_secret():
    (database,) = load("databases")
    assert database["sqlalchemy_uri"] == "duckdb:///__PUBLISHED_WAREHOUSE__?access_mode=read_only"
    assert database["extra"]["engine_params"]["connect_args"] == {"read_only": True}
    assert not database["allow_dml"] and not database["allow_file_upload"] and not database["allow_ctas"]
    text = "\n".join(path.read_text() for path in ASSETS.rglob("*.yaml"))
    assert "password" not in text.lower() and "/work/" not in text and "secret" not in text.lower()


def test_a_renamed_mart_column_is_caught(monkeypatch):
    """The check can fail: a dataset whose mart lost a column it uses."""
    dataset = next(iter(DATASETS.values()))
    used = next(column["column_name"] for column in dataset["columns"] if not column["expression"])
    monkeypatch.setitem(MARTS, dataset["table_name"], {k: v for k, v in MARTS[dataset["table_name"]].items() if k != used})
    with pytest.raises(AssertionError, match="no documented column"):
        test_dataset_columns_are_documented_mart_columns(dataset)


def test_superset_is_not_in_make_test():
    makefile = (PACKAGE_ROOT / "Makefile").read_text()
    test_recipe = makefile.split("\ntest: ")[1].split("\n\n")[0]
    assert 'not superset' in test_recipe and "superset-install" not in makefile.split("\nbuild: ")[1].split("\n\n")[0]
    assert Path(PACKAGE_ROOT / "requirements-superset.lock").read_text().count("==") >= 100
    for line in (PACKAGE_ROOT / "requirements-superset.lock").read_text().splitlines():
        assert line.startswith("#") or re.fullmatch(r"[A-Za-z0-9_.\-]+==[\w.]+", line), line
