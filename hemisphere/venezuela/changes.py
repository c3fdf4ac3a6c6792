"""Listings and removals of Venezuela-related SDN entries between consecutive list copies.

The SDN list carries no designation or removal dates, so changes are read off by comparing
copies: an entry in a later copy and not the earlier one was added in between; an entry in
the earlier copy and not the later one was removed from the list (``sdn_entries`` keeps a
once Venezuela-related entry for as long as it stays listed). An added entry whose number
is above the earlier copy's highest entry number is a new listing; otherwise an existing
entry became Venezuela-related (for example a Russian oil trader retagged in 2020).
"""

import pandas as pd

CHANGE_KINDS = ("listed", "became_venezuela_related", "removed", "programs_changed")


class ChangesError(ValueError):
    """The inputs cannot be compared (unknown snapshot, fewer than two copies)."""


def _program_set(programs: str) -> frozenset[str]:
    """Program tags regardless of the order a release lists them in."""
    return frozenset(p.strip() for p in programs.split(";") if p.strip())


def list_changes(entries: pd.DataFrame, snapshots: pd.DataFrame) -> pd.DataFrame:
    """One row per entry that changed between consecutive copies.

    ``entries``: snapshot_date, ent_num, name, sdn_type, programs (as in sdn_entries).
    ``snapshots``: snapshot_date, max_ent_num (as in sdn_snapshots).
    Returns from_snapshot, to_snapshot, change, ent_num, name, sdn_type, programs_before,
    programs_after.
    """
    dates = sorted(snapshots["snapshot_date"])
    if len(dates) < 2:
        raise ChangesError("need at least two SDN copies to derive changes")
    unknown = set(entries["snapshot_date"]) - set(dates)
    if unknown:
        raise ChangesError(f"entries refer to snapshots missing from sdn_snapshots: {sorted(unknown)}")
    max_ent_num = snapshots.set_index("snapshot_date")["max_ent_num"]
    rows = []
    for before, after in zip(dates, dates[1:]):
        old = entries[entries["snapshot_date"] == before].set_index("ent_num")
        new = entries[entries["snapshot_date"] == after].set_index("ent_num")
        for ent_num in sorted(set(old.index) | set(new.index)):
            in_old, in_new = ent_num in old.index, ent_num in new.index
            if in_old and in_new:
                if _program_set(old.at[ent_num, "programs"]) == _program_set(new.at[ent_num, "programs"]):
                    continue
                change = "programs_changed"
            elif in_new:
                change = "listed" if ent_num > max_ent_num[before] else "became_venezuela_related"
            else:
                change = "removed"
            latest = new.loc[ent_num] if in_new else old.loc[ent_num]
            rows.append({
                "from_snapshot": before,
                "to_snapshot": after,
                "change": change,
                "ent_num": ent_num,
                "name": latest["name"],
                "sdn_type": latest["sdn_type"],
                "programs_before": old.at[ent_num, "programs"] if in_old else "",
                "programs_after": new.at[ent_num, "programs"] if in_new else "",
            })
    columns = ["from_snapshot", "to_snapshot", "change", "ent_num", "name", "sdn_type",
               "programs_before", "programs_after"]
    return pd.DataFrame(rows, columns=columns)


def change_counts(changes: pd.DataFrame) -> pd.DataFrame:
    """Changes per pair of copies and kind, every kind shown (zero where none)."""
    counts = changes.groupby(["from_snapshot", "to_snapshot", "change"]).size().unstack(fill_value=0)
    return counts.reindex(columns=list(CHANGE_KINDS), fill_value=0).reset_index()
