"""A chart's or table's source line credits only the publishers of the rows it draws (issue 13, item 7).

The fixture table below (two publishers, one per country) is test data, not real data.
"""

from pathlib import Path

import pandas as pd
import pytest
import yaml

from hemisphere import catalogue, charts, data, paths

FIXTURE_BLOCK = {
    "name": "fixture_two_publishers",
    "theme": "general",
    "title": "Fixture: one count per country, each country counted by its own agency",
    "sources": [
        {"title": "Fixture agency A bulletin", "publisher": "Fixture Agency of Atlantis",
         "path": "https://example.org/a", "date_retrieved": "2026-01-01", "rows": {"country": ["Atlantis"]}},
        {"title": "Fixture agency B bulletin", "publisher": "Fixture Office of Borduria",
         "path": "https://example.org/b", "date_retrieved": "2026-01-01", "rows": {"country": ["Borduria"]}},
        {"title": "Fixture compilation", "publisher": "Fixture Compilers",
         "path": "https://example.org/c", "date_retrieved": "2026-01-01"},
    ],
    "licenses": [{"name": "fixture", "title": "fixture"}],
    "vintage": "fixture", "units": "things",
    "schema": {"fields": [
        {"name": "country", "type": "string", "constraints": {"required": True, "enum": ["Atlantis", "Borduria"]}},
        {"name": "year", "type": "integer"},
        {"name": "value", "type": "number"},
    ]},
}
FIXTURE_ROWS = "country,year,value\nAtlantis,2018,1\nAtlantis,2019,2\nBorduria,2018,3\nBorduria,2019,4\n"


def _descriptor_with(tmp_path: Path, monkeypatch, block: dict) -> None:
    """The project's catalogue plus one fixture block, installed as the catalogue for the test."""
    table = tmp_path / f"{block['name']}.csv"
    table.write_text(FIXTURE_ROWS, encoding="utf-8")
    descriptor = yaml.safe_load(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    descriptor["resources"].append(dict(block, path=str(table)))
    path = tmp_path / "datapackage.yaml"
    path.write_text(yaml.safe_dump(descriptor, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setattr(paths, "DATAPACKAGE", path)


@pytest.fixture
def fixture_catalogue(tmp_path, monkeypatch):
    _descriptor_with(tmp_path, monkeypatch, FIXTURE_BLOCK)
    return data.load("fixture_two_publishers")


def test_rows_of_one_publisher_credit_only_it(fixture_catalogue):
    atlantis = fixture_catalogue[fixture_catalogue["country"] == "Atlantis"]
    named = catalogue.publishers(["fixture_two_publishers"], atlantis)
    assert named == ["Fixture Agency of Atlantis", "Fixture Compilers"], "a source with no selector is always credited"
    both = catalogue.publishers(["fixture_two_publishers"], fixture_catalogue)
    assert both == ["Fixture Agency of Atlantis", "Fixture Office of Borduria", "Fixture Compilers"]


def test_data_without_the_selecting_column_credits_every_source(fixture_catalogue):
    totals = pd.DataFrame({"year": [2018, 2019], "value": [4, 6]})
    assert len(catalogue.credited("fixture_two_publishers", totals)) == 3
    assert len(catalogue.credited("fixture_two_publishers", None)) == 3


def test_an_empty_selection_still_names_its_sources(fixture_catalogue):
    nothing = fixture_catalogue.iloc[0:0]
    assert len(catalogue.credited("fixture_two_publishers", nothing)) == 3


def test_a_chart_drawing_one_publishers_rows_credits_only_it(fixture_catalogue, tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "_display_image", lambda *args: None)
    charts.set_output_dir(tmp_path / "figures")
    try:
        chart = charts.Chart(theme="general", name="fixture_credit", title="Borduria's fixture count rises",
                             subtitle="Things; data to 2019", alt="Line chart of a fixture count", time_axis="year")
        borduria = fixture_catalogue[fixture_catalogue["country"] == "Borduria"]
        chart.ax.plot(borduria["year"], borduria["value"])
        chart.show(sources=["fixture_two_publishers"], data=borduria)
    finally:
        charts.set_output_dir(None)
    line = chart.source_line(["fixture_two_publishers"])
    assert "Fixture Office of Borduria" in line and "Fixture Atlantis" not in line
    assert "Agency of Atlantis" not in line
    svg = (tmp_path / "figures" / "general" / "fixture_credit.svg").read_text(encoding="utf-8")
    assert "Borduria" in svg and "Agency of Atlantis" not in svg, "the drawn source line credits the rows drawn"


def test_a_table_showing_one_publishers_rows_credits_only_it(fixture_catalogue, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj.data))
    atlantis = fixture_catalogue[fixture_catalogue["country"] == "Atlantis"]
    charts.show_table(atlantis, caption="Atlantis fixture counts", sources=["fixture_two_publishers"])
    assert "Agency of Atlantis" in shown[0] and "Borduria" not in shown[0]


def test_a_selector_on_an_unknown_column_is_a_catalogue_error(tmp_path, monkeypatch):
    block = yaml.safe_load(yaml.safe_dump(FIXTURE_BLOCK))
    block["sources"][0]["rows"] = {"province": ["Atlantis"]}
    _descriptor_with(tmp_path, monkeypatch, block)
    with pytest.raises(catalogue.CatalogueError,
                       match=r"fixture_two_publishers.*Fixture Agency of Atlantis.*column 'province'.*does not have"):
        catalogue.resource("fixture_two_publishers")


def test_a_selector_value_the_column_cannot_hold_is_a_catalogue_error(tmp_path, monkeypatch):
    block = yaml.safe_load(yaml.safe_dump(FIXTURE_BLOCK))
    block["sources"][1]["rows"] = {"country": ["Syldavia"]}
    _descriptor_with(tmp_path, monkeypatch, block)
    # Loading any table (what the build's validation does first) refuses the catalogue.
    with pytest.raises(data.DataError, match=r"country = Syldavia, a value the column cannot hold"):
        data.load("fixture_two_publishers")


def test_a_selector_value_no_row_holds_is_refused_on_load(tmp_path, monkeypatch):
    block = yaml.safe_load(yaml.safe_dump(FIXTURE_BLOCK))
    block["sources"][1]["rows"] = {"year": [2020]}
    _descriptor_with(tmp_path, monkeypatch, block)
    with pytest.raises(data.DataError) as refused:
        data.load("fixture_two_publishers")
    assert str(refused.value) == ("table 'fixture_two_publishers', source 2 (Fixture Office of Borduria): "
                                  "`rows:` selects year = 2020, which no row holds")


@pytest.mark.parametrize("block", [b for b in catalogue.resources()
                                   if any(catalogue.row_selector(s) for s in b["sources"])],
                         ids=lambda b: b["name"])
def test_every_selector_in_the_catalogue_selects_rows_of_its_table(block):
    assert catalogue.selector_problems(block) == []
    assert catalogue.absent_selector_values(block, data.load(block["name"])) == []


# --- the real tables: the cases issue 13 named ------------------------------------------------------

def test_a_honduras_only_selection_does_not_credit_el_salvadors_agency():
    returnees = data.load("returnees_received")
    honduras = returnees[returnees["country"] == "Honduras"]
    line = charts.source_text(["returnees_received"], data=honduras)
    assert "Honduras" in line and "El Salvador" not in line and "Guatemal" not in line


@pytest.mark.parametrize("country", ["Peru", "Bolivia"])
def test_bolivia_and_peru_rows_credit_no_colombian_publisher(country):
    for table in ("coca_cultivation", "coca_eradication", "cocaine_production"):
        rows = data.load(table)
        rows = rows[rows["country"] == country]
        named = catalogue.publishers([table], rows)
        assert named and not [p for p in named if "Colombia" in p or "SIMCI" in p], (table, named)


def test_homicide_rates_of_unodc_alone_credit_unodc_alone():
    rates = data.load("homicide_rate")
    unodc = rates[rates["source"] == "UNODC"]
    assert [p for p in catalogue.publishers(["homicide_rate"], unodc)] == ["UNODC (via Our World in Data)"]
