"""Sentences and chart titles of the Venezuela chapter, built from the numbers they state.

Every function takes small tables (from ``hemisphere.venezuela.analysis``) and returns text; none
reads data itself except ``overview_finding``, which the overview calls at the chapter's defaults.
Each sentence holds for any allowed parameter value: a single program, a one-year window, an
empty selection, a copy without an earlier one to compare with.
"""

from __future__ import annotations

import pandas as pd

from hemisphere.prose import data_to, day, listing, money, moved, num, plural
from hemisphere.venezuela import analysis

TYPE_NOUNS = {"individual": ("individual", "individuals"), "entity": ("entity", "entities"),
              "vessel": ("vessel", "vessels"), "aircraft": ("aircraft", "aircraft")}
BASIS_NAMES = {
    analysis.OPEC_INDEPENDENT: "OPEC's secondary sources",
    analysis.OPEC_OFFICIAL: "the government's direct communication to OPEC",
    "OPEC Annual Statistical Bulletin": "OPEC's Annual Statistical Bulletin",
    "OPEC, basis not stated": "OPEC figures of unstated basis",
    analysis.BLOOMBERG_SURVEY: "Bloomberg's survey",
}


def counted(count: int, kind: str) -> str:
    """'1 individual', '3 entities', '2 aircraft'."""
    singular, several = TYPE_NOUNS[kind]
    return f"{num(count)} {singular if count == 1 else several}"


def entries(count: int, adjective: str = "") -> str:
    """'1 entry', '3 Venezuela-related entries'."""
    noun = "entry" if count == 1 else "entries"
    return f"{num(count)} {adjective + ' ' if adjective else ''}{noun}"


def people(count: int) -> str:
    """'1 person', '5 people'."""
    return f"{num(count)} {'person' if count == 1 else 'people'}"


def program_label(tag: str) -> str:
    return analysis.PROGRAM_LABELS.get(tag, tag)


def program_names(programs: list[str]) -> str:
    """The chosen programs as a phrase: 'EO 13692 (VENEZUELA) and Kingpin Act (SDNTK)'."""
    return listing([program_label(tag) for tag in programs])


def window(start, end) -> str:
    """'from 1 January 2015 to 31 August 2026' (one date when start and end coincide)."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return f"on {day(start)}" if start == end else f"from {day(start)} to {day(end)}"


def sentence_start(text: str) -> str:
    """Capitalise the first letter only ('from 1 January' -> 'From 1 January')."""
    return text[:1].upper() + text[1:]


def type_listing(by_type: dict) -> str:
    """'3 individuals, 1 entity and 2 vessels' (types with no entry left out; 'no entries' if none)."""
    parts = [counted(count, kind) for kind, count in by_type.items() if count]
    return listing(parts) if parts else "no entries"


# --- the headline: the list's own count first, the sourced actions second ----------------------

def outside_window(dates, start=None, end=None) -> bool:
    """Whether any of the dates falls outside the chosen window (never, when no window is given)."""
    if start is None or end is None:
        return False
    first, last = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    return any(not first <= pd.Timestamp(moment).normalize() <= last for moment in dates)


# Said of a copy named outside the date window: the SDN section reads the copy chosen for it (the
# `snapshot` parameter), which the dates do not set. Reader text names no parameter.
COPY_POINTER = " (the copy is chosen for this section on its own, not by the chapter's dates)"
COPIES_POINTER = " (the copies are chosen for this section on their own, not by the chapter's dates)"
WIDEN_END = "a later end date for the chapter shows them"
WIDEN_EITHER = "an earlier start or a later end date for the chapter draws them"


VENEZUELA_PROGRAMS_PHRASE = "a Venezuela sanctions program (EO 13692, 13850 or 13884)"


def tag_split(count: dict) -> str:
    """How the Venezuela-related entries divide: under a Venezuela program, or under narcotics or
    terrorism programs only (counted for their Venezuelan ties). Says why two counts differ."""
    total, tagged, untagged = count["venezuela_related"], count["tagged"], count["untagged"]
    if total == 0:
        return ""
    if untagged == 0:
        return f" {'It is' if total == 1 else 'All of them are'} listed under {VENEZUELA_PROGRAMS_PHRASE}."
    if tagged == 0:
        return (f" None is listed under {VENEZUELA_PROGRAMS_PHRASE}: {'it is' if total == 1 else 'all are'} "
                "under narcotics or terrorism programs and counted for their Venezuelan ties.")
    return (f" Of the {num(total)}, {num(tagged)} {'is' if tagged == 1 else 'are'} listed under "
            f"{VENEZUELA_PROGRAMS_PHRASE} and {num(untagged)} under narcotics or terrorism programs only, "
            "counted for their Venezuelan ties.")


def sdn_headline(count: dict, start=None, end=None, later_terror: int | None = None) -> str:
    """The SDN list's own count of Venezuela-related entries on one copy, and how many of them carry
    a Venezuela program tag (the two counts, each named); a copy outside the window [start, end] is
    said to be chosen apart from the dates."""
    pointer = COPY_POINTER if outside_window([count["snapshot"]], start, end) else ""
    return (f"OFAC's SDN list of {day(count['snapshot'])}{pointer} holds "
            f"{entries(count['venezuela_related'], 'Venezuela-related')} ({type_listing(count['by_type'])}) among "
            f"{num(count['entries_total'])} entries in all.{tag_split(count)}{remarks_limit(count, later_terror)}")


def remarks_limit(count: dict, later_terror: int | None = None) -> str:
    """The limit of a count made on a copy without the list's Remarks: Venezuelans listed under
    narcotics or terrorism programs after the last copy with Remarks are missed unless tagged."""
    if count.get("has_remarks", True):
        return ""
    since = count.get("remarks_copy")
    after = f"after the copy of {day(since)}" if since is not None else "on it"
    extra = ""
    if later_terror:
        extra = (f"; the sourced actions alone designated {plural(later_terror, 'individual')} under the terrorism "
                 f"program after that copy, none of them counted here unless so tagged")
    return (f" The count is a lower bound: this copy lacks the list's Remarks, so Venezuelans listed under narcotics "
            f"or terrorism programs {after} are counted only when they also carry a Venezuela program tag{extra}.")


def sdn_table_caption(snapshot) -> str:
    """Caption of the table by type and program: the rule that counts each entry once."""
    return (f"Venezuela-related entries on the SDN copy of {day(snapshot)}, by type and program (an entry under "
            "several programs is counted once: under its Venezuela program if it has one, otherwise under the "
            "first the list gives it)")


# The rule for what the list of sourced actions counts, stated wherever its count appears.
def actions_rule(programs: list[str]) -> str:
    """Which of the sourced actions are counted: those that designated someone under the chosen programs."""
    terror = [tag for tag in programs if tag in ("SDGT", "FTO")]
    return (f"An action is counted when a source dates it and it designated people, companies, vessels or aircraft "
            f"under {program_names(programs)}{' (terrorist designations included)' if terror else ''}; executive "
            "orders that named no one, reward offers on their own, indictments and licences are left out"
            + (", and an action under several of these programs is counted once." if len(programs) > 1 else "."))


def program_families(programs: list[str]) -> str:
    """'the Venezuela, narcotics and terrorism programs' (the chosen tags grouped, in order)."""
    families = []
    for tag in programs:
        family = ("Venezuela" if tag.startswith("VENEZUELA") else "narcotics" if tag == "SDNTK"
                  else "terrorism" if tag in ("SDGT", "FTO") else tag)
        if family not in families:
            families.append(family)
    return f"the {listing(families)} {'program' if len(families) == 1 and len(programs) == 1 else 'programs'}"


def actions_phrase(designations: pd.DataFrame) -> str:
    """What the action list is: a list of sourced actions and the designations they state."""
    n, total = len(designations), int(designations["designated"].sum()) if len(designations) else 0
    programs = list(dict.fromkeys(designations["program_group"])) if n else []
    counted = (f" (actions that designated people or property under {program_families(programs)}; orders that "
               "named no one, rewards and licences left out)" if n else "")
    return (f"the {plural(n, 'sourced designation action')} gathered for this chapter{counted} "
            f"{'states' if n == 1 else 'state'} {plural(total, 'designation')} between them, a list of actions read "
            "from press releases and their summaries, not a total")


def overview_finding(chosen: dict | None = None) -> str:
    """The overview's Venezuela sentence: the list's own count on the chapter's copy, then the actions.

    `chosen` is the chapter's parameters in this edition (snapshot, programs, dates); defaults if None.
    """
    from hemisphere import data, params

    chosen = chosen or params.declaration("venezuela_sanctions").defaults()
    count = analysis.sdn_count(data.load("sdn_entries"), data.load("sdn_snapshots"), chosen["snapshot"])
    actions = analysis.designation_actions(data.load("ofac_actions"), chosen["programs"],
                                           chosen["start_date"], chosen["end_date"])
    first, last = pd.Timestamp(chosen["start_date"]), pd.Timestamp(chosen["end_date"])
    span = f"in {first:%Y}" if first.year == last.year else f"from {first:%Y} to {last:%Y}"
    return sdn_headline(count) + " Beside that count, " + actions_phrase(actions) + f" ({span})."


def overview_glance() -> str:
    """A short phrase for the overview's at-a-glance title: the list's own count at the defaults."""
    from hemisphere import data, params

    snapshot = params.declaration("venezuela_sanctions").defaults()["snapshot"]
    count = analysis.sdn_count(data.load("sdn_entries"), data.load("sdn_snapshots"), snapshot)
    return f"the SDN list held {entries(count['venezuela_related'], 'Venezuela-related')} in {count['snapshot']:%B %Y}"


# --- designations over time --------------------------------------------------------------------

def designations_sentence(designations: pd.DataFrame, programs: list[str], start, end) -> str:
    if designations.empty:
        return (f"No designation action under {program_names(programs)} is recorded {window(start, end)} in the "
                "sources gathered, so there is nothing to count for this choice of programs and dates.")
    kinds = analysis.designated_by_kind(designations)
    # Kinds with no designation are left out ('42 individuals and 13 entities', not '... and 0 vessels').
    parts = [text for count, text in (
        (kinds["individuals"], counted(int(kinds["individuals"]), "individual")),
        (kinds["entities"], counted(int(kinds["entities"]), "entity")),
        (kinds["vessels_or_aircraft"], f"{num(kinds['vessels_or_aircraft'])} "
         f"{'vessel or aircraft' if kinds['vessels_or_aircraft'] == 1 else 'vessels or aircraft'}")) if count]
    named_kinds = listing(parts) if parts else "no individual, entity, vessel or aircraft by type"
    unstated = (f", plus {num(kinds['type_not_stated'])} companies and people that a source counted together "
                "without saying how many of each" if kinds["type_not_stated"] else "")
    silent = analysis.uncounted_actions(designations)
    silent_text = (f" {'One action' if silent == 1 else plural(silent, 'action')} in the list {'states' if silent == 1 else 'state'} no count and "
                   f"{'adds' if silent == 1 else 'add'} nothing to these totals." if silent else "")
    biggest = designations.loc[designations["designated"].idxmax()]
    first_name = str(biggest["notable_names"]).split(";")[0].split(" (")[0].strip()
    largest = int(biggest["designated"])
    named = (f" ({first_name}{' among them' if largest > 1 else ''})" if first_name and first_name != "nan" else "")
    ties = int((designations["designated"] == largest).sum())
    if len(designations) == 1:
        biggest_text = (f" It added {plural(largest, 'name')} to the list on {day(biggest['date'])} under "
                        f"{biggest['authority']}{named}.")
    elif ties == len(designations):
        biggest_text = f" Each added {plural(largest, 'name')} to the list."
    elif ties > 1:
        biggest_text = (f" The largest actions added {plural(largest, 'name')} each ({num(ties)} of them, the first "
                        f"on {day(biggest['date'])} under {biggest['authority']}{named}).")
    else:
        biggest_text = (f" The largest single action, on {day(biggest['date'])}, added {plural(largest, 'name')} to "
                        f"the list under {biggest['authority']}{named}.")
    acting = analysis.programs_with_actions(designations, programs)
    idle = [tag for tag in programs if tag not in acting]
    idle_names = [program_label(tag) for tag in idle]
    either = idle_names[0] if len(idle_names) == 1 else ", ".join(idle_names[:-1]) + " or " + idle_names[-1] if idle else ""
    idle_text = (f" No action under {either} falls in the period chosen." if idle else "")
    return (f"{sentence_start(window(start, end))}, the sources gathered for this chapter record "
            f"{plural(len(designations), 'designation action')} under {program_names(acting)}. Together they "
            f"named {named_kinds}{unstated}.{silent_text}{biggest_text}{idle_text}")


def designations_title(designations: pd.DataFrame) -> str:
    """Title of the cumulative chart: the leading program and the busiest year, both computed."""
    totals = analysis.program_totals(designations)
    total = int(totals.sum())
    year, in_year, _ = analysis.peak_year(designations)
    if len(totals) == 1:
        lead = f"all under {program_label(totals.index[0])}"
    else:
        lead = f"most under {program_label(totals.index[0])}: {num(totals.iloc[0])}"
        if totals.iloc[0] * 2 <= total:
            lead = f"the largest share under {program_label(totals.index[0])}: {num(totals.iloc[0])}"
    busiest = "" if designations["date"].dt.year.nunique() == 1 else f", {num(in_year)} of them in {year}"
    return f"{plural(total, 'designation')} in the sourced actions{busiest}; {lead}"


# --- the SDN list ------------------------------------------------------------------------------

def sdn_types_title(by_type: pd.DataFrame, snapshot: str) -> str:
    totals = by_type.sum(axis=1)
    if totals.sum() == 0:
        return f"No Venezuela-related entries on the SDN copy of {pd.Timestamp(snapshot):%B %Y}"
    kind = totals.idxmax()
    return (f"{TYPE_NOUNS[kind][1].capitalize()} lead the Venezuela-related SDN entries of "
            f"{pd.Timestamp(snapshot):%B %Y}, {num(totals.max())} of {num(totals.sum())}")


def removed_sentence(earlier: str, chosen: str, listed: int, removed: pd.DataFrame, start=None, end=None) -> str:
    individuals = int((removed["sdn_type"] == "individual").sum())
    left = f"{entries(len(removed)) if len(removed) else 'none'} left the list altogether"
    who = f" ({num(individuals)} of them {'an individual' if individuals == 1 else 'individuals'})" if len(removed) else ""
    pointer = COPIES_POINTER if outside_window([earlier, chosen], start, end) else ""
    return (f"Between the copies of {day(earlier)} and {day(chosen)}{pointer}, "
            f"{entries(listed, 'Venezuela-related') if listed else 'no Venezuela-related entry'} "
            f"{'was' if listed <= 1 else 'were'} newly listed and {left}{who}.")


def capture_sentence(latest_copy, leader: pd.Series, leader_listed: bool, successor: pd.Series,
                     successor_removed: bool) -> str:
    """What the latest SDN copy says of the captured leader and his successor (rows of named_entries)."""
    listed = "is still listed" if leader_listed else "is no longer listed"
    surname = leader["person"].split()[-1]
    role = successor["role"][:1].lower() + successor["role"][1:]
    status = ("is gone from that copy: she was delisted at some point after the copy before it, which the copies "
              "cannot date" if successor_removed else "remains listed")
    return (f"On the latest SDN copy held ({day(latest_copy)}), months after his capture, {surname}'s entry "
            f"(no. {int(leader['ent_num'])}) {listed}. {successor['person']} ({role}; entry no. "
            f"{int(successor['ent_num'])}) {status}.")


# --- rewards -----------------------------------------------------------------------------------

def no_rewards_sentence(steps: pd.DataFrame, end) -> str:
    """No reward offered by the window's end: when the first came, with the parameter that shows it."""
    return (f"No reward on a Venezuelan official had been offered by {day(end)}; the first offers date from "
            f"{steps['date'].min():%B %Y} ({WIDEN_END}).")


def rewards_sentence(in_force: pd.DataFrame, end, start=None, undated: pd.DataFrame | None = None) -> str:
    """Rewards in force by `end`; offers announced before `start` are said to be kept, since they stood in the window."""
    maduro = in_force[in_force["person"] == "Nicolas Maduro Moros"]
    before = " (offers announced before the chapter's start date are kept: they still stood in the period chosen)"
    before = before if start is not None and (in_force["date"] < pd.Timestamp(start)).any() else ""
    offered = in_force["person"].nunique()
    text = f"By {day(end)}, rewards had been offered for {people(offered)}{before if maduro.empty else ''}."
    if undated is not None and len(undated):
        left = undated[undated["year"] <= pd.Timestamp(end).year]
        if len(left):
            names = listing([str(name) for name in left["person"]])
            text += (f" Only offers whose announcement day is known are counted; {plural(len(left), 'further offer')} "
                     f"(on {names}) {'is' if len(left) == 1 else 'are'} known by year alone, from a low-confidence "
                     f"source, and {'is' if len(left) == 1 else 'are'} left out.")
    if maduro.empty:
        return text
    latest = maduro.iloc[-1]
    if len(maduro) > 1:
        return text + (f" The offer on Maduro rose from {money(maduro['amount_usd'].iloc[0])} in "
                       f"{maduro['date'].iloc[0]:%B %Y} to {money(latest['amount_usd'])} in {latest['date']:%B %Y}"
                       f"{before}.")
    return (text + f" The offer on Maduro stood at {money(latest['amount_usd'])}, announced in "
            f"{latest['date']:%B %Y}{before}.")


def rewards_title(in_force: pd.DataFrame, end, capture_date) -> str:
    maduro = in_force[in_force["person"] == "Nicolas Maduro Moros"]
    if maduro.empty:
        return f"Rewards for {plural(in_force['person'].nunique(), 'Venezuelan official')} by {pd.Timestamp(end):%B %Y}"
    raises = len(maduro) - 1
    if raises and pd.Timestamp(end) >= pd.Timestamp(capture_date):
        times = "once" if raises == 1 else "twice" if raises == 2 else f"{num(raises)} times"
        return f"The reward for Maduro was raised {times}, to {money(maduro['amount_usd'].max())}, before his capture"
    return f"By {pd.Timestamp(end):%B %Y} the reward for Maduro stood at {money(maduro['amount_usd'].iloc[-1])}"


# --- oil -----------------------------------------------------------------------------------------

def oil_sentence(points: pd.DataFrame, start, end, held: pd.DataFrame | None = None) -> str:
    """Changes in annual averages, each basis on its own; never one basis against another.

    `held` (every crude point, as analysis.crude_points gives them) dates the figures held when none
    falls in the window."""
    pieces = []
    for reporter in (analysis.OPEC_INDEPENDENT, analysis.OPEC_OFFICIAL):
        annual = analysis.annual_by_basis(points, reporter)
        if len(annual) >= 2:
            first, last = annual.index[0], annual.index[-1]
            low = annual.idxmin()
            trough = (f", with a low of {num(annual[low])} in {low}" if low not in (first, last) else "")
            pieces.append(f"on {BASIS_NAMES[reporter]}, average crude output {moved(annual.iloc[0], annual.iloc[-1])} "
                          f"from {num(annual.iloc[0])} thousand barrels a day in {first} to {num(annual.iloc[-1])} in "
                          f"{last}{trough}")
    if not pieces:
        if points.empty:
            if held is not None and len(held):
                first, last = held["period_start"].min(), held["period_end"].max()
                span = f"from {first:%B %Y} to {last:%B %Y}"
            else:
                span = "from December 2016 onwards"
            return (f"No crude figure in barrels a day falls {window(start, end)}; the figures held run {span} "
                    f"({WIDEN_EITHER}).")
        return (f"Fewer than two annual averages of the same OPEC basis fall {window(start, end)}, so no change is "
                "stated; the monthly figures drawn are shown by basis.")
    return ("Between the first and last annual averages held for each basis in the period chosen, " + "; ".join(pieces)
            + ". Each basis is compared only with itself.")


def oil_title(points: pd.DataFrame) -> str:
    """The change between the first and last annual averages of one basis; when the chart's months or
    quarters run past that basis's newest annual average, the title says that year is the newest held."""
    last_drawn = points["period_end"].max() if len(points) else None
    for reporter, words in ((analysis.OPEC_INDEPENDENT, "OPEC's independent estimates"),
                            (analysis.OPEC_OFFICIAL, "the government's own figures")):
        annual = analysis.annual_by_basis(points, reporter)
        if len(annual) < 2:
            continue
        first, last = annual.index[0], annual.index[-1]
        change = f"Average crude output {moved(annual.iloc[0], annual.iloc[-1])} from {first} to {last}"
        if last_drawn is not None and last_drawn.year > last:
            return f"{change}, the newest annual average held on {words}"
        return f"{change} on {words} (annual averages)"
    return "Venezuelan crude output as OPEC reports it, by basis"


def gap_sentence(gaps: pd.DataFrame) -> str:
    if gaps.empty:
        return "No month or year in the period chosen has both an official and an independent OPEC figure."
    above = int((gaps["gap_kbd"] > 0).sum())
    below = len(gaps) - above
    n = len(gaps)
    periods = plural(n, "period")
    if above == n:
        split = f"the government's own number was the higher in {'it' if n == 1 else 'every one'}"
    elif below == n:
        split = f"the government's own number was the lower in {'it' if n == 1 else 'every one'}"
    else:
        split = f"the government's own number was higher in {num(above)} and lower in {num(below)}"
    widest = gaps.loc[gaps["gap_kbd"].abs().idxmax()]
    return (f"Where OPEC published both figures for the same period ({periods} within the chapter's dates), {split}; the widest "
            f"gap was {num(abs(widest['gap_kbd']))} thousand barrels a day ({widest['period']}). The two are shown "
            "side by side rather than merged.")


def twh_sentence(energy: pd.DataFrame) -> str:
    if len(energy) < 2:
        return "Fewer than two years of the Energy Institute series fall in the period chosen, so no change is stated."
    first, last = energy.iloc[0], energy.iloc[-1]
    trough = energy.loc[energy["twh"].idxmin()]
    return (f"In energy terms (all oil liquids, Energy Institute), production {moved(first['twh'], last['twh'])} from "
            f"{int(first['year'])} to {int(last['year'])}, with the low in {int(trough['year'])}; this series is in "
            "terawatt-hours and is not compared with the barrels above.")


# --- emigration ----------------------------------------------------------------------------------

def diaspora_sentence(totals: pd.DataFrame, start, end) -> str:
    """R4V's first and last worldwide counts in the window (one series, never spliced with another)."""
    if len(totals) < 2:
        return (f"Fewer than two of R4V's worldwide counts are dated {window(start, end)}, so no change is "
                "stated for this period.")
    first, last = totals.iloc[0], totals.iloc[-1]
    return (f"Venezuelan refugees and migrants counted worldwide by R4V, the platform UNHCR and IOM lead, went from "
            f"about {num(first['persons'] / 1e6, 1)} million ({first['date']:%B %Y}) to about "
            f"{num(last['persons'] / 1e6, 1)} million ({last['date']:%B %Y}).")


def statements_sentence(statements: pd.DataFrame) -> str:
    """UNHCR and IOM's earlier joint statements, each with its date and the confidence of the copy read."""
    if statements.empty:
        return ""
    parts = []
    for row in statements.itertuples():
        weak = "; known only from a repost, low confidence" if row.confidence == "low" else ""
        parts.append(f"{num(row.persons / 1e6, 1)} million ({row.date:%B %Y}{weak})")
    noun = "statement" if len(parts) == 1 else "statements"
    return (f"Before R4V's own counts, UNHCR and IOM's joint {noun} gave {listing(parts)}; "
            f"{'it is' if len(parts) == 1 else 'they are'} shown apart and not compared with R4V's figures.")


def diaspora_title(totals: pd.DataFrame) -> str:
    if len(totals) < 2:
        return "Venezuelans abroad: too few R4V counts in this period to show a change"
    first, last = totals.iloc[0], totals.iloc[-1]
    verb = "rose" if last["persons"] > first["persons"] else "fell" if last["persons"] < first["persons"] else "stood"
    return (f"Venezuelans abroad {verb} from {num(first['persons'] / 1e6, 1)} million in {first['date']:%Y} to "
            f"{num(last['persons'] / 1e6, 1)} million in {last['date']:%Y} on R4V's count")


# --- after the capture -------------------------------------------------------------------------

FORO_PENAL = "Foro Penal"


def _copy_confidence(row) -> str:
    """' (low confidence: ...)' after a figure whose only copy read is weak; nothing otherwise."""
    if row.get("confidence") == "low":
        return " (low confidence: known only from a press copy that could not be checked against the counter's own release)"
    return ""


def prisoners_sentence(releases: pd.DataFrame) -> str:
    foro = releases[releases["counter"] == FORO_PENAL]
    verified = foro[foro["measure"] == "political_prisoners_released_verified"].sort_values("date")
    held = foro[foro["measure"] == "political_prisoners_held"].sort_values("date")
    others = releases[(releases["counter"] != FORO_PENAL)
                      & (releases["measure"] == "political_prisoners_released_verified")].sort_values("date")
    if verified.empty:
        return "No count of political prisoners released is held."
    last = verified.iloc[-1]
    text = (f"Foro Penal verified {num(last['persons'])} releases of political prisoners between 8 January and "
            f"{day(last['date'])}")
    if not held.empty:
        still = held.iloc[-1]
        text += f", and counted {num(still['persons'])} still held on {day(still['date'])}{_copy_confidence(still)}"
    claimed = releases[releases["measure"] == "detainees_released_claimed"]
    if not claimed.empty:
        text += (f"; the government claimed more than {num(claimed['persons'].iloc[0])} releases, a figure Foro Penal "
                 "disputed")
    text += "."
    for counter, rows in others.groupby("counter", sort=False):
        latest = rows.iloc[-1]
        text += (f" {counter}, a second monitor, confirmed {num(latest['persons'])} releases between 8 January and "
                 f"{day(latest['date'])}{_copy_confidence(latest)}.")
    return text + " The counters measure different things and are not added."


def period_subtitle(last, precision: str = "month") -> str:
    return data_to(last, precision)


# --- reader words for the tables' columns and codes (no column or category name in reader text) --

CHANGE_COLUMNS = {"from_snapshot": "From the copy of", "to_snapshot": "To the copy of", "listed": "Newly listed",
                  "became_venezuela_related": "Became Venezuela-related", "removed": "Removed from the list",
                  "programs_changed": "Programs changed"}
ENTRY_COLUMNS = {"ent_num": "Entry no.", "name": "Name on the list", "sdn_type": "Type",
                 "programs_before": "Programs before"}
ACTION_COLUMNS = {"date": "Date", "authority": "Authority", "program_group": "Program", "individuals": "Individuals",
                  "entities": "Entities", "vessels_or_aircraft": "Vessels or aircraft",
                  "type_not_stated": "Type not stated", "names": "Names"}
REWARD_COLUMNS = {"date": "Date", "person": "Person", "amount_usd": "Reward (US$)",
                  "previous_usd": "Previous offer (US$)"}
GAP_COLUMNS = {"period": "Period", "official_kbd": "Government figure (kb/d)",
               "independent_kbd": "OPEC secondary sources (kb/d)", "gap_kbd": "Difference (kb/d)"}
EVENT_COLUMNS = {"date": "Date", "label": "What happened", "kind": "Kind of step", "source_title": "Source"}
NAMED_COLUMNS = {"person": "Person", "ent_num": "Entry no.", "sdn_name": "Name on the list",
                 "listed_on": "Designated on", "role": "Role"}
RELEASE_COLUMNS = {"date": "Date", "counter": "Counted by", "measure": "What was counted", "persons": "Persons",
                   "confidence": "Confidence in the copy read"}
RELEASE_MEASURES = {
    "political_prisoners_released_verified": "political prisoners released (verified)",
    "political_prisoners_held": "political prisoners still held",
    "detainees_released_claimed": "detainees released (claimed)",
    "amnesty_applications": "applications under the amnesty law",
    "house_arrest_lifted_under_amnesty": "house arrests lifted under the amnesty",
    "prisoners_released_under_amnesty": "prisoners released under the amnesty",
}


def release_measure(code: str) -> str:
    """A prisoner_releases measure as reader words (an unknown code is shown with spaces)."""
    return RELEASE_MEASURES.get(code, str(code).replace("_", " "))


def program_labels(cell) -> str:
    """'VENEZUELA; SDNTK' -> 'EO 13692 (VENEZUELA); Kingpin Act (SDNTK)' (a tuple of tags works too)."""
    tags = analysis.program_tags(cell) if isinstance(cell, str) else list(cell or ())
    return "; ".join(program_label(tag) for tag in tags)


def missing_sentence(platform: pd.DataFrame, releases: pd.DataFrame, latest_copy) -> str:
    """What the chapter looked for after the capture and did not find, dated from the tables themselves:
    the newest platform count of Venezuelans abroad, the newest prisoner count, the latest SDN copy."""
    abroad = (f"no count of Venezuelans abroad after {platform['date'].max():%B %Y}" if len(platform)
              else "no count of Venezuelans abroad")
    prisoners = (f"of political prisoners after {releases['date'].max():%B %Y}" if len(releases)
                 else "of political prisoners")
    return ("What is missing: no page read gives a date for a presidential election; no designation or delisting "
            f"of 2026 was found in the pages read (the SDN copy of {day(latest_copy)} only shows that Delcy "
            f"Rodríguez's entry was gone by then); and {abroad} or {prisoners} was found in the stored sources.")


def previous_offer(amount) -> str:
    """The reward table's 'previous offer' cell: 'none' for a first offer, else the amount in dollars."""
    return "none" if not amount else f"{int(amount):,}"
