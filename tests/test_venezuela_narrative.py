"""Sentences and titles of the Venezuela chapter on tiny labelled fixtures and the real tables."""

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.venezuela import analysis, narrative
from venezuela_fixtures import designations as _designations



TWO_PROGRAMS = _designations([
    ("2019-01-28", "VENEZUELA-EO13850", 10, 0, 10, 0, "EO 13850", "PdVSA"),
    ("2019-03-01", "VENEZUELA", 6, 6, 0, 0, "EO 13692", "Six officers"),
    ("2020-06-18", "VENEZUELA", 5, 5, 0, 0, "EO 13692", ""),
])


def test_title_names_the_program_the_legend_puts_first():
    # EO 13692 has 11 against 10: the title must name it, as the legend (ordered by totals) does.
    title = narrative.designations_title(TWO_PROGRAMS)
    assert "EO 13692 (VENEZUELA): 11" in title and title.startswith("21 designations")
    assert analysis.program_totals(TWO_PROGRAMS).index[0] == "VENEZUELA"
    assert "16 of them in 2019" in title


def test_title_for_one_program_and_one_year():
    one = TWO_PROGRAMS.iloc[:1]
    title = narrative.designations_title(one)
    assert title == "10 designations in the sourced actions; all under EO 13850 (sectors)"


def test_real_title_agrees_with_the_chart_legend_order():
    actions = data.load("ofac_actions")
    programs = ["VENEZUELA", "VENEZUELA-EO13850", "VENEZUELA-EO13884", "SDNTK", "SDGT", "FTO"]
    chosen = analysis.designation_actions(actions, programs, "2015-01-01", "2026-08-31")
    totals = analysis.program_totals(chosen)
    assert narrative.program_label(totals.index[0]) in narrative.designations_title(chosen)
    assert totals.iloc[0] == totals.max()


def test_sentence_grammar_singular_and_empty():
    text = narrative.designations_sentence(TWO_PROGRAMS.iloc[:1], ["VENEZUELA-EO13850"], "2019-01-01", "2019-12-31")
    assert "1 designation action under EO 13850 (sectors)" in text and "10 entities" in text
    assert "vessels or aircraft" not in text and "(Venezuela, Venezuela)" not in text  # zero kinds left out
    empty = narrative.designations_sentence(TWO_PROGRAMS.iloc[:0], ["FTO"], "2016-01-01", "2016-01-01")
    assert empty.startswith("No designation action under Foreign Terrorist Org. (FTO) is recorded on 1 January 2016")


def test_overview_finding_leads_with_the_list_count():
    text = narrative.overview_finding()
    assert text.startswith("OFAC's SDN list of 20 August 2026 holds 444 Venezuela-related entries")
    assert "not a total" in text and "sourced designation actions" in text


def test_removed_sentence_singular():
    removed = pd.DataFrame({"sdn_type": ["individual"]})
    text = narrative.removed_sentence("2021-08-18", "2024-05-03", 1, removed)
    assert "1 Venezuela-related entry was newly listed and 1 entry left" in text
    assert "(1 of them an individual)" in text


def _crude(rows):
    frame = pd.DataFrame(rows, columns=["period", "frequency", "reporter", "value"])
    frame["unit"] = analysis.KBD
    return analysis.crude_points(frame, "2015-01-01", "2026-12-31")


def test_oil_sentence_compares_each_basis_with_itself():
    points = _crude([("2017", "year", analysis.OPEC_INDEPENDENT, 1900), ("2023", "year", analysis.OPEC_INDEPENDENT, 749),
                     ("2024", "year", analysis.OPEC_OFFICIAL, 921)])
    text = narrative.oil_sentence(points, "2015-01-01", "2026-12-31")
    assert "fell 61% from 1,900" in text and "direct communication" not in text
    assert narrative.oil_title(points) == ("Average crude output fell 61% from 2017 to 2023, the newest annual average held on OPEC's "
                                           "independent estimates")
    alone = points[points["reporter"] == analysis.OPEC_INDEPENDENT]
    assert narrative.oil_title(alone) == "Average crude output fell 61% from 2017 to 2023 on OPEC's independent estimates (annual averages)"


def test_gap_sentence_counts_the_periods_given():
    gaps = pd.DataFrame({"period": ["2024-04"], "official_kbd": [878], "independent_kbd": [809], "gap_kbd": [69]})
    text = narrative.gap_sentence(gaps)
    assert "(1 period within the chapter's dates)" in text and "higher in it" in text and "5 months" not in text
    assert narrative.gap_sentence(gaps.iloc[:0]).startswith("No month or year")


def test_rewards_title_counts_the_raises():
    steps = analysis.reward_steps(data.load("rewards"))
    assert narrative.rewards_title(steps, "2026-08-31", "2026-01-03") == (
        "The reward for Maduro was raised twice, to $50 million, before his capture")
    early = steps[steps["date"] <= "2020-12-31"]
    assert narrative.rewards_title(early, "2020-12-31", "2026-01-03") == "By December 2020 the reward for Maduro stood at $15 million"
    assert "6 people" in narrative.rewards_sentence(steps, pd.Timestamp("2026-08-31"))


def test_diaspora_uses_the_platform_count_only():
    totals = analysis.platform_totals(data.load("migrants_refugees"))
    assert set(totals["indicator"]) == {analysis.PLATFORM_TOTAL}
    assert totals["persons"].iloc[-1] == 7_891_000
    assert narrative.diaspora_title(totals.iloc[:1]).startswith("Venezuelans abroad: too few")


def test_prisoners_sentence_keeps_counters_apart():
    text = narrative.prisoners_sentence(data.load("prisoner_releases"))
    assert "Foro Penal verified 448 releases" in text and "not added" in text


@pytest.mark.parametrize("kind, count, expected", [("aircraft", 1, "1 aircraft"), ("entity", 2, "2 entities"),
                                                   ("vessel", 1, "1 vessel")])
def test_counted_nouns(kind, count, expected):
    assert narrative.counted(count, kind) == expected


def test_overview_glance_is_the_list_count():
    assert narrative.overview_glance() == "the SDN list held 444 Venezuela-related entries in August 2026"


def _count(total, tagged):
    return {"snapshot": pd.Timestamp("2026-08-20"), "entries_total": 19_249, "venezuela_related": total,
            "tagged": tagged, "untagged": total - tagged, "by_type": {"individual": total}}


def test_sdn_headline_names_both_counts_and_why_they_differ():
    text = narrative.sdn_headline(_count(444, 409))
    assert "holds 444 Venezuela-related entries" in text
    assert "Of the 444, 409 are listed under a Venezuela sanctions program" in text
    assert "35 under narcotics or terrorism programs only" in text
    assert "All of them are listed under a Venezuela" in narrative.sdn_headline(_count(3, 3))
    one = narrative.sdn_headline(_count(1, 1))
    assert "holds 1 Venezuela-related entry (1 individual)" in one and "It is listed under" in one
    assert "1 is listed under" in narrative.sdn_headline(_count(2, 1))
    assert "None is listed under" in narrative.sdn_headline(_count(2, 0))


def test_overview_finding_states_the_rule_for_the_action_count():
    text = narrative.overview_finding()
    assert "Of the 444, 409 are listed under a Venezuela sanctions program" in text
    assert ("the 40 sourced designation actions gathered for this chapter (actions that designated people or "
            "property under the Venezuela, narcotics and terrorism programs; orders that named no one, rewards and "
            "licences left out) state 306 designations") in text


def test_actions_rule_follows_the_programs_chosen():
    assert "(terrorist designations included)" in narrative.actions_rule(["VENEZUELA", "FTO"])
    only = narrative.actions_rule(["SDNTK"])
    assert "under Kingpin Act (SDNTK);" in only and "terrorist" not in only
    assert narrative.program_families(["VENEZUELA", "VENEZUELA-EO13850"]) == "the Venezuela programs"
    assert narrative.program_families(["SDNTK"]) == "the narcotics program"


def test_missing_sentence_dates_come_from_the_tables():
    platform = pd.DataFrame({"date": pd.to_datetime(["2024-08-31", "2024-11-30"])})
    releases = pd.DataFrame({"date": pd.to_datetime(["2026-02-25"])})
    text = narrative.missing_sentence(platform, releases, pd.Timestamp("2026-08-20"))
    assert "no count of Venezuelans abroad after November 2024" in text
    assert "of political prisoners after February 2026" in text and "copy of 20 August 2026" in text
    assert "after" not in narrative.missing_sentence(platform.iloc[:0], releases.iloc[:0], pd.Timestamp("2026-08-20"))


def test_reader_labels_for_codes():
    assert narrative.program_labels("SDGT; VENEZUELA-EO13850") == "EO 13224 (SDGT); EO 13850 (sectors)"
    assert narrative.release_measure("political_prisoners_held") == "political prisoners still held"


def test_programs_without_actions_are_joined_by_or():
    text = narrative.designations_sentence(TWO_PROGRAMS.iloc[:1], ["VENEZUELA-EO13850", "SDGT", "FTO"],
                                           "2019-01-01", "2019-12-31")
    assert "No action under EO 13224 (SDGT) or Foreign Terrorist Org. (FTO) falls in the period chosen." in text
    assert "several of these programs" not in narrative.actions_rule(["SDNTK"])


def test_a_second_monitor_is_named_apart_from_foro_penal():
    releases = data.load("prisoner_releases")
    jep = releases[releases["counter"] == "Justicia, Encuentro y Perdon"]
    # EFE, 3 March 2026: 603 releases confirmed from 8 January to 2 March.
    assert jep[["date", "persons"]].values.tolist() == [[pd.Timestamp("2026-03-02"), 603]]
    held = releases[(releases["counter"] == "Foro Penal") & (releases["date"] == pd.Timestamp("2026-02-02"))]
    assert held["persons"].tolist() == [687]  # EFE via ABC Color, 4 Feb 2026
    text = narrative.prisoners_sentence(releases)
    assert "Foro Penal verified 448 releases" in text
    assert "Justicia, Encuentro y Perdon, a second monitor, confirmed 603 releases between 8 January and 2 March 2026" in text
    assert "Foro Penal verified 603" not in text


def test_diaspora_compares_r4v_only_and_shows_the_agency_statements_apart():
    migrants = data.load("migrants_refugees")
    r4v = analysis.r4v_counts(migrants)
    assert set(r4v["publisher_of_figure"]) == {"R4V"}
    title = narrative.diaspora_title(r4v)
    assert title == "Venezuelans abroad rose from 6.0 million in 2021 to 7.9 million in 2024 on R4V's count"
    statements = analysis.agency_statements(migrants)
    text = narrative.statements_sentence(statements)
    assert "0.7 million (December 2015; known only from a repost, low confidence)" in text
    assert narrative.statements_sentence(statements.iloc[1:2]).startswith("Before R4V's own counts, UNHCR and IOM's joint statement gave 3.0")
    assert narrative.statements_sentence(statements.iloc[:0]) == ""


def test_sdn_headline_states_the_lower_bound_of_a_copy_without_remarks():
    count = analysis.sdn_count(data.load("sdn_entries"), data.load("sdn_snapshots"), "2026-08-20")
    text = narrative.sdn_headline(count, later_terror=7)
    assert "The count is a lower bound" in text and "after the copy of 3 May 2024" in text and "7 individuals" in text
    earlier = analysis.sdn_count(data.load("sdn_entries"), data.load("sdn_snapshots"), "2024-05-03")
    assert "lower bound" not in narrative.sdn_headline(earlier)
    assert "1 individual under" in narrative.remarks_limit(count, 1)


def test_rewards_sentence_says_why_the_undated_offer_is_left_out():
    rewards = data.load("rewards")
    steps = analysis.reward_steps(rewards)
    text = narrative.rewards_sentence(steps, pd.Timestamp("2026-08-31"), undated=rewards[rewards["date"].isna()])
    assert "1 further offer (on Samark Jose Lopez Bello) is known by year alone" in text
    early = narrative.rewards_sentence(steps[steps["date"] <= "2019-12-31"].iloc[:0].pipe(lambda t: steps.iloc[:1]),
                                       pd.Timestamp("2019-12-31"), undated=rewards[rewards["date"].isna()])
    assert "further offer" not in early
    assert narrative.previous_offer(0) == "none" and narrative.previous_offer(15_000_000) == "15,000,000"


def test_prisoners_sentence_says_which_counts_are_low_confidence():
    text = narrative.prisoners_sentence(data.load("prisoner_releases"))
    assert "counted 644 still held on 19 February 2026 (low confidence" in text
    assert "confirmed 603 releases between 8 January and 2 March 2026 (low confidence" in text
    assert "verified 448 releases of political prisoners between 8 January and 19 February 2026," in text
