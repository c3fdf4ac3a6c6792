"""The theme's tables: they load against their schemas and hold the published facts they cite."""

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.terrorist_designation import fto_list

TABLES = ["fto_list", "ofac_fto_tags", "designations_2025", "cartel_sanctions_rewards", "boat_strikes",
          "boat_strike_tallies", "homicides", "mexico_homicides_by_state"]


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_with_sources(name):
    table = data.load(name)
    assert len(table) > 0
    assert table.attrs["resource"]["theme"] == "terrorist_designation"
    assert table.attrs["sources"], f"{name} has no sources in the catalogue"


def test_broken_row_is_reported_with_table_column_and_row():
    block = data.load("boat_strikes").attrs["resource"]
    raw = pd.read_csv(data.catalogue.table_file("boat_strikes"), dtype=str, keep_default_na=False, na_values=[""])
    raw.loc[3, "sea"] = "Gulf of Mexico"
    with pytest.raises(data.DataError, match=r"'boat_strikes', column 'sea', row 4"):
        data.validate("boat_strikes", raw, block["schema"])


def test_fto_list_on_19_february_2025_has_68_groups_four_in_the_hemisphere():
    """State's list before the cartel designations: 68 FTOs, of which ELN, Shining Path, FARC-EP and Segunda Marquetalia in the Americas."""
    table = data.load("fto_list")
    assert fto_list.count_on(table, "2025-02-19") == 68
    hemisphere = fto_list.on_list(table, "2025-02-19").query("western_hemisphere")
    assert sorted(hemisphere["org_id"]) == ["ELN", "FARCEP", "SEGMAR", "SL"]


def test_the_eight_of_20_february_2025():
    table = data.load("fto_list")
    eight = fto_list.designated_on(table, "2025-02-20")
    assert sorted(eight["org_id"]) == ["CDGULF", "CDN", "CJNG", "CU", "LNFM", "MS13", "SINALOA", "TDA"]
    assert set(eight["kind"]) == {"criminal"}
    assert fto_list.count_on(table, "2025-02-20") == 76
    assert fto_list.count_on(table, "2025-02-20", western_hemisphere=True) == 12


def test_every_ofac_fto_tag_belongs_to_a_group_on_the_list_that_day():
    """OFAC's [FTO] tags are an official check on the rebuilt State list."""
    table = data.load("fto_list")
    tags = data.load("ofac_fto_tags")
    for snapshot, tagged in tags.groupby("snapshot_date"):
        listed = set(fto_list.on_list(table, snapshot)["org_id"])
        assert set(tagged["org_id"]) <= listed, snapshot


def test_groups_on_the_list_in_2024_carry_an_ofac_tag_except_three_known_sdgt_only():
    table = data.load("fto_list")
    tags = data.load("ofac_fto_tags")
    tagged = set(tags.loc[tags["snapshot_date"] == pd.Timestamp("2024-05-03"), "org_id"])
    untagged = set(fto_list.on_list(table, "2024-05-03")["org_id"]) - tagged
    assert untagged == {"HUJI", "ISISGS", "AAH"}


def test_designations_point_to_listed_groups():
    table = data.load("fto_list")
    designations = data.load("designations_2025")
    assert set(designations["org_id"]) <= set(table["org_id"])
    fto_rows = designations[designations["instrument"] == "FTO"]
    dates = table.set_index("org_id")["designation_date"]
    assert (fto_rows["date"].to_numpy() == dates.loc[fto_rows["org_id"]].to_numpy()).all()


def test_boat_strike_list_matches_southcom_at_its_january_2026_checkpoint():
    """SOUTHCOM (2026-01-07): 114 killed in strikes and 9 presumed dead by the end of 2025."""
    strikes = data.load("boat_strikes")
    to_2025 = strikes[(strikes["status"] == "confirmed") & (strikes["date"] <= "2025-12-31")]
    assert to_2025["killed"].sum() == 114
    assert to_2025["presumed_dead_later"].sum() == 9
    assert to_2025["vessels"].sum() == 36


def test_partial_year_is_labelled_in_homicides():
    homicides = data.load("homicides")
    sesnsp_2025 = homicides[(homicides["series"] == "SESNSP") & (homicides["year"] == 2025)]
    assert set(sesnsp_2025["period"]) == {"Jan-Jun"}
    assert set(sesnsp_2025["data_status"]) == {"partial year"}
