"""The report site's source queries (reports/sources/warehouse/*.sql) are what every page's "Download CSV" serves:
a text that starts with = + - @, a tab or a carriage return must come out with a leading single quote, and the
same text elsewhere, numbers and keys must come out unchanged."""
from __future__ import annotations

import shutil

import duckdb

from market_warehouse.project import PACKAGE_ROOT

SOURCES = PACKAGE_ROOT / "reports" / "sources" / "warehouse"
FORMULA = '=HYPERLINK("http://example.com", "open")'


def test_formula_like_text_is_neutralised_in_the_downloadable_sources(built_project, tmp_path):
    copy = tmp_path / "market.duckdb"
    shutil.copyfile(built_project.published_db.resolve(), copy)
    with duckdb.connect(str(copy)) as db:
        db.execute("update marts.fct_market_claim set note = ? where claim_id = 's1-cagr'", [FORMULA])
        db.execute("update marts.fct_market_claim set note = ? where claim_id = 's2-cagr'", ["\t+1+1"])
        db.execute("update marts.dim_source set title = ? where source_id = 'S1'", ["@SUM(A1:A2)"])
        claims = {row["claim_id"]: row for row in rows(db, "fct_market_claim.sql")}
        sources = {row["source_id"]: row for row in rows(db, "dim_source.sql")}
    assert claims["s1-cagr"]["note"] == "'" + FORMULA and claims["s2-cagr"]["note"] == "'\t+1+1"
    assert claims["s1-cagr"]["value"] == 10.4  # numbers pass as they are
    assert claims["rmf-cagr-next-five-years"]["note"].startswith("'a CAGR")  # a quote already there: untouched
    assert sources["S1"]["title"] == "'@SUM(A1:A2)"
    assert sources["S2"]["title"] == "Biopharmaceutical CMO CRO Market"


def rows(db, source: str) -> list[dict]:
    result = db.sql((SOURCES / source).read_text())
    return [dict(zip(result.columns, row, strict=True)) for row in result.fetchall()]
