"""Violence where designated groups operate: one preferred value per year, alternatives kept.

Homicide figures come from several counters (SESNSP case files, INEGI death certificates,
Ecuador's interior ministry and police, UN missions) and are revised. Charts draw one line per
counter through the best available status and show the other figures as separate points, so
disagreement stays visible.
"""

from __future__ import annotations

import pandas as pd

STATUS_ORDER = {"final": 0, "partial year": 1, "preliminary": 2, "lower bound": 3, "estimate": 4}


def counter(series: pd.Series) -> pd.Series:
    """The counting body behind a series label, e.g. 'Ecuador Ministerio del Interior (as reported by X)'."""
    return series.str.replace(r"\s*\(as reported by [^)]*\)$", "", regex=True)


def preferred(homicides: pd.DataFrame, country: str, indicator: str) -> pd.DataFrame:
    """One row per counter and year (full years only): the best status, first listed on ties."""
    rows = homicides[(homicides["country"] == country) & (homicides["indicator"] == indicator)
                     & (homicides["period"] == "year")].copy()
    rows["counter"] = counter(rows["series"])
    rows["rank"] = rows["data_status"].map(STATUS_ORDER)
    rows = rows.sort_values(["counter", "year", "rank"], kind="stable")
    return rows.drop_duplicates(["counter", "year"], keep="first").drop(columns="rank").reset_index(drop=True)


def alternatives(homicides: pd.DataFrame, country: str, indicator: str) -> pd.DataFrame:
    """Full-year rows that `preferred` set aside (earlier counts, other reports of the same count)."""
    rows = homicides[(homicides["country"] == country) & (homicides["indicator"] == indicator)
                     & (homicides["period"] == "year")]
    kept = preferred(homicides, country, indicator)
    merged = rows.merge(kept[["series", "year", "data_status"]], how="left", indicator=True,
                        on=["series", "year", "data_status"])
    return merged[merged["_merge"] == "left_only"].drop(columns="_merge").reset_index(drop=True)


# The calendar months each period covers (first, last), within its year.
PERIOD_MONTHS = {"year": (1, 12), "Jan-Jun": (1, 6), "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}


def period_end(year: int, period: str) -> pd.Timestamp:
    """Last day covered by a row ('year', 'Jan-Jun', 'Q1' ... 'Q4')."""
    last_month = PERIOD_MONTHS[period][1]
    return pd.Timestamp(year=int(year), month=last_month, day=1) + pd.offsets.MonthEnd(0)


def period_span(period: str) -> tuple[float, float]:
    """Where a period starts within its year and how long it lasts, in years (for bars on a year axis)."""
    first, last = PERIOD_MONTHS[period]
    return (first - 1) / 12, (last - first + 1) / 12


def known_by(homicides: pd.DataFrame, as_of) -> pd.DataFrame:
    """Rows whose period had ended by `as_of`, so a chapter read 'as of' a date shows no later periods."""
    ends = [period_end(year, period) for year, period in zip(homicides["year"], homicides["period"])]
    return homicides[pd.Series(ends, index=homicides.index) <= pd.Timestamp(as_of)]


def monthly_average(rows: pd.DataFrame) -> pd.Series:
    """Value per month of the period covered, so a quarter and a year can share an axis."""
    months = rows["period"].map({period: last - first + 1 for period, (first, last) in PERIOD_MONTHS.items()})
    return rows["value"] / months


def state_ranking(by_state: pd.DataFrame, as_of, top: int = 12) -> pd.DataFrame:
    """Mexican states with the highest homicide rate in the latest full year ended by `as_of`.

    Returns state, rate that year and the rate the year before (for comparison), highest first;
    empty when no full year had ended by `as_of`.
    """
    full = by_state[by_state["period"] == "year"]
    full = full[[period_end(year, "year") <= pd.Timestamp(as_of) for year in full["year"]]]
    if full.empty:
        return pd.DataFrame(columns=["state", "year", "homicide_rate", "previous_rate"])
    latest = int(full["year"].max())
    current = full[full["year"] == latest].set_index("state_code")
    previous = full[full["year"] == latest - 1].set_index("state_code")["homicide_rate"]
    ranked = current.assign(previous_rate=previous.reindex(current.index))
    ranked = ranked.sort_values("homicide_rate", ascending=False).head(top)
    return ranked[["state", "year", "homicide_rate", "previous_rate"]].reset_index(drop=True)


# The headline homicide measure per country, in the order the table shows them: (indicator, counter or
# None for any counter, full years only?). Mexico and Ecuador: the official yearly homicide rate per
# 100,000; Haiti: the UN's count of people killed by gang violence (no national homicide statistics).
HEADLINE = {
    "Mexico": ("homicide_rate", "SESNSP", True),
    "Ecuador": ("homicide_rate", "Ecuador Ministerio del Interior", True),
    "Haiti": ("gang_violence_killings", None, False),
}
HEADLINE_WORDS = {
    "Mexico": "SESNSP's yearly intentional-homicide rate from case files",
    "Ecuador": "the interior ministry's yearly homicide rate",
    "Haiti": "the UN's count of people killed by gang violence",
}


def headline_latest(known: pd.DataFrame) -> pd.DataFrame:
    """The latest row of each country's headline measure (`HEADLINE`), with the measure named in words.

    Regional aggregates and secondary indicators (femicides, firearm homicides, victims counts) are
    left out, so each country's row is the measure its chart panel draws.
    """
    rows = []
    for country, (indicator, counter_name, full_years) in HEADLINE.items():
        cut = known[(known["country"] == country) & (known["indicator"] == indicator)]
        if full_years:
            cut = cut[cut["period"] == "year"]
        if counter_name is not None:
            cut = cut[counter(cut["series"]) == counter_name]
        if cut.empty:
            continue
        ends = [period_end(year, period) for year, period in zip(cut["year"], cut["period"])]
        cut = cut.assign(_end=ends, _rank=cut["data_status"].map(STATUS_ORDER)).sort_values(["_end", "_rank"],
                                                                                          ascending=[True, False])
        rows.append(cut.iloc[[-1]].drop(columns=["_end", "_rank"]).assign(measure=HEADLINE_WORDS[country]))
    if not rows:
        return known.iloc[0:0].assign(measure=pd.Series(dtype=str))
    return pd.concat(rows, ignore_index=True)
