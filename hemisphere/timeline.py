"""The cross-theme timeline: every event of the register in a period, one lane per theme."""

from __future__ import annotations

import pandas as pd

from hemisphere import charts, events, themes as registry

# Events of no one theme (`theme=general` in the register) get a lane after the themes'.
GENERAL_LANE = ("general", "General")


def lanes() -> dict[str, str]:
    """Lane id -> label: each theme's lane from the registry, then the general lane."""
    return dict(registry.lanes(), **dict([GENERAL_LANE]))


def lane_colours() -> dict[str, str]:
    """Lane id -> colour: each theme's registry colour; the general lane grey."""
    colours = {theme.id: theme.hex for theme in registry.all_themes()}
    return dict(colours, **{GENERAL_LANE[0]: charts.COLORS["grey"]})


def __getattr__(name: str):
    """`timeline.LANES`, read from the theme registry when asked."""
    if name == "LANES":
        return lanes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def timeline_events(start, end, themes: list[str] | None = None) -> pd.DataFrame:
    """The register's events in [start, end] for the chosen themes, in date order."""
    known = lanes()
    chosen = themes or list(known)
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        raise ValueError(f"unknown theme(s) for the timeline: {', '.join(unknown)}; themes: {', '.join(known)}")
    return events.select(theme=chosen, start=start, end=end)


def _title(selected: pd.DataFrame, start, end) -> str:
    """The count and the span the events actually cover, not just the period asked for."""
    if selected.empty:
        return f"No event in the register between {pd.Timestamp(start):%B %Y} and {pd.Timestamp(end):%B %Y}"
    first, last = selected["date"].min(), selected["date"].max()
    busiest = selected["theme"].value_counts().idxmax()
    return (f"{len(selected)} dated events from {first:%B %Y} to {last:%B %Y}; "
            f"{lanes()[busiest]} has the most")


def draw_timeline(start, end, themes: list[str] | None = None, name: str = "policy_timeline") -> pd.DataFrame:
    """Draw the lanes and return the events drawn (so callers can list them and tests can count them)."""
    selected = timeline_events(start, end, themes)
    labels, colours = lanes(), lane_colours()
    drawn = [theme for theme in labels if theme in set(selected["theme"])] or list(themes or labels)[:1]
    counts = selected.groupby("theme").size()
    chart = charts.Chart(
        theme="overview", name=name,
        title=_title(selected, start, end),
        subtitle="Each mark is a dated event in the report's register: US decisions, designations and strikes, "
                 "and the regional events they answered",
        alt=f"Timeline with one lane per theme ({', '.join(labels[t] for t in drawn)}); marks show "
            f"{len(selected)} dated events from {pd.Timestamp(start):%Y-%m-%d} to {pd.Timestamp(end):%Y-%m-%d}.",
        time_axis="date", height=0.55 * len(drawn) + 0.8,
    )
    ax = chart.ax
    for row_number, theme in enumerate(drawn):
        dates = selected.loc[selected["theme"] == theme, "date"]
        ax.scatter(dates, [row_number] * len(dates), s=22, color=colours[theme],
                   edgecolor="white", linewidth=0.5, zorder=3)
    ax.set_yticks(range(len(drawn)), [f"{labels[t]} ({counts.get(t, 0)})" for t in drawn])
    ax.set_ylim(len(drawn) - 0.5, -0.7)
    ax.set_xlim(pd.Timestamp(start), pd.Timestamp(end))
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    ax.grid(axis="y", visible=False)
    chart.show(sources=["events"], data=selected[["date", "theme", "country", "label", "kind", "source_url"]])
    return selected
