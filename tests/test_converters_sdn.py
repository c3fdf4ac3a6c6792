"""OFAC SDN readers (Venezuela chapter and the FTO cross-check) on committed fixtures cut from the
three SDN copies (tests/fixtures/converters/, labelled test data): no ../shared needed."""

from pathlib import Path

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.terrorist_designation import ofac_fto
from hemisphere.venezuela.sdn import COLUMNS, SDNFormatError, read_legacy_sdn_csv, read_parsed_sdn_csv
from hemisphere.venezuela.sdn_tables import SNAPSHOTS, build_sdn_tables

FIXTURES = Path(__file__).parent / "fixtures" / "converters"
LEGACY_2021 = FIXTURES / "ofac_sdn_raw_2021-08-18_jackdwyer.csv"
LEGACY_2024 = FIXTURES / "ofac_sdn_raw_2024-05-03_jackdwyer.csv"
PARSED_2026 = FIXTURES / "ofac_sdn_parsed_2026-08-20_kindrat86.csv"
MADURO, MAKLED, SHINING_PATH, TREN_DE_ARAGUA, SOLES = 22790, 11500, 4715, 49756, 55025


def test_legacy_fixture_is_in_the_release_format():
    raw = LEGACY_2024.read_bytes()
    assert raw.endswith(b"\r\n\x1a")  # CRLF lines and OFAC's end-of-file marker
    assert not raw.startswith(b"ent_num")  # no header row


def test_legacy_reader_values_and_types():
    entries = read_legacy_sdn_csv(LEGACY_2024)
    assert list(entries.columns) == COLUMNS
    assert pd.api.types.is_integer_dtype(entries["ent_num"])
    assert len(entries) == 8  # the end-of-file marker is not an entry
    by_id = entries.set_index("ent_num")
    assert by_id.at[MADURO, "name"] == "MADURO MOROS, Nicolas"
    assert by_id.at[MADURO, "programs"] == ("VENEZUELA", "IRAN-CON-ARMS-EO")
    assert "POB Caracas, Venezuela" in by_id.at[MADURO, "remarks"]
    assert by_id.at[173, "name"] == "ANGLO-CARIBBEAN CO., LTD."  # quoted comma
    assert by_id.at[36, "sdn_type"] == "entity"  # the legacy file leaves entities' type empty ('-0- ')
    assert by_id.at[36, "remarks"] == ""
    assert set(entries["sdn_type"]) == {"entity", "individual", "vessel", "aircraft"}
    assert (entries["alternate_names"] == "").all()


def test_parsed_reader_values_and_types():
    entries = read_parsed_sdn_csv(PARSED_2026)
    assert list(entries.columns) == COLUMNS
    by_id = entries.set_index("ent_num")
    assert by_id.at[MADURO, "programs"] == ("VENEZUELA", "IRAN-CON-ARMS-EO")
    assert by_id.at[TREN_DE_ARAGUA, "programs"] == ("FTO", "SDGT", "TCO")
    assert by_id.at[TREN_DE_ARAGUA, "alternate_names"] == "EL TREN DE ARAGUA"
    assert (entries["remarks"] == "").all()  # that release carries no Remarks


def test_build_sdn_tables_on_the_fixtures_matches_the_committed_rows():
    """Each entry's basis depends only on its own rows, so the fixtures give the committed rows for their entries."""
    assert [s.file_name for s in SNAPSHOTS] == [LEGACY_2021.name, LEGACY_2024.name, PARSED_2026.name]
    entries, snapshots = build_sdn_tables(FIXTURES)
    basis = entries.set_index(["snapshot_date", "ent_num"])["basis"]
    assert basis["2021-08-18", MAKLED] == "remarks"  # SDNTK, nationality Venezuela in the Remarks
    assert basis["2026-08-20", MAKLED] == "carried_forward"  # the 2026 copy has no Remarks
    assert basis["2026-08-20", SOLES] == "named_organization"
    assert basis["2024-05-03", MADURO] == "program_tag"
    assert SHINING_PATH not in set(entries["ent_num"])
    assert snapshots["entries_total"].tolist() == [8, 8, 10]
    committed = data.load("sdn_entries")
    committed = committed[committed["ent_num"].isin(set(entries["ent_num"]))]
    assert list(zip(committed["snapshot_date"].dt.strftime("%Y-%m-%d"), committed["ent_num"], committed["basis"])) \
        == list(zip(entries["snapshot_date"], entries["ent_num"], entries["basis"]))


def test_legacy_reader_names_a_short_line(tmp_path):
    lines = LEGACY_2024.read_bytes().split(b"\r\n")
    lines[2] = b'306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA"'
    broken = tmp_path / "sdn.csv"
    broken.write_bytes(b"\r\n".join(lines))
    with pytest.raises(SDNFormatError, match="line 3 has 4 fields, expected 12"):
        read_legacy_sdn_csv(broken)


def test_legacy_reader_refuses_a_file_with_no_entries(tmp_path):
    empty = tmp_path / "sdn.csv"
    empty.write_bytes(b"\x1a")  # what a failed download left in the scraped repository
    with pytest.raises(SDNFormatError, match="no SDN entries found"):
        read_legacy_sdn_csv(empty)


def test_legacy_reader_refuses_the_parsed_layout():
    with pytest.raises(SDNFormatError, match="fields, expected 12"):
        read_legacy_sdn_csv(PARSED_2026)


def test_parsed_reader_refuses_the_legacy_layout():
    with pytest.raises(SDNFormatError, match="missing columns"):
        read_parsed_sdn_csv(LEGACY_2024)


# --- the FTO cross-check's readers (hemisphere.terrorist_designation.ofac_fto) -------------------

def test_ofac_fto_raw_reader_values_and_types():
    sdn = ofac_fto.read_sdn_raw(LEGACY_2024)
    assert list(sdn.columns) == ["ofac_uid", "sdn_name", "programs"]
    assert pd.api.types.is_integer_dtype(sdn["ofac_uid"]) and len(sdn) == 8
    assert sdn.set_index("ofac_uid").at[SHINING_PATH, "programs"] == ["SDNTK", "FTO", "SDGT"]
    tagged = ofac_fto.fto_tagged(sdn, "2024-05-03")
    assert list(tagged.columns) == ["snapshot_date", "ofac_uid", "sdn_name", "programs"]
    assert tagged[["ofac_uid", "sdn_name", "programs"]].values.tolist() == [[SHINING_PATH, "SHINING PATH", "SDNTK; FTO; SDGT"]]


def test_ofac_fto_parsed_reader_and_the_committed_tags():
    tagged = ofac_fto.fto_tagged(ofac_fto.read_sdn_parsed(PARSED_2026), "2026-08-20")
    assert tagged["ofac_uid"].tolist() == [SHINING_PATH, TREN_DE_ARAGUA, SOLES]
    committed = data.load("ofac_fto_tags")
    committed = committed[(committed["snapshot_date"] == pd.Timestamp("2026-08-20"))
                          & committed["ofac_uid"].isin(tagged["ofac_uid"])]
    assert committed["programs"].tolist() == tagged["programs"].tolist()


def test_ofac_fto_raw_reader_refuses_the_parsed_layout():
    """The parsed copy read as the headerless legacy file must fail, not give an empty FTO list."""
    with pytest.raises(ofac_fto.SdnFormatError, match="12"):
        ofac_fto.read_sdn_raw(PARSED_2026)


def test_ofac_fto_raw_reader_refuses_a_file_with_no_entries(tmp_path):
    empty = tmp_path / "sdn.csv"
    empty.write_bytes(b"\x1a")
    with pytest.raises(ofac_fto.SdnFormatError, match="no numbered SDN entries"):
        ofac_fto.read_sdn_raw(empty)


def test_ofac_fto_parsed_reader_refuses_the_legacy_layout():
    with pytest.raises(ofac_fto.SdnFormatError, match="expected columns uid, name, programs"):
        ofac_fto.read_sdn_parsed(LEGACY_2024)
