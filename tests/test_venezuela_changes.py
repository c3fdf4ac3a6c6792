"""Listings and removals derived between SDN copies, on a tiny labelled fixture and the real table."""

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.venezuela.changes import ChangesError, change_counts, list_changes


@pytest.fixture
def fixture_copies():
    """Tiny hand-made fixture (not OFAC data): three copies of a four-entry list."""
    entries = pd.DataFrame([
        ("2021-01-01", 10, "STAYS", "individual", "VENEZUELA"),
        ("2021-01-01", 11, "REMOVED LATER", "entity", "VENEZUELA-EO13850"),
        ("2021-01-01", 12, "RETAGGED", "individual", "SDNTK"),
        ("2022-01-01", 10, "STAYS", "individual", "VENEZUELA"),
        ("2022-01-01", 12, "RETAGGED", "individual", "VENEZUELA; SDNTK"),
        ("2022-01-01", 15, "OLD ENTRY NEWLY RELATED", "entity", "VENEZUELA"),
        ("2022-01-01", 30, "NEW LISTING", "vessel", "VENEZUELA-EO13850"),
        ("2023-01-01", 10, "STAYS", "individual", "VENEZUELA"),
        ("2023-01-01", 12, "RETAGGED", "individual", "SDNTK; VENEZUELA"),
        ("2023-01-01", 15, "OLD ENTRY NEWLY RELATED", "entity", "VENEZUELA"),
        ("2023-01-01", 30, "NEW LISTING", "vessel", "VENEZUELA-EO13850"),
    ], columns=["snapshot_date", "ent_num", "name", "sdn_type", "programs"])
    snapshots = pd.DataFrame({"snapshot_date": ["2021-01-01", "2022-01-01", "2023-01-01"],
                              "max_ent_num": [20, 40, 40]})
    return entries, snapshots


def test_changes_on_fixture(fixture_copies):
    changes = list_changes(*fixture_copies)
    found = {(row.to_snapshot, row.ent_num): row.change for row in changes.itertuples()}
    assert found == {
        ("2022-01-01", 11): "removed",
        ("2022-01-01", 12): "programs_changed",
        ("2022-01-01", 15): "became_venezuela_related",
        ("2022-01-01", 30): "listed",
    }
    # Same tags in another order is not a change (2022 -> 2023 for entry 12).
    assert not (changes["to_snapshot"] == "2023-01-01").any()


def test_change_counts_show_every_kind(fixture_copies):
    counts = change_counts(list_changes(*fixture_copies))
    assert counts.loc[0, ["listed", "became_venezuela_related", "removed", "programs_changed"]].tolist() == [1, 1, 1, 1]


def test_one_copy_is_not_enough(fixture_copies):
    entries, snapshots = fixture_copies
    with pytest.raises(ChangesError, match="at least two"):
        list_changes(entries, snapshots.head(1))


def test_real_copies_delcy_rodriguez_left_the_list_by_2026():
    entries = data.load("sdn_entries")
    snapshots = data.load("sdn_snapshots")
    for frame in (entries, snapshots):
        frame["snapshot_date"] = frame["snapshot_date"].dt.strftime("%Y-%m-%d")
    changes = list_changes(entries, snapshots)
    removed_2026 = changes[(changes["to_snapshot"] == "2026-08-20") & (changes["change"] == "removed")]
    assert "RODRIGUEZ GOMEZ, Delcy Eloina" in set(removed_2026["name"])
    counts = change_counts(changes).set_index("to_snapshot")
    assert counts.loc["2024-05-03", "removed"] == 13
    assert counts.loc["2026-08-20", "removed"] == 14
    # Gilberto Rodriguez Orejuela (Cali cartel) held Venezuelan papers but is no Venezuela-related delisting.
    assert not changes["name"].str.startswith("RODRIGUEZ OREJUELA").any()
