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
from hemisphere.terrorist_designation import designations, reconciliation

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
