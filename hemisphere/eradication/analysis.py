"""The chapter's calculations: series, gaps, changes, productivity and the majors-list grid.

Each function takes a table as loaded by `hemisphere.data.load` and returns plain pandas
objects, so the notebook only chooses what to show and the numbers in its prose come from
here. Missing data is an explicit error or an empty result, never a silent zero.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from hemisphere.eradication.tables import (
    DEVIDA,  # noqa: F401 (re-exported: narrative names estimators as analysis.DEVIDA)
    ONDCP,
    REPORTER_GOVERNMENT_PRESS,
    REPORTER_MINDEFENSA,
    REPORTER_ONDCP,
    REPORTER_UNODC_ANNEX,
    REPORTER_UNODC_BOLIVIA,
    REPORTER_UNODC_SURVEY,
    UNODC,
)

# Order in which reporting bodies are trusted when several give one year's eradication.
ERADICATION_REPORTERS = [REPORTER_UNODC_ANNEX, REPORTER_UNODC_SURVEY, REPORTER_UNODC_BOLIVIA, REPORTER_MINDEFENSA,
                         REPORTER_ONDCP, REPORTER_GOVERNMENT_PRESS]


class SeriesError(ValueError):
    """A series asked for does not exist, or lacks the year a calculation needs."""


def _require_country(table: pd.DataFrame, country: str, what: str) -> pd.DataFrame:
    rows = table[table["country"] == country]
    if rows.empty:
        known = ", ".join(sorted(table["country"].unique()))
        raise SeriesError(f"no {what} for {country!r}; countries in the table: {known}")
    return rows


def _as_series(rows: pd.DataFrame, value: str, name: str) -> pd.Series:
    series = rows.set_index("year")[value].astype(float).sort_index()
    series.index = series.index.astype(int)
    series.name = name
    return series


# --- cultivation ------------------------------------------------------------------------------

def cultivation_series(cultivation: pd.DataFrame, country: str, estimator: str) -> pd.Series:
    """Hectares by year for one country and estimator (empty if that body published none)."""
    rows = _require_country(cultivation, country, "coca cultivation")
    return _as_series(rows[rows["estimator"] == estimator], "hectares", estimator)


def estimator_gap(cultivation: pd.DataFrame, country: str) -> pd.DataFrame:
    """Years both bodies estimated: each figure, the US-minus-UNODC gap and their ratio."""
    unodc = cultivation_series(cultivation, country, UNODC)
    ondcp = cultivation_series(cultivation, country, ONDCP)
    both = pd.concat({"unodc": unodc, "ondcp": ondcp}, axis=1).dropna()
    both["gap"] = both["ondcp"] - both["unodc"]
    both["ratio"] = both["ondcp"] / both["unodc"]
    both.index.name = "year"
    return both


def within(series: pd.Series, start_year: int, end_year: int) -> pd.Series:
    """The part of a yearly series between two years, inclusive."""
    return series[(series.index >= start_year) & (series.index <= end_year)]


def value_in(series: pd.Series, year: int) -> float:
    """The value for one year, or a SeriesError naming the years that exist."""
    if year not in series.index:
        years = f"{series.index.min()}-{series.index.max()}" if len(series) else "none"
        raise SeriesError(f"{series.name or 'series'} has no value for {year} (years available: {years})")
    return float(series.loc[year])


def nearest_year(series: pd.Series, year: int) -> int:
    """The year in the series closest to `year` (the earlier one on a tie)."""
    if series.empty:
        raise SeriesError(f"{series.name or 'series'} is empty")
    years = pd.Series(series.index, index=series.index)
    return int(years.iloc[(years - year).abs().argsort(kind="stable").iloc[0]])


def comparison_years(series: pd.Series, base_year: int) -> tuple[int, int]:
    """The years a stated change runs between: from the base year (or the year nearest to it
    that comes before the last one) to the last year with a figure.

    When only one year exists both are that year, and the caller should state a level, not a change.
    """
    if series.empty:
        raise SeriesError(f"{series.name or 'series'} is empty")
    last = int(series.index.max())
    earlier = series[series.index < last]
    if earlier.empty:
        return last, last
    return nearest_year(earlier, base_year), last


def peak(series: pd.Series) -> tuple[int, float]:
    """Year and value of the maximum (the first year if tied)."""
    if series.empty:
        raise SeriesError(f"{series.name or 'series'} is empty")
    year = int(series.idxmax())
    return year, float(series.loc[year])


def low_or_high(series: pd.Series, year: int, tolerance: float = 0.05) -> str:
    """'low' or 'high' when the year's value is at, or within `tolerance` of the series' range
    from, its minimum or maximum; else ''.

    A change measured from a series' low point looks larger than one from an ordinary year (and
    from its high point, smaller); the prose says so when the base year is one of them.
    """
    if len(series) < 2 or year not in series.index:
        return ""
    value, lowest, highest = series.loc[year], series.min(), series.max()
    margin = tolerance * (highest - lowest)
    if value - lowest <= margin:
        return "low"
    if highest - value <= margin:
        return "high"
    return ""


def base_words(series: pd.Series, year: int, unit: str = "") -> tuple[str, str]:
    """A clause saying the base year is the series' low (or high) point, and which side it is.

    (', the lowest of any year shown,', 'low') when the year holds the minimum;
    (', close to the lowest of any year shown (47,788 hectares in 2012),', 'low') when it is near it;
    ('', '') when the base is an ordinary year.
    """
    from hemisphere.prose import num

    side = low_or_high(series, year)
    if not side:
        return "", ""
    word = "lowest" if side == "low" else "highest"
    extreme_year = int(series.idxmin() if side == "low" else series.idxmax())
    if extreme_year == year:
        return f", the {word} of any year shown,", side
    value = num(series.loc[extreme_year], unit=unit or None)
    return f", close to the {word} of any year shown ({value} in {extreme_year}),", side


def missing_years(years, start_year: int, end_year: int) -> list[int]:
    """Years from start to end, inclusive, that have no entry among `years`."""
    held = {int(year) for year in years}
    return [year for year in range(start_year, end_year + 1) if year not in held]


def year_ranges(years) -> str:
    """[2001, 2002, 2003, 2006] -> '2001-2003 and 2006': runs of consecutive years in words."""
    years = sorted(int(year) for year in years)
    if not years:
        return ""
    runs, first, previous = [], years[0], years[0]
    for year in years[1:] + [None]:
        if year is not None and year == previous + 1:
            previous = year
            continue
        runs.append(str(first) if first == previous else f"{first}-{previous}")
        if year is not None:
            first = previous = year
    return runs[0] if len(runs) == 1 else ", ".join(runs[:-1]) + " and " + runs[-1]


def count_of(part: int, whole: int) -> str:
    """'every one of the 10', 'none of the 10' or '7 of the 10': a count that reads right at the ends."""
    if whole > 1 and part == whole:
        return f"every one of the {whole}"
    if whole > 0 and part == 0:
        return f"none of the {whole}"
    return f"{part} of the {whole}"


# --- eradication ------------------------------------------------------------------------------

def eradication_series(eradication: pd.DataFrame, country: str) -> pd.DataFrame:
    """One total per calendar year: hectares, how it was made up, who reported it.

    Where a year has a combined figure it is used; otherwise aerial spraying and manual
    eradication are added. When several bodies report a year, the first in
    ERADICATION_REPORTERS wins. Partial-year figures are left out.
    """
    rows = _require_country(eradication, country, "coca eradication")
    rows = rows[rows["period"] == "calendar_year"]
    totals = []
    for year, for_year in rows.groupby("year"):
        for reporter in ERADICATION_REPORTERS:
            reported = for_year[for_year["reported_by"] == reporter]
            if reported.empty:
                continue
            by_method = reported.set_index("method")["hectares"]
            if "combined" in by_method:
                hectares, methods = by_method["combined"], "aerial spraying and manual, combined"
            elif "aerial_spraying" in by_method:
                hectares = by_method.sum()
                methods = "aerial spraying and manual" if "manual" in by_method else "aerial spraying"
            else:
                hectares, methods = by_method["manual"], "manual"
            totals.append({
                "year": int(year),
                "hectares": float(hectares),
                "aerial_hectares": float(by_method.get("aerial_spraying", float("nan"))),
                "methods": methods,
                "reported_by": reporter,
                "lower_bound": bool(reported["lower_bound"].any()),
            })
            break
    return pd.DataFrame(totals).set_index("year").sort_index()


def eradication_and_next_change(cultivation: pd.Series, eradication: pd.DataFrame) -> pd.DataFrame:
    """Hectares eradicated in year t beside the change in net cultivation from t to t+1."""
    following = cultivation.reindex(cultivation.index + 1).set_axis(cultivation.index)
    change_next = (following - cultivation).dropna()
    paired = pd.concat({"eradicated": eradication["hectares"], "cultivation_change_next_year": change_next},
                       axis=1).dropna()
    paired.index.name = "year"
    return paired


def correlation(paired: pd.DataFrame) -> tuple[float, int]:
    """Pearson correlation of the two columns and the number of years it rests on."""
    if len(paired) < 3:
        raise SeriesError(f"a correlation needs at least three years; only {len(paired)} available")
    first, second = paired.columns[:2]
    return float(paired[first].corr(paired[second])), len(paired)


def permutation_p_value(paired: pd.DataFrame, draws: int = 10_000, seed: int = 0) -> float:
    """Share of random re-pairings whose correlation is at least as strong as the observed one.

    A small-sample check that needs no distributional assumption; the fixed seed keeps the
    figure, and so the report, identical from run to run.
    """
    observed, _ = correlation(paired)
    first, second = (paired[column].to_numpy(float) for column in paired.columns[:2])
    generator = np.random.default_rng(seed)
    pairings = np.array([generator.permutation(second) for _ in range(draws)])
    shuffled = _correlations(first, pairings)
    return float((np.sum(np.abs(shuffled) >= abs(observed) - 1e-12) + 1) / (draws + 1))


def _correlations(fixed: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Pearson r of `fixed` with each row of `rows`, all at once (one corrcoef per draw was slow)."""
    centred_fixed = fixed - fixed.mean()
    centred_rows = rows - rows.mean(axis=1, keepdims=True)
    covariances = centred_rows @ centred_fixed
    return covariances / np.sqrt((centred_rows ** 2).sum(axis=1) * (centred_fixed ** 2).sum())


def strength(r: float) -> str:
    """A plain word for the size of a correlation coefficient."""
    size = abs(r)
    if size < 0.3:
        return "very weak"
    if size < 0.5:
        return "weak"
    if size < 0.7:
        return "moderate"
    return "strong"


# --- production -------------------------------------------------------------------------------

def production_series(production: pd.DataFrame, country: str, estimator: str) -> pd.Series:
    """Metric tons by year from the latest release of one body (superseded figures dropped)."""
    rows = _require_country(production, country, "cocaine production")
    rows = rows[(rows["estimator"] == estimator) & ~rows["superseded"].astype(bool)]
    if rows["year"].duplicated().any():
        doubled = sorted(rows.loc[rows["year"].duplicated(), "year"].astype(int).unique())
        raise SeriesError(f"{country} {estimator}: more than one current release for {doubled}")
    return _as_series(rows, "metric_tons", estimator)


def production_releases(production: pd.DataFrame, country: str, estimator: str) -> pd.DataFrame:
    """Which release each year of `production_series` comes from, and how many figures were dropped.

    Returns one row per year used (year, vintage, release) with the number of superseded figures the
    table holds for that year. The series keeps, for each year, the one figure not marked
    superseded: the latest release of that year held in the table. It is not one release
    covering every year, so years can come from releases made under different methods.
    """
    rows = _require_country(production, country, "cocaine production")
    rows = rows[rows["estimator"] == estimator]
    superseded = rows["superseded"].astype(bool)
    dropped = rows[superseded].groupby("year").size()
    kept = rows[~superseded][["year", "vintage"]].copy()
    kept["year"] = kept["year"].astype(int)
    # A back series published with a survey is part of that survey's release.
    kept["release"] = kept["vintage"].str.replace(r"\s+back-series$", "", regex=True)
    kept["superseded_dropped"] = kept["year"].map(dropped).fillna(0).astype(int)
    return kept.sort_values("year").set_index("year")


def kilograms_per_hectare(production: pd.Series, cultivation: pd.Series) -> pd.Series:
    """Potential cocaine per hectare of standing coca (kg/ha), for years both series cover."""
    ratio = (production * 1000 / cultivation).dropna()
    ratio.name = "kg_per_hectare"
    return ratio


# --- the majors list --------------------------------------------------------------------------

def designations(majors: pd.DataFrame, fiscal_year: int) -> dict[str, list[str]]:
    """Who was designated 'failed demonstrably', who of them got a waiver, and what is unverified."""
    rows = majors[majors["fiscal_year"] == fiscal_year]
    if rows.empty:
        years = f"{majors['fiscal_year'].min()}-{majors['fiscal_year'].max()}"
        raise SeriesError(f"no majors-list determination for FY{fiscal_year} (fiscal years held: {years})")
    failed = rows[rows["failed_demonstrably"] == "yes"]
    return {
        "listed": sorted(rows["country"]),
        "failed_demonstrably": sorted(failed["country"]),
        "waived": sorted(failed.loc[failed["national_interest_waiver"] == "yes", "country"]),
        "waiver_not_verified": sorted(failed.loc[failed["national_interest_waiver"] == "not verified", "country"]),
        "not_verified": sorted(rows.loc[rows["failed_demonstrably"] == "not verified", "country"]),
    }


def _status_not_read(majors: pd.DataFrame, fiscal_year: int, found: dict[str, list[str]]) -> str:
    """Plain words for the listed countries whose designation status was not read, naming those
    designated in the nearest determinations read before and after (the ones a reader would expect)."""
    unread = found["not_verified"]
    if not unread:
        return "none"
    if not found["failed_demonstrably"]:
        return f"{len(unread)} of the {len(found['listed'])} listed countries (designation paragraph not read)"
    neighbours = {}
    for country in unread:
        read = majors[(majors["country"] == country) & majors["failed_demonstrably"].isin(["yes", "no"])]
        before = read[read["fiscal_year"] < fiscal_year].sort_values("fiscal_year").tail(1)
        after = read[read["fiscal_year"] > fiscal_year].sort_values("fiscal_year").head(1)
        years = [int(row["fiscal_year"]) for frame in (before, after) for _, row in frame.iterrows()
                 if row["failed_demonstrably"] == "yes"]
        if years:
            neighbours[country] = " and ".join(f"FY{year}" for year in years)
    flagged = "; ".join(f"{country}, designated in {years}, not confirmed" for country, years in neighbours.items())
    if len(unread) <= 3:
        names = [f"{country} (designated in {neighbours[country]}, not confirmed)" if country in neighbours else country
                 for country in unread]
        return ", ".join(names)
    text = f"{len(unread)} of the {len(found['listed'])} listed countries"
    return text + (f" ({flagged})" if flagged else "")


def designation_summary(majors: pd.DataFrame) -> pd.DataFrame:
    """One row per determination: who was designated, who of them got a waiver, what is unread.

    Where no designation could be read for a year, both lists say 'not verified' rather than
    'none'; 'none' is kept for a year whose designations were read and were empty. Where the
    designations were read only in part, the list says so, and the last column names the
    countries whose status was not read, naming any designated in the nearest determinations read
    before and after.
    """
    rows = []
    for fiscal_year in sorted(majors["fiscal_year"].unique()):
        found = designations(majors, fiscal_year)
        unread = not found["failed_demonstrably"] and found["not_verified"]
        if unread:
            failed = waived = "not verified"
        else:
            failed = ", ".join(found["failed_demonstrably"]) or "none"
            if found["not_verified"]:
                failed += " (others not read)"
            waived = (", ".join(found["waived"])
                      or ("not verified" if found["waiver_not_verified"] or found["not_verified"] else "none"))
        signed = majors.loc[majors["fiscal_year"] == fiscal_year, "date_signed"].iloc[0]
        rows.append({
            "fiscal_year": f"FY{int(fiscal_year)}",
            "signed": signed,
            "failed_demonstrably": failed,
            "of_which_waived": waived,
            "status_not_read": _status_not_read(majors, int(fiscal_year), found),
        })
    return pd.DataFrame(rows)


def unread_determinations(majors: pd.DataFrame) -> list[int]:
    """Fiscal years whose designation paragraph was not read at all: no country is recorded as
    designated and at least one country's status is 'not verified'."""
    return sorted(int(year) for year, rows in majors.groupby("fiscal_year")
                  if not (rows["failed_demonstrably"] == "yes").any()
                  and (rows["failed_demonstrably"] == "not verified").any())


def readable_determinations(majors: pd.DataFrame, country: str) -> list[int]:
    """Fiscal years whose determination was read and shows whether `country` was designated.

    Years whose designation paragraph was not read are left out even where the table infers
    the country's status from later reports; so are years where the country's own line is
    unverified. A year in which the country was not on the list counts (it was not designated).
    """
    unread = set(unread_determinations(majors))
    own = majors[(majors["country"] == country) & (majors["failed_demonstrably"] == "not verified")]
    unread |= set(int(year) for year in own["fiscal_year"])
    return sorted(int(year) for year in majors["fiscal_year"].unique() if int(year) not in unread)


GRID_CODES = {
    ("yes", "yes"): "failed, waived",
    ("yes", "no"): "failed, no waiver",
    ("yes", "not verified"): "failed",
    ("no", "not applicable"): "listed",
    ("not verified", "not verified"): "listed (?)",
}


def majors_grid(majors: pd.DataFrame, countries: list[str]) -> pd.DataFrame:
    """Country-by-fiscal-year grid of status labels; '' where a country was not listed."""
    rows = majors[majors["country"].isin(countries)].copy()
    rows["status"] = [GRID_CODES.get((fd, waiver), fd) for fd, waiver
                      in zip(rows["failed_demonstrably"], rows["national_interest_waiver"])]
    grid = rows.pivot(index="country", columns="fiscal_year", values="status")
    grid = grid.reindex(index=countries, columns=sorted(majors["fiscal_year"].unique())).fillna("")
    grid.columns = [f"FY{int(year) % 100:02d}" for year in grid.columns]
    grid.index.name = "country"
    return grid


def determination_dates(majors: pd.DataFrame) -> dict[str, pd.Timestamp]:
    """Date each fiscal year's determination was signed, keyed like `majors_grid`'s columns ('FY18').

    Why: a determination for FY N is signed in September of N-1, so it belongs to the
    administration in office then, not to the one in office during the fiscal year.
    """
    signed = majors.dropna(subset=["date_signed"]).groupby("fiscal_year")["date_signed"].min()
    return {f"FY{int(year) % 100:02d}": pd.Timestamp(date) for year, date in signed.items()}


# --- demand -----------------------------------------------------------------------------------

def overdose_rates(overdoses: pd.DataFrame) -> pd.DataFrame:
    """Final age-adjusted death rates, one column per drug class, one row per year."""
    rows = overdoses[(overdoses["measure"] == "age_adjusted_rate") & (overdoses["data_status"] == "final")
                     & (overdoses["period"] == "calendar year")]
    table = rows.pivot(index="year", columns="drug_class", values="value").sort_index()
    table.index = table.index.astype(int)
    return table


def index_to_base(series: pd.Series, base_year: int) -> pd.Series:
    """The series as an index, base year = 100."""
    base = value_in(series, base_year)
    if base == 0:
        raise SeriesError(f"{series.name or 'series'} is zero in {base_year}; cannot index to it")
    return series / base * 100


def common_years(*series: pd.Series) -> list[int]:
    """Years every series has a value for."""
    years = set(series[0].dropna().index)
    for other in series[1:]:
        years &= set(other.dropna().index)
    return sorted(int(year) for year in years)
