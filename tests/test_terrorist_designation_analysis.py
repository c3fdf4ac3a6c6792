"""Analysis functions: list membership over time, the strike reconciliation, the instrument matrix."""

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.terrorist_designation import designations, fto_list, reconciliation, violence


@pytest.fixture(scope="module")
def fto():
    return data.load("fto_list")


def test_counts_at_known_dates(fto):
    assert fto_list.count_on(fto, "2025-02-19", western_hemisphere=True) == 4
    assert fto_list.count_on(fto, "2025-02-19", western_hemisphere=True, kind="criminal") == 0
    assert fto_list.count_on(fto, "2025-12-31") == 92
    assert fto_list.count_on(fto, "2025-12-31", western_hemisphere=True) == 19


def test_revocation_and_prior_episode_are_honoured(fto):
    """FARC left the list on 2021-11-30; the Houthis were on it from 2021-01-19 to 2021-02-16."""
    assert "FARC" in set(fto_list.on_list(fto, "2021-11-29")["org_id"])
    assert "FARC" not in set(fto_list.on_list(fto, "2021-11-30")["org_id"])
    assert "HOUTHI" in set(fto_list.on_list(fto, "2021-02-01")["org_id"])
    assert "HOUTHI" not in set(fto_list.on_list(fto, "2021-02-16")["org_id"])


def test_counts_over_time_steps_at_20_february_2025(fto):
    counts = fto_list.counts_over_time(fto, "Western Hemisphere", "2025-03-01")
    before = counts.loc[counts.index < "2025-02-20"].iloc[-1]
    after = counts.loc["2025-02-20"]
    assert before.get("Western Hemisphere: criminal groups", 0) == 0
    assert after["Western Hemisphere: criminal groups"] == 8
    assert counts.index.max() == pd.Timestamp("2025-03-01")
    totals = fto_list.counts_over_time(fto, "All", "2025-02-19").iloc[-1]
    assert totals.sum() == 68


# A tiny fixture, invented for this test only (not real strikes): two seas, one later presumed dead.
FIXTURE_STRIKES = pd.DataFrame({
    "strike_id": ["T001", "T002", "T003", "T004"],
    "date": pd.to_datetime(["2030-01-01", "2030-01-05", "2030-01-09", "2030-01-10"]),
    "sea": ["Caribbean", "Eastern Pacific", "Caribbean", "Caribbean"],
    "strikes": [1, 2, 1, pd.NA],
    "vessels": [1, 2, 1, pd.NA],
    "killed": [3, 5, 2, pd.NA],
    "survivors": [0, 1, 0, pd.NA],
    "presumed_dead_later": [pd.NA, 1, pd.NA, pd.NA],
    "status": ["confirmed", "confirmed", "confirmed", "unverified_claim"],
    "claimed_affiliation": ["Example Group", "unnamed", "unnamed", "unnamed"],
}).astype({"strikes": "Int64", "vessels": "Int64", "killed": "Int64", "survivors": "Int64",
           "presumed_dead_later": "Int64"})
FIXTURE_TALLIES = pd.DataFrame({
    "tally_date": pd.to_datetime(["2030-01-06", "2030-01-10", "2030-01-10"]),
    "reported_by": ["Fixture press", "Fixture official", "Fixture wire"],
    "source_kind": ["press", "official", "press"],
    "deaths_reported": [8, 11, 12],
    "strikes": pd.array([3, 4, pd.NA], dtype="Int64"),
    "includes_presumed_dead": pd.array([False, True, pd.NA], dtype="boolean"),
})


def test_reconciliation_on_fixture():
    table = reconciliation.reconcile(FIXTURE_STRIKES, FIXTURE_TALLIES).set_index("reported_by")
    press = table.loc["Fixture press"]
    assert (press["events_killed"], press["basis"], press["gap"]) == (8, "killed", 0)
    official = table.loc["Fixture official"]
    assert official["events_killed_and_presumed"] == 11
    assert (official["basis"], official["gap"], official["gap_strikes"]) == ("killed + presumed", 0, 0)
    wire = table.loc["Fixture wire"]
    assert (wire["basis"], wire["gap_killed"], wire["gap_killed_and_presumed"], wire["gap"]) == ("not stated", 2, 1, 1)


def test_reconciliation_respects_as_of_and_ignores_unverified_claims():
    table = reconciliation.reconcile(FIXTURE_STRIKES, FIXTURE_TALLIES, as_of="2030-01-07")
    assert table["reported_by"].tolist() == ["Fixture press"]
    assert reconciliation.totals(FIXTURE_STRIKES)["killed"] == 10


def test_cumulative_by_sea_on_fixture():
    cumulative = reconciliation.cumulative_by_sea(FIXTURE_STRIKES, seas=["Caribbean"])
    assert cumulative["cumulative_killed"].tolist() == [3, 5]
    assert cumulative["cumulative_strikes"].tolist() == [1, 2]


def test_unknown_sea_is_refused():
    with pytest.raises(reconciliation.ReconciliationError, match="unknown sea 'Atlantic'"):
        reconciliation.confirmed(FIXTURE_STRIKES, seas=["Atlantic"])


def test_real_list_reconciles_with_southcom_on_7_january_2026():
    table = reconciliation.reconcile(data.load("boat_strikes"), data.load("boat_strike_tallies"))
    southcom = table[(table["tally_date"] == "2026-01-07") & (table["source_kind"] == "official")].iloc[0]
    assert (southcom["deaths_reported"], southcom["events_killed_and_presumed"], southcom["gap"]) == (123, 123, 0)
    assert southcom["gap_strikes"] == 1


def test_instrument_matrix(fto):
    matrix = designations.instrument_matrix(
        fto, data.load("designations_2025"), data.load("cartel_sanctions_rewards"), data.load("boat_strikes"),
        data.load("ofac_fto_tags"), "2026-01-01").set_index("group")
    assert matrix.loc["Tren de Aragua (TdA)", "Strikes attributed"] == 2
    assert matrix.loc["National Liberation Army (ELN)", "Strikes attributed"] == 1
    assert matrix.loc["Cartel de los Soles", "FTO"] == "2025-11"
    assert matrix.loc["Cartel de los Soles", "SDGT"] == "2025-07"
    assert matrix.loc["Cartel de Jalisco Nueva Generacion (CJNG)", "OFAC sanctions"] == "2015"
    assert len(matrix) == 19
    before = designations.instrument_matrix(
        fto, data.load("designations_2025"), data.load("cartel_sanctions_rewards"), data.load("boat_strikes"),
        data.load("ofac_fto_tags"), "2025-02-19")
    assert len(before) == 4 and before["Strikes attributed"].sum() == 0


def test_timeline_as_of():
    actions = designations.timeline(data.load("designations_2025"), "2025-02-20")
    assert len(actions) == 16
    assert set(actions["instrument"]) == {"FTO", "SDGT"}


def test_violence_prefers_final_counts_and_keeps_the_rest():
    homicides = data.load("homicides")
    chosen = violence.preferred(homicides, "Ecuador", "homicides").set_index("year")
    assert chosen.loc[2023, "value"] == 8248
    assert chosen.loc[2025, "value"] == 9216
    others = violence.alternatives(homicides, "Ecuador", "homicides")
    assert sorted(others["value"]) == [4614, 7878]


def test_violence_as_of_keeps_only_ended_periods():
    homicides = data.load("homicides")
    early = violence.known_by(homicides, "2025-02-19")
    assert early["year"].max() == 2024
    mid = violence.known_by(homicides, "2025-07-01")
    haiti = mid[mid["country"] == "Haiti"]
    assert sorted(haiti["period"]) == ["Q1", "Q2", "year"]
    assert violence.monthly_average(haiti.set_index("period").loc[["Q1"]].reset_index()).iloc[0] == pytest.approx(539)


@pytest.mark.parametrize("period, end, span", [
    ("Q3", "2025-09-30", (0.5, 0.25)), ("Q4", "2025-12-31", (0.75, 0.25)),
    ("Jan-Jun", "2025-06-30", (0.0, 0.5)), ("year", "2025-12-31", (0.0, 1.0)),
])
def test_periods_end_and_span_where_their_months_do(period, end, span):
    assert violence.period_end(2025, period) == pd.Timestamp(end)
    assert violence.period_span(period) == pytest.approx(span)


def test_haiti_second_half_of_2025_is_counted_by_quarter():
    haiti = violence.known_by(data.load("homicides"), "2026-08-20").query("country == 'Haiti' and year == 2025")
    assert dict(zip(haiti["period"], haiti["value"])) == {"Q1": 1617, "Q2": 1500, "Q3": 1247, "Q4": 1523}
    assert violence.monthly_average(haiti).round(0).tolist() == [539, 500, 416, 508]


def test_state_ranking_uses_the_latest_full_year_known():
    by_state = data.load("mexico_homicides_by_state")
    ranking = violence.state_ranking(by_state, "2026-08-20", top=5)
    assert set(ranking["year"]) == {2024}
    assert ranking["homicide_rate"].is_monotonic_decreasing
    colima = by_state[(by_state["state"] == "Colima") & (by_state["year"] == 2024)]["homicide_rate"].iloc[0]
    assert ranking["homicide_rate"].iloc[0] >= colima
    assert violence.state_ranking(by_state, "2015-06-30").empty


def test_instrument_matrix_before_any_sanctions_example(fto):
    matrix = designations.instrument_matrix(
        fto, data.load("designations_2025"), data.load("cartel_sanctions_rewards"), data.load("boat_strikes"),
        data.load("ofac_fto_tags"), "1999-01-01")
    # ELN, FARC, Shining Path and, until 1999 and 2001, Chile's FPMR/D and Peru's MRTA.
    abbreviations = sorted(matrix["group"].str.extract(r"\(([\w/]+)\)$")[0])
    assert abbreviations == ["ELN", "FARC", "FPMR/D", "MRTA", "SL"]
    assert matrix["OFAC sanctions"].isna().all()


# Invented announcements (not real strikes), one per class of target.
ANNOUNCEMENTS = pd.DataFrame({
    "strike_id": ["A001", "A002", "A003", "A004", "A005", "A006"],
    "date": pd.to_datetime(["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2024-06-01"]),
    "claimed_affiliation": ["Tren de Aragua", "Designated Terrorist Organizations (unnamed)",
                            "unspecified (semi-submersible)", "Some Invented Gang", "", "Tren de Aragua"],
})


def test_announcements_are_classed_by_one_rule(fto):
    targets = designations.announcement_targets(ANNOUNCEMENTS, fto).set_index("strike_id")
    assert targets.loc["A001", "target"] == designations.NAMED_GROUP
    assert targets.loc["A001", "group"] == "Tren de Aragua (TdA)"
    assert targets.loc["A002", "target"] == designations.GENERIC
    assert targets.loc["A003", "target"] == designations.NOTHING
    assert targets.loc["A004", "target"] == designations.NAMED_OTHER
    assert targets.loc["A005", "target"] == designations.NOTHING
    # Named before the group was designated: not a designated group on that date.
    assert targets.loc["A006", "target"] == designations.NAMED_OTHER
    counts = designations.target_counts(targets)
    assert list(counts) == list(designations.TARGET_CLASSES) and sum(counts.values()) == len(ANNOUNCEMENTS)


def test_real_announcements_add_up_and_agree_with_the_matrix(fto):
    strikes = data.load("boat_strikes")
    confirmed = reconciliation.confirmed(strikes)
    targets = designations.announcement_targets(confirmed, fto)
    counts = designations.target_counts(targets)
    assert sum(counts.values()) == len(confirmed) == 48
    assert (counts[designations.NAMED_GROUP], counts[designations.GENERIC], counts[designations.NOTHING]) == (3, 31, 14)
    matrix = designations.instrument_matrix(fto, data.load("designations_2025"), data.load("cartel_sanctions_rewards"),
                                            strikes, data.load("ofac_fto_tags"), "2026-08-20")
    assert matrix["Strikes attributed"].sum() == counts[designations.NAMED_GROUP]
    clause = designations.describe_targets(targets)
    assert clause.startswith("3 named a designated group (Tren de Aragua twice, National Liberation Army once), 31 ")
    assert clause.endswith("and 14 named no group at all")


def test_every_kind_on_the_list_is_counted(fto):
    listed = fto_list.on_list(fto, "2026-08-20")
    kinds = listed["kind"].value_counts()
    assert set(kinds.index) == {"ideological", "criminal", "state_entity"}
    assert (kinds["ideological"], kinds["criminal"], kinds["state_entity"]) == (79, 20, 1)
    assert kinds.sum() == len(listed) == 100
