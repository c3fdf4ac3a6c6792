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
