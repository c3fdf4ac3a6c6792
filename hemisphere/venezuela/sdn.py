"""Readers for OFAC's Specially Designated Nationals list releases.

OFAC publishes the legacy ``sdn.csv`` without a header row, with ``-0-`` for empty
fields, Latin-1 text, several programs joined as ``A] [B`` and an end-of-file marker
line. The 2026 copy we hold is a republication of OFAC's SDN.CSV with a header
(uid, name, type, programs, alternate_names). Both readers return the same columns so
that later steps do not care which release a copy came from.
"""

import csv
from pathlib import Path

import pandas as pd

LEGACY_COLUMNS = [
    "ent_num", "name", "sdn_type", "programs", "title", "call_sign", "vessel_type",
    "tonnage", "grt", "vessel_flag", "vessel_owner", "remarks",
]
EMPTY = "-0-"
SDN_TYPES = ("individual", "entity", "vessel", "aircraft")
COLUMNS = ["ent_num", "name", "sdn_type", "programs", "remarks", "alternate_names"]


class SDNFormatError(ValueError):
    """A file does not look like the SDN release format it was read as."""


def _clean(field: str) -> str:
    field = field.strip()
    return "" if field == EMPTY else field


def split_programs(field: str) -> tuple[str, ...]:
    """'VENEZUELA] [IRAN-CON-ARMS-EO' (legacy) or 'A; B' (parsed) -> ('VENEZUELA', 'IRAN-CON-ARMS-EO')."""
    field = _clean(field).strip("[]")
    separator = "] [" if "] [" in field else ";"
    return tuple(p.strip() for p in field.split(separator) if p.strip())


def read_legacy_sdn_csv(path: Path) -> pd.DataFrame:
    """Parse OFAC's headerless legacy sdn.csv; one row per list entry.

    Lines whose first field is not an entry number (the trailing end-of-file marker)
    are skipped; any other line that does not have the 12 legacy fields is an error.
    """
    rows = []
    with open(path, encoding="latin-1", newline="") as handle:
        for line_number, fields in enumerate(csv.reader(handle), start=1):
            if not fields or not fields[0].strip().isdigit():
                continue
            if len(fields) != len(LEGACY_COLUMNS):
                raise SDNFormatError(
                    f"{path}: line {line_number} has {len(fields)} fields, "
                    f"expected {len(LEGACY_COLUMNS)} (legacy sdn.csv layout)"
                )
            record = dict(zip(LEGACY_COLUMNS, (_clean(f) for f in fields)))
            rows.append({
                "ent_num": int(record["ent_num"]),
                "name": record["name"],
                # The legacy file leaves the type empty for entities.
                "sdn_type": record["sdn_type"].lower() or "entity",
                "programs": split_programs(record["programs"]),
                "remarks": record["remarks"],
                "alternate_names": "",
            })
    if not rows:
        raise SDNFormatError(f"{path}: no SDN entries found")
    return pd.DataFrame(rows, columns=COLUMNS)


def read_parsed_sdn_csv(path: Path) -> pd.DataFrame:
    """Read a header-bearing republication of SDN.CSV (uid, name, type, programs, alternate_names).

    That release carries no Remarks, so ``remarks`` is empty for every entry.
    """
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"uid", "name", "type", "programs"} - set(raw.columns)
    if missing:
        raise SDNFormatError(f"{path}: missing columns {sorted(missing)}")
    unknown = set(raw["type"]) - set(SDN_TYPES)
    if unknown:
        raise SDNFormatError(f"{path}: unknown entry types {sorted(unknown)}")
    return pd.DataFrame({
        "ent_num": raw["uid"].astype(int),
        "name": raw["name"],
        "sdn_type": raw["type"],
        "programs": raw["programs"].map(split_programs),
        "remarks": "",
        "alternate_names": raw.get("alternate_names", ""),
    }, columns=COLUMNS)
