"""Issue 13: the Venezuela chapter's sentences follow the date window for every allowed value.

A sentence naming a date outside the window must say what put it there, in reader words (the SDN
copy is chosen for its section on its own; offers announced before the window stood in it), and
no reader sentence names a parameter in code.
"""

import re

import pandas as pd

from hemisphere import data
from hemisphere.venezuela import analysis, narrative

YEAR = re.compile(r"(?<![\w-])(19[5-9]\d|20[0-4]\d)(?![\w])")


def _years(text: str) -> set[int]:
    return {int(year) for year in YEAR.findall(text)}


def test_sdn_headline_points_at_snapshot_only_when_the_copy_is_outside_the_window():
    count = analysis.sdn_count(data.load("sdn_entries"), data.load("sdn_snapshots"), "2026-08-20")
    inside = narrative.sdn_headline(count, "2015-01-01", "2026-08-31")
    outside = narrative.sdn_headline(count, "2015-01-01", "2015-12-31")
    assert narrative.COPY_POINTER not in inside and narrative.COPY_POINTER in outside
    assert "`" not in inside + outside
    assert narrative.sdn_headline(count) == inside


def test_removed_sentence_names_the_parameter_when_a_copy_lies_outside_the_window():
    removed = pd.DataFrame({"sdn_type": ["individual"]})
    text = narrative.removed_sentence("2024-05-03", "2026-08-20", 3, removed, "2026-01-01", "2026-12-31")
    assert narrative.COPIES_POINTER in text and "`" not in text
    assert narrative.COPIES_POINTER not in narrative.removed_sentence("2024-05-03", "2026-08-20", 3, removed,
                                                            "2015-01-01", "2026-12-31")


def test_capture_sentence_names_no_earlier_year():
    named = data.load("named_entries")
    text = narrative.capture_sentence("2026-08-20", analysis.named_entry(named, "maduro"), True,
                                      analysis.named_entry(named, "delcy_rodriguez"), True)
    assert _years(text) <= {2026}, text


def test_rewards_before_the_window_are_said_to_be_kept():
    steps = analysis.reward_steps(data.load("rewards"))
    in_force = steps[steps["date"] <= pd.Timestamp("2026-12-31")]
    text = narrative.rewards_sentence(in_force, pd.Timestamp("2026-12-31"), pd.Timestamp("2026-01-01"))
    assert "before the chapter's start date" in text and "`" not in text
    whole = narrative.rewards_sentence(in_force, pd.Timestamp("2026-12-31"), pd.Timestamp("2015-01-01"))
    assert "start date" not in whole


def test_no_reward_and_no_oil_sentences_point_at_the_window():
    steps = analysis.reward_steps(data.load("rewards"))
    assert narrative.WIDEN_END in narrative.no_rewards_sentence(steps, pd.Timestamp("2015-12-31"))
    empty = analysis.crude_points(data.load("oil_production"), pd.Timestamp("2015-01-01"), pd.Timestamp("2015-12-31"))
    assert empty.empty
    text = narrative.oil_sentence(empty, pd.Timestamp("2015-01-01"), pd.Timestamp("2015-12-31"))
    assert narrative.WIDEN_EITHER in text and "`" not in text and "2015 and 2015" not in text


def test_no_oil_sentence_dates_the_figures_held():
    oil = data.load("oil_production")
    held = analysis.crude_points(oil, "1900-01-01", "2100-12-31")
    window = (pd.Timestamp("2026-01-01"), pd.Timestamp("2026-12-31"))
    empty = analysis.crude_points(oil, *window)
    text = narrative.oil_sentence(empty, *window, held=held)
    assert f"to {held['period_end'].max():%B %Y}" in text and "onwards" not in text
