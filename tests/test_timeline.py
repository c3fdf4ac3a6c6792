"""The cross-theme timeline covers every event of the register within its period."""

import csv

import pandas as pd
import pytest

from hemisphere import charts, paths, timeline


def register_rows():
    with open(paths.EVENTS, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("start, end, themes", [
    ("2017-01-01", "2026-12-31", None),
    ("2017-01-20", "2021-01-20", ["venezuela"]),
    ("2025-01-20", "2026-12-31", ["terrorist_designation", "northern_triangle"]),
])
def test_timeline_holds_every_event_in_its_period(start, end, themes, tmp_path):
    charts.set_output_dir(tmp_path)
    try:
        drawn = timeline.draw_timeline(start, end, themes)
    finally:
        charts.set_output_dir(None)
    expected = {row["event_id"] for row in register_rows()
                if start <= row["date"] <= end and (themes is None or row["theme"] in themes)}
    assert set(drawn["event_id"]) == expected
    written = pd.read_csv(tmp_path / "overview" / "policy_timeline.csv")
    assert len(written) == len(expected)


def test_unknown_theme_is_named():
    with pytest.raises(ValueError, match="atlantis"):
        timeline.timeline_events("2017-01-01", "2018-01-01", ["atlantis"])


def test_administration_on_a_date_follows_inaugurations():
    """Obama on the eve of the 2017 inauguration, Trump I from 20 January, Trump II open-ended."""
    from hemisphere import events

    assert events.administration_on("2017-01-19")["administration"] == "Obama"
    assert events.administration_on("2017-01-20")["administration"] == "Trump I"
    assert events.administration_on("2026-11-22")["party"] == "Republican"
    with pytest.raises(KeyError, match="no administration in office on 1900-01-01"):
        events.administration_on("1900-01-01")
