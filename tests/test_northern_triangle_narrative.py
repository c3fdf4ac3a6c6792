"""Narrative sentences on tiny labelled fixtures (test data, not real figures)."""

import pandas as pd
import pytest

from hemisphere.northern_triangle import analysis, narrative


def test_aid_title_compares_the_window_ends_and_handles_one_year():
    closed = pd.Series({2016: 100.0, 2019: 50.0})
    assert narrative.aid_title(closed, "Mexico") == "Aid obligated to Mexico fell 50% from FY2016 to FY2019"
    assert narrative.aid_title(pd.Series({2019: 50e6}), "Mexico") == "Aid obligated to Mexico in FY2019: $50 million"
    with pytest.raises(analysis.AnalysisError):
        narrative.aid_title(pd.Series(dtype=float), "Mexico")


def test_homicide_endpoints_stay_within_one_source():
    rates = pd.DataFrame({"country": ["A"] * 4, "year": [2015, 2020, 2023, 2024],
                          "source": ["UNODC", "UNODC", "UNODC", "National figures (press compilation)"],
                          "rate_per_100k": [40.0, 30.0, 20.0, 10.0]})
    ends = narrative.single_source_ends(rates)
    assert ends.loc[0, "source"] == "UNODC" and ends.loc[0, "last_year"] == 2023
    title = narrative.homicide_title(ends, "A", 2015, 2024)
    assert "20.0" in title and "10.0" not in title and "UNODC" in title
    sentence = narrative.homicide_sentence("A", rates)
    assert "not comparable" in sentence and "2024" in sentence


def test_one_year_homicide_sentence():
    rates = pd.DataFrame({"country": ["A"], "year": [2019], "source": ["UNODC"], "rate_per_100k": [25.9]})
    assert narrative.homicide_sentence("A", rates) == "A: 25.9 per 100,000 in 2019, according to UNODC."


def test_fy2018_cut_uses_one_measure():
    budget = pd.DataFrame({"fiscal_year": [2017, 2017, 2018], "stage": ["enacted", "enacted", "request"],
                           "source": ["CRS", "El Salvador government", "Associated Press"],
                           "amount_usd": [750e6, 655e6, 460e6], "qualifier": [None, None, "about"]})
    assert narrative.fy2018_cut(budget) == pytest.approx(460 / 750 - 1)
    sentence = narrative.fy2018_request_sentence(budget)
    assert "39% below the $750 million" in sentence and "655" not in sentence


def test_tps_other_countries_and_recent_months():
    decisions = pd.DataFrame({"country": ["Honduras", "Haiti"]})
    assert narrative.tps_other_countries(decisions, ["Honduras"]).startswith("The TPS record also holds Haiti,")
    assert narrative.tps_other_countries(decisions, ["Honduras", "Haiti"]) is None
    recent = pd.Series({pd.Timestamp("2025-09-01"): 8386.0})
    assert "September 2025 (8,386)" in narrative.recent_months_sentence(recent, pd.Timestamp("2025-08-01"))
    assert narrative.recent_months_sentence(recent, pd.Timestamp("2025-09-01")) is None


def test_tps_sentences_singular_and_plural():
    T = pd.Timestamp
    rows = pd.DataFrame({"country": ["Honduras", "Honduras", "Nicaragua"],
                         "action": ["termination_announced", "court_stay", "court_stay_lifted"],
                         "decision_date": [T("2025-07-08"), T("2025-07-31"), T("2025-08-20")]})
    assert narrative.tps_title(rows, 2025, 2025) == "1 TPS termination announced for Honduras in 2025"
    sentence = narrative.court_sentence(rows)
    assert "1 court ruling halted" in sentence and "1 higher-court stay let it take effect" in sentence
    assert narrative.court_sentence(rows.iloc[:1]) is None
    assert "newest ruling of either kind" not in sentence  # the lifted stay is itself the newest
    later = pd.concat([rows, pd.DataFrame({"country": ["Venezuela"], "action": ["court_stay"],
                                           "decision_date": [T("2025-12-31")]})])
    assert ("the latest on 20 August 2025; the newest ruling of either kind, on 31 December 2025, halted the "
            "termination for Venezuela.") in narrative.court_sentence(later)


def test_removals_and_gaps_wording():
    totals = pd.Series({2019: 100.0})
    assert narrative.removals_title(totals, "Mexico") == "ICE removals to Mexico in FY2019: 100"
    assert narrative.removals_extremes(totals, "Mexico", 1) is None
    two = pd.Series({2018: 100.0, 2019: 50.0})
    assert "to it in FY2018" in narrative.removals_extremes(two, "Mexico", 1)
    assert narrative.gaps_sentence(["A", "B"]) == "The sources gathered for this chapter do not give A or B."
    assert narrative.gaps_sentence(["A", "B", "C"]).endswith("A; B; or C.")


def test_obligations_cut_is_one_measure():
    """Fixture: FY2015-FY2017 at 100 a year, FY2018-FY2020 at 60: a 40% fall, named the same way everywhere."""
    rows = [{"country": "Honduras", "fiscal_year": year, "measure": "obligations",
             "amount_usd": 100e6 if year <= 2017 else 60e6} for year in range(2015, 2021)]
    us_aid = pd.DataFrame(rows)
    assert analysis.obligations_cut(us_aid, ["Honduras"])["change"] == pytest.approx(-0.4)
    sentence = narrative.obligations_cut_sentence(us_aid, ["Honduras"], 2000, 2025)
    assert "40% below the $100 million a year of FY2015-FY2017" in sentence and "region-wide" in sentence
    assert narrative.obligations_cut_sentence(us_aid, ["Honduras"], 2016, 2025) is None


def test_budget_title_stays_within_one_source():
    budget = pd.DataFrame({"fiscal_year": [2016, 2017, 2021, 2017], "stage": ["enacted"] * 4,
                           "source": ["El Salvador government", "CRS", "CRS", "El Salvador government"],
                           "amount_usd": [750e6, 750e6, 505.9e6, 655e6], "qualifier": [None] * 4})
    title = narrative.budget_title(budget, [])
    assert title == "Region-wide funding enacted fell 33% from FY2017 to FY2021 according to CRS"


def test_early_2017_sentences_on_a_fixture():
    """Fixture months (test data): a 70% fall Dec-Mar, 70% year on year, then a rebound."""
    T = pd.Timestamp
    values = {T("2015-12-01"): 100.0, T("2016-03-01"): 95.0, T("2016-04-01"): 100.0, T("2016-12-01"): 100.0,
              T("2017-01-01"): 90.0, T("2017-03-01"): 30.0, T("2017-04-01"): 30.0, T("2017-12-01"): 60.0}
    for month in pd.date_range("2017-02-01", "2017-11-01", freq="MS"):
        values.setdefault(month, 50.0)
    series = pd.Series(values).sort_index()
    checks = analysis.early_2017_comparisons(series)
    sentences = narrative.early_2017_sentences(checks, T("2017-04-16"), 0.7, 0.05)
    assert "On those two comparisons the claim holds." in sentences[1]
    assert "rose 100%" in sentences[2] and "the one earlier year this comparison uses" in sentences[2]
    assert list(narrative.early_2017_table(checks)["change"])[0] == "−70%"


def test_recent_months_sentence_plural():
    recent = pd.Series({pd.Timestamp("2025-09-01"): 8386.0, pd.Timestamp("2025-10-01"): 7989.0})
    text = narrative.recent_months_sentence(recent, pd.Timestamp("2025-08-01"))
    assert "the totals for September 2025 (8,386) and October 2025 (7,989) come from" in text and "have no" in text


def test_stage_sentences_on_a_fixture():
    both = pd.DataFrame({"budget_request": [10e6, 20e6], "appropriated_and_planned": [15e6, 10e6]},
                        index=pd.Index([2018, 2020], name="fiscal_year"))
    assert narrative.stages_title(both, "A", 2018, 2020) == "Appropriations exceeded the request in 1 of 2 fiscal years with both figures"
    assert narrative.stages_title(both.iloc[:1], "A", 2018, 2018).endswith("1 of 1 fiscal year with both figures")
    sentence = narrative.first_term_stages_sentence(both, range(2018, 2021), "A", region_shown=False)
    assert "FY2018 and FY2020" in sentence and "FY2019 lacks one of the two figures and is left out" in sentence
    assert "region-wide" not in sentence
    assert narrative.first_term_stages_sentence(both, range(2012, 2016), "A", True) is None
    assert narrative.missing_appropriations_sentence([2019]).endswith("when only a regional amount was recorded.")
    assert narrative.missing_appropriations_sentence([]) is None


def test_budget_sentences_keep_every_source():
    budget = pd.DataFrame({"fiscal_year": [2017, 2017, 2017], "stage": ["request", "enacted", "enacted"],
                           "source": ["Crónica (Guatemala)", "CRS", "El Salvador government"],
                           "amount_usd": [750e6, 750e6, 655e6], "qualifier": [None, None, None]})
    sentence = narrative.budget_comparison_sentence(budget, [2017])
    assert "$750 million enacted according to CRS, $655 million according to the Salvadoran government's planning secretariat" in sentence
    conflicts = analysis.budget_conflicts(budget)
    assert narrative.conflict_sentences(conflicts)[0].startswith("The sources disagree on the FY2017 enacted amount: CRS gives")
    assert narrative.budget_comparison_sentence(budget, []) is None


def test_cutoff_years_sentence_needs_both_years():
    closed = pd.Series({2016: 500e6, 2019: 316e6})
    assert narrative.cutoff_years_sentence(closed, "A").startswith("In FY2016, a year of Obama-era budgets, $500 million")
    assert narrative.cutoff_years_sentence(closed.loc[[2016]], "A") is None


def test_budget_lines_outside_the_period_are_said_not_drawn():
    budget = pd.DataFrame({"fiscal_year": [2016, 2017, 2018, 2021], "stage": ["request"] * 4})
    sentence = narrative.budget_outside_window_sentence(budget, 2013, 2013)
    assert sentence == ("The region-wide budget lines gathered for this report cover FY2016-FY2018 and FY2021; none "
                        "falls in the chosen period (FY2013), so they are not drawn.")
    assert "FY2000-FY2005" in narrative.budget_outside_window_sentence(budget, 2000, 2005)


def test_recent_months_sentence_names_who_reported():
    recent = pd.Series({pd.Timestamp("2025-11-01"): 7350.0})
    text = narrative.recent_months_sentence(recent, pd.Timestamp("2025-08-01"), [
        "CBP monthly release (copy of CBP's press release)", "CBP monthly release as reported by dpa-AFX"])
    assert "comes from reports of CBP's monthly releases (copies of CBP's press releases and dpa-AFX) and has no" in text
    assert "WOLA" not in text


def test_beyond_window_sentence():
    total = pd.Series({pd.Timestamp("2025-09-01"): 8386.0, pd.Timestamp("2026-01-01"): 6070.0})
    text = narrative.beyond_window_sentence(total, pd.Timestamp("2025-09-30"))
    assert "`end_year`" not in text and "past the window" in text and "to January 2026, with 6,070 encounters that month" in text
    assert narrative.beyond_window_sentence(total, pd.Timestamp("2026-09-30")) is None


def test_outside_triangle_sentence_names_only_the_chosen():
    one = narrative.outside_triangle_sentence(["Mexico"], "the register")
    assert one.startswith("Mexico, the country this run follows, is not in the Northern Triangle")
    assert "Guatemala" not in one and "countries=" in one
    many = narrative.outside_triangle_sentence(["Mexico", "Panama"], "the register")
    assert many.startswith("None of the countries this run follows (Mexico and Panama) is in the Northern Triangle")
    assert narrative.outside_triangle_sentence([], "the register").startswith("No country is shown")


HOMICIDE_FIXTURE = pd.DataFrame({
    "country": ["Guatemala", "Guatemala", "Honduras", "Honduras", "El Salvador", "Guatemala"],
    "year": [2024, 2025, 2024, 2025, 2025, 2025],
    "source": ["National figures (press compilation)", "National figures (press compilation)",
               "National figures (press compilation)", "InSight Crime", "InSight Crime", "UNODC"],
    "rate_per_100k": [16.1, 17.3, 25.3, 23.2, 1.3, 99.0]})


def test_national_moves_sentence_lists_every_country_and_never_compares_two_sources():
    text = narrative.national_moves_sentence(HOMICIDE_FIXTURE, ["Guatemala", "Honduras", "El Salvador"], 2024, 2025)
    assert "Guatemala 16.1 to 17.3 (national figures compiled from press reports)" in text
    assert "Honduras 25.3 (national figures compiled from press reports) and 23.2 (InSight Crime), two sources" in text
    assert text.endswith("no figure for both years is held for El Salvador")
    assert "99" not in text  # UNODC is the other series, not these


def test_national_moves_sentence_one_country_and_none():
    text = narrative.national_moves_sentence(HOMICIDE_FIXTURE, ["Guatemala"], 2024, 2025)
    assert text.endswith("Guatemala 16.1 to 17.3 (national figures compiled from press reports)")
    assert narrative.national_moves_sentence(HOMICIDE_FIXTURE, ["El Salvador"], 2024, 2025) is None
