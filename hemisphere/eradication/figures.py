"""The chapter's charts, drawn through `hemisphere.charts` so they all honour the chart contract.

The notebook computes the finding each chart states (its title) and passes it in; these
functions only draw. Each returns nothing and saves the plotted values beside the figure.
"""

from __future__ import annotations

import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch, Rectangle

from hemisphere import catalogue, charts

THEME = "eradication"
COLORS = charts.COLORS
INK_MUTED = charts.MUTED
THOUSANDS = matplotlib.ticker.FuncFormatter(lambda value, _: f"{value:,.0f}")


def marked_events(ids: list[str], country: str, home: str = "United States") -> list[str]:
    """The events of `ids` a chart about `country` should mark: those of the register about that
    country or about the United States (a Peru chart carries no Colombian badge)."""
    from hemisphere import events

    chosen = events.select(ids=ids)
    return list(chosen.loc[chosen["country"].isin([country, home]), "event_id"])


class _Chart(charts.Chart):
    """A chart whose source line names only the publishers of the rows it draws.

    `drawn` maps each source table to the publishers of its rows on the chart (the tables'
    `publisher` column, spelled as in the catalogue); a table left out of `drawn` is credited
    in full.
    """

    def __init__(self, *args, drawn: dict[str, set[str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.drawn = drawn or {}

    def source_line(self, sources: list[str]) -> str:
        return drawn_source_text(sources, self.drawn, f"Chart data: report_data/{self.theme}/{self.name}.csv")


def drawn_source_entries(sources: list[str], drawn: dict[str, set[str]]) -> list[str]:
    """'Publisher, title' for each catalogue source of the tables whose publisher drew a row."""
    seen: list[str] = []
    for name in sources:
        keep = drawn.get(name)
        for source in catalogue.resource(name)["sources"]:
            if keep is not None and source.get("publisher") not in keep:
                continue
            # A source that covers some countries only (its `countries` key) is credited only when
            # rows of one of them are drawn.
            if keep is not None and source.get("countries") and not any(
                    f"country:{country}" in keep for country in source["countries"]):
                continue
            text = ", ".join(part for part in (source.get("publisher"), source.get("title")) if part)
            if text and text not in seen:
                seen.append(text)
    return seen


def drawn_source_text(sources: list[str], drawn: dict[str, set[str]], data_note: str = "",
                      limit: int = 3 * 135) -> str:
    tail = f". {data_note}" if data_note else ""
    entries = drawn_source_entries(sources, drawn)
    full = "Source: " + "; ".join(entries) + tail
    if len(full) <= limit:
        return full
    names = []
    for entry in entries:
        publisher = entry.split(", ")[0]
        if publisher not in names:
            names.append(publisher)
    return "Source: " + "; ".join(names) + " (titles and addresses in the appendix)" + tail


def show_table(table: pd.DataFrame, caption: str, sources: list[str], name: str,
               drawn: dict[str, set[str]] | None = None, formats: dict[str, str] | None = None) -> None:
    """A reader-facing table whose source line names only the publishers of the rows it shows."""
    charts.show_table(table, caption=caption, sources=sources, theme=THEME, name=name, formats=formats,
                      source=drawn_source_text(sources, drawn) if drawn is not None else None)


def publishers_of(rows: pd.DataFrame) -> set[str]:
    """The publishers of the table rows a chart draws, with 'country:<name>' for each country drawn
    (catalogue sources that cover some countries only are matched on those)."""
    publishers = set(rows["publisher"]) if "publisher" in rows else set()
    countries = {f"country:{country}" for country in rows["country"]} if "country" in rows else set()
    return publishers | countries


def _on_full_years(series: pd.Series, start: int, end: int) -> pd.Series:
    """Reindex to every year so that lines break across missing years instead of bridging them."""
    return series.reindex(range(start, end + 1))


def _legend_below(ax, ncols: int = 2) -> None:
    """Legend under the axes, clear of the numbered event markers along the top of the plot."""
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.09), ncols=ncols, fontsize=7.5, borderaxespad=0,
              handlelength=1.8, columnspacing=1.4)


def _year_limits(ax, start: int, end: int) -> None:
    """Room for a year's point at each edge; the right edge reaches the end of the last year so
    that events late in it (a September determination) stay on the chart."""
    ax.set_xlim(start - 0.6, end + 0.98)


def cultivation_estimators(unodc: pd.Series, ondcp: pd.Series, start: int, end: int, *, title: str,
                           subtitle: str, alt: str, events: list[str], national: pd.Series | None = None,
                           drawn: set[str] | None = None) -> None:
    """Both estimators' coca area on one axis, the gap between them shaded where both exist.

    `national` is a government agency's own series (Peru's DEVIDA), drawn as its own line and
    never joined to UNODC's; `drawn` names the publishers of the rows drawn, for the source line.
    """
    chart = _Chart(theme=THEME, name="coca_cultivation_estimators", title=title, subtitle=subtitle,
                   alt=alt, time_axis="year", height=3.4,
                   drawn={"coca_cultivation": drawn} if drawn is not None else None)
    ax = chart.ax
    years = range(start, end + 1)
    full_unodc, full_ondcp = _on_full_years(unodc, start, end), _on_full_years(ondcp, start, end)
    both = full_unodc.notna() & full_ondcp.notna()
    ax.fill_between(list(years), full_unodc.to_numpy(float), full_ondcp.to_numpy(float), where=both.to_numpy(),
                    color=COLORS["orange"], alpha=0.18, lw=0, label="Gap between the estimates")
    ax.plot(list(years), full_unodc, color=COLORS["blue"], marker="o", ms=3.2,
            label="UNODC (national monitoring, satellite census)")
    ax.plot(list(years), full_ondcp, color=COLORS["orange"], marker="s", ms=3.2,
            label="US government (ONDCP, sampled imagery)")
    columns = {"year": list(years), "unodc_hectares": full_unodc.to_numpy(), "ondcp_hectares": full_ondcp.to_numpy()}
    if national is not None and not national.empty:
        full_national = _on_full_years(national, start, end)
        ax.plot(list(years), full_national, color=COLORS["green"], marker="^", ms=3.4, ls="--",
                label="DEVIDA (Peru's own monitoring, drawn apart)")
        columns["devida_hectares"] = full_national.to_numpy()
    # Headroom above the highest point, so a lone year's marker is not cut by the frame.
    top = np.nanmax([np.nanmax(np.asarray(values, float)) for key, values in columns.items()
                     if key != "year" and np.isfinite(np.asarray(values, float)).any()] or [1.0])
    ax.set_ylim(0, top * 1.1)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylabel("Hectares")
    _year_limits(ax, start, end)
    _legend_below(ax, ncols=2)
    chart.mark_events(events)
    plotted = pd.DataFrame(columns).dropna(how="all", subset=[key for key in columns if key != "year"])
    chart.show(sources=["coca_cultivation"], data=plotted)


def record_label_fits(eradicated: pd.DataFrame, record_year: int | None, highest: float) -> bool:
    """Whether the 'record manual' label goes inside the record bar: only when the record is one
    among several manual-only bars (a record of one is no record) and the bar is tall enough to
    hold the text without running over the axis (at least a third of the tallest value drawn)."""
    if record_year is None or record_year not in eradicated.index:
        return False
    manual = eradicated[eradicated["methods"] == "manual"]
    return len(manual) >= 2 and eradicated.loc[record_year, "hectares"] >= highest / 3


def eradication_against_cultivation(eradicated: pd.DataFrame, cultivation: pd.Series, start: int, end: int,
                                    record_year: int | None, *, title: str, subtitle: str, alt: str,
                                    events: list[str], no_figure: str = "",
                                    drawn: dict[str, set[str]] | None = None) -> None:
    """Eradication bars (by how it was done) beside the net area left standing.

    `no_figure` names the years in the window with no eradication figure (e.g. '2001-2003 and
    2006-2008'); the note under the chart says so, so that an empty slot is not read as zero.
    """
    chart = _Chart(theme=THEME, name="eradication_against_cultivation", title=title, subtitle=subtitle,
                   alt=alt, time_axis="year", height=3.4, drawn=drawn)
    ax = chart.ax
    styles = {
        "aerial spraying and manual, combined": (COLORS["sky"], "Eradicated: aerial spraying and manual"),
        "aerial spraying and manual": (COLORS["sky"], "Eradicated: aerial spraying and manual"),
        "aerial spraying": (COLORS["sky"], "Eradicated: aerial spraying and manual"),
        "manual": (COLORS["green"], "Eradicated: manual only"),
    }
    labelled = set()
    for year, row in eradicated.iterrows():
        color, label = styles[row["methods"]]
        ax.bar(year, row["hectares"], width=0.72, color=color, hatch="///" if row["lower_bound"] else None,
               edgecolor="white" if row["lower_bound"] else color, lw=0.0,
               label=None if label in labelled else label, zorder=2)
        labelled.add(label)
    line = _on_full_years(cultivation, start, end)
    ax.plot(list(line.index), line, color=COLORS["black"], marker="o", ms=3, lw=1.8, zorder=3,
            label="Coca area (UNODC estimate)")
    highest = max(eradicated["hectares"].max(), cultivation.max() if len(cultivation) else 0)
    if record_label_fits(eradicated, record_year, highest):
        height = eradicated.loc[record_year, "hectares"]
        ax.text(record_year, height / 2, "record manual", rotation=90, ha="center", va="center", fontsize=6.5,
                color="white", fontweight="bold", zorder=4)
    ax.set_ylim(0, highest * 1.22)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylabel("Hectares")
    _year_limits(ax, start, end)
    _legend_below(ax, ncols=2)
    chart.mark_events(events)
    plotted = pd.DataFrame({"year": eradicated.index, "eradicated_hectares": eradicated["hectares"].to_numpy(),
                            "eradication_methods": eradicated["methods"].to_numpy(),
                            "lower_bound": eradicated["lower_bound"].to_numpy()})
    plotted = plotted.merge(pd.DataFrame({"year": cultivation.index, "net_cultivation_hectares": cultivation.to_numpy()}),
                            on="year", how="outer").sort_values("year")
    note = "Eradication counts repeated passes over the same field."
    if no_figure:
        note = f"No bar: no eradication figure is held for {no_figure}. " + note
    if eradicated["lower_bound"].any():
        note = "Hatched bar: a lower bound (a count for part of the year, or 'more than'). " + note
    chart.show(sources=["coca_eradication", "coca_cultivation"], data=plotted, note=note)



def eradication_and_next_change(paired: pd.DataFrame, *, title: str, subtitle: str, alt: str,
                                drawn: dict[str, set[str]] | None = None) -> None:
    """Scatter of eradication in one year against the change in coca area by the next."""
    chart = _Chart(theme=THEME, name="eradication_and_next_change", title=title, subtitle=subtitle,
                   alt=alt, time_axis=None, height=3.3, drawn=drawn)
    ax = chart.ax
    x, y = paired["eradicated"], paired["cultivation_change_next_year"]
    ax.axhline(0, color="#999999", lw=0.8)
    ax.scatter(x, y, s=22, color=COLORS["blue"], zorder=3)
    _label_points(ax, list(zip(paired.index, x, y)))
    slope, intercept = np.polyfit(x, y, 1)
    span = np.linspace(x.min(), x.max(), 2)
    ax.plot(span, slope * span + intercept, color=COLORS["vermillion"], lw=1.2, ls="--", label="Least-squares line")
    ax.margins(x=0.07, y=0.08)
    ax.xaxis.set_major_formatter(THOUSANDS)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:+,.0f}" if v else "0"))
    ax.set_xlabel("Hectares eradicated in the year")
    ax.set_ylabel("Change in coca area by next year (ha)")
    ax.grid(axis="x", color="#DDDDDD", lw=0.6)
    ax.legend(loc="best", fontsize=7.5)
    plotted = paired.reset_index()
    chart.show(sources=["coca_eradication", "coca_cultivation"], data=plotted)


def _label_points(ax, points: list[tuple[int, float, float]]) -> None:
    """Year labels beside scatter points, each put on the first side where it covers no other
    point and no label already placed (boxes approximated in data units)."""
    xs, ys = [p[1] for p in points], [p[2] for p in points]
    x_span, y_span = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    width, height = 0.075 * x_span, 0.06 * y_span
    # (offset in points, horizontal alignment, box corner relative to the point in data units)
    sides = [((4, 3), "left", (0, 0)), ((-4, 3), "right", (-1, 0)),
             ((4, -10), "left", (0, -1)), ((-4, -10), "right", (-1, -1))]
    boxes = []

    def box_for(x, y, corner):
        left, bottom = x + corner[0] * width, y + corner[1] * height
        return left, bottom, left + width, bottom + height

    def clear(box, own_year):
        left, bottom, right, top = box
        hits_point = any(left <= px <= right and bottom <= py <= top for year, px, py in points if year != own_year)
        hits_label = any(not (right < b[0] or left > b[2] or top < b[1] or bottom > b[3]) for b in boxes)
        return not hits_point and not hits_label

    for year, x, y in points:
        offset, align, corner = next(((o, a, c) for o, a, c in sides if clear(box_for(x, y, c), year)), sides[0])
        boxes.append(box_for(x, y, corner))
        ax.annotate(str(year), (x, y), xytext=offset, textcoords="offset points", ha=align, fontsize=6.5,
                    color=INK_MUTED)


def production_and_yield(production: dict[str, pd.Series], yields: dict[str, pd.Series], start: int, end: int,
                         *, title: str, subtitle: str, alt: str, events: list[str],
                         drawn: dict[str, set[str]] | None = None) -> None:
    """Two panels: potential cocaine production, and cocaine per hectare, by estimator."""
    chart = _Chart(theme=THEME, name="production_and_yield", title=title, subtitle=subtitle, alt=alt,
                   time_axis="year", nrows=1, ncols=2, height=3.0, sharex=True, drawn=drawn)
    colors = {"UNODC": COLORS["blue"], "US government (ONDCP)": COLORS["orange"]}
    markers = {"UNODC": "o", "US government (ONDCP)": "s"}
    left, right = chart.axes
    frames = []
    for estimator, series in production.items():
        full = _on_full_years(series, start, end)
        left.plot(list(full.index), full, color=colors[estimator], marker=markers[estimator], ms=3, label=estimator)
        frames.append(pd.DataFrame({"year": series.index, "estimator": estimator, "metric_tons": series.to_numpy()}))
    for estimator, series in yields.items():
        full = _on_full_years(series, start, end)
        right.plot(list(full.index), full, color=colors[estimator], marker=markers[estimator], ms=3, label=estimator)
        frames.append(pd.DataFrame({"year": series.index, "estimator": estimator, "kg_per_hectare": series.to_numpy()}))
    left.set_title("Potential pure cocaine, metric tons", fontsize=8.5)
    right.set_title("Kilograms of cocaine per hectare of coca", fontsize=8.5)
    for ax in chart.axes:
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(THOUSANDS)
        _year_limits(ax, start, end)
    _legend_below(left, ncols=2 if len(production) > 1 else 1)
    chart.mark_events(events)
    plotted = pd.concat(frames, ignore_index=True).groupby(["year", "estimator"], as_index=False).first()
    chart.show(sources=["cocaine_production", "coca_cultivation"], data=plotted,
               note=("Breaks in a line are years with no estimate. Each body revises back years; for each year the latest "
                     "release held is shown, so the years come from different releases."))


def poppy_estimators(ondcp: pd.Series, unodc_mexico: pd.Series, start: int, end: int, *, title: str,
                     subtitle: str, alt: str) -> None:
    """Mexican opium poppy area by the two estimators."""
    chart = charts.Chart(theme=THEME, name="poppy_cultivation_estimators", title=title, subtitle=subtitle,
                         alt=alt, time_axis="year", height=3.0)
    ax = chart.ax
    full_ondcp = _on_full_years(ondcp, start, end)
    full_unodc = _on_full_years(unodc_mexico, start, end)
    ax.plot(list(full_ondcp.index), full_ondcp, color=COLORS["orange"], marker="s", ms=3.2,
            label="US government (ONDCP), calendar year")
    ax.plot(list(full_unodc.index), full_unodc, color=COLORS["blue"], marker="o", ms=3.2,
            label="UNODC-Mexico survey, season July to June (shown at its closing year)")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylabel("Hectares")
    _year_limits(ax, start, end)
    _legend_below(ax, ncols=1)
    plotted = pd.concat({"ondcp_hectares": ondcp, "unodc_mexico_hectares": unodc_mexico}, axis=1)
    plotted.index.name = "year"
    chart.show(sources=["poppy_cultivation"], data=plotted.reset_index())


MAJORS_CATEGORIES = [
    ("", "not on the list", "#FFFFFF"),
    ("listed", "listed", "#E4E4E4"),
    ("listed (?)", "listed; designation not verified", "#F4F4F4"),
    ("failed", "failed demonstrably (waiver not verified)", COLORS["yellow"]),
    ("failed, waived", "failed demonstrably, waiver granted", COLORS["orange"]),
    ("failed, no waiver", "failed demonstrably, no waiver", COLORS["vermillion"]),
]


def majors_grid(grid: pd.DataFrame, highlight: dict[tuple[str, str], tuple[str, str]], *, title: str,
                subtitle: str, alt: str, signed: dict[str, pd.Timestamp], chosen: str | None = None) -> None:
    """The majors list as a country-by-fiscal-year grid of statuses.

    `highlight` maps (country, fiscal-year column) to (mark, explanation): the cell is outlined,
    the mark printed in it, and the explanation given in the note under the chart. `signed`
    dates each column's determination (`analysis.determination_dates`), for the band naming the
    administration that made it.
    """
    codes = {status: number for number, (status, _, _) in enumerate(MAJORS_CATEGORIES)}
    unknown = sorted(set(np.ravel(grid.to_numpy())) - set(codes))
    if unknown:
        raise charts.ChartError(f"majors grid: statuses without a colour: {unknown}")
    matrix = grid.apply(lambda column: column.map(codes)).to_numpy(int)
    chart = charts.Chart(theme=THEME, name="majors_list_grid", title=title, subtitle=subtitle, alt=alt,
                         time_axis=None, height=0.3 * len(grid) + 1.9)
    ax = chart.ax
    cmap = ListedColormap([color for _, _, color in MAJORS_CATEGORIES])
    ax.pcolormesh(matrix, cmap=cmap, vmin=-0.5, vmax=len(MAJORS_CATEGORIES) - 0.5, edgecolors="white", linewidth=1.5)
    for (row, column), status in np.ndenumerate(grid.to_numpy()):
        if status == "listed (?)":
            ax.text(column + 0.5, row + 0.5, "?", ha="center", va="center", fontsize=8.5, color="#6A6A6A")
    for (country, fiscal_year), (mark, _) in highlight.items():
        row, column = list(grid.index).index(country), list(grid.columns).index(fiscal_year)
        ax.add_patch(Rectangle((column, row), 1, 1, fill=False, ec=COLORS["black"], lw=2.0))
        ax.text(column + 0.5, row + 0.5, mark, ha="center", va="center", fontsize=10, fontweight="bold")
    # 'FY' above the two-digit year, so that 17 columns stay legible at page width without touching.
    ax.set_xticks(np.arange(grid.shape[1]) + 0.5, [str(label).replace("FY", "FY\n") for label in grid.columns],
                  fontsize=8.5, linespacing=1.0)
    ax.set_yticks(np.arange(grid.shape[0]) + 0.5, grid.index, fontsize=9.5)
    for label in ax.get_yticklabels():
        if label.get_text() == chosen:
            label.set_fontweight("bold")
    ax.invert_yaxis()
    ax.set_xlim(0, grid.shape[1])
    chart.shade_decisions({column + 0.5: signed[label] for column, label in enumerate(grid.columns) if label in signed})
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(length=0)
    handles = [Patch(facecolor=color, edgecolor="#BBBBBB", lw=0.5, label=label)
               for status, label, color in MAJORS_CATEGORIES if status]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.075), ncols=2, fontsize=9,
              handlelength=1.4, columnspacing=1.2)
    plotted = grid.reset_index()
    note = ("Outlined cells: " + "; ".join(f"({mark}) {country} {fy}: {why}"
                                           for (country, fy), (mark, why) in highlight.items()) + "."
            if highlight else "")
    if chosen in list(grid.index):
        note = (note + " " if note else "") + f"Row in bold: {chosen}, the country this chapter follows."
    chart.show(sources=["majors_list"], data=plotted, note=note)


def overdose_rates(rates: pd.DataFrame, start: int, end: int, *, title: str, subtitle: str, alt: str,
                   events: list[str]) -> None:
    """Age-adjusted overdose death rates by drug class."""
    chart = charts.Chart(theme=THEME, name="overdose_rates_by_drug", title=title, subtitle=subtitle, alt=alt,
                         time_axis="year", height=3.4)
    ax = chart.ax
    styles = {
        "all drug overdose": (COLORS["black"], "o", "All drug overdoses"),
        "synthetic opioids other than methadone": (COLORS["vermillion"], "s", "Synthetic opioids (mainly fentanyl)"),
        "heroin": (COLORS["purple"], "^", "Heroin"),
        "cocaine": (COLORS["blue"], "D", "Cocaine"),
        "psychostimulants": (COLORS["green"], "v", "Psychostimulants (mainly methamphetamine)"),
    }
    for drug, (color, marker, label) in styles.items():
        if drug not in rates:
            continue
        series = _on_full_years(rates[drug].dropna(), start, end)
        ax.plot(list(series.index), series, color=color, marker=marker, ms=3, label=label)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("Deaths per 100,000")
    _year_limits(ax, start, end)
    _legend_below(ax, ncols=3)
    chart.mark_events(events)
    plotted = rates[[drug for drug in styles if drug in rates]].loc[start:end].reset_index()
    chart.show(sources=["overdose_deaths"], data=plotted,
               note="Breaks in a line are years not in the tables we hold. Classes overlap: one death can involve several drugs.")


def demand_and_production_indexed(deaths: pd.Series, production: pd.Series, base_year: int, start: int, end: int,
                                  *, title: str, subtitle: str, alt: str, events: list[str],
                                  production_label: str = "Colombia: potential cocaine production (UNODC)",
                                  drawn: dict[str, set[str]] | None = None) -> None:
    """Cocaine-involved death rate and Colombian production, both indexed to the base year."""
    chart = _Chart(theme=THEME, name="demand_and_production_indexed", title=title, subtitle=subtitle,
                   alt=alt, time_axis="year", height=3.3, drawn=drawn)
    ax = chart.ax
    ax.axhline(100, color="#999999", lw=0.8)
    full_production = _on_full_years(production, start, end)
    full_deaths = _on_full_years(deaths, start, end)
    ax.plot(list(full_production.index), full_production, color=COLORS["orange"], marker="s", ms=3.2,
            label=production_label)
    ax.plot(list(full_deaths.index), full_deaths, color=COLORS["blue"], marker="D", ms=3.2,
            label="US: cocaine-involved overdose death rate (NCHS)")
    ax.set_ylim(bottom=0)
    ax.set_ylabel(f"Index, {base_year} = 100")
    _year_limits(ax, start, end)
    _legend_below(ax, ncols=1)
    chart.mark_events(events)
    plotted = pd.concat({"production_index": production, "cocaine_death_rate_index": deaths}, axis=1)
    plotted.index.name = "year"
    chart.show(sources=["cocaine_production", "overdose_deaths"], data=plotted.reset_index())
