"""Charts of the opioid response and of the US-Colombia relationship, through `hemisphere.charts`.

The notebook computes each title (the finding) and passes it in; these functions only draw.
"""

from __future__ import annotations

import matplotlib.ticker
import pandas as pd

from hemisphere import charts
from hemisphere.eradication import demand

THEME = "eradication"
COLORS = charts.COLORS
THOUSANDS = matplotlib.ticker.FuncFormatter(lambda value, _: f"{value:,.0f}")
MILLIONS = matplotlib.ticker.FuncFormatter(lambda value, _: f"${value / 1e6:,.0f}m")

OPIOID_STYLES = {
    "natural and semisynthetic opioids": (COLORS["orange"], "o", "Prescription-type (natural and semisynthetic)"),
    "heroin": (COLORS["purple"], "^", "Heroin"),
    "synthetic opioids other than methadone": (COLORS["vermillion"], "s", "Synthetic other than methadone (mainly fentanyl)"),
}


def _legend_below(ax, ncols: int = 2) -> None:
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.09), ncols=ncols, fontsize=7.5, borderaxespad=0,
              handlelength=1.8, columnspacing=1.4)


def opioid_waves(rates: pd.DataFrame, start: int, end: int, *, title: str, subtitle: str, alt: str,
                 events: list[str]) -> None:
    """Final death rates of the three opioid types; gaps where no final rate is held."""
    chart = charts.Chart(theme=THEME, name="opioid_waves", title=title, subtitle=subtitle, alt=alt,
                         time_axis="year", height=3.3)
    ax = chart.ax
    for kind, (color, marker, label) in OPIOID_STYLES.items():
        if kind not in rates:
            continue
        series = rates[kind].dropna().reindex(range(start, end + 1))
        ax.plot(list(series.index), series, color=color, marker=marker, ms=3, label=label)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("Deaths per 100,000")
    ax.set_xlim(start - 0.6, end + 0.98)
    _legend_below(ax, ncols=2)
    chart.mark_events(events)
    plotted = rates.loc[start:end].reset_index()
    chart.show(sources=["overdose_deaths"], data=plotted,
               note="Final NCHS rates only; breaks are years with no final rate held. A death can involve several types.")


def fentanyl_seizures(full: pd.DataFrame, partial: pd.Series | None, *, title: str, subtitle: str, alt: str,
                      events: list[str]) -> None:
    """Pounds of fentanyl seized by CBP per month of each fiscal year (full years solid, a part-year hatched)."""
    chart = charts.Chart(theme=THEME, name="fentanyl_border_seizures", title=title, subtitle=subtitle, alt=alt,
                         time_axis="fiscal_year", height=3.1)
    ax = chart.ax
    pace = full["pounds"] / 12
    ax.bar(list(pace.index), pace, width=0.7, color=COLORS["blue"], label="Full fiscal year, pounds per month", zorder=2)
    rows = [{"fiscal_year": year, "pounds": full.loc[year, "pounds"], "months": 12,
             "pounds_per_month": pace.loc[year], "partial_year": False} for year in full.index]
    if partial is not None:
        year, months = int(partial["fiscal_year"]), int(partial["months"])
        per_month = demand.monthly_pace(partial["pounds"], months)
        ax.bar([year], [per_month], width=0.7, color="white", edgecolor=COLORS["blue"], hatch="///", lw=0.8,
               label=f"FY{year} so far ({partial['period']}), pounds per month", zorder=2)
        rows.append({"fiscal_year": year, "pounds": partial["pounds"], "months": months,
                     "pounds_per_month": per_month, "partial_year": True})
    ax.set_ylim(0, max(row["pounds_per_month"] for row in rows) * 1.2)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylabel("Pounds per month")
    years = [row["fiscal_year"] for row in rows]
    ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    _legend_below(ax, ncols=1)
    chart.mark_events(events)
    chart.show(sources=["fentanyl_border_seizures"], data=pd.DataFrame(rows),
               note="Seizures show what was caught, not what crossed. Figures read from press copies of CBP statistics.")


def state_grants(grants: pd.DataFrame, balance: float, *, title: str, subtitle: str, alt: str,
                 events: list[str]) -> None:
    """State opioid grants by fiscal year and programme, with the emergency fund's balance for scale."""
    chart = charts.Chart(theme=THEME, name="opioid_state_grants", title=title, subtitle=subtitle, alt=alt,
                         time_axis="fiscal_year", height=3.0)
    ax = chart.ax
    colors = {"STR": COLORS["sky"], "SOR": COLORS["green"]}
    labels = {"STR": "Cures Act State Targeted Response grants, awarded",
              "SOR": "State Opioid Response grants (FY2018 announced; FY2020-FY2024 with tribal grants)"}
    bottoms: dict[int, float] = {}
    for programme in ("STR", "SOR"):
        rows = grants[grants["programme"] == programme]
        xs = list(rows["fiscal_year"].astype(int))
        base = [bottoms.get(x, 0.0) for x in xs]
        ax.bar(xs, rows["amount_usd"], bottom=base, width=0.6, color=colors[programme], label=labels[programme], zorder=2)
        for x, amount in zip(xs, rows["amount_usd"]):
            bottoms[x] = bottoms.get(x, 0.0) + float(amount)
    first = int(grants["fiscal_year"].min())
    missing = sorted(set(range(first, int(grants["fiscal_year"].max()) + 1)) - set(grants["fiscal_year"].astype(int)))
    ax.set_ylim(0, max(bottoms.values()) * 1.2)
    ax.yaxis.set_major_formatter(MILLIONS)
    ax.set_xlim(first - 0.6, int(grants["fiscal_year"].max()) + 0.6)
    _legend_below(ax, ncols=1)
    chart.mark_events(events)
    chart.show(sources=["opioid_response_funding"], data=grants,
               note=(f"The Public Health Emergency Fund held ${balance:,.0f} at the declaration, too little to draw at this scale. "
                     + (f"No bar: no figure held ({', '.join(f'FY{year}' for year in missing)}). " if missing else "")
                     + "Some yearly figures are lower bounds ('more than'); see the table."))


def colombia_relationship(obligations: pd.DataFrame, disbursements: pd.DataFrame, start: int, end: int, *,
                          title: str, subtitle: str, alt: str, events: list[str], note: str = "") -> None:
    """US obligations to Colombia as bars (an open year hatched), disbursements as a line (an open year as a hollow
    marker on a dashed segment), events marked."""
    chart = charts.Chart(theme=THEME, name="colombia_relationship", title=title, subtitle=subtitle, alt=alt,
                         time_axis="fiscal_year", height=3.3)
    ax = chart.ax
    complete = obligations[~obligations["partial_year"]]
    partial = obligations[obligations["partial_year"]]
    ax.bar(list(complete.index), complete["amount_usd"], width=0.72, color=COLORS["sky"], label="Obligations", zorder=2)
    if len(partial):
        ax.bar(list(partial.index), partial["amount_usd"], width=0.72, color="white", edgecolor=COLORS["sky"],
               hatch="///", lw=0.8, label="Obligations, year only partly reported", zorder=2)
    line = disbursements["amount_usd"].reindex(range(start, end + 1))
    open_years = set(disbursements.index[disbursements["partial_year"]]) if "partial_year" in disbursements else set()
    solid = line.copy()
    solid.loc[[year for year in solid.index if year in open_years]] = float("nan")
    ax.plot(list(solid.index), solid, color=COLORS["black"], marker="o", ms=2.8, lw=1.4, label="Disbursements", zorder=3)
    for year in sorted(open_years):
        if year not in line.index or pd.isna(line.loc[year]):
            continue
        before = line.loc[:year - 1].dropna()
        if len(before) and int(before.index[-1]) == year - 1:
            ax.plot([year - 1, year], [before.iloc[-1], line.loc[year]], color=COLORS["black"], lw=1.2, ls="--",
                    zorder=3)
        ax.plot([year], [line.loc[year]], ls="none", marker="o", ms=4.5, markerfacecolor="white",
                markeredgecolor=COLORS["black"], markeredgewidth=1.1, zorder=4,
                label="Disbursements, year only partly reported" if year == max(open_years) else None)
    highest = max(obligations["amount_usd"].max(), disbursements["amount_usd"].max())
    ax.set_ylim(0, highest * 1.2)
    ax.yaxis.set_major_formatter(MILLIONS)
    ax.set_xlim(start - 0.6, end + 0.6)
    _legend_below(ax, ncols=3)
    chart.mark_events(events)
    plotted = pd.concat({"obligations_usd": obligations["amount_usd"], "disbursements_usd": disbursements["amount_usd"],
                         "partial_year": obligations["partial_year"]}, axis=1)
    plotted["partial_year"] = plotted["partial_year"].fillna(False).astype(bool)
    plotted.index.name = "fiscal_year"
    chart.show(sources=["us_aid"], data=plotted.reset_index(),
               note=((note + " ") if note else "") + "All US agencies, current dollars; the country file does not separate "
               "security assistance.")


def final_and_provisional_deaths(final: pd.Series, provisional: pd.DataFrame, start: int, end: int, *, title: str,
                                 subtitle: str, alt: str, events: list[str]) -> None:
    """Final yearly overdose deaths as a line; provisional counts as separate hollow markers, never joined."""
    chart = charts.Chart(theme=THEME, name="overdose_deaths_final_and_provisional", title=title, subtitle=subtitle,
                         alt=alt, time_axis="year", height=3.0)
    ax = chart.ax
    line = final.reindex(range(start, end + 1))
    # A calendar year's count is drawn at the middle of its year; a 12-month period at the middle of its span.
    ax.plot([year + 0.5 for year in line.index], line, color=COLORS["black"], marker="o", ms=3.5,
            label="Final count, calendar year (NCHS)", zorder=3)
    calendar = provisional[provisional["period"] == "calendar year"]
    rolling = provisional[provisional["period"] != "calendar year"]
    if len(calendar):
        ax.scatter([year + 0.5 for year in calendar["year"]], calendar["value"], s=26, facecolors="white",
                   edgecolors=COLORS["vermillion"], linewidths=1.2, marker="s", zorder=4,
                   label="Provisional count, calendar year (predicted, CDC)")
    centres: list[float] = []
    if len(rolling):
        centres = [charts.to_decimal_year(moment + pd.DateOffset(months=1)) - 0.5 for moment in rolling["period_end"]]
        ax.scatter(centres, rolling["value"], s=30, facecolors="white", edgecolors=COLORS["blue"], linewidths=1.2,
                   marker="D", zorder=4, label="Provisional count, 12 months ending in a month (predicted, CDC)")
    ax.set_ylim(0, max(line.max(), provisional["value"].max() if len(provisional) else 0) * 1.15)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylabel("Deaths")
    right = max([float(final.dropna().index.max()) + 1.0] + ([max(centres) + 0.6] if len(rolling) else []))
    ax.set_xlim(start - 0.1, min(end + 1.1, right))
    _legend_below(ax, ncols=1)
    chart.mark_events(events)
    plotted = pd.concat([
        pd.DataFrame({"series": "final", "period": "calendar year", "year": final.index, "deaths": final.to_numpy()}),
        provisional.assign(series="provisional").rename(columns={"value": "deaths"})[["series", "period", "year", "deaths"]],
    ], ignore_index=True)
    chart.show(sources=["overdose_deaths"], data=plotted,
               note="Hollow markers are provisional, predicted counts that CDC revises; they are not joined to the final line.")
