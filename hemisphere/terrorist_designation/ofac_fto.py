"""Converter: OFAC's SDN list -> the entries carrying the [FTO] programme tag on a given date.

OFAC tags every entity blocked because the State Department designated it an FTO. A dated
snapshot of the SDN list therefore gives an official, machine-readable check on our rebuilt
State FTO list (which has no machine-readable release). Two layouts are read: OFAC's own
`sdn.csv` (no header, Latin-1, '-0-' for empty, programmes as 'SDNTK] [FTO] [SDGT') and the
parsed CSV republished by kindrat86/ofac-sdn-json (header `uid,name,type,programs,...`,
programmes separated by '; ').
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

RAW_COLUMNS = ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type",
               "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"]


class SdnFormatError(ValueError):
    """The file is not an SDN list in a layout this converter reads."""


def read_sdn_raw(path: Path | str) -> pd.DataFrame:
    """OFAC's sdn.csv as published: uid, name and the list of programme tags per entry."""
    raw = pd.read_csv(path, header=None, names=RAW_COLUMNS, dtype=str, encoding="latin-1",
                      skipinitialspace=True, on_bad_lines="error")
    raw = raw[raw["ent_num"].str.strip().str.fullmatch(r"\d+", na=False)]
    if raw.empty:
        raise SdnFormatError(f"{Path(path).name}: no numbered SDN entries found")
    # OFAC writes every one of the 12 fields ('-0-' when empty): a short line means another layout.
    short = raw["Remarks"].isna()
    if short.any():
        raise SdnFormatError(f"{Path(path).name}: {int(short.sum())} entries have fewer than the legacy "
                             f"sdn.csv's {len(RAW_COLUMNS)} fields (first: uid {raw.loc[short, 'ent_num'].iloc[0]})")
    programs = raw["Program"].fillna("").str.strip().str.strip("[]").str.split(r"\]\s*\[")
    return pd.DataFrame({
        "ofac_uid": raw["ent_num"].str.strip().astype(int),
        "sdn_name": raw["SDN_Name"].str.strip(),
        "programs": programs.map(lambda tags: [tag.strip() for tag in tags if tag.strip() and tag.strip() != "-0-"]),
    }).reset_index(drop=True)


def read_sdn_parsed(path: Path | str) -> pd.DataFrame:
    """The kindrat86 parsed SDN CSV: same three columns as `read_sdn_raw`."""
    parsed = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not {"uid", "name", "programs"} <= set(parsed.columns):
        raise SdnFormatError(f"{Path(path).name}: expected columns uid, name, programs")
    return pd.DataFrame({
        "ofac_uid": parsed["uid"].astype(int),
        "sdn_name": parsed["name"].str.strip(),
        "programs": parsed["programs"].str.split(";").map(lambda tags: [tag.strip() for tag in tags if tag.strip()]),
    })


def fto_tagged(sdn: pd.DataFrame, snapshot_date: str) -> pd.DataFrame:
    """One row per SDN entry tagged [FTO] in the snapshot, programmes joined with '; '."""
    tagged = sdn[sdn["programs"].map(lambda tags: "FTO" in tags)]
    return pd.DataFrame({
        "snapshot_date": snapshot_date,
        "ofac_uid": tagged["ofac_uid"].to_numpy(),
        "sdn_name": tagged["sdn_name"].to_numpy(),
        "programs": tagged["programs"].map("; ".join).to_numpy(),
    }).sort_values("ofac_uid").reset_index(drop=True)
