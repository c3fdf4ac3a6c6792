"""Charts of the terrorist-designation chapter, drawn through the one chart contract.

Each function takes the tables (already cut to the chapter's parameters), computes its title
from the data it draws, states the period covered in the subtitle (`prose.data_to`) and
returns the `hemisphere.charts.Chart` after showing it, or None when there is nothing to draw.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from hemisphere import charts
from hemisphere.terrorist_designation import fto_list
from hemisphere.prose import data_to, day, num, plural, signed

THEME = "terrorist_designation"
# First Mérida funds were appropriated in June 2008 (FY2008 supplemental); its first years, per CRS R40135.
MERIDA_EARLY = (2008, 2012)


def transfers_chart(batches: pd.DataFrame, as_of):
    """Bars of each mass transfer of prisoners from Mexico, with the running total."""
    as_of = pd.Timestamp(as_of)
    done = batches[batches["date"] <= as_of].sort_values("date").copy()
    if done.empty:
        return None
    done["running_total"] = done["people"].cumsum()
    last = done.iloc[-1]
    title = (f"Mexico sent {plural(int(last['running_total']), 'prisoner')} to the United States in "
             f"{plural(len(done), 'mass transfer')}" + (f", the largest {num(done['people'].max())} on "
                                                        f"{day(done.loc[done['people'].idxmax(), 'date'])}"
                                                        if len(done) > 1 else f" on {day(last['date'])}"))
    chart = charts.Chart(theme=THEME, name="mexico_cartel_transfers", title=title,
                         subtitle=f"People per transfer (bars) and running total (line); {data_to(last['date'], 'day')}",
                         alt=f"Bar chart of {len(done)} transfers of alleged cartel figures from Mexico to the United States "
                             f"between {day(done['date'].min())} and {day(last['date'])}, with a running total.",
                         time_axis="date", height=2.8)
    ax = chart.ax
    # Bars in front of the dashed event lines, their counts written inside them: a count above a bar
    # would sit on the running-total line (the first batch is the running total) or on an event line.
    ax.bar(done["date"], done["people"], width=12, color=charts.COLORS["blue"], label="people in the transfer",
           zorder=2)
    for row in done.itertuples():
        ax.text(row.date, row.people / 2, num(row.people), ha="center", va="center", fontsize=6.5,
                color="white", fontweight="bold", zorder=3)
    ax.step(list(done["date"]) + [max(as_of, last["date"]) + pd.Timedelta(days=10)],
            list(done["running_total"]) + [last["running_total"]], where="post", color=charts.COLORS["orange"],
            label="running total")
    ax.set_ylim(0, done["running_total"].max() * 1.35)
    ax.set_ylabel("people")
    ax.set_xlim(pd.Timestamp("2025-01-01"), max(as_of, last["date"]) + pd.Timedelta(days=20))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    # The legend sits right of the February-March 2025 event lines, above the running total.
    ax.legend(loc="upper left", bbox_to_anchor=(0.16, 1.0), ncol=2, fontsize=7, frameon=False)
    chart.mark_events([e for e in ("terrorist_designation_eight_groups_fto_2025",
                                   "terrorist_designation_mexico_tariff_in_effect_2025",
                                   "terrorist_designation_ieepa_tariffs_struck_down_2026")
                       if _event_date(e) <= max(as_of, last["date"])])
    chart.show(sources=["mexico_cartel_transfers"], data=done[["date", "people", "running_total"]])
    return chart


def _event_date(event_id: str) -> pd.Timestamp:
    from hemisphere import events

    return events.load().set_index("event_id").loc[event_id, "date"]


def tariff_chart(tariffs: pd.DataFrame, as_of):
    """Step chart of the IEEPA fentanyl duty on Mexican goods, outside and inside the USMCA."""
    as_of = pd.Timestamp(as_of)
    known = tariffs[tariffs["date"] <= as_of].sort_values("date")
    if known.empty:
        return None
    enacted = known[known["action"] != "threatened"]
    threats = known[known["action"] == "threatened"]
    end = max(as_of, known["date"].max()) + pd.Timedelta(days=30)
    now = enacted.iloc[-1]
    high = enacted["rate_non_usmca_pct"].max()
    title = (f"The fentanyl tariff on Mexican goods outside the USMCA reached {num(high)}% and stood at "
             f"{num(now['rate_non_usmca_pct'])}% on {day(min(as_of, end))}")
    chart = charts.Chart(theme=THEME, name="mexico_fentanyl_tariff",
                         title=title,
                         subtitle=f"Additional US duty under IEEPA, percent; threatened rates as markers; {data_to(known['date'].max(), 'day')}",
                         alt="Step chart of the additional US duty on Mexican goods justified by fentanyl, for goods outside "
                             "and inside the USMCA, with the threatened 30% rate as a marker.",
                         time_axis="date", height=2.8)
    ax = chart.ax
    # An ordered duty is not yet in force: the step starts when it took effect.
    in_force = enacted[enacted["action"] != "ordered"]
    if not in_force.empty:
        xs = list(in_force["date"]) + [end]
        ax.step(xs, list(in_force["rate_non_usmca_pct"]) + [in_force["rate_non_usmca_pct"].iloc[-1]], where="post",
                color=charts.COLORS["vermillion"], label="goods outside the USMCA")
        usmca = in_force["rate_usmca_pct"].fillna(in_force["rate_non_usmca_pct"])
        ax.step(xs, list(usmca) + [usmca.iloc[-1]], where="post", color=charts.COLORS["blue"], ls="--",
                label="goods qualifying under the USMCA")
    ordered = enacted[enacted["action"] == "ordered"]
    if not ordered.empty:
        ax.scatter(ordered["date"], ordered["rate_non_usmca_pct"], marker="o", facecolors="white",
                   edgecolors=charts.COLORS["vermillion"], zorder=3, label="ordered, not yet in force")
    if not threats.empty:
        ax.scatter(threats["date"], threats["rate_non_usmca_pct"], marker="^", color=charts.COLORS["black"], zorder=3,
                   label="threatened (never in force)")
    ax.set_ylim(0, 40)
    ax.set_ylabel("percent")
    ax.set_xlim(pd.Timestamp("2025-01-01"), end)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.legend(loc="upper right", fontsize=6.5, frameon=False)
    chart.show(sources=["mexico_fentanyl_tariffs"], data=known[["date", "action", "rate_non_usmca_pct", "rate_usmca_pct"]],
               note="Sector duties under Section 232 (autos, steel, aluminium, copper) are separate and not drawn.")
    return chart


def mexico_aid_chart(aid: pd.DataFrame, as_of):
    """US obligations and disbursements to Mexico by fiscal year, Mérida era marked."""
    as_of = pd.Timestamp(as_of)
    from hemisphere.terrorist_designation.narrative import last_ended_fiscal_year

    rows = aid[aid["fiscal_year"] <= last_ended_fiscal_year(as_of)]
    wide = rows.pivot_table(index="fiscal_year", columns="measure", values="amount_usd", aggfunc="sum")
    if wide.empty or "obligations" not in wide:
        return None
    full = rows[(rows["measure"] == "obligations") & ~rows["partial_year"]]
    peak = full.loc[full["amount_usd"].idxmax()] if len(full) else rows.iloc[-1]
    title = (f"US aid obligations to Mexico peaked at ${num(peak['amount_usd'] / 1e6)} million in "
             f"FY{int(peak['fiscal_year'])}" + (", in the Mérida Initiative's early years"
                                                 if MERIDA_EARLY[0] <= peak["fiscal_year"] <= MERIDA_EARLY[1] else ""))
    chart = charts.Chart(theme=THEME, name="mexico_us_aid", title=title,
                         subtitle=f"US foreign assistance to Mexico, all agencies and sectors, million current dollars; "
                                  f"{data_to(int(wide.index.max()), 'fiscal_year')}"
                                  + (" (last year partial)" if rows.loc[rows["fiscal_year"] == wide.index.max(),
                                                                        "partial_year"].any() else ""),
                         alt="Bar and line chart of US obligations and disbursements of foreign assistance to Mexico by "
                             "fiscal year.", time_axis="fiscal_year", height=2.8)
    ax = chart.ax
    partial = set(rows.loc[rows["partial_year"], "fiscal_year"])
    colours = [charts.COLORS["sky"] if year in partial else charts.COLORS["blue"] for year in wide.index]
    ax.bar(wide.index, wide["obligations"] / 1e6, color=colours, width=0.8, label="obligations")
    if "disbursements" in wide:
        ax.plot(wide.index, wide["disbursements"] / 1e6, color=charts.COLORS["orange"], marker="o", ms=2.5,
                label="disbursements")
    ax.set_ylabel("$ million")
    ax.legend(loc="upper left", fontsize=7, frameon=False)
    chosen = [e for e in ("terrorist_designation_merida_first_funds_2008", "terrorist_designation_bicentennial_framework_2021",
                          "terrorist_designation_eight_groups_fto_2025")
              if _event_date(e) <= as_of]
    if chosen:
        chart.mark_events(chosen)
    chart.show(sources=["us_aid"], data=wide.reset_index(),
               note=("Light bars: fiscal year only partly reported in the download. " if partial & set(wide.index) else "")
               + "Totals cover all sectors, not only security aid.")
    return chart


def reconciliation_chart(checks: pd.DataFrame, x_end):
    """Published total minus the list's sum on each date, as stems with dots, so agreement (zero) shows."""
    if checks.empty:
        return None
    official = checks[checks["source_kind"] == "official"]
    matched = official[official["gap"] == 0]
    title = (f"Published death tolls differ from the strike list's sum by {signed(checks['gap'].min())} "
             f"to {signed(checks['gap'].max())} people")
    if len(official):
        title += (f"; {num(len(matched))} of {plural(len(official), 'official total')} "
                  f"{'matches' if len(matched) == 1 else 'match'} it exactly")
    chart = charts.Chart(theme=THEME, name="boat_strikes_reconciliation", title=title,
                         subtitle="Published total minus the list's sum on the same date (people); a dot on the zero line is "
                                  f"an exact match; {data_to(checks['tally_date'].max(), 'day')}",
                         alt="Dot-and-stem chart of the difference between each published boat-strike death toll and the sum "
                             "of the strike list on that date, coloured by official or press source; exact matches sit on zero.",
                         time_axis="date", height=2.6)
    ax = chart.ax
    same_day = checks.groupby("tally_date").cumcount() - (checks.groupby("tally_date")["gap"].transform("size") - 1) / 2
    dates = checks["tally_date"] + pd.to_timedelta(same_day * 1.6, unit="D")
    for kind, colour, marker in (("official", charts.COLORS["vermillion"], "s"), ("press", charts.COLORS["grey"], "o")):
        chosen = checks["source_kind"] == kind
        if chosen.any():
            ax.vlines(dates[chosen], 0, checks.loc[chosen, "gap"], color=colour, lw=1.2)
            ax.scatter(dates[chosen], checks.loc[chosen, "gap"], color=colour, marker=marker, s=16, zorder=3,
                       label=f"{kind} total")
    ax.axhline(0, color=charts.COLORS["black"], lw=0.8)
    ax.set_ylabel("published minus list")
    ax.set_xlim(pd.Timestamp("2025-10-01"), x_end)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.legend(loc="upper left", fontsize=7, frameon=False)
    if checks["tally_date"].max() >= _event_date("terrorist_designation_southcom_counts_presumed_dead_2026"):
        chart.mark_events(["terrorist_designation_southcom_counts_presumed_dead_2026"])
    chart.show(sources=["boat_strike_tallies", "boat_strikes"], data=checks)
    return chart


def homicide_incidence_chart(incidence: pd.DataFrame, as_of):
    """Monthly homicide offences in case files, the 2026 register drawn apart, designations marked."""
    from hemisphere.terrorist_designation.narrative import months_known

    known = months_known(incidence, as_of)
    if len(known) < 2:
        return None
    first_register = known["register"].iloc[0]
    old = known[known["register"] == first_register]
    peak = old.loc[old["offences"].idxmax()]
    last = known.iloc[-1]
    old_last = old.iloc[-1]
    # The title compares figures of one register only: the 2026 register (RNID) is not joined to the earlier one.
    title = (f"Homicide offences in Mexican case files ({first_register}): {num(peak['offences'])} a month at the "
             f"peak ({peak['start']:%b %Y}), {num(old_last['offences'])} in {old_last['start']:%B %Y}")
    chart = charts.Chart(theme=THEME, name="mexico_homicide_incidence",
                         title=title,
                         subtitle=f"Intentional-homicide offences recorded per month, national (SESNSP); "
                                  f"{data_to(last['start'], 'month')}",
                         alt="Line chart of monthly intentional-homicide offences in Mexican prosecutors' case files from "
                             "2015, with the 2026 register drawn as a separate line.", time_axis="date", height=2.8)
    ax = chart.ax
    for (register, rows), colour in zip(known.groupby("register", sort=False),
                                        (charts.COLORS["blue"], charts.COLORS["vermillion"])):
        ax.plot(rows["start"] + pd.Timedelta(days=14), rows["offences"], color=colour, lw=1.2, label=register)
    ax.set_ylim(0, known["offences"].max() * 1.3)
    ax.set_ylabel("offences a month")
    ax.legend(loc="lower left", fontsize=7, frameon=False)
    chosen = [e for e in ("terrorist_designation_eo14157_2025", "terrorist_designation_eight_groups_fto_2025")
              if _event_date(e) <= as_of]
    if chosen:
        chart.mark_events(chosen[-1:])
    chart.show(sources=["mexico_homicide_incidence_monthly"], data=known[["month", "register", "offences"]],
               note="Offences in case files, not victims; the 2026 register (RNID) is not joined to the earlier one.")
    return chart


FTO_PALETTE = {"criminal groups": "vermillion", "ideological groups": "blue", "state entity": "purple",
               "Other regions": "grey"}
# The rebuilt list misses most groups revoked before November 2021 (see fto_list's catalogue caveats).


def fto_list_chart(counts: pd.DataFrame, title: str, as_of, official: pd.DataFrame | None = None):
    """The FTO list over time. When a region is followed, its groups get their own panel (stacked by
    kind, on their own scale) above a panel of the whole list, so the region's change the title states
    is not a thin band under the rest; the whole list carries the hatching of the incomplete years and
    the State Department's own totals as markers."""
    as_of = pd.Timestamp(as_of)
    order = [c for c in counts.columns if "criminal" in c.lower()] + \
            [c for c in counts.columns if "ideological" in c.lower()] + \
            [c for c in counts.columns if "state entity" in c.lower()] + \
            [c for c in counts.columns if c == "Other regions"]
    counts = counts[order]
    colour_of = {column: charts.COLORS[next(colour for key, colour in FTO_PALETTE.items() if key.lower() in column.lower())]
                 for column in order}
    focus = [c for c in order if c != "Other regions"]
    split = "Other regions" in order and len(focus) > 0
    subtitle = ("Organizations designated as Foreign Terrorist Organizations on each date the list changed"
                + ("; top: the region followed, by kind, on its own scale; bottom: the whole list" if split else
                   ", by kind") + f"; {data_to(counts.index.max(), 'day')}")
    chart = charts.Chart(theme=THEME, name="fto_list_over_time", title=title, subtitle=subtitle,
                         alt=(f"Step charts of the number of organizations on the US FTO list from 1997 to {day(as_of)}: "
                              + (f"the upper panel stacks {', '.join(focus)}; the lower panel shows the whole list."
                                 if split else f"stacked by {', '.join(order)}.")),
                         time_axis="date", nrows=2 if split else 1, height=4.6 if split else 3.4, sharex=split)
    # Hold the last state for a few months past as_of, so a change on that very day stays visible.
    drawn = pd.concat([counts, counts.iloc[[-1]].set_axis([as_of + pd.Timedelta(days=150)])])
    top, whole = (chart.axes[0], chart.axes[1]) if split else (chart.ax, chart.ax)
    if split:
        top.stackplot(drawn.index, *[drawn[c] for c in focus], labels=focus, colors=[colour_of[c] for c in focus],
                      step="post", alpha=0.95)
        top.set_ylabel("in the region")
        top.set_ylim(0, max(1, int(drawn[focus].sum(axis=1).max())) * 1.15)
        top.legend(loc="upper left", fontsize=7, frameon=False)
        total = drawn[order].sum(axis=1)
        whole.fill_between(drawn.index, 0, total, step="post", color=charts.COLORS["grey"], alpha=0.6,
                           label="whole list", lw=0)
        whole.set_ylabel("whole list")
    else:
        whole.stackplot(drawn.index, *[drawn[c] for c in order], labels=order, colors=[colour_of[c] for c in order],
                        step="post", alpha=0.9)
        whole.set_ylabel("organizations on the list")
    whole.set_xlim(drawn.index.min(), drawn.index.max())
    for ax in ({top, whole}):
        ax.axvspan(drawn.index.min(), min(fto_list.COMPLETE_FROM, drawn.index.max()), facecolor="none",
                   edgecolor=charts.COLORS["grey"], hatch="////", lw=0, alpha=0.35,
                   label="incomplete: counts are lower bounds" if ax is whole else None)
    if official is not None:
        stated = official[official["date"] <= drawn.index.max()]
        if len(stated):
            whole.scatter(stated["date"], stated["organizations"], marker="D", s=18, color=charts.COLORS["black"],
                          zorder=4, label="State Department's stated total")
    whole.legend(loc="upper left", fontsize=7, frameon=False)
    chosen = [e for e in ("terrorist_designation_eo14157_2025", "terrorist_designation_eight_groups_fto_2025")
              if _event_date(e) <= drawn.index.max()]
    if chosen:
        chart.mark_events(chosen)
    chart.show(sources=["fto_list"] + (["fto_official_counts"] if official is not None and len(official) else []),
               data=counts.reset_index(),
               note=f"Hatched: counts before {fto_list.COMPLETE_FROM:%B %Y} are lower bounds (some groups revoked before then are missing); "
                    "diamonds are the State Department's own totals.")
    return chart


def strikes_cumulative_chart(strikes: pd.DataFrame, tallies: pd.DataFrame, chosen_seas, as_of, last_listed_strike):
    """Cumulative strikes and deaths by sea, with the published totals when every sea is counted."""
    from hemisphere.terrorist_designation import narrative, reconciliation

    as_of = pd.Timestamp(as_of)
    chosen = reconciliation.confirmed(strikes, chosen_seas, as_of)
    if chosen.empty:
        return None
    cumulative = reconciliation.cumulative_by_sea(strikes, chosen_seas, as_of)
    x_end = min(as_of, last_listed_strike + pd.Timedelta(days=7))
    sea_colours = {"Caribbean": charts.COLORS["blue"], "Eastern Pacific": charts.COLORS["orange"],
                   "Unknown": charts.COLORS["grey"]}
    total = reconciliation.totals(strikes, chosen_seas, as_of)
    chart = charts.Chart(theme=THEME, name="boat_strikes_cumulative",
                         title=narrative.strike_title(total, chosen["date"].max()),
                         subtitle="Cumulative strikes (top) and people reported killed (bottom), by sea; published totals "
                                  f"as markers when all seas are counted; {data_to(chosen['date'].max(), 'day')}",
                         alt="Two-panel step chart of cumulative US boat strikes and deaths by sea from September 2025, "
                             "with official and press running totals as markers.",
                         time_axis="date", nrows=2, height=4.6, sharex=True)
    top, bottom = chart.axes
    for sea, rows in cumulative.groupby("sea"):
        xs = list(rows["date"]) + [x_end]
        label = sea if sea != "Unknown" else "sea not stated"
        top.step(xs, list(rows["cumulative_strikes"]) + [rows["cumulative_strikes"].iloc[-1]], where="post",
                 color=sea_colours[sea], label=label)
        bottom.step(xs, list(rows["cumulative_killed"]) + [rows["cumulative_killed"].iloc[-1]], where="post",
                    color=sea_colours[sea], label=f"{label}, killed")
    running = chosen.groupby("date")[["killed", "presumed_dead_later"]].sum().cumsum()
    xs = list(running.index) + [x_end]
    bottom.step(xs, list(running["killed"]) + [running["killed"].iloc[-1]], where="post",
                color=charts.COLORS["black"], lw=1.2, label="all seas shown, killed")
    with_presumed = running["killed"] + running["presumed_dead_later"]
    bottom.step(xs, list(with_presumed) + [with_presumed.iloc[-1]], where="post", color=charts.COLORS["black"],
                lw=1.0, ls="--", label="killed and later presumed dead")
    if set(chosen_seas) == set(reconciliation.SEAS):
        shown = tallies[tallies["tally_date"] <= x_end]
        for kind, marker, colour in (("official", "s", charts.COLORS["vermillion"]), ("press", "o", charts.COLORS["grey"])):
            rows = shown[shown["source_kind"] == kind]
            if len(rows):
                bottom.scatter(rows["tally_date"], rows["deaths_reported"], marker=marker, s=16, color=colour,
                               zorder=4, label=f"{kind} total published")
    top.set_ylabel("strikes")
    bottom.set_ylabel("people killed")
    top.legend(loc="upper left", fontsize=7, frameon=False)
    bottom.legend(loc="upper left", fontsize=6.5, frameon=False)
    bottom.set_xlim(pd.Timestamp("2025-08-25"), x_end)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    bottom.xaxis.set_major_locator(locator)
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    chosen_events = [e for e in ("terrorist_designation_first_pacific_strike_2025", "venezuela_maduro_captured_2026")
                     if _event_date(e) <= x_end]
    if chosen_events:
        chart.mark_events(chosen_events)
    chart.show(sources=["boat_strikes", "boat_strike_tallies"], data=cumulative.assign(series="events"),
               note=f"Strike list compiled to {day(last_listed_strike)}, the newest strike found in the stored reports.")
    return chart


DESIGNATION_STYLES = {"FTO": ("s", "vermillion", "FTO designation"),
                      "SDGT": ("o", "blue", "SDGT designation (group, faction or leaders)"),
                      "OFAC sanctions": ("^", "green", "other OFAC sanctions")}
DESIGNATION_OFFSETS = {"FTO": -0.15, "SDGT": 0.15, "OFAC sanctions": 0.0}


def designations_chart(timeline: pd.DataFrame, fto: pd.DataFrame, as_of):
    """One row per designated group, markers at each FTO, SDGT and OFAC action (hollow: upper-bound date)."""
    if timeline.empty:
        return None
    as_of = pd.Timestamp(as_of)
    groups = timeline.groupby("org_id")["date"].min().sort_values(kind="stable")
    names = fto.set_index("org_id")["name"]
    fto_rows = timeline[timeline["instrument"] == "FTO"]
    count = fto_rows["org_id"].nunique()
    chart = charts.Chart(theme=THEME, name="designations_timeline",
                         title=f"{plural(count, 'Latin American criminal group')} designated FTO by {day(as_of)}",
                         subtitle="Designation actions by group and instrument (effective date where known); "
                                  f"{data_to(timeline['date'].max(), 'day')}",
                         alt="Dot chart with one row per designated group and markers at the dates of its FTO designation, "
                             "SDGT designations of the group or its members, and other OFAC sanctions.",
                         time_axis="date", height=max(1.6, 0.2 * len(groups) + 0.8))
    ax = chart.ax
    position = {org: index for index, org in enumerate(groups.index)}
    for instrument, (marker, colour_key, label) in DESIGNATION_STYLES.items():
        colour = charts.COLORS[colour_key]
        rows = timeline[timeline["instrument"] == instrument]
        if rows.empty:
            continue
        exact = rows[rows["date_precision"] != "on_or_before"]
        bound = rows[rows["date_precision"] == "on_or_before"]
        offset = DESIGNATION_OFFSETS[instrument]
        if not exact.empty:
            ax.scatter(exact["date"], exact["org_id"].map(position) + offset, marker=marker, color=colour, s=22,
                       label=label, zorder=3)
        if not bound.empty:
            ax.scatter(bound["date"], bound["org_id"].map(position) + offset, marker=marker, facecolors="white",
                       edgecolors=colour, s=22, label=label + ", upper-bound date", zorder=3)
    ax.set_yticks(range(len(groups)))
    home = timeline.drop_duplicates("org_id").set_index("org_id")["countries"].str.split(";").str[0]
    ax.set_yticklabels([f"{names[org]} · {home[org]}" for org in groups.index], fontsize=7)
    # Rows run top to bottom; the space above the first row keeps the event badges clear of markers.
    ax.set_ylim(len(groups) - 0.5, -0.5 - max(1.5, 0.12 * len(groups)))
    ax.grid(axis="x", color="#DDDDDD")
    ax.set_xlim(pd.Timestamp("2025-01-01"), max(as_of, timeline["date"].max()) + pd.Timedelta(days=20))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    # Right-aligned under the plot: centred, it ran past the figure's right edge.
    ax.legend(loc="upper right", bbox_to_anchor=(1.0, -0.1), ncols=2, fontsize=6.5, frameon=False)
    limit = max(as_of, timeline["date"].max())
    chosen = [e for e in ("terrorist_designation_eo14157_2025", "terrorist_designation_alien_enemies_act_2025",
                          "terrorist_designation_first_boat_strike_2025") if _event_date(e) <= limit]
    if chosen:
        chart.mark_events(chosen)
    chart.show(sources=["designations_2025", "fto_list"],
               data=timeline[["date", "date_precision", "organization", "org_id", "instrument", "countries"]])
    return chart


VIOLENCE_COUNTRIES = ("Mexico", "Ecuador", "Venezuela")
VIOLENCE_FROM = 2006  # the first year the rate panels draw


def violence_drawable(rates: pd.DataFrame, mexico_sesnsp: pd.DataFrame, mexico_inegi: pd.DataFrame,
                      ecuador_rate: pd.DataFrame, haiti: pd.DataFrame) -> bool:
    """Whether violence_chart would draw any point: a rate from VIOLENCE_FROM on, or a Haiti count."""
    rates_drawn = rates[rates["country"].isin(VIOLENCE_COUNTRIES)
                        & ((rates["source"] != "UNODC") | (rates["year"] >= VIOLENCE_FROM))
                        & ((rates["country"] == "Venezuela") | (rates["source"] == "UNODC"))]
    ecuador_drawn = ecuador_rate[ecuador_rate["counter"] != "InSight Crime"] if len(ecuador_rate) else ecuador_rate
    return any(len(frame) for frame in (rates_drawn, mexico_sesnsp, mexico_inegi, ecuador_drawn, haiti))


def violence_chart(known: pd.DataFrame, rates: pd.DataFrame, mexico_sesnsp: pd.DataFrame, mexico_inegi: pd.DataFrame,
                   ecuador_rate: pd.DataFrame, haiti: pd.DataFrame, as_of):
    """Four panels of violence where the designated groups operate: Mexico, Ecuador, Venezuela, Haiti.

    Returns None, drawing nothing, when no series has a point by `as_of` (violence_drawable); the
    notebook then says so (narrative.no_violence_data).
    """
    from hemisphere.terrorist_designation import violence

    as_of = pd.Timestamp(as_of)
    if not violence_drawable(rates, mexico_sesnsp, mexico_inegi, ecuador_rate, haiti):
        return None
    haiti = haiti.copy()
    ecuador_all = pd.concat([
        ecuador_rate.loc[ecuador_rate["counter"] != "InSight Crime", ["year", "value"]],
        rates.loc[(rates["country"] == "Ecuador") & (rates["source"] == "UNODC"), ["year", "rate_per_100k"]]
             .rename(columns={"rate_per_100k": "value"}),
    ])
    ecuador_all = ecuador_all[ecuador_all["year"] >= 2015].astype({"year": int}).sort_values("year")
    title_parts = []
    if len(ecuador_all) >= 2:
        low, latest = ecuador_all.loc[ecuador_all["value"].idxmin()], ecuador_all.iloc[-1]
        title_parts.append(f"Ecuador's homicide rate went from {num(low['value'], 1)} ({int(low['year'])}) to "
                           f"{num(latest['value'], 1)} ({int(latest['year'])})")
    if len(mexico_sesnsp) >= 2:
        peak, last = mexico_sesnsp.loc[mexico_sesnsp["value"].idxmax()], mexico_sesnsp.iloc[-1]
        title_parts.append(f"Mexico's from {num(peak['value'], 1)} ({int(peak['year'])}) to "
                           f"{num(last['value'], 1)} ({int(last['year'])})")
    violence_title = "; ".join(title_parts) or f"Homicide data available by {day(as_of)}"
    chart = charts.Chart(theme=THEME, name="violence_where_groups_operate",
                         title=violence_title,
                         subtitle="Homicides per 100,000 people (Mexico, Ecuador, Venezuela); people killed per month, UN count (Haiti); "
                                      f"{data_to(int(max(known['year'].max() if len(known) else 0, rates['year'].max() if len(rates) else 0)), 'year')}",
                         alt="Four panels: homicide rates for Mexico (SESNSP, INEGI, UNODC), Ecuador (national and UNODC), "
                             "Venezuela (UNODC and others), and the UN's monthly average of people killed in Haiti.",
                         time_axis="year", nrows=2, ncols=2, height=4.8)
    ax_mexico, ax_ecuador, ax_venezuela, ax_haiti = chart.axes.ravel()
    plotted = []

    def line(ax, frame, x, y, label, colour, style="-", marker="o"):
        if frame.empty:
            return
        ax.plot(frame[x] + 0.5, frame[y], linestyle=style, marker=marker, ms=3, color=colour, label=label, lw=1.2)
        plotted.append(pd.DataFrame({"panel": ax.get_title() or label, "series": label, "year": frame[x], "value": frame[y]}))

    for ax, country in ((ax_mexico, "Mexico"), (ax_ecuador, "Ecuador"), (ax_venezuela, "Venezuela")):
        ax.set_title(country, fontsize=8.5)
        unodc = rates[(rates["country"] == country) & (rates["source"] == "UNODC")]
        line(ax, unodc[unodc["year"] >= VIOLENCE_FROM], "year", "rate_per_100k", "UNODC", charts.COLORS["grey"])
    line(ax_mexico, mexico_sesnsp, "year", "value", "SESNSP (case files)", charts.COLORS["blue"])
    line(ax_mexico, mexico_inegi, "year", "value", "INEGI (death certificates)", charts.COLORS["orange"], marker="s")
    line(ax_ecuador, ecuador_rate[ecuador_rate["counter"] != "InSight Crime"], "year", "value",
         "national (interior ministry, police)", charts.COLORS["vermillion"], style="none")
    others = rates[(rates["country"] == "Venezuela") & (rates["source"] != "UNODC")]
    for colour, (source, rows) in zip([charts.COLORS["purple"], charts.COLORS["green"]], others.groupby("source")):
        line(ax_venezuela, rows.sort_values("year"), "year", "rate_per_100k", source, colour, style="none", marker="^")
    ax_haiti.set_title("Haiti", fontsize=8.5)
    if not haiti.empty:
        haiti["per_month"] = violence.monthly_average(haiti)
        for row in haiti.itertuples():
            start, width = violence.period_span(row.period)
            ax_haiti.bar(row.year + start, row.per_month, width=width, align="edge", color=charts.COLORS["sky"],
                         edgecolor="white")
        plotted.append(pd.DataFrame({"panel": "Haiti", "series": "UN, killed per month (lower bound)",
                                     "year": haiti["year"], "value": haiti["per_month"]}))
        period_ends = [row.year + sum(violence.period_span(row.period)) for row in haiti.itertuples()]
        ax_haiti.set_xlim(2023.8, max(period_ends) + 0.15)
        ax_haiti.set_ylabel("killed per month", fontsize=7)
    for ax in (ax_mexico, ax_ecuador, ax_venezuela, ax_haiti):
        ax.tick_params(labelsize=7)
    for ax in (ax_mexico, ax_ecuador, ax_venezuela):
        ax.set_xlim(VIOLENCE_FROM, as_of.year + 0.2 if as_of.year > VIOLENCE_FROM else VIOLENCE_FROM + 1)
        highest = max((line.get_ydata().max() for line in ax.get_lines() if len(line.get_ydata())), default=1)
        ax.set_ylim(0, highest * 1.3)  # room above the highest point for the event badge
        if ax.lines:
            ax.legend(fontsize=6, frameon=False, loc="upper left")
    for ax in (ax_mexico, ax_ecuador, ax_venezuela, ax_haiti):
        if not ax.lines and not ax.patches:  # an empty panel says so rather than showing bare axes
            ax.text(0.5, 0.5, "No figure held for a period\nended by this date", transform=ax.transAxes,
                    ha="center", va="center", fontsize=7.5, color=charts.COLORS["grey"])
            ax.set_yticks([])
            if ax is ax_haiti:
                ax.set_xticks([])
    ax_mexico.set_ylabel("per 100,000", fontsize=7)
    ax_venezuela.set_ylabel("per 100,000", fontsize=7)
    if _event_date("terrorist_designation_eight_groups_fto_2025") <= as_of:
        chart.mark_events(["terrorist_designation_eight_groups_fto_2025"])
    chart.show(sources=["homicides", "homicide_rate"], data=pd.concat(plotted, ignore_index=True) if plotted else None,
               note="Points are placed mid-year. Haiti bars span the period the UN figure covers (a year or a quarter).")
    return chart


def states_chart(ranking: pd.DataFrame):
    """The Mexican states with the highest homicide rates in the latest full year, the year before as dots."""
    year = int(ranking["year"].iloc[0])
    rises = ranking.assign(change=ranking["homicide_rate"] - ranking["previous_rate"]).dropna(subset=["change"])
    riser = rises.loc[rises["change"].idxmax()] if not rises.empty else None
    title = f"{ranking['state'].iloc[0]} had Mexico's highest homicide rate in {year}, {num(ranking['homicide_rate'].iloc[0], 1)} per 100,000"
    if riser is not None and riser["change"] > 0:
        title += f"; {riser['state']} rose most among the top states, from {num(riser['previous_rate'], 1)} to {num(riser['homicide_rate'], 1)}"
    state_chart = charts.Chart(theme=THEME, name="mexico_states_homicide_rate", title=title,
                               subtitle=f"Intentional-homicide victims per 100,000 people, the {num(len(ranking))} states with the highest rate in {year} (SESNSP case files); dots: {year - 1}; {data_to(year, 'year')}",
                               alt=f"Horizontal bar chart of the {len(ranking)} Mexican states with the highest homicide rates in {year}, with the previous year's rate as dots.",
                               time_axis=None, height=3.2)
    ax = state_chart.ax
    positions = range(len(ranking))
    ax.barh(list(positions), ranking["homicide_rate"], color=charts.COLORS["blue"], label=str(year))
    ax.scatter(ranking["previous_rate"], list(positions), color=charts.COLORS["orange"], zorder=3, s=18, label=str(year - 1))
    ax.set_yticks(list(positions))
    ax.set_yticklabels(ranking["state"], fontsize=7.5)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#DDDDDD")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("victims per 100,000")
    ax.legend(loc="lower right", fontsize=7, frameon=False)
    state_chart.show(sources=["mexico_homicides_by_state"], data=ranking,
                     note="SESNSP counts victims in prosecutors' case files; state rates use CONAPO mid-year population.")
    return state_chart
