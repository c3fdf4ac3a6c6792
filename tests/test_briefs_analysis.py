"""Brief analysis on tiny labelled fixtures (invented numbers, not real data)."""

import pandas as pd
import pytest

from hemisphere.briefs import analysis

# FIXTURE: labelled test data, not real figures.
AID = pd.DataFrame({
    "country": ["Peru"] * 5 + ["Chile"] * 2,
    "country_code": ["PER"] * 5 + ["CHL"] * 2,
    "fiscal_year": [2017, 2018, 2018, 2019, 2025, 2017, 2018],
    "measure": ["obligations", "obligations", "disbursements", "obligations", "obligations", "obligations", "obligations"],
    "amount_usd": [100.0, 300.0, 250.0, 200.0, 50.0, 7.0, 8.0],
    "partial_year": [False, False, False, False, True, False, False],
})
RATES = pd.DataFrame({
    "country": ["Peru", "Chile", "Bolivia", "Peru", "Chile"],
    "year": [2020, 2020, 2020, 2021, 2021],
    "rate_per_100k": [10.0, 4.0, 6.0, 8.0, 5.0],
})
USBP = pd.DataFrame({
    "country": ["Peru"] * 4,
    "fiscal_year": [2020, 2020, 2021, 2025],
    "region": ["Southwest Land Border", "Coastal Border", "Southwest Land Border", "Southwest Land Border"],
    "encounters": [90, 10, 40, 500],
    "partial_year": [False, False, False, True],
})


def test_aid_by_year_and_totals_leave_the_partial_year_out_of_the_total():
    by_year = analysis.aid_by_year(AID, "Peru", 2017, 2026)
    assert by_year["fiscal_year"].tolist() == [2017, 2018, 2019, 2025]
    totals = analysis.aid_totals(by_year)
    assert totals == {"first": 2017, "last": 2019, "total": 600.0, "years": 3, "peak_year": 2018, "peak": 300.0,
                      "latest": 200.0}


def test_aid_for_a_country_without_rows_is_empty():
    assert analysis.aid_by_year(AID, "Uruguay", 2017, 2026).empty
    assert analysis.aid_totals(analysis.aid_by_year(AID, "Uruguay", 2017, 2026)) == {}


def test_homicide_beside_the_median_of_the_countries_reporting():
    joined = analysis.homicide_vs_region(RATES, "Peru", 2020, 2021)
    assert joined.to_dict("records") == [
        {"year": 2020, "rate_per_100k": 10.0, "regional_median": 6.0, "countries_reporting": 3},
        {"year": 2021, "rate_per_100k": 8.0, "regional_median": 6.5, "countries_reporting": 2},
    ]
    assert analysis.homicide_vs_region(RATES, "Bolivia", 2021, 2021).empty


def test_border_sums_regions_and_drops_the_partial_year():
    by_year = analysis.border_by_year(USBP, "Peru", 2017, 2026)
    assert by_year["fiscal_year"].tolist() == [2020, 2021]
    assert by_year["encounters"].tolist() == [100, 40]
    assert by_year["southwest_border_share"].tolist() == pytest.approx([0.9, 1.0])
    assert analysis.border_peak(by_year)["peak_year"] == 2020


def test_majors_count_only_when_listed():
    majors = pd.DataFrame({"country": ["The Bahamas", "The Bahamas", "Peru"], "fiscal_year": [2018, 2019, 2018],
                           "listed": [True, True, True], "failed_demonstrably": ["no", "no", "no"]})
    rows = analysis.majors(majors, "Bahamas", 2017, 2026)
    assert rows["fiscal_year"].tolist() == [2018, 2019]
    assert not analysis.is_empty("majors", rows)
    assert analysis.is_empty("majors", analysis.majors(majors, "Chile", 2017, 2026))


def test_designations_merge_instruments_and_read_the_countries_cell():
    designated = pd.DataFrame({
        "date": pd.to_datetime(["2025-02-20", "2025-02-20", "2025-02-20"]),
        "organization": ["Group A", "Group A", "Group B"], "org_id": ["A", "A", "B"],
        "instrument": ["FTO", "SDGT", "FTO"], "entity_kind": ["group"] * 3,
        "countries": ["Peru; Chile", "Peru; Chile", "Chile"],
    })
    fto = pd.DataFrame({"org_id": ["C"], "name": ["Group C"], "designation_date": pd.to_datetime(["1997-10-08"]),
                        "revocation_date": pd.to_datetime([None]), "countries": ["Peru"], "western_hemisphere": [True]})
    rows = analysis.designations(designated, fto, "Peru", 2017, 2026)
    assert rows[["organization", "instruments", "status"]].values.tolist() == [
        ["Group C", "FTO", "designated"], ["Group A", "FTO, SDGT", "designated"]]
    assert analysis.designations(designated, fto, "Uruguay", 2017, 2026).empty


def test_digest_changes_only_with_the_rows_a_brief_reads():
    base = {name: pd.DataFrame({"x": [1]}) for name in analysis.SECTIONS}
    base["ofac"] = {"sdn_by_snapshot": pd.DataFrame(), "group_sanctions": pd.DataFrame()}
    same = dict(base)
    changed = dict(base, aid=pd.DataFrame({"x": [2]}))
    assert analysis.digest(base) == analysis.digest(same) != analysis.digest(changed)


def test_real_tables_cover_every_country():
    tables = analysis.load_tables()
    for country in ("Guatemala", "Saint Kitts and Nevis"):
        inputs = analysis.country_inputs(tables, country, 2017, 2026)
        assert "aid" in analysis.present(inputs) and "homicide" in analysis.present(inputs)
    with pytest.raises(ValueError, match="not a country"):
        analysis.country_inputs(tables, "Canada", 2017, 2026)
