"""The Venezuela chapter's charts, drawn through ``hemisphere.charts``.

Each function takes the tables already cut to the chapter's parameters, draws one chart whose
title comes from ``hemisphere.venezuela.narrative`` (computed from the data drawn), shows it
and returns the plotted values.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.transforms as mtransforms
import matplotlib.ticker
import pandas as pd

from hemisphere import catalogue, charts
from hemisphere.prose import data_to, day, money, moved, num
from hemisphere.venezuela import analysis, narrative

PROGRAM_COLOURS = dict(zip(analysis.PROGRAM_LABELS, charts.SERIES), **{"other programs": charts.COLORS["grey"]})
CRUDE_STYLES = {
    analysis.OPEC_INDEPENDENT: ("s", charts.COLORS["blue"], "OPEC secondary sources (independent)"),
    analysis.OPEC_OFFICIAL: ("o", charts.COLORS["vermillion"], "OPEC direct communication (government)"),
    "OPEC Annual Statistical Bulletin": ("D", charts.COLORS["green"], "OPEC Annual Statistical Bulletin"),
    "OPEC, basis not stated": ("^", charts.COLORS["grey"], "OPEC, basis not stated"),
    analysis.BLOOMBERG_SURVEY: ("v", charts.COLORS["black"], "Bloomberg survey"),
}
OIL_EVENTS = ["venezuela_eo13808_2017", "venezuela_pdvsa_designated_2019", "venezuela_eo13884_2019",
              "venezuela_gl44_relief_2023", "venezuela_chevron_gl41a_wind_down_2025", "venezuela_maduro_captured_2026",
              "venezuela_gl46_oil_2026"]


def drawn_source_text(sources: list[str], drawn: dict[str, set[str]], data_note: str = "",
                      limit: int = 3 * 135) -> str:
    """'Source: publisher, title; ...' crediting, for each table in `drawn`, only the catalogue
    sources whose publisher drew a row (tables left out of `drawn` are credited in full)."""
    entries: list[str] = []
    for name in sources:
        keep = drawn.get(name)
        for source in catalogue.resource(name)["sources"]:
            if keep is not None and source.get("publisher") not in keep:
                continue
            text = ", ".join(part for part in (source.get("publisher"), source.get("title")) if part)
            if text and text not in entries:
                entries.append(text)
    tail = f". {data_note}" if data_note else ""
    full = "Source: " + "; ".join(entries) + tail
    if len(full) <= limit:
        return full
    names: list[str] = []
    for name in sources:
        keep = drawn.get(name)
        for source in catalogue.resource(name)["sources"]:
            publisher = source.get("publisher")
            if publisher and (keep is None or publisher in keep) and publisher not in names:
                names.append(publisher)
    return "Source: " + "; ".join(names) + " (titles and addresses in the appendix)" + tail


class _Chart(charts.Chart):
    """A chart whose source line names only the publishers of the rows it draws (`drawn`)."""

    def __init__(self, *args, drawn: dict[str, set[str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.drawn = drawn or {}

    def source_line(self, sources: list[str]) -> str:
        return drawn_source_text(sources, self.drawn, f"Chart data: report_data/{self.theme}/{self.name}.csv")


def oil_source(points: pd.DataFrame) -> str:
    """The source line of a table of oil rows: only the publishers of the rows shown."""
    return drawn_source_text(["oil_production"], {"oil_production": analysis.oil_publishers(points["reporter"])})


def other_estimates_label(others: pd.DataFrame) -> str:
    """Legend text for the hollow markers, naming who produced each estimate and its year."""
    short = {"Congressional Research Service": "CRS"}
    words = {"venezuelans_living_abroad": "living abroad", "venezuelans_who_fled": "who fled"}
    parts = [f"{short.get(row.publisher_of_figure, row.publisher_of_figure)} {row.date:%Y}"
             + (f" '{words[row.indicator]}'" if row.indicator in words else "")
             for row in others.sort_values("date").itertuples()]
    return "other estimates (" + "; ".join(parts) + ")"


def padded_window(start, end, shortest_days: int = 90) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The chart's date limits: the window itself, or, when it is shorter than `shortest_days`
    (a one-day window), the window widened evenly to that length so the axis stays readable."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end - start >= pd.Timedelta(days=shortest_days):
        return start, end
    pad = (pd.Timedelta(days=shortest_days) - (end - start)) / 2
    return start - pad, end + pad


def readable_dates(ax) -> None:
    """Date ticks as 2019, Mar, Jun... rather than 2019-03."""
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def designations_chart(designations: pd.DataFrame, programs: list[str], start, end, marked) -> pd.DataFrame:
    steps = analysis.cumulative_designations(designations)
    totals = analysis.program_totals(designations)
    small = totals < totals.max() * 0.03
    chart = charts.Chart(
        theme="venezuela", name="designations_cumulative", title=narrative.designations_title(designations),
        subtitle="Persons, companies, vessels and aircraft designated, cumulative, by OFAC program, in the actions "
                 "gathered from press releases (a list of sourced actions, not the SDN list's total); "
                 + data_to(designations["date"].max(), "day")
                 + ("; dots mark programs too small to show as a line" if small.any() else ""),
        alt=f"Step chart of cumulative designations from {pd.Timestamp(start):%Y} to {pd.Timestamp(end):%Y}, one line "
            f"per OFAC program ({narrative.program_names([t for t in programs if t in totals.index])}); the "
            "legend gives each program's total.",
        time_axis="date", height=3.8)
    ax = chart.ax
    for program in [t for t in totals.index]:
        group = steps[steps["program_group"] == program]
        xs = [pd.Timestamp(start)] + list(group["date"]) + [pd.Timestamp(end)]
        ys = [0] + list(group["cumulative"]) + [group["cumulative"].iloc[-1]]
        colour = PROGRAM_COLOURS.get(program, charts.COLORS["grey"])
        label = f"{narrative.program_label(program)}: {num(totals[program])}"
        ax.step(xs, ys, where="post", color=colour, lw=1.8, label=None if small[program] else label)
        if small[program]:
            ax.plot(group["date"], group["cumulative"], ls="none", marker="o", ms=6, color=colour,
                    mec="white", mew=0.7, clip_on=False, zorder=6, label=label)
    ax.set_xlim(*padded_window(start, end))
    ax.set_ylim(0, None)
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_ylabel("Designated (cumulative)")
    readable_dates(ax)
    # Legend in the order of the totals, so its first entry is the program the title names.
    ax.legend(loc="upper center", frameon=False, fontsize=7.5, ncols=3, bbox_to_anchor=(0.5, -0.08))
    chart.mark_events(marked)
    chart.show(sources=["ofac_actions", "events"], data=steps)
    return steps


def sdn_types_chart(by_type: pd.DataFrame, snapshot: str) -> pd.DataFrame:
    plotted = by_type.T
    chart = charts.Chart(
        theme="venezuela", name="sdn_entries_by_type", title=narrative.sdn_types_title(by_type, snapshot),
        subtitle="Venezuela-related entries on one copy of the OFAC SDN list, by entry type and program (an entry "
                 f"under several programs is counted once, under its Venezuela program if it has one); copy of "
                 f"{day(snapshot)}",
        alt=f"Horizontal stacked bars for individuals, entities, vessels and aircraft on the SDN copy of {snapshot}, "
            "each bar split by OFAC program tag.",
        time_axis=None, height=2.6)
    ax = chart.ax
    left = pd.Series(0, index=plotted.columns)
    for program, counts in plotted.iterrows():
        ax.barh(counts.index, counts.values, left=left.values, color=PROGRAM_COLOURS.get(program, charts.COLORS["grey"]),
                label=narrative.program_label(program), height=0.6)
        left += counts
    for position, value in enumerate(left):
        ax.text(value + max(left.max(), 1) * 0.01, position, num(value), va="center", fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlim(0, max(left.max(), 1) * 1.08)
    ax.set_xlabel("Entries")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", frameon=False, fontsize=7, ncols=2)
    chart.show(sources=["sdn_entries"], data=by_type.reset_index())
    return by_type


def rewards_chart(in_force: pd.DataFrame, start, end, capture_date, marked) -> pd.DataFrame:
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    chart = charts.Chart(
        theme="venezuela", name="rewards_timeline", title=narrative.rewards_title(in_force, end, capture_date),
        subtitle="Maximum reward announced by the US Narcotics Rewards Program, US$ million; each point is an "
                 "announcement, lines join successive offers for the same person; "
                 + data_to(in_force["date"].max(), "day"),
        alt="Timeline of reward announcements on Venezuelan officials, one point per announcement and amount, "
            "with lines joining successive offers for the same person; the indictment and the capture of Maduro "
            "are marked where they fall in the period shown.",
        time_axis="date", height=3.4)
    ax = chart.ax
    shown_from = max(start, in_force["date"].min() - pd.DateOffset(months=6))
    if shown_from >= end - pd.DateOffset(months=6):
        # A window shorter than the offers' span: show the offers in force from the first one.
        shown_from = in_force["date"].min() - pd.DateOffset(months=6)
    repeated = in_force.groupby("person").filter(lambda offers: len(offers) > 1)
    groups = list(repeated.groupby("person", sort=False))
    for index, (colour, (person, offers)) in enumerate(zip(charts.SERIES, groups)):
        # A successive offer stands until the period's end (the sources do not say when offers lapsed).
        xs = list(offers["date"]) + [end]
        ys = list(offers["amount_usd"] / 1e6) + [offers["amount_usd"].iloc[-1] / 1e6]
        # Lines of equal amounts would hide one another: each line after the first is drawn dashed and
        # a few points lower, so both show; the dots stay at the true amounts.
        shift = -3.5 * index
        shifted = mtransforms.offset_copy(ax.transData, fig=chart.figure, y=shift, units="points")
        ax.step(xs, ys, where="post", color=colour, lw=1.6, transform=shifted,
                ls="-" if index == 0 else (0, (4, 1.5)),
                label=f"{analysis.paternal_surname(person)}: successive offers")
    points = analysis.reward_points(in_force)
    ax.scatter(points["date"], points["amount_usd"] / 1e6, color=charts.COLORS["black"], s=26, zorder=4,
               edgecolor="white", linewidth=0.8)
    right_side = shown_from + (end - shown_from) * 0.6
    for point in points.itertuples():
        on_right = point.date > right_side
        ax.annotate(f"{point.people}: {money(point.amount_usd)}", (point.date, point.amount_usd / 1e6),
                    xytext=(-6 if on_right else 6, -6), textcoords="offset points", fontsize=7, va="top",
                    ha="right" if on_right else "left", color=charts.INK, annotation_clip=True)
    ax.set_xlim(shown_from, end)
    ax.set_ylim(0, in_force["amount_usd"].max() / 1e6 * 1.15)
    ax.set_ylabel("US$ million")
    readable_dates(ax)
    if not repeated.empty:
        # Below the plot, clear of the event lines.
        ax.legend(loc="upper center", frameon=False, fontsize=7.5, ncols=2, bbox_to_anchor=(0.5, -0.08))
    chart.mark_events(marked)
    plotted = in_force[["person", "date", "amount_usd", "previous_usd"]]
    chart.show(sources=["rewards", "events"], data=plotted)
    return plotted


GAP_YEARS = 2.0


def gap_broken(xs, ys, gap: float = GAP_YEARS) -> tuple[list[float], list[float]]:
    """The points of one basis with a break (NaN) wherever two successive figures are more than `gap`
    years apart, so a line never bridges years with no figure."""
    out_x: list[float] = []
    out_y: list[float] = []
    previous = None
    for x, y in zip(xs, ys):
        if previous is not None and x - previous > gap:
            out_x.append(float("nan"))
            out_y.append(float("nan"))
        out_x.append(float(x))
        out_y.append(float(y))
        previous = x
    return out_x, out_y


def crude_chart(points: pd.DataFrame, start, end, marked) -> pd.DataFrame:
    """Crude output in thousand barrels a day, one marker style per basis; bases are never joined."""
    last = points["period_end"].max()
    chart = _Chart(
        drawn={"oil_production": analysis.oil_publishers(points["reporter"])},
        theme="venezuela", name="oil_production", title=narrative.oil_title(points),
        subtitle="Venezuelan crude production, thousand barrels a day, by basis: large markers are annual averages, "
                 "small ones months or quarters; lines join figures of the same basis only and break where "
                 f"no figure is held for more than {GAP_YEARS:.0f} years; " + data_to(last, "month"),
        alt="Scatter of Venezuelan crude output in thousand barrels a day: OPEC's independent secondary-source "
            "estimates, the government's direct communication to OPEC and other bases, each with its own marker; "
            "sanctions orders, the 2023 licence and the capture of Maduro are marked.",
        time_axis="year", height=3.8)
    ax = chart.ax
    for reporter in analysis.CRUDE_REPORTERS:
        basis = points[points["reporter"] == reporter].sort_values("x")
        if basis.empty:
            continue
        marker, colour, label = CRUDE_STYLES[reporter]
        annual = basis[basis["frequency"] == "year"]
        finer = basis[basis["frequency"] != "year"]
        if len(basis) > 1:
            ax.plot(*gap_broken(basis["x"], basis["value"]), color=colour, lw=0.8, alpha=0.6, zorder=2)
        ax.scatter(finer["x"], finer["value"], marker=marker, color=colour, s=14, zorder=3,
                   label=label if annual.empty else None)
        if not annual.empty:
            ax.scatter(annual["x"], annual["value"], marker=marker, color=colour, s=46, edgecolor="white",
                       linewidth=0.7, zorder=4, label=label)
    ax.set_xlim(charts.to_decimal_year(pd.Timestamp(start)), charts.to_decimal_year(pd.Timestamp(end)))
    ax.set_ylim(0, points["value"].max() * 1.12 if len(points) else 1)
    ax.set_ylabel("Thousand barrels/day")
    # Below the plot, clear of the event lines and the period labels.
    ax.legend(loc="upper center", frameon=False, fontsize=7.5, ncols=2, bbox_to_anchor=(0.5, -0.08))
    chart.mark_events(marked)
    chart.show(sources=["oil_production", "events"], data=points)
    return points


def energy_chart(energy: pd.DataFrame, start, end, marked) -> pd.DataFrame:
    """The Energy Institute's annual series in terawatt-hours, drawn apart from the barrels."""
    first, last = energy.iloc[0], energy.iloc[-1]
    chart = _Chart(
        drawn={"oil_production": analysis.oil_publishers([analysis.ENERGY_INSTITUTE])},
        theme="venezuela", name="oil_production_twh",
        title=(f"Oil production in energy terms {moved(first['twh'], last['twh'])} from {int(first['year'])} "
               f"to {int(last['year'])}"),
        subtitle="All oil liquids, terawatt-hours a year (Energy Institute Statistical Review via Our World in Data; "
                 "annual values plotted mid-year; a different measure from the barrels of crude above); "
                 + data_to(int(last["year"]), "year"),
        alt="Line of annual Venezuelan oil production in terawatt-hours, Energy Institute series; sanctions orders "
            "and the capture of Maduro marked.",
        time_axis="year", height=2.8)
    ax = chart.ax
    ax.plot(energy["year"] + 0.5, energy["twh"], color=charts.COLORS["blue"], marker="o", ms=3, lw=1.8)
    ax.set_ylabel("TWh per year")
    ax.set_ylim(0, None)
    ax.set_xlim(charts.to_decimal_year(pd.Timestamp(start)), charts.to_decimal_year(pd.Timestamp(end)))
    chart.mark_events(marked)
    plotted = energy.assign(x=energy["year"] + 0.5)
    chart.show(sources=["oil_production", "events"], data=plotted)
    return plotted


def diaspora_chart(totals: pd.DataFrame, others: pd.DataFrame, start, end, marked,
                   statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """R4V's worldwide counts as one dotted series; UNHCR and IOM's earlier joint statements and other
    estimates as separate labelled markers, never joined to R4V's line."""
    statements = statements if statements is not None else totals.iloc[:0]
    drawn = pd.concat([totals["date"], others["date"], statements["date"]])
    chart = charts.Chart(
        theme="venezuela", name="venezuelans_abroad", title=narrative.diaspora_title(totals),
        subtitle="Venezuelan refugees and migrants worldwide, millions: R4V platform counts (dotted line), UNHCR and "
                 "IOM's earlier joint statements (squares, not joined to R4V's line) and other estimates (hollow "
                 "circles); " + data_to(drawn.max(), "month"),
        alt="Dot-and-line chart of R4V's counts of Venezuelans abroad, rising, with UNHCR and IOM's earlier joint "
            "statements and other estimates shown as separate markers; sanctions orders and the capture of "
            "Maduro marked.",
        time_axis="year", height=4.2)
    ax = chart.ax
    xs = [charts.to_decimal_year(d) for d in totals["date"]]
    ax.plot(xs, totals["persons"] / 1e6, color=charts.COLORS["grey"], lw=1, ls=":")
    ax.scatter(xs, totals["persons"] / 1e6, color=charts.COLORS["vermillion"], s=26, zorder=3,
               label="R4V platform count")
    if not statements.empty:
        sx = [charts.to_decimal_year(d) for d in statements["date"]]
        weak = statements["confidence"].eq("low")
        label = "UNHCR/IOM joint statement" + ("s" if len(statements) > 1 else "")
        if weak.any():
            label += " (" + ", ".join(f"{d:%Y}" for d in statements.loc[weak, "date"]) + ": repost, low confidence)"
        ax.scatter(sx, statements["persons"] / 1e6, marker="s", color=charts.COLORS["green"], s=26, zorder=3,
                   label=label)
    if not others.empty:
        ox = [charts.to_decimal_year(d) for d in others["date"]]
        ax.scatter(ox, others["persons"] / 1e6, facecolor="none", edgecolor=charts.COLORS["blue"], s=30, zorder=3,
                   label=other_estimates_label(others))
    ax.set_xlim(charts.to_decimal_year(pd.Timestamp(start)), charts.to_decimal_year(pd.Timestamp(end)))
    top = pd.concat([totals["persons"], others["persons"], statements["persons"]]).max()
    ax.set_ylim(0, top / 1e6 * 1.25)
    ax.set_ylabel("Millions of people")
    ax.legend(loc="upper center", frameon=False, fontsize=8, ncols=1, bbox_to_anchor=(0.5, -0.08))
    chart.mark_events(marked)
    plotted = pd.concat([statements, totals, others], ignore_index=True)
    chart.show(sources=["migrants_refugees", "events"], data=plotted)
    return plotted
