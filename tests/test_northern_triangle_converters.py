"""Converters against the publishers' release files kept in ../shared/sources/northern_triangle."""

import pandas as pd
import pytest

from hemisphere.northern_triangle import encounters, foreign_assistance, homicide, population, tables
from hemisphere.northern_triangle._columns import SourceFormatError
from hemisphere.northern_triangle.countries import NAME_BY_ISO3

OHSS_SITES = ["Guatemala", "Honduras", "El Salvador", "Mexico", "Venezuela"]


@pytest.fixture
def sources(shared_sources):
    return shared_sources / "northern_triangle"


def test_foreign_assistance_converter_reads_the_country_summary(sources):
    release = foreign_assistance.read_country_summary(sources / tables.AID_FILE)
    aid = foreign_assistance.tidy_us_aid(release, {"SLV": "El Salvador", "GTM": "Guatemala"}, 2000, 2025)
    request = aid.set_index(["country", "fiscal_year", "measure"])["amount_usd"]
    # FY2020 State Department requests, as reported by the Washington Examiner (El Salvador 45.7M, Guatemala 69.4M).
    assert request["El Salvador", 2020, "budget_request"] == pytest.approx(45.7e6, rel=0.01)
    assert request["Guatemala", 2020, "budget_request"] == pytest.approx(69.4e6, rel=0.01)
    assert aid["fiscal_year"].min() == 2000
    assert aid.loc[aid["fiscal_year"] == 2025, "partial_year"].all()
    assert not aid.loc[aid["fiscal_year"] < 2025, "partial_year"].any()


def test_foreign_assistance_converter_accepts_the_publishers_header_spelling():
    # Tiny fixture (labelled as such): the download's own header names, values made up for the shape only.
    fixture = pd.DataFrame({"Country Code": ["HND"], "Country Name": ["Honduras"],
                            "Transaction Type Name": ["Obligations"], "Fiscal Year": ["2018"], "current_amount": ["1"]})
    renamed = foreign_assistance.normalise(fixture, ["country_code", "current_amount_usd"], "fixture",
                                           {"current_amount": "current_amount_usd"})
    aid = foreign_assistance.tidy_us_aid(renamed, {"HND": "Honduras"}, 2000, 2025)
    assert aid.loc[0, "measure"] == "obligations"


def test_foreign_assistance_converter_rejects_an_unknown_transaction_type():
    fixture = pd.DataFrame({"country_code": ["HND"], "country_name": ["Honduras"], "transaction_type_name": ["Pledges"],
                            "fiscal_year": ["2018"], "current_amount_usd": ["1"]})
    with pytest.raises(SourceFormatError, match="Pledges"):
        foreign_assistance.tidy_us_aid(fixture, {"HND": "Honduras"}, 2000, 2025)


def test_foreign_assistance_converter_names_missing_columns(tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text("country_code,fiscal_year\nHND,2018\n")
    with pytest.raises(SourceFormatError, match="transaction_type_name"):
        foreign_assistance.read_country_summary(broken)


def test_ohss_workbook_converter_matches_published_totals(sources):
    monthly = encounters.ohss_by_citizenship(sources / tables.OHSS_FILE, OHSS_SITES)
    fy2024 = monthly[monthly["fiscal_year"] == 2024].groupby("citizenship")["encounters"].sum()
    assert fy2024["Guatemala"] == 195_290
    # The workbook's own annual sheet is the check on the monthly cross-tab; every cell is rounded
    # to tens separately, so the sum of small citizenship-months drifts by a few hundred.
    annual = encounters.read_ohss_sheet(sources / tables.OHSS_FILE, "Annual Region")
    southwest_2019 = annual[(annual["fiscal_year"] == 2019) & (annual["region"] == encounters.SOUTHWEST)]["quantity"].iloc[0]
    assert monthly[monthly["fiscal_year"] == 2019]["encounters"].sum() == pytest.approx(southwest_2019, rel=0.001)
    assert monthly["month"].min() == pd.Timestamp("1999-10-01")
    assert monthly["month"].max() == pd.Timestamp("2024-11-01")


def test_ohss_month_names_map_to_calendar_months(sources):
    family = encounters.ohss_by_family_status(sources / tables.OHSS_FILE)
    first = family[family["fiscal_year"] == 2017]["month"]
    assert first.min() == pd.Timestamp("2016-10-01") and first.max() == pd.Timestamp("2017-09-01")


def test_ohss_converter_rejects_a_missing_sheet(sources):
    with pytest.raises(SourceFormatError, match="no sheet"):
        encounters.read_ohss_sheet(sources / tables.OHSS_FILE, "Monthly Nationality")


def test_cbp_converter_agrees_with_ohss_where_they_overlap(sources):
    cbp = encounters.cbp_by_citizenship(encounters.read_cbp_southwest(sources / tables.CBP_FILE))
    fy2024 = cbp[cbp["fiscal_year"] == 2024].groupby("citizenship")["encounters"].sum()
    assert fy2024["Guatemala"] == 195_294  # OHSS rounds the same count to 195,290
    fy2025_months = cbp.loc[cbp["fiscal_year"] == 2025, "month"]
    assert fy2025_months.min() == pd.Timestamp("2024-10-01")
    assert fy2025_months.max() == pd.Timestamp("2025-08-01")


def test_owid_homicide_converter(sources):
    rates = homicide.tidy_unodc_rates(homicide.read_owid_homicide(sources / tables.OWID_FILE), NAME_BY_ISO3, 2000)
    el_salvador = rates[rates["country"] == "El Salvador"].set_index("year")["rate_per_100k"]
    assert el_salvador[2015] == pytest.approx(107.6, abs=0.05)
    assert 2023 not in el_salvador.index  # UNODC has no accepted figure for El Salvador 2023


def test_population_converter(sources):
    people = population.tidy_population(sources / tables.WDI_FILE, NAME_BY_ISO3, 2000)
    assert people.set_index(["country", "year"]).loc[("Guatemala", 2023), "population"] == 18_124_838


def test_committed_tables_are_what_the_converters_produce(sources, tmp_path):
    tables.write_all(sources, tmp_path)
    for name in tables.BUILDERS:
        committed = (tables.OUTPUT / f"{name}.csv").read_text(encoding="utf-8")
        assert (tmp_path / f"{name}.csv").read_text(encoding="utf-8") == committed, name
