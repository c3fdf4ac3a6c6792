"""Deportations and the countries that receive them: the receiving governments' own counts of
returnees (Guatemala's IGM, El Salvador's DGME, Honduras's CONMIGHO and INM, and IOM) set beside
ICE removals by citizenship, never spliced into one series.

Analysis functions take the loaded tables (returnees_received, and removals read only);
narrative functions return sentences; `returns_chart` draws the chart through hemisphere.charts.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import charts
from hemisphere.northern_triangle.figures import THOUSANDS
from hemisphere.prose import data_to, listing, num, pct

THEME = "northern_triangle"
RECEIVING = ("Guatemala", "Honduras", "El Salvador")
SCOPE_WORDS = {"from_us_air": "returned by air from the United States", "from_us": "returned from the United States",
               "all_countries": "returned from all countries"}
SCOPE_SHORT = {"from_us_air": "from US by air", "from_us": "from US", "all_countries": "from all countries"}
SHORT_COUNTERS = {"Instituto Guatemalteco de Migración (IGM)": "IGM", "IGM (as reported by EFE)": "IGM via EFE",
                  "Dirección General de Migración y Extranjería (DGME)": "DGME",
                  "International Organization for Migration (IOM)": "IOM",
                  "Observatorio Consular y Migratorio de Honduras (CONMIGHO)": "CONMIGHO",
                  "Instituto Nacional de Migración (INM)": "INM"}
SCOPE_ORDER = ("from_us", "from_us_air", "all_countries")  # the closest to ICE's count first


# --- analysis -----------------------------------------------------------------------------------

def full_years(returnees: pd.DataFrame) -> pd.DataFrame:
    """Rows covering a whole calendar year (period_end on 31 December)."""
    return returnees[(returnees["period_end"].dt.month == 12) & (returnees["period_end"].dt.day == 31)]


def received(returnees: pd.DataFrame, country: str, scope: str | None = None, counter: str | None = None,
             whole_years: bool = True) -> pd.DataFrame:
    """A receiving country's counts, optionally one scope and counter, in year order."""
    rows = full_years(returnees) if whole_years else returnees
    rows = rows[rows["country"] == country]
    if scope is not None:
        rows = rows[rows["scope"] == scope]
    if counter is not None:
        rows = rows[rows["counter"] == counter]
    return rows.sort_values(["year", "counter"]).reset_index(drop=True)


def series(returnees: pd.DataFrame, country: str) -> dict[tuple[str, str], pd.Series]:
    """One full-year series per (scope, counter) for a country: the pieces that may be compared."""
    rows = received(returnees, country)
    return {(scope, counter): group.set_index("year")["returnees"]
            for (scope, counter), group in rows.groupby(["scope", "counter"], sort=False)}


def ice_removals(removals: pd.DataFrame, country: str) -> pd.Series:
    """ICE removals of the country's citizens by fiscal year."""
    rows = removals[removals["country"] == country]
    return rows.set_index("fiscal_year")["removals"].sort_index()


def side_by_side(returnees: pd.DataFrame, removals: pd.DataFrame, country: str, first_year: int,
                 last_year: int) -> pd.DataFrame:
    """Years down; ICE removals (fiscal year) and each receiving-country series (calendar year) across."""
    columns = {"ICE removals (fiscal year)": ice_removals(removals, country)}
    for (scope, counter), values in series(returnees, country).items():
        columns[f"{counter}: {SCOPE_WORDS[scope]} (calendar year)"] = values
    table = pd.DataFrame(columns)
    table = table[(table.index >= first_year) & (table.index <= last_year)].dropna(how="all")
    return table.rename_axis("year")


def year_change(returnees: pd.DataFrame, country: str, year: int) -> dict | None:
    """The receiving country's count in `year` against the year before, in one scope and counter.

    The scope closest to ICE's count (returns from the US) is tried first; a pair needs both
    whole years from the same counter and scope. None if no such pair exists.
    """
    for scope in SCOPE_ORDER:
        rows = received(returnees, country, scope)
        for counter, group in rows.groupby("counter", sort=False):
            values = group.set_index("year")["returnees"]
            if year in values.index and year - 1 in values.index:
                return {"country": country, "scope": scope, "counter": counter, "year": year,
                        "before": int(values[year - 1]), "after": int(values[year])}
    return None


def conflicts(returnees: pd.DataFrame) -> pd.DataFrame:
    """Country-years where two counters (or two reports) give different figures for one scope."""
    rows = full_years(returnees)
    counts = rows.groupby(["country", "year", "scope"])["returnees"].agg(["min", "max", "count"])
    return counts[(counts["count"] > 1) & (counts["min"] != counts["max"])].reset_index()


# --- narrative ----------------------------------------------------------------------------------

def change_sentence(change: dict | None, country: str, year: int) -> str:
    """'Guatemala's IGM counted 48,405 ... in 2025, down 22% on 2024's 61,680.'"""
    if change is None:
        return f"No pair of whole-year counts from one counter lets {country}'s returns in {year} be set against {year - 1}."
    direction = "down" if change["after"] < change["before"] else "up" if change["after"] > change["before"] else "unchanged"
    tail = "" if direction == "unchanged" else f", {direction} {pct(abs(change['after'] / change['before'] - 1))}"
    return (f"{country}: {change['counter']} counted {num(change['after'])} people {SCOPE_WORDS[change['scope']]} in "
            f"{year}{tail} on the {num(change['before'])} of {year - 1}.")


def change_sentences(changes: dict[str, dict | None], year: int) -> list[str]:
    """One sentence per country with a comparable pair; the countries without one named together."""
    sentences = [change_sentence(change, country, year) for country, change in changes.items() if change is not None]
    missing = [country for country, change in changes.items() if change is None]
    if missing:
        sentences.append(f"No pair of whole-year counts from one counter lets returns in {year} be set against "
                         f"{year - 1} for {listing(missing)}.")
    return sentences


def none_received_sentence(countries: list[str], first_year: int, last_year: int) -> str:
    """Said when no receiving-government count falls in the chosen years (first_year to last_year, as chosen)."""
    years = str(first_year) if first_year == last_year else f"{first_year} to {last_year}"
    return f"No receiving-government count of returnees for {listing(countries)} in {years} could be sourced."


def conflicts_sentence(table: pd.DataFrame) -> str:
    """Where the receiving-country sources disagree, named rather than averaged."""
    if table.empty:
        return "The receiving-country figures gathered do not contradict one another."
    parts = [f"{row.country} {row.year} ({num(row['min'])} against {num(row['max'])})" for _, row in table.iterrows()]
    return ("Two figures are reported for " + listing(parts) + "; both are kept, labelled by counter, and neither "
            "is preferred.")


def attribution_note() -> str:
    """What the comparison can and cannot attribute."""
    return ("ICE counts removals by US fiscal year and citizenship; the receiving agencies count arrivals by calendar "
            "year, some only by air, some from Mexico too. The two can be read side by side for direction, not "
            "subtracted. Neither attributes a return to a policy: the 2019 asylum cooperative agreements and the 2025 "
            "third-country arrangements concern people of other nationalities, not the three countries' own citizens, "
            "and the Title 42 expulsions of 2020-2023 are not counted as removals.")


# --- chart --------------------------------------------------------------------------------------

def returns_chart(returnees: pd.DataFrame, removals: pd.DataFrame, countries: list[str], first_year: int,
                  last_year: int, title: str, event_ids: list[str]) -> None:
    """One panel per country: ICE removals as bars on fiscal years, receiving-country counts as markers."""
    held = ([int(y) for y in returnees.loc[returnees["country"].isin(countries)
                                            & returnees["year"].between(first_year, last_year), "year"]]
            + [int(y) for y in removals.loc[removals["country"].isin(countries)
                                             & removals["fiscal_year"].between(first_year, last_year), "fiscal_year"]])
    coverage = data_to(max(held), "year") if held else "no figures in the chosen years"
    chart = charts.Chart(theme=THEME, name="returns_received", title=title,
                         subtitle="Persons: ICE removals by fiscal year (bars, centred on each October-September year) "
                                  "and the receiving governments' calendar-year counts (markers, by counter and scope); "
                                  + coverage,
                         alt=(f"{len(countries)} panels, one each for {listing(countries)}," if len(countries) > 1 else
                              f"One panel for {countries[0]}:") + " ICE removals by fiscal year as bars and the "
                             "receiving governments' yearly counts of returnees as markers.",
                         time_axis="year", nrows=len(countries), height=1.2 + 1.55 * len(countries), sharex=True)
    axes = [chart.ax] if len(countries) == 1 else list(chart.axes)
    plotted = []
    markers = ["o", "s", "D", "^", "v", "P"]
    for ax, country in zip(axes, countries):
        ice = ice_removals(removals, country)
        ice = ice[(ice.index >= first_year) & (ice.index <= last_year)]
        # FY N runs October N-1 to September N: centred a quarter-year before calendar year N's centre.
        ax.bar(ice.index - 0.25, ice.to_numpy(), width=0.9, color="#C9D6E3", label="ICE removals, by FY",
               align="edge")
        plotted += [{"country": country, "series": "ICE removals (fiscal year)", "year": y, "persons": v}
                    for y, v in ice.items()]
        for number, ((scope, counter), values) in enumerate(series(returnees, country).items()):
            values = values[(values.index >= first_year) & (values.index <= last_year)]
            if values.empty:
                continue
            # Reindexed over every year so that a line never bridges a year without a figure.
            values = values.astype(float).reindex(range(int(values.index.min()), int(values.index.max()) + 1))
            ax.plot(values.index + 0.5, values.to_numpy(), marker=markers[number % len(markers)], ms=4.5,
                    lw=1, color=charts.SERIES[number % len(charts.SERIES)],
                    label=f"{SHORT_COUNTERS.get(counter, counter)}, {SCOPE_SHORT[scope]}")
            plotted += [{"country": country, "series": f"{counter}: {scope}", "year": y, "persons": v}
                        for y, v in values.dropna().items()]
        ax.set_title(country, fontsize=8.5)
        ax.yaxis.set_major_formatter(THOUSANDS)
        ax.set_ylim(0, max([v for v in ice.to_numpy()] + [1]) * 1.0)
        ax.autoscale(axis="y")
        ax.set_ylim(0, ax.get_ylim()[1] * 1.45)
        ax.legend(loc="upper left", fontsize=6, ncols=3)
    axes[-1].set_xlim(first_year - 0.35, last_year + 1.1)
    chart.mark_events(event_ids)
    chart.show(sources=["returnees_received", "removals"], data=pd.DataFrame(plotted),
               note="Fiscal-year and calendar-year counts are drawn side by side and never joined.")
