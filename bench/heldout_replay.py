"""Replay every held-out measurement of `draft`'s grammar: each batch on the grammar it was measured on once.

    .venv/bin/python bench/heldout_replay.py [--by batch|kind] [--misses]

bench/EXTRACT.md reports each held-out batch as measured once, before the grammar was revised against it. Those
numbers can no longer be recomputed from today's code, which has since been revised on every batch. This script
recomputes them: for each batch of bench/extract_devset.yaml whose excerpts are cached under build/devset/, it
takes the commit bench/heldout_grammars.csv names, exports that commit's extractor (`git archive`, into
build/replay/, never touching the working tree), and runs that commit's own bench/extract.py on the batch's pages.
The drafted facts are scored against today's labels with today's scoring, pooled and per batch or page kind.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tarfile
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract as bench  # noqa: E402  (bench/extract.py: labels, scoring and the excerpt cache)

GRAMMARS = bench.ROOT / "bench" / "heldout_grammars.csv"
REPLAY = bench.ROOT / "build" / "replay"
# What an old commit's extractor needs: its package, its bench/extract.py and the region keys it reads.
EXPORTED = ("market_warehouse", "bench/extract.py", "seeds")

# Run inside the exported commit, with its own code first on the path; reads [url, excerpt path] pairs on stdin.
_RUN_OLD_GRAMMAR = """
import json, sys
sys.path[:0] = [sys.argv[1] + "/bench", sys.argv[1]]
import extract as bench
from market_warehouse.page_text import page_from_text
drafted = {}
for url, path in json.load(sys.stdin):
    facts, invented = bench.extracted_facts(page_from_text(open(path, encoding="utf-8").read()))
    drafted[url] = {"facts": {kind: [list(fact) for fact in found] for kind, found in facts.items()},
                    "invented": invented}
print(json.dumps(drafted))
"""


def grammar_of_batch() -> dict[int, str]:
    with GRAMMARS.open(newline="") as handle:
        return {int(row["batch"]): row["grammar_commit"] for row in csv.DictReader(handle)}


def exported_grammar(commit: str) -> Path:
    """The commit's extractor under build/replay/<commit>/, exported once and reused."""
    target = REPLAY / commit
    if not (target / "market_warehouse").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(bench.ROOT), "archive", commit, *EXPORTED],
                                 capture_output=True, check=False)
        if archive.returncode:
            sys.exit(f"Cannot export commit {commit} named in {GRAMMARS.name}: {archive.stderr.decode().strip()}. "
                     "The replay needs the project's full git history (a clone, not a shallow copy or a zip).")
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(target, filter="data")
    return target


def _fact(fields: list) -> tuple:
    """A drafted fact from JSON back into the tuple the scoring compares (a range's value is a (low, high) pair)."""
    return tuple(tuple(field) if isinstance(field, list) else field for field in fields)


def replayed_facts(pages: list[dict]) -> dict[str, tuple[dict[str, set], int]]:
    """Facts drafted from each cached page by the grammar its batch was measured on: url -> (facts, invented)."""
    grammars, by_commit = grammar_of_batch(), defaultdict(list)
    for page in pages:
        excerpt = bench.cached_excerpt(page["url"])
        if page.get("batch") in grammars and excerpt.exists():
            by_commit[grammars[page["batch"]]].append([page["url"], str(excerpt)])
    drafted = {}
    for commit, jobs in by_commit.items():
        run = subprocess.run([sys.executable, "-c", _RUN_OLD_GRAMMAR, str(exported_grammar(commit))],
                             input=json.dumps(jobs), capture_output=True, text=True, check=False)
        if run.returncode:
            sys.exit(f"The grammar of {commit} failed on its batch's pages:\n{run.stderr[-2000:]}")
        for url, result in json.loads(run.stdout).items():
            facts = {kind: {_fact(fields) for fields in found} for kind, found in result["facts"].items()}
            drafted[url] = (facts, result["invented"])
    return drafted


def _cell(score: bench.Score, kind: str) -> str:
    hits, extracted, labelled = score.counts[kind]
    precision = f"{hits / extracted:.3f}" if extracted else "-"
    recall = f"{hits / labelled:.3f}" if labelled else "-"
    return f"{precision} / {recall} ({hits} / {extracted} / {labelled})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--by", choices=("batch", "kind"), default="kind", help="how to group the scores")
    parser.add_argument("--misses", action="store_true", help="list every missed and wrong fact under the table")
    args = parser.parse_args()
    pages = yaml.safe_load(bench.DEVSET.read_text())["pages"]
    drafted = replayed_facts(pages)
    if not drafted:
        sys.exit("No held-out batch has cached excerpts under build/devset/: nothing to replay.")
    scores = defaultdict(bench.Score)
    for page in pages:
        if page["url"] in drafted:
            facts, invented = drafted[page["url"]]
            for group in (page[args.by], "all replayed"):
                scores[group].add(page["publisher"], facts, bench.devset_labels(page), invented)
                scores[group].publishers.add(page["publisher"])
    print(f"| {args.by} | pages / publishers | headline P / R (correct / drafted / labelled) | size | cagr | share | "
          "invented |\n|---|---|---|---|---|---|---|")
    groups = sorted(scores, key=lambda group: (group == "all replayed", str(group).zfill(3)))
    for group in groups:
        score = scores[group]
        cells = " | ".join(_cell(score, kind) for kind in ("headline", *bench.KINDS))
        print(f"| {group} | {score.pages} / {len(score.publishers)} | {cells} | {score.invented} |")
    if args.misses:
        for group in groups[:-1]:
            print(f"\n{args.by} {group}:\n" + "\n".join(f"- {miss}" for miss in scores[group].misses))


if __name__ == "__main__":
    main()
