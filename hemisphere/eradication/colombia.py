"""Colombia as a relationship: US aid by fiscal year beside the register's events (pure functions).

Aid comes from the ForeignAssistance.gov table built by the Northern Triangle chapter (`us_aid`),
which carries Colombia; it is read here, not copied.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import events

COUNTRY = "Colombia"
RELATIONSHIP_EVENTS = [
    "eradication_colombia_decertification_threat_2017",
    "eradication_us_colombia_halving_plan_2018",
    "eradication_colombia_deportation_tariffs_2025",
    "eradication_colombia_decertified_2025",
    "eradication_colombia_petro_visa_2025",
    "eradication_colombia_payments_halted_2025",
    "eradication_colombia_petro_sanctioned_2025",
]


def aid(us_aid: pd.DataFrame, measure: str, country: str = COUNTRY) -> pd.DataFrame:
    """One measure of aid to a country by fiscal year: amount and whether the year was still open."""
    rows = us_aid[(us_aid["country"] == country) & (us_aid["measure"] == measure)]
    frame = rows.set_index("fiscal_year")[["amount_usd", "partial_year"]].sort_index()
    frame.index = frame.index.astype(int)
    return frame


def within(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    return frame.loc[(frame.index >= start) & (frame.index <= end)]


def administration_of_fiscal_year(fiscal_year: int) -> str | None:
    """The administration in office when a fiscal year began (1 October of the year before); None
    before the first administration in the register."""
    try:
        return events.administration_on(pd.Timestamp(year=fiscal_year - 1, month=10, day=1))["administration"]
    except KeyError:
        return None


def averages_by_administration(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean yearly amount over complete fiscal years, grouped by the administration that began each."""
    complete = frame[~frame["partial_year"]]
    if complete.empty:
        return pd.DataFrame(columns=["administration", "first_fy", "last_fy", "years", "mean_usd"])
    grouped = complete.assign(administration=[administration_of_fiscal_year(year) for year in complete.index])
    grouped = grouped[grouped["administration"].notna()]
    if grouped.empty:
        return pd.DataFrame(columns=["administration", "first_fy", "last_fy", "years", "mean_usd"])
    grouped = grouped.reset_index().groupby("administration", sort=False).agg(
        first_fy=("fiscal_year", "min"), last_fy=("fiscal_year", "max"), years=("fiscal_year", "size"),
        mean_usd=("amount_usd", "mean"))
    return grouped.reset_index().sort_values("first_fy").reset_index(drop=True)


def fiscal_year_of(moment) -> int:
    """The US fiscal year a date falls in (FY N runs 1 October N-1 to 30 September N)."""
    stamp = pd.Timestamp(moment)
    return stamp.year + (1 if stamp.month >= 10 else 0)


def relationship_events(start_fiscal_year: int, end_year: int) -> pd.DataFrame:
    """The relationship's events from the register dated from the start of a fiscal year to the end
    of a calendar year."""
    chosen = events.select(ids=RELATIONSHIP_EVENTS)
    first = pd.Timestamp(year=start_fiscal_year - 1, month=10, day=1)
    last = pd.Timestamp(year=end_year, month=12, day=31)
    return chosen[(chosen["date"] >= first) & (chosen["date"] <= last)].sort_values("date").reset_index(drop=True)


# --- extraditions --------------------------------------------------------------------------------

def yearly_extraditions(table: pd.DataFrame) -> pd.DataFrame:
    """Calendar-year extraditions to all countries, with who counted them and how confidently."""
    rows = table[table["calendar_year"].notna() & (table["destination"] == "all countries")]
    frame = rows.set_index("calendar_year")[["extraditions", "counted_by", "confidence"]].sort_index()
    frame.index = frame.index.astype(int)
    return frame


def united_states_shares(table: pd.DataFrame) -> pd.DataFrame:
    """For each span counted both ways, extraditions to the United States as a share of all."""
    keys = ["period_start", "period_end", "counted_by"]
    both = table.pivot_table(index=keys, columns="destination", values="extraditions", aggfunc="first")
    both = both.dropna(subset=["United States", "all countries"]) if "United States" in both else both.iloc[0:0]
    frame = both.reset_index()
    frame["share"] = frame["United States"].astype(float) / frame["all countries"].astype(float)
    return frame.sort_values("period_start").reset_index(drop=True)


# --- cocaine output under the Petro government --------------------------------------------------

PETRO_TOOK_OFFICE = pd.Timestamp("2022-08-07")


def output_before_and_since(production: pd.Series, took_office: pd.Timestamp = PETRO_TOOK_OFFICE) -> dict | None:
    """The last full year of output before a government took office, the newest year, and the
    series' peak; None when the series has no year on both sides."""
    series = production.dropna()
    before = series[series.index < took_office.year]
    since = series[series.index >= took_office.year]
    if before.empty or since.empty:
        return None
    base_year, last_year = int(before.index.max()), int(since.index.max())
    return {"base_year": base_year, "base": float(series.loc[base_year]), "last_year": last_year,
            "last": float(series.loc[last_year]), "peak_year": int(series.idxmax()), "peak": float(series.max())}
