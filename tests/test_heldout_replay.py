"""The development set's bookkeeping (bench/extract_devset.yaml, bench/heldout_grammars.csv) and the replay of a
held-out measurement on the grammar it was made with (bench/heldout_replay.py), on a page written for this test."""
from __future__ import annotations

import subprocess

import pytest
import yaml

from bench import heldout_replay

KINDS = {"report_page", "report_release", "other"}


def _devset_pages() -> list[dict]:
    return yaml.safe_load(heldout_replay.bench.DEVSET.read_text())["pages"]


def test_every_page_has_a_kind_and_every_batch_the_grammar_it_was_measured_on():
    grammars = heldout_replay.grammar_of_batch()
    for page in _devset_pages():
        assert page["kind"] in KINDS, page["url"]
        if page["split"] != "tuning":
            assert page.get("batch") in grammars, f"{page['url']}: batch {page.get('batch')} has no grammar commit"


def test_second_labels_are_of_held_out_pages_of_the_development_set():
    pages = {page["url"]: page for page in _devset_pages()}
    second = yaml.safe_load((heldout_replay.bench.ROOT / "bench" / "extract_devset_second_labels.yaml").read_text())["pages"]
    assert second
    for page in second:
        assert pages[page["url"]]["split"] != "tuning", page["url"]


# Invented page; its facts labelled by hand: sizes 2023 4.2 and 2030 6.8 (USD bn), CAGR 7.1 % over 2024-2030.
PAGE = ("# Global Widget Coating Market\n"
        "The global widget coating market was valued at USD 4.2 billion in 2023 and is projected to reach "
        "USD 6.8 billion by 2030, growing at a CAGR of 7.1% from 2024 to 2030.\n")
HAND_FACTS = {"size": {(2023, 4.2), (2030, 6.8)}, "cagr": {(7.1, 2024, 2030)}, "share": set()}


@pytest.mark.parametrize("batch", [21, 78])
def test_a_batch_is_replayed_on_its_own_commits_grammar(batch, tmp_path, monkeypatch):
    commit = heldout_replay.grammar_of_batch()[batch]
    if subprocess.run(["git", "-C", str(heldout_replay.bench.ROOT), "cat-file", "-e", f"{commit}^{{commit}}"],
                      capture_output=True, check=False).returncode:
        pytest.skip(f"this checkout's history lacks {commit} (a shallow clone)")
    monkeypatch.setattr(heldout_replay.bench, "CACHE", tmp_path / "devset")
    monkeypatch.setattr(heldout_replay, "REPLAY", tmp_path / "replay")
    url = "https://example.invalid/widget-coating-market"
    heldout_replay.bench.CACHE.mkdir()
    heldout_replay.bench.cached_excerpt(url).write_text(PAGE, encoding="utf-8")
    drafted = heldout_replay.replayed_facts([{"url": url, "batch": batch}, {"url": url + "/no-batch"}])
    assert set(drafted) == {url}
    facts, invented = drafted[url]
    assert facts == HAND_FACTS and invented == 0
    assert (tmp_path / "replay" / commit / "market_warehouse").is_dir()
