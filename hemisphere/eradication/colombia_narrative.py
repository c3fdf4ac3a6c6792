"""Sentences about the US-Colombia relationship, from `colombia` (pure functions)."""

from __future__ import annotations

import pandas as pd

from hemisphere.prose import day, listing, money, num, pct


def aid_by_administration(averages: pd.DataFrame, measure: str = "obligations") -> str:
    """Average yearly aid per administration over the complete fiscal years shown."""
    if averages.empty:
        return f"No complete fiscal year of {measure} to Colombia falls in the years shown."
    parts = []
    for _, row in averages.iterrows():
        span = (f"FY{int(row['first_fy'])}" if row["first_fy"] == row["last_fy"]
                else f"FY{int(row['first_fy'])}-FY{int(row['last_fy'])}")
        parts.append(f"{money(row['mean_usd'])} a year under {row['administration']} ({span})")
    if len(averages) == 1 and averages["first_fy"].iloc[0] == averages["last_fy"].iloc[0]:
        row = averages.iloc[0]
        return (f"US {measure} to Colombia were {money(row['mean_usd'])} in FY{int(row['first_fy'])}, a fiscal year "
                f"that began under {row['administration']}.")
    return (f"US {measure} to Colombia averaged " + listing(parts)
            + ", counting each complete fiscal year under the administration in office when it began.")


def open_year(frame: pd.DataFrame, measure: str = "obligations", disbursements: pd.DataFrame | None = None) -> str:
    """The newest, still-open fiscal year, if any, stated as partial (both measures when given)."""
    partial = frame[frame["partial_year"]]
    if partial.empty:
        return ""
    year = int(partial.index.max())
    paid = ""
    if disbursements is not None and year in disbursements.index and bool(disbursements.loc[year, "partial_year"]):
        paid = (f" and the {money(disbursements.loc[year, 'amount_usd'])} of disbursements (the hollow marker on the "
                "dashed line)")
    both = bool(paid)
    return (f"FY{year} was only partly reported when the file was downloaded: the {money(partial.loc[year, 'amount_usd'])} "
            f"of {measure} recorded for it{paid} {'are' if both else 'is'} partial and "
            f"{'are' if both else 'is'} not a measure of a cut.")


def events_sentence(chosen: pd.DataFrame) -> str:
    """The relationship's turning points in the years shown, in date order."""
    if chosen.empty:
        return "None of the relationship's events in the register falls in the years shown."
    items = [f"{row['label']} ({day(row['date'])})" for _, row in chosen.iterrows()]
    return (f"The register holds {num(len(items))} turning point{'s' if len(items) != 1 else ''} in these years: "
            + "; ".join(items) + ".")


def aid_title(averages: pd.DataFrame, measure: str = "obligations") -> str:
    """A title naming the average yearly aid of the last two administrations with complete years shown."""
    if averages.empty:
        return f"US {measure} to Colombia by fiscal year"
    if len(averages) == 1:
        row = averages.iloc[0]
        return f"US {measure} to Colombia averaged {money(row['mean_usd'])} a year under {row['administration']}"
    previous, last = averages.iloc[-2], averages.iloc[-1]
    return (f"US {measure} to Colombia averaged {money(previous['mean_usd'])} a year under {previous['administration']} "
            f"and {money(last['mean_usd'])} under {last['administration']}")


def extraditions(yearly: pd.DataFrame, shares: pd.DataFrame) -> str:
    """Calendar-year extraditions held, and the United States' share where a span gives it."""
    if yearly.empty:
        return "No calendar-year count of extraditions from Colombia is held for the years shown."
    parts = [f"{num(row['extraditions'])} in {year}" for year, row in yearly.iterrows()]
    text = (f"Colombia extradited {listing(parts)} (to all countries; "
            f"{'the only calendar year' if len(parts) == 1 else 'the calendar years'} held in the years shown).")
    if len(shares):
        spans = [f"{pct(row['share'])} of {num(row['all countries'])} between {day(row['period_start'])} and "
                 f"{day(row['period_end'])} ({row['counted_by']})" for _, row in shares.iterrows()]
        text += " The United States received " + "; ".join(spans) + "."
    return text


def output_since(figures: dict | None, body: str = "UNODC") -> str:
    """Colombian potential cocaine output before and since the government that took office in 2022."""
    if figures is None:
        return f"The {body} production series has no year on both sides of August 2022."
    text = (f"{body}'s estimate of Colombia's potential cocaine output was {num(figures['base'])} metric tons in "
            f"{figures['base_year']}, the last full year before President Petro took office, and {num(figures['last'])} "
            f"in {figures['last_year']}")
    text += (", the highest in the series." if figures["peak_year"] == figures["last_year"]
             else f"; the series peaked at {num(figures['peak'])} in {figures['peak_year']}.")
    return text + " The estimate cannot say what caused the rise."
