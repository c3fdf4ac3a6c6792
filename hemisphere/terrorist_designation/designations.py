"""The 2025-2026 designations as a timeline, and the instruments used against each group.

Designation is one instrument among several (sanctions, rewards, military strikes). The matrix
puts them side by side per group, as of a date, from the theme's tables.
"""

from __future__ import annotations

import re

import pandas as pd

from hemisphere.terrorist_designation import fto_list as fto_module

INSTRUMENT_COLUMNS = ["FTO", "SDGT", "OFAC sanctions", "Reward offered", "Strikes attributed"]


def timeline(designations: pd.DataFrame, as_of) -> pd.DataFrame:
    """Designation actions effective on or before `as_of`, oldest first."""
    chosen = designations[designations["date"] <= pd.Timestamp(as_of)]
    return chosen.sort_values(["date", "organization", "instrument"]).reset_index(drop=True)


def _patterns(fto_row) -> list[re.Pattern]:
    """How a group may be named in a strike announcement: its name and its acronym."""
    name = fto_row["name"]
    base = re.sub(r"\s*\(.*\)\s*$", "", name).strip()
    found = [re.compile(re.escape(base), re.IGNORECASE)]
    acronym = re.search(r"\(([^)]+)\)\s*$", name)
    if acronym:
        short = acronym.group(1).split(",")[0].strip()
        if len(short) >= 3:
            found.append(re.compile(r"\b" + re.escape(short) + r"\b"))
    return found


def strikes_attributed(fto_row, strikes: pd.DataFrame) -> int:
    """Confirmed strike events whose announced target names this group."""
    patterns = _patterns(fto_row)
    return sum(any(p.search(text) for p in patterns) for text in strikes["claimed_affiliation"])


def _month(day: pd.Timestamp, precision: str = "day") -> str:
    """A designation date as the matrix shows it: year and month, or an upper bound."""
    return f"by {day:%Y-%m}" if precision == "on_or_before" else f"{day:%Y-%m}"


def _sdgt_cell(own: pd.DataFrame, ofac_tags: pd.DataFrame, uid, moment: pd.Timestamp):
    """First SDGT action found, else 'by <snapshot>' when an OFAC snapshot already tags the group SDGT."""
    sdgt = own[own["instrument"] == "SDGT"].sort_values("date")
    if not sdgt.empty:
        first = sdgt.iloc[0]
        return _month(first["date"], first["date_precision"])
    if pd.isna(uid):
        return pd.NA
    seen = ofac_tags[(ofac_tags["ofac_uid"] == uid) & (ofac_tags["snapshot_date"] <= moment)
                     & ofac_tags["programs"].str.contains(r"\bSDGT\b")]
    return f"by {seen['snapshot_date'].min():%Y-%m}" if not seen.empty else pd.NA


def instrument_matrix(fto: pd.DataFrame, designations: pd.DataFrame, sanctions_rewards: pd.DataFrame,
                      strikes: pd.DataFrame, ofac_tags: pd.DataFrame, as_of) -> pd.DataFrame:
    """Western Hemisphere groups on the FTO list on `as_of`, by instrument.

    FTO and SDGT give the month of the first action ('by' = known only from a later OFAC list);
    OFAC sanctions and rewards the year of the first example found (the sanctions table is not
    exhaustive); strikes the number of confirmed strike events announced against the group.
    Missing means none found in the tables.
    """
    moment = pd.Timestamp(as_of)
    groups = fto_module.on_list(fto, moment)
    groups = groups[groups["western_hemisphere"]].sort_values(["designation_date", "name"])
    actions = designations[designations["date"] <= moment]
    examples = sanctions_rewards[sanctions_rewards["date"] <= moment]
    live_strikes = strikes[(strikes["status"] == "confirmed") & (strikes["date"] <= moment)]
    rows = []
    for _, group in groups.iterrows():
        org = group["org_id"]
        own = actions[actions["org_id"] == org]
        mine = examples[examples["org_ids"].str.split("; ").map(lambda ids: org in ids).astype(bool)]
        sanctions = pd.concat([own[own["instrument"] == "OFAC sanctions"]["date"],
                               mine[mine["instrument"] != "reward"]["date"]])
        rewards = mine[mine["instrument"] == "reward"]
        rows.append({
            "group": group["name"],
            "countries": group["countries"],
            "kind": group["kind"],
            "FTO": _month(group["designation_date"], group["designation_date_precision"]),
            "SDGT": _sdgt_cell(own, ofac_tags, group["ofac_uid"], moment),
            "OFAC sanctions": str(sanctions.min().year) if not sanctions.empty else pd.NA,
            "Reward offered": str(rewards["date"].min().year) if not rewards.empty else pd.NA,
            "Strikes attributed": strikes_attributed(group, live_strikes),
        })
    return pd.DataFrame(rows, columns=["group", "countries", "kind", *INSTRUMENT_COLUMNS])
