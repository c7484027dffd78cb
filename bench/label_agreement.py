"""How far two labellers agree, and where the grammar stands against each: the ceiling of the accuracy targets.

    .venv/bin/python bench/label_agreement.py [--disagreements]

bench/extract_devset_second_labels.yaml labels a random sample of held-out pages again, by labellers who never saw
the first labels. Scoring the second labels as if they were drafts, against the first, gives the precision and
recall one careful person reaches against another under the same written rules. The grammar is scored on the same
pages as it was measured (each batch on the grammar it was measured on, bench/heldout_replay.py) against the first
labels, the second labels, and only the facts both labellers agree on (a fact one of them disputes is not counted
against the grammar either way).
"""
from __future__ import annotations

import argparse

import extract as bench  # bench/ is on the path when this runs as a script
import yaml
from heldout_replay import replayed_facts

SECOND_LABELS = bench.ROOT / "bench" / "extract_devset_second_labels.yaml"


def _print_table(rows: list[tuple[str, bench.Score]]) -> None:
    print("| compared | kind | labelled | drafted | correct | precision | recall |\n|---|---|---|---|---|---|---|")
    for name, score in rows:
        for row in score.rows():
            print(f"| {name} {row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disagreements", action="store_true", help="list the facts the two labellers differ on")
    args = parser.parse_args()
    first = {page["url"]: page for page in yaml.safe_load(bench.DEVSET.read_text())["pages"]}
    second = {page["url"]: page for page in yaml.safe_load(SECOND_LABELS.read_text())["pages"]}
    drafted = replayed_facts([first[url] for url in second])
    labellers, vs_first, vs_second, vs_agreed = (bench.Score() for _ in range(4))
    for url, page in second.items():
        first_labels, second_labels = bench.devset_labels(first[url]), bench.devset_labels(page)
        name = first[url]["publisher"]
        labellers.add(name, second_labels, first_labels, 0)
        if url not in drafted:
            continue
        facts, invented = drafted[url]
        vs_first.add(name, facts, first_labels, invented)
        vs_second.add(name, facts, second_labels, invented)
        disputed = {kind: first_labels[kind] ^ second_labels[kind] for kind in first_labels}
        vs_agreed.add(name, {kind: found - disputed[kind] for kind, found in facts.items()},
                      {kind: first_labels[kind] & second_labels[kind] for kind in first_labels}, invented)
    print(f"{labellers.pages} pages labelled twice; the grammar replayed on {vs_first.pages} of them.\n")
    _print_table([("second labeller vs first", labellers), ("grammar vs first labels", vs_first),
                  ("grammar vs second labels", vs_second), ("grammar vs agreed facts", vs_agreed)])
    if args.disagreements:
        print("\nThe second labeller's facts the first does not have ('wrong') and the reverse ('missed'):")
        print("\n".join(f"- {miss}" for miss in labellers.misses))


if __name__ == "__main__":
    main()
