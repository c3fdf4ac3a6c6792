"""The events register: dated US policy events that charts mark and the timeline draws.

One register for all themes keeps a date and its source in one place, so a chart marker and
the report's timeline can never disagree about when something happened.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from hemisphere import data


def load() -> pd.DataFrame:
    """The whole register, sorted by date, `date` as Timestamp."""
    register = data.load("events")
    return register.sort_values(["date", "event_id"]).reset_index(drop=True)


def select(
    theme: str | Iterable[str] | None = None,
    country: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    start=None,
    end=None,
    ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Events matching every filter given; `ids` keeps the register's date order.

    An id that is not in the register is an error, not a silent omission: a chart that
    promises a marker should show it.
    """
    register = load()
    keep = pd.Series(True, index=register.index)
    if ids is not None:
        ids = list(ids)
        unknown = sorted(set(ids) - set(register["event_id"]))
        if unknown:
            raise KeyError(f"event ids not in data/events.csv: {', '.join(unknown)}")
        keep &= register["event_id"].isin(ids)
    for column, wanted in (("theme", theme), ("country", country), ("kind", kinds)):
        if wanted is not None:
            wanted = [wanted] if isinstance(wanted, str) else list(wanted)
            keep &= register[column].isin(wanted)
    if start is not None:
        keep &= register["date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= register["date"] <= pd.Timestamp(end)
    return register[keep].reset_index(drop=True)


def administrations() -> pd.DataFrame:
    """US administrations with start and end dates (the current one open-ended)."""
    return data.load("administrations")


def administration_on(moment) -> pd.Series:
    """The administration in office on a date (its row of `administrations()`)."""
    stamp = pd.Timestamp(moment)
    terms = administrations()
    term = terms[(terms["start_date"] <= stamp) & (terms["end_date"].isna() | (stamp < terms["end_date"]))]
    if term.empty:
        raise KeyError(f"no administration in office on {stamp:%Y-%m-%d} in the administrations table")
    return term.iloc[0]
