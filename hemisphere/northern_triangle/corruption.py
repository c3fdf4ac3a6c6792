"""Corruption: the internationally backed commissions (CICIG, MACCIH), US actions against
Northern Triangle figures, and the contrast with US designations of Venezuelan targets.

Analysis functions take the loaded tables (anticorruption_commissions, corruption_actions and
venezuela's ofac_actions, read only) and return frames or numbers; narrative functions turn
those into sentences; `timeline_chart` draws the one chart through hemisphere.charts.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import charts
from hemisphere.prose import day, data_to, listing, money, num, plural

THEME = "northern_triangle"
BODIES = {"CICIG": "Guatemala", "MACCIH": "Honduras"}
# US actions that press against corrupt or criminal figures; a pardon undoes one.
ENFORCEMENT = ("arrest", "conviction", "sentence", "extradition", "sdn_designation", "visa_list", "visa_revocation")
LENIENCY = ("pardon_announced", "pardon")
# OFAC action types in venezuela/ofac_actions.csv that name Venezuelan targets for sanctions
# (corruption, undermining democracy, drug trafficking); terrorist designations, rewards alone,
# indictments and relief are left out.
VENEZUELA_DESIGNATIONS = ("designation", "executive_order_and_designation", "designation_and_rewards")
# Said wherever the count is given: the Venezuela chapter's own count also takes in terrorist designations.
VENEZUELA_RULE = ("OFAC designation actions, alone or with rewards or an executive order, counter-terrorism "
                  "designations under the SDGT programme included; Foreign Terrorist Organization designations, rewards alone, indictments and "
                  "relief are left out, and only actions dated inside the two Trump terms count")
US_STEPS = ("us_funding", "us_funding_hold", "us_funding_release", "us_statement")
# The register's step codes in reader's words (tables and labels never show the codes).
STEP_LABELS = {"agreement": "agreement", "start": "start of work", "renewal": "renewal", "non_renewal": "refusal to renew",
               "end": "end of mandate", "us_statement": "US statement", "us_funding": "US funding",
               "us_funding_hold": "US funding held", "us_funding_release": "US funding released",
               "congress_statement": "statement in Congress", "termination_attempt": "attempt to terminate",
               "court_ruling": "court ruling", "evaluation": "evaluation"}


def step_label(step: str) -> str:
    """A register step in words: 'us_funding_hold' -> 'US funding held'; an unknown code loses its underscores."""
    return STEP_LABELS.get(step, str(step).replace("_", " "))


# --- analysis -----------------------------------------------------------------------------------

def commission_steps(commissions: pd.DataFrame, body: str | None = None) -> pd.DataFrame:
    """The steps of one body (or both), in date order."""
    rows = commissions if body is None else commissions[commissions["body"] == body]
    return rows.sort_values(["date", "body"]).reset_index(drop=True)


def commission_life(commissions: pd.DataFrame, body: str) -> dict:
    """Agreement, start and end dates of a body, and the count of renewals and refusals."""
    steps = commission_steps(commissions, body)

    def first(step):
        found = steps.loc[steps["step"] == step, "date"]
        return found.iloc[0] if len(found) else None

    return {"body": body, "country": BODIES[body], "agreement": first("agreement"), "start": first("start"),
            "starts": list(steps.loc[steps["step"] == "start", "date"]),
            "end": first("end"), "non_renewal": first("non_renewal"),
            "renewals": int((steps["step"] == "renewal").sum()), "steps": len(steps)}


def us_funding(commissions: pd.DataFrame, body: str = "CICIG") -> pd.DataFrame:
    """US funding decisions, holds and statements about a body, in date order."""
    steps = commission_steps(commissions, body)
    return steps[steps["step"].isin(US_STEPS)].reset_index(drop=True)


def us_actions(actions: pd.DataFrame, countries: list[str] | None = None, start=None, end=None) -> pd.DataFrame:
    """US actions naming figures of the given countries (all if None), between start and end."""
    rows = actions if countries is None else actions[actions["country"].isin(countries)]
    if start is not None:
        rows = rows[rows["date"] >= pd.Timestamp(start)]
    if end is not None:
        rows = rows[rows["date"] <= pd.Timestamp(end)]
    return rows.sort_values("date").reset_index(drop=True)


def listed_persons(actions: pd.DataFrame, countries: list[str]) -> pd.DataFrame:
    """Persons placed on the Section 353 list, by date (rows) and country (columns)."""
    listed = actions[(actions["action"] == "visa_list") & actions["country"].isin(countries)]
    if listed.empty:
        return pd.DataFrame()
    return listed.pivot_table(index="date", columns="country", values="persons", aggfunc="sum")


def venezuela_designations(ofac_actions: pd.DataFrame) -> pd.DataFrame:
    """Dated OFAC designation actions against Venezuelan targets, with the persons they named."""
    rows = ofac_actions[ofac_actions["action_type"].isin(VENEZUELA_DESIGNATIONS)].copy()
    rows["named"] = rows[["individuals", "entities"]].fillna(0).sum(axis=1)
    return rows.sort_values("date").reset_index(drop=True)[["action_id", "date", "program", "named"]]


def in_terms(dates: pd.Series, terms: list[tuple]) -> pd.Series:
    """Which dates fall in any of the (start, end) terms; an open term has end None."""
    inside = pd.Series(False, index=dates.index)
    for start, end in terms:
        inside |= (dates >= start) & (True if end is None else dates < end)
    return inside


def contrast(actions: pd.DataFrame, ofac_actions: pd.DataFrame, countries: list[str], terms: list[tuple]) -> dict:
    """Counts inside the given terms: US enforcement actions on the countries' figures, pardons,
    and OFAC designation actions on Venezuelan targets (with the persons and entities named)."""
    chosen = us_actions(actions, countries)
    chosen = chosen[in_terms(chosen["date"], terms)]
    enforcing = chosen[chosen["action"].isin(ENFORCEMENT)]
    every = venezuela_designations(ofac_actions)
    venezuela = every[in_terms(every["date"], terms)]
    return {
        "enforcement_actions": len(enforcing),
        "enforcement_persons": int(enforcing["persons"].fillna(0).sum()),
        "pardons": int((chosen["action"] == "pardon").sum()),
        "pardoned": sorted(set(chosen.loc[chosen["action"] == "pardon", "target"])),
        "venezuela_actions": len(venezuela),
        "venezuela_all_actions": len(every),
        "venezuela_first": every["date"].min() if len(every) else None,
        "venezuela_last": every["date"].max() if len(every) else None,
        "venezuela_named": int(venezuela["named"].sum()),
        "countries_acted_on": sorted(set(enforcing["country"])),
    }


# --- narrative ----------------------------------------------------------------------------------

def commission_sentence(life: dict) -> str:
    """What happened to one commission, from its agreement to its end."""
    if life["agreement"] is None:
        return f"No agreement for {life['body']} is recorded."
    text = f"{life['body']} ({life['country']}) was agreed on {day(life['agreement'])}"
    starts = life.get("starts") or ([life["start"]] if life["start"] is not None else [])
    if len(starts) > 1:
        text += " and began work in " + " or ".join(f"{moment:%B %Y}" for moment in starts) + " (sources differ)"
    elif starts:
        text += f" and began work in {starts[0]:%B %Y}"
    if life["renewals"]:
        text += f"; the register holds {plural(life['renewals'], 'dated renewal')}"
    if life["non_renewal"] is not None and life["end"] is not None:
        text += (f"; the government refused to renew it on {day(life['non_renewal'])} and it ended on "
                 f"{day(life['end'])}")
    elif life["end"] is not None:
        text += f"; it ended on {day(life['end'])}"
    return text + "."


def funding_sentence(funding: pd.DataFrame) -> str:
    """The US money and statements recorded for CICIG, largest cumulative figure first."""
    if funding.empty:
        return "No US funding decision or statement about the commission is recorded."
    parts = []
    cumulative = funding[funding["step"].isin(["us_funding", "us_statement"])].dropna(subset=["amount_usd"])
    if len(cumulative):
        top = cumulative.loc[cumulative["amount_usd"].idxmax()]
        parts.append(f"the largest cumulative US contribution recorded is {money(top['amount_usd'])}, as "
                     f"{top['actor']} gave it in {top['date']:%B %Y}")
    holds = funding[funding["step"] == "us_funding_hold"]
    for _, hold in holds.iterrows():
        release = funding[(funding["step"] == "us_funding_release") & (funding["date"] > hold["date"])]
        tail = f", released on {day(release.iloc[0]['date'])}" if len(release) else ""
        parts.append(f"{hold['actor']} held {money(hold['amount_usd'])} from {hold['date']:%B %Y}{tail}")
    statements = funding[funding["step"] == "us_statement"]
    if len(statements):
        parts.append(f"US executive statements on it are recorded on {listing([day(d) for d in statements['date']])}")
    return "For CICIG, " + "; ".join(parts) + "."


def outside_terms(counts: dict) -> str:
    """'; the register holds 37 such actions from March 2015 to December 2025, 4 of them outside the terms'."""
    every, inside = counts.get("venezuela_all_actions"), counts["venezuela_actions"]
    if not every or every == inside:
        return ""
    return (f"; the register holds {num(every)} such actions from {counts['venezuela_first']:%B %Y} to "
            f"{counts['venezuela_last']:%B %Y}, {num(every - inside)} of them outside the terms")


def contrast_sentence(counts: dict, countries: list[str]) -> str:
    """US enforcement on the chosen countries' figures against Venezuela designations, in the window."""
    who = listing(countries)
    ours = (f"{plural(counts['enforcement_actions'], 'US enforcement action')} against figures from {who}"
            if counts["enforcement_actions"] else
            f"no US enforcement action against figures from {who}")
    text = (f"Over both Trump terms, the register holds {ours}, against "
            f"{plural(counts['venezuela_actions'], 'OFAC designation action')} on Venezuelan targets naming "
            f"{num(counts['venezuela_named'])} persons and entities ({VENEZUELA_RULE}{outside_terms(counts)})")
    if counts["pardons"]:
        text += f"; and {plural(counts['pardons'], 'presidential pardon')}, of {listing(counts['pardoned'])}"
    return text + "."


def attribution_note(actions: pd.DataFrame) -> str:
    """What the corruption record can and cannot attribute (the largest single listing computed)."""
    listed = actions[actions["action"] == "visa_list"].groupby("date")["persons"].sum()
    widest = (f" the same as the {num(int(listed.max()))}-person list of {day(listed.idxmax())}"
              if len(listed) else " the same as a list of many")
    return ("The register dates what the commissions and the US government did; it cannot show why. A Senate hold, "
            "an embassy's mild statement or a pardon are recorded as what they were, not read as a policy, and "
            f"counting actions weighs a one-person designation{widest}. Nor is it complete: OFAC's list was not "
            "searched name by name for every Central American designated, so a count is a lower bound.")


# --- chart --------------------------------------------------------------------------------------

ACTION_STYLE = {
    "arrest": ("v", charts.COLORS["blue"]), "extradition": ("v", charts.COLORS["blue"]),
    "conviction": ("s", charts.COLORS["blue"]), "sentence": ("s", charts.COLORS["blue"]),
    "sdn_designation": ("D", charts.COLORS["green"]), "visa_list": ("o", charts.COLORS["green"]),
    "visa_revocation": ("P", charts.COLORS["purple"]),
    "authority_expired": ("X", charts.COLORS["grey"]),
    "pardon_announced": ("*", charts.COLORS["vermillion"]), "pardon": ("*", charts.COLORS["vermillion"]),
}
ACTION_LABELS = {"arrest": "arrest / extradition", "extradition": "arrest / extradition",
                 "conviction": "conviction / sentence", "sentence": "conviction / sentence",
                 "sdn_designation": "OFAC designation", "visa_list": "Section 353 listing",
                 "visa_revocation": "visa revocation",
                 "authority_expired": "authority expired", "pardon_announced": "pardon", "pardon": "pardon"}


def _newest_drawn(commissions, actions, ofac_actions, countries, start, end) -> pd.Timestamp:
    """The newest date among the rows the timeline draws."""
    dates = [commissions.loc[commissions["country"].isin(countries), "date"],
             us_actions(actions, countries, start, end)["date"],
             venezuela_designations(ofac_actions)["date"]]
    dates = pd.concat(dates)
    return dates[dates.between(start, end)].max()


def timeline_coverage(commissions, actions, ofac_actions, countries, start, end) -> str:
    """The timeline subtitle's period: 'data to 9 March 2025', or that no dated row falls in the window."""
    newest = _newest_drawn(commissions, actions, ofac_actions, countries, start, end)
    return data_to(newest, "day") if pd.notna(newest) else "no dated step or action falls in the chosen years"


SPREAD_DAYS = 150  # markers of one row closer than this are spread vertically so none hides another


def vertical_shifts(dates, days: int = SPREAD_DAYS, step: float = 0.14, most: float = 0.36) -> list[float]:
    """A vertical offset per date (in the order given, which must be by date): dates within `days` of the
    one before form a group whose markers are spread around the row's centre."""
    dates = [pd.Timestamp(date) for date in dates]
    groups, previous = [], None
    for date in dates:
        if previous is None or (date - previous).days > days:
            groups.append(0)
        groups[-1] += 1
        previous = date
    shifts = []
    for size in groups:
        gap = min(step, 2 * most / max(size - 1, 1))
        shifts += [(i - (size - 1) / 2) * gap for i in range(size)]
    return shifts


def timeline_chart(commissions: pd.DataFrame, actions: pd.DataFrame, ofac_actions: pd.DataFrame,
                   countries: list[str], start: pd.Timestamp, end: pd.Timestamp, title: str,
                   event_ids: list[str]) -> None:
    """One row per commission, per chosen country's US actions, and Venezuela's designations."""
    rows = [f"{body} ({country})" for body, country in BODIES.items() if country in countries]
    rows += [f"US actions: {country}" for country in countries] + ["Venezuela: OFAC designations"]
    plotted = []
    chart = charts.Chart(theme=THEME, name="corruption_timeline", title=title,
                         subtitle="Dated steps of the anti-corruption commissions, US actions against figures of "
                                  f"{listing(countries)} and OFAC designation actions on Venezuelan targets (marker area: "
                                  "persons named); " + timeline_coverage(commissions, actions, ofac_actions,
                                                                                 countries, start, end),
                         alt=f"Timeline from {start:%Y} to {end:%Y} with one row each for "
                             + listing(rows) + ".", time_axis="date", height=1.3 + 0.62 * len(rows))
    ax = chart.ax
    position = {name: number for number, name in enumerate(rows)}
    for body, country in BODIES.items():
        if country not in countries:
            continue
        life = commission_life(commissions, body)
        y = position[f"{body} ({country})"]
        left = max(life["start"] or life["agreement"], start)
        right = min(life["end"] or end, end)
        if right > left:
            ax.plot([left, right], [y, y], color="#BBBBBB", lw=6, solid_capstyle="butt", zorder=1)
        steps = commission_steps(commissions, body)
        steps = steps[steps["date"].between(start, end)].sort_values("date", kind="stable")
        for shift, (_, step) in zip(vertical_shifts(steps["date"]), steps.iterrows()):
            marker = {"us_funding_hold": ("X", charts.COLORS["vermillion"]), "non_renewal": ("X", charts.COLORS["black"]),
                      "termination_attempt": ("X", charts.COLORS["black"]), "end": ("|", charts.COLORS["black"])}.get(
                step["step"], ("o", charts.COLORS["sky"]) if step["step"] in US_STEPS else (".", charts.COLORS["black"]))
            ax.plot(step["date"], y + shift, marker=marker[0], color=marker[1], ms=7, ls="none", zorder=3,
                    markeredgecolor="white", markeredgewidth=0.5)
            plotted.append({"row": f"{body} ({country})", "date": step["date"], "what": step["step"], "persons": None})
    for country in countries:
        y = position[f"US actions: {country}"]
        own = us_actions(actions, [country], start, end).sort_values("date", kind="stable")
        for shift, (_, action) in zip(vertical_shifts(own["date"]), own.iterrows()):
            marker, colour = ACTION_STYLE[action["action"]]
            size = 5 + 1.6 * (action["persons"] ** 0.5 if pd.notna(action["persons"]) else 1)
            ax.plot(action["date"], y + shift, marker=marker, color=colour, ms=size, ls="none", alpha=0.85, zorder=3,
                    markeredgecolor="white", markeredgewidth=0.5)
            plotted.append({"row": f"US actions: {country}", "date": action["date"], "what": action["action"],
                            "persons": action["persons"]})
    venezuela = venezuela_designations(ofac_actions)
    venezuela = venezuela[venezuela["date"].between(start, end)].sort_values("date", kind="stable")
    y = position["Venezuela: OFAC designations"]
    for shift, (_, action) in zip(vertical_shifts(venezuela["date"], days=60), venezuela.iterrows()):
        ax.plot(action["date"], y + shift, marker="o", color=charts.COLORS["orange"], ms=4 + 1.6 * max(action["named"], 1) ** 0.5,
                ls="none", alpha=0.6, zorder=3)
        plotted.append({"row": "Venezuela: OFAC designations", "date": action["date"], "what": "designation",
                        "persons": action["named"]})
    shown = {ACTION_LABELS[a]: ACTION_STYLE[a] for a in dict.fromkeys(us_actions(actions, countries, start, end)["action"])}
    for label, (marker, colour) in shown.items():
        ax.plot([], [], marker=marker, color=colour, ls="none", label=label)
    ax.plot([], [], marker="o", color=charts.COLORS["sky"], ls="none", label="US funding / statement")
    ax.plot([], [], marker="X", color=charts.COLORS["vermillion"], ls="none", label="hold on US funds")
    ax.plot([], [], marker="o", color=charts.COLORS["orange"], ls="none", label="Venezuela sanctions designation")
    ax.set_yticks(range(len(rows)), rows)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(start, end + (end - start) * 0.02)  # room for a marker on the last day
    ax.grid(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.1), ncols=3, fontsize=7.5)
    chart.mark_events(event_ids)
    chart.show(sources=["anticorruption_commissions", "corruption_actions", "ofac_actions"],
               data=pd.DataFrame(plotted), note=f"Venezuela row: {VENEZUELA_RULE}.")
