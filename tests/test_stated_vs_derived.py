"""Stated vs derived: every year figure the warehouse derives (no source states it) is flagged, and the flags
agree with the claims.

A year of a source's own path is "stated" exactly when a claim of that source states a world size for that
year (a printed value or range; marts.fct_market_claim, metric market_size, scope world). Every other year is
"back-cast" (before the source's first stated year), "interpolated" (between two stated years) or
"extrapolated" (after its last stated year). The expectations below are computed here from fct_market_claim
alone, not from the models' SQL, and compared with fct_source_forecast.size_basis, the counts of
fct_market_consensus and the denominator of every fct_player_share row.

Uses the session fixture `warehouse` (tests/conftest.py): a read-only connection to the published file.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest

STATED, BACK_CAST, INTERPOLATED, EXTRAPOLATED = "stated", "back-cast", "interpolated", "extrapolated"


def stated_years(warehouse) -> dict[tuple[str, str], dict[int, float | None]]:
    """(market, source) -> {year: printed value or None for a range} of every world size claim."""
    years: dict[tuple[str, str], dict[int, float | None]] = defaultdict(dict)
    for market_id, source_id, year, value, low, high in warehouse.execute("""
            select market_id, source_id, coalesce(year, period_start_year), value, value_low, value_high
            from marts.fct_market_claim
            where metric = 'market_size' and scope_type = 'world'""").fetchall():
        if year is None or (value is None and low is None and high is None):
            continue  # a size the source does not show states nothing
        years[(market_id, source_id)][year] = value
    return years


def expected_basis(year: int, stated: dict[int, float | None]) -> str:
    if year in stated:
        return STATED
    if year < min(stated):
        return BACK_CAST
    if year > max(stated):
        return EXTRAPOLATED
    return INTERPOLATED


@pytest.fixture(scope="module")
def claims_stated(warehouse):
    return stated_years(warehouse)


@pytest.fixture(scope="module")
def path_rows(warehouse):
    return warehouse.execute("""
        select market_id, source_id, year, size_basis, stated_size_usd_bn, first_stated_year, last_stated_year
        from marts.fct_source_forecast order by market_id, source_id, year""").fetchall()


def test_every_source_path_year_is_flagged_as_the_claims_say(claims_stated, path_rows):
    assert path_rows
    wrong = []
    for market_id, source_id, year, basis, stated_size, first, last in path_rows:
        stated = claims_stated.get((market_id, source_id))
        assert stated, f"{market_id}/{source_id} has a path but no stated world size"
        expected = expected_basis(year, stated)
        if basis != expected:
            wrong.append(f"{market_id}/{source_id}/{year}: {basis}, expected {expected}")
        if (first, last) != (min(stated), max(stated)):
            wrong.append(f"{market_id}/{source_id}: stated years {first}-{last}, expected {min(stated)}-{max(stated)}")
        if basis == STATED and stated[year] is not None and stated_size != pytest.approx(stated[year]):
            wrong.append(f"{market_id}/{source_id}/{year}: stated size {stated_size}, the claim says {stated[year]}")
        if basis != STATED and stated_size is not None:
            wrong.append(f"{market_id}/{source_id}/{year}: a stated size in a year that is not stated")
    assert not wrong, "\n".join(wrong[:20])


def test_every_stated_year_of_a_path_source_is_in_the_mart(claims_stated, path_rows):
    """Nothing the sources state is lost: each claimed (source, year) inside the spine is flagged stated."""
    flagged = {(m, s, y) for m, s, y, basis, *_ in path_rows if basis == STATED}
    spine = defaultdict(set)
    for m, s, y, *_ in path_rows:
        spine[(m, s)].add(y)
    missing = [(m, s, y) for (m, s), years in claims_stated.items() if (m, s) in spine
               for y in years if y in spine[(m, s)] and (m, s, y) not in flagged]
    assert not missing, missing


def test_the_first_market_marks_back_casts_and_extrapolations(path_rows):
    basis = {(s, y): b for m, s, y, b, *_ in path_rows if m == "biopharma_cmo_cro"}
    assert basis[("S3", 2025)] == STATED and basis[("S4", 2025)] == STATED
    assert basis[("S1", 2025)] == INTERPOLATED  # S1 states 2023 and 2033
    assert all(basis[(s, 2022)] == BACK_CAST for s in ("S1", "S2", "S3", "S4"))
    assert [basis[("S4", y)] for y in (2030, 2031, 2032, 2033)] == [STATED, EXTRAPOLATED, EXTRAPOLATED, EXTRAPOLATED]


def consensus_expectations(warehouse, claims_stated):
    """(market, year) -> Counter of the bases of the sources counted in the consensus that year."""
    expected = {}
    for market_id, year, source_ids in warehouse.execute(
            "select market_id, year, source_ids from marts.fct_market_consensus").fetchall():
        expected[(market_id, year)] = Counter(
            {s: expected_basis(year, claims_stated[(market_id, s)]) for s in source_ids.split(", ")}.values())
        expected[(market_id, year)]["_stated_ids"] = ", ".join(sorted(
            s for s in source_ids.split(", ") if expected_basis(year, claims_stated[(market_id, s)]) == STATED)) or None
    return expected


def consensus_basis(counts: Counter) -> str:
    n = counts[STATED] + counts[BACK_CAST] + counts[INTERPOLATED] + counts[EXTRAPOLATED]
    return STATED if counts[STATED] == n else "partly stated" if counts[STATED] else "derived"


def test_consensus_counts_how_many_of_its_values_are_stated(warehouse, claims_stated):
    expected = consensus_expectations(warehouse, claims_stated)
    rows = warehouse.execute("""
        select market_id, year, n_sources, n_stated_sources, n_back_cast_sources, n_interpolated_sources,
               n_extrapolated_sources, stated_source_ids, size_basis
        from marts.fct_market_consensus""").fetchall()
    assert rows
    wrong = []
    for market_id, year, n, stated, back, inter, extra, stated_ids, basis in rows:
        e = expected[(market_id, year)]
        got = (stated, back, inter, extra, stated_ids, basis)
        want = (e[STATED], e[BACK_CAST], e[INTERPOLATED], e[EXTRAPOLATED], e["_stated_ids"], consensus_basis(e))
        if got != want or stated + back + inter + extra != n:
            wrong.append(f"{market_id}/{year}: {got}, expected {want}")
    assert not wrong, "\n".join(wrong)


def test_the_first_markets_consensus_numbers_are_unchanged(warehouse):
    median, basis, n_stated = warehouse.execute("""
        select median_size_usd_bn, size_basis, n_stated_sources from marts.fct_market_consensus
        where market_id = 'biopharma_cmo_cro' and year = 2025""").fetchone()
    assert median == pytest.approx(58.7004) and basis == "partly stated" and n_stated == 2
    base = warehouse.execute("""
        select market_size_usd_bn from marts.fct_market_forecast
        where market_id = 'biopharma_cmo_cro' and scenario = 'base' and region_id = 'WORLD' and year = 2032""").fetchone()[0]
    assert base == pytest.approx(125.767, abs=5e-4)


def test_every_player_share_names_its_denominator_year_and_basis(warehouse, claims_stated):
    expected = consensus_expectations(warehouse, claims_stated)
    medians = {(m, y): v for m, y, v in warehouse.execute(
        "select market_id, year, median_size_usd_bn from marts.fct_market_consensus").fetchall()}
    rows = warehouse.execute("""
        select market_id, revenue_id, year, consensus_size_usd_bn, denominator_year, denominator_basis,
               denominator_n_stated_sources, denominator_n_sources
        from marts.fct_player_share""").fetchall()
    assert rows
    wrong = []
    for market_id, revenue_id, year, size, d_year, d_basis, d_stated, d_n in rows:
        if d_basis is None:
            wrong.append(f"{market_id}/{revenue_id}: no denominator basis")
        elif (market_id, year) not in medians:
            if (d_year, d_basis, size) != (None, "no consensus", None):
                wrong.append(f"{market_id}/{revenue_id}: no consensus for {year}, yet {d_year} {d_basis} {size}")
        else:
            e = expected[(market_id, year)]
            want = (year, consensus_basis(e), e[STATED], sum(e[b] for b in (STATED, BACK_CAST, INTERPOLATED, EXTRAPOLATED)))
            if (d_year, d_basis, d_stated, d_n) != want or size != pytest.approx(medians[(market_id, year)]):
                wrong.append(f"{market_id}/{revenue_id}: {(d_year, d_basis, d_stated, d_n, size)}, expected {want}")
    assert not wrong, "\n".join(wrong)


def test_every_2022_share_of_the_first_market_divides_by_a_back_cast(warehouse):
    bases = {b for (b,) in warehouse.execute("""
        select distinct denominator_basis from marts.fct_player_share
        where market_id = 'biopharma_cmo_cro' and year = 2022""").fetchall()}
    assert bases == {"derived"}


def test_curation_notes_reach_the_player_share(warehouse):
    revenue_note, player_note, as_stated = warehouse.execute("""
        select revenue_note, player_note, value_as_stated from marts.fct_player_share
        where market_id = 'biopharma_cmo_cro' and revenue_id = 'rmf-boehringer-2022'""").fetchone()
    assert "group's net sales, not its contract business" in revenue_note
    assert "BioXcellence" in player_note
    assert as_stated == "~26 USD bn"
    claim_note = warehouse.execute("""
        select distinct claim_note from marts.fct_player_revenue_check
        where claim_revenue_id = 'rmf-boehringer-2022'""").fetchone()[0]
    assert claim_note == revenue_note


def test_claims_keep_their_wording(warehouse):
    worded = dict(warehouse.execute(
        "select claim_id, value_as_stated from marts.fct_market_claim where market_id = 'biopharma_cmo_cro'").fetchall())
    assert worded["rmf-cagr-through-2030"] == "> 8 %"
    assert worded["rmf-cagr-next-five-years"] == "7-10 %"
    assert worded["rmf-cagr-forecast-period"] == "11.5 %"
    assert worded["rmf-share-china"] == "~5 %"
    assert worded["s3-share-north-america-2024"] == "not visible"
    assert not [c for c, v in worded.items() if v is None or v[:1] in "=+-@\t\r"]


def test_every_region_a_source_names_is_in_fct_source_region(warehouse):
    """Regions named in a claim or as a country-list heading, with or without a share, each get a row."""
    named = set(warehouse.execute("""
        with market_sources as (
            select distinct market_id, source_id from marts.fct_market_claim
            union select market_id, primary_source_id from marts.dim_market where primary_source_id is not null)
        select c.market_id, c.source_id, c.region_id from marts.fct_market_claim c where c.scope_type = 'region'
        union
        select ms.market_id, l.source_id, l.listed_region_id
        from marts.dim_country_label l join market_sources ms on ms.source_id = l.source_id
        where l.listed_region_id is not null""").fetchall())
    rows = {(m, s, r): (status, says) for m, s, r, status, says in warehouse.execute(
        "select market_id, source_id, region_id, share_status, source_says from marts.fct_source_region").fetchall()}
    assert named == set(rows)
    primary = {r: v for (m, s, r), v in rows.items() if (m, s) == ("biopharma_cmo_cro", "rmf-1923674")}
    assert primary["LATAM"][0] == primary["MEA"][0] == "no share stated"
    assert primary["NA"][0] == "share stated" and "~45 %" in primary["NA"][1]
    assert "listed twice: Saudi Arabia" in primary["MEA"][1]
    assert "under the wrong region: 'Korea' (belongs to APAC)" in primary["MEA"][1]
    assert rows[("biopharma_cmo_cro", "S3", "NA")][0] == "share not visible in the source"


def test_segments_of_another_taxonomy_say_whose_they_are(warehouse):
    rows = warehouse.execute("""
        select s.segment_id, s.is_primary_taxonomy, s.taxonomy_label, s.defined_by_source_id = m.primary_source_id
        from marts.dim_segment s join marts.dim_market m on m.market_id = s.market_id""").fetchall()
    assert rows
    for segment_id, is_primary, label, defined_by_primary in rows:
        assert is_primary == bool(defined_by_primary), segment_id
        if not is_primary:
            assert "taxonomy of" in label and "primary report" not in label, (segment_id, label)
    label = dict((r[0], r[2]) for r in rows)["s4_biologics"]
    assert label.startswith("molecule type taxonomy of S4")


@pytest.mark.parametrize("market, year, source, printed, path", [
    # A8 prints 11.3 for 2020 in its info box; its path starts from its headline 11 (2021) at 14.37 %.
    ("biopharma_contract_manufacturing", 2020, "A8", 11.3, 11 / 1.1437),
    # S2 prints 70.50 for 2033; its path starts from 38.6 (2024) at 6.8 %.
    ("biopharma_cmo_cro", 2033, "S2", 70.5, 38.6 * 1.068 ** 9),
])
def test_a_stated_year_shows_the_printed_figure_beside_the_path(warehouse, market, year, source, printed, path):
    """"Stated" means the figure the source prints: the consensus row names it, and its path's value beside it
    where the two differ."""
    text, = warehouse.execute("select stated_figures_text from marts.fct_market_consensus where market_id = ? "
                              "and year = ?", [market, year]).fetchone()
    assert f"{source} states {printed:.2f} (its path: {path:.2f})" in text
