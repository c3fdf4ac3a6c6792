"""The chart contract: every chart in the report is made, labelled, saved and shown here.

A chart states its finding in the title, its units in the subtitle, and its sources in a line
built from the data catalogue; US administrations are shaded on time axes and policy events
from the register are marked with a numbered key (fiscal-year charts are shaded, bar by bar,
for the administration that requested that year's budget, see `budget_administration`, or by
date with `fiscal_shading="date"` for counts of events; a grid whose columns are decisions gets
a band naming the administration that made each, see `shade_decisions`).
Colours come from the Okabe-Ito palette, which stays distinguishable for the common forms of
colour-blindness. Files are written byte-identically from run to run so that re-rendering
makes no diff.

Usage::

    chart = Chart(theme="eradication", name="coca_cultivation_estimators",
                  title="...finding...", subtitle="Hectares, by estimator",
                  alt="Line chart of ...", time_axis="year")
    chart.ax.plot(years, hectares, color=COLORS["blue"], label="UNODC")
    chart.mark_events(["colombia_decertification_threat_2017"])
    chart.show(sources=["coca_cultivation"], data=plotted)
"""

from __future__ import annotations

import base64
import html
import re
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.dates as mdates
import matplotlib.patches
import matplotlib.text
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from hemisphere import anchors, catalogue, events, paths



def __getattr__(name: str):
    """`charts.THEMES`: the chart folders, read from the theme registry (hemisphere.themes) when asked."""
    if name == "THEMES":
        from hemisphere import themes

        return themes.chart_folders()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# "year": x in (decimal) calendar years; "date": matplotlib dates; "fiscal_year": bars centred on
# US fiscal years (FY N runs 1 October N-1 to 30 September N); None: no time axis.
TIME_AXES = ("year", "date", "fiscal_year", None)

# A4 (210 mm) less 20 mm margins either side: the chart fills the text width at 100 %.
WIDTH_INCHES = 6.7
DPI = 200

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#7F7F7F",
}
# Order for categorical series; yellow last because it is faint on white.
SERIES = [COLORS[key] for key in ("blue", "orange", "green", "vermillion", "sky", "purple", "black", "grey", "yellow")]

ADMINISTRATION_FILL = {"Democratic": "#EEF3F8", "Republican": "#F8F0E6"}
INK = "#222222"
MUTED = "#555555"

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.titlesize": 9,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.titlepad": 14,  # room for the administration labels above each panel
    "axes.labelsize": 8.5,
    "axes.labelcolor": INK,
    "axes.edgecolor": "#999999",
    "axes.linewidth": 0.7,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "axes.prop_cycle": matplotlib.cycler(color=SERIES),
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "lines.linewidth": 1.8,
    "text.parse_math": False,  # "$15 million to $50 million" is money, not mathtext
    "svg.hashsalt": "hemisphere",
    "svg.fonttype": "path",
    # Unhinted glyphs measure the same in the PNG as in the SVG, so one layout serves both files.
    "text.hinting": "no_hinting",
    "savefig.facecolor": "white",
}

# How far (inches) drawn content may reach past the figure's edge before the chart is refused.
EDGE_TOLERANCE = 0.01

_output_dir: Path | None = None


class ChartError(ValueError):
    """A chart breaks the contract (no title, no source, unknown event, bad name...)."""


def set_output_dir(directory: Path | None) -> None:
    """Where charts are written; None means the interactive scratch folder.

    The build points this at `figures/` for the report and at a run folder for variants, so
    exploring other parameters in Jupyter never overwrites the report's figures.
    """
    global _output_dir
    _output_dir = Path(directory) if directory else None


def output_dir() -> Path:
    return _output_dir or (paths.BUILD / "interactive" / "figures")


def apply_style() -> None:
    matplotlib.rcParams.update(STYLE)


def to_decimal_year(moment) -> float:
    """A date as a fractional year, so events land correctly on yearly axes."""
    stamp = pd.Timestamp(moment)
    start = pd.Timestamp(year=stamp.year, month=1, day=1)
    length = pd.Timestamp(year=stamp.year + 1, month=1, day=1) - start
    return stamp.year + (stamp - start) / length


BUDGET_REQUEST_DAY = events.BUDGET_REQUEST_DAY
BUDGET_SHADING_NOTE = ("Each fiscal year FY N is shaded for the administration that requested its budget "
                       "(in office on 1 February of year N-1).")
budget_administration = events.budget_administration


def to_fiscal_position(moment) -> float:
    """A date on an axis whose bars sit on US fiscal years: FY N spans N-0.5 to N+0.5.

    Why: budget and aid bars are drawn per fiscal year (1 October to 30 September), so an
    inauguration on 20 January falls about 30% of the way into the year's bar, not at its edge.
    """
    stamp = pd.Timestamp(moment)
    fiscal_year = stamp.year + (1 if stamp.month >= 10 else 0)
    start = pd.Timestamp(year=fiscal_year - 1, month=10, day=1)
    length = pd.Timestamp(year=fiscal_year, month=10, day=1) - start
    return fiscal_year - 0.5 + (stamp - start) / length


class Chart:
    """One report chart: a matplotlib figure plus the contract's title, shading, events and source."""

    def _ipython_display_(self) -> None:
        """Shown by `show()` only: a chart left as a cell's last value prints nothing (no repr with an address)."""

    def __repr__(self) -> str:
        return f"<Chart {self.theme}/{self.name}>"

    def __init__(self, theme: str, name: str, title: str, subtitle: str, alt: str,
                 time_axis: str | None = "year", nrows: int = 1, ncols: int = 1,
                 height: float = 3.6, sharex: bool = False, sharey: bool = False,
                 fiscal_shading: str = "budget"):
        from hemisphere import themes

        folders = themes.chart_folders()
        if theme not in folders:
            raise ChartError(f"chart theme {theme!r} is not one of {', '.join(folders)}")
        if not re.fullmatch(r"[a-z0-9_]+", name or ""):
            raise ChartError(f"chart name {name!r} must be lowercase letters, digits and underscores")
        for label, text in (("title", title), ("subtitle", subtitle), ("alt", alt)):
            if not text or not str(text).strip():
                raise ChartError(f"chart {name!r} needs a {label}")
        if time_axis not in TIME_AXES:
            raise ChartError(f"chart {name!r}: time_axis must be one of {TIME_AXES}")
        if fiscal_shading not in ("budget", "date"):
            raise ChartError(f"chart {name!r}: fiscal_shading must be 'budget' or 'date'")
        self.fiscal_shading = fiscal_shading
        apply_style()
        self.theme, self.name = theme, name
        self.title, self.subtitle, self.alt = str(title), str(subtitle), str(alt)
        self.time_axis = time_axis
        self.plot_height = height
        self.figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
        self.axes = self.figure.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=True)
        self.ax = self.axes if nrows * ncols == 1 else np.ravel(self.axes)[0]
        self._events = pd.DataFrame()
        self._event_axes = None
        self._shaded: dict[str, list[str]] = {}  # party -> administrations shaded, for the footer key

    # -- events -----------------------------------------------------------------------------
    def mark_events(self, chosen, axes=None) -> None:
        """Mark events (ids from data/events.csv, or a frame from `events.select`)."""
        if self.time_axis is None:
            raise ChartError(f"chart {self.name!r} has no time axis to mark events on")
        if isinstance(chosen, pd.DataFrame):
            selected = chosen
        else:
            try:
                selected = events.select(ids=list(chosen))
            except KeyError as error:
                raise ChartError(f"chart {self.name!r}: {error.args[0]}") from error
        self._events = selected.sort_values("date").reset_index(drop=True)
        self._event_axes = axes

    def _x(self, moment) -> float:
        if self.time_axis == "year":
            return to_decimal_year(moment)
        if self.time_axis == "fiscal_year":
            return to_fiscal_position(moment)
        return mdates.date2num(pd.Timestamp(moment).to_pydatetime())

    def _all_axes(self):
        return list(np.ravel(self.axes)) if not isinstance(self.axes, matplotlib.axes.Axes) else [self.axes]

    def _shade_administrations(self, ax) -> None:
        if self.time_axis == "fiscal_year" and self.fiscal_shading == "budget":
            self._shade_budget_years(ax)
            return
        low, high = ax.get_xlim()
        for row in events.administrations().itertuples():
            start = self._x(row.start_date)
            end = self._x(row.end_date) if pd.notna(row.end_date) else high
            left, right = max(start, low), min(end, high)
            if right <= left:
                continue
            ax.axvspan(left, right, color=ADMINISTRATION_FILL[row.party], zorder=-10, lw=0)
            self._name_administration(ax, row.administration, row.party, left, right, y=1.01)
        ax.set_xlim(low, high)

    def _shade_budget_years(self, ax) -> None:
        """Shade each fiscal-year bar wholly for the administration that requested its budget."""
        low, high = ax.get_xlim()
        runs: list[list] = []  # [administration, party, left, right]
        for year in range(int(np.floor(low + 0.5)), int(np.ceil(high - 0.5)) + 1):
            try:
                term = budget_administration(year)
            except KeyError:
                continue
            left, right = max(year - 0.5, low), min(year + 0.5, high)
            if right <= left:
                continue
            if runs and runs[-1][0] == term["administration"] and abs(runs[-1][3] - left) < 1e-9:
                runs[-1][3] = right
            else:
                runs.append([term["administration"], term["party"], left, right])
        for name, party, left, right in runs:
            ax.axvspan(left, right, color=ADMINISTRATION_FILL[party], zorder=-10, lw=0)
            self._name_administration(ax, name, party, left, right, y=1.01)
        ax.set_xlim(low, high)

    def _draw_events(self) -> list[tuple[int, pd.Series]]:
        """Draw markers for events inside the x-range; return the numbered ones for the key.

        Each event is a dashed line through the plot, behind the data, and a numbered badge in one
        row above the plot area (over the administrations' names), joined to the plot's top edge
        by a leader: a badge never covers a plotted line or bar. Badges of events close together
        are spread apart along the row (`spread_badges`), their leaders slanting to their events;
        a panel's own title is lifted clear of the row.
        """
        if self._events.empty:
            return []
        target_axes = self._all_axes() if self._event_axes is None else list(np.ravel(self._event_axes))
        low, high = target_axes[0].get_xlim()
        visible = [row for _, row in self._events.iterrows() if low <= self._x(row["date"]) <= high]
        keyed = list(enumerate(visible, start=1))
        for ax in target_axes:
            width_points = ax.get_position().width * self.figure.get_size_inches()[0] * 72
            at = [(self._x(row["date"]) - low) / (high - low) * width_points for _, row in keyed]
            placed = spread_badges(at, BADGE_GAP_POINTS, width_points)
            for (number, row), x_points, badge_points in zip(keyed, at, placed):
                x = self._x(row["date"])
                ax.axvline(x, color="#444444", lw=0.7, ls=(0, (3, 2)), zorder=1)
                ax.add_artist(_EventBadge(
                    str(number), xy=(x, 1.0), xycoords=ax.get_xaxis_transform(),
                    xytext=(badge_points - x_points, BADGE_STRIP_POINTS), textcoords="offset points",
                    annotation_clip=False, clip_on=False, ha="center", va="center", fontsize=6.5, color="white",
                    fontweight="bold", zorder=6,
                    bbox={"boxstyle": "circle,pad=0.22", "fc": "#444444", "ec": "none"},
                    arrowprops={"arrowstyle": "-", "color": "#777777", "lw": 0.6, "shrinkA": 0, "shrinkB": 0}))
            if keyed and any(ax.get_title(loc) for loc in ("left", "center", "right")):
                ax._set_title_offset_trans(BADGE_STRIP_POINTS + 9)
        return keyed

    def shade_decisions(self, decided: dict[float, object], ax=None, width: float = 1.0) -> None:
        """Band above a category axis, each column coloured by the administration that decided it.

        For charts whose columns are decisions rather than periods (a determination signed in
        September for the next fiscal year): `decided` maps each column's centre on the x axis
        to the date of its decision. Runs of one administration are named over the band, and
        the footer's key names them, as on time axes.
        """
        ax = self.ax if ax is None else ax
        runs: list[list] = []  # [administration, party, left, right]
        for centre, moment in sorted(decided.items()):
            try:
                term = events.administration_on(moment)
            except KeyError as error:
                raise ChartError(f"chart {self.name!r}: {error.args[0]}") from error
            left, right = centre - width / 2, centre + width / 2
            if runs and runs[-1][0] == term["administration"] and abs(runs[-1][3] - left) < 1e-9:
                runs[-1][3] = right
            else:
                runs.append([term["administration"], term["party"], left, right])
        for name, party, left, right in runs:
            ax.add_patch(matplotlib.patches.Rectangle(
                (left, 1.012), right - left, 0.035, transform=ax.get_xaxis_transform(), clip_on=False, lw=0.5,
                fc=ADMINISTRATION_FILL[party], ec="#BBBBBB"))
            self._name_administration(ax, name, party, left, right, y=1.055)

    def _name_administration(self, ax, name: str, party: str, left: float, right: float, y: float) -> None:
        """Note a shaded administration for the footer's key; label it above the plot where it fits."""
        named = self._shaded.setdefault(party, [])
        if name not in named:
            named.append(name)
        low, high = ax.get_xlim()
        span_inches = (right - left) / abs(high - low) * ax.get_position().width * WIDTH_INCHES
        if span_inches > 0.055 * len(name):  # room for the name at 6.5 pt
            # A white halo keeps the name legible where an event's leader line crosses it.
            from matplotlib import patheffects

            ax.text((left + right) / 2, y, name, transform=ax.get_xaxis_transform(),
                    ha="center", va="bottom", fontsize=6.5, color="#8A8A8A", clip_on=False, zorder=6,
                    path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])

    # -- finishing --------------------------------------------------------------------------
    def source_line(self, sources: list[str]) -> str:
        """The chart's source line: the publishers of the rows `show(data=...)` was given (all without data)."""
        return source_text(sources, f"Chart data: report_data/{self.theme}/{self.name}.csv",
                           data=getattr(self, "_credited_rows", None))

    def show(self, sources: list[str], data: pd.DataFrame | None = None, note: str | None = None) -> None:
        """Finish, save (svg, png, csv) and display the chart."""
        if not sources:
            raise ChartError(f"chart {self.name!r} needs at least one source table")
        for name in sources:
            try:
                catalogue.resource(name)
            except catalogue.CatalogueError as error:
                raise ChartError(f"chart {self.name!r}: {error}") from error
        if data is not None and not isinstance(data, pd.DataFrame):
            raise ChartError(f"chart {self.name!r}: data must be a DataFrame of the plotted values")
        if data is not None:
            check_claimed_period(self.name, f"{self.title} {self.subtitle}", data)
        # The source line credits only the catalogue sources whose rows `data` holds (catalogue.credited).
        self._credited_rows = data
        if self.time_axis is not None:
            for ax in self._all_axes():
                self._shade_administrations(ax)
                if self.time_axis in ("year", "fiscal_year"):
                    _whole_year_ticks(ax)
        keyed = self._draw_events()
        self._lay_out(sources, keyed, note)
        png = self._save(data)
        # The caption repeats the image's own source line (a chart may credit only the rows it drew).
        caption = self.source_line(sources).split(". Chart data: ")[0]
        href = f"report_data/{self.theme}/{self.name}.csv" if data is not None else ""
        _display_image(png, self.alt, f"chart-{self.theme}-{self.name}", caption, href)

    def _lay_out(self, sources, keyed, note) -> None:
        title_lines = textwrap.wrap(self.title, 66)
        subtitle_lines = textwrap.wrap(self.subtitle, 95)
        key_text = "   ".join(f"({n}) {row['date'].day} {row['date']:%b %Y}: {row['label']}" for n, row in keyed)
        key_lines = textwrap.wrap(key_text, 118) if key_text else []
        if self.time_axis == "fiscal_year" and self.fiscal_shading == "budget" and self._shaded:
            note = f"{note} {BUDGET_SHADING_NOTE}" if note else BUDGET_SHADING_NOTE
        foot_lines = textwrap.wrap(note or "", 135) + textwrap.wrap(self.source_line(sources), 135)
        shading_row = 0.2 if self._shaded else 0.0
        top = 0.12 + 0.21 * len(title_lines) + 0.17 * len(subtitle_lines) + 0.06
        bottom = 0.08 + 0.14 * len(key_lines) + 0.125 * len(foot_lines) + shading_row + 0.06
        total = self.plot_height + top + bottom
        self.figure.set_size_inches(WIDTH_INCHES, total)
        y = total - 0.12
        for line in title_lines:
            self.figure.text(0.012, y / total, line, fontsize=11.5, fontweight="bold", color=INK, va="top")
            y -= 0.21
        for line in subtitle_lines:
            self.figure.text(0.012, y / total, line, fontsize=9, color=MUTED, va="top")
            y -= 0.17
        y = 0.08 + 0.125 * len(foot_lines)
        for line in foot_lines:
            self.figure.text(0.012, y / total, line, fontsize=6.5, color=MUTED, va="top")
            y -= 0.125
        y = 0.08 + 0.125 * len(foot_lines) + 0.14 * len(key_lines) + 0.02
        for line in key_lines:
            self.figure.text(0.012, y / total, line, fontsize=7, color=INK, va="top")
            y -= 0.14
        if self._shaded:
            self._draw_shading_key((0.08 + 0.125 * len(foot_lines) + 0.14 * len(key_lines) + 0.17) / total)
        # rect is (left, bottom, width, height): the axes fill what the texts leave free.
        self.figure.set_layout_engine("constrained", rect=(0, bottom / total, 1, 1 - (top + bottom) / total),
                                      h_pad=0.04, w_pad=0.04)

    def _draw_shading_key(self, y: float) -> None:
        """Name the shaded administrations, so every band is identified even where too narrow to label."""
        renderer = self.figure._get_renderer()  # the Agg renderer of a pyplot-free Figure
        text = self.figure.text(0.012, y, "Shaded:", fontsize=7, color=INK, va="center")
        for party in ("Republican", "Democratic"):
            names = self._shaded.get(party)
            if not names:
                continue
            x = text.get_window_extent(renderer).x1 / self.figure.bbox.width + 0.02
            text = self.figure.text(x, y, f"{' and '.join(names)} ({party})", fontsize=7, color=INK, va="center",
                                    bbox={"boxstyle": "square,pad=0.3", "fc": ADMINISTRATION_FILL[party],
                                          "ec": "#BBBBBB", "lw": 0.5})

    def _save(self, data: pd.DataFrame | None) -> bytes:
        folder = output_dir() / self.theme
        folder.mkdir(parents=True, exist_ok=True)
        stem = folder / self.name
        # The raster drawing settles the layout; frozen, it spares the vector drawing both the
        # layout pass and the trial drawing savefig makes whenever a layout engine is set.
        _write_opaque_png(self.figure, stem.with_suffix(".png"))
        self._check_inside_figure()
        self.figure.set_layout_engine(None)  # not "none": its placeholder engine still triggers that trial
        self.figure.savefig(stem.with_suffix(".svg"), format="svg", metadata={"Date": None})
        _stable_clip_ids(stem.with_suffix(".svg"))
        if data is not None:
            data.to_csv(stem.with_suffix(".csv"), index=False, lineterminator="\n")
        return stem.with_suffix(".png").read_bytes()

    def _check_inside_figure(self) -> None:
        """Refuse a chart whose labels or legend run past the figure's edge (cut off in the files)."""
        drawn = self.figure.get_tightbbox(self.figure.canvas.get_renderer())
        width, height = self.figure.get_size_inches()
        over = max(-drawn.x0, -drawn.y0, drawn.x1 - width, drawn.y1 - height)
        if over > EDGE_TOLERANCE:
            raise ChartError(f"chart {self.name!r}: content runs {over:.2f} in past the figure's edge "
                             f"(drawn {drawn.x0:.2f}-{drawn.x1:.2f} x {drawn.y0:.2f}-{drawn.y1:.2f} in, "
                             f"figure {width:.2f} x {height:.2f} in); move or shorten the legend or labels")


CLAIMED_PERIOD = re.compile(r"\bdata to (?P<label>(?:FY\s?)?\d{4}|[A-Z][a-z]+ \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})")
TIME_COLUMNS = ("date", "month", "year", "fiscal_year", "period_end", "tally_date", "snapshot_date")


def check_claimed_period(name: str, text: str, data: pd.DataFrame) -> None:
    """Refuse a title or subtitle that says 'data to X' when the plotted data stop before X.

    Why: a subtitle claiming more currency than its chart has is a false statement about the
    data, whatever parameters the reader chose. Checked against the plotted data's own time
    columns (date, month, year, fiscal_year...); a chart without one is not checked.
    """
    claimed = CLAIMED_PERIOD.search(text)
    columns = [c for c in TIME_COLUMNS if c in data.columns and data[c].notna().any()]
    if not claimed or not columns:
        return
    label = claimed["label"]
    if label.startswith("FY"):
        claimed_end = pd.Timestamp(year=int(label[2:].strip()), month=9, day=30)
    elif label.isdigit():
        claimed_end = pd.Timestamp(year=int(label), month=1, day=1)  # any figure in that year reaches it
    elif label[0].isdigit():
        claimed_end = pd.Timestamp(label)
    else:
        claimed_end = pd.Timestamp(f"1 {label}")
    reached = []
    for column in columns:
        values = data[column].dropna()
        if column in ("year", "fiscal_year") or pd.api.types.is_numeric_dtype(values):
            last = int(values.max())
            reached.append(pd.Timestamp(year=last, month=9, day=30) if column == "fiscal_year"
                           else pd.Timestamp(year=last, month=12, day=31))
        else:
            reached.append(pd.Timestamp(values.max()) + (pd.offsets.MonthEnd(0) if column == "month" else pd.Timedelta(0)))
    if max(reached) < claimed_end:
        raise ChartError(f"chart {name!r} says 'data to {label}' but its plotted data stop at {max(reached):%Y-%m-%d}")


# Where event badges sit: their centres this many points above the plot's top edge (clear of the
# administrations' names), at least BADGE_GAP_POINTS apart along the row.
BADGE_STRIP_POINTS = 17
BADGE_GAP_POINTS = 12


def spread_badges(at: list[float], gap: float, width: float) -> list[float]:
    """Positions along a row for badges wanted at `at` (sorted, in points).

    Each group of badges closer than `gap` is spread `gap` apart around its members' mean and
    kept within 0..width; groups merge as they meet. A badge with room stays over its event.
    """
    def clamp(count: int, centre: float) -> float:
        half = (count - 1) * gap / 2
        return min(max(centre, half), width - half) if 2 * half <= width else width / 2

    groups: list[list] = []  # [count, centre]
    for wanted in at:
        groups.append([1, clamp(1, wanted)])
        while len(groups) > 1:
            (n1, c1), (n2, c2) = groups[-2], groups[-1]
            if c1 + (n1 - 1) * gap / 2 + gap <= c2 - (n2 - 1) * gap / 2 + 1e-9:
                break
            groups[-2:] = [[n1 + n2, clamp(n1 + n2, (c1 * n1 + c2 * n2) / (n1 + n2))]]
    return [centre - (count - 1) * gap / 2 + k * gap for count, centre in groups for k in range(count)]


class _EventBadge(matplotlib.text.Annotation):
    """An event's numbered badge, in the strip above the plot, with a leader down to the plot's top edge."""


def _stable_clip_ids(svg: Path) -> None:
    """Number the SVG's clip paths in order of appearance.

    Why: matplotlib names a clip path that is a path (not a rectangle) by hashing its Python
    object id, a memory address; the same chart then gets different bytes from one process to
    another (a forked kernel against a fresh one). Order of appearance is the same every time.
    """
    text = svg.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for match in re.finditer(r'<clipPath id="(p[0-9a-f]{10})"', text):
        found.setdefault(match.group(1), f"clip{len(found) + 1}")
    if found:
        text = re.sub(r"\b(p[0-9a-f]{10})\b", lambda m: found.get(m.group(1), m.group(1)), text)
        svg.write_text(text, encoding="utf-8")


def _write_opaque_png(figure: Figure, path: Path) -> None:
    """RGB without alpha: charts sit on white, and an alpha channel doubles the PDF writer's work."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    pixels = np.ascontiguousarray(np.asarray(canvas.buffer_rgba())[:, :, :3])
    # Level 3 compresses within 2 % of the default level 6 in two thirds of the time.
    Image.fromarray(pixels).save(path, format="png", compress_level=3)


def source_text(sources: list[str], data_note: str = "", limit: int = 3 * 135,
                data: pd.DataFrame | None = None) -> str:
    """'Source: publisher, title; ...' from the catalogue, shortened to publishers when too long.

    With `data` (the rows drawn or shown), only the sources whose `rows:` selector covers a row of
    it are named (`catalogue.credited`); a source without a selector, or whose selecting columns
    `data` lacks, is always named.
    """
    tail = f". {data_note}" if data_note else ""
    full = "Source: " + "; ".join(catalogue.source_entries(sources, data)) + tail
    if len(full) <= limit:
        return full
    return ("Source: " + "; ".join(catalogue.publishers(sources, data)) + " (titles and addresses in the appendix)"
            + tail)


def _whole_year_ticks(ax) -> None:
    """Years as 2017, never 2017.5 or 2,017 (ticks a view placed itself, such as 'FY17', are kept)."""
    if isinstance(ax.xaxis.get_major_locator(), matplotlib.ticker.FixedLocator):
        return
    # min_n_ticks=1: on a one- or two-year axis the locator would otherwise fall back to
    # fractional steps, printed as the same year several times.
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, steps=[1, 2, 5, 10], min_n_ticks=1))
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda value, _: f"{value:.0f}"))


# The page embeds a lighter copy of each chart (the full PNG stays in figures/ and goes into the
# PDF): this wide in pixels (the page column is 48rem, about 770 CSS pixels), in a 64-colour palette.
EMBED_WIDTH_PX = 720
EMBED_COLOURS = 64


def embedded_png(png: bytes) -> bytes:
    """The chart as the HTML page carries it: narrower, palette colours, deterministic bytes."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        image = image.convert("RGB")
        height = round(image.height * EMBED_WIDTH_PX / image.width)
        small = image.resize((EMBED_WIDTH_PX, height), Image.Resampling.LANCZOS)
    palette = small.quantize(EMBED_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, format="png", compress_level=6)
    return buffer.getvalue()


def _display_image(png: bytes, alt: str, anchor: str, caption: str = "", data_href: str = "") -> None:
    """The chart as a figure: a light embedded image, and its source line again as selectable text."""
    from IPython.display import HTML, display

    encoded = base64.b64encode(embedded_png(png)).decode("ascii")
    link = (f' <a class="chart-data" href="{html.escape(data_href, quote=True)}">Chart data (CSV)</a>'
            if data_href else "")
    figcaption = f'<figcaption class="source-line">{html.escape(caption)}{link}</figcaption>' if caption else ""
    display(HTML(
        f'<figure class="chart {anchors.png_token(png)}" id="{anchor}">'
        f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt, quote=True)}" '
        f'loading="lazy" decoding="async" />{figcaption}'
        f"</figure>"
    ))


# Columns that hold years: printed as 2019, never 2,019.
YEAR_COLUMN = re.compile(r"(?i)(^|[_ ])(year|years|fy|fiscal[_ ]year)($|[_ ])|^year")


def _format_cell(value, fmt: str | None, column: str = "") -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "\u2014"
    if fmt:
        return fmt.format(value)
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    is_year = bool(YEAR_COLUMN.search(str(column)))
    if isinstance(value, (int, np.integer)):
        return str(int(value)) if is_year else f"{value:,}"
    if isinstance(value, (float, np.floating)):
        if is_year and float(value).is_integer():
            return str(int(value))
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return str(value)


# A table kept whole on one page: at most this many rows and this many printed lines.
SHORT_TABLE_ROWS = 15
SHORT_TABLE_LINES = 30
# Characters across the text width at the tables' print size, shared among the columns.
TABLE_LINE_CHARACTERS = 110
IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)+")


def humanise(text: str, header: bool = False) -> str:
    """Data names as words for readers: 'fiscal_year' -> 'Fiscal year', 'court_ruling' -> 'court ruling'."""
    if not IDENTIFIER.fullmatch(text) and not (header and re.fullmatch(r"[a-z]+", text)):
        return text
    words = text.replace("_", " ")
    return words[0].upper() + words[1:] if header else words


def printed_lines(table: pd.DataFrame) -> int:
    """Rough count of the lines a table takes in print, header included.

    Why: a table kept whole must fit on a page; a dozen rows of wrapped sentences do not,
    and then the caption is stranded on one page and the table pushed to the next.
    """
    width = max(8, TABLE_LINE_CHARACTERS // max(1, len(table.columns)))

    def lines(texts) -> int:
        return max([1] + [-(-len(text) // width) for text in texts])

    header = lines(humanise(str(column), header=True) for column in table.columns)
    return header + sum(lines(humanise(_format_cell(value, None)) for value in row)
                        for row in table.itertuples(index=False))


def show_table(table: pd.DataFrame, caption: str, sources: list[str], theme: str | None = None,
               name: str | None = None, formats: dict[str, str] | None = None,
               source: str | None = None) -> None:
    """Display a reader-facing table with its caption and source line (and save its CSV).

    The source line names the catalogue sources of `sources` whose rows the table shows (as a
    chart's does, `catalogue.credited`). `source`, when given, replaces it (a 'Source: ...' text
    written by the caller); the table-data note is appended to it either way.
    """
    from IPython.display import HTML, display

    if not caption:
        raise ChartError("a table needs a caption")
    if not sources:
        raise ChartError(f"table {caption!r} needs at least one source table")
    formats = formats or {}
    head = "".join(f"<th>{html.escape(humanise(str(column), header=True))}</th>" for column in table.columns)
    body = "".join(
        "<tr>" + "".join(
            f"<td>{html.escape(humanise(_format_cell(value, formats.get(column), str(column))))}</td>"
            for column, value in zip(table.columns, row)
        ) + "</tr>"
        for row in table.itertuples(index=False)
    )
    data_note = ""
    if theme and name:
        folder = output_dir() / theme
        folder.mkdir(parents=True, exist_ok=True)
        table.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
        data_note = f"Table data: report_data/{theme}/{name}.csv"
    source = ((source + (f". {data_note}" if data_note else "")) if source
              else source_text(sources, data_note, limit=600, data=table))
    # Short tables stay on one page; long ones break between rows and repeat their header.
    size = "short" if len(table) <= SHORT_TABLE_ROWS and printed_lines(table) <= SHORT_TABLE_LINES else "long"
    # The block keeps a short table with its caption and source line when the page breaks.
    display(HTML(
        f'<div class="table-block {size}"><table class="data-table {size}"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f'<p class="source-line">{html.escape(source)}</p></div>'
    ))
