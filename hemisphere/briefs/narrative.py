"""Sentences of a country brief, computed from hemisphere.briefs.analysis (pure functions).

Each function returns one sentence, true for any country and period: when the country has
nothing in a section, the sentence says so plainly. A sentence names only the country of the
brief (groups and publishers, never another country).
"""

from __future__ import annotations

import pandas as pd

from hemisphere.briefs import analysis
from hemisphere.prose import listing, money, num, plural

SECTION_TITLES = {
    "aid": "US aid",
    "homicide": "Homicide",
    "border": "Border Patrol apprehensions",
    "removals": "Removals",
    "tps": "Temporary Protected Status",
    "majors": "The majors list",
    "designations": "Designated groups",
    "ofac": "OFAC sanctions",
    "crops": "Coca and poppy",
    "events": "Events in the register",
}
# What each section would have shown, for the closing list of what the brief does not hold.
SECTION_WHAT = {
    "aid": "US aid obligations (ForeignAssistance.gov)",
    "homicide": "a UNODC homicide rate",
    "border": "Border Patrol encounters with its citizens (OHSS)",
    "removals": "ICE removals to it in the stored tables",
    "tps": "Temporary Protected Status decisions",
    "majors": "a place on the majors list of drug-transit or drug-producing countries",
    "designations": "groups designated FTO or SDGT that operate there",
    "ofac": "OFAC sanctions the stored tables tie to it",
    "crops": "coca or opium poppy estimates",
    "events": "rows in the events register",
}


def fy_span(first: int, last: int) -> str:
    return f"FY{first}" if first == last else f"FY{first}-FY{last}"


def year_span(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}-{last}"


# -- the five headlines ------------------------------------------------------------------------

def aid_headline(country: str, by_year: pd.DataFrame, start: int, end: int) -> str:
    totals = analysis.aid_totals(by_year)
    if not totals:
        return f"ForeignAssistance.gov records no complete year of US obligations to {country} in {fy_span(start, end)}."
    span = fy_span(totals["first"], totals["last"])
    if totals["years"] == 1:
        return f"US agencies obligated {money(totals['total'])} to {country} in {span}."
    return (f"US agencies obligated {money(totals['total'])} to {country} over {span}, the most in "
            f"FY{totals['peak_year']} ({money(totals['peak'])}).")


def homicide_headline(country: str, by_year: pd.DataFrame, start: int, end: int) -> str:
    latest = analysis.homicide_latest(by_year)
    if not latest:
        return f"UNODC has no homicide rate for {country} in {year_span(start, end)}."
    rate, median = latest["rate"], latest["median"]
    side = "above" if rate > median else "below" if rate < median else "equal to"
    return (f"{country}'s homicide rate was {num(rate, 1)} per 100,000 in {latest['year']} (UNODC), {side} the "
            f"median of the {num(latest['reporting'])} countries of the region with a figure that year "
            f"({num(median, 1)}).")


def border_headline(country: str, by_year: pd.DataFrame, start: int, end: int, last_complete: int | None = None) -> str:
    peak = analysis.border_peak(by_year)
    if not peak and last_complete is not None and start > last_complete:
        return (f"The Border Patrol file by citizenship has no complete fiscal year in {fy_span(start, end)} "
                f"(its last is FY{last_complete}), so it says nothing yet about citizens of {country} then.")
    if not peak:
        return (f"DHS reports no Border Patrol encounters with citizens of {country} in the complete fiscal years "
                f"of {fy_span(start, end)}.")
    span = fy_span(peak["first_year"], peak["last_year"])
    if peak["first_year"] == peak["last_year"]:
        return f"Border Patrol recorded {plural(peak['peak'], 'encounter')} with citizens of {country} in {span}."
    sentence = (f"Border Patrol encounters with citizens of {country} peaked at {num(peak['peak'])} in "
                f"FY{peak['peak_year']} over {span}")
    if peak["peak_year"] != peak["last_year"]:
        sentence += f"; FY{peak['last_year']} saw {num(peak['last'])}"
    return sentence + "."


def lists_headline(country: str, inputs: dict, start: int, end: int) -> str:
    """The majors list, designated groups and TPS in one sentence."""
    parts = []
    majors = inputs["majors"]
    listed = majors[majors["listed"]] if not majors.empty else majors
    if not listed.empty:
        failed = listed[listed["failed_demonstrably"] == "yes"]
        text = (f"on the majors list in {plural(len(listed), 'determination')} for {fy_span(int(listed['fiscal_year'].min()), int(listed['fiscal_year'].max()))}")
        if not failed.empty:
            text += f" (found to have failed demonstrably in {num(len(failed))} of them)"
        parts.append(text)
    groups = inputs["designations"]
    if not groups.empty:
        parts.append(f"home to {plural(groups['organization'].nunique(), 'designated group')}")
    tps = inputs["tps"]
    if not tps.empty:
        parts.append(f"the subject of {plural(len(tps), 'TPS decision')}")
    if not parts:
        return (f"{country} was not on the majors list in {fy_span(start, end)}, no group designated FTO or SDGT "
                f"is recorded as operating there, and it has no TPS decision in the stored tables.")
    return f"{country} was {listing(parts)}."


def events_headline(country: str, register: pd.DataFrame, start: int, end: int) -> str:
    if register.empty:
        return f"The events register holds no US policy event for {country} in {year_span(start, end)}."
    kinds = register["kind"].value_counts()
    top = kinds.index[0].replace("_", " ")
    first, last = register["date"].min(), register["date"].max()
    if len(register) == 1:
        return (f"The events register holds 1 US policy event for {country}, of the kind '{top}', "
                f"on {first.day} {first:%B %Y}.")
    when = f"in {first.year}" if first.year == last.year else f"from {first.year} to {last.year}"
    return (f"The events register holds {plural(len(register), 'US policy event')} for {country} {when}, "
            f"most often of the kind '{top}' ({num(int(kinds.iloc[0]))}).")


def headlines(country: str, inputs: dict, start: int, end: int) -> list[str]:
    return [
        aid_headline(country, inputs["aid"], start, end),
        homicide_headline(country, inputs["homicide"], start, end),
        border_headline(country, inputs["border"], start, end, inputs.get("coverage", {}).get("border_last")),
        lists_headline(country, inputs, start, end),
        events_headline(country, inputs["events"], start, end),
    ]


# -- one sentence per section ------------------------------------------------------------------

def aid_sentence(country: str, by_year: pd.DataFrame) -> str:
    totals = analysis.aid_totals(by_year)
    partial = by_year[by_year["partial_year"].astype(bool)]
    text = aid_headline(country, by_year, int(by_year["fiscal_year"].min()), int(by_year["fiscal_year"].max()))
    if totals and totals["years"] > 1:
        text += f" The newest complete year, FY{totals['last']}, saw {money(totals['latest'])}."
    if not partial.empty and partial["obligations"].notna().any() and float(partial["obligations"].iloc[-1]) > 0:
        year = int(partial["fiscal_year"].max())
        text += f" FY{year} is still partial in the download ({money(float(partial['obligations'].iloc[-1]))} so far)."
    return text + (" The download has no sector split, so security assistance cannot be told apart from other aid.")


def homicide_sentence(country: str, by_year: pd.DataFrame) -> str:
    latest = analysis.homicide_latest(by_year)
    text = homicide_headline(country, by_year, 0, 0)
    if latest and latest["first_year"] != latest["year"]:
        change = "higher than" if latest["rate"] > latest["first_rate"] else "lower than" if latest["rate"] < latest["first_rate"] else "the same as"
        text += f" That is {change} its {latest['first_year']} rate of {num(latest['first_rate'], 1)}."
    return text


def border_sentence(country: str, by_year: pd.DataFrame) -> str:
    text = border_headline(country, by_year, 0, 0)
    share = by_year["southwest_border_share"].dropna()
    if not share.empty:
        text += f" In FY{int(by_year['fiscal_year'].iloc[-1])}, {num(share.iloc[-1] * 100)}% were at the southwest land border."
    return text + " The OHSS file ends in November 2024, so the second Trump term is not yet in it."


def removals_sentence(country: str, rows: pd.DataFrame) -> str:
    years = rows["fiscal_year"].astype(int).tolist()
    peak = rows.loc[rows["removals"].idxmax()]
    if len(years) == 1:
        return (f"ICE removed {num(int(peak['removals']))} people to {country} in FY{years[0]}, the only fiscal year "
                f"the stored tables hold for it.")
    missing = "" if len(years) == max(years) - min(years) + 1 else " (other years are not in the stored tables)"
    return (f"ICE removed {num(int(peak['removals']))} people to {country} in FY{int(peak['fiscal_year'])}, the most of "
            f"the {num(len(years))} fiscal years the stored tables hold for it{missing}.")


def tps_sentence(country: str, rows: pd.DataFrame) -> str:
    last = rows.iloc[-1]
    action = str(last["action"]).replace("_", " ")
    counted = rows.dropna(subset=["beneficiaries"])
    text = (f"{plural(len(rows), 'TPS decision')} for {country} are recorded; the latest, on "
            f"{last['decision_date'].day} {last['decision_date']:%B %Y}, was a {action}.")
    if not counted.empty:
        newest = counted.iloc[-1]
        text += f" The latest beneficiary count stated is {num(int(newest['beneficiaries']))} ({newest['decision_date']:%B %Y})."
    return text


def majors_sentence(country: str, rows: pd.DataFrame) -> str:
    listed = rows[rows["listed"]]
    failed = listed[listed["failed_demonstrably"] == "yes"]
    years = listed["fiscal_year"].astype(int)
    if len(rows) == 1:
        share = "in the determination"
    elif len(listed) == len(rows):
        share = f"in every one of the {num(len(rows))} determinations"
    else:
        share = f"in {num(len(listed))} of the {num(len(rows))} determinations"
    text = (f"{country} was listed as a major drug-transit or drug-producing country {share} for "
            f"{fy_span(int(rows['fiscal_year'].min()), int(rows['fiscal_year'].max()))}"
            f" (listed {fy_span(int(years.min()), int(years.max()))}).")
    if len(listed) == len(rows):
        text = text.replace(f" (listed {fy_span(int(years.min()), int(years.max()))})", "")
    if failed.empty:
        text += " It was never found to have failed demonstrably."
    else:
        waived = failed[failed["national_interest_waiver"] == "yes"]
        years_failed = listing([f"FY{y}" for y in failed["fiscal_year"].astype(int)])
        if len(failed) == 1:
            waiver = "with a national-interest waiver" if len(waived) else "without a national-interest waiver"
        else:
            waiver = f"with a national-interest waiver in {num(len(waived))} of them"
        text += f" It was found to have failed demonstrably for {years_failed}, {waiver}."
    return text


def designations_sentence(country: str, groups: pd.DataFrame) -> str:
    names = groups["organization"].drop_duplicates().tolist()
    recent = groups[groups["date"].dt.year >= 2025]["organization"].nunique()
    verb = "operates" if len(names) == 1 else "operate"
    noun = "group designated by the US as a terrorist organization" if len(names) == 1 else "groups designated by the US as terrorist organizations"
    text = f"{num(len(names))} {noun} {verb} in {country}"
    if recent and recent == len(names):
        text += ", all of them designated in 2025 or later." if len(names) > 1 else ", designated in 2025 or later."
    elif recent:
        text += f", {num(recent)} of them designated in 2025 or later."
    else:
        text += "."
    return text


def ofac_sentence(country: str, found: dict) -> str:
    parts = []
    tagged = found["sdn_by_snapshot"]
    if not tagged.empty:
        last = tagged.iloc[-1]
        parts.append(f"OFAC's SDN list of {pd.Timestamp(last['snapshot_date']).day} {pd.Timestamp(last['snapshot_date']):%B %Y} "
                     f"held {num(int(last['entries']))} {'entry' if int(last['entries']) == 1 else 'entries'} under a Venezuela sanctions program (EO 13692, "
                     "13850 or 13884); the Venezuela chapter also counts entries tied to Venezuela under other programs")
    actions = found["group_sanctions"]
    if not actions.empty:
        parts.append(f"Treasury took {plural(len(actions), 'sanctions action')} against designated groups that operate in "
                     f"{country} in {year_span(actions['date'].min().year, actions['date'].max().year)}")
    return "; ".join(parts) + ". The stored SDN copies carry no addresses, so entries tied to a country only through an address are not counted."


def crops_sentence(country: str, rows: pd.DataFrame) -> str:
    sentences = []
    for (crop, estimator), part in rows.groupby(["crop", "estimator"], sort=True):
        last = part.iloc[-1]
        sentences.append(f"{estimator} put {crop} at {num(last['hectares'])} hectares in {int(last['year'])}")
    return f"For {country}, " + "; ".join(sentences) + ". Each estimator is shown on its own; they are never spliced."


def events_sentence(country: str, register: pd.DataFrame) -> str:
    return events_headline(country, register, 0, 0)


def absent_sentence(country: str, missing: list[str]) -> str:
    """The closing list: what the brief does not show because the country has nothing there."""
    if not missing:
        return f"Every section has data for {country}."
    return (f"The stored tables hold nothing for {country} under "
            f"{listing([SECTION_WHAT[name] for name in missing])}, so those sections are left out.")
