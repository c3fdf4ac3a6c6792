"""SESNSP victims converter and the FTO-list functions on committed fixtures (tests/fixtures/converters/,
labelled test data cut from the releases / the project's own FTO table): no ../shared needed."""

from pathlib import Path

import pandas as pd
import pytest

from hemisphere import catalogue, data
from hemisphere.terrorist_designation import fto_list, sesnsp

FIXTURES = Path(__file__).parent / "fixtures" / "converters"
SESNSP = FIXTURES / "mexico_sesnsp_victimas_fuero_comun_estatal_anual_genero_2015_2025H1.csv"
FTO = FIXTURES / "fto_list.csv"


@pytest.fixture(scope="module")
def victims():
    return sesnsp.read_victims(SESNSP)


def test_sesnsp_reader_keeps_state_codes_as_text(victims):
    assert set(victims["cve_ent"]) == {"00", "01", "09", "32"}
    assert pd.api.types.is_integer_dtype(victims["n_victimas"]) and pd.api.types.is_float_dtype(victims["n_victimas_x100khab"])
    assert "Ciudad de México" in set(victims["nombre_estado"])  # UTF-8 accents read as such


def test_sesnsp_national_homicides(victims):
    national = sesnsp.national_homicides(victims)
    assert list(national.columns) == ["country", "year", "period", "indicator", "series", "value", "unit", "data_status"]
    value = national.set_index(["indicator", "year"])["value"]
    assert value["homicide_victims", 2018] == 33742  # 3,248 + 23,936 + 6,059 + 499 over the four modalities
    assert value["homicide_victims", 2025] == 12752
    assert value["firearm_homicide_victims", 2018] == 23936
    assert value["femicide_victims", 2018] == 920
    assert value["homicide_rate", 2018] == pytest.approx(26.78)
    newest = national[national["year"] == 2025]
    assert set(newest["period"]) == {"Jan-Jun"} and set(newest["data_status"]) == {"partial year"}
    assert set(national.loc[national["year"] == 2018, "period"]) == {"year"}


def test_sesnsp_full_year_label(victims):
    national = sesnsp.national_homicides(victims, last_year_months=12)
    assert set(national["period"]) == {"year"} and set(national["data_status"]) == {"final"}


def test_sesnsp_state_homicides(victims):
    states = sesnsp.state_homicides(victims)
    assert list(states.columns) == ["year", "period", "state_code", "state", "homicide_victims", "homicide_rate"]
    row = states.set_index(["year", "state_code"])
    assert row.loc[(2018, "09"), "homicide_victims"] == 1597
    assert row.loc[(2018, "32"), "homicide_rate"] == pytest.approx(42.00)
    assert row.loc[(2025, "32"), "period"] == "Jan-Jun"
    assert "00" not in set(states["state_code"])  # the national total is not a state


def test_sesnsp_reader_names_missing_columns(tmp_path):
    broken = tmp_path / "victims.csv"
    broken.write_text(SESNSP.read_text(encoding="utf-8").replace("n_victimas_x100khab", "tasa", 1), encoding="utf-8")
    with pytest.raises(sesnsp.SesnspFormatError, match=r"missing columns \['n_victimas_x100khab'\]"):
        sesnsp.read_victims(broken)


def test_sesnsp_without_homicide_rows_is_refused(victims):
    with pytest.raises(sesnsp.SesnspFormatError, match="no rows for subtype 'Homicidio doloso'"):
        sesnsp.national_homicides(victims[victims["subtipo_de_delito"] != sesnsp.HOMICIDE])


# --- the FTO list ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fto():
    """The fixture rows, typed and checked by the loader against the catalogue's fto_list schema."""
    raw = pd.read_csv(FTO, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    return data.validate("fto_list", raw, catalogue.resource("fto_list")["schema"])


def test_fto_fixture_has_the_table_layout(fto):
    assert len(fto) == 12
    assert pd.api.types.is_datetime64_any_dtype(fto["designation_date"])
    assert pd.api.types.is_bool_dtype(fto["western_hemisphere"])


def test_fto_membership_on_a_date(fto):
    assert fto_list.count_on(fto, "2025-02-19", western_hemisphere=True) == 3  # ELN, Shining Path, FARC-EP
    assert fto_list.count_on(fto, "2025-02-19", western_hemisphere=True, kind="criminal") == 0
    assert fto_list.count_on(fto, "2025-02-20", western_hemisphere=True, kind="criminal") == 2  # CJNG, Tren de Aragua
    assert "FARC" in set(fto_list.on_list(fto, "2021-11-29")["org_id"])
    assert "FARC" not in set(fto_list.on_list(fto, "2021-11-30")["org_id"])  # a revocation ends it that day
    assert "HOUTHI" in set(fto_list.on_list(fto, "2021-02-01")["org_id"])  # the prior episode of 2021
    assert "HOUTHI" not in set(fto_list.on_list(fto, "2021-02-16")["org_id"])
    assert set(fto_list.designated_on(fto, "2025-02-20")["org_id"]) == {"CJNG", "TDA"}


def test_fto_counts_over_time(fto):
    counts = fto_list.counts_over_time(fto, "Western Hemisphere", "2025-12-31")
    assert counts.index[0] == fto_list.FIRST_LIST and counts.index[-1] == pd.Timestamp("2025-12-31")
    assert counts.loc[pd.Timestamp("1997-10-08")].to_dict() == {
        "Other regions": 2, "Western Hemisphere: ideological groups": 3, "Western Hemisphere: criminal groups": 0}
    assert counts.iloc[-1]["Western Hemisphere: criminal groups"] == 3  # CJNG, Tren de Aragua, Cartel de los Soles
    assert (counts.sum(axis=1) == [fto_list.count_on(fto, moment) for moment in counts.index]).all()


def test_fto_categories_for_all_regions(fto):
    assert set(fto_list.category(fto, fto_list.ALL_REGIONS)) == {"Ideological groups", "Criminal groups", "State entity"}
