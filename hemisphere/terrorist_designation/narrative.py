"""Sentences of the terrorist-designation chapter, computed from its tables.

Every function returns text (Markdown) built from the numbers it is given, so a sentence is
true for every parameter value the chapter allows: one strike or many, one year or several, a
date before any designation, strike or tariff, or a sea with no strike. The notebook calls
these and displays them with `hemisphere.prose.say`.
"""

from __future__ import annotations

import re

import pandas as pd

from hemisphere.prose import day, listing, num, plural
from hemisphere.terrorist_designation.fto_list import COMPLETE_FROM

# The day the cartel designations took effect is read from the FTO table; these wordings name
# the record section according to whether any of it had happened by the chosen date.
RECORD_HEADING = "What the record since 2025 holds"


def _were(count: int) -> str:
    return "was" if count == 1 else "were"


def designations_by_year(fto_rows: pd.DataFrame) -> str:
    """'7 in 2025 and 2 in 2026, 3 of them dated only by an upper bound' for FTO designation rows.

    `fto_rows` has columns date, org_id and date_precision ('on_or_before' marks an upper bound).
    """
    if fto_rows.empty:
        return ""
    first = fto_rows.sort_values("date").drop_duplicates("org_id")
    parts = []
    for year, rows in first.groupby(first["date"].dt.year):
        bounded = int((rows["date_precision"] == "on_or_before").sum())
        part = f"{num(len(rows))} in {year}"
        if bounded:
            part += (f" ({'all' if bounded == len(rows) and bounded > 1 else num(bounded)} of "
                     f"{'them' if len(rows) > 1 else 'it'} dated only by an upper bound)")
        parts.append(part)
    return listing(parts)


def strike_summary(chosen: pd.DataFrame, totals: dict) -> str:
    """What the strike list records for the chosen seas, by sea, with singular and plural right."""
    if chosen.empty:
        return ""
    end = chosen["date"].max()
    span = f"On {day(end)}" if chosen["date"].min() == end else f"From {day(chosen['date'].min())} to {day(end)}"
    per_sea = chosen.groupby("sea")[["strikes", "killed"]].sum()
    by_sea = "; ".join(
        f"{sea if sea != 'Unknown' else 'sea not stated'}, {plural(int(row.strikes), 'strike')} and "
        f"{num(int(row.killed))} killed" for sea, row in per_sea.iterrows())
    return (f"{span} the list records {plural(totals['strikes'], 'strike')} in "
            f"{plural(totals['events'], 'announcement')}, on {plural(totals['vessels'], 'vessel')}, with "
            f"{num(totals['killed'])} {'person' if totals['killed'] == 1 else 'people'} reported killed, "
            f"{num(totals['presumed_dead'])} more later presumed dead and {num(totals['survivors'])} known "
            f"{'survivor' if totals['survivors'] == 1 else 'survivors'}. By sea: {by_sea}.")


def strike_title(totals: dict, last: pd.Timestamp) -> str:
    """Title of the cumulative strike chart: '57 strikes killed 201 people by 21 June 2026'."""
    verb = "killed"
    people = "person" if totals["killed"] == 1 else "people"
    return (f"{plural(totals['strikes'], 'strike')} {verb} {num(totals['killed'])} {people} by {day(last)}, "
            "as announced by the US government and reported by the press")


def missing_span(window) -> str:
    """'between 21 March 2026 and 28 May 2026' (or 'before 28 May 2026') for reconciliation.missing_window()."""
    if window is None:
        return ""
    if window["since"] is None:
        return f"before {day(window['until'])}"
    return f"between {day(window['since'])} and {day(window['until'])}"


def largest_gap(checks: pd.DataFrame) -> str:
    """Where the list falls furthest behind the published totals, and since when.

    The window is reconciliation.missing_window(): it runs from the last date on which a total
    matched the list within one death to the date of the largest gap. The chapter states it only
    here and, in the same words, in its "what is missing" section.
    """
    from hemisphere.terrorist_designation.reconciliation import missing_window

    if checks.empty:
        return ""
    window = missing_window(checks)
    if window is None:
        return (f"No published total exceeds the list's sum on its date; the largest difference is "
                f"{num(checks['gap'].min())} on {day(checks.loc[checks['gap'].idxmin(), 'tally_date'])}.")
    sentence = (f"The largest gap on any date is {plural(window['gap'], 'death')}, on {day(window['until'])} "
                f"({teller_inline(window['reported_by'])})")
    if window["since"] is not None:
        sentence += f"; the totals still matched the list within one death on {day(window['since'])}"
    return sentence + f", so strikes announced {missing_span(window)} are probably missing from the list."


def teller(reported_by: str) -> tuple[str, str]:
    """Split a tally's `reported_by` label into who counted and a note on the copy or speaker.

    "Associated Press (via PrismNews)" -> ("Associated Press", "as carried by PrismNews");
    "US Southern Command (Col. X) to The Intercept" -> ("US Southern Command", "Col. X, speaking to The
    Intercept"), so sentences name the counter without nested brackets or a dangling "to".
    """
    text = str(reported_by).strip()
    patterns = (
        (r"(.+?) \(via (.+)\)", lambda m: (m[1], f"as carried by {m[2]}")),
        (r"(.+?) \((.+)\) to (.+)", lambda m: (m[1], f"{m[2]}, speaking to {m[3]}")),
        (r"(.+?) via (.+?) \((.+)\)", lambda m: (m[1], f"{m[3]}; as carried by {m[2]}")),
        (r"(.+?) via (.+)", lambda m: (m[1], f"as carried by {m[2]}")),
        (r"(.+?) \((.+)\)", lambda m: (m[1], m[2])),
    )
    for pattern, split in patterns:
        found = re.fullmatch(pattern, text)
        if found:
            return split(found)
    return text, ""


def teller_inline(reported_by: str) -> str:
    """The counter and its note as one phrase with no brackets, for use inside parentheses."""
    name, note = teller(reported_by)
    return f"{name}, {note}" if note else name


def matches(official: pd.DataFrame) -> str:
    """Which official totals the list matches exactly."""
    matched = official[official["gap"] == 0]
    if matched.empty:
        return (f"None of the {plural(len(official), 'official total')} matches the list's sum exactly."
                if len(official) else "")
    return (f"The list matches the official total exactly on {listing(matched['tally_date'].map(day))} "
            f"({num(matched.iloc[0]['deaths_reported'])} dead on the first of these dates, counting those presumed "
            "dead).")


def record_heading(as_of, first_cartel_day) -> str:
    """The record section's opening sentence, true before and after the designations.

    Before the designations it names no later date: a chapter read as of a date states nothing
    that happened after it.
    """
    as_of = pd.Timestamp(as_of)
    if as_of < pd.Timestamp(first_cartel_day):
        return (f"On {day(as_of)} no criminal group had yet been designated, so there was as yet no record of "
                "designation and force to examine.")
    return ""


# The one sentence that may name a date after `as_of`: it speaks of the source copy held, not of an
# event (declared in notebooks/terrorist_designation.params.yaml, `sweep: allowed:`).
NEWER_COPY = "The newest OFAC sanctions list held, of {snapshot}, is later than this date"


def source_currency(as_of, snapshots, last_listed_strike, last_tally) -> str:
    """What the chapter's sources hold up to `as_of`, naming no event after it.

    `snapshots` are the dates of the OFAC copies held. The FTO table is checked against the newest
    copy dated by `as_of`; if none is, one sentence says the newest copy held is later (a statement
    about the source, the only one allowed to name a later date). The strike list's end and the
    latest published total are named only when they fall by `as_of`.
    """
    as_of = pd.Timestamp(as_of)
    snapshots = pd.Series(pd.to_datetime(pd.Series(list(snapshots)))).dropna()
    usable = snapshots[snapshots <= as_of]
    parts = []
    if len(usable):
        parts.append(f"its FTO table is checked against OFAC's sanctions list of {day(usable.max())}")
    if pd.notna(last_listed_strike) and pd.Timestamp(last_listed_strike) <= as_of:
        parts.append(f"its list of boat strikes ends on {day(last_listed_strike)}")
    if pd.notna(last_tally) and pd.Timestamp(last_tally) <= as_of:
        parts.append(f"its latest published strike total is dated {day(last_tally)}")
    text = f"This chapter reads as of {day(as_of)}" + ("; " + listing(parts) if parts else "") + "."
    if not len(usable) and len(snapshots):
        text += (" " + NEWER_COPY.format(snapshot=day(snapshots.max()))
                 + ", so the FTO table is not checked against an OFAC copy of this date.")
    return text


def before_cartel_designations(listed: pd.DataFrame, as_of) -> str:
    """The FTO list on a date before the first cartel designation, naming no later date."""
    hemisphere = listed[listed["western_hemisphere"]]
    if hemisphere.empty:
        where = "none of them in the Western Hemisphere"
    else:
        kinds = ("all designated for political violence" if (hemisphere["kind"] == "ideological").all() else
                 f"{num(int((hemisphere['kind'] == 'criminal').sum()))} of them criminal groups")
        where = f"{num(len(hemisphere))} of them in the Western Hemisphere ({listing(hemisphere['name'])}), {kinds}"
    return (f"On {day(as_of)} the list held {plural(len(listed), 'organization')}, {where}; no cartel or other "
            "criminal group had yet been designated.")


def no_strike_yet(as_of) -> str:
    """The strike section before the first strike: no later date named."""
    return f"No boat strike had taken place by {day(as_of)}."


def no_criminal_designation_yet(as_of) -> str:
    """The designations section before the first designation: no later date named."""
    return f"No Latin American criminal group had been designated under these authorities by {day(as_of)}."


def nothing_to_reconcile(as_of) -> str:
    """The reconciliation section before any strike: no later strike implied."""
    return f"No strike had taken place by {day(as_of)}, so there is nothing to reconcile."


def no_tally_yet(as_of) -> str:
    """Before the first published strike total: no later date named."""
    return f"No running total of the strikes had been published by {day(as_of)}."


def no_state_year_yet(as_of) -> str:
    """Mexico's state-level section before its first full year: no later date named."""
    return f"No full year of Mexico's state-level homicide figures held had ended by {day(as_of)}."


def no_violence_data(as_of) -> str:
    """The violence section when no series in the tables covers a period ended by `as_of`."""
    return (f"No homicide series charted here covers a period that had ended by {day(as_of)}, so the selection "
            "has no violence data to draw.")


# --- Mexico -------------------------------------------------------------------------------------

def mexico_designations(listed: pd.DataFrame, first_day_groups: pd.DataFrame, as_of) -> str:
    """Mexico's share of the hemisphere's criminal FTOs on `as_of` and of the first batch."""
    as_of = pd.Timestamp(as_of)
    criminal = listed[(listed["kind"] == "criminal") & listed["western_hemisphere"]]
    if criminal.empty:
        return f"On {day(as_of)} no Mexican or other Latin American criminal group was on the FTO list."
    mexican = criminal[criminal["countries"].str.split(";").str[0].str.strip() == "Mexico"]
    first_mexican = first_day_groups[first_day_groups["countries"].str.split(";").str[0].str.strip() == "Mexico"]
    sentence = (f"Of the {plural(len(first_day_groups), 'group')} designated on "
                f"{day(first_day_groups['designation_date'].min())}, {num(len(first_mexican))} "
                f"{_were(len(first_mexican))} Mexican ({listing(first_mexican['name'])}). ") if len(first_day_groups) else ""
    bounded = mexican[mexican["designation_date_precision"] == "on_or_before"]
    sentence += (f"On {day(as_of)}, {num(len(mexican))} of the {plural(len(criminal), 'criminal group')} from the "
                 f"hemisphere on the list {_were(len(mexican))} based in Mexico")
    if len(bounded):
        sentence += (f"; for {num(len(bounded))} of them ({listing(bounded['name'])}) the designation is known only "
                     f"from OFAC's list of {day(bounded['designation_date'].max())}, an upper bound on its date")
    return sentence + "."


# The tariff table's action codes in words, for the table the chapter shows.
TARIFF_ACTION_WORDS = {"ordered": "ordered", "paused": "paused", "in_effect": "in effect",
                       "usmca_exemption": "USMCA goods exempted", "threatened": "threatened", "extended": "extended",
                       "invalidated": "struck down"}


def tariff_history(tariffs: pd.DataFrame, as_of, first_strike=None) -> str:
    """The fentanyl tariff on Mexico up to `as_of`: ordered, in force, exempted, threatened, ended.

    Names no step after `as_of`; says the tariff came before the strikes only once a strike (on
    `first_strike`) had happened by `as_of`.
    """
    as_of = pd.Timestamp(as_of)
    known = tariffs[tariffs["date"] <= as_of].sort_values("date")
    if known.empty:
        return f"By {day(as_of)} no tariff on Mexico had been justified by fentanyl."
    enacted = known[known["action"] != "threatened"]
    now = enacted.iloc[-1]
    parts = []
    ordered = known[known["action"] == "ordered"]
    if len(ordered):
        parts.append(f"on {day(ordered['date'].iloc[0])} the President ordered a "
                     f"{num(ordered['rate_non_usmca_pct'].iloc[0])}% duty on Mexican goods under emergency powers "
                     "(IEEPA), citing fentanyl and migration")
    effect = known[known["action"] == "in_effect"]
    if len(effect):
        parts.append(f"after a pause it took effect on {day(effect['date'].iloc[0])}")
    exempt = known[known["action"] == "usmca_exemption"]
    if len(exempt):
        parts.append(f"from {day(exempt['date'].iloc[0])} goods qualifying under the USMCA were exempt")
    threat = known[known["action"] == "threatened"]
    for row in threat.itertuples():
        parts.append(f"a letter of {day(row.date)} threatened {num(row.rate_non_usmca_pct)}%")
    for index, row in enumerate(known[known["action"] == "extended"].itertuples()):
        parts.append(f"on {day(row.date)} the {num(row.rate_non_usmca_pct)}% duty was extended "
                     f"{'instead' if index == 0 else 'again'}")
    struck = first_strike is not None and pd.notna(first_strike) and pd.Timestamp(first_strike) <= as_of
    lead = "The tariff came before the strikes: " if struck else "The fentanyl tariff: "
    sentence = lead + "; ".join(parts) + "." if parts else ""
    if now["action"] == "invalidated":
        sentence += (f" On {day(now['date'])} the Supreme Court held that the emergency law does not authorize "
                     "tariffs, which ended the fentanyl duty.")
    elif now["action"] != "ordered":
        usmca = "" if pd.isna(now["rate_usmca_pct"]) else f" ({num(now['rate_usmca_pct'])}% on USMCA goods)"
        sentence += (f" On {day(as_of)} the duty on goods outside the USMCA stood at "
                     f"{num(now['rate_non_usmca_pct'])}%{usmca}.")
    return sentence.strip()


def transfers(batches: pd.DataFrame, tariffs: pd.DataFrame, as_of) -> str:
    """The mass transfers of cartel figures up to `as_of`, each set beside the tariff step before it."""
    as_of = pd.Timestamp(as_of)
    done = batches[batches["date"] <= as_of].sort_values("date")
    if done.empty:
        return f"By {day(as_of)} Mexico had made no mass transfer of prisoners to the United States."
    total = int(done["people"].sum())
    listed = listing([f"{num(row.people)} on {day(row.date)}" for row in done.itertuples()])
    sentence = (f"Mexico handed {plural(total, 'prisoner')} wanted in the United States over in "
                f"{num(len(done))} batches: {listed}" if len(done) > 1 else
                f"Mexico handed {plural(total, 'prisoner')} wanted in the United States over in one batch, on "
                f"{day(done['date'].iloc[0])}")
    reported = done["running_total_reported"].dropna()
    if len(reported) and int(reported.iloc[-1]) == total:
        sentence += f", the {num(total)} the Mexican security minister counted"
    sentence += "."
    nearest = []
    for row in done.itertuples():
        earlier = tariffs[tariffs["date"] <= row.date]
        if earlier.empty:
            continue
        step = earlier.iloc[-1]
        text = (f"the {day(row.date)} batch came {plural((row.date - step['date']).days, 'day')} after the "
                f"tariff step of {day(step['date'])} ({step['action'].replace('_', ' ')})")
        later = tariffs[(tariffs["date"] > row.date) & (tariffs["date"] <= as_of)
                        & (tariffs["action"] != "invalidated")].sort_values("date")
        if len(later):
            upcoming = later.iloc[0]
            text += (f" and {plural((upcoming['date'] - row.date).days, 'day')} before the next, on "
                     f"{day(upcoming['date'])} ({upcoming['action'].replace('_', ' ')})")
        nearest.append(text)
    if nearest:
        sentence += " In timing, " + "; ".join(nearest) + "."
    return sentence


def last_ended_fiscal_year(as_of) -> int:
    """The newest US fiscal year (October to September) that had ended by `as_of`.

    A year still running on `as_of` is left out: its total, as the download gives it, was not
    known on that date.
    """
    as_of = pd.Timestamp(as_of)
    return as_of.year if as_of >= pd.Timestamp(year=as_of.year, month=9, day=30) else as_of.year - 1


def mexico_aid(aid: pd.DataFrame, as_of) -> str:
    """US obligations to Mexico by fiscal year: the Mérida peak and the newest complete year."""
    last_fy = last_ended_fiscal_year(as_of)
    rows = aid[(aid["measure"] == "obligations") & (aid["fiscal_year"] <= last_fy)].sort_values("fiscal_year")
    if rows.empty:
        return "No US aid figure for Mexico is held for a fiscal year that had ended by this date."
    full = rows[~rows["partial_year"]]
    peak = full.loc[full["amount_usd"].idxmax()] if len(full) else rows.iloc[-1]
    latest = full.iloc[-1] if len(full) else rows.iloc[-1]
    sentence = (f"US obligations of foreign assistance to Mexico (all sectors, not only security) peaked at "
                f"${num(peak['amount_usd'] / 1e6)} million in FY{int(peak['fiscal_year'])}")
    if latest["fiscal_year"] != peak["fiscal_year"]:
        sentence += f" and were ${num(latest['amount_usd'] / 1e6)} million in FY{int(latest['fiscal_year'])}"
    partial = rows[rows["partial_year"]]
    if len(partial):
        sentence += (f"; FY{int(partial['fiscal_year'].iloc[-1])} is partial in the download, as agencies had not reported all of it "
                     f"(${num(partial['amount_usd'].iloc[-1] / 1e6)} million so far)")
    return sentence + "."


def mexico_strikes(chosen: pd.DataFrame, as_of) -> str:
    """How many listed strikes were in the eastern Pacific (the list records no nearer location)."""
    as_of = pd.Timestamp(as_of)
    if chosen.empty:
        return f"No strike in the chosen seas is listed by {day(as_of)}."
    pacific = chosen[chosen["sea"] == "Eastern Pacific"]
    if pacific.empty:
        counted = "The one announcement counted here was" if len(chosen) == 1 else \
            f"None of the {plural(len(chosen), 'announcement')} counted here was"
        return f"{counted} {'not ' if len(chosen) == 1 else ''}in the eastern Pacific."
    return (f"{num(len(pacific))} of the {plural(len(chosen), 'announcement')} counted here "
            f"({plural(int(pacific['strikes'].sum()), 'strike')}, {num(int(pacific['killed'].sum()))} killed) were in the "
            "eastern Pacific, an ocean that borders several countries besides Mexico; the list records no nearer "
            "location, no announcement names a Mexican group, and the US has not said where the boats had sailed from.")


def months_known(incidence: pd.DataFrame, as_of) -> pd.DataFrame:
    """Monthly rows whose month had ended by `as_of`, with a month-start timestamp column `start`."""
    rows = incidence.assign(start=pd.to_datetime(incidence["month"] + "-01"))
    ended = rows["start"] + pd.offsets.MonthEnd(0)
    return rows[ended <= pd.Timestamp(as_of)].sort_values("start")


def homicide_incidence(incidence: pd.DataFrame, first_cartel_day, as_of) -> str:
    """Homicide offences a year before and since the designations, within one register only."""
    known = months_known(incidence, as_of)
    if known.empty:
        return "No month of SESNSP's homicide case-file count had ended by this date."
    first_cartel_day = pd.Timestamp(first_cartel_day)
    old = known[known["register"] == known["register"].iloc[0]]
    peak = old.loc[old["offences"].idxmax()]
    sentence = (f"SESNSP's count of intentional-homicide offences in case files peaked at {num(peak['offences'])} in "
                f"{peak['start']:%B %Y}")
    designation_month = first_cartel_day.to_period("M").to_timestamp()
    before = old[(old["start"] < designation_month) & (old["start"] >= designation_month - pd.DateOffset(years=1))]
    after = old[old["start"] >= designation_month]
    if len(before) == 12 and len(after):
        change = after["offences"].mean() / before["offences"].mean() - 1
        sentence += (f". In the {plural(len(after), 'month')} from {designation_month:%B %Y} to "
                     f"{after['start'].max():%B %Y} it averaged {num(after['offences'].mean())} a month, against "
                     f"{num(before['offences'].mean())} in the twelve months before the designations "
                     f"({'down' if change < 0 else 'up'} {num(abs(change) * 100)}%)")
        earlier = old[(old["start"] < designation_month - pd.DateOffset(years=1))
                      & (old["start"] >= designation_month - pd.DateOffset(years=2))]
        if len(earlier) == 12:
            trend = before["offences"].mean() / earlier["offences"].mean() - 1
            sentence += (f"; the year before that it had moved {'down' if trend < 0 else 'up'} "
                         f"{num(abs(trend) * 100)}%")
    sentence += "."
    new = known[known["register"] != old["register"].iloc[0]]
    if len(new):
        sentence += (f" From {new['start'].min():%B %Y} a new register gives {num(new['offences'].mean())} a month "
                     f"to {new['start'].max():%B %Y}; it is not joined to the old one.")
    held_to = pd.to_datetime(incidence["month"] + "-01").max()
    if held_to <= pd.Timestamp(as_of) < held_to + pd.offsets.MonthEnd(0):
        # Said, so the chapter's last month is not read against the newer month the currency table shows.
        sentence += (f" The table's figure for {held_to:%B %Y} is left out: that month had not ended by "
                     f"{day(as_of)}, the date this chapter reads as of.")
    return sentence


SECURITY_MILESTONES = (
    ("terrorist_designation_merida_initiative_2007", "the Mérida Initiative was announced"),
    ("terrorist_designation_merida_first_funds_2008", "Congress appropriated its first funds"),
    ("terrorist_designation_bicentennial_framework_2021", "the Bicentennial Framework replaced it"),
    ("terrorist_designation_security_implementation_group_2025",
     "the two governments set up a high-level security implementation group"),
)
SHEINBAUM_ON_STRIKES = "terrorist_designation_sheinbaum_rejects_strikes_2025"


def security_milestones(register: pd.DataFrame, as_of) -> str:
    """The security-cooperation frameworks in force by `as_of`, from the events register."""
    as_of = pd.Timestamp(as_of)
    steps = [f"on {day(register.loc[event_id, 'date'])} {text}" for event_id, text in SECURITY_MILESTONES
             if event_id in register.index and register.loc[event_id, "date"] <= as_of]
    if not steps:
        return ""
    return ("US security cooperation with Mexico came in frameworks: " + "; ".join(steps) + ". No budget line for "
            "these frameworks by fiscal year is in the tables, so the aid shown is all US assistance to Mexico.")


def sheinbaum_on_strikes(register: pd.DataFrame, as_of) -> str:
    """Mexico's government on the strikes, once it had spoken."""
    if SHEINBAUM_ON_STRIKES not in register.index or register.loc[SHEINBAUM_ON_STRIKES, "date"] > pd.Timestamp(as_of):
        return ""
    row = register.loc[SHEINBAUM_ON_STRIKES]
    return (f"On {day(row['date'])} President Sheinbaum said Mexico does not support the strikes and asked for "
            f"international treaties to be respected ([report]({row['source_url']})).")


def fto_shortfall(official: pd.DataFrame, listed_on, as_of) -> str:
    """The State Department's stated totals up to `as_of` against this table's count on the same dates.

    `listed_on(date)` returns the number of organizations the rebuilt list holds on a date.
    """
    stated = official[official["date"] <= pd.Timestamp(as_of)].sort_values("date")
    if stated.empty:
        return ""
    parts = [f"{num(row.organizations)} on {day(row.date)} where the rebuilt list has {num(listed_on(row.date))}"
             for row in stated.itertuples()]
    when = f" before {COMPLETE_FROM:%B %Y}" if pd.Timestamp(as_of) >= COMPLETE_FROM else ""
    return (f"The list rebuilt for this report is short{when}: the State Department itself counted "
            + listing(parts) + ".")




def of_them(count: int, what: str) -> str:
    """'none of them criminal', '1 of them criminal', '20 of them criminal'."""
    return f"{'none' if count == 0 else num(count)} of them {what}"


# --- Section openers: the chapter's framing prose, true for every `as_of` -------------------------
# Each opener names only what had happened by `as_of`; tests/test_terrorist_designation_openers.py
# runs them at early dates and checks that no later date or later-designated group is named.

ORDER_EVENT = "terrorist_designation_eo14157_2025"
# The Mérida Initiative's announcement (register: terrorist_designation_merida_initiative_2007); the
# framework is named only from that date.
MERIDA_ANNOUNCED = pd.Timestamp("2007-10-22")
CENTRAL_AMERICA = {"El Salvador", "Guatemala", "Honduras"}
# Dates of the reports the 'who was killed' paragraph cites: a report is quoted only once it was out.
REPATRIATION_REPORTED = pd.Timestamp("2025-10-18")   # Antiwar.com report of the survivors' repatriation
TRINIDAD_REPORTED = pd.Timestamp("2025-10-24")       # Newsday, 24 October 2025
IDENTITIES_REPORTED = pd.Timestamp("2026-03-09")     # Fox News page saying no identities or cargo evidence released
FOLLOW_UP_STRIKE_REPORTED = pd.Timestamp("2025-12-02")  # Rep. Lieu's remarks on the 2 September follow-up strike


def _home(countries) -> str:
    """Where a group is based, for prose: its first country, or Central America for the two gangs."""
    parts = [part.strip() for part in str(countries).split(";")]
    return "Central America" if len(parts) > 1 and set(parts) <= CENTRAL_AMERICA else parts[0]


def criminal_waves(fto: pd.DataFrame, as_of) -> pd.DataFrame:
    """The hemisphere's criminal groups designated by `as_of`: name, date, home, in date order."""
    rows = fto[(fto["kind"] == "criminal") & fto["western_hemisphere"]
               & (fto["designation_date"] <= pd.Timestamp(as_of))].sort_values(["designation_date", "name"])
    return rows.assign(home=rows["countries"].map(_home))


def _later_homes(waves: pd.DataFrame) -> list[str]:
    later = waves[waves["designation_date"] > waves["designation_date"].min()]
    return list(dict.fromkeys(later["home"]))


def chapter_intro(fto: pd.DataFrame, strikes: pd.DataFrame, order_day, as_of) -> str:
    """The chapter's opening paragraph: what had been ordered, designated and struck by `as_of`."""
    as_of, order_day = pd.Timestamp(as_of), pd.Timestamp(order_day)
    waves = criminal_waves(fto, as_of)
    question = ("What changed when the United States began to treat Latin American cartels and gangs as "
                "terrorist organizations? ")
    if as_of < order_day:
        return (question + f"On {day(as_of)} it had not yet done so: no cartel or gang was on the State "
                "Department's list of Foreign Terrorist Organizations (FTOs). The chapter shows the list as it "
                "stood on that date and, in its later sections, only what had happened by then.")
    sentence = question + f"Executive Order 14157 of {day(order_day)} ordered the designations"
    if waves.empty:
        return sentence + f"; by {day(as_of)} no group had yet been designated under it."
    first_day = waves["designation_date"].min()
    first = waves[waves["designation_date"] == first_day]
    sentence += (f"; {plural(len(first), 'group')} became Foreign Terrorist Organizations (FTOs) and Specially "
                 f"Designated Global Terrorists (SDGTs) on {day(first_day)}")
    homes = _later_homes(waves)
    if homes:
        sentence += (f", and {plural(len(waves) - len(first), 'more group')} from {listing(homes)} had followed "
                     f"by {day(as_of)}")
    confirmed = strikes[(strikes["status"] == "confirmed") & (strikes["date"] <= as_of)]
    instruments = "sanctions, rewards" + (f" and military strikes on boats from {confirmed['date'].min():%B %Y}"
                                          if len(confirmed) else "")
    return (sentence + f". This chapter asks which instruments came with the label ({instruments}), where the "
            "designated groups operate and with what violence, and sets out what had followed the designations by "
            f"{day(as_of)}, including any use of force.")


def fto_list_intro(fto: pd.DataFrame, as_of) -> str:
    """The FTO-list section's opening: the list's kinds of group up to `as_of`."""
    as_of = pd.Timestamp(as_of)
    start = fto["designation_date"].min()
    waves = criminal_waves(fto, as_of)
    sentence = (f"From its start on {day(start)} the State Department's list held groups designated for political "
                "or religious violence")
    if len(waves):
        where = "all of them" if len(waves) == len(fto[(fto["kind"] == "criminal") & (fto["designation_date"] <= as_of)]) \
            else "most of them"
        sentence += (f"; from {waves['designation_date'].min():%B %Y} it also took in profit-driven criminal "
                     f"organizations, {where} in the Americas")
    return sentence + ". The chart counts the organizations on the list on every date it changed."


def fto_chart_caveat(fto: pd.DataFrame, as_of) -> str:
    """What the FTO chart does not show; names a later-designated group only once it was listed."""
    as_of = pd.Timestamp(as_of)
    period = f"before {COMPLETE_FROM:%B %Y}" if as_of >= COMPLETE_FROM else "for the years drawn"
    text = (f"What the chart does not show: the list {period} is incomplete. Groups revoked "
            + ("before then" if as_of >= COMPLETE_FROM else "in those years") + " were added where a State Department text dates the revocation, but others of the 1997 list (among them "
            "the Armed Islamic Group, the 17 November group and Egyptian al-Jihad) and groups listed and revoked in between are "
            "still missing, so the hatched years are lower bounds; the diamonds give the State Department's own "
            "totals.")
    if (fto["kind"] == "criminal").any() and (fto.loc[fto["kind"] == "criminal", "designation_date"] <= as_of).any():
        text += " The split into ideological and criminal groups is this report's label, not an official category"
        soles = fto[fto["org_id"] == "SOLES"]
        if len(soles) and soles["designation_date"].iloc[0] <= as_of:
            text += (", and Cartel de los Soles, which the US describes as led by Venezuelan officials, is counted "
                     "as criminal")
        text += "."
    return text


def designations_intro(fto: pd.DataFrame, actions: pd.DataFrame, as_of) -> str:
    """The designations section's opening: the waves of designation up to `as_of`."""
    as_of = pd.Timestamp(as_of)
    waves = criminal_waves(fto, as_of)
    if waves.empty:
        return ""
    first_day = waves["designation_date"].min()
    first = waves[waves["designation_date"] == first_day]
    dates = waves["designation_date"].nunique()
    sentence = (f"The first {plural(len(first), 'group')} {'was' if len(first) == 1 else 'were'} designated "
                f"together on {day(first_day)}")
    homes = _later_homes(waves)
    if homes:
        sentence += f"; designations on {plural(dates - 1, 'later date')} followed, of groups from {listing(homes)}"
    sentence += ". The chart shows each action by instrument"
    others = actions[(actions["entity_kind"] != "group") & (actions["date"] <= as_of)]
    if len(others):
        sentence += "; Treasury also designated factions and leaders under the SDGT order"
    return sentence + "."


def designations_caveat(as_of, any_designation: bool) -> str:
    """What the designations table leaves out (only once there is a designation to qualify)."""
    if not any_designation:
        return ""
    return ("Not every action is here: Treasury's sanctions on cartel members under the narcotics order (E.O. 14059) "
            "are only sampled, and some dates are announcements rather than Federal Register dates. Designation of a "
            "group as an FTO also made it an SDGT in most cases, as the Congressional Research Service noted for the "
            "2025 designations.")


def strikes_intro(strikes: pd.DataFrame, as_of) -> str:
    """The strike section's opening, from the first strike listed by `as_of` (empty before it)."""
    as_of = pd.Timestamp(as_of)
    confirmed = strikes[(strikes["status"] == "confirmed") & (strikes["date"] <= as_of)]
    if confirmed.empty:
        return ""
    seas = [sea for sea in ("Caribbean", "Eastern Pacific") if sea in set(confirmed["sea"])]
    where = " and the ".join(["Caribbean" if s == "Caribbean" else "eastern Pacific" for s in seas]) or "at sea"
    return (f"From {confirmed['date'].min():%B %Y} the US military destroyed small boats in the {where} that it said "
            "belonged to designated terrorist organizations. There is no official list of strikes: the one used "
            "here is built from announcements relayed by the press, and it is compared below with the running "
            "totals that US Southern Command, the Pentagon and news outlets published.")


def about_the_dead(strikes: pd.DataFrame, as_of) -> str:
    """What is known about those killed: each report cited only once it had been published."""
    as_of = pd.Timestamp(as_of)
    if strikes[(strikes["status"] == "confirmed") & (strikes["date"] <= as_of)].empty:
        return ""
    text = ("Everything in these tables is the US government's account: who was on board, that the boats carried "
            "drugs, and which organization they served.")
    if as_of >= IDENTITIES_REPORTED:
        text += (" The Pentagon has not released the identities of the dead or evidence of cargo ([Fox News]"
                 "(https://www.foxnews.com/politics/us-military-strike-suspected-narco-boat-eastern-pacific)).")
    if as_of >= REPATRIATION_REPORTED:
        text += (" Survivors of one October strike were repatriated to Ecuador and Colombia rather than prosecuted "
                 "([Antiwar.com](https://news.antiwar.com/?p=163407)).")
    if as_of >= TRINIDAD_REPORTED:
        text += (" Trinidad and Tobago nationals were reported among the dead of another ([Newsday](https://newsday."
                 "co.tt/2025/10/24/tenth-us-strike-off-venezuela-claims-six-lives/)).")
    if as_of >= FOLLOW_UP_STRIKE_REPORTED:
        text += (" The follow-up strike of 2 September on survivors drew accusations that it may have been a war "
                 "crime ([Rep. Ted Lieu](https://lieu.house.gov/media-center/in-the-news/top-democrat-former-jag-says-"
                 "killing-shipwrecked-survivors-war-crime)).")
    return text


def violence_intro(fto: pd.DataFrame, as_of) -> str:
    """The violence section's opening; before the designations it speaks of the countries, not the groups."""
    as_of = pd.Timestamp(as_of)
    waves = criminal_waves(fto, as_of)
    panels = ("The panels show homicide rates where official series exist and UN counts of gang killings in Haiti, "
              "with only the figures for periods ended by this date.")
    if waves.empty:
        return ("No criminal group had been designated by this date, so this section shows the violence of the "
                "region as it stood: " + panels[0].lower() + panels[1:])
    return (f"The criminal groups designated by {day(as_of)} are based in {listing(list(dict.fromkeys(waves['home'])))}, "
            "and violence there had its own course before 2025. " + panels + " They cannot show what designation "
            "caused: homicides answer to local wars between groups, state policy and reporting practice, and the "
            "data end before or shortly after the designations.")


def mexico_rate_before(mexico_rate: pd.DataFrame | None, designation_year: int) -> str:
    """Mexico's case-file homicide rate in the two full years before the designations, direction computed.

    `mexico_rate` holds SESNSP's yearly rows (`year`, `value`, per 100,000). Rates equal at one decimal
    are called level, so the sentence never says "falling" of 22.66 against 22.71.
    """
    if mexico_rate is None or mexico_rate.empty:
        return ""
    rows = mexico_rate[mexico_rate["year"] < designation_year].sort_values("year")
    if rows.empty:
        return ""
    last = rows.iloc[-1]
    sentence = (f" In Mexico, in {int(last['year'])}, the last full year before its cartels were designated, "
                f"SESNSP's case-file homicide rate was {num(last['value'], 1)} per 100,000")
    previous = rows[rows["year"] == last["year"] - 1]
    if len(previous):
        before = previous.iloc[0]
        if round(last["value"], 1) == round(before["value"], 1):
            sentence += f", level with {int(before['year'])}"
        else:
            sentence += (f", {'down' if last['value'] < before['value'] else 'up'} from {num(before['value'], 1)} "
                         f"in {int(before['year'])}")
    peak = rows.loc[rows["value"].idxmax()]
    if peak["year"] < last["year"] - 1:
        sentence += f"{' and' if len(previous) else ','} below its {int(peak['year'])} peak of {num(peak['value'], 1)}"
    return sentence + "."


def violence_caveat(fto: pd.DataFrame, as_of, mexico_rate: pd.DataFrame | None = None) -> str:
    """Why the designations cannot be read off the violence series (once there are designations).

    `mexico_rate`, SESNSP's yearly rate for Mexico, gives the computed sentence on the years before
    the Mexican designations; without it the caveat says nothing of Mexico's trend.
    """
    as_of = pd.Timestamp(as_of)
    waves = criminal_waves(fto, as_of)
    if waves.empty:
        return ""
    text = "The designations cannot be read off these series."
    if "Ecuador" in set(waves["home"]):
        text += " Ecuador's violence rose years before its gangs were designated."
    if "Mexico" in set(waves["home"]):
        mexican_day = waves.loc[waves["home"] == "Mexico", "designation_date"].min()
        text += mexico_rate_before(mexico_rate, pd.Timestamp(mexican_day).year)
    kinds = len(set(waves["home"]))
    if kinds > 1:
        text += (f" The groups also differ: they are based in {num(kinds)} countries or regions and share the "
                 "label, not the violence or the business.")
    return text


def mexico_intro(fto: pd.DataFrame, tariffs: pd.DataFrame, batches: pd.DataFrame, strikes: pd.DataFrame, as_of) -> str:
    """The Mexico section's opening: which of the policy's instruments had reached Mexico by `as_of`."""
    as_of = pd.Timestamp(as_of)
    waves = criminal_waves(fto, as_of)
    parts = []
    if len(waves):
        first = waves[waves["designation_date"] == waves["designation_date"].min()]
        mexican = int((first["home"] == "Mexico").sum())
        parts.append(f"{num(mexican)} of the {plural(len(first), 'group')} designated first "
                     f"{'is' if mexican == 1 else 'are'} Mexican")
    if (tariffs["date"] <= as_of).any():
        parts.append(f"the tariffs ordered from {tariffs['date'].min():%B %Y} were justified by fentanyl crossing from "
                     "Mexico")
    handed = int((batches["date"] <= as_of).sum())
    if handed:
        parts.append("Mexico's government handed cartel figures to US prosecutors "
                     + ("in one batch" if handed == 1 else f"in {num(handed)} batches"))
    confirmed = strikes[(strikes["status"] == "confirmed") & (strikes["date"] <= as_of)]
    if (confirmed["sea"] == "Eastern Pacific").any():
        parts.append("boats were struck in the eastern Pacific, though no announcement names a Mexican group and the "
                     "US has not said where the boats sailed from")
    if not parts:
        return ("By this date no cartel designation, fentanyl tariff, prisoner transfer or boat strike had touched "
                "Mexico; the section shows what the tables hold for that date.")
    lead = ("Mexico is where the policy's instruments meet: " if len(parts) > 1 else
            "By this date one instrument of the policy had reached Mexico: ")
    return (lead + "; ".join(parts) + ". The tables below set " + ("these" if len(parts) > 1 else "it")
            + " side by side with the US security aid that came before; they show timing, not cause.")


def mexico_caveat(fto: pd.DataFrame, tariffs: pd.DataFrame, batches: pd.DataFrame, register: pd.DataFrame, as_of) -> str:
    """What the Mexico section can and cannot attribute, naming only what had happened by `as_of`."""
    as_of = pd.Timestamp(as_of)
    text = "What these data can and cannot attribute."
    if (batches["date"] <= as_of).any() and (tariffs["date"] <= as_of).any():
        text += (" The batches of prisoners came days or weeks after tariff steps and amid threats of US action on "
                 "Mexican soil, but both governments described them as cooperation, and nothing here separates the "
                 "tariff from the designations, the strikes or diplomacy as a cause.")
    if len(criminal_waves(fto, as_of)):
        text += (" Whatever the case-file count of homicides did after the designations, the Mexican government "
                 "credits its own national security strategy, begun in October 2024, and a change in one register "
                 "cannot be assigned to any one of these.")
    text += " The aid series is all US foreign assistance to Mexico as ForeignAssistance.gov reports it"
    text += (", not the Mérida Initiative or its successors alone: no year-by-year budget line for those frameworks "
             "was found in the stored material." if as_of >= MERIDA_ANNOUNCED else ".")
    if SHEINBAUM_ON_STRIKES in register.index and register.loc[SHEINBAUM_ON_STRIKES, "date"] <= as_of:
        text += (" Mexico's government rejected unilateral US force on its soil; only one of its statements on the "
                 "strikes is in the register, and no strike announcement names a Mexican group.")
    return text


def record_intro(as_of, first_cartel_day) -> str:
    """The record section's framing, once there was a record to set against the 2025 warning."""
    if pd.Timestamp(as_of) < pd.Timestamp(first_cartel_day):
        return ""
    return ("This section lists what followed the designations, abroad and at home, counting only what had "
            "happened by the chapter's date.")


STRIKE_SEARCHES = ('"US strike drug boat" for each month from May to November 2026, SOUTHCOM and Hegseth '
                   "announcements, AP, Reuters, NYT and CNN tallies, Airwars")


def what_is_missing(fto: pd.DataFrame, strikes: pd.DataFrame, tallies: pd.DataFrame, checks, tariffs: pd.DataFrame,
                    incidence: pd.DataFrame, as_of) -> str:
    """The chapter's "what is missing" paragraph: gaps in the tables that bear on the record up to `as_of`.

    `checks` is reconciliation.checkpoints() (None when not all seas are counted); the missing-strike
    window is the one largest_gap() states, in the same words.
    """
    from hemisphere.terrorist_designation.reconciliation import confirmed, missing_window

    as_of = pd.Timestamp(as_of)
    items = []
    listed = confirmed(strikes)
    last_strike = listed["date"].max()
    if len(listed) and as_of > last_strike:
        items.append(f"strikes after {day(last_strike)} (searched: {STRIKE_SEARCHES})")
    official = tallies[tallies["source_kind"] == "official"]
    last_official = official["tally_date"].max() if len(official) else None
    if last_official is not None and as_of > last_official + pd.DateOffset(months=1):
        items.append(f"official running totals of the strikes after {last_official:%B %Y}")
    window = missing_window(checks) if checks is not None and len(checks) else None
    if window is not None:
        items.append(f"the strikes announced {missing_span(window)} that the published totals imply")
    bounded = fto[(fto["designation_date_precision"] == "on_or_before") & (fto["designation_date"] <= as_of)
                  & fto["western_hemisphere"]]
    if len(bounded):
        items.append(f"the exact designation {'date' if len(bounded) == 1 else 'dates'} of {listing(bounded['name'])} "
                     "(searched the Federal Register and State Department designation notices; only OFAC's list of "
                     f"{day(bounded['designation_date'].max())} shows {'it' if len(bounded) == 1 else 'them'})")
    items.append(f"the FTO list's groups revoked before {COMPLETE_FROM:%B %Y}, so counts before then are lower bounds"
                 if as_of >= COMPLETE_FROM else
                 "the FTO list's groups revoked before this date that the rebuilt list misses, so its counts are lower bounds")
    known = months_known(incidence, as_of)
    if as_of >= pd.Timestamp("2025-07-31"):
        monthly = (f" (the monthly count of homicide offences in case files runs to {known['start'].max():%B %Y} and is "
                   "shown separately)" if len(known) else "")
        items.append("SESNSP's victim figures and state figures for July 2025 onward" + monthly)
    if as_of >= MERIDA_ANNOUNCED:
        items.append("a Mérida Initiative budget line by fiscal year")
    ended = tariffs[(tariffs["action"] == "invalidated") & (tariffs["date"] <= as_of)]
    if len(ended):
        items.append(f"a later fentanyl-justified tariff on Mexico after the Supreme Court's ruling of "
                     f"{ended['date'].iloc[0]:%B %Y}")
    return "Searched for and not found in the material stored for this edition: " + "; ".join(items) + "."
