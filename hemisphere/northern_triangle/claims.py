"""Claims about the northern triangle theme, tested against its tables.

Each evaluator registers with `hemisphere.claims.evaluates` and returns
(measured, headline, finding, verdict); see hemisphere/claims.py for the contract.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import data
from hemisphere.claims import CONTRADICTED, MIXED, SUPPORTED, evaluates, in_window, window_terms
from hemisphere.northern_triangle import analysis, corruption, mano_dura, returns
from hemisphere.northern_triangle.countries import NORTHERN_TRIANGLE
from hemisphere.prose import listing, num, pct, plural

# --- verdict thresholds (each is quoted in the test column of data/claims.csv) ----------------
VENEZUELA_MULTIPLE = 3        # Venezuela designation actions at least 3x the US actions on the three countries
RECORDED_FALL = 0.5           # a fall of more than half in recorded homicides is not 'limited success'
REMOVALS_RISE = 0.10          # ICE removals up by more than 10 percent count as a rise


def _term_years() -> tuple[tuple[int, ...], int, int]:
    """From the claims window: the fiscal years wholly inside the first term, the last fiscal year
    wholly before it, and the first calendar year of the second term."""
    (first_start, first_end), (second_start, _) = window_terms()
    inside = tuple(year for year in range(first_start.year, first_end.year + 2)
                   if pd.Timestamp(year - 1, 10, 1) >= first_start and pd.Timestamp(year, 9, 30) < first_end)
    before = max(year for year in range(first_start.year - 3, first_start.year + 1)
                 if pd.Timestamp(year, 9, 30) < first_start)
    return inside, before, second_start.year


@evaluates("northern_triangle_corruption_only_venezuela")
def _corruption_only_venezuela(claim):
    counts = corruption.contrast(data.load("corruption_actions"), data.load("ofac_actions"),
                                 list(NORTHERN_TRIANGLE), window_terms())
    ours, theirs = counts["enforcement_actions"], counts["venezuela_actions"]
    if theirs >= VENEZUELA_MULTIPLE * max(ours, 1):
        verdict = SUPPORTED
    elif ours >= theirs:
        verdict = CONTRADICTED
    else:
        verdict = MIXED
    commissions = data.load("anticorruption_commissions")
    ended = [life for life in (corruption.commission_life(commissions, body) for body in corruption.BODIES)
             if life["end"] is not None and in_window(life["end"])]
    measured = {**counts, "commissions_ended_in_window": [life["body"] for life in ended]}
    headline = (f"{plural(theirs, 'Venezuela designation action')} against {plural(ours, 'US action')} "
                f"on Northern Triangle figures")
    finding = (f"Over both Trump terms the register holds {plural(theirs, 'OFAC designation action')} on Venezuelan "
               f"targets (naming {num(counts['venezuela_named'])} persons and entities; {corruption.VENEZUELA_RULE}{corruption.outside_terms(counts)}) against "
               f"{plural(ours, 'US enforcement action')} on Guatemalan, Honduran or Salvadoran figures"
               + (f"; {listing([life['body'] for life in ended])} ended inside the window" if ended else "")
               + (f"; and the President pardoned {listing(counts['pardoned'])}" if counts["pardons"] else "") + ".")
    return measured, headline, finding, verdict


@evaluates("northern_triangle_mano_dura_backed")
def _mano_dura_backed(claim):
    cecot = data.load("cecot_transfers")
    sent = cecot[(cecot["event"] == "transfer_to_cecot") & cecot["date"].map(in_window)]
    backed = int(sent["persons"].sum()) > 0
    exception = data.load("el_salvador_state_of_exception")
    start = mano_dura.declared(exception)
    base_year = start.year
    # Both endpoints from one source: of the sources with a figure for the base year, the one that
    # runs latest (never one source's figure set against another's).
    homicide = data.load("homicide_rate")
    country = homicide[homicide["country"] == mano_dura.COUNTRY]
    spans = country.groupby("source")["year"].agg(["min", "max"])
    covering = [s for s in spans.index if base_year in set(country.loc[country["source"] == s, "year"])]
    source = max(covering, key=lambda s: (spans.at[s, "max"], s))
    own = country[country["source"] == source].set_index("year")
    last_year = int(own.index.max())
    base, last = float(own.loc[base_year, "rate_per_100k"]), float(own.loc[last_year, "rate_per_100k"])
    fall = 1 - last / base
    limited = fall <= RECORDED_FALL
    verdict = SUPPORTED if backed and limited else CONTRADICTED if not backed and not limited else MIXED
    deaths = mano_dura.deaths_by_counter(exception)
    newest = max((rows.iloc[-1] for rows in deaths.values()), key=lambda row: row["value"]) if deaths else None
    measured = {"persons_sent_to_cecot": int(sent["persons"].sum()), "homicide_fall": fall,
                "homicide_base": base, "homicide_last": last}
    headline = (f"US sent {num(int(sent['persons'].sum()))} to CECOT; recorded homicides {pct(fall)} lower "
                f"{base_year}-{last_year}")
    finding = (f"In the second term the United States sent {num(int(sent['persons'].sum()))} people into El Salvador's "
               f"CECOT prison under the state of exception, which backs the mano dura directly; but El Salvador's "
               f"recorded homicide rate fell from {num(base, 1)} in {base_year} to {num(last, 1)} per 100,000 in "
               f"{last_year} according to one source throughout ({analysis.source_phrase(source)}), {pct(fall)} lower, not the limited success the claim expected, though the official count "
               "leaves out deaths in custody"
               + (f", which {newest['counter']} put at {mano_dura.figure(newest)} by {mano_dura.when(newest)}"
                  if newest is not None else "") + ".")
    return measured, headline, finding, verdict


@evaluates("northern_triangle_returns_more_deportations")
def _returns_more_deportations(claim):
    first_term_years, year_before, second_term_year = _term_years()
    removals = data.load("removals")
    by_year = removals[removals["country"].isin(NORTHERN_TRIANGLE)].pivot_table(
        index="fiscal_year", columns="country", values="removals", aggfunc="sum")
    needed = (year_before, *first_term_years)
    if any(year not in by_year.index or by_year.loc[year].isna().any() for year in needed):
        raise ValueError("ICE removals to the three countries are incomplete for FY2016 or FY2018-FY2020")
    before = float(by_year.loc[year_before].sum())
    during = float(by_year.loc[list(first_term_years)].sum(axis=1).mean())
    rise = during / before - 1
    returnees = data.load("returnees_received")
    changes = [change for change in (returns.year_change(returnees, country, second_term_year) for country in NORTHERN_TRIANGLE)
               if change is not None]
    rose = [c for c in changes if c["after"] > c["before"]]
    fell = [c for c in changes if c["after"] < c["before"]]
    first_rose = rise > REMOVALS_RISE
    second_rose = len(changes) > 0 and len(rose) > len(changes) / 2
    second_fell = len(changes) > 0 and len(fell) > len(changes) / 2
    verdict = (SUPPORTED if first_rose and second_rose else
               CONTRADICTED if not first_rose and second_fell else MIXED)
    measured = {"ice_before": before, "ice_during_mean": during, "ice_change": rise,
                "received_2025": {c["country"]: (c["before"], c["after"], c["counter"], c["scope"]) for c in changes}}
    headline = (f"ICE removals FY{first_term_years[0]}-FY{first_term_years[-1]} {'+' if rise >= 0 else ''}"
                f"{pct(rise)} on FY{year_before}; {second_term_year} returns fell in {num(len(fell))} of "
                f"{num(len(changes))} receiving countries")
    parts = [f"{c['country']} ({num(c['before'])} to {num(c['after'])}, by {returns.SHORT_COUNTERS.get(c['counter'], c['counter'])})"
             for c in changes]
    finding = (f"ICE removed a yearly average of {num(during)} Guatemalans, Hondurans and Salvadorans in "
               f"FY{first_term_years[0]}-FY{first_term_years[-1]}, {pct(abs(rise))} "
               f"{'more' if rise >= 0 else 'fewer'} than the {num(before)} of FY{year_before}; in {second_term_year} the "
               f"receiving governments counted fewer returns than in {second_term_year - 1} in "
               + (f"{'both' if len(changes) == 2 else 'all ' + num(len(changes))} countries with comparable counts"
                  if len(fell) == len(changes) and len(changes) > 1 else
                  f"{num(len(fell))} of the {num(len(changes)) + (' country' if len(changes) == 1 else ' countries')} with comparable counts")
               + (f": {listing(parts)}" if parts else "") + ". Whether returns helped the gangs is not in these data.")
    return measured, headline, finding, verdict


# --- Claims of the chapter's existing sections (aid, border, TPS, removals) ---------------------

FY2025_TOLERANCE = 0.01  # the recomputed FY2025 total must lie within 1 percent of the claimed one


@evaluates("northern_triangle_fy2025_lowest_apprehensions")
def _fy2025_lowest(claim):
    """FY2025 recomputed from CBP's file (October-August) and the reported September total, against FY2000-FY2024."""
    monthly = analysis.monthly_total_with_recent(data.load("border_apprehensions"), data.load("border_apprehensions_recent"))
    months = monthly.loc["2024-10-01":"2025-09-01", "encounters"].dropna()
    if len(months) != 12:
        raise ValueError(f"FY2025 has {len(months)} months of encounters, not 12")
    total = float(months.sum())
    claimed = float(claim["claimed_value"])
    earlier = analysis.fiscal_year_encounters(data.load("border_apprehensions"))
    earlier = earlier[earlier["complete"] & (earlier.index <= 2024)]["encounters"]
    lowest_year = int(earlier.idxmin())
    close = abs(total / claimed - 1) <= FY2025_TOLERANCE
    lowest = total < float(earlier.min())
    # "Lowest since 1970" spans FY1970-FY2024, and the series starts in FY2000: the FY1970-FY1999 part
    # cannot be checked, so the claim can at best be partly confirmed (mixed), never supported outright.
    first_held = int(earlier.index.min())
    verdict = CONTRADICTED if not close and not lowest else MIXED
    measured = {"fy2025_recomputed": total, "claimed": claimed, "lowest_earlier_year": lowest_year,
                "lowest_earlier": float(earlier.min())}
    headline = f"FY2025 {num(total)} against a claimed {num(claimed)}; {'the lowest' if lowest else 'not the lowest'} since FY{int(earlier.index.min())}"
    finding = (f"Summing the twelve months of FY2025 gives {num(total)} southwest-border Border Patrol apprehensions, "
               f"{num(abs(total - claimed))} {'more' if total > claimed else 'fewer'} than the claimed {num(claimed)} "
               f"(CBP revises earlier months); the lowest complete fiscal year "
               f"from FY{int(earlier.index.min())} to FY2024 was FY{lowest_year} with {num(earlier.min())}, so FY2025 "
               f"{'is' if lowest else 'is not'} the lowest of the series. The series starts in FY{first_held}, so the "
               f"comparison with FY1970-FY{first_held - 1} cannot be checked here"
               + (": the parts that can be checked hold, but with the rest untestable the verdict is mixed, not "
                  "supported." if close and lowest else "; with that part untestable the verdict is at best mixed."))
    return measured, headline, finding, verdict
