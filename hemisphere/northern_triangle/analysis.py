"""Computations the Northern Triangle chapter reports: border series, claim checks, aid stages,
homicide series and the per-resident side-by-side view.

Functions take the validated tables (hemisphere.data.load) so they can be tested on the
committed data and on small fixtures alike.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import events
from hemisphere.northern_triangle.countries import NORTHERN_TRIANGLE
from hemisphere.northern_triangle.encounters import CBP, OHSS
from hemisphere.prose import listing, money, pct

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


def northern_triangle_share(apprehensions: pd.DataFrame, countries: list[str] | None = None) -> pd.DataFrame:
    """Share of the given citizenships (default: Guatemalans, Hondurans and Salvadorans) in all encounters, per fiscal year."""
    northern = fiscal_year_encounters(apprehensions, list(countries or NORTHERN_TRIANGLE))
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


# --- The early-2017 fall in crossings -----------------------------------------------------------

INAUGURATION_MONTH = pd.Timestamp("2017-01-01")
# The months the Secretary's April 2017 "almost 70 percent" compared (the claims register's test).
STATEMENT_MONTHS = (pd.Timestamp("2016-12-01"), pd.Timestamp("2017-03-01"))


def lowest_month(series: pd.Series, year: int) -> pd.Timestamp:
    """The calendar month of `year` with the fewest encounters (the earliest one on a tie).

    The chapter measures the early-2017 fall to, and the rebound from, `lowest_month(monthly, 2017)`.
    """
    months = series[series.index.year == year].dropna()
    if months.empty:
        raise AnalysisError(f"no monthly values in {year}")
    return pd.Timestamp(months.idxmin())


def early_2017_comparisons(series: pd.Series) -> pd.DataFrame:
    """The spring-2017 fall and its reversal, each as an explicit pair of months.

    Rows (by `key`): `statement` (the months the April 2017 statement compared), `inauguration`
    (inauguration month to the 2017 low), `year_earlier` (the 2017 low against the same month of
    2016), `seasonal` (the statement's months one year earlier, the usual winter-to-spring move)
    and `rebound` (the 2017 low to December 2017).
    """
    low = lowest_month(series, INAUGURATION_MONTH.year)
    before, after = STATEMENT_MONTHS
    pairs = {
        "statement": (before, after),
        "inauguration": (INAUGURATION_MONTH, low),
        "year_earlier": (low - pd.DateOffset(years=1), low),
        "seasonal": (before - pd.DateOffset(years=1), after - pd.DateOffset(years=1)),
        "rebound": (low, pd.Timestamp(low.year, 12, 1)),
    }
    rows = [{"key": key, "base_month": base, "base_value": float(series[base]), "month": month,
             "value": float(series[month]), "change": change(series, str(base.date()), str(month.date()))}
            for key, (base, month) in pairs.items()]
    return pd.DataFrame(rows).set_index("key")


# --- Removals and the gaps in the record --------------------------------------------------------

def removals_by_year(removals: pd.DataFrame, countries: list[str], first_year: int, last_year: int) -> pd.DataFrame:
    """ICE removals per fiscal year (rows) and chosen country (columns, in the order chosen).

    Only the fiscal years with a figure for at least one chosen country are rows; a country with
    no figure in a year is missing there, not zero.
    """
    rows = removals[removals["country"].isin(countries) & removals["fiscal_year"].between(first_year, last_year)]
    table = rows.pivot_table(index="fiscal_year", columns="country", values="removals", aggfunc="sum")
    return table[[country for country in countries if country in table.columns]].sort_index()


def removal_gaps(removals: pd.DataFrame, countries: list[str], first_year: int, last_year: int) -> dict[str, list[int]]:
    """Fiscal years of the window, from the first year the removals table covers, that lack figures.

    `missing`: no chosen country has a figure; `partial`: some chosen countries have one, not all.
    """
    start = max(first_year, int(removals["fiscal_year"].min()))
    present = removals[removals["country"].isin(countries)].groupby("fiscal_year")["country"].nunique()
    years = range(start, last_year + 1)
    return {"missing": [year for year in years if present.get(year, 0) == 0],
            "partial": [year for year in years if 0 < present.get(year, 0) < len(set(countries))]}


def budget_years(aid_budget: pd.DataFrame, stage: str,
                 span: tuple[int, int] | None = None) -> tuple[list[int], list[int]]:
    """Region-wide budget lines: the fiscal years with a figure for `stage`, and the years without one.

    The years without are counted over `span` (first, last), by default the table's span (first to
    last fiscal year it holds). A year counts once however many sources give it a figure.
    """
    years = sorted(int(year) for year in aid_budget.loc[aid_budget["stage"] == stage, "fiscal_year"].unique())
    first, last = span if span else (int(aid_budget["fiscal_year"].min()), int(aid_budget["fiscal_year"].max()))
    return years, [year for year in range(first, last + 1) if year not in years]


def fiscal_year_runs(years) -> str:
    """Fiscal years named as runs, never hiding a gap: [2018, 2020, 2021] -> 'FY2018 and FY2020-FY2021'."""
    years = sorted(int(year) for year in years)
    if not years:
        raise AnalysisError("no fiscal years to name")
    runs, start = [], years[0]
    for previous, year in zip(years, years[1:] + [None]):
        if year is None or year != previous + 1:
            runs.append(f"FY{start}" if start == previous else f"FY{start}-FY{previous}")
            start = year
    return runs[0] if len(runs) == 1 else ", ".join(runs[:-1]) + " and " + runs[-1]


def budget_amount_text(amount: float, qualifier) -> str:
    """A budget line as words, keeping its qualifier: 'over $1 billion', 'about $460 million', '$750 million'."""
    qualifier = "" if qualifier is None or (not isinstance(qualifier, str) and pd.isna(qualifier)) else str(qualifier)
    return (f"{qualifier} " if qualifier else "") + money(amount)


def budget_comparison(aid_budget: pd.DataFrame) -> pd.DataFrame:
    """Fiscal years whose region-wide request and enacted amount are both in the table.

    One row per fiscal year and pair of sources, so that a year whose sources disagree on a stage
    keeps every figure (none is dropped or averaged). Columns: fiscal_year, request,
    request_qualifier ('over', 'about' or ''), request_source, enacted, enacted_qualifier,
    enacted_source; sorted by fiscal year, then request source, then the enacted amount (highest first).
    """
    columns = ["fiscal_year", "amount_usd", "qualifier", "source"]
    parts = {}
    for stage in ("request", "enacted"):
        rows = aid_budget.loc[aid_budget["stage"] == stage, columns].copy()
        rows["qualifier"] = rows["qualifier"].fillna("")
        rows["amount_usd"] = rows["amount_usd"].astype(float)
        parts[stage] = rows.rename(columns={"amount_usd": stage, "qualifier": f"{stage}_qualifier",
                                            "source": f"{stage}_source"})
    pairs = parts["request"].merge(parts["enacted"], on="fiscal_year")
    pairs = pairs.sort_values(["fiscal_year", "request_source", "enacted"], ascending=[True, True, False], kind="stable")
    return pairs.reset_index(drop=True)[["fiscal_year", "request", "request_qualifier", "request_source",
                                         "enacted", "enacted_qualifier", "enacted_source"]]


def budget_in_window(aid_budget: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """The region-wide budget lines of fiscal years `first` to `last` (the chosen period), every source kept."""
    return aid_budget[aid_budget["fiscal_year"].between(first, last)]


def budget_conflicts(aid_budget: pd.DataFrame) -> pd.DataFrame:
    """The fiscal year and stage pairs for which sources give different amounts, one row per figure.

    Columns: fiscal_year, stage, source, amount_usd, qualifier; sorted by year and stage, highest
    amount first. Empty when every year and stage has a single figure (or sources agree).
    """
    amounts = aid_budget.groupby(["fiscal_year", "stage"])["amount_usd"].transform("nunique")
    disputed = aid_budget.loc[amounts > 1, ["fiscal_year", "stage", "source", "amount_usd", "qualifier"]]
    disputed = disputed.sort_values(["fiscal_year", "stage", "amount_usd"], ascending=[True, True, False], kind="stable")
    return disputed.reset_index(drop=True)


# How each source named in the chapter's tables reads inside a sentence (no parentheses, so
# none end up nested): budget-line sources and homicide-rate sources alike.
SOURCE_PHRASES = {
    "CRS": "CRS",
    # Named by nationality, not country: the line is region-wide, whichever countries a run follows.
    "El Salvador government": "the Salvadoran government's planning secretariat",
    "Crónica (Guatemala)": "the Guatemalan daily Crónica",
    "Associated Press": "the Associated Press",
    "Politico": "Politico",
    "Rep. Cuellar": "Rep. Cuellar's office",
    "OMB via UrduPoint": "OMB as quoted by UrduPoint",
    "UNODC": "UNODC",
    "National figures (press compilation)": "national figures compiled from press reports",
    "InSight Crime": "InSight Crime",
    "UCA human-rights observatory estimate": "the UCA human-rights observatory's estimate",
}


def source_phrase(source: str) -> str:
    """'National figures (press compilation)' -> 'national figures compiled from press reports'."""
    return SOURCE_PHRASES.get(source, source)


def request_against_enacted(aid_budget: pd.DataFrame, request_year: int, enacted_year: int) -> str | None:
    """'about $460 million: 39% below the $750 million enacted for FY2017 according to ...'.

    Sets a year's region-wide request against every source's enacted figure for another year,
    so a disputed appropriation is compared both ways; None when either line is missing.
    """
    request = aid_budget[(aid_budget["fiscal_year"] == request_year) & (aid_budget["stage"] == "request")]
    enacted = aid_budget[(aid_budget["fiscal_year"] == enacted_year) & (aid_budget["stage"] == "enacted")]
    if len(request) != 1 or enacted.empty:
        return None
    requested = float(request["amount_usd"].item())
    against = [f"{pct(abs(requested / row.amount_usd - 1))} {'below' if requested < row.amount_usd else 'above'} "
               f"the {money(row.amount_usd)} enacted for FY{enacted_year} according to {source_phrase(row.source)}"
               for row in enacted.sort_values("amount_usd", ascending=False, kind="stable").itertuples()]
    return f"{budget_amount_text(requested, request['qualifier'].item())}: {listing(against)}"


def monthly_total_with_recent(apprehensions: pd.DataFrame, recent: pd.DataFrame) -> pd.DataFrame:
    """All-citizenship monthly totals: the files' spliced series, then page-reported months after it.

    Columns: encounters, source ('file' for the OHSS/CBP files, 'report' for border_apprehensions_recent).
    """
    files = monthly_encounters(apprehensions)
    later = recent.assign(month=pd.to_datetime(recent["month"])).set_index("month")["encounters"].astype(float)
    later = later[later.index > files.index.max()]
    frame = pd.concat([pd.DataFrame({"encounters": files, "source": "file"}),
                       pd.DataFrame({"encounters": later, "source": "report"})])
    return frame.sort_index()


# One measure for "how far did obligations fall under the first term's budgets": mean yearly
# obligations over FY2018-FY2020 (the budgets the first Trump administration requested and that
# were spent before FY2021) against FY2015-FY2017, summed over the countries. The chapter, the
# claims and the overview should all use this one (`obligations_cut`).
OBLIGATIONS_CUT_YEARS = {"before": (2015, 2017), "after": (2018, 2020)}
FIRST_TERM = "Trump I"


def obligations_cut_years_text() -> str:
    """How the measure's 'after' years relate to the first term's budgets, computed from the constants
    and the administrations table: 'FY2018-FY2020, the first term's budgets spent before it ended
    (FY2021's, also requested by Trump I, was mostly spent under Biden)'."""
    a0, a1 = OBLIGATIONS_CUT_YEARS["after"]
    span = f"FY{a0}-FY{a1}" if a1 > a0 else f"FY{a0}"
    budgets = events.budget_years(FIRST_TERM)
    term = events.administrations().set_index("administration").loc[FIRST_TERM]
    later = [year for year in budgets if year > a1]
    text = f"{span}, the first term's budgets spent before it ended"
    if not later:
        return text
    notes = []
    for year in later:
        start, end = pd.Timestamp(year - 1, 10, 1), pd.Timestamp(year, 9, 30)
        after_term = (end - max(start, term["end_date"])).days if pd.notna(term["end_date"]) else 0
        successor = events.administration_on(min(end, max(start, term["end_date"]) + pd.Timedelta(days=1)))["administration"]
        share = after_term / (end - start).days
        how = "mostly" if share > 0.5 else "partly"
        notes.append(f"FY{year}'s, also requested by {FIRST_TERM}, was {how} spent under {successor}")
    return text + " (" + "; ".join(notes) + ")"


def obligations_cut(us_aid: pd.DataFrame, countries: list[str] | None = None) -> dict[str, float]:
    """Mean yearly obligations before and after, and the fractional change (OBLIGATIONS_CUT_YEARS)."""
    countries = list(countries or NORTHERN_TRIANGLE)
    (b0, b1), (a0, a1) = OBLIGATIONS_CUT_YEARS["before"], OBLIGATIONS_CUT_YEARS["after"]
    stages = aid_stages(us_aid, countries, b0, a1)
    before, after = stages.loc[b0:b1, "obligations"], stages.loc[a0:a1, "obligations"]
    if before.isna().any() or after.isna().any():
        raise AnalysisError(f"obligations to {', '.join(countries)} are incomplete in FY{b0}-FY{a1}")
    return {"before": float(before.mean()), "after": float(after.mean()),
            "change": float(after.mean() / before.mean() - 1)}


# Register events whose `country` is 'Regional' but whose label names some of the three only.
EVENT_COUNTRIES = {"northern_triangle_third_country_gt_hn_2025": ("Guatemala", "Honduras")}


def events_concerning(register: pd.DataFrame, ids: list[str], countries: list[str]) -> list[str]:
    """The ids among `ids` (their order kept) whose event concerns a country followed or the whole region.

    A one-country chart marks that country's steps and the region-wide ones, not another country's
    (a Honduras chart does not mark Guatemala's asylum agreement).
    """
    concerns = {row.event_id: EVENT_COUNTRIES.get(row.event_id, (row.country,)) for row in register.itertuples()}
    return [event_id for event_id in ids
            if any(country in countries or country == "Regional" for country in concerns.get(event_id, ("Regional",)))]
