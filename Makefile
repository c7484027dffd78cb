# Two commands on a fresh machine (Python 3.11 + make): `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: help install lock build test clean spark-install spark-check test-spark superset-install superset superset-stop test-superset

## List the targets with what each does (the `##` comment above each).
help:
	@awk '/^## /{text = text substr($$0, 4) " "; next} /^\.PHONY/{next} /^[a-z][a-z-]*:/{if (text) {split($$0, t, ":"); \
		printf "  %-16s %s\n", t[1], text}; text = ""; next} {text = ""}' $(MAKEFILE_LIST)

# Reinstall only when the lock or the package's metadata changes. The package itself goes in editable (no
# dependencies: the lock has them), so .venv's python and .venv/bin/market-warehouse find this checkout
# from any folder.
$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	touch $(INSTALLED)

## Make .venv from requirements.lock and the package, editable (again only when the lock or pyproject changes).
install: $(INSTALLED)

UV_VERSION := 0.13.9  # the lock compiler, in its own venv under build/
## Compile requirements.lock and requirements-spark.lock from the pins in pyproject.toml (run it after changing
## one there); uv keeps every other package at the version the lock already has.
lock:
	$(PYTHON) -m venv build/uv && build/uv/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	build/uv/bin/uv pip compile pyproject.toml --quiet --python-version 3.11 --custom-compile-command "make lock" \
		--extra test --extra lint -o requirements.lock
	build/uv/bin/uv pip compile pyproject.toml --quiet --python-version 3.11 --custom-compile-command "make lock" \
		--extra test --extra lint --extra spark -o requirements-spark.lock

## The main job: check seeds, dbt build (candidate), GX validation, publish warehouse/market.duckdb.
build: install
	$(PY) -m market_warehouse build

## All tests (pytest: dbt, GX, publish, reports), on two processes: each module in one of them, the slowest
## handed out first (tests/conftest.py), so module and session fixtures are built at most once per process.
test: install
	$(PY) -m pytest -n 2 --dist loadgroup --no-loadscope-reorder -m "not spark and not superset"

## The fast subset for iteration (<= 90 s): seed check, one warehouse build with its numbers, the rule book
## on the real data. Everything marked slow (crash, publish, browser, corruption tests) is left to `make test`.
.PHONY: test-fast
test-fast: install
	$(PY) -m pytest -m "not slow" tests/test_seed_check.py tests/test_warehouse_numbers.py tests/test_markets.py \
		tests/test_validation_rules.py

## Remove the candidate, dbt's logs and target (the published warehouse stays).
clean:
	rm -rf build/target build/logs build/market.duckdb* target logs

## Lint: sqlfluff (dbt templater, DuckDB dialect; .sqlfluff) on the models, ruff (pyproject.toml) on Python,
## dbt-score on the manifest (project >= 9.0, every model, seed and macro >= 8.5) and radon (no function of
## market_warehouse/ above complexity grade C). The templater and `dbt parse` use a scratch candidate.
.PHONY: lint
lint: install
	MARKET_WAREHOUSE_CANDIDATE=$(CURDIR)/build/lint.duckdb $(VENV)/bin/sqlfluff lint models tests/dbt
	$(VENV)/bin/ruff check .
	MARKET_WAREHOUSE_CANDIDATE=$(CURDIR)/build/lint.duckdb $(VENV)/bin/dbt parse --quiet --profiles-dir . \
		--target-path build/lint-target --log-path build/logs
	$(VENV)/bin/dbt-score lint --manifest build/lint-target/manifest.json --fail-project-under 9.0 \
		--fail-any-item-under 8.5 --show failing-items
	@complex="$$($(VENV)/bin/radon cc --min D --show-complexity market_warehouse)"; \
		if [ -n "$$complex" ]; then echo "radon: functions above grade C:"; echo "$$complex"; exit 1; fi

## Scale benchmark: M = 1, 10, 100, 1000 synthetic markets through the main job (bench/RESULTS.md), then
## DuckDB vs Spark at M = 1, 100, 1000, 10000 (bench/ENGINES.md); raw numbers in bench/results/.
.PHONY: bench
bench: install spark-install
	$(PY) bench/run.py
	$(SPARK_PY) bench/engines.py

## Evidence report site (reports/ -> reports/build); builds the warehouse first if it was never built.
.PHONY: report
report: install
	test -f warehouse/market.duckdb || $(PY) -m market_warehouse build
	$(PY) -m market_warehouse report

## The Spark engine (docs/spark.md): its own venv from requirements-spark.lock (pyspark, ~1 GB),
## so the default install stays small. Needs Java 17.
SPARK_VENV := .venv-spark
SPARK_PY := $(SPARK_VENV)/bin/python
$(SPARK_VENV)/.installed: requirements.lock requirements-spark.lock
	$(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_PY) -m pip install --quiet --disable-pip-version-check -r requirements-spark.lock
	touch $(SPARK_VENV)/.installed

## Make .venv-spark only (pyspark; reinstalled when a lock changes).
spark-install: $(SPARK_VENV)/.installed

## Build the curated seeds on a local Spark and on DuckDB, run the GX rules on the Spark build, export every
## mart to build/spark/<mart>.parquet and compare them with DuckDB's row by row; exits 1 at the first difference.
spark-check: spark-install
	$(SPARK_PY) -m market_warehouse spark-check

## The Spark tests (spark-check, GX on Spark), kept out of `make test` (a JVM start and a Spark build each).
test-spark: spark-install
	$(SPARK_PY) -m pytest -m spark

## Apache Superset (docs/bi-clients.md, docs/superset.md): its own venv from requirements-superset.lock
## (apache-superset 6.1.0, SQLAlchemy 1.4), made only by these targets, so `make build` and `make test` never install it.
SUPERSET_VENV := .venv-superset
SUPERSET_PY := $(SUPERSET_VENV)/bin/python
SUPERSET_PORT ?= 8088
$(SUPERSET_VENV)/.installed: requirements-superset.lock
	$(PYTHON) -m venv $(SUPERSET_VENV)
	$(SUPERSET_PY) -m pip install --quiet --disable-pip-version-check -r requirements-superset.lock
	touch $(SUPERSET_VENV)/.installed

## Make .venv-superset only (reinstalled when requirements-superset.lock changes; ~870 MB).
superset-install: $(SUPERSET_VENV)/.installed

## Start Superset on 127.0.0.1:$(SUPERSET_PORT) in the background with the dashboards of superset/assets/ imported and the
## published warehouse registered read-only; prints the URL and the generated admin password. Builds first if never published.
superset: install superset-install
	test -e warehouse/market.duckdb || $(PY) -m market_warehouse build
	$(SUPERSET_PY) -m market_warehouse.superset start --port $(SUPERSET_PORT)

## Stop the Superset that `make superset` started (by its PID in build/superset/superset.pid).
superset-stop:
	$(SUPERSET_PY) -m market_warehouse.superset stop

## The Superset tests (tests/test_superset.py: a clean git clone, make superset, chart-data API vs the marts, Chromium
## screenshots in build/screenshots/superset/, a publish while it runs), kept out of `make test` (a Superset start each).
test-superset: install superset-install
	$(PY) -m pytest -m superset
