"""The chapter's charts, drawn through hemisphere.charts from frames the analysis module prepares.

Each function draws one chart and returns nothing: titles (which state the finding) and alt
texts are composed by the notebook from the data, so they change with the parameters.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.patches
import matplotlib.ticker as mticker
import pandas as pd

from hemisphere import charts
from hemisphere.prose import data_to, listing

THEME = "northern_triangle"
MILLIONS = mticker.FuncFormatter(lambda value, _: f"{value / 1e6:,.0f}")


def short_count(value: float, _position=None) -> str:
    """Axis labels for counts: 0, 800, 2.5k, 40k, 500k, 2.0M (never '2,000k')."""
    size = abs(value)
    if size >= 1e6:
        return f"{value / 1e6:,.1f}M"
    if size >= 1e3:
        text = f"{value / 1e3:,.1f}".removesuffix(".0")
        return f"{text}k"
    return f"{value:,.0f}"


THOUSANDS = mticker.FuncFormatter(short_count)
COUNTS = mticker.FuncFormatter(lambda value, _: f"{value:,.0f}")

STAGE_LABELS = {"budget_request": "Requested", "appropriated_and_planned": "Appropriated / planned",
                "obligations": "Obligated"}
STAGE_COLOURS = {"budget_request": charts.COLORS["sky"], "appropriated_and_planned": charts.COLORS["blue"],
                 "obligations": charts.COLORS["orange"]}
HOMICIDE_MARKERS = {"UNODC": "o", "National figures (press compilation)": "s", "InSight Crime": "^",
                    "UCA human-rights observatory estimate": "D"}
TPS_MARKERS = {"designation": ("o", charts.COLORS["blue"]), "extension": (">", charts.COLORS["green"]),
               "termination_announced": ("X", charts.COLORS["vermillion"]), "court_stay": ("s", charts.COLORS["purple"]),
               "court_stay_lifted": ("v", charts.COLORS["orange"]), "rescission": ("D", charts.COLORS["sky"])}
FAMILY_COLOURS = {"Single Adults": charts.COLORS["grey"], "Family Unit Individuals": charts.COLORS["orange"],
                  "Unaccompanied Children": charts.COLORS["vermillion"], "Accompanied Minors": charts.COLORS["yellow"]}


def year_ticks(ax, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """Year labels on a date axis: every year on short spans, every other year on long ones."""
    base = 1 if (end - start).days < 9 * 365 else 2
    ax.xaxis.set_major_locator(mdates.YearLocator(base=base))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


# Palette for lines: yellow is too faint on white to carry a line, so it is never used here.
LINE_COLOURS = [colour for colour in charts.SERIES if colour != charts.COLORS["yellow"]]


def line_styles(names: list[str], skip: tuple[str, ...] = ()) -> dict[str, dict]:
    """Colour and line style per name, in order: the line palette (less `skip`) solid, then again dashed."""
    colours = [colour for colour in LINE_COLOURS if colour not in skip] or LINE_COLOURS
    return {name: {"color": colours[i % len(colours)], "ls": "-" if i < len(colours) else "--"}
            for i, name in enumerate(names)}


def country_colours(countries: list[str]) -> dict[str, str]:
    """A stable colour per chosen country, in the order chosen (line colours, so never yellow)."""
    return {country: style["color"] for country, style in line_styles(countries).items()}


def aid_obligations(obligations: pd.DataFrame, partial_year: int | None, band: list[int] | None,
                    event_ids: list[str], title: str, alt: str) -> None:
    """Obligations per fiscal year, one line per column of `obligations` (current dollars)."""
    chart = charts.Chart(theme=THEME, name="aid_obligations", title=title,
                         subtitle="US foreign assistance obligated, millions of current US dollars, by fiscal year"
                                  + ("; the last year is partial (hollow marker)" if partial_year else "")
                                  + "; " + data_to(int(obligations.index.max()), "fiscal_year"),
                         alt=alt, time_axis="fiscal_year", height=3.4)
    ax = chart.ax
    styles = line_styles([c for c in obligations.columns if c != "Central America Region"], skip=(charts.COLORS["grey"],))
    styles["Central America Region"] = {"color": charts.COLORS["grey"], "ls": "--", "lw": 1.2}
    for country in obligations.columns:
        series = obligations[country].dropna()
        closed = series[series.index != partial_year]
        ax.plot(closed.index, closed.to_numpy(), label=country, **styles[country])
        if partial_year in series.index:
            ax.plot([partial_year], [series[partial_year]], marker="o", mfc="white", color=styles[country]["color"],
                    ls="none")
    if band:
        # `band`: the fiscal years with an enacted region-wide strategy amount in the budget table, drawn as runs.
        years = sorted(int(year) for year in band)
        runs = []
        for year in years:
            if runs and year == runs[-1][1] + 1:
                runs[-1][1] = year
            else:
                runs.append([year, year])
        for number, (left, right) in enumerate(runs):
            ax.axvspan(left - 0.5, right + 0.5, color=charts.COLORS["green"], alpha=0.10, lw=0, zorder=-5)
            ax.text((left + right) / 2, 0.02, "Strategy for\nCentral America:\nenacted" if number == 0 else "enacted",
                    transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=7,
                    color=charts.COLORS["green"])
    ax.yaxis.set_major_formatter(MILLIONS)
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", ncols=2)
    chart.mark_events(event_ids)
    chart.show(sources=["us_aid"], data=obligations.reset_index())


def aid_stages(stages: pd.DataFrame, title: str, alt: str, countries_text: str) -> None:
    """Requested, appropriated and obligated amounts side by side per fiscal year."""
    chart = charts.Chart(theme=THEME, name="aid_stages", title=title,
                         subtitle=f"{countries_text}: millions of current US dollars by fiscal year; a missing bar is a "
                                  "stage the release does not report for every country shown; "
                                  + data_to(int(stages.dropna(how="all").index.max()), "fiscal_year"),
                         alt=alt, time_axis="fiscal_year", height=3.0)
    ax = chart.ax
    width = 0.27
    for offset, stage in zip((-width, 0, width), STAGE_LABELS):
        ax.bar(stages.index + offset, stages[stage].fillna(0).to_numpy(), width=width,
               color=STAGE_COLOURS[stage], label=STAGE_LABELS[stage])
    ax.set_xticks(stages.index, [f"FY{year % 100:02d}" for year in stages.index])
    ax.yaxis.set_major_formatter(MILLIONS)
    ax.set_ylim(top=stages.max().max() * 1.2)
    ax.legend(loc="upper left", ncols=3)
    chart.show(sources=["us_aid"], data=stages.reset_index(),
               note="Requests and appropriations cover State- and USAID-managed accounts; obligations cover all agencies.")


BUDGET_STAGES = {"request": ("Requested", charts.COLORS["sky"], charts.INK),
                 "house_committee_bill": ("House committee bill", charts.COLORS["grey"], "white"),
                 "enacted": ("Enacted", charts.COLORS["blue"], "white")}
BUDGET_BAR = 0.24  # bar width, in fiscal years
BUDGET_LABEL_SIZE = 8  # points: the bars' source and "none found" labels, readable at page width
# Bar labels of sources named after a country: by nationality, since the lines are region-wide and a
# run following other countries must not read as naming them (the table below names each source in full).
BUDGET_SOURCE_LABELS = {"El Salvador government": "Salvadoran govt.", "Crónica (Guatemala)": "Crónica (Guatemalan)"}


def central_america_budget(aid_budget: pd.DataFrame, title: str, alt: str) -> None:
    """Region-wide budget lines: one bar per fiscal year, stage and source, each naming its source.

    Where sources give different figures for the same year and stage, the bars stand side by side
    (highest first), so no estimate hides another. A request or enacted amount that no source gives
    is marked "none found" in its place, so gaps read as gaps, not zeros.
    """
    rows = aid_budget.assign(order=aid_budget["stage"].map(list(BUDGET_STAGES).index))
    rows = rows.sort_values(["fiscal_year", "order", "amount_usd"], ascending=[True, True, False], kind="stable")
    first, last = int(rows["fiscal_year"].min()), int(rows["fiscal_year"].max())
    top = float(rows["amount_usd"].max())
    chart = charts.Chart(theme=THEME, name="central_america_budget", title=title,
                         subtitle="Region-wide Strategy for Engagement in Central America lines, millions of current US "
                                  "dollars by fiscal year; each bar names its source, and figures that disagree stand "
                                  "side by side; " + data_to(last, "fiscal_year"),
                         alt=alt, time_axis="fiscal_year", height=4.4)
    ax = chart.ax
    for year in range(first, last + 1):
        present = rows[rows["fiscal_year"] == year]
        slots = [("bar", row) for _, row in present.iterrows()]
        for stage, word in (("request", "request"), ("enacted", "enacted amount")):
            if stage not in set(present["stage"]):
                position = 0 if stage == "request" else len(slots)
                slots.insert(position, ("gap", f"no {word} found"))
        start = year - BUDGET_BAR * (len(slots) - 1) / 2
        for number, (kind, item) in enumerate(slots):
            x = start + BUDGET_BAR * number
            if kind == "gap":
                ax.text(x, 0.01, item, transform=ax.get_xaxis_transform(), rotation=90, ha="center", va="bottom",
                        fontsize=BUDGET_LABEL_SIZE, color=charts.MUTED)
                continue
            label, colour, ink = BUDGET_STAGES[item["stage"]]
            amount = float(item["amount_usd"])
            ax.bar(x, amount, width=BUDGET_BAR * 0.92, color=colour)
            qualifier = item["qualifier"] if isinstance(item["qualifier"], str) else ""
            ax.text(x, amount + top * 0.015, (f"{qualifier} " if qualifier else "") + f"{amount / 1e6:,.0f}",
                    rotation=90, ha="center", va="bottom", fontsize=BUDGET_LABEL_SIZE + 0.5, color=charts.INK)
            ax.text(x, top * 0.02, BUDGET_SOURCE_LABELS.get(item["source"], item["source"]), rotation=90, ha="center",
                    va="bottom", fontsize=BUDGET_LABEL_SIZE, color=ink)
    handles = [matplotlib.patches.Patch(color=colour, label=label) for label, colour, _ in BUDGET_STAGES.values()
               if label in {BUDGET_STAGES[stage][0] for stage in rows["stage"]}]
    ax.legend(handles=handles, loc="upper right", ncols=len(handles))
    ax.set_xticks(range(first, last + 1), [f"FY{year}" for year in range(first, last + 1)])
    ax.set_xlim(first - 0.6, last + 0.6)
    ax.set_ylim(0, top * 1.35)
    ax.yaxis.set_major_formatter(MILLIONS)
    chart.show(sources=["central_america_aid_budget"],
               data=rows[["fiscal_year", "stage", "source", "amount_usd", "qualifier"]].reset_index(drop=True))


def with_gaps(rows: pd.DataFrame) -> pd.Series:
    """Rates by year with every missing year between the first and last as NaN, so a line breaks there
    rather than joining two figures across a year the source does not report."""
    series = rows.groupby("year")["rate_per_100k"].mean().sort_index()
    if series.empty:
        return series
    return series.reindex(range(int(series.index.min()), int(series.index.max()) + 1))


def homicide_rates(chosen: pd.DataFrame, comparators: pd.DataFrame, event_ids: list[str], title: str, alt: str,
                   order: list[str] | None = None) -> None:
    """Left: the chosen countries, every source marked. Right: comparators, UNODC only (same scales).

    `order` gives the chosen countries' order (and so their colours, as in the other charts);
    comparators take the line colours the chosen countries do not use, then dashed lines.
    """
    panels = 2 if not comparators.empty else 1
    chart = charts.Chart(theme=THEME, name="homicide_rates", title=title,
                         subtitle="Intentional homicides per 100,000 people; lines UNODC, hollow markers national, "
                                  "InSight Crime or independent figures; " + data_to(int(chosen["year"].max()), "year"),
                         alt=alt, time_axis="year", nrows=panels, height=3.4 * panels + 0.6, sharex=True, sharey=True)
    axes = list(chart.axes) if panels == 2 else [chart.ax]
    present = list(dict.fromkeys(chosen["country"]))
    countries = [c for c in order if c in present] + [c for c in present if c not in order] if order else present
    styles = line_styles(countries)
    colours = {country: style["color"] for country, style in styles.items()}
    handles = []
    for country in countries:
        rows = chosen[chosen["country"] == country]
        unodc = with_gaps(rows[rows["source"] == "UNODC"])
        handles += axes[0].plot(unodc.index, unodc.to_numpy(), label=country, lw=1.6, **styles[country])
        for source, points in rows[rows["source"] != "UNODC"].groupby("source"):
            axes[0].plot(points["year"], points["rate_per_100k"], ls="none", marker=HOMICIDE_MARKERS[source],
                         mfc="white", ms=4.5, color=colours[country])
    handles += [axes[0].plot([], [], ls="none", marker=marker, mfc="white", color=charts.COLORS["black"], label=source)[0]
                for source, marker in HOMICIDE_MARKERS.items()
                if source != "UNODC" and source in set(chosen["source"])]
    axes[0].legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=3, fontsize=7.5)
    axes[0].set_title(listing(countries), fontsize=9)
    if panels == 2:
        comparator_styles = line_styles(list(dict.fromkeys(comparators["country"])), skip=tuple(colours.values()))
        for country, rows in comparators.groupby("country", sort=False):
            series = with_gaps(rows)
            axes[1].plot(series.index, series.to_numpy(), lw=1.2, label=country, **comparator_styles[country])
        axes[1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=4, fontsize=7.5)
        axes[1].set_title("Comparators (UNODC only)", fontsize=9)
    axes[0].set_ylim(bottom=0)
    chart.mark_events(event_ids, axes=axes[0])
    chart.show(sources=["homicide_rate"], data=pd.concat([chosen, comparators])[["country", "year", "source", "rate_per_100k"]])


def monthly_encounters(total: pd.Series, by_country: pd.DataFrame, event_ids: list[str], title: str, alt: str,
                       reported: pd.Series | None = None) -> None:
    """Top: all southwest-border encounters (hollow markers: months from a report, not a file). Bottom: the chosen citizenships."""
    last = total.dropna().index.max()
    chart = charts.Chart(theme=THEME, name="encounters_monthly", title=title,
                         subtitle="Border Patrol encounters at the southwest border per month: all citizenships (top) "
                                  f"and {listing(list(by_country.columns)) if len(by_country.columns) else 'the countries shown'} (bottom); " + data_to(last, "month"),
                         alt=alt, time_axis="date", nrows=2, height=4.6, sharex=True)
    top, bottom = chart.axes
    top.plot(total.index, total.to_numpy(), color=charts.COLORS["black"], lw=1.2, label="All citizenships")
    if reported is not None and len(reported):
        top.plot(reported.index, reported.to_numpy(), ls="none", marker="o", ms=3.5, mfc="white",
                 color=charts.COLORS["black"], label="Reported total (no file yet)")
        top.legend(loc="upper left", fontsize=6.5)
    styles = line_styles(list(by_country.columns))
    for country in by_country.columns:
        bottom.plot(by_country.index, by_country[country].to_numpy(), lw=1.3, label=country, **styles[country])
    for ax in (top, bottom):
        ax.yaxis.set_major_formatter(THOUSANDS)
        ax.set_ylim(bottom=0)
    if len(by_country.columns):
        bottom.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=4)
    year_ticks(bottom, total.index.min(), total.index.max())
    chart.mark_events(event_ids)
    # Outer joins: the reported months past the file's last month stay in the chart's data.
    plotted = by_country.join(total.rename("all_citizenships"), how="outer")
    if reported is not None and len(reported):
        plotted = plotted.join(reported.rename("reported_total"), how="outer")
    plotted = plotted.rename_axis("month").reset_index()
    chart.show(sources=["border_apprehensions"] + (["border_apprehensions_recent"] if reported is not None and len(reported) else []),
               data=plotted,
               note="From March 2020 to May 2023 the counts include Title 42 expulsions; repeat crossers count each time.")


def family_status(shares: pd.DataFrame, title: str, alt: str, partial_year: int | None) -> None:
    """Encounters per fiscal year stacked by family status."""
    chart = charts.Chart(theme=THEME, name="encounters_family_status", title=title,
                         subtitle="Southwest-border Border Patrol encounters per fiscal year, by family status"
                                  + (f"; FY{partial_year} partial" if partial_year else "")
                                  + "; " + data_to(int(shares.index.max()), "fiscal_year"),
                         alt=alt, time_axis="fiscal_year", height=3.0, fiscal_shading="date")
    ax = chart.ax
    bottom = pd.Series(0.0, index=shares.index)
    for status in [s for s in FAMILY_COLOURS if s in shares.columns]:
        ax.bar(shares.index, shares[status].to_numpy(), bottom=bottom.to_numpy(), color=FAMILY_COLOURS[status],
               label=status, width=0.8)
        bottom += shares[status]
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.legend(loc="upper left", ncols=2)
    chart.show(sources=["border_apprehensions_family_status"], data=shares.reset_index())


def northern_triangle_share(share: pd.DataFrame, title: str, alt: str, countries_text: str = "Guatemalan, Honduran and Salvadoran citizens") -> None:
    """Share of the chosen citizenships in all encounters, per fiscal year."""
    chart = charts.Chart(theme=THEME, name="northern_triangle_share", title=title,
                         subtitle=f"Citizens of {countries_text} as a share of southwest-border Border "
                                  "Patrol encounters, by fiscal year (hollow: partial year); "
                                  + data_to(int(share.index.max()), "fiscal_year"),
                         alt=alt, time_axis="fiscal_year", height=2.8, fiscal_shading="date")
    ax = chart.ax
    complete = share[share["complete"]]
    ax.plot(complete.index, complete["share"] * 100, color=charts.COLORS["blue"], marker="o", ms=3)
    partial = share[~share["complete"]]
    ax.plot(partial.index, partial["share"] * 100, color=charts.COLORS["blue"], marker="o", mfc="white", ls="none")
    ax.yaxis.set_major_formatter(mticker.PercentFormatter(decimals=0))
    ax.set_ylim(0, 100)
    chart.show(sources=["border_apprehensions"], data=share.reset_index())


CLUSTER_DAYS = 240  # TPS decisions closer than this are drawn as one vertically spread group


def tps_timeline(decisions: pd.DataFrame, title: str, alt: str, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """One row per country: decisions as markers, status held as a grey bar, beneficiaries written beside.

    The bar ends at the effective date of a termination that nothing later reversed in the record;
    decisions outside start-end shape the bar but are not drawn.
    """
    countries = list(dict.fromkeys(decisions["country"]))
    chart = charts.Chart(theme=THEME, name="tps_timeline", title=title,
                         subtitle="Temporary Protected Status decisions and court rulings by date; grey bar: status in force "
                                  "(to the end of the last extension where no later decision is recorded); numbers are "
                                  "beneficiaries the source gave at the time (different bases); "
                                  + data_to(decisions.loc[decisions["decision_date"].between(start, end), "decision_date"].max(), "month"),
                         alt=alt, time_axis="date", height=1.2 + 1.0 * len(countries))
    ax = chart.ax
    for row_number, country in enumerate(countries):
        rows = decisions[decisions["country"] == country].sort_values(["decision_date", "action"])
        for seg_start, seg_end in status_spans(rows, end):
            left, right = max(seg_start, start), min(seg_end, end)
            if right > left:
                ax.plot([left, right], [row_number, row_number], color="#CCCCCC", lw=5, solid_capstyle="butt", zorder=1)
        labelled = 0
        shown = rows[rows["decision_date"].between(start, end)]
        # Decisions close in time (the same day, or within CLUSTER_DAYS of the one before) are spread
        # vertically so none hides another; the grey bar stays at the row's centre.
        ordered = shown.sort_values(["decision_date", "action"], kind="stable")
        cluster_of, cluster, previous = [], -1, None
        for date in ordered["decision_date"]:
            if previous is None or (date - previous).days > CLUSTER_DAYS:
                cluster += 1
            cluster_of.append(cluster)
            previous = date
        ordered = ordered.assign(_cluster=cluster_of)
        placed = {}  # decision date -> (vertical shift of its first marker, size of its group)
        for _, members in ordered.groupby("_cluster", sort=True):
            shifts = [(i - (len(members) - 1) / 2) * min(0.16, 0.6 / max(len(members) - 1, 1))
                      for i in range(len(members))]
            for shift, (_, row) in zip(shifts, members.iterrows()):
                placed.setdefault(row["decision_date"], (shift, len(members)))
                marker, colour = TPS_MARKERS[row["action"]]
                ax.plot(row["decision_date"], row_number + shift, marker=marker, color=colour, ms=7.5, ls="none",
                        zorder=3, markeredgecolor="white", markeredgewidth=0.6)
        for date, same_day in shown.groupby("decision_date", sort=True):
            counted = same_day["beneficiaries"].dropna()
            if len(counted):
                shift, group = placed.get(date, (0.0, 1))
                if group > 1:  # in a spread group: the label goes to the left of its own marker
                    ax.annotate(f"{counted.iloc[0]:,.0f}", (date, row_number + shift), xytext=(-9, 0),
                                textcoords="offset points", ha="right", va="center", fontsize=7.5, color=charts.INK)
                    continue
                labelled += 1
                above = labelled % 2 == 1
                ax.annotate(f"{counted.iloc[0]:,.0f}", (date, row_number), xytext=(0, 9 if above else -10),
                            textcoords="offset points", ha="center", va="bottom" if above else "top",
                            fontsize=7.5, color=charts.INK)
    drawn = decisions[decisions["decision_date"].between(start, end)]
    for action, (marker, colour) in TPS_MARKERS.items():
        if action in set(drawn["action"]):
            ax.plot([], [], marker=marker, color=colour, ls="none", label=action.replace("_", " "))
    ax.set_yticks(range(len(countries)), countries)
    ax.set_ylim(len(countries) - 0.4, -0.6)
    # A little room after the window so a label on its last decision is not cut off.
    ax.set_xlim(start, end + (end - start) * 0.03)
    ax.grid(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=3, fontsize=8)
    year_ticks(ax, start, end)
    chart.show(sources=["tps"], data=drawn[["country", "decision_date", "action", "effective_date",
                                            "end_date", "beneficiaries"]])


def status_spans(rows: pd.DataFrame, horizon: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Spans during which a country's TPS was in force, read from its decisions in date order.

    A termination ends status at its effective date; a court stay, rescission or extension cancels
    a pending end (and restores status that had lapsed, from its date); a lifted stay lets the
    latest termination take effect, on the later of the two dates.
    """
    spans, since, pending, termination_end = [], None, None, None
    for row in rows.sort_values(["decision_date", "action"]).itertuples():
        when = row.decision_date
        if since is not None and pending is not None and pending <= when:
            spans.append((since, pending))
            since, pending = None, None
        if row.action == "termination_announced":
            termination_end = row.effective_date if pd.notna(row.effective_date) else None
            since = since or when
            pending = termination_end
        elif row.action == "court_stay_lifted":
            effective = row.effective_date if pd.notna(row.effective_date) else when
            if since is not None:
                pending = max(effective, termination_end) if termination_end is not None else effective
        else:  # designation, extension, rescission, court_stay
            since = since or when
            pending = None
    if since is not None:
        # An extension's end with no later decision in the record: the bar stops there, not at the horizon.
        last = rows.sort_values(["decision_date", "action"]).iloc[-1]
        if pending is None and last["action"] == "extension" and pd.notna(last["end_date"]):
            pending = last["end_date"]
        spans.append((since, min(pending, horizon) if pending is not None else horizon))
    return spans


FEW_YEARS = 3  # with this many fiscal years or fewer, removals are a table rather than a chart


def removals(by_year: pd.DataFrame, title: str, alt: str, first_year: int | None = None,
             last_year: int | None = None) -> None:
    """ICE removals per fiscal year and country: a compact table for a few years, else a bar chart.

    Bars stand at their fiscal year on a year axis from `first_year` to `last_year` (by default
    the years of `by_year`), so a year without a sourced figure shows as a labelled gap.
    """
    if len(by_year) <= FEW_YEARS:
        shown = by_year.reset_index().rename_axis(columns=None)
        charts.show_table(shown, caption=title, sources=["removals"], theme=THEME, name="removals",
                          formats={"fiscal_year": "FY{}"})
        return
    first = int(by_year.index.min()) if first_year is None else first_year
    last = int(by_year.index.max()) if last_year is None else last_year
    chart = charts.Chart(theme=THEME, name="removals", title=title,
                         subtitle="ICE removals by country of citizenship, by fiscal year; \"no figure\" marks a year "
                                  "for which none could be sourced; " + data_to(int(by_year.index.max()), "fiscal_year"),
                         alt=alt, time_axis="fiscal_year", height=2.8, fiscal_shading="date")
    ax = chart.ax
    countries = list(by_year.columns)
    colours = country_colours(countries)
    width = 0.8 / len(countries)
    for number, country in enumerate(countries):
        values = by_year[country].dropna()
        ax.bar(values.index - 0.4 + width * (number + 0.5), values.to_numpy(), width=width, color=colours[country],
               label=country)
    for year in range(first, last + 1):
        if year not in by_year.dropna(how="all").index:
            ax.text(year, 0.02, "no figure", transform=ax.get_xaxis_transform(), rotation=90, ha="center",
                    va="bottom", fontsize=6.5, color=charts.MUTED)
    ax.set_xlim(first - 0.6, last + 0.6)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylim(top=by_year.max().max() * (1.25 if len(countries) > 1 else 1.1))
    if len(countries) > 1:
        ax.legend(loc="upper left", ncols=3)
    from hemisphere import events
    starts = events.administrations()["start_date"]
    changes = sorted({start.year + (1 if start.month >= 10 else 0) for start in starts
                      if start.year + (1 if start.month >= 10 else 0) in set(by_year.dropna(how="all").index) and not (start.month == 10 and start.day == 1)})
    chart.show(sources=["removals"], data=by_year.reset_index(),
               note="Removals are carried out during the year, not budgeted, so the shading follows the calendar"
                    + (f": a change of administration falls inside {listing([f'FY{year}' for year in changes])}, "
                       f"whose {'bar sits' if len(changes) == 1 else 'bars sit'} under both shades. " if changes else ". ")
                    + 
                    "The aid charts shade each fiscal year by the administration that requested its budget.")


def per_resident(view: pd.DataFrame, title: str, alt: str) -> None:
    """Three stacked panels sharing the year axis: aid per resident, homicide rate, encounters per 100,000."""
    panels = [("aid_per_resident_usd", "Aid obligated per resident, US$"),
              ("homicide_rate", "Homicides per 100,000"),
              ("encounters_per_100k", "Border encounters per 100,000 residents")]
    chart = charts.Chart(theme=THEME, name="per_resident_view", title=title,
                         subtitle="Per country and year: US aid obligations per resident (fiscal year), homicide rate "
                                  "(calendar year; line UNODC, hollow markers other sources) and southwest-border "
                                  "encounters per 100,000 residents (fiscal year); " + data_to(int(view["year"].max()), "year"),
                         alt=alt, time_axis="year", nrows=3, height=6.6, sharex=True)
    styles = line_styles(list(dict.fromkeys(view["country"])))
    for ax, (column, label) in zip(chart.axes, panels):
        for country, rows in view.groupby("country", sort=False):
            if column == "homicide_rate":  # one source per line: UNODC drawn, other sources as hollow markers
                unodc = with_gaps(rows[rows["homicide_source"] == "UNODC"].rename(columns={column: "rate_per_100k"}))
                ax.plot(unodc.index, unodc.to_numpy(), label=country, lw=1.6, **styles[country])
                others = rows[rows["homicide_source"].notna() & (rows["homicide_source"] != "UNODC")]
                ax.plot(others["year"], others[column], ls="none", marker="o", mfc="white", ms=5,
                        color=styles[country]["color"])
                continue
            series = rows.set_index("year")[column].sort_index()
            series = series.reindex(range(int(series.index.min()), int(series.index.max()) + 1))  # NaN breaks the line
            ax.plot(series.index, series.to_numpy(), label=country, lw=1.6, **styles[country])
        ax.set_title(label, fontsize=9.5)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(COUNTS)
    chart.axes[-1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=4, fontsize=8.5)
    chart.show(sources=["us_aid", "homicide_rate", "border_apprehensions", "population"], data=view)
