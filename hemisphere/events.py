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


# The President's budget request for FY N is due on the first Monday of February of calendar
# year N-1 and Congress enacts it around 1 October N-1: FY N belongs to the administration in
# office on 1 February N-1 (FY2018 is the first Trump request, FY2022 the first Biden one).
BUDGET_REQUEST_DAY = (2, 1)  # month, day of calendar year N-1


def budget_administration(fiscal_year: int) -> pd.Series:
    """The administration that requested FY `fiscal_year`'s budget (its row of `administrations()`)."""
    month, day = BUDGET_REQUEST_DAY
    return administration_on(pd.Timestamp(int(fiscal_year) - 1, month, day))


def budget_years(administration: str) -> list[int]:
    """The fiscal years whose budgets `administration` requested, from the administrations table
    (an administration still in office: the budgets of a four-year term)."""
    term = administrations().set_index("administration").loc[administration]
    month, day = BUDGET_REQUEST_DAY
    first = term["start_date"].year + (1 if term["start_date"] > pd.Timestamp(term["start_date"].year, month, day) else 0) + 1
    end = term["end_date"] if pd.notna(term["end_date"]) else term["start_date"] + pd.DateOffset(years=4)
    last = end.year + (0 if end > pd.Timestamp(end.year, month, day) else -1) + 1
    return [year for year in range(first, last + 1) if budget_administration(year)["administration"] == administration]
