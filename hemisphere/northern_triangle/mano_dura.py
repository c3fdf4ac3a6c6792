"""Mano dura in El Salvador: the state of exception from 27 March 2022 (extensions, detentions,
releases, deaths in custody, prison population, each labelled by who counts), the 2025 CECOT
transfers from the United States, and the homicide series beside them.

Analysis functions take the loaded tables (el_salvador_state_of_exception, cecot_transfers,
and homicide_rate read only); narrative functions return sentences; `exception_chart` draws
the chart through hemisphere.charts.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import charts
from hemisphere.northern_triangle import analysis
from hemisphere.northern_triangle.figures import LINE_COLOURS, THOUSANDS, year_ticks
from hemisphere.prose import data_to, day, listing, money, num, pct, plural

THEME = "northern_triangle"
COUNTRY = "El Salvador"
QUALIFIERS = {"exact": "", "about": "about ", "more_than": "more than ", "at_least": "at least "}
# Table codes in reader's words.
MEASURE_LABELS = {"declared": "declared", "extensions": "extensions", "detained": "people detained",
                  "released": "people released", "deaths_in_custody": "deaths in custody",
                  "prison_population": "prison population", "incarceration_rate": "incarceration rate"}
QUALIFIER_LABELS = {"exact": "", "about": "about", "more_than": "more than", "at_least": "at least"}
EVENT_LABELS = {"agreement": "agreement", "transfer_to_cecot": "sent to CECOT", "payment": "payment",
                "return_from_cecot": "returned from CECOT", "released_by_venezuela": "freed by Venezuela",
                "cumulative_to_cecot": "sent to CECOT, all flights"}
PANEL_LABELS = {"detained": "Detained", "prison_population": "Prisoners", "deaths_in_custody": "Deaths"}


# --- analysis -----------------------------------------------------------------------------------

def declared(exception: pd.DataFrame) -> pd.Timestamp:
    """The day the state of exception was declared."""
    return exception.loc[exception["measure"] == "declared", "date"].min()


def measure(exception: pd.DataFrame, name: str, counter: str | None = None, end=None) -> pd.DataFrame:
    """One measure's dated figures (optionally one counter's, and up to `end`), in date order."""
    rows = exception[exception["measure"] == name]
    if counter is not None:
        rows = rows[rows["counter"] == counter]
    if end is not None:
        rows = rows[rows["date"] <= pd.Timestamp(end)]
    return rows.sort_values("date").reset_index(drop=True)


def latest(exception: pd.DataFrame, name: str, counter: str | None = None, end=None) -> pd.Series | None:
    """The newest figure of a measure (and counter), or None."""
    rows = measure(exception, name, counter, end)
    return None if rows.empty else rows.iloc[-1]


def counters(exception: pd.DataFrame, name: str) -> list[str]:
    """Who counts a measure, most figures first."""
    return list(exception.loc[exception["measure"] == name, "counter"].value_counts().index)


def deaths_by_counter(exception: pd.DataFrame, end=None) -> dict[str, pd.DataFrame]:
    """Each rights group's own series of deaths in custody (never joined)."""
    rows = measure(exception, "deaths_in_custody", end=end)
    return {counter: group.reset_index(drop=True) for counter, group in rows.groupby("counter", sort=False)}


def growth(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    """First and last figure of one counter's series, or None with fewer than two."""
    return None if len(rows) < 2 else (rows.iloc[0], rows.iloc[-1])


def homicide_series(homicide: pd.DataFrame, first_year: int | None = None, last_year: int | None = None) -> pd.DataFrame:
    """El Salvador's homicide rates by source and year (all sources, labelled)."""
    rows = homicide[homicide["country"] == COUNTRY]
    if first_year is not None:
        rows = rows[rows["year"] >= first_year]
    if last_year is not None:
        rows = rows[rows["year"] <= last_year]
    return rows.sort_values(["source", "year"]).reset_index(drop=True)


def cecot_summary(cecot: pd.DataFrame) -> dict:
    """The transfers to CECOT by date, the all-flights count, the reported payment and the July 2025 return.

    `sent` maps each transfer date to {group: persons}; `all_flights` is the count of every Venezuelan
    sent (its counter and the persons), or None; `returned` maps each counter to the persons it gives.
    """
    sent = cecot[cecot["event"] == "transfer_to_cecot"].sort_values("date", kind="stable")
    returned = cecot[cecot["event"] == "return_from_cecot"]
    freed = cecot[cecot["event"] == "released_by_venezuela"]
    payment = cecot[cecot["event"] == "payment"]
    cumulative = cecot[cecot["event"] == "cumulative_to_cecot"]
    return {
        "sent": {date: {row["group"]: int(row["persons"]) for _, row in rows.iterrows()}
                 for date, rows in sent.groupby("date", sort=True)},
        "sent_date": sent["date"].min() if len(sent) else None,
        "sent_rows": [(row["date"], int(row["persons"]), row["counter"]) for _, row in sent.iterrows()],
        "all_flights": ({"counter": cumulative.iloc[-1]["counter"], "persons": int(cumulative.iloc[-1]["persons"]),
                         "group": cumulative.iloc[-1]["group"]} if len(cumulative) else None),
        "returned": {row["counter"]: int(row["persons"]) for _, row in returned.iterrows()},
        "returned_date": returned["date"].min() if len(returned) else None,
        "freed": int(freed["persons"].sum()) if len(freed) else 0,
        "payment": float(payment["amount_usd"].iloc[0]) if len(payment) else None,
    }


# --- narrative ----------------------------------------------------------------------------------

def figure(row: pd.Series) -> str:
    """'more than 91,300' from a row's value and qualifier."""
    return QUALIFIERS.get(row["qualifier"] if pd.notna(row["qualifier"]) else "exact", "") + num(row["value"])


def when(row: pd.Series) -> str:
    """A row's date at the precision its source gives."""
    if row["date_precision"] == "day":
        return day(row["date"])
    if row["date_precision"] == "month":
        return f"{row['date']:%B %Y}"
    return f"{row['date']:%Y}"


def at(row: pd.Series) -> str:
    """'on 8 April 2024', 'in March 2022' or 'in 2021', as the row's precision allows."""
    return ("on " if row["date_precision"] == "day" else "in ") + when(row)


def extensions_sentence(exception: pd.DataFrame, end=None) -> str:
    """How many times the Legislative Assembly had extended the measure, at the latest count."""
    newest = latest(exception, "extensions", end=end)
    start = declared(exception)
    if newest is None:
        return f"No count of extensions is recorded up to the chosen end; the measure was declared on {day(start)}."
    return (f"Declared on {day(start)}, the state of exception had been extended {plural(int(newest['value']), 'time')} "
            f"by {when(newest)}, each extension for 30 days at the government's request.")


def detention_sentence(exception: pd.DataFrame, end=None) -> str:
    """The government's newest detention count and what it says of releases; rights groups' figure beside it."""
    detained = latest(exception, "detained", "Government of El Salvador", end)
    if detained is None:
        return "No government detention count is recorded up to the chosen end."
    text = f"By {when(detained)} the government counted {figure(detained)} people detained under the measure"
    released = latest(exception, "released", "Government of El Salvador", end)
    if released is not None:
        text += f", and said {figure(released)} had been released ({when(released)})"
    others = measure(exception, "released", end=end)
    others = others[others["counter"] != "Government of El Salvador"]
    if len(others):
        other = others.iloc[-1]
        text += f"; {other['counter']} put releases at {figure(other)} by {when(other)}"
    return text + "."


def deaths_sentence(exception: pd.DataFrame, end=None) -> str:
    """Each rights group's newest count of deaths in custody, kept apart."""
    series = deaths_by_counter(exception, end)
    if not series:
        return "No count of deaths in custody is recorded up to the chosen end."
    parts = [f"{counter[0].upper() + counter[1:]}, {figure(rows.iloc[-1])} by {when(rows.iloc[-1])}"
             for counter, rows in series.items()]
    return ("Deaths in state custody, as each group verified them (never added together): " + "; ".join(parts)
            + ". The groups say the real number is higher.")


def prison_sentence(exception: pd.DataFrame, end=None) -> str:
    """The prison population before the measure and the newest figure, with their counters."""
    rows = measure(exception, "prison_population", end=end)
    if len(rows) < 2:
        return "Too few prison-population figures are recorded to compare."
    start = declared(exception)
    before = rows[rows["date"] <= start]
    first = before.iloc[-1] if len(before) else rows.iloc[0]
    last = rows.iloc[-1]
    if first["counter"] == last["counter"]:
        return (f"By {first['counter']}'s count the prison population was {figure(first)} {at(first)} and "
                f"{figure(last)} {at(last)}, about {num(last['value'] / first['value'], 1)} times as many.")
    return (f"The prison population was {figure(first)} {at(first)} by one count ({first['counter']}) and "
            f"{figure(last)} {at(last)} by another ({last['counter']}); no official series exists and the two "
            "counters differ, so the figures are not set against each other as a ratio.")


def _group_words(group: str) -> str:
    """A group label inside a sentence: 'Alleged members' -> 'alleged members'; nationalities keep their capital."""
    proper = group.split()[0].rstrip(",").startswith(("Venezuelan", "Salvadoran", "US", "American"))
    return group if proper else group[0].lower() + group[1:]


def cecot_sentence(summary: dict) -> str:
    """The 2025 transfers to CECOT, the all-flights count and the July exchange, with every count of the returned.

    Where a count of the returned equals the all-flights count or the first flights' count, it says so,
    so that 238 sent and 252 returned are not left side by side unexplained.
    """
    if summary["sent_date"] is None:
        return "No transfer to CECOT is recorded."
    transfers = list(summary["sent"].items())
    first_date, first_groups = transfers[0]
    text = (f"On {day(first_date)} the United States sent "
            f"{listing([f'{num(n)} {group}' for group, n in first_groups.items()])} to El Salvador's CECOT prison")
    if summary["payment"] is not None:
        text += f", with a reported payment of about {money(summary['payment'])}"
    text += "."
    later = [f"on {day(date)}, {listing([f'{num(n)} {_group_words(group)}' for group, n in groups.items()])}"
             for date, groups in transfers[1:]]
    if later:
        text += f" Later transfers recorded: {'; '.join(later)}."
    rows = summary.get("sent_rows", [])
    if len(rows) > 1:
        grouped = {}
        for date, n, counter in rows:
            grouped.setdefault((date, counter), []).append(n)
        parts = [f"{' + '.join(num(n) for n in counts)} on {day(date)} ({counter})"
                 for (date, counter), counts in grouped.items()]
        text += (f" Added up, the recorded transfers come to {num(sum(n for _, n, _ in rows))} people: "
                 f"{listing(parts)}; this is the total the claims chapter uses.")
    every = summary.get("all_flights")
    if every is not None:
        text += f" {every['counter']} count {num(every['persons'])} {_group_words(every['group'])}."
    if summary["returned_date"] is not None:
        counts = "; ".join(f"{num(n)} according to {who}" for who, n in summary["returned"].items())
        text += (f" On {day(summary['returned_date'])} the Venezuelans held there were flown to Caracas ({counts}) "
                 f"in exchange for {num(summary['freed'])} US "
                 f"{'citizen or resident' if summary['freed'] == 1 else 'citizens and residents'} held in Venezuela.")
        first_venezuelans = next((n for group, n in first_groups.items() if group.startswith("Venezuelan")), None)
        matches = []
        if every is not None and every["persons"] in summary["returned"].values():
            matches.append(f"{num(every['persons'])} matches the count of all flights")
        if first_venezuelans is not None and first_venezuelans in summary["returned"].values() and (
                every is None or first_venezuelans != every["persons"]):
            matches.append(f"{num(first_venezuelans)} equals the Venezuelans of the first flights alone")
        if matches:
            text += f" Of the counts of those returned, {listing(matches)}."
    return text


def homicide_sentence(rates: pd.DataFrame, start: pd.Timestamp) -> str:
    """Recorded homicides before the measure and after it, all from ONE source (never a splice).

    `rates` may hold several sources (one rate per source and year); the source chosen is the one with
    figures on both sides of the measure that reaches the latest year (ties: the chapter's preference).
    """
    best = None
    for source, rows in rates.groupby("source"):
        rows = rows.groupby("year")["rate_per_100k"].mean().sort_index()
        before, after = rows[rows.index < start.year], rows[rows.index >= start.year]
        if before.empty or after.empty:
            continue
        rank = analysis.HOMICIDE_SOURCE_PREFERENCE.index(source) if source in analysis.HOMICIDE_SOURCE_PREFERENCE else 99
        key = (int(after.index.max()), -rank)
        if best is None or key > best[0]:
            best = (key, source, before, after)
    if best is None:
        return "No one homicide source in the window has figures on both sides of the state of exception."
    _, source, before, after = best
    if len(before) > 1:
        text = (f"According to {analysis.source_phrase(source)}, recorded homicides per 100,000 had already fallen "
                f"from {num(before.iloc[0], 1)} in {before.index[0]} to {num(before.iloc[-1], 1)} in "
                f"{before.index[-1]}, before the measure")
    else:
        text = (f"According to {analysis.source_phrase(source)}, recorded homicides per 100,000 were "
                f"{num(before.iloc[-1], 1)} in {before.index[-1]}, before the measure")
    return text + f", and were {num(after.iloc[-1], 1)} in {after.index[-1]}."


def attribution_note(detained_share: float | None = None, share_year: int | None = None) -> str:
    """What the record can and cannot attribute; the detained share of the population if given."""
    scale = ("" if detained_share is None else
             f" What the data do show is the scale: the government's count of people detained equals "
             f"{pct(detained_share, 1)} of the population of {share_year}.")
    return ("The homicide series cannot separate the measure's effect from the fall that began before it or from "
            "undercounting: the official count leaves out deaths in custody and bodies in clandestine graves. "
            "Detention and prison figures are the government's own, released irregularly, and deaths in custody are "
            "lower bounds from groups without access to the prisons." + scale)


# --- chart --------------------------------------------------------------------------------------

COUNTER_MARKERS = ["o", "s", "D", "^", "v", "P", "X"]


def exception_chart(exception: pd.DataFrame, homicide: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp,
                    title: str, event_ids: list[str]) -> None:
    """Top: detentions and prison population; middle: deaths in custody; bottom: homicide rate."""
    window = exception[exception["date"].between(start, end)]
    rates = homicide_series(homicide, start.year, end.year)
    last_count = window["date"].max() if len(window) else start
    last_year = int(rates["year"].max()) if len(rates) else None
    # A yearly rate covers its whole year ("data to 2025"); the counts are dated to the day.
    coverage = (data_to(last_year, "year") if last_year is not None and pd.Timestamp(last_year, 12, 31) > last_count
                else data_to(last_count, "month"))
    chart = charts.Chart(theme=THEME, name="el_salvador_state_of_exception", title=title,
                         subtitle="El Salvador: people detained and prison population (top), deaths in custody by "
                                  "counter (middle), homicides per 100,000 by source (bottom, yearly); "
                                  + coverage,
                         alt="Three stacked panels for El Salvador: detentions and prison population, deaths in state "
                             "custody as two rights groups count them, and the homicide rate by source.",
                         time_axis="date", nrows=3, height=5.6, sharex=True)
    top, middle, bottom = chart.axes
    plotted = []
    palette = iter(LINE_COLOURS * 3)
    colours: dict[str, str] = {}
    for name, ax in (("detained", top), ("prison_population", top), ("deaths_in_custody", middle)):
        for number, (counter, rows) in enumerate(window[window["measure"] == name].groupby("counter", sort=False)):
            rows = rows.sort_values("date")
            if counter not in colours:
                colours[counter] = next(palette)
            colour = colours[counter]
            label = f"{PANEL_LABELS[name]}: {counter}"
            ax.plot(rows["date"], rows["value"], marker=COUNTER_MARKERS[number % len(COUNTER_MARKERS)], ms=4,
                    lw=1 if len(rows) > 1 else 0, color=colour, label=label,
                    ls="-" if name != "prison_population" else ":")
            plotted += [{"panel": name, "counter": counter, "date": d, "value": v} for d, v in zip(rows["date"], rows["value"])]
    for number, (source, rows) in enumerate(rates.groupby("source", sort=False)):
        dates = pd.to_datetime(rows["year"].astype(str) + "-07-01")
        bottom.plot(dates, rows["rate_per_100k"], marker=COUNTER_MARKERS[number % len(COUNTER_MARKERS)], ms=4,
                    lw=1.2 if source == "UNODC" else 0, color=LINE_COLOURS[number % len(LINE_COLOURS)], label=source)
        plotted += [{"panel": "homicide_rate", "counter": source, "date": d, "year": y, "value": v}
                    for d, y, v in zip(dates, rows["year"], rows["rate_per_100k"])]
    top.set_ylabel("persons", fontsize=7)
    middle.set_ylabel("deaths", fontsize=7)
    bottom.set_ylabel("per 100,000", fontsize=7)
    for ax, headroom in ((top, 1.7), (middle, 1.45), (bottom, 1.5)):
        values = [line.get_ydata() for line in ax.get_lines() if len(line.get_ydata())]
        highest = max((max(v) for v in values), default=1)
        ax.set_ylim(0, highest * headroom)
        ax.legend(loc="upper left", fontsize=6, ncols=2)
    top.yaxis.set_major_formatter(THOUSANDS)
    bottom.set_xlim(start, end)
    year_ticks(bottom, start, end)
    chart.mark_events(event_ids)
    chart.show(sources=["el_salvador_state_of_exception", "homicide_rate"], data=pd.DataFrame(plotted),
               note="Counts by different counters are separate markers and are never joined; the government publishes "
                    "no prison series.")


def not_followed_sentence(countries: list[str]) -> str:
    """Said instead of the section when the run follows Northern Triangle countries other than El Salvador."""
    return (f"This section concerns El Salvador alone, which this run does not follow ({listing(countries)} "
            f"{'is' if len(countries) == 1 else 'are'} followed); run the chapter with countries=['El Salvador'] to see it.")
