"""Build the committed ``sdn_entries`` and ``sdn_snapshots`` tables from the raw SDN copies.

Only Venezuela-related entries are kept (the full list is 9,000 to 19,000 entries per copy).
An entry is Venezuela-related in a copy when, in that copy:

- ``program_tag``: one of its programs starts with VENEZUELA (EO 13692, 13850, 13884 tags);
- ``remarks``: it sits under a narcotics or terrorism program and its Remarks make it
  Venezuelan (see ``venezuelan_in_remarks``); only copies with Remarks;
- ``named_organization``: its name or an alias is one of the Venezuelan groups designated
  as terrorist organisations in 2025 (Tren de Aragua, Cartel de los Soles);
- ``carried_forward``: it was Venezuela-related in an earlier copy and is still listed.

The last rule makes "absent from a later copy" mean "removed from the SDN list", which
is what ``hemisphere.venezuela.changes`` relies on.

Run ``python -m hemisphere.venezuela.sdn_tables`` to regenerate the CSVs from
``../shared/sources/venezuela``.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from hemisphere import paths
from hemisphere.venezuela.sdn import read_legacy_sdn_csv, read_parsed_sdn_csv

NARCO_TERROR_PROGRAMS = {"SDNTK", "SDNT", "ILLICIT-DRUGS-EO14059", "TCO", "SDGT", "FTO"}
NAMED_ORGANIZATIONS = ("TREN DE ARAGUA", "CARTEL DE LOS SOLES")
BASIS_ORDER = ("program_tag", "remarks", "named_organization", "carried_forward")


@dataclass(frozen=True)
class Snapshot:
    """One copy of the SDN list: when OFAC's list was in that state, and where the copy came from."""

    snapshot_date: str
    file_name: str
    reader: Callable[[Path], pd.DataFrame]
    release_format: str
    copy_repository: str
    copy_commit: str
    ofac_url: str


SNAPSHOTS = (
    Snapshot("2021-08-18", "ofac_sdn_raw_2021-08-18_jackdwyer.csv", read_legacy_sdn_csv,
             "legacy sdn.csv", "jackdwyer/specially-designated-nationals-list",
             "f2dad1131427af12ee92e86ef28d3e73c1b91a54",
             "https://www.treasury.gov/ofac/downloads/sdn.csv"),
    Snapshot("2024-05-03", "ofac_sdn_raw_2024-05-03_jackdwyer.csv", read_legacy_sdn_csv,
             "legacy sdn.csv", "jackdwyer/specially-designated-nationals-list",
             "a5ec3c5ee4aae1b36ba24897a051787ea5429d30",
             "https://www.treasury.gov/ofac/downloads/sdn.csv"),
    Snapshot("2026-08-20", "ofac_sdn_parsed_2026-08-20_kindrat86.csv", read_parsed_sdn_csv,
             "SDN.CSV republished with header, no Remarks", "kindrat86/ofac-sdn-json",
             "3186e895e4ec63122cffece2d127e3f1fbe4c5c4",
             "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"),
)


_NATIONALITY = re.compile(r"^(?:alt\. )?(?:nationality|citizen) (.+)$")
_BIRTHPLACE = re.compile(r"^(?:alt\. )?POB (.+)$")
_DOCUMENT_COUNTRY = re.compile(r"\(([A-Z][A-Za-z .'-]*)\)")
_NOT_DOCUMENTS = ("a.k.a.", "f.k.a.", "n.k.a.", "linked to")


def remarks_facts(remarks: str) -> dict[str, set[str]]:
    """Countries an SDN Remarks field states, by kind: nationality (or citizenship), birthplace, documents.

    Remarks are ';'-separated statements such as 'nationality Venezuela', 'POB Cali, Colombia'
    or 'alt. Passport 10545599 (Venezuela)'; a document is a statement with a number and a
    country in brackets (aliases and 'Linked To' statements are not documents).
    """
    facts: dict[str, set[str]] = {"nationality": set(), "birthplace": set(), "documents": set()}
    for statement in (part.strip().rstrip(".") for part in remarks.split(";")):
        if match := _NATIONALITY.match(statement):
            facts["nationality"].add(match.group(1).strip())
        elif match := _BIRTHPLACE.match(statement):
            facts["birthplace"].add(match.group(1).split(",")[-1].strip())
        elif not statement.lower().startswith(_NOT_DOCUMENTS) and any(ch.isdigit() for ch in statement):
            facts["documents"].update(found.strip() for found in _DOCUMENT_COUNTRY.findall(statement))
    return facts


def venezuelan_in_remarks(remarks: str, sdn_type: str) -> bool:
    """Whether an entry's Remarks make it Venezuelan, not merely connected to Venezuela.

    - a person: Venezuelan nationality or citizenship (also as an 'alt.' one), or born in
      Venezuela; when the Remarks state no nationality, citizenship or birthplace at all,
      every identity document listed must be Venezuelan (a Venezuelan cedula alone counts).
      A foreign national or a person born abroad who holds Venezuelan papers (the Cali
      cartel's Gilberto Rodriguez Orejuela, FARC commanders, Lebanese Hizballah financiers)
      is not counted unless the Remarks also give Venezuelan nationality or citizenship.
    - a company, vessel or aircraft: registered in Venezuela (a Venezuelan RIF or other
      registration number).
    """
    facts = remarks_facts(remarks)
    if sdn_type != "individual":
        return "Venezuela" in facts["documents"]
    if "Venezuela" in facts["nationality"] | facts["birthplace"]:
        return True
    if facts["nationality"] or facts["birthplace"]:
        return False
    return facts["documents"] == {"Venezuela"}


def venezuela_basis(entries: pd.DataFrame, earlier_related: set[int]) -> pd.Series:
    """The first rule (in BASIS_ORDER) under which each entry is Venezuela-related, else ''."""
    programs = entries["programs"]
    tagged = programs.map(lambda ps: any(p.startswith("VENEZUELA") for p in ps))
    narco_terror = programs.map(lambda ps: bool(NARCO_TERROR_PROGRAMS.intersection(ps)))
    mentions = narco_terror & entries["remarks"].str.contains("Venezuela", case=False)
    remarks = mentions & pd.Series(
        [venezuelan_in_remarks(text, kind) for text, kind in zip(entries["remarks"], entries["sdn_type"])],
        index=entries.index, dtype=bool,
    )
    names = (entries["name"] + "; " + entries["alternate_names"]).str.upper()
    named = names.map(lambda text: any(org in text for org in NAMED_ORGANIZATIONS))
    carried = entries["ent_num"].isin(earlier_related)
    basis = pd.Series("", index=entries.index)
    for rule, mask in reversed(list(zip(BASIS_ORDER, (tagged, remarks, named, carried)))):
        basis = basis.mask(mask, rule)
    return basis


def build_sdn_tables(source_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read every SDN copy in ``source_dir`` -> (sdn_entries, sdn_snapshots)."""
    entry_tables, snapshot_rows = [], []
    related_so_far: set[int] = set()
    for snapshot in SNAPSHOTS:
        full_list = snapshot.reader(source_dir / snapshot.file_name)
        basis = venezuela_basis(full_list, related_so_far)
        related = full_list[basis != ""].assign(basis=basis[basis != ""])
        related_so_far |= set(related["ent_num"])
        entry_tables.append(pd.DataFrame({
            "snapshot_date": snapshot.snapshot_date,
            "ent_num": related["ent_num"],
            "name": related["name"],
            "sdn_type": related["sdn_type"],
            "programs": related["programs"].map("; ".join),
            "venezuela_tag": related["programs"].map(lambda ps: any(p.startswith("VENEZUELA") for p in ps)),
            "basis": related["basis"],
        }))
        snapshot_rows.append({
            "snapshot_date": snapshot.snapshot_date,
            "release_format": snapshot.release_format,
            "has_remarks": snapshot.reader is read_legacy_sdn_csv,
            "entries_total": len(full_list),
            "max_ent_num": int(full_list["ent_num"].max()),
            "venezuela_related": len(related),
            "copy_repository": snapshot.copy_repository,
            "copy_commit": snapshot.copy_commit,
            "ofac_url": snapshot.ofac_url,
        })
    entries = pd.concat(entry_tables, ignore_index=True).sort_values(["snapshot_date", "ent_num"])
    return entries.reset_index(drop=True), pd.DataFrame(snapshot_rows)


def main() -> None:
    """Regenerate data/venezuela/sdn_entries.csv and sdn_snapshots.csv from the shared copies."""
    entries, snapshots = build_sdn_tables(paths.SHARED_SOURCES / "venezuela")
    out = paths.DATA / "venezuela"
    out.mkdir(parents=True, exist_ok=True)
    entries.to_csv(out / "sdn_entries.csv", index=False)
    snapshots.to_csv(out / "sdn_snapshots.csv", index=False)


if __name__ == "__main__":
    main()
