"""The eradication chapter's calculations, checked on published figures."""

import numpy as np
import pandas as pd
import pytest

from hemisphere import data
from hemisphere.eradication import analysis


@pytest.fixture(scope="module")
def cultivation():
    return data.load("coca_cultivation")


@pytest.fixture(scope="module")
def eradication():
    return data.load("coca_eradication")


@pytest.fixture(scope="module")
def production():
    return data.load("cocaine_production")


@pytest.fixture(scope="module")
def majors():
    return data.load("majors_list")


def test_unodc_colombia_cultivation_2016_and_2023(cultivation):
    """UNODC/SIMCI: 146,140 ha in 2016 and 252,572 ha in 2023."""
    series = analysis.cultivation_series(cultivation, "Colombia", analysis.UNODC)
    assert analysis.value_in(series, 2016) == 146140
    assert analysis.value_in(series, 2023) == 252572
    assert analysis.peak(series) == (2024, 261386)


def test_estimator_gap_colombia_2020(cultivation):
    """ONDCP 245,000 ha against UNODC 142,784 ha in 2020."""
    gap = analysis.estimator_gap(cultivation, "Colombia")
    assert gap.loc[2020, "gap"] == 245000 - 142784
    assert gap.loc[2020, "ratio"] == pytest.approx(245000 / 142784)
    assert gap.loc[2014, "ondcp"] == 112000  # ONDCP 2014, from the AP report of the May 2015 release


def test_unknown_country_is_a_clear_error(cultivation):
    with pytest.raises(analysis.SeriesError, match="Ecuador.*Bolivia, Colombia, Peru"):
        analysis.cultivation_series(cultivation, "Ecuador", analysis.UNODC)


def test_missing_year_names_the_years_available(cultivation):
    series = analysis.cultivation_series(cultivation, "Peru", analysis.UNODC)
    with pytest.raises(analysis.SeriesError, match="2023.*2009-2020"):
        analysis.value_in(series, 2023)


def test_eradication_series_combines_and_prefers_the_annex(eradication):
    series = analysis.eradication_series(eradication, "Colombia")
    assert series.loc[2004, "hectares"] == 136550 + 2589       # aerial + manual, UNODC 2005 survey
    assert series.loc[2012, "hectares"] == pytest.approx(131004.75)  # annex total, not the components
    assert series.loc[2019, "hectares"] == 94606                # annex preferred to the Ministry's 94,670
    assert series.loc[2021, "lower_bound"]
    assert 2025 not in series.index                               # January-September only


def test_eradication_and_next_year_change_colombia_2016(cultivation, eradication):
    """17,642 ha eradicated in 2016; coca grew from 146,140 to 171,495 ha by 2017."""
    series = analysis.cultivation_series(cultivation, "Colombia", analysis.UNODC)
    paired = analysis.eradication_and_next_change(series, analysis.eradication_series(eradication, "Colombia"))
    assert paired.loc[2016, "eradicated"] == 17642
    assert paired.loc[2016, "cultivation_change_next_year"] == 171495 - 146140
    r, years = analysis.correlation(paired)
    assert years == len(paired) and -1 <= r <= 1


def test_correlation_refuses_fewer_than_three_years():
    fixture = pd.DataFrame({"a": [1.0, 2.0], "b": [2.0, 1.0]})  # tiny fixture, not data
    with pytest.raises(analysis.SeriesError, match="three"):
        analysis.correlation(fixture)


def test_production_keeps_only_current_releases(production):
    ondcp = analysis.production_series(production, "Colombia", analysis.ONDCP)
    assert ondcp.loc[2016] == 772 and ondcp.loc[2017] == 900   # revisions, not 710 and 921
    unodc = analysis.production_series(production, "Colombia", analysis.UNODC)
    assert unodc.loc[2023] == 2664


def test_kilograms_per_hectare_colombia_2023(production, cultivation):
    yield_ = analysis.kilograms_per_hectare(
        analysis.production_series(production, "Colombia", analysis.UNODC),
        analysis.cultivation_series(cultivation, "Colombia", analysis.UNODC))
    assert yield_.loc[2023] == pytest.approx(2664 * 1000 / 252572)


def test_fy2018_failed_demonstrably_list(majors):
    """FY2018 (signed 13 Sep 2017): Bolivia and Venezuela; Colombia listed but not designated."""
    fy2018 = analysis.designations(majors, 2018)
    assert fy2018["failed_demonstrably"] == ["Bolivia", "Venezuela"]
    assert "Colombia" in fy2018["listed"]


def test_fy2026_failed_demonstrably_list(majors):
    """FY2026 (15 Sep 2025): Colombia designated for the first time since 1997, with a waiver."""
    fy2026 = analysis.designations(majors, 2026)
    assert fy2026["failed_demonstrably"] == ["Afghanistan", "Bolivia", "Burma", "Colombia", "Venezuela"]
    assert fy2026["waived"] == ["Bolivia", "Burma", "Colombia", "Venezuela"]


def test_unverified_years_are_reported_as_such(majors):
    fy2024 = analysis.designations(majors, 2024)
    assert fy2024["failed_demonstrably"] == [] and "Bolivia" in fy2024["not_verified"]


def test_fy2021_designations_checked_against_crs(majors):
    """CRS R46695: Bolivia and Venezuela were FY2021's designations, both waived."""
    fy2021 = analysis.designations(majors, 2021)
    assert fy2021["failed_demonstrably"] == ["Bolivia", "Venezuela"]
    assert fy2021["waived"] == ["Bolivia", "Venezuela"] and fy2021["not_verified"] == []
    with pytest.raises(analysis.SeriesError, match="FY2009"):
        analysis.designations(majors, 2009)


def test_majors_grid_marks_colombia_fy2026(majors):
    grid = analysis.majors_grid(majors, ["Colombia", "Bolivia"])
    assert grid.loc["Colombia", "FY26"] == "failed, waived"
    assert grid.loc["Colombia", "FY18"] == "listed"
    assert grid.loc["Bolivia", "FY19"] == "failed, no waiver"


def test_determinations_are_dated_by_signature_not_fiscal_year(majors):
    """The FY2018 determination was signed by the Trump administration in September 2017."""
    signed = analysis.determination_dates(majors)
    assert signed["FY18"] == pd.Timestamp("2017-09-13")
    assert signed["FY17"] == pd.Timestamp("2016-09-12")
    assert set(signed) == set(analysis.majors_grid(majors, ["Colombia"]).columns)


def test_index_to_base_year():
    series = pd.Series({2013: 290.0, 2023: 2664.0}, name="fixture")  # UNODC Colombia production, tonnes
    assert analysis.index_to_base(series, 2013).loc[2023] == pytest.approx(2664 / 290 * 100)
    with pytest.raises(analysis.SeriesError, match="2015"):
        analysis.index_to_base(series, 2015)


def test_cocaine_overdose_rate_2013_and_2023():
    """NCHS: 1.6 per 100,000 in 2013 (Data Brief 384), 8.6 in 2023 (Data Brief 522)."""
    rates = analysis.overdose_rates(data.load("overdose_deaths"))
    assert rates.loc[2013, "cocaine"] == 1.6
    assert rates.loc[2023, "cocaine"] == 8.6
    assert rates.loc[2018, "all drug overdose"] == 20.7


def test_permutation_p_value_separates_a_perfect_line_from_noise():
    """Tiny fixtures: a perfectly linear pairing, and one with no linear relation."""
    line = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "b": [2.0, 4.0, 6.0, 8.0, 10.0, 12.0]})
    assert analysis.permutation_p_value(line, draws=2000) < 0.01
    flat = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0, 5.0], "b": [1.0, -1.0, 0.0, -1.0, 1.0]})
    assert analysis.permutation_p_value(flat, draws=2000) > 0.5


def test_correlations_of_many_pairings_match_numpy_one_by_one():
    """Tiny fixture: the vectorised Pearson r equals np.corrcoef for each row."""
    fixed = np.array([1.0, 3.0, 2.0, 5.0, 4.0])
    rows = np.array([[2.0, 1.0, 4.0, 3.0, 5.0], [5.0, 4.0, 3.0, 2.0, 1.0], [1.0, 3.0, 2.0, 5.0, 4.0]])
    expected = [np.corrcoef(fixed, row)[0, 1] for row in rows]
    assert analysis._correlations(fixed, rows) == pytest.approx(expected, abs=1e-12)
    assert analysis._correlations(fixed, rows)[2] == pytest.approx(1.0)


def test_strength_words():
    assert [analysis.strength(r) for r in (0.1, -0.35, 0.6, -0.9)] == ["very weak", "weak", "moderate", "strong"]


def test_comparison_years_start_before_the_last_year(cultivation):
    peru = analysis.cultivation_series(cultivation, "Peru", analysis.UNODC)      # 2009-2020
    assert analysis.comparison_years(peru, 2013) == (2013, 2020)
    assert analysis.comparison_years(peru, 2024) == (2019, 2020)   # base after the data: the nearest earlier year
    assert analysis.comparison_years(peru.loc[2015:2015], 2013) == (2015, 2015)


def test_designation_summary_says_not_verified_for_unread_years(majors):
    """FY2024: no designation paragraph was read, so its list may not read 'none' (FY2021 was checked with CRS)."""
    summary = analysis.designation_summary(majors).set_index("fiscal_year")
    assert summary.loc["FY2024", "failed_demonstrably"] == "not verified"
    assert summary.loc["FY2024", "of_which_waived"] == "not verified"
    assert summary.loc["FY2021", "failed_demonstrably"] == "Bolivia, Venezuela"
    assert summary.loc["FY2019", "of_which_waived"] == "Venezuela"
    assert analysis.unread_determinations(majors) == [2024]
    # Partly read years say so, and name the expected designations whose status was not read.
    assert summary.loc["FY2012", "failed_demonstrably"] == "Bolivia, Venezuela (others not read)"
    assert "Burma, designated in FY2011 and FY2013, not confirmed" in summary.loc["FY2012", "status_not_read"]
    assert summary.loc["FY2025", "status_not_read"] == "Afghanistan (designated in FY2023 and FY2026, not confirmed)"
    assert summary.loc["FY2019", "status_not_read"] == "none"


def test_readable_determinations_leave_out_unread_years(majors):
    readable = analysis.readable_determinations(majors, "Colombia")
    assert len(readable) == 16 and 2021 in readable and 2024 not in readable and 2026 in readable


def test_production_releases_name_the_release_of_each_year(production):
    """Each year keeps its latest held release; ONDCP 2016 and 2017 each had one earlier figure dropped."""
    us = analysis.production_releases(production, "Colombia", analysis.ONDCP)
    assert us.loc[2016, "vintage"] == "ONDCP Jun 2018 release" and us.loc[2016, "superseded_dropped"] == 1
    assert us.loc[2017, "superseded_dropped"] == 1 and us.loc[2018, "superseded_dropped"] == 0
    unodc = analysis.production_releases(production, "Colombia", analysis.UNODC)
    assert unodc.loc[2023, "vintage"] == "2023 survey (Oct 2024)"
    assert list(unodc.index) == list(analysis.production_series(production, "Colombia", analysis.UNODC).index)


def test_low_or_high_and_base_words(cultivation):
    area = analysis.cultivation_series(cultivation, "Colombia", analysis.UNODC)
    assert analysis.low_or_high(area, 2012) == "low"     # 47,788 ha, the minimum
    assert analysis.low_or_high(area, 2013) == "low"     # 48,189 ha, within 5% of the range of it
    assert analysis.low_or_high(area, 2024) == "high"
    assert analysis.low_or_high(area, 2017) == ""
    words, side = analysis.base_words(area, 2013, "hectares")
    assert side == "low" and "47,788 hectares in 2012" in words


def test_year_words():
    assert analysis.year_ranges([2001, 2002, 2003, 2006, 2007, 2008]) == "2001-2003 and 2006-2008"
    assert analysis.year_ranges([2014]) == "2014"
    assert analysis.missing_years([2011, 2012, 2013, 2015], 2011, 2015) == [2014]
    assert analysis.count_of(10, 10) == "every one of the 10"
    assert analysis.count_of(0, 4) == "none of the 4"
    assert analysis.count_of(11, 17) == "11 of the 17"


def test_a_back_series_belongs_to_its_surveys_release():
    fixture = pd.DataFrame({"country": ["Testland"] * 2, "year": [2021, 2023], "estimator": [analysis.UNODC] * 2,
                            "metric_tons": [1.0, 2.0], "superseded": [False, False],
                            "vintage": ["2023 survey (Oct 2024) back-series", "2023 survey (Oct 2024)"]})
    releases = analysis.production_releases(fixture, "Testland", analysis.UNODC)
    assert releases.loc[2021, "release"] == releases.loc[2023, "release"]
