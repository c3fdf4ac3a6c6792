"""Converters from publishers' formats, tested against the reference copies in ../shared/sources."""

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.terrorist_designation import ofac_fto, sesnsp

SESNSP_FILE = "terrorist_designation/mexico_sesnsp_victimas_fuero_comun_estatal_anual_genero_2015_2025H1.csv"
SDN_2021 = "venezuela/ofac_sdn_raw_2021-08-18_jackdwyer.csv"
SDN_2024 = "venezuela/ofac_sdn_raw_2024-05-03_jackdwyer.csv"
SDN_2026 = "venezuela/ofac_sdn_parsed_2026-08-20_kindrat86.csv"


@pytest.fixture(scope="module")
def sesnsp_victims():
    from hemisphere import paths

    if not paths.SHARED_SOURCES.is_dir():
        pytest.skip("../shared/sources is not present")
    return sesnsp.read_victims(paths.SHARED_SOURCES / SESNSP_FILE)


def test_sesnsp_national_homicide_victims_match_published_totals(sesnsp_victims):
    national = sesnsp.national_homicides(sesnsp_victims)
    victims = national[national["indicator"] == "homicide_victims"].set_index("year")["value"]
    assert victims[2018] == 33742
    assert victims[2024] == 30046
    assert victims[2025] == 12752
    rate = national[national["indicator"] == "homicide_rate"].set_index("year")["value"]
    assert rate[2019] == pytest.approx(27.29)
    assert national.loc[national["year"] == 2025, "period"].unique().tolist() == ["Jan-Jun"]


def test_sesnsp_states_add_up_to_the_national_total(sesnsp_victims):
    states = sesnsp.state_homicides(sesnsp_victims)
    assert states["state_code"].nunique() == 32
    national = sesnsp.national_homicides(sesnsp_victims)
    victims = national[national["indicator"] == "homicide_victims"].set_index("year")["value"]
    by_year = states.groupby("year")["homicide_victims"].sum()
    assert (by_year == victims.loc[by_year.index]).all()


def test_committed_mexico_tables_are_the_converter_output(sesnsp_victims):
    committed = data.load("mexico_homicides_by_state")
    regenerated = sesnsp.state_homicides(sesnsp_victims)
    pd.testing.assert_frame_equal(
        committed[regenerated.columns].astype({"year": int, "homicide_victims": int}).reset_index(drop=True),
        regenerated, check_dtype=False)
    homicides = data.load("homicides")
    committed_national = homicides[homicides["series"] == "SESNSP"].sort_values(["indicator", "year"])
    national = sesnsp.national_homicides(sesnsp_victims).sort_values(["indicator", "year"])
    assert committed_national["value"].tolist() == pytest.approx(national["value"].astype(float).tolist())


def test_sesnsp_reader_rejects_another_layout(tmp_path):
    other = tmp_path / "not_sesnsp.csv"
    other.write_text("year,victims\n2020,1\n", encoding="utf-8")
    with pytest.raises(sesnsp.SesnspFormatError, match="missing columns"):
        sesnsp.read_victims(other)


def test_ofac_raw_and_parsed_layouts_give_the_fto_tagged_entries(shared_sources):
    tagged_2021 = ofac_fto.fto_tagged(ofac_fto.read_sdn_raw(shared_sources / SDN_2021), "2021-08-18")
    tagged_2024 = ofac_fto.fto_tagged(ofac_fto.read_sdn_raw(shared_sources / SDN_2024), "2024-05-03")
    tagged_2026 = ofac_fto.fto_tagged(ofac_fto.read_sdn_parsed(shared_sources / SDN_2026), "2026-08-20")
    assert (len(tagged_2021), len(tagged_2024), len(tagged_2026)) == (74, 70, 103)
    shining_path = tagged_2024[tagged_2024["ofac_uid"] == 4715].iloc[0]
    assert shining_path["sdn_name"] == "SHINING PATH"
    assert shining_path["programs"] == "SDNTK; FTO; SDGT"
    assert "TREN DE ARAGUA" in set(tagged_2026["sdn_name"])
    assert "TREN DE ARAGUA" not in set(tagged_2024["sdn_name"])


def test_committed_ofac_tags_are_the_converter_output(shared_sources):
    committed = data.load("ofac_fto_tags")
    regenerated = pd.concat([
        ofac_fto.fto_tagged(ofac_fto.read_sdn_raw(shared_sources / SDN_2021), "2021-08-18"),
        ofac_fto.fto_tagged(ofac_fto.read_sdn_raw(shared_sources / SDN_2024), "2024-05-03"),
        ofac_fto.fto_tagged(ofac_fto.read_sdn_parsed(shared_sources / SDN_2026), "2026-08-20"),
    ], ignore_index=True)
    assert committed["ofac_uid"].astype(int).tolist() == regenerated["ofac_uid"].tolist()
    assert committed["programs"].tolist() == regenerated["programs"].tolist()


def test_parsed_reader_rejects_another_layout(tmp_path):
    other = tmp_path / "not_sdn.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ofac_fto.SdnFormatError, match="expected columns"):
        ofac_fto.read_sdn_parsed(other)
