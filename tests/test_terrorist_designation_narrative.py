"""Narrative and figure functions of the terrorist-designation chapter on small labelled fixtures."""

import pandas as pd
import pytest

from hemisphere import charts, data
from hemisphere.terrorist_designation import figures, narrative, reconciliation


def _strikes(rows):
    frame = pd.DataFrame(rows, columns=["strike_id", "date", "sea", "strikes", "vessels", "killed", "survivors",
                                        "presumed_dead_later", "status", "claimed_affiliation"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_one_strike_is_singular():
    strikes = _strikes([("T1", "2025-09-02", "Caribbean", 1, 1, 1, 1, 0, "confirmed", "x")])
    chosen = reconciliation.confirmed(strikes)
    text = narrative.strike_summary(chosen, reconciliation.totals(strikes))
    assert text.startswith("On 2 September 2025 the list records 1 strike in 1 announcement, on 1 vessel, with 1 person")
    assert "1 known survivor." in text and "1 strikes" not in text
    title = narrative.strike_title(reconciliation.totals(strikes), chosen["date"].max())
    assert title.startswith("1 strike killed 1 person by 2 September 2025")


def test_many_strikes_by_sea_and_an_empty_selection():
    strikes = _strikes([("T1", "2025-09-02", "Caribbean", 1, 1, 3, 0, 0, "confirmed", "x"),
                        ("T2", "2025-10-21", "Eastern Pacific", 2, 2, 5, 0, 1, "confirmed", "x")])
    chosen = reconciliation.confirmed(strikes)
    text = narrative.strike_summary(chosen, reconciliation.totals(strikes))
    assert "From 2 September 2025 to 21 October 2025 the list records 3 strikes in 2 announcements" in text
    assert "Caribbean, 1 strike and 3 killed; Eastern Pacific, 2 strikes and 5 killed." in text
    assert narrative.strike_summary(chosen.iloc[0:0], reconciliation.totals(strikes.iloc[0:0])) == ""
    assert narrative.mexico_strikes(chosen.iloc[0:0], "2025-01-01").startswith("No strike")
    assert "1 of the 2 announcements" in narrative.mexico_strikes(chosen, "2025-12-31")


def test_designations_by_year_counts_upper_bounds():
    rows = pd.DataFrame({"org_id": ["A", "B", "C", "D"],
                         "date": pd.to_datetime(["2025-02-20", "2025-05-02", "2026-08-20", "2026-01-13"]),
                         "date_precision": ["day", "day", "on_or_before", "day"]})
    assert narrative.designations_by_year(rows) == "2 in 2025 and 2 in 2026 (1 of them dated only by an upper bound)"
    one = rows.iloc[[2]]
    assert narrative.designations_by_year(one) == "1 in 2026 (1 of it dated only by an upper bound)"
    assert narrative.designations_by_year(rows.iloc[0:0]) == ""


def test_largest_gap_is_computed_not_typed():
    checks = pd.DataFrame({"tally_date": pd.to_datetime(["2026-01-07", "2026-03-10", "2026-04-19"]),
                           "reported_by": ["SOUTHCOM", "Pentagon", "AP"], "gap": [0, 1, 6]})
    text = narrative.largest_gap(checks)
    assert "6 deaths, on 19 April 2026 (AP)" in text
    assert "between 10 March 2026 and 19 April 2026" in text
    agree = checks.assign(gap=[0, 0, -2])
    assert narrative.largest_gap(agree).startswith("No published total exceeds")


def test_mexico_sentences_before_and_after():
    tariffs, batches = data.load("mexico_fentanyl_tariffs"), data.load("mexico_cartel_transfers")
    assert narrative.tariff_history(tariffs, "2024-12-31").startswith("By 31 December 2024 no tariff")
    assert "stood at 25% (0% on USMCA goods)" in narrative.tariff_history(tariffs, "2025-06-30")
    assert "Supreme Court" in narrative.tariff_history(tariffs, "2026-08-20")
    assert narrative.transfers(batches, tariffs, "2025-01-01").startswith("By 1 January 2025 Mexico had made no")
    one = narrative.transfers(batches, tariffs, "2025-03-31")
    assert "29 prisoners" in one and "in one batch, on 27 February 2025" in one and "batches" not in one
    assert "the 92 the Mexican security minister counted" in narrative.transfers(batches, tariffs, "2026-08-20")


def test_known_rows_of_the_mexico_tables():
    batches = data.load("mexico_cartel_transfers").set_index("date")
    assert batches.loc[pd.Timestamp("2025-02-27"), "people"] == 29
    assert batches.loc[pd.Timestamp("2025-08-12"), "people"] == 26
    assert batches.loc[pd.Timestamp("2026-01-20"), "people"] == 37
    assert batches["people"].sum() == batches["running_total_reported"].dropna().iloc[-1] == 92
    tariffs = data.load("mexico_fentanyl_tariffs").set_index("action")
    assert tariffs.loc["in_effect", "date"] == pd.Timestamp("2025-03-04")
    assert tariffs.loc["threatened", "rate_non_usmca_pct"] == 30
    strikes = data.load("boat_strikes").set_index("strike_id")
    assert strikes.loc["S043", "date"] == pd.Timestamp("2026-02-20") and strikes.loc["S043", "killed"] == 3


@pytest.fixture
def chart_dir(tmp_path):
    charts.set_output_dir(tmp_path)
    yield tmp_path
    charts.set_output_dir(None)


def test_figures_draw_or_return_none(chart_dir):
    batches, tariffs = data.load("mexico_cartel_transfers"), data.load("mexico_fentanyl_tariffs")
    assert figures.transfers_chart(batches, "2024-12-31") is None
    assert figures.tariff_chart(tariffs, "2024-12-31") is None
    chart = figures.transfers_chart(batches, "2025-03-31")
    assert chart.title.startswith("Mexico sent 29 prisoners to the United States in 1 mass transfer on 27 February 2025")
    aid = data.load("us_aid").query("country == 'Mexico'")
    assert "Mérida" not in figures.mexico_aid_chart(aid, "2005-06-30").title
    checks = pd.DataFrame({"tally_date": pd.to_datetime(["2026-01-07", "2026-01-26"]), "source_kind": ["official", "press"],
                           "gap": [0, 3], "reported_by": ["SOUTHCOM", "AP"]})
    chart = figures.reconciliation_chart(checks, pd.Timestamp("2026-02-01"))
    assert "1 of 1 official total matches it exactly" in chart.title


def test_mexico_milestones_follow_the_date():
    from hemisphere import events

    register = events.load().set_index("event_id")
    assert narrative.security_milestones(register, "2000-01-01") == ""
    text = narrative.security_milestones(register, "2022-01-01")
    assert "Bicentennial Framework" in text and "implementation group" not in text
    assert narrative.sheinbaum_on_strikes(register, "2025-10-01") == ""
    assert "does not support the strikes" in narrative.sheinbaum_on_strikes(register, "2025-11-01")


def test_homicide_incidence_keeps_registers_apart():
    incidence = data.load("mexico_homicide_incidence_monthly")
    assert set(incidence["register"]) == {"CNSP/38/15 register", "RNID register (from 2026)"}
    row = incidence.set_index("month").loc["2018-07"]
    assert row["offences"] == 2640
    assert narrative.homicide_incidence(incidence, "2025-02-20", "2014-06-30").startswith("No month")
    text = narrative.homicide_incidence(incidence, "2025-02-20", "2026-08-31")
    assert "new register" in text and "not joined" in text
    newest = pd.Timestamp(incidence["month"].max() + "-01")
    whole = narrative.homicide_incidence(incidence, "2025-02-20", newest + pd.offsets.MonthEnd(0))
    assert "left out" not in whole
    # At the chapter's default date (20 August 2026) August has not ended: the sentence says the table runs later.
    early = narrative.homicide_incidence(incidence, "2025-02-20", newest + pd.Timedelta(days=19))
    assert f"The table's figure for {newest:%B %Y} is left out" in early
    # Earlier dates name no later month.
    assert "left out" not in narrative.homicide_incidence(incidence, "2025-02-20", "2025-07-01")


def test_moved_charts_draw_for_a_short_period(chart_dir):
    from hemisphere.terrorist_designation import fto_list

    fto = data.load("fto_list")
    counts = fto_list.counts_over_time(fto, "Western Hemisphere", pd.Timestamp("1998-01-01"))
    chart = figures.fto_list_chart(counts, "title", "1998-01-01")
    assert "data to 1 January 1998" in chart.subtitle
    strikes, tallies = data.load("boat_strikes"), data.load("boat_strike_tallies")
    last = strikes.loc[strikes["status"] == "confirmed", "date"].max()
    assert figures.strikes_cumulative_chart(strikes, tallies, ["Unknown"], "2025-09-30", last) is None
    chart = figures.strikes_cumulative_chart(strikes, tallies, ["Caribbean"], "2025-09-30", last)
    assert chart.title.startswith("3 strikes killed 17 people by 19 September 2025")
