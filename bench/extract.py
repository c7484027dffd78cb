"""Accuracy of `draft`'s claim grammar: precision and recall per claim kind.

    .venv/bin/python bench/extract.py

1. On the fixture pages (tests/fixtures/report_pages, invented), against their hand labels.
2. On the development set (bench/extract_devset.yaml: public pages' URLs and hand-labelled facts) where the
   page excerpts are cached under build/devset/ (third-party text, never committed), per split: `tuning`
   publishers and `held_out` publishers the grammar was not written against.
3. On the primary report page (../shared/reference/report-rmf-1923674.html, if present): recall of the curated
   seed rows of source rmf-1923674, with what is missed.

Kinds: world sizes (year and value in USD bn), world CAGRs (value or range, with the period printed beside
it), regional shares (region and value); `headline` = sizes and CAGRs together. `invented` counts drafted
values that are not numbers printed on the page (must be 0). Results go in bench/EXTRACT.md by hand.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from market_warehouse.claim_extraction import extract_claims  # noqa: E402
from market_warehouse.draft_rows import slug  # noqa: E402
from market_warehouse.listed_entities import list_entities  # noqa: E402
from market_warehouse.page_text import page_from_text, read_page  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "report_pages"
DEVSET = ROOT / "bench" / "extract_devset.yaml"
CACHE = ROOT / "build" / "devset"
SEED_REPORT = ROOT.parent / "shared" / "reference" / "report-rmf-1923674.html"
SEED_SOURCE = "rmf-1923674"
# The region sentence of the primary report names five regions (labelled from the page).
SEED_REPORT_REGION_SENTENCE = {"NA", "APAC", "EU", "US", "CN"}
KINDS = ("size", "cagr", "share")


def _value(low, high, value):
    return round(value, 4) if value is not None else (round(low, 4), round(high, 4))


def extracted_facts(page) -> tuple[dict[str, set], int]:
    """The grammar's world sizes, world CAGRs and regional shares of a page, and how many values it drafted
    that are not printed on the page."""
    facts = {kind: set() for kind in KINDS}
    invented = 0
    for claim in extract_claims(page).claims:
        figure = claim.figure
        value = _value(claim.value_in_unit(figure.low), claim.value_in_unit(figure.high),
                       claim.value_in_unit(figure.value))
        invented += not all(_printed(number, page.text) for number in figure.printed)
        if claim.metric == "market_size" and claim.region_id == "WORLD":
            facts["size"].add((claim.year, value))
        elif claim.metric == "cagr" and claim.region_id == "WORLD":
            facts["cagr"].add((value, claim.period_start, claim.period_end))
        elif claim.metric == "share":
            facts["share"].add((claim.region_id, value))
    return facts, invented


def _printed(number: str, text: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", text) is not None


def fixture_labels(labels: dict) -> dict[str, set]:
    facts = {kind: set() for kind in KINDS}
    for claim in labels["claims"]:
        if claim["metric"] == "region_named":
            continue  # a region named without a figure: no value to measure here (tests/test_draft.py checks it)
        value = _value(claim.get("low"), claim.get("high"), claim.get("value"))
        if claim["metric"] == "market_size" and claim["region"] == "WORLD":
            facts["size"].add((claim["year"], value))
        elif claim["metric"] == "cagr" and claim["region"] == "WORLD":
            facts["cagr"].add((value, *claim["period"]))
        elif claim["metric"] == "share":
            facts["share"].add((claim["region"], value))
    return facts


def devset_labels(page: dict) -> dict[str, set]:
    cagrs = {(_value(*c[0], None) if isinstance(c[0], list) else _value(None, None, c[0]), c[1], c[2])
             for c in page.get("cagrs", [])}
    sizes = {(year, _value(*value, None) if isinstance(value, list) else round(value, 4))
             for year, value in page.get("sizes", [])}
    return {"size": sizes, "cagr": cagrs,
            "share": {(region, round(value, 4)) for region, value in page.get("shares", [])}}


class Score:
    def __init__(self):
        self.counts = defaultdict(lambda: [0, 0, 0])  # kind -> [true positives, extracted, labelled]
        self.invented = 0
        self.pages = 0
        self.publishers = set()
        self.misses: list[str] = []

    def add(self, name: str, extracted: dict[str, set], labelled: dict[str, set], invented: int) -> None:
        self.pages += 1
        self.invented += invented
        for kind in KINDS:
            found, truth = extracted[kind], labelled[kind]
            for key in (kind, "headline") if kind != "share" else (kind,):
                counts = self.counts[key]
                counts[0] += len(found & truth)
                counts[1] += len(found)
                counts[2] += len(truth)
            self.misses += [f"{name}: {kind} missed {fact}" for fact in sorted(truth - found, key=str)]
            self.misses += [f"{name}: {kind} wrong {fact}" for fact in sorted(found - truth, key=str)]

    def rows(self) -> list[str]:
        lines = []
        for kind in ("headline", *KINDS):
            hits, extracted, labelled = self.counts[kind]
            precision = hits / extracted if extracted else float("nan")
            recall = hits / labelled if labelled else float("nan")
            lines.append(f"| {kind} | {labelled} | {extracted} | {hits} | {precision:.3f} | {recall:.3f} |")
        return lines


def score_fixtures() -> Score:
    score = Score()
    expected = yaml.safe_load((FIXTURES / "expected.yaml").read_text())
    for name, labels in sorted(expected.items()):
        facts, invented = extracted_facts(read_page(FIXTURES / name))
        score.add(name, facts, fixture_labels(labels), invented)
    return score


def cached_excerpt(url: str) -> Path:
    return CACHE / f"{hashlib.sha1(url.encode()).hexdigest()[:12]}.txt"


def score_devset() -> dict[str, Score]:
    scores = defaultdict(Score)
    for page in yaml.safe_load(DEVSET.read_text())["pages"]:
        path = cached_excerpt(page["url"])
        if not path.exists():
            continue
        facts, invented = extracted_facts(page_from_text(path.read_text(encoding="utf-8")))
        for split in (page["split"], "all"):
            scores[split].add(page["publisher"], facts, devset_labels(page), invented)
            scores[split].publishers.add(page["publisher"])
    return scores


def _seed_rows(name: str) -> list[dict]:
    text = (ROOT / "seeds" / f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _float(text: str) -> float | None:
    return float(text) if text else None


def _int(text: str) -> int | None:
    return int(text) if text else None


def seed_report_recall(page_path: Path = SEED_REPORT) -> dict[str, tuple[set, set]]:
    """Per kind: (curated facts of source rmf-1923674, facts the draft finds), each as comparable tuples."""
    page = read_page(page_path)
    extraction = extract_claims(page)
    listings = list_entities(page, extraction)
    curated_claims = {(r["metric"], r["region_id"], _float(r["value"]), _float(r["value_low"]), _float(r["value_high"]),
                       r["bound"], _int(r["period_start_year"]), _int(r["period_end_year"]))
                      for r in _seed_rows("market_claims") if r["source_id"] == SEED_SOURCE}
    found_claims = {(c.metric, c.region_id, c.value_in_unit(c.figure.value), c.value_in_unit(c.figure.low),
                     c.value_in_unit(c.figure.high), c.figure.bound, c.period_start, c.period_end)
                    for c in extraction.claims}
    region_sentences = [{m.region_id for m, s in extraction.regions_named if s is sentence}
                        for _, sentence in extraction.regions_named]
    players = {row["player_id"]: row["player_name"] for row in _seed_rows("players")}
    return {
        "CAGR claims": _split(curated_claims, found_claims, "cagr"),
        "regional shares": _split(curated_claims, found_claims, "share"),
        "regions of the region sentence": (SEED_REPORT_REGION_SENTENCE, max(region_sentences, key=len, default=set())),
        "country labels": (
            {(int(r["label_position"]), r["raw_label"], r["listed_region_id"], r["iso3"], r["region_id"])
             for r in _seed_rows("countries") if r["source_id"] == SEED_SOURCE},
            {(c.position, c.raw_label, c.listed_region_id, c.iso3, c.region_id) for c in listings.countries}),
        "players": ({r["player_id"] for r in _seed_rows("market_players") if r["named_by_source_id"] == SEED_SOURCE},
                    {_player_id(name, players) for name, _, _ in listings.players}),
        "revenue claims": (
            {(r["player_id"], int(r["year"]), float(r["value"]), r["value_qualifier"], r["is_year_stated"] == "true",
              r["currency"], r["scale"]) for r in _seed_rows("player_revenue") if r["source_id"] == SEED_SOURCE},
            {(_player_id(r.player_name, players), r.year, r.value, r.qualifier, r.is_year_stated, r.figure.currency,
              r.scale) for r in listings.revenues}),
        "segments": ({(r["dimension"], r["segment_name"]) for r in _seed_rows("segments")
                      if r["defined_by_source_id"] == SEED_SOURCE},
                     {(dimension, name) for dimension, name, _ in listings.segments}),
    }


def _split(curated: set, found: set, metric: str) -> tuple[set, set]:
    return {c for c in curated if c[0] == metric}, {f for f in found if f[0] == metric}


def _player_id(name: str, players: dict[str, str]) -> str:
    by_name = {slug(player_name): player_id for player_id, player_name in players.items()}
    return by_name.get(slug(name), slug(name))


def main() -> None:
    print("## Fixture pages (invented, hand-labelled)\n")
    fixtures = score_fixtures()
    _print_score(fixtures)
    devset = score_devset()
    for split in ("tuning", "revised", "held_out", "all"):
        if split in devset:
            score = devset[split]
            print(f"\n## Development set, {split}: {score.pages} pages, {len(score.publishers)} publishers\n")
            _print_score(score)
    if SEED_REPORT.exists():
        print(f"\n## Seed report {SEED_SOURCE}: recall of the curated rows\n")
        print("| kind | curated | found | recall | missed |\n|---|---|---|---|---|")
        for kind, (curated, found) in seed_report_recall().items():
            missed = sorted(curated - found, key=str)
            print(f"| {kind} | {len(curated)} | {len(curated & found)} | {len(curated & found) / len(curated):.3f} "
                  f"| {'; '.join(map(str, missed)) or '-'} |")


def _print_score(score: Score) -> None:
    print("| kind | labelled | extracted | correct | precision | recall |\n|---|---|---|---|---|---|")
    print("\n".join(score.rows()))
    print(f"\ninvented values: {score.invented}")
    for miss in score.misses:
        print(f"- {miss}")


if __name__ == "__main__":
    main()
