"""The chapter's committed tables load against their schemas, and broken copies fail clearly."""

import pandas as pd
import pytest

from hemisphere import catalogue, data
from hemisphere.northern_triangle import analysis

TABLES = ["us_aid", "central_america_aid_budget", "homicide_rate", "border_apprehensions",
          "border_apprehensions_family_status", "tps", "removals", "population"]


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_with_full_metadata(name):
    table = data.load(name)
    assert len(table) > 0
    block = table.attrs["resource"]
    assert block["theme"] == "northern_triangle"
    assert not catalogue.missing_keys(block)
    assert block["caveats"]


@pytest.mark.parametrize("name", ["homicide_rate", "tps", "removals", "central_america_aid_budget"])
def test_page_derived_rows_carry_their_own_source(name):
    table = data.load(name)
    assert table["source_url"].str.match(r"https?://").all()
    assert table["confidence"].notna().all()


def test_committed_csvs_stay_small():
    for name in TABLES:
        assert catalogue.table_file(name).stat().st_size < 500_000, name


def test_a_broken_copy_names_table_column_and_row():
    raw = pd.read_csv(catalogue.table_file("border_apprehensions"), dtype=str, keep_default_na=False)
    raw.loc[3, "encounters"] = "-10"
    schema = catalogue.resource("border_apprehensions")["schema"]
    with pytest.raises(data.DataError, match=r"'encounters'.*row 4"):
        data.validate("border_apprehensions", raw, schema)


def test_tps_table_never_lists_guatemala():
    assert "Guatemala" not in set(data.load("tps")["country"])


CORE_YEARS = (2016, 2021)  # the strategy's budget lines the chapter must cover, FY2016-FY2021


def _budget_line(year, stage):
    budget = data.load("central_america_aid_budget")
    return budget[(budget["fiscal_year"] == year) & (budget["stage"] == stage)].set_index("source")["amount_usd"]


def test_budget_lines_known_values():
    assert _budget_line(2019, "enacted").to_dict() == {"Rep. Cuellar": pytest.approx(527.6e6)}
    assert _budget_line(2021, "enacted")["CRS"] == pytest.approx(505.9e6)
    assert _budget_line(2016, "request")["CRS"] == pytest.approx(1e9)


def test_both_fy2017_enacted_figures_are_kept_side_by_side():
    fy2017 = _budget_line(2017, "enacted")
    assert fy2017["CRS"] == pytest.approx(750e6)
    assert fy2017["El Salvador government"] == pytest.approx(655e6)
    conflicts = analysis.budget_conflicts(data.load("central_america_aid_budget"))
    assert {2017} <= set(conflicts.loc[conflicts["stage"] == "enacted", "fiscal_year"])
    assert catalogue.resource("central_america_aid_budget")["schema"]["primaryKey"] == ["fiscal_year", "stage", "source"]


def test_budget_caveat_names_the_years_still_missing():
    budget = data.load("central_america_aid_budget")
    caveats = " ".join(catalogue.resource("central_america_aid_budget")["caveats"])
    for stage in ("request", "enacted"):
        missing = analysis.budget_years(budget, stage, CORE_YEARS)[1]
        if missing:
            assert analysis.fiscal_year_runs(missing) in caveats, (stage, missing)


@pytest.mark.xfail(strict=True, reason="FY2019-FY2021 requests and FY2020 enacted not yet found in a readable source "
                                       "(see the table's first caveat); remove this marker once they are added")
def test_every_core_year_has_a_request_and_an_enacted_amount():
    budget = data.load("central_america_aid_budget")
    for stage in ("request", "enacted"):
        assert analysis.budget_years(budget, stage, CORE_YEARS)[1] == [], stage
