"""The Venezuela tables load against their schemas and hold the facts the chapter relies on."""

import pandas as pd
import pytest

from hemisphere import data, events

TABLES = ["ofac_actions", "sdn_entries", "sdn_snapshots", "rewards", "oil_production", "migrants_refugees"]


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_and_is_catalogued(name):
    table = data.load(name)
    assert len(table) > 0
    assert table.attrs["resource"]["theme"] == "venezuela"


def test_maduro_designation_is_dated_31_july_2017():
    actions = data.load("ofac_actions").set_index("action_id")
    assert actions.at["ven_2017_07_31", "date"] == pd.Timestamp("2017-07-31")
    assert actions.at["ven_2017_07_31", "authority"] == "EO 13692"


def test_register_holds_the_2026_capture_and_the_orders():
    register = events.select(theme="venezuela")
    by_id = register.set_index("event_id")["date"]
    assert by_id["venezuela_maduro_captured_2026"] == pd.Timestamp("2026-01-03")
    orders = register[register["kind"] == "executive_order"]["label"]
    for order in ("EO 13692", "EO 13808", "EO 13850", "EO 13884"):
        assert orders.str.startswith(order).any(), order


def test_broken_row_is_reported_with_table_column_and_row(tmp_path):
    frame = pd.DataFrame({"snapshot_date": ["2026-08-20"], "ent_num": ["x"], "name": ["TEST"],
                          "sdn_type": ["individual"], "programs": ["VENEZUELA"], "venezuela_tag": ["true"],
                          "basis": ["program_tag"]})  # tiny hand-made fixture
    schema = data.load("sdn_entries").attrs["resource"]["schema"]
    with pytest.raises(data.DataError, match=r"'sdn_entries', column 'ent_num', row 1"):
        data.validate("sdn_entries", frame, schema)
