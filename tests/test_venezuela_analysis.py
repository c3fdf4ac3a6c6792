"""Analysis functions of the Venezuela chapter, checked against published figures."""

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.venezuela import analysis

ALL_PROGRAMS = ["VENEZUELA", "VENEZUELA-EO13850", "VENEZUELA-EO13884", "SDNTK", "SDGT", "FTO"]


@pytest.fixture(scope="module")
def actions():
    return data.load("ofac_actions")


def test_democracy_designations_reach_forty_by_november_2017(actions):
    # Miami Herald, 2017-11-09: the day's designations "bring to 40" the Venezuelans sanctioned
    # for undermining democracy, Maduro included (EO 13692 actions of 2017).
    designations = analysis.designation_actions(actions, ["VENEZUELA"], "2017-01-01", "2017-11-09")
    assert analysis.designated_by_kind(designations)["individuals"] == 40


def test_cumulative_steps_start_with_the_2015_order(actions):
    designations = analysis.designation_actions(actions, ALL_PROGRAMS, "2015-01-01", "2026-12-31")
    steps = analysis.cumulative_designations(designations)
    venezuela = steps[steps["program_group"] == "VENEZUELA"].reset_index(drop=True)
    assert venezuela.loc[0, ["date", "cumulative"]].tolist() == [pd.Timestamp("2015-03-09"), 7]
    assert venezuela["cumulative"].is_monotonic_increasing
    # El Aissami and Lopez Bello with 13 companies under the Kingpin Act (OFAC, 2017-02-13).
    assert steps.loc[steps["program_group"] == "SDNTK", "cumulative"].iloc[0] == 15


def test_multi_tag_action_is_counted_once(actions):
    designations = analysis.designation_actions(actions, ["FTO", "SDGT"], "2025-01-01", "2025-12-31")
    assert designations["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-02-20", "2025-06-24", "2025-07-17", "2025-07-25", "2025-11-24", "2025-12-03"]
    assert designations.loc[0, "program_group"] == "FTO"


def test_unknown_program_tag_is_a_clear_error(actions):
    with pytest.raises(analysis.AnalysisError, match="VENEZUELA-EO99999"):
        analysis.designation_actions(actions, ["VENEZUELA-EO99999"], "2015-01-01", "2026-12-31")


def test_snapshot_entries_and_counts():
    entries = data.load("sdn_entries")
    latest = analysis.snapshot_entries(entries, "2026-08-20")
    assert len(latest) == 444
    counts = analysis.entries_by_type_and_program(latest, ALL_PROGRAMS)
    assert counts.values.sum() == 444
    assert list(counts.index) == ["individual", "entity", "vessel", "aircraft"]
    with pytest.raises(analysis.AnalysisError, match="copies held"):
        analysis.snapshot_entries(entries, "2019-01-01")


def test_maduro_reward_steps():
    steps = analysis.reward_steps(data.load("rewards"))
    maduro = steps[steps["person"] == "Nicolas Maduro Moros"]
    # State Department 2020 ($15M), raised to $25M (2025-01-10) and $50M (2025-08-07).
    assert maduro["amount_usd"].tolist() == [15_000_000, 25_000_000, 50_000_000]
    assert maduro["previous_usd"].tolist() == [0, 15_000_000, 25_000_000]


def test_official_and_independent_oil_figures():
    gaps = analysis.official_vs_independent(data.load("oil_production")).set_index("period")
    # OPEC January 2018 report: December 2017, 1,621 kb/d (direct) vs 1,745 kb/d (secondary).
    assert gaps.loc["2017-12", "gap_kbd"] == -124
    assert gaps.loc["2024-04", ["official_kbd", "independent_kbd"]].tolist() == [878, 809]


def test_energy_institute_fall_2018_2019():
    series = analysis.energy_institute_series(data.load("oil_production"))
    before, after = analysis.change_between(series, 2018, 2019)
    # OWID's own oil_prod_change_pct for 2019 is -37.092.
    assert (after / before - 1) * 100 == pytest.approx(-37.092, abs=0.01)
    with pytest.raises(analysis.AnalysisError, match="no value"):
        analysis.change_between(series, 2005, 2019)


def test_diaspora_totals_are_worldwide_only():
    totals = analysis.diaspora_totals(data.load("migrants_refugees"))
    assert totals["persons"].iloc[0] == 695_000  # UNHCR/IOM, end of 2015
    assert totals["persons"].iloc[-1] == 7_891_000  # R4V, November 2024 (ANSA)
    assert totals["date"].is_monotonic_increasing


def test_a_total_the_source_did_not_split_is_kept_apart(actions):
    # 2018-09-25: four officials plus five companies and people tied to Sarria, split not stated.
    designations = analysis.designation_actions(actions, ["VENEZUELA"], "2018-09-25", "2018-09-25")
    row = designations.iloc[0]
    assert row["type_not_stated"] == 5 and pd.isna(row["vessels_or_aircraft"])
    kinds = analysis.designated_by_kind(designations)
    assert kinds.to_dict() == {"individuals": 4, "entities": 0, "vessels_or_aircraft": 0, "type_not_stated": 5}


def test_names_preview_never_cuts_a_word(actions):
    # 2015-03-09 names four officials and notes three more; only whole names are kept.
    first_order = actions.set_index("action_id").at["ven_2015_03_09", "notable_names"]
    preview = analysis.names_preview(first_order, limit=110)
    assert preview == "Antonio Jose Benavides Torres; Gustavo Enrique Gonzalez Lopez; Justo Jose Noguera Pietri; …"
    for names in actions["notable_names"].dropna():
        shown = analysis.names_preview(names, limit=110)
        assert len(shown) <= 110
        kept = shown.removesuffix("; …").removesuffix(" …")
        assert names.startswith(kept)
        # the cut falls between words, never inside one
        assert len(kept) == len(names) or not names[len(kept)].isalnum()
    # a single long name is cut at a word boundary (tiny hand-made string, not a source record)
    assert analysis.names_preview("Alpha Beta Gamma Delta", limit=14) == "Alpha Beta …"
    assert analysis.names_preview(None) == ""


def test_sdn_counts_are_labelled_and_add_up():
    """Reader finding: 444, 409 and 408 were given for the same copy. 444 is every Venezuela-related
    entry, 409 those under a Venezuela program tag; the table's Venezuela columns must give 409 too
    (the vessel LIA, tagged 'SDGT; VENEZUELA-EO13850', was counted under SDGT, making 408)."""
    entries, snapshots = data.load("sdn_entries"), data.load("sdn_snapshots")
    count = analysis.sdn_count(entries, snapshots, "2026-08-20")
    assert (count["venezuela_related"], count["tagged"], count["untagged"]) == (444, 409, 35)
    table = analysis.entries_by_type_and_program(analysis.snapshot_entries(entries, "2026-08-20"), ALL_PROGRAMS)
    venezuela_columns = [c for c in table.columns if c.startswith("VENEZUELA")]
    assert table[venezuela_columns].values.sum() == count["tagged"]
    assert table.values.sum() == count["venezuela_related"]
    assert table.loc["vessel", "VENEZUELA-EO13850"] == 54 and table.loc["entity", "FTO"] == 2
    for copy in ("2021-08-18", "2024-05-03"):
        earlier = analysis.sdn_count(entries, snapshots, copy)
        table = analysis.entries_by_type_and_program(analysis.snapshot_entries(entries, copy), ALL_PROGRAMS)
        assert table[[c for c in table.columns if c.startswith("VENEZUELA")]].values.sum() == earlier["tagged"]


def test_an_entry_is_counted_under_its_venezuela_program_first():
    entries = pd.DataFrame({"sdn_type": ["vessel", "entity", "entity"],
                            "programs": ["SDGT; VENEZUELA-EO13850", "FTO; SDGT", "UKRAINE-EO13662"]})
    table = analysis.entries_by_type_and_program(entries, ALL_PROGRAMS)
    assert table.loc["vessel", "VENEZUELA-EO13850"] == 1 and table.loc["entity", "FTO"] == 1
    assert table.loc["entity", "other programs"] == 1
