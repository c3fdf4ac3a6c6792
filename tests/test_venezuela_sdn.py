"""The SDN release readers and the sdn_entries converter, against the shared raw copies."""

from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from hemisphere import data
from hemisphere.venezuela.sdn import SDNFormatError, read_legacy_sdn_csv, read_parsed_sdn_csv, split_programs
from hemisphere.venezuela.sdn_tables import SNAPSHOTS, build_sdn_tables, remarks_facts, venezuelan_in_remarks

MADURO = 22790


@lru_cache(maxsize=1)
def _read_copies(folder: str) -> dict:
    """Each copy is read once per test session (the files are 2-4 MB)."""
    return {s.snapshot_date: s.reader(Path(folder) / s.file_name) for s in SNAPSHOTS}


@pytest.fixture
def copies(shared_sources):
    return _read_copies(str(shared_sources / "venezuela"))


@pytest.fixture
def shared_venezuela(shared_sources):
    return shared_sources / "venezuela"


def test_split_programs_handles_both_release_styles():
    assert split_programs("VENEZUELA] [IRAN-CON-ARMS-EO") == ("VENEZUELA", "IRAN-CON-ARMS-EO")
    assert split_programs("FTO; SDGT; TCO") == ("FTO", "SDGT", "TCO")
    assert split_programs("-0- ") == ()


def test_row_counts_match_the_published_totals(copies):
    # Totals as stated in the copies' provenance and the 2026 release's metadata.
    assert len(copies["2021-08-18"]) == 9083
    assert len(copies["2024-05-03"]) == 14965
    assert len(copies["2026-08-20"]) == 19249
    assert copies["2026-08-20"]["sdn_type"].value_counts().to_dict() == {
        "entity": 9871, "individual": 7502, "vessel": 1534, "aircraft": 342,
    }


def test_maduro_entry_is_read_the_same_from_every_copy(copies):
    for snapshot, full_list in copies.items():
        maduro = full_list.set_index("ent_num").loc[MADURO]
        assert maduro["name"] == "MADURO MOROS, Nicolas", snapshot
        assert maduro["sdn_type"] == "individual"
        assert maduro["programs"] == ("VENEZUELA", "IRAN-CON-ARMS-EO")
    remarks = copies["2021-08-18"].set_index("ent_num").at[MADURO, "remarks"]
    assert "DOB 23 Nov 1962" in remarks and "POB Caracas, Venezuela" in remarks


def test_legacy_reader_types_entities_and_decodes_latin1(copies):
    legacy = copies["2021-08-18"]
    assert set(legacy["sdn_type"]) == {"individual", "entity", "vessel", "aircraft"}
    assert not legacy["name"].str.contains("-0-").any()
    assert (legacy["remarks"] != "-0-").all()


def test_committed_tables_are_what_the_converter_produces(shared_venezuela):
    entries, snapshots = build_sdn_tables(shared_venezuela)
    committed = data.load("sdn_entries")
    assert len(entries) == len(committed) == 1223
    assert list(entries["ent_num"]) == list(committed["ent_num"])
    assert list(entries["basis"]) == list(committed["basis"])
    assert list(snapshots["venezuela_related"]) == [396, 383, 444]
    assert entries["ent_num"].nunique() == 471


def test_remarks_rule_wants_venezuelans_not_holders_of_venezuelan_papers(copies):
    remarks = copies["2021-08-18"].set_index("ent_num")["remarks"]
    # Gilberto Rodriguez Orejuela (Cali cartel, SDNT): Colombian cedula, one alt. Venezuelan passport.
    assert "(Venezuela)" in remarks[4107]
    assert not venezuelan_in_remarks(remarks[4107], "individual")
    # Colombian-born FARC member with a Venezuelan electoral registration; Lebanese nationals with Venezuelan IDs.
    for foreigner in (9957, 12893, 12892):
        assert not venezuelan_in_remarks(remarks[foreigner], "individual"), foreigner
    # Walid Makled (nationality Venezuela), Henry Rangel Silva (Venezuelan cedula only, nothing else stated),
    # Hugo Carvajal (born in Venezuela), Miguel Leone Martinez (citizen Italy, alt. citizen Venezuela).
    for venezuelan in (11500, 11185, 11186, 23365):
        assert venezuelan_in_remarks(remarks[venezuelan], "individual"), venezuelan
    # A company with a Venezuelan RIF number is Venezuelan.
    assert venezuelan_in_remarks(remarks[20252], "entity")


def test_remarks_facts_reads_nationality_birthplace_and_documents():
    # tiny hand-made Remarks string in the SDN style, not an OFAC entry
    facts = remarks_facts("DOB 01 Jan 1960; POB Cali, Valle, Colombia; alt. nationality Venezuela; "
                          "Passport X1 (Colombia); alt. Cedula No. 123 (Venezuela); a.k.a. 'EL (TEST)'.")
    assert facts == {"nationality": {"Venezuela"}, "birthplace": {"Colombia"}, "documents": {"Colombia", "Venezuela"}}


def test_foreign_traffickers_are_not_counted_in_any_copy():
    committed = data.load("sdn_entries")
    assert not committed["ent_num"].isin([4107, 9957, 12893]).any()


def test_named_terrorist_organisations_are_kept_without_a_venezuela_tag():
    latest = data.load("sdn_entries")
    latest = latest[latest["snapshot_date"] == pd.Timestamp("2026-08-20")].set_index("ent_num")
    assert latest.at[49756, "name"] == "TREN DE ARAGUA"
    assert latest.at[55025, "name"] == "CARTEL DE LOS SOLES"
    assert set(latest.loc[[49756, 55025], "basis"]) == {"named_organization"}


def test_legacy_reader_rejects_a_line_with_missing_fields(tmp_path):
    broken = tmp_path / "sdn.csv"  # tiny hand-made fixture, not OFAC data
    broken.write_text('1,"TEST ENTRY",-0- ,"CUBA"\n', encoding="latin-1")
    with pytest.raises(SDNFormatError, match="line 1 has 4 fields"):
        read_legacy_sdn_csv(broken)


def test_parsed_reader_rejects_unknown_entry_types(tmp_path):
    broken = tmp_path / "ofac-sdn.csv"  # tiny hand-made fixture, not OFAC data
    broken.write_text("uid,name,type,programs\n1,TEST,spaceship,CUBA\n", encoding="utf-8")
    with pytest.raises(SDNFormatError, match="unknown entry types"):
        read_parsed_sdn_csv(broken)
