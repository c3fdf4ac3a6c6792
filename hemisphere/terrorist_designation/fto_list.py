"""Who was on the State Department's FTO list on a given date, and how the list grew.

The list has no machine-readable history, so membership on a date is computed from each
organization's designation and revocation dates (and a prior episode, as for the Houthis'
few weeks on the list in 2021).
"""

from __future__ import annotations

import pandas as pd

ALL_REGIONS = "All"
FIRST_LIST = pd.Timestamp("1997-10-08")
# The rebuilt list is complete from November 2021 (the first stored copy with every group; see the
# fto_list caveats); before then groups revoked early are missing, so counts are lower bounds.
COMPLETE_FROM = pd.Timestamp("2021-11-01")


def _on(designated: pd.Series, revoked: pd.Series, moment: pd.Timestamp) -> pd.Series:
    return (designated <= moment) & (revoked.isna() | (revoked > moment))


def on_list(fto: pd.DataFrame, as_of) -> pd.DataFrame:
    """Organizations designated on `as_of` (a designation takes effect on its date; a revocation ends it)."""
    moment = pd.Timestamp(as_of)
    current = _on(fto["designation_date"], fto["revocation_date"], moment)
    prior = _on(fto["prior_designation_date"], fto["prior_revocation_date"], moment).fillna(False)
    return fto[current | prior]


def count_on(fto: pd.DataFrame, as_of, western_hemisphere: bool | None = None, kind: str | None = None) -> int:
    """How many organizations were on the list on `as_of`, optionally only in the hemisphere or of one kind."""
    listed = on_list(fto, as_of)
    if western_hemisphere is not None:
        listed = listed[listed["western_hemisphere"] == western_hemisphere]
    if kind is not None:
        listed = listed[listed["kind"] == kind]
    return len(listed)


def designated_on(fto: pd.DataFrame, day) -> pd.DataFrame:
    """Organizations whose (current) designation took effect on `day`."""
    return fto[fto["designation_date"] == pd.Timestamp(day)]


def category(fto: pd.DataFrame, region: str) -> pd.Series:
    """Chart category per organization: kind within the focus region, everything else pooled.

    With region 'All' the categories are the kinds themselves.
    """
    kind_label = fto["kind"].map({"criminal": "criminal groups", "ideological": "ideological groups",
                                  "state_entity": "state entity"})
    if region == ALL_REGIONS:
        return kind_label.str.capitalize()
    inside = fto["region"] == region
    return kind_label.where(~inside, region + ": " + kind_label).where(inside, "Other regions")


def counts_over_time(fto: pd.DataFrame, region: str, end) -> pd.DataFrame:
    """Organizations on the list by category at every date the list changed, from 1997 to `end`.

    Returns a wide frame (date index, one column per category) suitable for a step chart.
    """
    end = pd.Timestamp(end)
    labels = category(fto, region)
    changes = pd.concat([fto[column] for column in ("designation_date", "revocation_date",
                                                    "prior_designation_date", "prior_revocation_date")])
    moments = sorted({FIRST_LIST, end, *[m for m in changes.dropna() if FIRST_LIST <= m <= end]})
    rows = []
    for moment in moments:
        listed = on_list(fto, moment)
        rows.append(labels.loc[listed.index].value_counts().rename(moment))
    table = pd.DataFrame(rows).fillna(0).astype(int)
    table.index.name = "date"
    return table
