"""One theme registry (data/themes.csv): everything that lists themes reads it."""

import shutil

import pytest

from hemisphere import appendix, charts, claims, overview, params, paths, themes, timeline


def test_registry_matches_the_files_of_each_theme():
    for theme in themes.all_themes():
        assert (paths.NOTEBOOKS / f"{theme.notebook}.ipynb").is_file()
        assert (paths.DATA / theme.data_folder).is_dir()
        assert (paths.ROOT / theme.package.replace(".", "/")).is_dir()
        assert theme.colour in charts.COLORS


def test_every_consumer_reads_the_registry():
    ids = themes.ids()
    assert list(claims.THEMES) == ids and claims.THEME_NOTEBOOKS == themes.notebooks()
    assert overview.THEME_CHAPTERS == themes.notebooks()
    assert [t for t in timeline.LANES if t != "general"] == ids
    assert [t for t in appendix.THEME_TITLES if t != "general"] == ids
    assert set(ids) <= set(charts.THEMES)
    for notebook in ("overview", "claims"):
        assert params.declaration(notebook).parameters["themes"].allowed() == ids
        assert params.validate(notebook, {})["themes"] == ids


@pytest.fixture
def one_more_theme(tmp_path, monkeypatch):
    """A copy of data/ whose registry has a fifth theme (its files are not needed to list it)."""
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA, copy)
    with (copy / "themes.csv").open("a") as registry:
        registry.write("remittances,Remittances,remittances,remittances,hemisphere.remittances,Remittances,sky,"
                       "remittances\n")
    monkeypatch.setattr(paths, "DATA", copy)
    monkeypatch.setattr(paths, "DATAPACKAGE", copy / "datapackage.yaml")
    return copy


def test_a_new_theme_is_one_registry_entry(one_more_theme):
    assert themes.ids()[-1] == "remittances"
    assert "remittances" in charts.THEMES and "remittances" in claims.THEMES
    assert timeline.LANES["remittances"] == "Remittances"
    assert appendix.THEME_TITLES["remittances"] == "Remittances"
    assert "remittances" in params.declaration("overview").parameters["themes"].allowed()
    assert timeline.lane_colours()["remittances"] == charts.COLORS["sky"]
    charts.Chart(theme="remittances", name="probe", title="A probe", subtitle="none", alt="probe")


def test_schemas_that_list_themes_list_the_registry():
    """The events register and the claims table name themes; their schemas' enums follow the registry."""
    from hemisphere import catalogue

    def enum(table):
        field = next(f for f in catalogue.resource(table)["schema"]["fields"] if f["name"] == "theme")
        return field["constraints"]["enum"]

    assert set(enum("events")) == set(themes.ids()) | {"general"}
    assert set(enum("claims")) == set(themes.ids())
