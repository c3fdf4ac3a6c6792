"""Northern Triangle converters on their committed fixtures (tests/fixtures/converters/, labelled
test data cut from the releases): DHS OHSS workbook, CBP southwest CSV, ForeignAssistance.gov,
OWID (UNODC) homicide, World Bank population. No ../shared needed."""

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from hemisphere.northern_triangle import encounters, foreign_assistance, homicide, population, tables
from hemisphere.northern_triangle._columns import SourceFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "converters"
OHSS = FIXTURES / tables.OHSS_FILE
CBP = FIXTURES / tables.CBP_FILE
AID = FIXTURES / tables.AID_FILE
OWID = FIXTURES / tables.OWID_FILE
WDI = FIXTURES / tables.WDI_FILE
SITES = ["Guatemala", "Honduras", "El Salvador", "Mexico", "Venezuela"]


# --- DHS OHSS workbook -------------------------------------------------------------------------

def test_ohss_fixture_keeps_every_sheet_and_header():
    book = openpyxl.load_workbook(OHSS, read_only=True)
    assert len(book.sheetnames) == 16 and book.sheetnames[0] == "Annual Count"
    header = next(book["Monthly Rgn and Citp"].iter_rows(values_only=True))
    assert header == ("Fiscal\nYear", "Month", "Region", "Citizenship", "Quantity")


def test_ohss_by_citizenship_values_and_types():
    monthly = encounters.ohss_by_citizenship(OHSS, SITES)
    assert list(monthly.columns) == ["fiscal_year", "month", "citizenship", "encounters", "source"]
    assert pd.api.types.is_integer_dtype(monthly["fiscal_year"]) and pd.api.types.is_integer_dtype(monthly["encounters"])
    assert pd.api.types.is_datetime64_any_dtype(monthly["month"])
    value = monthly.set_index(["month", "citizenship"])["encounters"]
    # "01 October" of FY2017 is October 2016; only Southwest Land Border rows count.
    assert value[pd.Timestamp("2016-10-01"), "Guatemala"] == 10040
    assert value[pd.Timestamp("2016-10-01"), "Mexico"] == 18120
    # Cuba (10) and Ecuador (230) at the southwest border pool into all other countries.
    assert value[pd.Timestamp("2016-10-01"), encounters.ALL_OTHERS] == 240
    assert value[pd.Timestamp("2017-09-01"), "Honduras"] == 3130
    assert value[pd.Timestamp("2024-11-01"), "El Salvador"] == 1870
    assert set(monthly["source"]) == {encounters.OHSS}
    assert "Venezuela" not in set(monthly["citizenship"])  # asked for, absent from these rows


def test_ohss_by_family_status():
    family = encounters.ohss_by_family_status(OHSS)
    value = family.set_index(["month", "family_status"])["encounters"]
    assert value[pd.Timestamp("2016-10-01"), "Family Unit Individuals"] == 13120
    assert value[pd.Timestamp("2024-11-01"), "Unaccompanied Children"] == 5770
    assert len(family) == 9


def test_ohss_annual_sheet_with_snake_case_headers():
    annual = encounters.read_ohss_sheet(OHSS, "Annual Region")
    assert list(annual.columns) == ["fiscal_year", "region", "quantity"]
    southwest = annual[annual["region"] == encounters.SOUTHWEST].set_index("fiscal_year")["quantity"]
    assert southwest.to_dict() == {2019: 851510, 2024: 1530520}


def test_ohss_missing_sheet_is_named(tmp_path):
    copy = tmp_path / "ohss.xlsx"
    shutil.copy(OHSS, copy)
    book = openpyxl.load_workbook(copy)
    book["Monthly Rgn and Citp"].title = "Monthly Region and Citizenship"
    book.save(copy)
    with pytest.raises(SourceFormatError, match="no sheet 'Monthly Rgn and Citp'"):
        encounters.ohss_by_citizenship(copy, SITES)


def test_ohss_sheet_without_quantity_names_the_column(tmp_path):
    copy = tmp_path / "ohss.xlsx"
    book = openpyxl.load_workbook(OHSS)
    book["Annual Region"]["C1"] = "Count"
    book.save(copy)
    with pytest.raises(SourceFormatError, match="missing column.*quantity"):
        encounters.read_ohss_sheet(copy, "Annual Region")


def test_ohss_unknown_month_name_is_named(tmp_path):
    copy = tmp_path / "ohss.xlsx"
    book = openpyxl.load_workbook(OHSS)
    sheet = book["Monthly Rgn and Fam Status"]
    southwest = next(row for row in sheet.iter_rows(min_row=2) if row[2].value == encounters.SOUTHWEST)
    southwest[1].value = "01 Octobre"
    book.save(copy)
    with pytest.raises(SourceFormatError, match="unknown month name.*Octobre"):
        encounters.ohss_by_family_status(copy)


# --- CBP southwest border CSV ----------------------------------------------------------------

def test_cbp_reader_keeps_border_patrol_rows_with_dates():
    frame = encounters.read_cbp_southwest(CBP)
    assert set(frame["component"]) == {"U.S. Border Patrol"}  # Office of Field Operations rows dropped
    assert pd.api.types.is_integer_dtype(frame["fiscal_year"]) and pd.api.types.is_integer_dtype(frame["encounters"])
    assert set(frame["fiscal_year"]) == {2024, 2025}  # "2025 (FYTD)" read as 2025
    assert set(frame["month"]) == {pd.Timestamp("2023-10-01"), pd.Timestamp("2025-08-01")}


def test_cbp_by_citizenship_and_family_status():
    frame = encounters.read_cbp_southwest(CBP)
    by_country = encounters.cbp_by_citizenship(frame).set_index(["month", "citizenship"])["encounters"]
    assert by_country[pd.Timestamp("2023-10-01"), "Guatemala"] == 23014  # 14,767 + 4,493 + 3,754
    assert by_country[pd.Timestamp("2025-08-01"), "Honduras"] == 440
    family = encounters.cbp_by_family_status(frame).set_index(["month", "family_status"])["encounters"]
    assert family[pd.Timestamp("2023-10-01"), "Family Unit Individuals"] == 26242
    assert family[pd.Timestamp("2025-08-01"), "Single Adults"] == 733


def _cbp_edited(tmp_path, old: str, new: str) -> Path:
    path = tmp_path / "cbp.csv"
    text = CBP.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_cbp_unknown_month_is_named(tmp_path):
    with pytest.raises(SourceFormatError, match="unknown month.*OCTO"):
        encounters.read_cbp_southwest(_cbp_edited(tmp_path, "2024,FYTD,OCT,U.S.", "2024,FYTD,OCTO,U.S."))


def test_cbp_missing_column_is_named(tmp_path):
    with pytest.raises(SourceFormatError, match="missing column.*encounter_count"):
        encounters.read_cbp_southwest(_cbp_edited(tmp_path, "Encounter Count", "Count"))


def test_cbp_unknown_demographic_is_named(tmp_path):
    frame = encounters.read_cbp_southwest(_cbp_edited(tmp_path, "U.S. Border Patrol,UAC", "U.S. Border Patrol,Minors"))
    with pytest.raises(SourceFormatError, match="unknown demographic.*Minors"):
        encounters.cbp_by_family_status(frame)


def test_cbp_non_numeric_count_fails(tmp_path):
    with pytest.raises(ValueError):
        encounters.read_cbp_southwest(_cbp_edited(tmp_path, "Apprehensions,14767", "Apprehensions,n/a"))


# --- ForeignAssistance.gov ---------------------------------------------------------------------

COUNTRIES = {"SLV": "El Salvador", "GTM": "Guatemala", **foreign_assistance.CENTRAL_AMERICA_REGION}


def test_aid_release_headers_and_tidy_values():
    release = foreign_assistance.read_country_summary(AID)
    assert {"country_code", "transaction_type_name", "fiscal_year", "current_amount_usd"} <= set(release.columns)
    aid = foreign_assistance.tidy_us_aid(release, COUNTRIES, 1976, 2020)
    assert list(aid.columns) == ["country", "country_code", "fiscal_year", "measure", "amount_usd", "partial_year"]
    assert pd.api.types.is_integer_dtype(aid["fiscal_year"]) and pd.api.types.is_bool_dtype(aid["partial_year"])
    assert pd.api.types.is_numeric_dtype(aid["amount_usd"])
    amount = aid.set_index(["country", "fiscal_year", "measure"])["amount_usd"]
    assert amount["El Salvador", 2020, "budget_request"] == 45_700_000
    assert amount["Guatemala", 2020, "budget_request"] == 69_410_000
    assert amount["Central America Region", 2019, "obligations"] == 208_462_773
    assert amount["Guatemala", 1976, "obligations"] == 45_519_000
    assert aid.loc[aid["fiscal_year"] == 2020, "partial_year"].all()
    assert not aid.loc[aid["fiscal_year"] < 2020, "partial_year"].any()


def test_aid_transition_quarter_and_earlier_years_are_dropped():
    release = foreign_assistance.read_country_summary(AID)
    assert "1976tq" in set(release["fiscal_year"])
    aid = foreign_assistance.tidy_us_aid(release, COUNTRIES, 2000, 2025)
    assert aid["fiscal_year"].min() == 2019


def test_aid_unknown_transaction_type_is_named(tmp_path):
    path = tmp_path / "aid.csv"
    path.write_text(AID.read_text(encoding="utf-8").replace(",Obligations,", ",Pledges,", 1), encoding="utf-8")
    with pytest.raises(SourceFormatError, match="Pledges"):
        foreign_assistance.tidy_us_aid(foreign_assistance.read_country_summary(path), COUNTRIES, 2000, 2025)


def test_aid_duplicated_rows_are_refused(tmp_path):
    path = tmp_path / "aid.csv"
    lines = AID.read_text(encoding="utf-8").splitlines(keepends=True)
    chosen = next(line for line in lines if line.startswith("SLV") and ",2020," in line)
    path.write_text("".join(lines) + chosen, encoding="utf-8")
    with pytest.raises(SourceFormatError, match="1 duplicated country-year-measure rows"):
        foreign_assistance.tidy_us_aid(foreign_assistance.read_country_summary(path), COUNTRIES, 2000, 2025)


def test_aid_missing_column_is_named(tmp_path):
    path = tmp_path / "aid.csv"
    path.write_text(AID.read_text(encoding="utf-8").replace("current_amount_usd", "amount", 1), encoding="utf-8")
    with pytest.raises(SourceFormatError, match="missing column.*current_amount_usd"):
        foreign_assistance.read_country_summary(path)


# --- OWID (UNODC) homicide and World Bank population ------------------------------------------

def test_owid_homicide_rates():
    frame = homicide.read_owid_homicide(OWID)
    assert "rate_per_100k" in frame.columns and pd.api.types.is_float_dtype(frame["rate_per_100k"])
    rates = homicide.tidy_unodc_rates(frame, {"SLV": "El Salvador", "GTM": "Guatemala"}, 2000)
    assert list(rates.columns) == ["country", "year", "source", "rate_per_100k"]
    el_salvador = rates[rates["country"] == "El Salvador"].set_index("year")["rate_per_100k"]
    assert el_salvador[2015] == pytest.approx(107.64)
    assert el_salvador[2022] == pytest.approx(7.90)
    assert 1999 not in set(rates["year"])  # before first_year
    assert set(rates["source"]) == {homicide.UNODC}
    assert "Americas (UN)" not in set(rates["country"])  # aggregates have no ISO3 code


def test_owid_file_without_a_rate_column_is_refused(tmp_path):
    path = tmp_path / "owid.csv"
    path.write_text(OWID.read_text(encoding="utf-8").replace('"Homicide rate per 100,000 population"', "Rate", 1),
                    encoding="utf-8")
    with pytest.raises(SourceFormatError, match="expected one homicide-rate column"):
        homicide.read_owid_homicide(path)


def test_population():
    people = population.tidy_population(WDI, {"GTM": "Guatemala"}, 2000)
    assert list(people.columns) == ["country", "year", "population"]
    assert pd.api.types.is_integer_dtype(people["population"])
    assert people.set_index("year")["population"].to_dict() == {2022: 17_847_877, 2023: 18_124_838}


def test_population_of_another_indicator_is_refused(tmp_path):
    path = tmp_path / "wdi.csv"
    path.write_text(WDI.read_text(encoding="utf-8").replace("SP.POP.TOTL", "SP.POP.GROW"), encoding="utf-8")
    with pytest.raises(SourceFormatError, match="expected indicator SP.POP.TOTL"):
        population.tidy_population(path, {"GTM": "Guatemala"}, 2000)
