"""The chapter's committed tables load against their schemas, and broken copies fail clearly."""

import pandas as pd
import pytest

from hemisphere import catalogue, data

TABLES = ["us_aid", "central_america_aid_budget", "homicide_rate", "border_apprehensions",
          "border_apprehensions_family_status", "tps", "removals", "population"]


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_with_full_metadata(name):
    table = data.load(name)
    assert len(table) > 0
    block = table.attrs["resource"]
    assert block["theme"] == "northern_triangle"
    assert not catalogue.missing_keys(block)
    assert block["caveats"]


@pytest.mark.parametrize("name", ["homicide_rate", "tps", "removals", "central_america_aid_budget"])
def test_page_derived_rows_carry_their_own_source(name):
    table = data.load(name)
    assert table["source_url"].str.match(r"https?://").all()
    assert table["confidence"].notna().all()


def test_committed_csvs_stay_small():
    for name in TABLES:
        assert catalogue.table_file(name).stat().st_size < 500_000, name


def test_a_broken_copy_names_table_column_and_row():
    raw = pd.read_csv(catalogue.table_file("border_apprehensions"), dtype=str, keep_default_na=False)
    raw.loc[3, "encounters"] = "-10"
    schema = catalogue.resource("border_apprehensions")["schema"]
    with pytest.raises(data.DataError, match=r"'encounters'.*row 4"):
        data.validate("border_apprehensions", raw, schema)


def test_tps_table_never_lists_guatemala():
    assert "Guatemala" not in set(data.load("tps")["country"])
