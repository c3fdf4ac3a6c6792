"""Boat strikes: cumulative counts by sea, and the event list reconciled with published totals.

No official list of strikes exists; the event table is summed from individual announcements.
Comparing that sum with each running total published by SOUTHCOM, the Pentagon or the press
shows where events are missing or counted differently. Totals from January 2026 add people
'presumed dead' after searches ended, so each total is compared on its own definition.
"""

from __future__ import annotations

import pandas as pd

SEAS = ("Caribbean", "Eastern Pacific", "Unknown")


class ReconciliationError(ValueError):
    """Inputs that cannot be reconciled (unknown sea, missing columns)."""


def confirmed(strikes: pd.DataFrame, seas=None, as_of=None) -> pd.DataFrame:
    """Confirmed strike events, optionally only in `seas` and up to `as_of`."""
    chosen = strikes[strikes["status"] == "confirmed"]
    if seas is not None:
        unknown = sorted(set(seas) - set(SEAS))
        if unknown:
            raise ReconciliationError(f"unknown sea {unknown[0]!r}; seas are {', '.join(SEAS)}")
        chosen = chosen[chosen["sea"].isin(list(seas))]
    if as_of is not None:
        chosen = chosen[chosen["date"] <= pd.Timestamp(as_of)]
    return chosen.sort_values(["date", "strike_id"])


def cumulative_by_sea(strikes: pd.DataFrame, seas=None, as_of=None) -> pd.DataFrame:
    """Running totals of strikes, vessels and people killed per sea, one row per event date and sea."""
    chosen = confirmed(strikes, seas, as_of)
    daily = chosen.groupby(["sea", "date"], as_index=False)[["strikes", "vessels", "killed"]].sum()
    daily = daily.sort_values(["sea", "date"])
    for column in ("strikes", "vessels", "killed"):
        daily["cumulative_" + column] = daily.groupby("sea")[column].cumsum()
    return daily.reset_index(drop=True)


def totals(strikes: pd.DataFrame, seas=None, as_of=None) -> dict:
    """Sums over confirmed events: events, strikes, vessels, killed, survivors, presumed dead."""
    chosen = confirmed(strikes, seas, as_of)
    return {
        "events": len(chosen),
        "strikes": int(chosen["strikes"].sum()),
        "vessels": int(chosen["vessels"].sum()),
        "killed": int(chosen["killed"].sum()),
        "survivors": int(chosen["survivors"].sum()),
        "presumed_dead": int(chosen["presumed_dead_later"].sum()),
    }


def reconcile(strikes: pd.DataFrame, tallies: pd.DataFrame, as_of=None) -> pd.DataFrame:
    """Each published total beside the event list's sum on the same date, with the gap.

    `basis` is 'killed' where the total counts only people killed in strikes, 'killed + presumed'
    where it also counts the presumed dead, and 'not stated' where the source does not say; for
    those, both gaps are given and `gap` is the smaller one in absolute terms.
    """
    needed = {"tally_date", "reported_by", "source_kind", "deaths_reported", "strikes", "includes_presumed_dead"}
    missing = sorted(needed - set(tallies.columns))
    if missing:
        raise ReconciliationError(f"tallies lack column {missing[0]!r}")
    chosen_tallies = tallies if as_of is None else tallies[tallies["tally_date"] <= pd.Timestamp(as_of)]
    rows = []
    for tally in chosen_tallies.sort_values(["tally_date", "reported_by"]).itertuples(index=False):
        summed = totals(strikes, as_of=tally.tally_date)
        killed = summed["killed"]
        with_presumed = killed + summed["presumed_dead"]
        gap_killed = int(tally.deaths_reported) - killed
        gap_presumed = int(tally.deaths_reported) - with_presumed
        if pd.isna(tally.includes_presumed_dead):
            basis = "not stated"
            gap = gap_killed if abs(gap_killed) <= abs(gap_presumed) else gap_presumed
        elif bool(tally.includes_presumed_dead):
            basis, gap = "killed + presumed", gap_presumed
        else:
            basis, gap = "killed", gap_killed
        rows.append({
            "tally_date": tally.tally_date, "reported_by": tally.reported_by, "source_kind": tally.source_kind,
            "deaths_reported": int(tally.deaths_reported), "basis": basis,
            "events_killed": killed, "events_killed_and_presumed": with_presumed,
            "gap_killed": gap_killed, "gap_killed_and_presumed": gap_presumed, "gap": gap,
            "strikes_reported": tally.strikes, "events_strikes": summed["strikes"],
            "gap_strikes": (tally.strikes - summed["strikes"]) if pd.notna(tally.strikes) else pd.NA,
        })
    columns = ["tally_date", "reported_by", "source_kind", "deaths_reported", "basis", "events_killed",
               "events_killed_and_presumed", "gap_killed", "gap_killed_and_presumed", "gap", "strikes_reported",
               "events_strikes", "gap_strikes"]
    return pd.DataFrame(rows, columns=columns)


# A published total counts as matching the list if it is within this many deaths of the list's sum.
MATCH_TOLERANCE = 1
# Totals published up to this many days after the newest listed strike are compared; later ones
# would count strikes the list cannot hold.
TALLY_GRACE_DAYS = 7


def checkpoints(strikes: pd.DataFrame, tallies: pd.DataFrame, as_of) -> pd.DataFrame:
    """reconcile() up to `as_of`, keeping totals published by a week after the newest listed strike."""
    last = confirmed(strikes)["date"].max()
    checks = reconcile(strikes, tallies, as_of)
    return checks[checks["tally_date"] <= last + pd.Timedelta(days=TALLY_GRACE_DAYS)].reset_index(drop=True)


def missing_window(checks: pd.DataFrame) -> dict | None:
    """Where strikes are probably missing from the list: the one window the chapter states.

    The window ends on the date of the largest positive gap (a published total above the list's
    sum) and starts on the last earlier date on which a total matched the list within
    MATCH_TOLERANCE deaths (None if none did). None if no total exceeds the list's sum.
    """
    if checks.empty or checks["gap"].max() <= 0:
        return None
    worst = checks.loc[checks["gap"].idxmax()]
    before = checks[(checks["tally_date"] < worst["tally_date"]) & (checks["gap"].abs() <= MATCH_TOLERANCE)]
    return {"since": before["tally_date"].max() if len(before) else None, "until": worst["tally_date"],
            "gap": int(worst["gap"]), "reported_by": worst["reported_by"]}
