"""The briefs' tables: one country list with ISO codes, and the region-wide converted tables."""

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.briefs import countries, tables


def test_country_list_has_the_33_states_with_codes():
    listed = data.load("countries")
    assert len(listed) == 33
    guatemala = listed[listed["iso3"] == "GTM"].iloc[0]
    assert (guatemala["iso2"], guatemala["m49"], guatemala["name"], guatemala["subregion"]) == \
        ("GT", "320", "Guatemala", "Central America")
    assert set(listed["subregion"]) == {"Caribbean", "Central America", "South America"}


@pytest.mark.parametrize("spelling, name", [
    ("St. Lucia", "Saint Lucia"), ("The Bahamas", "Bahamas"), ("Venezuela (Bolivarian Republic of)", "Venezuela"),
    ("Bolivia", "Bolivia"), ("Central America Region", None), ("Canada", None),
])
def test_publishers_spellings_resolve_to_one_name(spelling, name):
    assert countries.resolve(spelling) == name


def test_split_reads_a_countries_cell():
    assert countries.split("El Salvador; Guatemala; Honduras") == ["El Salvador", "Guatemala", "Honduras"]
    assert countries.split("Canada; Mexico") == ["Mexico"]
    assert countries.split(None) == []


def test_every_country_has_aid_and_a_homicide_rate():
    aid, homicide = data.load("us_aid_hemisphere"), data.load("homicide_rate_hemisphere")
    assert set(aid["country"]) == set(countries.names())
    assert set(homicide["country"]) == set(countries.names())


def test_known_rows_from_the_sources():
    """Values as in the releases (ForeignAssistance.gov, OWID/UNODC, OHSS)."""
    aid = data.load("us_aid_hemisphere").set_index(["country_code", "fiscal_year", "measure"])
    assert aid.loc[("GTM", 2021, "obligations"), "amount_usd"] == 296672426
    homicide = data.load("homicide_rate_hemisphere").set_index(["iso3", "year"])
    assert homicide.loc[("JAM", 2023), "rate_per_100k"] == pytest.approx(49.3, abs=0.01)
    usbp = data.load("usbp_citizenship_hemisphere")
    guatemala_2021 = usbp[(usbp["iso3"] == "GTM") & (usbp["fiscal_year"] == 2021)]["encounters"].sum()
    assert guatemala_2021 == 279280
    assert usbp[usbp["fiscal_year"] == 2025]["partial_year"].all()


def test_converters_rebuild_the_committed_tables(shared_sources, tmp_path):
    written = tables.write_all(shared_sources / "northern_triangle", tmp_path)
    for name in written:
        committed = pd.read_csv(data.catalogue.table_file(name))
        rebuilt = pd.read_csv(tmp_path / f"{name}.csv")
        pd.testing.assert_frame_equal(committed, rebuilt)


def test_usbp_converter_refuses_an_unknown_region():
    release = pd.DataFrame({"fiscal_year": [2020], "region": ["Moon Border"], "citizenship": ["Peru"],
                            "encounters": [10]})
    with pytest.raises(ValueError, match="unexpected region"):
        tables.usbp_by_citizenship(release)
