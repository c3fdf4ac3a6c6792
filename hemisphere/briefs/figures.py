"""The country brief's charts, through ``hemisphere.charts`` (theme "general": the briefs are not a chapter).

Each function takes one section's frame from hemisphere.briefs.analysis, draws a small chart
whose title states a finding computed from the values drawn, shows it and returns them. A
section with nothing to draw draws nothing (the notebook never calls these for it).
"""

from __future__ import annotations

import pandas as pd

from hemisphere import charts
from hemisphere.briefs import analysis
from hemisphere.prose import data_to, money, num

THEME = "general"
HEIGHT = 2.4
# Event kinds marked on each chart, and at most this many (the key must stay legible).
AID_KINDS = ("aid_decision", "budget_request", "appropriation", "determination", "executive_order")
BORDER_KINDS = ("migration_policy", "tps_decision", "executive_order")
VIOLENCE_KINDS = ("designation", "security_policy", "military_action", "strike", "agreement")
MARKED = 4


def _marked(register: pd.DataFrame, kinds, first, last) -> pd.DataFrame:
    rows = register[register["kind"].isin(kinds) & (register["date"] >= pd.Timestamp(first))
                    & (register["date"] <= pd.Timestamp(last))]
    return rows.tail(MARKED)


def _year_ticks(ax, first: int, last: int) -> None:
    """A short span gets one tick per year (the automatic ticks would repeat a year)."""
    if last - first < 8:
        ax.set_xticks(list(range(first, last + 1)))


def _fy_axis(ax, first: int, last: int) -> None:
    """Bars centred on fiscal years, with room either side, and one tick per year on a short span."""
    ax.set_xlim(first - 0.6, last + 0.6)
    _year_ticks(ax, first, last)


def _fy_bounds(first: int, last: int) -> tuple[str, str]:
    return f"{first - 1}-10-01", f"{last}-09-30"


def aid_title(country: str, by_year: pd.DataFrame) -> str:
    totals = analysis.aid_totals(by_year)
    if not totals:  # only a partial (open) fiscal year in the period
        last = by_year.dropna(subset=["obligations"]).iloc[-1]
        return (f"US agencies had obligated {money(float(last['obligations']))} to {country} in "
                f"FY{int(last['fiscal_year'])} when the file was downloaded (a partial year)")
    if totals["years"] == 1:
        return f"US agencies obligated {money(totals['peak'])} to {country} in FY{totals['peak_year']}"
    return f"US obligations to {country} were highest in FY{totals['peak_year']}, at {money(totals['peak'])}"


def aid_chart(country: str, by_year: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    plotted = by_year[["fiscal_year", "obligations", "partial_year"]].dropna(subset=["obligations"]).copy()
    partial = plotted["partial_year"].astype(bool)
    last = int(plotted["fiscal_year"].max())
    chart = charts.Chart(
        theme=THEME, name="brief_aid", title=aid_title(country, by_year),
        subtitle=("US obligations to " + country + ", all agencies, current US dollars, by fiscal year"
                  + ("; the last bar is a partial year" if partial.any() else "") + "; " + data_to(last, "fiscal_year")),
        alt=f"Bar chart of US aid obligations to {country} by fiscal year, FY{int(plotted['fiscal_year'].min())} to FY{last}.",
        time_axis="fiscal_year", height=HEIGHT)
    colours = [charts.COLORS["grey"] if p else charts.COLORS["blue"] for p in partial]
    scale, unit = (1e6, "US$ million") if plotted["obligations"].abs().max() >= 5e6 else (1e3, "US$ thousand")
    chart.ax.bar(plotted["fiscal_year"], plotted["obligations"] / scale, color=colours, width=0.75)
    chart.ax.set_ylabel(unit)
    _fy_axis(chart.ax, int(plotted["fiscal_year"].min()), last)
    chart.ax.set_ylim(min(0, float(plotted["obligations"].min()) / scale), None)
    chart.ax.yaxis.set_major_locator(charts.matplotlib.ticker.MaxNLocator(5, integer=True))
    chart.ax.yaxis.set_major_formatter(charts.matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    marked = _marked(register, AID_KINDS, *_fy_bounds(int(plotted["fiscal_year"].min()), last))
    if not marked.empty:
        chart.mark_events(marked)
    chart.show(sources=["us_aid_hemisphere"] + (["events"] if not marked.empty else []), data=plotted)
    return plotted


def homicide_title(country: str, by_year: pd.DataFrame) -> str:
    above = int((by_year["rate_per_100k"] > by_year["regional_median"]).sum())
    years = len(by_year)
    if years == 1:
        side = "above" if above else "at or below"
        return f"{country}'s homicide rate was {side} the regional median in {int(by_year['year'].iloc[0])}"
    if above == years:
        return f"{country}'s homicide rate was above the regional median in every year shown"
    if above == 0:
        return f"{country}'s homicide rate was at or below the regional median in every year shown"
    return f"{country}'s homicide rate was above the regional median in {above} of {years} years"


def homicide_chart(country: str, by_year: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    first, last = int(by_year["year"].min()), int(by_year["year"].max())
    chart = charts.Chart(
        theme=THEME, name="brief_homicide", title=homicide_title(country, by_year),
        subtitle=("Intentional homicide victims per 100,000 (UNODC), beside the median of the countries of Latin "
                  "America and the Caribbean with a figure that year; " + data_to(last, "year")),
        alt=f"Line chart of {country}'s homicide rate and the regional median, {first} to {last}.",
        time_axis="year", height=HEIGHT)
    ax = chart.ax
    ax.plot(by_year["year"], by_year["regional_median"], color=charts.COLORS["grey"], ls="--", lw=1.4,
            marker="s", ms=2.5, label="Regional median")
    ax.plot(by_year["year"], by_year["rate_per_100k"], color=charts.COLORS["vermillion"], marker="o", ms=3.5,
            label=country)
    ax.set_ylim(0, None)
    ax.set_xlim(first - 0.5, last + 0.5)
    _year_ticks(ax, first, last)
    ax.set_ylabel("per 100,000")
    ax.legend(loc="lower left", ncols=2)
    marked = _marked(register, VIOLENCE_KINDS, f"{first}-01-01", f"{last}-12-31")
    if not marked.empty:
        chart.mark_events(marked)
    chart.show(sources=["homicide_rate_hemisphere"] + (["events"] if not marked.empty else []), data=by_year)
    return by_year


def border_title(country: str, by_year: pd.DataFrame) -> str:
    peak = analysis.border_peak(by_year)
    if peak["first_year"] == peak["last_year"]:
        return f"Border Patrol recorded {num(peak['peak'])} encounters with citizens of {country} in FY{peak['peak_year']}"
    return f"Border Patrol encounters with citizens of {country} peaked in FY{peak['peak_year']}"


def border_chart(country: str, by_year: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    first, last = int(by_year["fiscal_year"].min()), int(by_year["fiscal_year"].max())
    chart = charts.Chart(
        theme=THEME, name="brief_border", title=border_title(country, by_year),
        subtitle=("Border Patrol encounters (apprehensions and, March 2020 to May 2023, Title 42 expulsions) with "
                  f"citizens of {country}, all borders, by complete fiscal year; " + data_to(last, "fiscal_year")),
        alt=f"Bar chart of Border Patrol encounters with citizens of {country} by fiscal year, FY{first} to FY{last}.",
        time_axis="fiscal_year", height=HEIGHT)
    chart.ax.bar(by_year["fiscal_year"], by_year["encounters"], color=charts.COLORS["orange"], width=0.75)
    chart.ax.set_ylabel("encounters")
    _fy_axis(chart.ax, first, last)
    chart.ax.yaxis.set_major_formatter(charts.matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    marked = _marked(register, BORDER_KINDS, *_fy_bounds(first, last))
    if not marked.empty:
        chart.mark_events(marked)
    chart.show(sources=["usbp_citizenship_hemisphere"] + (["events"] if not marked.empty else []), data=by_year)
    return by_year


def crops_title(country: str, rows: pd.DataFrame) -> str:
    crop = " and ".join(sorted(rows["crop"].unique()))
    latest = rows.sort_values("year").groupby("estimator").tail(1)
    top = latest.loc[latest["hectares"].idxmax()]
    return f"{country}: {crop} estimated at up to {num(top['hectares'])} hectares in {int(top['year'])} ({top['estimator']})"


def crops_chart(country: str, rows: pd.DataFrame) -> pd.DataFrame:
    first, last = int(rows["year"].min()), int(rows["year"].max())
    sources = []
    if (rows["crop"] == "coca").any():
        sources.append("coca_cultivation")
    if (rows["crop"] == "opium poppy").any():
        sources.append("poppy_cultivation")
    chart = charts.Chart(
        theme=THEME, name="brief_crops", title=crops_title(country, rows),
        subtitle="Hectares under cultivation, one line per crop and estimator (UNODC and US estimates measure "
                 "differently and are not spliced); " + data_to(last, "year"),
        alt=f"Line chart of {' and '.join(sorted(rows['crop'].unique()))} hectares in {country}, {first} to {last}, by estimator.",
        time_axis="year", height=HEIGHT)
    for colour, ((crop, estimator), part) in zip(charts.SERIES, rows.groupby(["crop", "estimator"], sort=True)):
        chart.ax.plot(part["year"], part["hectares"], color=colour, marker="o", ms=3.5, label=f"{crop}: {estimator}")
    chart.ax.set_ylim(0, None)
    chart.ax.set_xlim(first - 0.5, last + 0.5)
    _year_ticks(chart.ax, first, last)
    chart.ax.set_ylabel("hectares")
    chart.ax.yaxis.set_major_formatter(charts.matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    chart.ax.legend(loc="lower left", fontsize=7)
    chart.show(sources=sources, data=rows)
    return rows
