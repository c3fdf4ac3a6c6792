"""The eradication chapter's tables: the UNODC annex converter, the committed CSVs, their schemas."""

import openpyxl
import pandas as pd
import pytest

from hemisphere import data, paths
from hemisphere.eradication import tables
from hemisphere.eradication.unodc_annex import AnnexFormatError, read_annex_table

TABLES = ["coca_cultivation", "cocaine_production", "coca_eradication", "poppy_cultivation",
          "majors_list", "overdose_deaths"]


def _annex(shared_sources, name):
    return shared_sources / "eradication" / name


def test_cultivation_annex_reads_every_andean_country_and_year(shared_sources):
    annex = read_annex_table(_annex(shared_sources, tables.CULTIVATION_ANNEX))
    assert sorted(annex["country"].unique()) == ["Bolivia", "Colombia", "Peru"]
    assert annex.groupby("country")["year"].agg(["min", "max", "count"]).to_dict("list") == {
        "min": [2009] * 3, "max": [2020] * 3, "count": [12] * 3}
    value = annex.set_index(["country", "year"])["hectares"]
    # Header cells for 2009-2013 are Excel dates; they must still come out as those years.
    assert value[("Bolivia", 2009)] == 30900
    assert value[("Peru", 2013)] == 49800
    assert value[("Colombia", 2020)] == 142800


def test_eradication_annex_keeps_method_unit_and_decimals(shared_sources):
    annex = read_annex_table(_annex(shared_sources, tables.ERADICATION_ANNEX))
    assert len(annex) == 36
    assert set(annex["method"]) == {"manual"} and set(annex["unit"]) == {"hectare"}
    colombia = annex[annex["country"] == "Colombia"].set_index("year")["hectares"]
    assert colombia[2012] == pytest.approx(131004.75)
    assert colombia[2016] == 17642


def test_annex_agrees_with_simci_exact_colombia_series(shared_sources):
    """The annex rounds SIMCI's totals to the thousand (2020: to the hundred)."""
    annex = read_annex_table(_annex(shared_sources, tables.CULTIVATION_ANNEX))
    rounded = annex[annex["country"] == "Colombia"].set_index("year")["hectares"]
    exact = data.load("coca_cultivation")
    exact = exact[(exact["country"] == "Colombia") & (exact["estimator"] == "UNODC")].set_index("year")["hectares"]
    assert ((rounded - exact.reindex(rounded.index)).abs() <= 500).all()


def test_annex_reader_rejects_a_workbook_without_year_header(tmp_path):
    """Tiny fixture workbook (labelled as such): a sheet with no header row of years."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["fixture: not an annex table"])
    workbook.active.append(["Colombia", 1, 2, 3])
    path = tmp_path / "fixture.xlsx"
    workbook.save(path)
    with pytest.raises(AnnexFormatError, match="no header row of years"):
        read_annex_table(path)


def test_annex_reader_rejects_text_in_a_value_cell(tmp_path):
    """Tiny fixture workbook (labelled as such): a country row holding text where a number belongs."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["fixture", 2019, 2020, 2021])
    workbook.active.append(["Peru", 1000, "about 2000", 3000])
    path = tmp_path / "fixture.xlsx"
    workbook.save(path)
    with pytest.raises(AnnexFormatError, match="Peru 2020"):
        read_annex_table(path)


@pytest.mark.parametrize("name", TABLES)
def test_committed_table_is_what_the_builder_produces(shared_sources, tmp_path, name):
    """The CSVs in data/eradication/ are regenerated exactly from the publishers' releases."""
    tables.write_tables(shared_sources / "eradication", tmp_path)
    committed = (tables.OUTPUT / f"{name}.csv").read_text(encoding="utf-8")
    assert (tmp_path / f"{name}.csv").read_text(encoding="utf-8") == committed


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_against_its_schema_with_sources(name):
    table = data.load(name)
    assert len(table) > 0
    resource = table.attrs["resource"]
    assert resource["theme"] == "eradication"
    assert resource["caveats"] and resource["sources"]
    assert table["source_url"].str.match(r"https?://").all()


def test_colombia_unodc_series_is_complete_2001_to_2024():
    cultivation = data.load("coca_cultivation")
    years = cultivation[(cultivation["country"] == "Colombia") & (cultivation["estimator"] == "UNODC")]["year"]
    assert sorted(years) == list(range(2001, 2025))


def test_majors_list_covers_fy2010_to_fy2026_with_verification_labels():
    majors = data.load("majors_list")
    assert sorted(majors["fiscal_year"].unique()) == list(range(2010, 2027))
    assert set(majors["failed_demonstrably"]) == {"yes", "no", "not verified"}


def test_a_broken_table_fails_with_a_named_error(tmp_path):
    """Fixture copy of the catalogue pointing at a corrupted copy of coca_cultivation.csv."""
    (tmp_path / "eradication").mkdir()
    source = tables.OUTPUT / "coca_cultivation.csv"
    broken = pd.read_csv(source, dtype=str)
    broken.loc[0, "hectares"] = "-5"
    broken.to_csv(tmp_path / "eradication" / "coca_cultivation.csv", index=False)
    (tmp_path / "datapackage.yaml").write_text(
        paths.DATAPACKAGE.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(data.DataError, match="hectares"):
        data.load("coca_cultivation", descriptor_path=tmp_path / "datapackage.yaml")
