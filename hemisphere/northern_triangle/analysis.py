"""Computations the Northern Triangle chapter reports: border series, claim checks, aid stages,
homicide series and the per-resident side-by-side view.

Functions take the validated tables (hemisphere.data.load) so they can be tested on the
committed data and on small fixtures alike.
"""

from __future__ import annotations

import pandas as pd

from hemisphere.northern_triangle.countries import NORTHERN_TRIANGLE
from hemisphere.northern_triangle.encounters import CBP, CBP_OTHER, OHSS

# Citizenships CBP's southwest-border file reports separately; everything else is in its "Other".
CBP_CITIZENSHIPS = ("Guatemala", "Honduras", "El Salvador", "Mexico")
HOMICIDE_SOURCE_PREFERENCE = ("UNODC", "National figures (press compilation)", "InSight Crime",
                              "UCA human-rights observatory estimate")


class AnalysisError(ValueError):
    """A computation was asked for something the data cannot answer."""


def spliced_encounters(apprehensions: pd.DataFrame) -> pd.DataFrame:
    """One source per month: the OHSS workbook while it lasts, CBP's file for the months after it."""
    ohss = apprehensions[apprehensions["source"] == OHSS]
    last_ohss_month = ohss["month"].max()
    cbp = apprehensions[(apprehensions["source"] == CBP) & (apprehensions["month"] > last_ohss_month)]
    return pd.concat([ohss, cbp], ignore_index=True)


def monthly_encounters(apprehensions: pd.DataFrame, citizenships: list[str] | None = None) -> pd.Series:
    """Southwest-border Border Patrol encounters per month for the citizenships given (None = all).

    Months from CBP's file are missing (NaN) for a citizenship CBP folds into its "Other" group,
    rather than silently counted as zero.
    """
    spliced = spliced_encounters(apprehensions)
    if citizenships is None:
        return spliced.groupby("month")["encounters"].sum().astype(float).rename("encounters")
    chosen = spliced[spliced["citizenship"].isin(citizenships)]
    totals = chosen.groupby("month")["encounters"].sum().astype(float)
    totals = totals.reindex(sorted(spliced["month"].unique()), fill_value=0.0)
    cbp_months = spliced.loc[spliced["source"] == CBP, "month"].unique()
    if not set(citizenships) <= set(CBP_CITIZENSHIPS):
        totals.loc[totals.index.isin(cbp_months)] = float("nan")
    return totals.rename("encounters")


def fiscal_year_encounters(apprehensions: pd.DataFrame, citizenships: list[str] | None = None) -> pd.DataFrame:
    """Encounters per fiscal year with the number of months behind each total (12 = complete)."""
    monthly = monthly_encounters(apprehensions, citizenships).dropna()
    fiscal_year = monthly.index.year + (monthly.index.month >= 10)
    frame = pd.DataFrame({"fiscal_year": fiscal_year, "encounters": monthly.to_numpy()})
    summary = frame.groupby("fiscal_year").agg(encounters=("encounters", "sum"), months=("encounters", "size"))
    summary["complete"] = summary["months"] == 12
    return summary


def fiscal_year_total(apprehensions: pd.DataFrame, citizenships: list[str], fiscal_year: int) -> float:
    """Total for one complete fiscal year; refuses a partial year."""
    summary = fiscal_year_encounters(apprehensions, citizenships)
    if fiscal_year not in summary.index or not summary.loc[fiscal_year, "complete"]:
        raise AnalysisError(f"FY{fiscal_year} is not a complete fiscal year in the encounters data")
    return float(summary.loc[fiscal_year, "encounters"])


def change(series: pd.Series, base: str, month: str) -> float:
    """Fractional change from the `base` month to `month` (-0.7 = down 70%)."""
    base_value, value = series.get(pd.Timestamp(base)), series.get(pd.Timestamp(month))
    if base_value is None or value is None or pd.isna(base_value) or pd.isna(value) or base_value == 0:
        raise AnalysisError(f"no usable values for {base} and {month}")
    return float(value / base_value - 1)


def claim_comparisons(series: pd.Series, month: str, bases: dict[str, str]) -> pd.DataFrame:
    """The change to `month` from each labelled base month: how a 'down X percent' claim depends on its base."""
    rows = [
        {"comparison": label, "base_month": pd.Timestamp(base), "base_value": series[pd.Timestamp(base)],
         "month": pd.Timestamp(month), "value": series[pd.Timestamp(month)], "change": change(series, base, month)}
        for label, base in bases.items()
    ]
    return pd.DataFrame(rows)


def northern_triangle_share(apprehensions: pd.DataFrame) -> pd.DataFrame:
    """Share of Guatemalans, Hondurans and Salvadorans in all encounters, per fiscal year."""
    northern = fiscal_year_encounters(apprehensions, list(NORTHERN_TRIANGLE))
    everyone = fiscal_year_encounters(apprehensions)
    share = pd.DataFrame({"northern_triangle": northern["encounters"], "all": everyone["encounters"],
                          "complete": everyone["complete"]})
    share["share"] = share["northern_triangle"] / share["all"]
    return share


def family_and_children_share(family_status: pd.DataFrame) -> pd.DataFrame:
    """Per fiscal year, the share of encounters that were family-unit members or unaccompanied children."""
    spliced = spliced_encounters(family_status)
    totals = spliced.pivot_table(index="fiscal_year", columns="family_status", values="encounters", aggfunc="sum", fill_value=0)
    families_children = totals.get("Family Unit Individuals", 0) + totals.get("Unaccompanied Children", 0)
    return pd.DataFrame({"families_and_children": families_children, "all": totals.sum(axis=1),
                         "share": families_children / totals.sum(axis=1)})


def homicide_rate(homicide: pd.DataFrame, country: str, year: int, source: str = "UNODC") -> float:
    """One published rate; AnalysisError when that source has none for the year."""
    match = homicide[(homicide["country"] == country) & (homicide["year"] == year) & (homicide["source"] == source)]
    if match.empty:
        raise AnalysisError(f"no {source} homicide rate for {country} in {year}")
    return float(match["rate_per_100k"].iloc[0])


def preferred_homicide_rates(homicide: pd.DataFrame) -> pd.DataFrame:
    """One rate per country and year: UNODC where it exists, else national, else InSight Crime; source kept."""
    order = {source: rank for rank, source in enumerate(HOMICIDE_SOURCE_PREFERENCE)}
    ranked = homicide.assign(_rank=homicide["source"].map(order)).sort_values(["country", "year", "_rank"])
    best = ranked.drop_duplicates(["country", "year"], keep="first")
    return best[["country", "year", "source", "rate_per_100k"]].reset_index(drop=True)


def aid_by_year(us_aid: pd.DataFrame, countries: list[str], measure: str = "obligations") -> pd.DataFrame:
    """One measure of aid, fiscal years down, countries across (current dollars)."""
    rows = us_aid[us_aid["country"].isin(countries) & (us_aid["measure"] == measure)]
    return rows.pivot_table(index="fiscal_year", columns="country", values="amount_usd", aggfunc="sum")


def aid_stages(us_aid: pd.DataFrame, countries: list[str], first_year: int, last_year: int) -> pd.DataFrame:
    """Request, appropriated/planned and obligated aid per fiscal year, summed over the countries.

    A stage missing for any of the countries in a year is left missing rather than summed short.
    """
    stages = ["budget_request", "appropriated_and_planned", "obligations"]
    rows = us_aid[us_aid["country"].isin(countries) & us_aid["measure"].isin(stages)
                  & us_aid["fiscal_year"].between(first_year, last_year)]
    table = rows.pivot_table(index="fiscal_year", columns="measure", values="amount_usd", aggfunc="sum")
    present = rows.pivot_table(index="fiscal_year", columns="measure", values="country", aggfunc="nunique")
    table = table.where(present == len(countries))
    years = pd.RangeIndex(first_year, last_year + 1, name="fiscal_year")
    return table.reindex(index=years, columns=stages)


def per_resident_view(
    us_aid: pd.DataFrame,
    homicide: pd.DataFrame,
    apprehensions: pd.DataFrame,
    population: pd.DataFrame,
    countries: list[str],
) -> pd.DataFrame:
    """Per country and year: aid obligations per resident, homicide rate, encounters per 100,000 residents.

    Aid and encounters are fiscal years, homicide and population calendar years; a fiscal year is
    set against the calendar year in which it ends. Only complete fiscal years of encounters count.
    """
    frames = []
    for country in countries:
        residents = population[population["country"] == country].set_index("year")["population"].astype(float)
        aid = aid_by_year(us_aid, [country]).get(country, pd.Series(dtype=float))
        encounters = fiscal_year_encounters(apprehensions, [country])
        encounters = encounters.loc[encounters["complete"], "encounters"]
        rates = preferred_homicide_rates(homicide)
        rates = rates[rates["country"] == country].set_index("year")
        frame = pd.DataFrame(index=residents.index)
        frame["aid_per_resident_usd"] = aid.reindex(frame.index) / residents
        frame["homicide_rate"] = rates["rate_per_100k"].reindex(frame.index)
        frame["homicide_source"] = rates["source"].reindex(frame.index)
        frame["encounters_per_100k"] = encounters.reindex(frame.index) / residents * 100_000
        frames.append(frame.assign(country=country).rename_axis("year").reset_index())
    return pd.concat(frames, ignore_index=True)[
        ["country", "year", "aid_per_resident_usd", "homicide_rate", "homicide_source", "encounters_per_100k"]]
