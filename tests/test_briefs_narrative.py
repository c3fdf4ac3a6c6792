"""Brief sentences on tiny labelled fixtures (invented numbers): plurals, one year, nothing at all."""

import pandas as pd

from hemisphere.briefs import analysis, narrative

# FIXTURE: labelled test data, not real figures.
AID = pd.DataFrame({"fiscal_year": [2018, 2019, 2020], "obligations": [2e6, 5e6, 1e6],
                    "disbursements": [1e6, 1e6, 1e6], "appropriated_and_planned": [None] * 3,
                    "partial_year": [False, False, True]})
HOMICIDE = pd.DataFrame({"year": [2019, 2020], "rate_per_100k": [30.0, 12.0], "regional_median": [15.0, 14.0],
                         "countries_reporting": [20, 1]})
BORDER = pd.DataFrame({"fiscal_year": [2019, 2020], "encounters": [1, 300], "southwest_border_share": [1.0, 0.5]})


def test_aid_headline_names_total_and_peak():
    text = narrative.aid_headline("Peru", AID, 2017, 2026)
    assert text == "US agencies obligated $7 million to Peru over FY2018-FY2019, the most in FY2019 ($5 million)."


def test_aid_headline_for_one_year_and_for_nothing():
    one = narrative.aid_headline("Peru", AID[AID["fiscal_year"] == 2018], 2018, 2018)
    assert one == "US agencies obligated $2 million to Peru in FY2018."
    none = narrative.aid_headline("Peru", AID.iloc[0:0], 2018, 2018)
    assert none == "ForeignAssistance.gov records no complete year of US obligations to Peru in FY2018."


def test_homicide_headline_says_above_or_below_and_how_many_reported():
    text = narrative.homicide_headline("Peru", HOMICIDE, 2019, 2020)
    assert "12.0 per 100,000 in 2020" in text and "below" in text and "(14.0)" in text
    assert narrative.homicide_headline("Peru", HOMICIDE.iloc[0:0], 2019, 2019) == \
        "UNODC has no homicide rate for Peru in 2019."


def test_border_headline_singular_and_empty():
    assert narrative.border_headline("Peru", BORDER.iloc[:1], 2019, 2019) == \
        "Border Patrol recorded 1 encounter with citizens of Peru in FY2019."
    assert "peaked at 300 in FY2020" in narrative.border_headline("Peru", BORDER, 2019, 2020)
    assert narrative.border_headline("Peru", BORDER.iloc[0:0], 2019, 2020).startswith("DHS reports no Border Patrol")


def _empty_inputs():
    return {
        "majors": pd.DataFrame({"fiscal_year": [], "listed": [], "failed_demonstrably": []}),
        "designations": pd.DataFrame({"organization": [], "date": pd.Series([], dtype="datetime64[ns]")}),
        "tps": pd.DataFrame(),
    }


def test_lists_headline_says_plainly_when_there_is_nothing():
    text = narrative.lists_headline("Uruguay", _empty_inputs(), 2017, 2026)
    assert text.startswith("Uruguay was not on the majors list in FY2017-FY2026")


def test_lists_headline_with_one_group():
    inputs = _empty_inputs()
    inputs["designations"] = pd.DataFrame({"organization": ["Group A"], "date": pd.to_datetime(["2025-02-20"])})
    assert narrative.lists_headline("Peru", inputs, 2017, 2026) == "Peru was home to 1 designated group."


def test_designations_sentence_singular():
    groups = pd.DataFrame({"organization": ["Group A"], "date": pd.to_datetime(["2025-02-20"])})
    assert narrative.designations_sentence("Peru", groups) == \
        "1 group designated by the US as a terrorist organization operates in Peru, designated in 2025 or later."


def test_events_headline_one_event_and_none():
    one = pd.DataFrame({"date": pd.to_datetime(["2025-05-02"]), "kind": ["designation"]})
    assert narrative.events_headline("Haiti", one, 2017, 2026) == \
        "The events register holds 1 US policy event for Haiti, of the kind 'designation', on 2 May 2025."
    assert narrative.events_headline("Haiti", one.iloc[0:0], 2017, 2017) == \
        "The events register holds no US policy event for Haiti in 2017."


def test_absent_sentence_lists_what_is_missing():
    text = narrative.absent_sentence("Uruguay", ["tps", "crops"])
    assert text == ("The stored tables hold nothing for Uruguay under Temporary Protected Status decisions and "
                    "coca or opium poppy estimates, so those sections are left out.")
    assert narrative.absent_sentence("Mexico", []) == "Every section has data for Mexico."


def test_five_headlines_for_every_country_name_only_that_country():
    from hemisphere.briefs import countries

    tables = analysis.load_tables()
    names = countries.names()
    for country in names:
        inputs = analysis.country_inputs(tables, country, 2017, 2026)
        lines = narrative.headlines(country, inputs, 2017, 2026)
        assert len(lines) == 5
        text = " ".join(lines).replace(country, "")
        others = [other for other in names if other != country and other in text]
        assert others == [], f"{country}: headlines name {others}"


def test_ofac_sentence_names_what_the_count_counts():
    # Labelled fixture: one SDN copy with 409 entries under a Venezuela program, no group actions.
    found = {"sdn_by_snapshot": pd.DataFrame({"snapshot_date": [pd.Timestamp("2026-08-20")], "entries": [409]}),
             "group_sanctions": pd.DataFrame(columns=["date"])}
    text = narrative.ofac_sentence("Venezuela", found)
    assert "held 409 entries under a Venezuela sanctions program" in text
    assert "Venezuela-related entries" not in text  # the chapter's 444 counts those
    one = {**found, "sdn_by_snapshot": found["sdn_by_snapshot"].assign(entries=[1])}
    assert "held 1 entry under" in narrative.ofac_sentence("Venezuela", one)
