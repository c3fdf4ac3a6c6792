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


def test_the_2017_low_is_april_and_every_comparison_names_its_months(apprehensions):
    monthly = analysis.monthly_encounters(apprehensions)
    assert analysis.lowest_month(monthly, 2017) == pd.Timestamp("2017-04-01")
    checks = analysis.early_2017_comparisons(monthly)
    assert checks.loc["statement", "base_month"] == pd.Timestamp("2016-12-01")
    assert checks.loc["statement", "month"] == pd.Timestamp("2017-03-01")
    assert checks.loc["inauguration", "base_month"] == pd.Timestamp("2017-01-01")
    assert checks.loc["inauguration", "month"] == checks.loc["rebound", "base_month"] == pd.Timestamp("2017-04-01")
    assert checks.loc["rebound", "month"] == pd.Timestamp("2017-12-01")
    assert checks.loc["inauguration", "change"] == pytest.approx(11_110 / 31_540 - 1)
    assert checks.loc["year_earlier", "change"] == pytest.approx(analysis.change(monthly, "2016-04-01", "2017-04-01"))


def test_lowest_month_refuses_a_year_without_data(apprehensions):
    with pytest.raises(analysis.AnalysisError, match="1990"):
        analysis.lowest_month(analysis.monthly_encounters(apprehensions), 1990)


def test_fiscal_year_runs_never_hide_a_gap():
    assert analysis.fiscal_year_runs([2018, 2020]) == "FY2018 and FY2020"
    assert analysis.fiscal_year_runs([2021, 2018, 2019, 2020]) == "FY2018-FY2021"
    assert analysis.fiscal_year_runs([2017, 2020, 2021, 2022, 2024]) == "FY2017, FY2020-FY2022 and FY2024"
    assert analysis.fiscal_year_runs([2025]) == "FY2025"
    with pytest.raises(analysis.AnalysisError):
        analysis.fiscal_year_runs([])


REMOVALS = pd.DataFrame({
    "country": ["All countries", "Mexico", "Guatemala", "Honduras", "Guatemala", "Honduras", "Guatemala"],
    "fiscal_year": [2016, 2016, 2018, 2018, 2019, 2019, 2021],
    "removals": [100, 60, 10, 5, 12, 6, 3],
})


def test_removals_by_year_keeps_the_chosen_order_and_leaves_gaps_missing():
    table = analysis.removals_by_year(REMOVALS, ["Honduras", "Guatemala", "Belize"], 2000, 2025)
    assert list(table.columns) == ["Honduras", "Guatemala"]
    assert list(table.index) == [2018, 2019, 2021]
    assert pd.isna(table.loc[2021, "Honduras"])


def test_removal_gaps_are_computed_from_the_table():
    gaps = analysis.removal_gaps(REMOVALS, ["Guatemala", "Honduras"], 2000, 2022)
    assert gaps == {"missing": [2016, 2017, 2020, 2022], "partial": [2021]}
    assert analysis.removal_gaps(REMOVALS, ["Guatemala", "Honduras"], 2019, 2019) == {"missing": [], "partial": []}


def test_budget_comparison_and_gaps_follow_the_rows_present():
    budget = pd.DataFrame({
        "fiscal_year": [2016, 2016, 2018, 2018, 2018, 2019, 2021],
        "stage": ["request", "enacted", "request", "enacted", "enacted", "house_committee_bill", "enacted"],
        "source": ["CRS", "CRS", "AP", "Gov", "CRS", "Office", "CRS"],
        "amount_usd": [1e9, 7.5e8, 4.6e8, 6.15e8, 6.3e8, 5.95e8, 5.0e8],
        "qualifier": ["over", None, "about", None, None, None, None],
    })
    pairs = analysis.budget_comparison(budget)
    assert list(pairs["fiscal_year"]) == [2016, 2018, 2018]  # both FY2018 enacted figures are kept
    assert pairs.loc[0, "request_qualifier"] == "over"
    assert list(pairs.loc[pairs["fiscal_year"] == 2018, "enacted"]) == [6.3e8, 6.15e8]
    assert list(pairs.loc[pairs["fiscal_year"] == 2018, "enacted_source"]) == ["CRS", "Gov"]
    assert analysis.budget_years(budget, "enacted") == ([2016, 2018, 2021], [2017, 2019, 2020])
    assert analysis.budget_years(budget, "request", (2016, 2019)) == ([2016, 2018], [2017, 2019])
    conflicts = analysis.budget_conflicts(budget)
    assert list(conflicts["source"]) == ["CRS", "Gov"] and set(conflicts["fiscal_year"]) == {2018}


def test_sources_that_agree_are_no_conflict():
    budget = pd.DataFrame({"fiscal_year": [2016, 2016], "stage": ["enacted", "enacted"], "source": ["CRS", "Gov"],
                           "amount_usd": [7.5e8, 7.5e8], "qualifier": [None, None]})
    assert analysis.budget_conflicts(budget).empty


def test_budget_amounts_keep_their_qualifier_and_sources_read_without_parentheses():
    assert analysis.budget_amount_text(1e9, "over") == "over $1 billion"
    assert analysis.budget_amount_text(4.6e8, None) == "$460 million"
    assert analysis.budget_amount_text(4.6e8, float("nan")) == "$460 million"
    for source in analysis.SOURCE_PHRASES:
        assert "(" not in analysis.source_phrase(source)


def test_homicide_source_phrases_carry_no_parentheses():
    for source in analysis.HOMICIDE_SOURCE_PREFERENCE:
        assert "(" not in analysis.source_phrase(source)


def test_a_request_is_set_against_every_source_of_the_prior_enacted_amount():
    # Tiny fixture in the table's shape, labelled as such: the FY2018 request and two FY2017 figures.
    budget = pd.DataFrame({"fiscal_year": [2018, 2017, 2017], "stage": ["request", "enacted", "enacted"],
                           "source": ["Associated Press", "El Salvador government", "CRS"],
                           "amount_usd": [4.6e8, 6.55e8, 7.5e8], "qualifier": ["about", None, None]})
    assert analysis.request_against_enacted(budget, 2018, 2017) == (
        "about $460 million: 39% below the $750 million enacted for FY2017 according to CRS "
        "and 30% below the $655 million enacted for FY2017 according to the Salvadoran "
        "government's planning secretariat")
    assert analysis.request_against_enacted(budget, 2019, 2017) is None


def test_budget_lines_are_kept_to_the_chosen_period():
    # Tiny fixture in the table's shape: lines for FY2016 and FY2018 only.
    budget = pd.DataFrame({"fiscal_year": [2016, 2018, 2018], "stage": ["request", "request", "enacted"],
                           "source": ["CRS", "Associated Press", "Politico"],
                           "amount_usd": [1e9, 4.6e8, 6.27e8], "qualifier": ["over", "about", "about"]})
    assert list(analysis.budget_in_window(budget, 2017, 2025)["fiscal_year"]) == [2018, 2018]
    assert analysis.budget_in_window(budget, 2000, 2000).empty
    assert analysis.budget_in_window(budget, 2026, 2026).empty


def test_budget_sources_named_after_a_country_read_by_nationality():
    # The lines are region-wide: a run following Honduras alone must not read as naming El Salvador.
    assert "El Salvador" not in analysis.source_phrase("El Salvador government")
    assert "Salvadoran" in analysis.source_phrase("El Salvador government")


def test_a_chart_marks_only_events_of_the_countries_it_follows():
    register = pd.DataFrame({"event_id": ["a_guatemala", "a_honduras", "regional", "gt_hn"],
                             "country": ["Guatemala", "Honduras", "Regional", "Regional"]})
    ids = ["regional", "a_guatemala", "a_honduras", "gt_hn", "northern_triangle_third_country_gt_hn_2025"]
    register.loc[len(register)] = ["northern_triangle_third_country_gt_hn_2025", "Regional"]
    assert analysis.events_concerning(register, ids, ["Honduras"]) == [
        "regional", "a_honduras", "gt_hn", "northern_triangle_third_country_gt_hn_2025"]
    assert analysis.events_concerning(register, ids, ["El Salvador"]) == ["regional", "gt_hn"]
