"""The chapter's sentences, built from the numbers `analysis` computes.

Each function takes plain pandas objects and returns text (Markdown), so the notebook only
chooses what to say; every number in a sentence is computed here, every count is spelled with
its noun ("1 year", "2 years") and every comparison runs between the two ends of ONE series.
Where two bodies estimate the same thing, each is described on its own, by name.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import events
from hemisphere.eradication import analysis
from hemisphere.prose import listing, moved, num, pct, plural

# The administrations a data year can fall under. A coca estimate describes the area standing
# at the end of the calendar year, so a year belongs to the administration in office in its
# second half (1 July): 2017-2020 Trump I, 2021-2024 Biden, 2025 on Trump II.
COMPARED_ADMINISTRATIONS = ("Trump I", "Biden", "Trump II")

BODY_NAMES = {analysis.UNODC: "UNODC", analysis.ONDCP: "the US government",
              analysis.DEVIDA: "DEVIDA, Peru's drug-policy agency"}
POSSESSIVE = {analysis.UNODC: "UNODC's", analysis.ONDCP: "the US government's", analysis.DEVIDA: "DEVIDA's"}


def body_name(estimator: str, capital: bool = False) -> str:
    name = BODY_NAMES.get(estimator, estimator)
    return name[0].upper() + name[1:] if capital else name


def administration_of_year(year: int) -> str:
    """The administration in office on 1 July of a data year."""
    return str(events.administration_on(f"{int(year)}-07-01")["administration"])


def years_of(administration: str, last_year: int) -> tuple[int, int] | None:
    """First and last data year that fall under an administration, up to `last_year` (None if none)."""
    terms = events.administrations().set_index("administration")
    start = terms.at[administration, "start_date"]
    end = terms.at[administration, "end_date"]
    first = start.year if start.month <= 7 else start.year + 1
    final = last_year if pd.isna(end) else (end.year if end.month > 7 else end.year - 1)
    final = min(final, last_year)
    return (first, final) if first <= final else None


def direction_by_administration(series_by_body: dict[str, pd.Series],
                                administrations=COMPARED_ADMINISTRATIONS, last_year: int = 2026,
                                first_year: int | None = None) -> pd.DataFrame:
    """For each body and administration: the first and last figure of that body's own series in
    the administration's data years, and the direction between them.

    With `first_year`, the data years are cut to first_year..last_year (the period chosen) and an
    administration with no year in it is left out, so no row speaks of years outside the period.

    `direction` is 'rose', 'fell', 'did not change', 'one figure only' or 'no figure'. Two
    bodies are never mixed: each row compares two figures of one series.
    """
    rows = []
    period_start = first_year  # the loop below reuses the name first_year for a series' first year
    for administration in administrations:
        span = years_of(administration, last_year)
        if period_start is not None:
            if span is None or span[1] < period_start:
                continue
            span = (max(span[0], period_start), span[1])
        for body, series in series_by_body.items():
            held = series.dropna()
            inside = held[(held.index >= span[0]) & (held.index <= span[1])] if span else held.iloc[0:0]
            row = {"body": body, "administration": administration,
                   "data_years": f"{span[0]}-{span[1]}" if span and span[0] != span[1] else (str(span[0]) if span else ""),
                   "first_year": None, "last_year": None, "first": None, "last": None, "change": None}
            if inside.empty:
                row["direction"] = "no figure"
            elif len(inside) == 1:
                year = int(inside.index[0])
                row.update(first_year=year, last_year=year, first=float(inside.iloc[0]), last=float(inside.iloc[0]),
                           direction="one figure only")
            else:
                first_year, last_year_held = int(inside.index.min()), int(inside.index.max())
                first, last = float(inside.loc[first_year]), float(inside.loc[last_year_held])
                row.update(first_year=first_year, last_year=last_year_held, first=first, last=last,
                           change=last / first - 1,
                           direction="rose" if last > first else "fell" if last < first else "did not change")
            rows.append(row)
    return pd.DataFrame(rows, columns=["body", "administration", "data_years", "first_year", "last_year", "first",
                                       "last", "change", "direction"])


def _body_clause(row: pd.Series, unit: str) -> str:
    name = body_name(row["body"])
    if row["direction"] == "no figure":
        return f"{name} has published no figure for {'them' if '-' in str(row['data_years']) else 'it'}"
    if row["direction"] == "one figure only":
        return f"{name} has published one figure only ({num(row['first'])} {unit} in {int(row['first_year'])})"
    return (f"{POSSESSIVE.get(row['body'], name)} estimate {moved(row['first'], row['last'])}, from "
            f"{num(row['first'])} {unit} in {int(row['first_year'])} to {num(row['last'])} in {int(row['last_year'])}")


def _agreement(moving: pd.DataFrame) -> str:
    """': both moved the same way' for two bodies, ': all three ...' for three, and which went
    against the others when three or more disagree (bodies with two figures only)."""
    directions = list(moving["direction"])
    if len(set(directions)) == 1:
        return ": both moved the same way" if len(directions) == 2 else f": all {_count_word(len(directions))} moved the same way"
    if set(directions) != {"rose", "fell"}:
        return ""
    if len(directions) == 2:
        return ": the two moved in opposite directions"
    rising = moving[moving["direction"] == "rose"]
    falling = moving[moving["direction"] == "fell"]
    odd = rising if len(rising) < len(falling) else falling if len(falling) < len(rising) else None
    if odd is None:
        return ": they moved in opposite directions"
    names = listing([body_name(body) for body in odd["body"]])
    return f": {names} went the other way from the rest"


def _count_word(count: int) -> str:
    return {2: "two", 3: "three", 4: "four"}.get(count, num(count))


def directions_sentence(table: pd.DataFrame, country: str, what: str = "coca", unit: str = "hectares",
                        scope: str = "") -> str:
    """One sentence per administration: where each body's own series went over its data years,
    and whether the bodies agree on the direction."""
    if table.empty:
        return (f"No year of the administrations compared ({listing(list(COMPARED_ADMINISTRATIONS))}) falls in the "
                f"period chosen, so no direction of {what} in {country} is stated by administration.")
    sentences = []
    for administration, rows in table.groupby("administration", sort=False):
        span = rows["data_years"].iloc[0]
        if not span:
            sentences.append(f"No year of the {administration} administration is covered yet.")
            continue
        clauses = [_body_clause(row, unit) for _, row in rows.iterrows()]
        moving = rows[rows["direction"].isin(["rose", "fell", "did not change"])]
        verdict = ""
        if len(moving) >= 2:
            verdict = _agreement(moving)
        if (rows["direction"] == "no figure").all():
            none = "Neither body has" if len(rows) == 2 else "No body has"
            sentences.append(f"{none} yet published a figure for the {administration} years ({span}).")
            continue
        years_word = "year" if "-" not in span else "years"
        sentences.append(f"Over the {administration} {years_word} ({span}), {'; '.join(clauses)}{verdict}.")
    if not sentences:
        return f"No {what} estimate for {country} falls in the data years of the administrations compared."
    return (f"Each body's series for {what} in {country} is read on its own{scope}. " + " ".join(sentences))


def opposite_directions_title(table: pd.DataFrame, country: str, administration: str = "Trump I") -> str | None:
    """A title for the chart when, over one administration's data years, the bodies moved apart
    (None when they did not, or when fewer than two bodies have two figures)."""
    if table.empty:
        return None
    rows = table[(table["administration"] == administration) & table["direction"].isin(["rose", "fell"])]
    if len(rows) < 2 or set(rows["direction"]) != {"rose", "fell"}:
        return None
    parts = [f"{POSSESSIVE.get(row['body'], row['body'])} {moved(row['first'], row['last'])}" for _, row in rows.iterrows()]
    return (f"Over {rows['data_years'].iloc[0]} the {_count_word(len(rows))} counts of {country}'s coca moved apart: "
            f"{listing(parts)}")


def base_note(series: pd.Series, first_year: int, base_year: int, start_year: int, end_year: int,
              body: str) -> str:
    """Why a stated change does not start in the chosen base year ('' when it does)."""
    if first_year == base_year:
        return ""
    if not start_year <= base_year <= end_year:
        return (f" (the first year with a figure in the years shown; the chosen base year, {base_year}, "
                f"lies outside {start_year}-{end_year})")
    return f" ({body} has no figure for {base_year}; the nearest year is used)"


def gap_sentence(gap: pd.DataFrame, unodc: pd.Series, ondcp: pd.Series) -> str:
    """How far the US figure ran from UNODC's in the years both published."""
    mean_ratio = gap["ratio"].mean()
    side = "above" if mean_ratio >= 1 else "below"
    first, last = int(gap.index.min()), int(gap.index.max())
    if len(gap) == 1:
        return (f"In {first}, the only year shown that both bodies published, the US figure was "
                f"{pct(abs(mean_ratio - 1))} {side} UNODC's: {num(gap.loc[first, 'ondcp'])} hectares against "
                f"{num(gap.loc[first, 'unodc'])}.")
    missing = analysis.missing_years(gap.index, first, last)
    if missing:
        lacking = [(name, [year for year in missing if year not in series.index])
                   for name, series in (("US", ondcp), ("UNODC", unodc))]
        lacking = [f"no {name} figure is held for {analysis.year_ranges(years)}" for name, years in lacking if years]
        span = (f"the {plural(len(gap), 'year')} from {first} to {last} that both bodies published "
                f"({' and '.join(lacking)})")
    else:
        span = f"the {plural(len(gap), 'year')} both bodies published ({first} to {last})"
    widest = int(gap["gap"].abs().idxmax())
    return (f"Over {span}, the US figure was on average {pct(abs(mean_ratio - 1))} {side} UNODC's. "
            f"The widest gap came in {widest}: {num(gap.loc[widest, 'ondcp'])} hectares for the US against "
            f"{num(gap.loc[widest, 'unodc'])} for UNODC.")


def gap_title(gap: pd.DataFrame, country: str) -> str:
    """Chart title: in how many of the shared years the US estimate was the higher."""
    higher = int((gap["gap"] > 0).sum())
    if len(gap) == 1:
        year = int(gap.index[0])
        return (f"The US estimate of {country}'s coca was {'above' if higher else 'not above'} UNODC's in {year}, "
                "the only year shown that both published")
    return (f"The US estimate of {country}'s coca was the higher of the two in "
            f"{analysis.count_of(higher, len(gap))} years both bodies published")


def national_series_sentence(national: pd.Series, unodc: pd.Series, country: str) -> str:
    """Peru's own monitoring series, compared end to end within itself, and where it meets UNODC's."""
    national = national.dropna()
    first, last = int(national.index.min()), int(national.index.max())
    overlap = [year for year in national.index if year in unodc.index]
    text = (f"{body_name(analysis.DEVIDA, capital=True)}, which has produced {country}'s national figures since "
            f"2018, publishes its own series; it is drawn separately and not joined to UNODC's.")
    if first != last:
        text += (f" On DEVIDA's count the area {moved(national.loc[first], national.loc[last])} from "
                 f"{num(national.loc[first])} hectares in {first} to {num(national.loc[last])} in {last}.")
    if overlap:
        year = max(overlap)
        text += (f" Where both are held, in {analysis.year_ranges(overlap)}, they match to rounding "
                 f"(for {year}: {num(national.loc[year])} against UNODC's {num(unodc.loc[year])}).")
    missing = analysis.missing_years(national.index, first, last)
    if missing:
        text += f" No exact DEVIDA figure was found for {analysis.year_ranges(missing)}; the line breaks there."
    return text


def releases_sentence(made_of: list[str], dropped: int) -> str:
    """What a production series is made of: years from several releases, revisions left out."""
    text = ("Each year's figure is the latest release of that year held in this report's tables, not one release "
            f"covering every year: {' and '.join(made_of)}.")
    if dropped:
        text += (f" The table also holds {plural(dropped, 'earlier figure')} that a later release of the same body "
                 f"revised; {'it is' if dropped == 1 else 'they are'} marked as superseded and left out.")
    return text + (" Both bodies revise back years when they change conversion factors, so part of a change over "
                   "a long span can reflect a change of method rather than of the crop.")


def made_of_clause(body: str, years: int, releases: int) -> str:
    if releases == 1:
        return f"{body} {plural(years, 'year')} {'comes' if years == 1 else 'come'} from one release"
    return f"{body} {plural(years, 'year')} come from {num(releases)} different releases"


def majors_sentences(majors: pd.DataFrame, country: str, early: int = 2018, late: int = 2026,
                     start_year: int | None = None, end_year: int | None = None) -> str:
    """The two determinations the chapter turns on, and where the chosen country stood in each.

    With a period (start_year..end_year), only a determination signed in it (each is signed in
    September of the year before its fiscal year) is described; with neither, the sentence says so.
    """
    def signed_inside(fiscal_year: int) -> bool:
        return start_year is None or end_year is None or start_year <= fiscal_year - 1 <= end_year

    parts = [part for fiscal_year, part in ((early, _early_determination(majors, country, early)),
                                            (late, _late_determination(majors, country, late)))
             if signed_inside(fiscal_year)]
    if not parts:
        return (f"The two determinations this section turns on, for FY{early} and FY{late}, were signed outside "
                "the period chosen (each in the September before its fiscal year); a period that includes either "
                "signing describes it.")
    return " ".join(parts)


def _early_determination(majors: pd.DataFrame, country: str, early: int) -> str:
    first = analysis.designations(majors, early)
    count = len(first["failed_demonstrably"])
    text = (f"In the FY{early} determination, signed in September {early - 1}, "
            f"{num(count)} {'country was' if count == 1 else 'countries were'} "
            f"designated ({listing(first['failed_demonstrably'])})")
    if country == "Colombia":
        text += "; Colombia was not, although the memorandum said designating it had been seriously considered."
    else:
        text += f"; {country} {'was' if country in first['failed_demonstrably'] else 'was not'} among them."
    return text


def _late_determination(majors: pd.DataFrame, country: str, late: int) -> str:
    second = analysis.designations(majors, late)
    text = (f"In FY{late} the list of designations grew to {num(len(second['failed_demonstrably']))} "
             f"({listing(second['failed_demonstrably'])}), and {num(len(second['waived']))} of them kept US "
             "assistance through a waiver")
    if country == "Colombia":
        text += ", Colombia included, in its first designation since 1997."
    elif country in second["failed_demonstrably"]:
        text += f"; {country} was designated{' and waived' if country in second['waived'] else ' without a waiver'}."
    else:
        text += f"; {country} was not designated."
    return text


def designated_count_sentence(majors: pd.DataFrame, country: str) -> str:
    """How often the chosen country was designated, among the determinations whose designations were read."""
    readable = analysis.readable_determinations(majors, country)
    chosen = majors[(majors["country"] == country) & majors["fiscal_year"].isin(readable)]
    designated = sorted(chosen.loc[chosen["failed_demonstrably"] == "yes", "fiscal_year"])
    if not designated:
        return (f"{country} was not designated in any of the {plural(len(readable), 'determination')} whose "
                "designations were read.")
    return (f"{country} was designated in {analysis.count_of(len(designated), len(readable))} determinations whose "
            f"designations were read ({fiscal_year_ranges(designated)}).")


def fiscal_year_ranges(years) -> str:
    """[2013, 2014, 2016] -> 'FY2013-FY2014 and FY2016'."""
    runs = analysis.year_ranges(years).replace(" and ", ", ").split(", ")
    named = ["-".join(f"FY{part}" for part in run.split("-")) for run in runs if run]
    return listing(named)


def unread_sentence(unread: list[int], country: str, unverified: list[int], inferred: bool) -> str:
    """Which determinations' designation paragraphs were not read, and what that means for the grid."""
    text = ""
    if unread:
        labels = listing([f"FY{year}" for year in unread])
        one = len(unread) == 1
        text = (f"The designation {'paragraph' if one else 'paragraphs'} of the {labels} "
                f"{'determination was' if one else 'determinations were'} not read in the copies consulted, so the "
                f"table gives {'its' if one else 'their'} designations and waivers as not verified and the grid's "
                f"title leaves {'it' if one else 'them'} out.")
        if inferred:
            text += (f" The grid shows {country} as listed but not designated in "
                     f"{'that year' if one else 'those years'} on the strength of later reports, not of the "
                     f"{'determination itself' if one else 'determinations themselves'}.")
    if unverified:
        one = len(unverified) == 1
        text += ((" " if text else "") + f"For {country}, whether it was designated could not be read for "
                 f"{listing([f'FY{year}' for year in unverified])} (the copies consulted give the designation "
                 f"paragraph only in part, or not at all); the grid marks "
                 f"{'that year' if one else 'those years'} with a question mark.")
    return text


def eradication_title(country: str, pairs: pd.DataFrame) -> str:
    """Chart title: after how many eradication years the coca area still grew by the next year."""
    grew = int((pairs["cultivation_change_next_year"] > 0).sum())
    if len(pairs) == 1:
        year = int(pairs.index[0])
        return (f"Coca in {country} {'grew' if grew else 'did not grow'} in the year after {year}, the one year "
                "of eradication shown with a figure for the next year")
    return (f"Coca in {country} {'still ' if grew else ''}grew the following year after "
            f"{analysis.count_of(grew, len(pairs))} years of eradication shown")


HALVING_PLAN_EVENT = "eradication_us_colombia_halving_plan_2018"
HALVING_PLAN_BASE, HALVING_PLAN_TARGET = 2017, 2023   # halve from the 2017 level by 2023


def halving_plan_month() -> str:
    """The month the plan to halve Colombia's coca was agreed, from the events register ('March 2018')."""
    register = events.load()
    date = pd.Timestamp(register.loc[register["event_id"] == HALVING_PLAN_EVENT, "date"].iloc[0])
    return f"{date:%B %Y}"


def halving_plan_span(cultivation: pd.DataFrame, country: str = "Colombia") -> tuple[int, int, str, int] | None:
    """(first year, last year, 'UNODC's fell 17% and ...', how many counts) when the bodies' counts moved apart
    from the plan's baseline over the first Trump term; None when they agreed."""
    series = {body: analysis.cultivation_series(cultivation, country, body) for body in (analysis.UNODC, analysis.ONDCP)}
    if not all(len(s) for s in series.values()):
        return None
    table = direction_by_administration(series, administrations=("Trump I",),
                                        last_year=max(int(s.index.max()) for s in series.values()))
    apart = opposite_directions_title(table, country)
    rows = table[table["direction"].isin(["rose", "fell"])]
    if not apart or not (rows["first_year"] == HALVING_PLAN_BASE).all():
        return None
    return HALVING_PLAN_BASE, int(rows["last_year"].max()), apart.split(": ", 1)[1], len(rows)


def halving_plan_headline(cultivation: pd.DataFrame, country: str = "Colombia") -> str:
    """A headline on coca against the plan to halve it, for the overview: each body's own direction
    from the plan's baseline year (2017) to the first Trump term's last data year, never one
    body's figure against the other's. The plan is dated from the events register (March 2018),
    so the sentence never suggests it was in force in 2017.

    Falls back to UNODC's change over the plan years (2017-2023) when the bodies agreed.
    """
    plan = f"the plan agreed in {halving_plan_month()} to halve it"
    span = halving_plan_span(cultivation, country)
    if span:
        _, last, parts, counts = span
        return (f"From {HALVING_PLAN_BASE}, the baseline of {plan}, to {last}, the first Trump term's last data year, "
                f"the {_count_word(counts)} counts of {country}'s coca moved apart: {parts}")
    unodc = analysis.cultivation_series(cultivation, country, analysis.UNODC)
    return (f"Against {plan} from its {HALVING_PLAN_BASE} level by {HALVING_PLAN_TARGET}, UNODC's count of "
            f"{country}'s coca {moved(unodc.loc[HALVING_PLAN_BASE], unodc.loc[HALVING_PLAN_TARGET])} "
            f"from {HALVING_PLAN_BASE} to {HALVING_PLAN_TARGET}")


def _change_from_base(series: pd.Series, base_year: int, start_year: int, end_year: int, *, opening: str,
                      unit: str, short_unit: str, body: str, noun: str, level_only: str, peak_word: str) -> str:
    """'<opening> X <unit> in <first>[note][, a low base] and Y in <last>: <noun> rose N%.' with the
    caveats the chapter always gives: a base outside the window or missing, a base at the series'
    low or high, the first year shown, and a peak in between."""
    first_year, last_year = analysis.comparison_years(series, base_year)
    if first_year == last_year:
        return f"{opening} {num(series.loc[last_year])} {unit} in {last_year}, {level_only}."
    first, last = series.loc[first_year], series.loc[last_year]
    peak_year, peak_value = analysis.peak(series)
    note = base_note(series, first_year, base_year, start_year, end_year, body)
    base_clause, side = analysis.base_words(series, first_year, short_unit)
    text = (f"{opening} {num(first)} {unit} in {first_year}{note}{base_clause} and {num(last)} in {last_year}"
            + (f", {peak_word}" if peak_year == last_year else "")
            + f": {noun} {moved(first, last)}" + (f" from that {side} base." if side else "."))
    earliest = int(series.index.min())
    if side and earliest != first_year:
        if series.loc[earliest] == series.loc[first_year]:
            # The same value: a second change would only repeat the first one.
            text += f" The first figure in the years shown, for {earliest}, was the same {num(first)} {short_unit}."
        else:
            text += (f" Measured from the first figure in the years shown, {earliest} ({num(series.loc[earliest])} "
                     f"{short_unit}), {noun} {moved(series.loc[earliest], last)}.")
    if peak_year not in (first_year, last_year):
        text += f" The highest figure in the years shown is {num(peak_value)} {short_unit}, in {peak_year}."
    return text


def cultivation_change_sentence(series: pd.Series, country: str, base_year: int, start_year: int,
                                end_year: int) -> str:
    """UNODC's coca area for the country: from the base year (or nearest) to the last year shown."""
    if series.empty:
        return f"UNODC published no figure for {country} between {start_year} and {end_year} in the tables used here."
    return _change_from_base(series, base_year, start_year, end_year, opening=f"On UNODC's count, {country} had",
                             unit="hectares of coca", short_unit="hectares", body="UNODC", noun="the area",
                             level_only="the only UNODC figure in the years shown", peak_word="the largest")


def production_change_sentence(series: pd.Series, estimator: str, country: str, base_year: int, start_year: int,
                               end_year: int) -> str:
    """One body's potential cocaine production for the country, from the base year to the last year shown."""
    body = "UNODC" if estimator == analysis.UNODC else "the US government"
    return _change_from_base(series, base_year, start_year, end_year,
                             opening=f"{body[0].upper() + body[1:]} puts potential production in {country} at",
                             unit="metric tons", short_unit="tons", body=body, noun="output",
                             level_only="its only figure in the years shown", peak_word="its highest")


def eradication_sentences(shown: pd.DataFrame, area: pd.Series, record_year: int | None,
                          no_figure_years: list[int]) -> list[str]:
    """The record manual year and what the area did next; averages with and without spraying; lower bounds."""
    sentences = []
    if record_year is not None:
        text = (f"The largest manual-only eradication in the years shown was in {record_year}: "
                f"{num(shown.loc[record_year, 'hectares'])} hectares.")
        standing, after = area.get(record_year), area.get(record_year + 1)
        if standing is not None and after is not None:
            text += (f" UNODC counted {num(standing)} hectares standing at the end of that year and "
                     f"{num(after)} a year later: the area {moved(standing, after)} in the year that followed.")
        sentences.append(text)
    sprayed, manual = shown[shown["methods"] != "manual"], shown[shown["methods"] == "manual"]
    if len(sprayed) and len(manual):
        sentences.append(
            f"In the {plural(len(sprayed), 'year')} shown that include aerial spraying, an average of "
            f"{num(sprayed['hectares'].mean())} hectares a year was eradicated; in the "
            f"{plural(len(manual), 'manual-only year')}, {num(manual['hectares'].mean())}."
            + (f" Both averages cover only the years with a figure: none is held for "
               f"{analysis.year_ranges(no_figure_years)}." if no_figure_years else ""))
    bounds = [int(year) for year in shown.index[shown["lower_bound"].astype(bool)]]
    if bounds:
        sentences.append(
            f"The {analysis.year_ranges(bounds)} {'figure is a lower bound' if len(bounds) == 1 else 'figures are lower bounds'} "
            "(hatched): the sources give only part of the year or say only that more than this was eradicated.")
    return sentences


def poppy_title(us: pd.Series, mexico: pd.Series) -> str:
    """How far the US put Mexico's poppy area from the UNODC-Mexico survey, in the matching years shown."""
    overlap = analysis.common_years(us, mexico)
    if not overlap:
        return "Mexican opium poppy area as estimated by the US government and by UNODC-Mexico"
    ratio = (us.loc[overlap] / mexico.loc[overlap]).mean()
    side = "above" if ratio >= 1 else "below"
    if len(overlap) == 1:
        return (f"The US put Mexico's poppy area {pct(abs(ratio - 1))} {side} the UNODC-Mexico survey in "
                f"{overlap[0]}, the only matching year shown")
    return (f"The US put Mexico's poppy area {pct(abs(ratio - 1))} {side} the UNODC-Mexico survey on average over "
            f"{plural(len(overlap), 'matching year')}")


def poppy_sentence(us: pd.Series) -> str:
    peak_year, peak_area = analysis.peak(us)
    last_year = int(us.index.max())
    if len(us.dropna()) == 1:
        return f"The US estimate of Mexico's poppy is {num(peak_area)} hectares in {peak_year}, its only figure in the years shown."
    if last_year == peak_year:
        return (f"The highest US estimate of Mexico's poppy in the years shown is its last: {num(peak_area)} hectares "
                f"in {peak_year}.")
    return (f"The US estimate of Mexico's poppy peaked at {num(peak_area)} hectares in {peak_year}. By {last_year}, the last year "
            f"shown with a US figure, it stood at {num(us.loc[last_year])}: it {moved(peak_area, us.loc[last_year])} "
            "from the peak.")


def eradication_finding(pairs: pd.DataFrame) -> str:
    """The closing bullet on eradication: after how many years coca still grew, and the link."""
    grew = int((pairs["cultivation_change_next_year"] > 0).sum())
    if len(pairs) == 1:
        year = int(pairs.index[0])
        return (f"- **Eradication.** Coca {'grew' if grew else 'did not grow'} in the year after {year}, the one "
                "eradication year shown with a next-year figure; too few years to measure a link.")
    if len(pairs) >= 3:
        strength = analysis.strength(analysis.correlation(pairs)[0])
        chance = (strength not in ("very weak", "weak")
                  and analysis.permutation_p_value(pairs) >= SIGNIFICANCE)
        link = (f"the year-to-year link between the two looks {strength} but could be chance." if chance
                else f"the year-to-year link between the two is {strength}.")
    else:
        link = "too few years to measure a link."
    return (f"- **Eradication.** Coca grew in the year after {analysis.count_of(grew, len(pairs))} eradication "
            f"years shown; {link}")


def halving_goal_sentence(area_2017: float, area_2023: float, output_2017: float, output_2023: float,
                          us_2017: float, us_last: float, us_last_year: int) -> str:
    """The plan of March 2018 (halve Colombia's coca and cocaine by 2023) against UNODC's figures and
    the US series' last figure; whether each met the goal is computed, not stated."""
    def met(start: float, end: float) -> bool:
        return end <= start / 2

    unodc_met = met(area_2017, area_2023) and met(output_2017, output_2023)
    us_met = met(us_2017, us_last)
    if unodc_met and us_met:
        verdict = "Both series reached the goal"
    elif not unodc_met and not us_met:
        verdict = "Neither series reached the goal"
    else:
        verdict = ("UNODC's figures reached the goal and the US series did not" if unodc_met
                   else "The US series reached the goal and UNODC's figures did not")
    return (f"The plan agreed in {halving_plan_month()} aimed to halve coca cultivation and cocaine production by "
            f"{HALVING_PLAN_TARGET} from the levels of the time; it is measured here from {HALVING_PLAN_BASE}, the last "
            f"full year before the agreement. On UNODC's figures, cultivation {moved(area_2017, area_2023)}, from {num(area_2017)} hectares "
            f"in 2017 to {num(area_2023)} in 2023, and potential production {moved(output_2017, output_2023)}, from "
            f"{num(output_2017)} to {num(output_2023)} metric tons. The US series we hold ends in {us_last_year}, at "
            f"{num(us_last)} hectares: it {moved(us_2017, us_last)} from its own 2017 figure. {verdict}; over the "
            "years of the administration that agreed the plan, the table shows where each went.")


def halving_plan_pointer(start_year: int, end_year: int) -> str:
    """Said instead of the halving-plan verdict when the period chosen does not cover the plan's years."""
    return (f"The plan agreed in {halving_plan_month()} to halve Colombia's coca and cocaine is measured from "
            f"{HALVING_PLAN_BASE} to {HALVING_PLAN_TARGET}, a span the period chosen ({year_span(start_year, end_year)}) "
            "does not cover; "
            f"a period from {HALVING_PLAN_BASE} or earlier to {HALVING_PLAN_TARGET} or later sets it against the estimates.")


def no_findings_sentence(country: str, start_year: int, end_year: int) -> str:
    """The closing findings when the period holds too little data ('In 2019', never '2019-2019')."""
    period = f"The year {start_year}" if start_year == end_year else f"The period {start_year}-{end_year}"
    return f"{period} holds too little data for {country} to state findings."


def year_span(start_year: int, end_year: int) -> str:
    """'2001-2025', or '2019' when the period is one year (never '2019-2019')."""
    return str(start_year) if start_year == end_year else f"{start_year}-{end_year}"


SIGNIFICANCE = 0.05   # a permutation p below this counts as unlikely to be chance


def link_title(country: str, r: float, years: int, p_value: float) -> str:
    """Title of the eradication-against-next-year's-change scatter. A direction is stated only when
    the link is at least moderate AND unlikely to be chance; otherwise the title says the link is
    weak or indistinguishable from chance, with no direction."""
    strength = analysis.strength(r)
    figures = f"r = {r:.2f}, {plural(years, 'year')}"
    if strength in ("very weak", "weak"):
        return (f"In {country}, hectares eradicated in a year show only a {strength} link with the next year's change "
                f"in coca ({figures})")
    if p_value >= SIGNIFICANCE:
        return (f"In {country}, the link between hectares eradicated and the next year's change in coca looks "
                f"{strength} but could be chance ({figures})")
    direction = "smaller" if r < 0 else "larger"
    return (f"In {country}, years of heavier eradication were followed by {direction} growth in coca, a {strength} "
            f"link ({figures})")


def link_sentence(years: int, r: float, p_value: float) -> str:
    """What the correlation and its permutation p-value mean, in words."""
    chance = ("cannot rule out chance" if p_value >= SIGNIFICANCE
              else "makes pure chance unlikely, though not impossible")
    return (f"The correlation across the {plural(years, 'year pair')} is {r:.2f}, a {analysis.strength(r)} link. If "
            "eradication and next year's change were unrelated, a correlation at least this strong would still turn "
            f"up in {pct(p_value)} of random re-pairings of the same years, so this small sample {chance}.")


def window_note(shown_pairs: int, shown_first: int, shown_last: int, term_pairs: int, term_r: float,
                term_p: float, shown_p: float) -> str:
    """Why the claims appendix's coefficient (Trump-term pairs only) differs from the chapter's."""
    if term_pairs == shown_pairs or term_pairs < 3:
        return ""
    text = (f"The claims appendix tests the same relation on the {plural(term_pairs, 'eradication year')} in the "
            f"Trump terms only, not on the {num(shown_pairs)} from {shown_first} to {shown_last} drawn here, so its "
            f"coefficient differs: r = {term_r:.2f}, which chance alone would match in {pct(term_p)} of re-pairings.")
    if term_p >= SIGNIFICANCE and shown_p >= SIGNIFICANCE:
        text += " Neither coefficient can be told apart from chance, so neither shows what eradication does to the next year's crop."
    return text


def index_base_clause(series_by_name: dict[str, pd.Series], year: int) -> tuple[str, bool]:
    """What the index base year is to each series: its first year held, its low point, or both.

    Returns (clause, low) where clause is '' for an ordinary year and low says whether the base is
    the low point of at least one series (so that multiples measured from it look large).
    """
    roles = {}
    for name, series in series_by_name.items():
        if series.empty or year not in series.index:
            continue
        first = year == int(series.index.min())
        low = analysis.low_or_high(series, year) == "low"
        if first or low:
            roles[name] = (first, low)
    if not roles:
        return "", False
    words = {(True, True): "the first and lowest year held", (True, False): "the first year held",
             (False, True): "the low point"}
    kinds = set(roles.values())
    if len(roles) == len(series_by_name) == 2 and len(kinds) == 1:
        clause = f"{words[kinds.pop()]} of both series"
    else:
        clause = listing([f"{words[role]} of {name}" for name, role in roles.items()])
    return clause, any(low for _, low in roles.values())


def index_title_clause(series_by_name: dict[str, pd.Series], year: int) -> str:
    """A short title clause when the index base year is a low year of the series ('' otherwise)."""
    low = [name for name, series in series_by_name.items()
           if year in series.index and analysis.low_or_high(series, year) == "low"]
    if not low:
        return ""
    return "a low year for both series" if len(low) == len(series_by_name) == 2 else f"a low year for {listing(low)}"
