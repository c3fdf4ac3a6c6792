"""The 2025-2026 designations as a timeline, the instruments used against each group, and how
strike announcements described their targets (one rule, used by the chapter and the claims check).

Designation is one instrument among several (sanctions, rewards, military strikes). The matrix
puts them side by side per group, as of a date, from the theme's tables.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from hemisphere.prose import num
from hemisphere.terrorist_designation import fto_list as fto_module

INSTRUMENT_COLUMNS = ["FTO", "SDGT", "OFAC sanctions", "Reward offered", "Strikes attributed"]


def timeline(designations: pd.DataFrame, as_of) -> pd.DataFrame:
    """Designation actions effective on or before `as_of`, oldest first."""
    chosen = designations[designations["date"] <= pd.Timestamp(as_of)]
    return chosen.sort_values(["date", "organization", "instrument"]).reset_index(drop=True)


def _patterns(fto_row) -> tuple[re.Pattern, ...]:
    """How a group may be named in a strike announcement: its name and its acronym."""
    return _name_patterns(fto_row["name"])


@lru_cache(maxsize=None)
def _name_patterns(name: str) -> tuple[re.Pattern, ...]:
    base = re.sub(r"\s*\(.*\)\s*$", "", name).strip()
    found = [re.compile(re.escape(base), re.IGNORECASE)]
    acronym = re.search(r"\(([^)]+)\)\s*$", name)
    if acronym:
        short = acronym.group(1).split(",")[0].strip()
        if len(short) >= 3:
            found.append(re.compile(r"\b" + re.escape(short) + r"\b"))
    return tuple(found)


def _names(fto_row, text: str) -> bool:
    """Whether an announced affiliation names this group (by name or acronym)."""
    return any(pattern.search(text) for pattern in _patterns(fto_row))


def strikes_attributed(fto_row, strikes: pd.DataFrame) -> int:
    """Confirmed strike events whose announced target names this group."""
    return sum(_names(fto_row, text) for text in strikes["claimed_affiliation"])


# How a strike announcement described its target. Every chapter counts announcements with
# `announcement_targets`, so the same announcement is never counted two ways.
NAMED_GROUP = "named a designated group"
GENERIC = "said only 'designated terrorist organization'"
NAMED_OTHER = "named a group not on the FTO list"
NOTHING = "named no group"
TARGET_CLASSES = (NAMED_GROUP, GENERIC, NAMED_OTHER, NOTHING)
_GENERIC_WORDING = re.compile(r"designated\s+terrorist\s+organi[sz]ations?", re.IGNORECASE)
_NO_AFFILIATION = re.compile(r"^\s*(unspecified|unnamed|unknown|none)\b", re.IGNORECASE)


def announcement_targets(strikes: pd.DataFrame, fto: pd.DataFrame) -> pd.DataFrame:
    """Each strike announcement classed by how it described its target.

    The rule, in order: an announcement that names (by name or acronym) a group on the FTO list
    on the strike's date 'named a designated group'; one that calls the target a 'designated
    terrorist organization' without naming it 'said only ...'; one that gives some other name
    'named a group not on the FTO list'; anything else ('unspecified', nothing) 'named no group'.
    Returns strike_id, date, claimed_affiliation, target (one of TARGET_CLASSES) and group (the
    designated group's name, or missing).
    """
    rows = []
    for strike in strikes.itertuples(index=False):
        text = strike.claimed_affiliation if isinstance(strike.claimed_affiliation, str) else ""
        listed = fto_module.on_list(fto, strike.date)
        groups = [group["name"] for group in listed.to_dict("records") if _names(group, text)]
        if groups:
            target = NAMED_GROUP
        elif _GENERIC_WORDING.search(text):
            target = GENERIC
        elif text.strip() and not _NO_AFFILIATION.search(text):
            target = NAMED_OTHER
        else:
            target = NOTHING
        rows.append({"strike_id": strike.strike_id, "date": strike.date, "claimed_affiliation": text,
                     "target": target, "group": "; ".join(groups) if groups else pd.NA})
    return pd.DataFrame(rows, columns=["strike_id", "date", "claimed_affiliation", "target", "group"])


def _short(name: str) -> str:
    """A group's name without its acronym: 'Tren de Aragua (TdA)' -> 'Tren de Aragua'."""
    return re.sub(r"\s*\(.*\)\s*$", "", name).strip()


def target_counts(targets: pd.DataFrame) -> dict[str, int]:
    """Announcements per class of target, every class present (zero when none), in TARGET_CLASSES order."""
    counted = targets["target"].value_counts()
    return {target: int(counted.get(target, 0)) for target in TARGET_CLASSES}


def named_groups(targets: pd.DataFrame) -> pd.Series:
    """How many announcements named each designated group, most first (ties by name)."""
    named = targets.loc[targets["target"] == NAMED_GROUP, "group"].str.split("; ").explode()
    counted = named.value_counts()
    return counted.sort_index().sort_values(ascending=False, kind="stable")


def describe_targets(targets: pd.DataFrame) -> str:
    """The counts as one clause for a sentence, the same in every chapter.

    E.g. '3 named a designated group (Tren de Aragua twice, ELN once), 28 called the target only a
    "designated terrorist organization" without naming one, and 8 named no group at all'.
    """
    counts = target_counts(targets)
    times = {1: "once", 2: "twice"}
    groups = named_groups(targets)
    which = ", ".join(f"{_short(name)} {times.get(n, num(n) + ' times')}" for name, n in groups.items())
    wording = {
        NAMED_GROUP: "named a designated group" + (f" ({which})" if which else ""),
        GENERIC: "called the target only a \u201cdesignated terrorist organization\u201d without naming one",
        NAMED_OTHER: "named a group that was not on the FTO list",
        NOTHING: "named no group at all",
    }
    if len(targets) == 1:
        only = next(target for target in TARGET_CLASSES if counts[target])
        return f"it {wording[only]}"
    parts = [f"{num(counts[target])} {wording[target]}" for target in TARGET_CLASSES
             if counts[target] or target in (NAMED_GROUP, GENERIC, NOTHING)]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _month(day: pd.Timestamp, precision: str = "day") -> str:
    """A designation date as the matrix shows it: year and month, or an upper bound."""
    return f"by {day:%Y-%m}" if precision == "on_or_before" else f"{day:%Y-%m}"


def _sdgt_cell(own: pd.DataFrame, ofac_tags: pd.DataFrame, uid, moment: pd.Timestamp):
    """First SDGT action found, else 'by <snapshot>' when an OFAC snapshot already tags the group SDGT."""
    sdgt = own[own["instrument"] == "SDGT"].sort_values("date")
    if not sdgt.empty:
        first = sdgt.iloc[0]
        return _month(first["date"], first["date_precision"])
    if pd.isna(uid):
        return pd.NA
    seen = ofac_tags[(ofac_tags["ofac_uid"] == uid) & (ofac_tags["snapshot_date"] <= moment)
                     & ofac_tags["programs"].str.contains(r"\bSDGT\b")]
    return f"by {seen['snapshot_date'].min():%Y-%m}" if not seen.empty else pd.NA


def instrument_matrix(fto: pd.DataFrame, designations: pd.DataFrame, sanctions_rewards: pd.DataFrame,
                      strikes: pd.DataFrame, ofac_tags: pd.DataFrame, as_of) -> pd.DataFrame:
    """Western Hemisphere groups on the FTO list on `as_of`, by instrument.

    FTO and SDGT give the month of the first action ('by' = known only from a later OFAC list);
    OFAC sanctions and rewards the year of the first example found (the sanctions table is not
    exhaustive); strikes the number of confirmed strike events announced against the group.
    Missing means none found in the tables.
    """
    moment = pd.Timestamp(as_of)
    groups = fto_module.on_list(fto, moment)
    groups = groups[groups["western_hemisphere"]].sort_values(["designation_date", "name"])
    actions = designations[designations["date"] <= moment]
    examples = sanctions_rewards[sanctions_rewards["date"] <= moment]
    live_strikes = strikes[(strikes["status"] == "confirmed") & (strikes["date"] <= moment)]
    rows = []
    for _, group in groups.iterrows():
        org = group["org_id"]
        own = actions[actions["org_id"] == org]
        mine = examples[examples["org_ids"].str.split("; ").map(lambda ids: org in ids).astype(bool)]
        sanctions = pd.concat([own[own["instrument"] == "OFAC sanctions"]["date"],
                               mine[mine["instrument"] != "reward"]["date"]])
        rewards = mine[mine["instrument"] == "reward"]
        rows.append({
            "group": group["name"],
            "countries": group["countries"],
            "kind": group["kind"],
            "FTO": _month(group["designation_date"], group["designation_date_precision"]),
            "SDGT": _sdgt_cell(own, ofac_tags, group["ofac_uid"], moment),
            "OFAC sanctions": str(sanctions.min().year) if not sanctions.empty else pd.NA,
            "Reward offered": str(rewards["date"].min().year) if not rewards.empty else pd.NA,
            "Strikes attributed": strikes_attributed(group, live_strikes),
        })
    return pd.DataFrame(rows, columns=["group", "countries", "kind", *INSTRUMENT_COLUMNS])
