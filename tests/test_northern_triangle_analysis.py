"""Analysis functions on known published values."""

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.northern_triangle import analysis
from hemisphere.northern_triangle.countries import NORTHERN_TRIANGLE


@pytest.fixture(scope="module")
def apprehensions():
    return data.load("border_apprehensions")


def test_fy2017_northern_triangle_apprehensions_match_crs(apprehensions):
    total = analysis.fiscal_year_total(apprehensions, list(NORTHERN_TRIANGLE), 2017)
    assert total == 162_910  # OHSS, rounded to tens
    assert total == pytest.approx(163_000, rel=0.005)  # CRS IF10371: "nearly 163,000"


def test_fy2019_northern_triangle_apprehensions_match_crs(apprehensions):
    total = analysis.fiscal_year_total(apprehensions, list(NORTHERN_TRIANGLE), 2019)
    assert total == pytest.approx(608_000, rel=0.005)  # CRS: "nearly 608,000"


def test_partial_fiscal_year_is_refused(apprehensions):
    with pytest.raises(analysis.AnalysisError, match="FY2025"):
        analysis.fiscal_year_total(apprehensions, list(NORTHERN_TRIANGLE), 2025)


def test_down_seventy_percent_in_early_2017(apprehensions):
    monthly = analysis.monthly_encounters(apprehensions)
    # April 2017: CBP reported 11,129 Border Patrol apprehensions (The Hill); OHSS rounds to tens.
    assert monthly[pd.Timestamp("2017-04-01")] == pytest.approx(11_129, rel=0.005)
    comparisons = analysis.claim_comparisons(
        monthly, "2017-03-01", {"from December 2016": "2016-12-01", "from March 2016": "2016-03-01"}
    ).set_index("comparison")["change"]
    assert comparisons["from December 2016"] == pytest.approx(12_170 / 43_210 - 1)
    assert comparisons["from December 2016"] == pytest.approx(-0.72, abs=0.005)
    assert comparisons["from March 2016"] == pytest.approx(-0.63, abs=0.01)
    assert analysis.change(monthly, "2016-04-01", "2017-04-01") == pytest.approx(-0.708, abs=0.001)


def test_change_refuses_a_month_without_data(apprehensions):
    monthly = analysis.monthly_encounters(apprehensions)
    with pytest.raises(analysis.AnalysisError):
        analysis.change(monthly, "1990-01-01", "2017-04-01")


def test_cbp_months_are_missing_for_citizenships_cbp_does_not_separate(apprehensions):
    venezuela = analysis.monthly_encounters(apprehensions, ["Venezuela"])
    assert pd.isna(venezuela[pd.Timestamp("2025-03-01")])
    guatemala = analysis.monthly_encounters(apprehensions, ["Guatemala"])
    assert guatemala[pd.Timestamp("2025-03-01")] > 0


def test_fy2025_is_spliced_from_ohss_then_cbp(apprehensions):
    summary = analysis.fiscal_year_encounters(apprehensions)
    assert summary.loc[2025, "months"] == 11
    assert not summary.loc[2025, "complete"]


def test_northern_triangle_share_peaks_in_fy2019(apprehensions):
    share = analysis.northern_triangle_share(apprehensions)
    complete = share[share["complete"]]
    assert complete["share"].idxmax() == 2019
    assert complete.loc[2019, "share"] == pytest.approx(607_790 / 851_240)


def test_el_salvador_unodc_rate_2015():
    homicide = data.load("homicide_rate")
    assert analysis.homicide_rate(homicide, "El Salvador", 2015) == pytest.approx(107.64)
    assert analysis.homicide_rate(homicide, "El Salvador", 2015, "National figures (press compilation)") == 104.0
    with pytest.raises(analysis.AnalysisError, match="2023"):
        analysis.homicide_rate(homicide, "El Salvador", 2023)


def test_preferred_rates_fill_unodc_gaps_with_labelled_national_figures():
    preferred = analysis.preferred_homicide_rates(data.load("homicide_rate")).set_index(["country", "year"])
    assert preferred.loc[("Guatemala", 2015), "source"] == "National figures (press compilation)"
    assert preferred.loc[("Guatemala", 2015), "rate_per_100k"] == 35.4
    assert preferred.loc[("Guatemala", 2017), "source"] == "UNODC"


def test_aid_stages_leave_fy2019_appropriation_missing():
    stages = analysis.aid_stages(data.load("us_aid"), list(NORTHERN_TRIANGLE), 2016, 2021)
    assert pd.isna(stages.loc[2019, "appropriated_and_planned"])
    # FY2020 requests: El Salvador 45.7M + Guatemala 69.4M + Honduras 65.8M (ForeignAssistance.gov).
    assert stages.loc[2020, "budget_request"] == pytest.approx(180.9e6, rel=0.001)


def test_per_resident_view_for_el_salvador_2019():
    view = analysis.per_resident_view(data.load("us_aid"), data.load("homicide_rate"),
                                      data.load("border_apprehensions"), data.load("population"), ["El Salvador"])
    row = view.set_index("year").loc[2019]
    people = data.load("population").set_index(["country", "year"]).loc[("El Salvador", 2019), "population"]
    encounters = analysis.fiscal_year_total(data.load("border_apprehensions"), ["El Salvador"], 2019)
    assert row["encounters_per_100k"] == pytest.approx(encounters / people * 100_000)
    assert row["homicide_source"] == "UNODC"
    assert row["aid_per_resident_usd"] > 0
