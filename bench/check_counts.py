"""How many checks the project states, by kind: GX expectations per rule, dbt data tests, dbt unit tests and
marts with an enforced contract. Run it before and after a change to show that no rule was lost.

    .venv/bin/python bench/check_counts.py [PROJECT_DIR]

It parses the project with dbt (into a scratch target under build/) and reads expectations/*.json.
"""
from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path


def dbt_manifest(project: Path) -> dict:
    target = project / "build" / "check-counts-target"
    dbt = Path(sys.executable).parent / "dbt"
    subprocess.run([str(dbt), "parse", "--quiet", "--profiles-dir", ".", "--target-path", str(target),
                    "--log-path", str(project / "build" / "logs")], cwd=project, check=True,
                   env=os.environ | {"MARKET_WAREHOUSE_CANDIDATE": str(project / "build" / "check-counts.duckdb")})
    return json.loads((target / "manifest.json").read_text())


def counts(project: Path) -> dict:
    per_rule = collections.Counter()
    for suite in sorted((project / "expectations").glob("*.json")):
        for expectation in json.loads(suite.read_text())["expectations"]:
            per_rule[expectation["meta"]["rule"]] += 1
    manifest = dbt_manifest(project)
    nodes = manifest["nodes"].values()
    marts = [node for node in nodes if node["resource_type"] == "model" and "/marts/" in f"/{node['path']}"]
    return {
        "gx_expectations": sum(per_rule.values()),
        "gx_per_rule": dict(sorted(per_rule.items())),
        "dbt_data_tests": sum(node["resource_type"] == "test" for node in nodes),
        "dbt_unit_tests": len(manifest.get("unit_tests", {})),
        "marts": len(marts),
        "marts_with_contract": sum(node["config"]["contract"]["enforced"] for node in marts),
    }


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent).resolve()
    print(json.dumps(counts(root), indent=1))
