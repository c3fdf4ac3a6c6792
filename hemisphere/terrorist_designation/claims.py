"""Claims about the terrorist designation theme, tested against its tables.

Each evaluator registers with `hemisphere.claims.evaluates` and returns
(measured, headline, finding, verdict); see hemisphere/claims.py for the contract.
The rules (thresholds and dates) are module constants quoted in the `test` column of
data/claims.csv, fixed before any verdict was computed, over both Trump terms.
"""

from __future__ import annotations

import pandas as pd

from hemisphere import data
from hemisphere.claims import CONTRADICTED, MIXED, NOT_TESTABLE, SUPPORTED, evaluates, in_window
from hemisphere.prose import day, listing, num, plural
from hemisphere.terrorist_designation import designations, narrative, reconciliation

# The President's remark that "there's no ships coming in with drugs" had been made by the date
# of the page that reports it (1 November 2025); strikes after that date are counted.
NO_SHIPS_REMARK_BY = pd.Timestamp("2025-11-01")
# A transfer of prisoners counts as close to tariff pressure if it came within this many days
# after a tariff step (order, entry into force, exemption, threat or extension) or before the next one.
TARIFF_WINDOW_DAYS = 30
PRESSURE_STEPS = ("ordered", "in_effect", "usmca_exemption", "threatened", "extended")
NAMED_MAJORITY = 0.5   # share of announcements that must name a listed group for 'supported'


def _in_terms(frame: pd.DataFrame, column: str = "date") -> pd.DataFrame:
    return frame[frame[column].map(in_window)]


@evaluates("terrorist_designation_strikes_hit_designated_groups")
def _strikes_hit_designated_groups(claim):
    fto, strikes = data.load("fto_list"), data.load("boat_strikes")
    confirmed = _in_terms(reconciliation.confirmed(strikes))
    targets = designations.announcement_targets(confirmed, fto)
    counts = designations.target_counts(targets)
    named, generic = counts[designations.NAMED_GROUP], counts[designations.GENERIC]
    other, nothing = counts[designations.NAMED_OTHER], counts[designations.NOTHING]
    total = len(targets)
    if other:
        verdict = CONTRADICTED
    elif total and named / total > NAMED_MAJORITY:
        verdict = SUPPORTED
    else:
        verdict = NOT_TESTABLE
    measured = {"announcements": total, **counts}
    headline = (f"{num(named)} of {plural(total, 'announcement')} named a listed group; {num(generic)} used only the "
                f"generic wording; {num(nothing)} named none")
    finding = (f"Of the {plural(total, 'confirmed strike announcement')} between {day(confirmed['date'].min())} and "
               f"{day(confirmed['date'].max())}, {designations.describe_targets(targets)}. The generic wording cannot be "
               "checked against the FTO list, so the claim is untestable for most strikes.")
    return measured, headline, finding, verdict


@evaluates("terrorist_designation_no_drug_boats")
def _no_drug_boats(claim):
    strikes = data.load("boat_strikes")
    later = _in_terms(reconciliation.confirmed(strikes))
    later = later[later["date"] > NO_SHIPS_REMARK_BY]
    totals = {"events": len(later), "strikes": int(later["strikes"].sum()), "vessels": int(later["vessels"].sum()),
              "killed": int(later["killed"].sum())}
    verdict = CONTRADICTED if totals["vessels"] else SUPPORTED
    headline = (f"{plural(totals['vessels'], 'vessel')} struck after {day(NO_SHIPS_REMARK_BY)} that the US said were "
                "trafficking drugs")
    finding = (f"After {day(NO_SHIPS_REMARK_BY)} the US military itself announced {plural(totals['strikes'], 'strike')} on "
               f"{plural(totals['vessels'], 'vessel')} it said were carrying drugs or on drug routes"
               + (f", the last listed on {day(later['date'].max())}, killing {num(totals['killed'])} people" if len(later) else "")
               + ". By the administration's own account, boats kept coming.")
    # The list misses some strikes (published totals run above it): the counts are lower bounds.
    tallies = data.load("boat_strike_tallies")
    window = reconciliation.missing_window(reconciliation.checkpoints(strikes, tallies, strikes["date"].max()))
    if window and len(later):
        finding += (f" These counts are lower bounds: published totals show strikes probably missing from the list "
                    f"{narrative.missing_span(window)}.")
    return totals, headline, finding, verdict


@evaluates("terrorist_designation_tariffs_bring_handovers")
def _tariffs_bring_handovers(claim):
    batches = _in_terms(data.load("mexico_cartel_transfers"))
    tariffs = data.load("mexico_fentanyl_tariffs")
    steps = tariffs[tariffs["action"].isin(PRESSURE_STEPS)].sort_values("date")
    if batches.empty or steps.empty:
        return {}, "no transfers or tariff steps", "The tables hold no transfer or no tariff step to compare.", NOT_TESTABLE
    close, far = [], []
    for row in batches.sort_values("date").itertuples():
        gaps = (steps["date"] - row.date).dt.days.abs()
        nearest = steps.loc[gaps.idxmin()]
        days = int(gaps.min())
        text = (f"{num(row.people)} on {day(row.date)}, {plural(days, 'day')} from the tariff step of "
                f"{day(nearest['date'])} ({nearest['action'].replace('_', ' ')})")
        (close if days <= TARIFF_WINDOW_DAYS else far).append(text)
    verdict = SUPPORTED if not far else CONTRADICTED if not close else MIXED
    measured = {"transfers": len(batches), "within_window": len(close), "window_days": TARIFF_WINDOW_DAYS}
    headline = f"{num(len(close))} of {plural(len(batches), 'transfer')} within {num(TARIFF_WINDOW_DAYS)} days of a tariff step"
    finding = ((f"Within {num(TARIFF_WINDOW_DAYS)} days of a tariff step: {listing(close)}. " if close else "")
               + (f"Not near one: {listing(far)}. " if far else "")
               + "Timing is all these tables can show; they cannot separate the tariff from the designations, the "
                 "strikes or diplomacy as a cause.")
    return measured, headline, finding, verdict


TREND_POINTS = 0.05  # a change counts as faster than the earlier trend if it exceeds it by 5 percentage points


def _same_months(incidence: pd.DataFrame, start: pd.Timestamp, months: int) -> float:
    rows = incidence.assign(start=pd.to_datetime(incidence["month"] + "-01"))
    chosen = rows[(rows["start"] >= start) & (rows["start"] < start + pd.DateOffset(months=months))]
    return float(chosen["offences"].sum()) if len(chosen) == months else float("nan")


@evaluates("terrorist_designation_little_effect_on_violence")
def _little_effect_on_violence(claim):
    incidence = data.load("mexico_homicide_incidence_monthly")
    fto = data.load("fto_list")
    first = fto.loc[(fto["kind"] == "criminal") & fto["western_hemisphere"], "designation_date"].min()
    register = incidence["register"].iloc[0]
    old = incidence[incidence["register"] == register]
    start = first.to_period("M").to_timestamp()
    last = pd.to_datetime(old["month"] + "-01").max()
    months = (last.year - start.year) * 12 + last.month - start.month + 1
    months = min(months, 12)
    after = _same_months(old, start, months)
    year_before = _same_months(old, start - pd.DateOffset(years=1), months)
    two_before = _same_months(old, start - pd.DateOffset(years=2), months)
    if any(pd.isna(v) for v in (after, year_before, two_before)):
        return {}, "too few months", "The case-file series does not cover the comparison months.", NOT_TESTABLE
    change_after, change_before = after / year_before - 1, year_before / two_before - 1
    # Only timing can be tested: a faster fall after the designations is consistent with an effect but
    # cannot show one, so it makes the verdict mixed, never contradicted (the rule in data/claims.csv).
    faster = change_after <= change_before - TREND_POINTS
    verdict = MIXED if faster else SUPPORTED
    span = f"{start:%B}–{(start + pd.DateOffset(months=months - 1)):%B}"
    measured = {"months": months, "after": after, "year_before": year_before, "two_years_before": two_before,
                "change_after": change_after, "change_before": change_before}
    headline = (f"homicide offences {span} {start.year}: {'down' if change_after < 0 else 'up'} "
                f"{num(abs(change_after) * 100)}% on a year before (the year before: "
                f"{'down' if change_before < 0 else 'up'} {num(abs(change_before) * 100)}%)")
    gap_points = (change_before - change_after) * 100
    finding = (f"Intentional-homicide offences in Mexican case files (SESNSP) for {span} {start.year}, the "
               f"{plural(months, 'month')} from the month the designations took effect ({day(first)}), were {num(after)} "
               f"against {num(year_before)} in the same months of {start.year - 1} and {num(two_before)} in "
               f"{start.year - 2}. The change after the designations "
               f"({'down' if change_after < 0 else 'up'} {num(abs(change_after) * 100)}%) was "
               + (f"{num(gap_points)} points steeper than" if faster else
                  f"less than the rule's {num(TREND_POINTS * 100)} points steeper than")
               + f" the change the year before ({'down' if change_before < 0 else 'up'} {num(abs(change_before) * 100)}%)"
               + (f"; the rule counts {num(TREND_POINTS * 100)} points or more" if faster else "")
               + ". (The chapter's Mexico section sets the monthly average since the designations against the twelve "
                 "months before them, a different baseline.) "
               + ("That timing fits an effect but does not show one: " if faster else
                  "Violence did not fall faster after the designations, which fits the claim on timing alone; ")
               + "the Mexican government credits its own security strategy, begun in October 2024, and these figures "
                 "cannot say which cause mattered.")
    return measured, headline, finding, verdict
