"""The cross-theme timeline: every event of the register in a period, one lane per theme."""

from __future__ import annotations

import pandas as pd

from hemisphere import charts, events

LANES = {
    "eradication": "Eradication pressure",
    "northern_triangle": "Northern Triangle",
    "venezuela": "Venezuela sanctions",
    "terrorist_designation": "Terrorist designation",
    "general": "General",
}


def timeline_events(start, end, themes: list[str] | None = None) -> pd.DataFrame:
    """The register's events in [start, end] for the chosen themes, in date order."""
    chosen = themes or list(LANES)
    unknown = sorted(set(chosen) - set(LANES))
    if unknown:
        raise ValueError(f"unknown theme(s) for the timeline: {', '.join(unknown)}; themes: {', '.join(LANES)}")
    return events.select(theme=chosen, start=start, end=end)


def _title(selected: pd.DataFrame, start, end) -> str:
    """The count and the span the events actually cover, not just the period asked for."""
    if selected.empty:
        return f"No event in the register between {pd.Timestamp(start):%B %Y} and {pd.Timestamp(end):%B %Y}"
    first, last = selected["date"].min(), selected["date"].max()
    busiest = selected["theme"].value_counts().idxmax()
    return (f"{len(selected)} dated events from {first:%B %Y} to {last:%B %Y}; "
            f"{LANES[busiest]} has the most")


def draw_timeline(start, end, themes: list[str] | None = None, name: str = "policy_timeline") -> pd.DataFrame:
    """Draw the lanes and return the events drawn (so callers can list them and tests can count them)."""
    selected = timeline_events(start, end, themes)
    lanes = [theme for theme in LANES if theme in set(selected["theme"])] or list(themes or LANES)[:1]
    counts = selected.groupby("theme").size()
    chart = charts.Chart(
        theme="overview", name=name,
        title=_title(selected, start, end),
        subtitle="Each mark is a dated event in the report's register: US decisions, designations and strikes, "
                 "and the regional events they answered",
        alt=f"Timeline with one lane per theme ({', '.join(LANES[t] for t in lanes)}); marks show "
            f"{len(selected)} dated events from {pd.Timestamp(start):%Y-%m-%d} to {pd.Timestamp(end):%Y-%m-%d}.",
        time_axis="date", height=0.55 * len(lanes) + 0.8,
    )
    ax = chart.ax
    for row_number, theme in enumerate(lanes):
        dates = selected.loc[selected["theme"] == theme, "date"]
        ax.scatter(dates, [row_number] * len(dates), s=22, color=charts.SERIES[row_number % len(charts.SERIES)],
                   edgecolor="white", linewidth=0.5, zorder=3)
    ax.set_yticks(range(len(lanes)), [f"{LANES[t]} ({counts.get(t, 0)})" for t in lanes])
    ax.set_ylim(len(lanes) - 0.5, -0.7)
    ax.set_xlim(pd.Timestamp(start), pd.Timestamp(end))
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    ax.grid(axis="y", visible=False)
    chart.show(sources=["events"], data=selected[["date", "theme", "country", "label", "kind", "source_url"]])
    return selected
