"""Claims about the northern triangle theme, tested against its tables.

Each evaluator registers with `hemisphere.claims.evaluates` and returns
(measured, headline, finding, verdict); see hemisphere/claims.py for the contract.
"""

from __future__ import annotations


# --- Claims of the chapter's existing sections (aid, border, TPS, removals); other helpers' claims sit above ---

import pandas as pd  # noqa: E402

from hemisphere import data  # noqa: E402
from hemisphere.claims import CONTRADICTED, MIXED, SUPPORTED, evaluates  # noqa: E402
from hemisphere.northern_triangle import analysis  # noqa: E402
from hemisphere.prose import num  # noqa: E402

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
    verdict = SUPPORTED if close and lowest else CONTRADICTED if not close and not lowest else MIXED
    measured = {"fy2025_recomputed": total, "claimed": claimed, "lowest_earlier_year": lowest_year,
                "lowest_earlier": float(earlier.min())}
    headline = f"FY2025 {num(total)} against a claimed {num(claimed)}; lowest since FY{int(earlier.index.min())}: {lowest}"
    finding = (f"Summing the twelve months of FY2025 gives {num(total)} southwest-border Border Patrol apprehensions, "
               f"{num(abs(total - claimed))} {'more' if total > claimed else 'fewer'} than the claimed {num(claimed)} "
               f"(CBP revises earlier months); the lowest complete fiscal year "
               f"from FY{int(earlier.index.min())} to FY2024 was FY{lowest_year} with {num(earlier.min())}, so FY2025 "
               f"{'is' if lowest else 'is not'} the lowest of the series. The series starts in FY2000, so the "
               "comparison with 1970 cannot be checked here.")
    return measured, headline, finding, verdict
