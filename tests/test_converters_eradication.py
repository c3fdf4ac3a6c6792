"""UNODC annex converter on its committed fixtures (tests/fixtures/converters/, labelled test data):
no ../shared needed. Values are the World Drug Report 2022 annex's own cells."""

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from hemisphere.eradication import tables
from hemisphere.eradication.unodc_annex import AnnexFormatError, read_annex_table

FIXTURES = Path(__file__).parent / "fixtures" / "converters"
CULTIVATION = FIXTURES / tables.CULTIVATION_ANNEX
ERADICATION = FIXTURES / tables.ERADICATION_ANNEX


def test_fixtures_keep_the_release_layout():
    book = openpyxl.load_workbook(CULTIVATION)
    assert book.sheetnames == ["6_1_1"]
    sheet = book["6_1_1"]
    assert "A1:K1" in {str(merged) for merged in sheet.merged_cells.ranges}
    assert sheet["B3"].is_date  # Excel stored 2009-2013 as dates: the reader must recover the year
    assert str(sheet["B8"].value).startswith("=SUM(")  # the Total row is a formula
    assert openpyxl.load_workbook(ERADICATION).sheetnames == ["6.1.2"]


def test_cultivation_annex_values_columns_and_types():
    annex = read_annex_table(CULTIVATION)
    assert list(annex.columns) == ["country", "year", "hectares"]
    assert pd.api.types.is_integer_dtype(annex["year"]) and pd.api.types.is_float_dtype(annex["hectares"])
    assert pd.api.types.is_string_dtype(annex["country"])
    assert set(annex["country"]) == {"Bolivia", "Colombia", "Peru"}  # formal names and footnote letters dropped
    assert annex.groupby("country")["year"].agg(["min", "max", "count"]).to_dict("list") == {
        "min": [2009] * 3, "max": [2020] * 3, "count": [12] * 3}
    value = annex.set_index(["country", "year"])["hectares"]
    assert value["Bolivia", 2009] == 30900  # a year header stored as a date (2009-01-04)
    assert value["Colombia", 2017] == 171000
    assert value["Peru", 2020] == 61800
    assert "Total" not in set(annex["country"])


def test_eradication_annex_keeps_method_unit_and_decimals():
    annex = read_annex_table(ERADICATION)
    assert list(annex.columns) == ["country", "year", "hectares", "method", "unit"]
    row = annex.set_index(["country", "year"]).loc[("Colombia", 2009)]
    assert row["hectares"] == pytest.approx(165336.95)
    assert (row["method"], row["unit"]) == ("manual", "hectare")
    assert annex.set_index(["country", "year"]).loc[("Peru", 2020), "hectares"] == pytest.approx(6272.8)
    assert len(annex) == 36


def test_value_name_is_the_callers():
    assert "kilograms" in read_annex_table(CULTIVATION, value_name="kilograms").columns


def _edited_copy(tmp_path, edit) -> Path:
    book = openpyxl.load_workbook(CULTIVATION)
    edit(book.worksheets[0])
    path = tmp_path / "annex.xlsx"
    book.save(path)
    return path


def test_a_text_cell_among_the_values_is_named(tmp_path):
    path = _edited_copy(tmp_path, lambda sheet: sheet.__setitem__("C6", "n.a."))
    with pytest.raises(AnnexFormatError, match=r"annex.xlsx: Colombia 2010 holds 'n.a.', not a number"):
        read_annex_table(path)


def test_cells_marked_not_available_are_dropped(tmp_path):
    path = _edited_copy(tmp_path, lambda sheet: sheet.__setitem__("C6", ".."))
    annex = read_annex_table(path)
    assert 2010 not in set(annex.loc[annex["country"] == "Colombia", "year"])
    assert len(annex) == 35


def test_a_sheet_without_a_year_header_is_refused(tmp_path):
    def drop_header(sheet):
        for cell in sheet[3]:
            cell.value = None
    with pytest.raises(AnnexFormatError, match="no header row of years"):
        read_annex_table(_edited_copy(tmp_path, drop_header))


def test_a_sheet_without_andean_countries_is_refused(tmp_path):
    def rename(sheet):
        for row in (5, 6, 7):
            sheet.cell(row=row, column=1).value = "Elsewhere"
    with pytest.raises(AnnexFormatError, match="no country rows found"):
        read_annex_table(_edited_copy(tmp_path, rename))


# --- NCHS overdose death rates (Health, United States) inside the overdose_deaths builder ----------

def test_overdose_builder_reads_the_nchs_release_fixture():
    deaths = tables.overdose_deaths(FIXTURES)
    assert {"year", "period", "drug_class", "measure", "value", "unit", "data_status", "source_title",
            "source_url", "confidence"} <= set(deaths.columns)
    assert pd.api.types.is_integer_dtype(deaths["year"]) and pd.api.types.is_float_dtype(deaths["value"])
    rate = deaths[deaths["measure"] == "age_adjusted_rate"].set_index(["drug_class", "year"])
    # NCHS release rows (age-adjusted only; the crude rows of the same panels are dropped).
    assert rate.loc[("all drug overdose", 2018), "value"] == pytest.approx(20.7)
    assert rate.loc[("heroin", 2017), "value"] == pytest.approx(4.9)
    assert rate.loc[("all drug overdose", 2018), "source_url"] == tables.NCHS_HUS_URL
    # A row of the reference fact table, kept with its own source.
    assert rate.loc[("all drug overdose", 2022), "value"] == pytest.approx(32.6)
    assert "db522" in rate.loc[("all drug overdose", 2022), "source_url"]
    assert not deaths.duplicated(["year", "period", "drug_class", "measure", "data_status"]).any()


def test_overdose_builder_names_an_unknown_nchs_panel(tmp_path):
    for name in ("cdc_nchs_overdose_death_rates_by_drug_1999_2018_national.csv", "us_overdose_deaths_key_figures.csv"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        if name.startswith("cdc"):
            text = text.replace("Drug overdose deaths involving heroin", "Drug overdose deaths involving cocaine")
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(KeyError, match="involving cocaine"):
        tables.overdose_deaths(tmp_path)


# --- page-read overdose figures are data (data/eradication/overdose_page_figures.csv) -------------

def test_page_figures_file_feeds_the_overdose_table():
    pages = tables.overdose_page_figures()
    deaths = tables.overdose_deaths(FIXTURES).set_index(tables.DEATH_KEY)
    # A known page row: NCHS Data Brief 457 gives 106,699 overdose deaths in 2021.
    row = deaths.loc[(2021, "calendar year", "all drug overdose", "deaths", "final")]
    assert row["value"] == 106699 and "db457" in row["source_url"]
    assert (pages["use"] == tables.ADDS_A_FIGURE).sum() >= 50


def test_page_figures_with_an_unknown_use_are_refused(tmp_path):
    path = tmp_path / "overdose_page_figures.csv"
    text = tables.OVERDOSE_PAGE_FIGURES.read_text(encoding="utf-8")
    path.write_text(text.replace("adds a figure,2013", "guessed,2013", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown use \['guessed'\]"):
        tables.overdose_page_figures(path)


def test_a_recitation_naming_no_row_is_refused():
    table = pd.DataFrame([{"year": 2020, "period": "calendar year", "drug_class": "heroin", "measure": "deaths",
                           "data_status": "final", "source_title": "t", "source_url": "https://x", "confidence": "high"}])
    better = pd.DataFrame([{"year": 1999, "period": "calendar year", "drug_class": "heroin", "measure": "deaths",
                            "data_status": "final", "source_title": "b", "source_url": "https://y", "confidence": "high"}])
    with pytest.raises(ValueError, match=r"no overdose row \(1999"):
        tables._recite(table, better)
