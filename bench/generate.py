"""Deterministic generator of synthetic market catalogs shaped like the curated seeds.

    python bench/generate.py --markets 100 --out /tmp/catalog [--sources 10 --regions 30 --format csv|parquet]

Writes one file per seed (sources.csv, markets.csv, ...; or .parquet) with exactly the seeds' columns,
for the `input_folder` switch. Each market looks like the real one: a primary report stating a headline
world CAGR, a conflicting range and a lower bound (the scenarios), and a regional split that adds up to
100 with a sub-region stated beside its parent (China beside Asia-Pacific); other publishers stating world
sizes that disagree by up to 2x, their own CAGRs (one with a second, conflicting CAGR), a regional share,
a figure that is not visible, a segment breakdown; countries with a typo, a label listed under the wrong
region and a name split over two lines; players with revenue in USD and in EUR (converted at a stated
rate). Everything passes the seed contract (seeds/_seeds__properties.yml + column_types) and the critical
GX rules. Market i is the same whatever M is (its random stream is seeded by its index), so M = 10
contains M = 1.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE_YEAR, END_YEAR = 2025, 2032  # 8 years, as the real market
CONTINENT_NAMES = ["North America", "Europe", "Asia-Pacific", "Latin America", "Middle East & Africa", "Oceania"]


def seed_columns() -> dict[str, dict[str, str]]:
    """The seeds' columns and types, from dbt_project.yml (the same contract the seeds have)."""
    project = yaml.safe_load((ROOT / "dbt_project.yml").read_text())
    configs = project["seeds"][project["name"]]
    return {name: dict(config["+column_types"]) for name, config in configs.items() if isinstance(config, dict)
            and "+column_types" in config}


def regions(n_regions: int) -> tuple[list[dict], list[str], dict[str, list[str]]]:
    """WORLD, up to six continents, and sub-regions round-robin under the continents (R in total)."""
    if n_regions < 2:
        raise ValueError("need at least WORLD and one continent")
    n_continents = min(6, n_regions - 1)
    rows = [dict(region_id="WORLD", region_name="World", parent_region_id="", region_level="world", sort_order=0)]
    continents = [f"C{i + 1}" for i in range(n_continents)]
    subs: dict[str, list[str]] = {c: [] for c in continents}
    for i, continent in enumerate(continents):
        rows.append(dict(region_id=continent, region_name=CONTINENT_NAMES[i], parent_region_id="WORLD",
                         region_level="continent", sort_order=len(rows)))
    for i in range(n_regions - 1 - n_continents):
        parent = continents[i % n_continents]
        region_id = f"{parent}-S{len(subs[parent]) + 1}"
        subs[parent].append(region_id)
        rows.append(dict(region_id=region_id, region_name=f"{CONTINENT_NAMES[continents.index(parent)]} sub-region "
                         f"{len(subs[parent])}", parent_region_id=parent, region_level="sub_region",
                         sort_order=len(rows)))
    return rows, continents, subs


def curated_taxonomy() -> list[tuple[str, str, str]]:
    """(segment_id, dimension, name) of every segment a curated claim refers to, grouped by dimension.

    The seeds' own tests check the curated market_claims' segment_id against stg_segments, which reads the
    input folder when the switch is on; reusing those keys keeps that test true on synthetic inputs."""
    with open(ROOT / "seeds" / "market_claims.csv", newline="", encoding="utf-8") as handle:
        used = {row["segment_id"] for row in csv.DictReader(handle) if row["segment_id"]}
    with open(ROOT / "seeds" / "segments.csv", newline="", encoding="utf-8") as handle:
        rows = [(r["segment_id"], r["dimension"], r["segment_name"]) for r in csv.DictReader(handle)
                if r["segment_id"] in used]
    rows = rows or [("service-1", "service_type", "Service 1"), ("service-2", "service_type", "Service 2")]
    dimensions = list(dict.fromkeys(dimension for _, dimension, _ in rows))
    first = max(dimensions, key=lambda d: sum(row[1] == d for row in rows) >= 2)
    return sorted(rows, key=lambda row: (row[1] != first, dimensions.index(row[1])))


def generate(n_markets: int, n_sources: int = 10, n_regions: int = 30, seed: int = 20251) -> dict[str, list[dict]]:
    if n_sources < 4:
        raise ValueError("need at least 4 sources per market (primary, two size sources, an annual report)")
    region_rows, continents, subs = regions(n_regions)
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    continent_of = {c.alpha_3: continents[i % len(continents)] for i, c in enumerate(countries)}
    tables: dict[str, list[dict]] = {name: [] for name in (
        "sources", "markets", "countries", "segments", "players", "market_players", "player_revenue",
        "fx_rates", "market_claims")}
    tables["regions"] = region_rows
    taxonomy = curated_taxonomy()

    for index in range(1, n_markets + 1):
        rng = random.Random(f"{seed}:{index}")
        m = f"m{index:05d}"
        src = [f"{m}-s{j:02d}" for j in range(1, n_sources + 1)]
        primary, annual, press = src[0], src[-2], src[-1]
        size_sources = src[1:-2]  # publishers with world sizes (the consensus and the fan's estimates)
        # Grading attributes without drawing from rng (market i stays the same whatever M is): with three or
        # more size sources, the last is an unattributed page and the one before it a press release of a report.
        publisher_kinds = {annual: "company_filing", press: "trade_press"}
        if len(size_sources) >= 3:
            publisher_kinds |= {size_sources[-1]: "unattributed_page", size_sources[-2]: "report_press_release"}
        for j, source_id in enumerate(src):
            kind = "annual_report" if source_id == annual else "press" if source_id == press else "market_report"
            tables["sources"].append(dict(
                source_id=source_id, publisher=f"Publisher {j + 1} of {m}", title=f"Synthetic market {m}, report {j + 1}",
                url=f"https://example.com/{m}/{j + 1}", source_kind=kind,
                publisher_kind=publisher_kinds.get(source_id, "research_report"), scope_fit="same",
                accessed_on="2026-11-25",
                note="Synthetic (bench/generate.py)." if j else "Primary report; states CAGRs and shares, no size."))
        tables["markets"].append(dict(
            market_id=m, market_name=f"Synthetic market {index}", primary_source_id=primary, base_year=BASE_YEAR,
            forecast_start_year=BASE_YEAR, forecast_end_year=END_YEAR, size_unit="USD bn"))
        claims = tables["market_claims"]

        def claim(claim_id, source_id, metric, region_id="WORLD", year="", value="", market=m, rows=claims, **extra):
            row = dict(claim_id=f"{market}-{claim_id}", market_id=market, source_id=source_id, metric=metric,
                       region_label=region_id if region_id != "WORLD" else "Global", region_id=region_id,
                       segment_label="", segment_id="", year=year, period_start_year="", period_end_year="",
                       period_text="", value=value, value_low="", value_high="", bound="exact",
                       unit="%" if metric != "market_size" else "USD bn", breakdown_id="", is_headline="false",
                       section="Synthetic", note="")
            row.update(extra)
            rows.append(row)

        # Primary report: headline CAGR, a conflicting lower range and a lower bound -> low / base / high.
        headline = round(rng.uniform(6, 12), 2)
        claim("p-cagr", primary, "cagr", value=headline, is_headline="true", period_start_year=BASE_YEAR,
              period_end_year=END_YEAR, period_text=f"{BASE_YEAR}-{END_YEAR}")
        low = round(headline - rng.uniform(2, 5), 2)
        claim("p-cagr-range", primary, "cagr", value="", value_low=low, value_high=round(low + rng.uniform(1, 3), 2),
              bound="range", period_text="over the next five years")
        claim("p-cagr-bound", primary, "cagr", value=round(headline - rng.uniform(1, 3), 2), bound="lower_bound",
              period_end_year=2030, period_text="through 2030")
        # Regional split adding up to 100: all continents, or all but one (a gap), with one sub-region
        # stated beside its parent (overlapping buckets, as China beside Asia-Pacific).
        stated = continents if index % 3 else continents[:-1]
        weights = [rng.uniform(1, 10) for _ in stated]
        split = [round(100 * w / sum(weights), 2) for w in weights]
        parent = stated[index % len(stated)]
        beside = subs[parent][0] if subs[parent] else None
        buckets = list(zip(stated, split, strict=True))
        if beside:
            carve = round(split[stated.index(parent)] * rng.uniform(0.1, 0.4), 2)
            buckets = [(r, round(v - carve, 2) if r == parent else v) for r, v in buckets] + [(beside, carve)]
        buckets[0] = (buckets[0][0], round(100 - sum(v for _, v in buckets[1:]), 2))
        for region_id, share in buckets:
            claim(f"p-share-{region_id}", primary, "share", region_id=region_id, value=share, bound="approximate",
                  period_start_year=BASE_YEAR, period_end_year=END_YEAR, period_text="projected (no year stated)",
                  breakdown_id=f"{m}-p-regional-split")

        # Other publishers: world sizes that disagree by up to 2x, and their own CAGRs.
        true_size = rng.uniform(5, 200)
        for k, source_id in enumerate(size_sources):
            y0 = rng.choice([2023, 2024, 2025])
            cagr = round(rng.uniform(4, 12), 2)
            start = true_size * rng.uniform(0.6, 1.4) / (1 + cagr / 100) ** (BASE_YEAR - y0)
            end_year = rng.choice([2030, 2032, 2033])
            drift = rng.choice([1.0, 1.0, 1.0, 1.05])  # one in four states an end size off its own CAGR
            claim(f"s{k}-size-{y0}", source_id, "market_size", year=y0, value=round(start, 2), unit="USD bn")
            claim(f"s{k}-size-{end_year}", source_id, "market_size", year=end_year, unit="USD bn",
                  value=round(start * (1 + cagr / 100) ** (end_year - y0) * drift, 2))
            claim(f"s{k}-cagr", source_id, "cagr", value=cagr, is_headline="true", period_start_year=y0,
                  period_end_year=end_year, period_text=f"{y0}-{end_year}")
            if k == 0:  # a second, conflicting world CAGR of the same source
                claim(f"s{k}-cagr-alt", source_id, "cagr", value=round(cagr + rng.uniform(1, 3), 2),
                      period_text="in the summary")
            if k == 1:  # a regional share without a breakdown, and a figure the excerpt does not show
                claim(f"s{k}-share-{continents[0]}", source_id, "share", region_id=continents[0], year=2024,
                      value=round(rng.uniform(30, 50), 2))
                claim(f"s{k}-share-{continents[1]}-hidden", source_id, "share", region_id=continents[1], year=2024,
                      value="", bound="not_visible", note="Not visible in the excerpt.")

        # Segments: the primary report's taxonomy (no shares) and one publisher's, with a full breakdown.
        segment_source = size_sources[-1]
        order = 0
        for dimension, names in (("type", ["Biologics", "Biosimilars"]),
                                 ("application", ["Manufacturing", "Research"])):
            for name in names:
                order += 1
                tables["segments"].append(dict(market_id=m, segment_id=f"{dimension}-{name.lower()}", dimension=dimension,
                                               segment_name=name, defined_by_source_id=primary, sort_order=order))
        # The other publisher's taxonomy reuses the segment keys the curated claims use (segment keys are
        # unique within a market only), with a full breakdown over its first dimension.
        breakdown = [row for row in taxonomy if row[1] == taxonomy[0][1]]
        weights = [rng.uniform(1, 5) for _ in breakdown]
        shares = [round(100 * w / sum(weights), 2) for w in weights]
        shares[0] = round(100 - sum(shares[1:]), 2)
        for segment_id, dimension, name in taxonomy:
            order += 1
            tables["segments"].append(dict(market_id=m, segment_id=segment_id, dimension=dimension,
                                           segment_name=name, defined_by_source_id=segment_source, sort_order=order))
        for (segment_id, dimension, name), share in zip(breakdown, shares, strict=True):
            claim(f"seg-{segment_id}", segment_source, "share", year=2024, value=share, segment_id=segment_id,
                  segment_label=f"{dimension}: {name}", breakdown_id=f"{m}-{dimension}-split")

        # Countries the primary report lists: continent of each ISO code is fixed for the whole catalog.
        picks = rng.sample(countries, 12)
        labels = [(c.name, c.alpha_3, continent_of[c.alpha_3], continent_of[c.alpha_3], "") for c in picks]
        moved = picks[0]
        wrong = next(c for c in continents if c != continent_of[moved.alpha_3])
        labels.append((moved.alpha_3, moved.alpha_3, wrong, continent_of[moved.alpha_3],
                       "Listed under the wrong region by the source."))
        split_country = picks[1]
        words = split_country.name.split(" ", 1)
        if len(words) == 2:
            labels.append((words[1], split_country.alpha_3, continent_of[split_country.alpha_3],
                           continent_of[split_country.alpha_3], "Name split over two lines."))
        for position, (label, iso3, listed, region, note) in enumerate(labels, start=1):
            tables["countries"].append(dict(
                source_id=primary, label_position=position, raw_label=label,
                listed_under_label=CONTINENT_NAMES[continents.index(listed)], listed_region_id=listed, iso3=iso3,
                region_id=region, cleaning_note=note))

        # Players: revenue the primary report claims (USD) and the players' own results (EUR).
        rate = round(rng.uniform(1.02, 1.12), 4)
        tables["fx_rates"].append(dict(currency="EUR", year=2023, usd_per_unit=rate, source_id=annual,
                                       quote="Synthetic rate stated in the annual report."))
        for p in range(1, 4):
            player_id = f"{m}-p{p}"
            revenue = round(true_size * rng.uniform(0.005, 0.03), 3)
            tables["players"].append(dict(player_id=player_id, player_name=f"Player {p} of {m}", note=""))
            tables["market_players"].append(dict(market_id=m, player_id=player_id, named_by_source_id=primary))
            common = dict(player_id=player_id, year=2023, is_year_stated="true", value_qualifier="exact", scale="bn",
                          usd_source_id="", note="")
            tables["player_revenue"].append(dict(
                common, revenue_id=f"{player_id}-claim", source_id=primary, scope_class="unspecified",
                scope_detail="revenue (scope not stated)", value=revenue, currency="USD", usd_bn_stated=revenue,
                value_qualifier="around", market_id=m))
            eur = round(revenue * rng.uniform(0.8, 1.3) / rate, 3)
            tables["player_revenue"].append(dict(
                common, revenue_id=f"{player_id}-filed", source_id=annual, scope_class="contract_business",
                scope_detail="contract business", value=eur, currency="EUR",
                usd_bn_stated=round(eur * rate, 3) if p == 1 else ""))
    return tables


def write(tables: dict[str, list[dict]], out: Path, fmt: str = "csv") -> Path:
    out.mkdir(parents=True, exist_ok=True)
    columns = seed_columns()
    for name, types in columns.items():
        csv_path = out / f"{name}.csv"
        with open(csv_path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(types), lineterminator="\n")
            writer.writeheader()
            for row in tables[name]:
                writer.writerow({column: row.get(column, "") for column in types})
        if fmt == "parquet":
            import duckdb
            type_map = ", ".join(f"'{column}': '{type_}'" for column, type_ in types.items())
            with duckdb.connect() as connection:
                connection.execute(
                    f"copy (select * from read_csv('{csv_path}', header = true, types = {{{type_map}}})) "
                    f"to '{out / (name + '.parquet')}' (format parquet)")
            csv_path.unlink()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markets", type=int, required=True)
    parser.add_argument("--sources", type=int, default=10)
    parser.add_argument("--regions", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20251)
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    tables = generate(args.markets, args.sources, args.regions, args.seed)
    write(tables, args.out, args.format)
    print(", ".join(f"{name}: {len(rows)}" for name, rows in tables.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
