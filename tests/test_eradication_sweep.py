"""Issue 13: the eradication chapter's sentences and charts are true for every allowed value.

One-year periods must not state the halving plan's 2017-2023 figures, the FY2018 determination of
September 2017 or another year's overdose deaths; Peru and Bolivia charts carry no Colombian badge.
"""

import re

import pandas as pd

from hemisphere.eradication import analysis, demand_narrative, figures, narrative

YEAR = re.compile(r"(?<![\w-])(19[5-9]\d|20[0-4]\d)(?![\w])")


def _years(text: str) -> set[int]:
    return {int(year) for year in YEAR.findall(text)}


def _series(values: dict) -> pd.Series:
    return pd.Series(values, dtype=float)


UNODC_AREA = _series({2012: 48000, 2016: 146000, 2017: 171000, 2020: 143000, 2021: 204000, 2024: 261000})
MAJORS = pd.DataFrame({
    "fiscal_year": [2018, 2018, 2026, 2026], "country": ["Bolivia", "Colombia", "Bolivia", "Colombia"],
    "listed": [True] * 4, "failed_demonstrably": ["yes", "no", "yes", "yes"],
    "national_interest_waiver": ["no", "not applicable", "yes", "yes"],
})


def test_directions_cut_to_the_period_leave_out_administrations_outside_it():
    table = narrative.direction_by_administration({analysis.UNODC: UNODC_AREA}, last_year=2012, first_year=2012)
    assert table.empty and {"administration", "data_years", "direction"} <= set(table.columns)
    text = narrative.directions_sentence(table, "Colombia")
    assert narrative.opposite_directions_title(table, "Colombia") is None
    assert _years(text) == set() and "period chosen" in text
    one_year = narrative.direction_by_administration({analysis.UNODC: UNODC_AREA}, last_year=2024, first_year=2024)
    assert list(one_year["administration"]) == ["Biden"] and one_year["data_years"].iloc[0] == "2024"
    assert _years(narrative.directions_sentence(one_year, "Colombia")) == {2024}


def test_directions_without_a_period_are_unchanged():
    table = narrative.direction_by_administration({analysis.UNODC: UNODC_AREA}, last_year=2024)
    assert list(table["administration"]) == ["Trump I", "Biden", "Trump II"]
    assert table.loc[0, "data_years"] == "2017-2020"


def test_majors_sentences_follow_the_period():
    whole = narrative.majors_sentences(MAJORS, "Colombia")
    assert narrative.majors_sentences(MAJORS, "Colombia", start_year=2001, end_year=2025) == whole
    assert "September 2017" in whole and "FY2026" in whole
    late_only = narrative.majors_sentences(MAJORS, "Bolivia", start_year=2024, end_year=2024)
    assert "September 2017" not in late_only and "FY2026" in late_only
    outside = narrative.majors_sentences(MAJORS, "Colombia", start_year=2012, end_year=2012)
    assert _years(outside) == set() and "outside the period chosen" in outside and "`" not in outside


def test_halving_pointer_and_empty_findings_for_one_year():
    pointer = narrative.halving_plan_pointer(2019, 2019)
    assert "does not cover" in pointer and "`" not in pointer and "2019-2019" not in pointer
    assert narrative.no_findings_sentence("Peru", 2019, 2019) == "The year 2019 holds too little data for Peru to state findings."
    assert narrative.no_findings_sentence("Peru", 2001, 2003).startswith("The period 2001-2003 holds")


def test_demand_sentences_name_no_year_outside_the_one_they_describe():
    assert _years(demand_narrative.synthetic_change(-35.6, 2024)) == {2024}
    grants = pd.DataFrame({"fiscal_year": [2017, 2019], "programme": ["STR", "SOR"],
                           "measure": ["awarded to states and territories", "total awards to states and territories in the year"],
                           "amount_usd": [485e6, 1.4e9], "source": ["a", "b"]})
    assert _years(demand_narrative.funding(57000, grants)) == set()


def test_peru_and_bolivia_charts_carry_no_colombian_event():
    ids = ["eradication_opioid_emergency_declared_2017", "eradication_colombia_decertification_threat_2017",
           "eradication_colombia_decertified_2025"]
    assert figures.marked_events(ids, "Peru") == ["eradication_opioid_emergency_declared_2017"]
    assert set(figures.marked_events(ids, "Colombia")) == set(ids)


def test_poppy_sentence_for_one_figure():
    text = narrative.poppy_sentence(_series({2012: 10500}))
    assert text == "The US estimate of Mexico's poppy is 10,500 hectares in 2012, its only figure in the years shown."


def test_no_figure_for_a_one_year_span_is_it_not_them():
    table = narrative.direction_by_administration({analysis.UNODC: UNODC_AREA, analysis.ONDCP: _series({2017: 209000})},
                                                  last_year=2024, first_year=2024)
    text = narrative.directions_sentence(table, "Colombia")
    assert "no figure for it" in text and "for them" not in text
