"""The opioid response: numbers from the overdose, seizure and funding tables (pure functions).

Final and provisional overdose figures are kept apart throughout: a function returns one or the
other, never a series that joins them.
"""

from __future__ import annotations

import re

import pandas as pd

from hemisphere.eradication import analysis

# Opioid types in the NCHS rates, in the order of the epidemic's "waves" as CDC describes them.
OPIOID_TYPES = {
    "natural and semisynthetic opioids": "prescription-type opioids (natural and semisynthetic)",
    "heroin": "heroin",
    "synthetic opioids other than methadone": "synthetic opioids other than methadone (mainly fentanyl)",
}
ALL_DRUGS = "all drug overdose"
SYNTHETIC = "synthetic opioids other than methadone"
ALL_CBP = "CBP (all components)"
_PERIOD = re.compile(r"12 months to (\w{3}) (\d{4})")


class DemandError(ValueError):
    """A table lacks the rows a demand-side figure needs."""


def opioid_rates(overdoses: pd.DataFrame) -> pd.DataFrame:
    """Final age-adjusted rates of the three opioid types, one column each, one row per year."""
    rates = analysis.overdose_rates(overdoses)
    return rates.reindex(columns=list(OPIOID_TYPES)).dropna(how="all")


MIN_TYPES = 2  # a year's leader is named only when at least two types have a rate that year


def leading_type(rates: pd.DataFrame) -> pd.Series:
    """For each year where at least two opioid types have a rate, the type with the highest rate."""
    enough = rates[rates.notna().sum(axis=1) >= MIN_TYPES]
    return enough.idxmax(axis=1)


def leader_runs(leaders: pd.Series) -> list[tuple[str, int, int]]:
    """Consecutive years led by the same type: [(type, first year, last year), ...]."""
    runs: list[tuple[str, int, int]] = []
    for year, kind in leaders.items():
        year = int(year)
        if runs and runs[-1][0] == kind and runs[-1][2] == year - 1:
            runs[-1] = (kind, runs[-1][1], year)
        else:
            runs.append((kind, year, year))
    return runs


def share_of_opioid_rates(rates: pd.DataFrame, kind: str) -> pd.Series:
    """One type's rate as a share of the three types' rates added, in years with all three (classes
    overlap: a share of a sum, not of deaths)."""
    complete = rates.dropna()
    return complete[kind] / complete.sum(axis=1)


def final_deaths(overdoses: pd.DataFrame, drug: str = ALL_DRUGS) -> pd.Series:
    """Final calendar-year death counts for one drug class, by year."""
    rows = overdoses[(overdoses["measure"] == "deaths") & (overdoses["data_status"] == "final")
                     & (overdoses["period"] == "calendar year") & (overdoses["drug_class"] == drug)]
    return rows.set_index("year")["value"].astype(float).sort_index().rename(drug)


def period_end(period: str) -> pd.Timestamp:
    """The last month of a '12 months to Sep 2024' period (a calendar year ends in December)."""
    match = _PERIOD.fullmatch(period)
    if not match:
        raise DemandError(f"not a 12-month-ending period: {period!r}")
    return pd.Timestamp(f"1 {match.group(1)} {match.group(2)}")


def data_year(period_end: pd.Timestamp) -> int:
    """The year a 12-month count belongs to: the calendar year holding most of its months (a count to
    January 2026 covers February 2025 to January 2026, so it is 2025's), as a crop year belongs to
    the administration in office on 1 July."""
    return int(period_end.year if period_end.month >= 7 else period_end.year - 1)


def latest_provisional(overdoses: pd.DataFrame, drug: str = ALL_DRUGS, until: int | None = None) -> pd.Series:
    """The newest provisional death count for a drug class (12 months to a month, or a calendar year
    as the 12 months to December), optionally among counts whose data year (`data_year`) is no
    later than `until`. The one place the newest provisional month is computed: the chapter's chart
    subtitle and its sentence both read it from here."""
    points = provisional_points(overdoses, drug)
    if until is not None:
        points = points[points["data_year"] <= until]
    if points.empty:
        raise DemandError(f"no provisional count for {drug!r}" + (f" in {until} or before" if until else ""))
    return points.iloc[-1].copy()


def rate_change(overdoses: pd.DataFrame, drug: str, year: int) -> float | None:
    """The final percent change in a drug class's rate into `year`, where the table states one."""
    rows = overdoses[(overdoses["measure"] == "percent_change_on_previous_year") & (overdoses["data_status"] == "final")
                     & (overdoses["drug_class"] == drug) & (overdoses["year"] == year)]
    return None if rows.empty else float(rows["value"].iloc[0])


# --- fentanyl seized at the border ---------------------------------------------------------------

def full_year_seizures(seizures: pd.DataFrame, scope: str = ALL_CBP) -> pd.DataFrame:
    """One full fiscal year per row (the first-listed source where two disagree), with the other figure kept."""
    rows = seizures[(~seizures["partial_year"]) & (seizures["scope"] == scope)]
    first = rows.groupby("fiscal_year", sort=True).first()
    counts = rows.groupby("fiscal_year").size()
    first["other_figures"] = [
        ", ".join(f"{value:,.0f}" for value in rows[rows["fiscal_year"] == year]["pounds"].iloc[1:])
        for year in first.index]
    first["sources_disagree"] = counts > 1
    first.index = first.index.astype(int)
    return first[["pounds", "source", "confidence", "other_figures", "sources_disagree"]]


def latest_partial(seizures: pd.DataFrame, scope: str = ALL_CBP) -> pd.Series | None:
    """The partial-year row covering the most months of the newest fiscal year with one, or None."""
    rows = seizures[seizures["partial_year"] & (seizures["scope"] == scope)]
    if rows.empty:
        return None
    newest = rows[rows["fiscal_year"] == rows["fiscal_year"].max()]
    return newest.loc[newest["months"].idxmax()]


def monthly_pace(pounds: float, months: int) -> float:
    """Pounds per month: the only fair way to set a part-year beside a full year."""
    if months <= 0:
        raise DemandError("a period needs at least one month")
    return float(pounds) / months


# --- federal money ------------------------------------------------------------------------------

def funding_rows(funding: pd.DataFrame, line_contains: str, measure: str | None = None) -> pd.DataFrame:
    """Rows of one funding line (matched by a fragment of its name), optionally one measure."""
    rows = funding[funding["line"].str.contains(line_contains, regex=False)]
    if measure is not None:
        rows = rows[rows["measure"] == measure]
    return rows.sort_values("fiscal_year_start")


def grants_to_states(funding: pd.DataFrame) -> pd.DataFrame:
    """State opioid grants by fiscal year and programme (STR awards, SOR announced or awarded), single-year rows."""
    str_rows = funding_rows(funding, "State Targeted Response", "awarded to states and territories")
    sor_rows = funding_rows(funding, "State Opioid Response")
    rows = pd.concat([str_rows, sor_rows])
    rows = rows[rows["fiscal_year_start"] == rows["fiscal_year_end"]]
    frame = rows.assign(programme=rows["line"].str.extract(r"\((\w+)\)")[0])
    return frame[["fiscal_year_start", "programme", "measure", "amount_usd", "source"]].rename(
        columns={"fiscal_year_start": "fiscal_year"}).reset_index(drop=True)


def emergency_fund_balance(funding: pd.DataFrame) -> float:
    rows = funding_rows(funding, "Public Health Emergency Fund")
    if rows.empty:
        raise DemandError("the Public Health Emergency Fund balance is not in the funding table")
    return float(rows["amount_usd"].iloc[0])


def deaths_around(deaths: pd.Series, year: int) -> tuple[float | None, float | None]:
    """The figure in a year and in the year after (None where the table has none)."""
    return deaths.get(year), deaths.get(year + 1)


def awards(grants: pd.DataFrame) -> pd.DataFrame:
    """Grant rows that record money awarded (not an announced funding opportunity)."""
    return grants[~grants["measure"].str.contains("announced")]


def peak_award_year(grants: pd.DataFrame) -> int:
    """The fiscal year of the largest single award row."""
    awarded = awards(grants)
    if awarded.empty:
        raise DemandError("no awarded grants in the funding table")
    return int(awarded.loc[awarded["amount_usd"].idxmax(), "fiscal_year"])


def single_months(seizures: pd.DataFrame, scope: str = ALL_CBP) -> pd.DataFrame:
    """Single-month seizure rows ('May 2025'), oldest first, with the month as a date."""
    rows = seizures[(seizures["months"] == 1) & (seizures["scope"] == scope)].copy()
    rows["month"] = pd.to_datetime(rows["period"], format="%B %Y", errors="coerce")
    return rows.dropna(subset=["month"]).sort_values("month").reset_index(drop=True)


def provisional_points(overdoses: pd.DataFrame, drug: str = ALL_DRUGS) -> pd.DataFrame:
    """Every provisional death count for a drug class, each placed at the end of its period
    (a calendar year at its December, a 12-month period at its last month)."""
    rows = overdoses[(overdoses["data_status"] == "provisional") & (overdoses["measure"] == "deaths")
                     & (overdoses["drug_class"] == drug)].copy()
    rows["period_end"] = [pd.Timestamp(year=int(year), month=12, day=1) if period == "calendar year" else period_end(period)
                          for year, period in zip(rows["year"], rows["period"])]
    rows["data_year"] = [data_year(end) for end in rows["period_end"]]
    # A calendar year and a 12-month period ending the same December: the 12-month row is the newer release.
    rows["calendar"] = rows["period"].eq("calendar year")
    rows = rows.sort_values(["period_end", "calendar"], ascending=[True, False], kind="mergesort")
    columns = [column for column in ("year", "period", "period_end", "data_year", "value", "confidence") if column in rows]
    return rows[columns].reset_index(drop=True)
