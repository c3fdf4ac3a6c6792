"""Overdose figures read on web pages (not in the reference tables), added to `overdose_deaths`.

Each row names the page it was read on and a confidence: NCHS data briefs read in faithful copies,
press summaries of NCHS and CDC releases, and (for the newest provisional count) a treatment
provider's newsroom. Final and provisional figures stay in separate rows (data_status).
"""

from __future__ import annotations

import pandas as pd

RATE = "age_adjusted_rate"
DEATHS = "deaths"
CHANGE = "percent_change_on_previous_year"

_DB428 = ('NCHS Data Brief No. 428, "Drug Overdose Deaths in the United States, 1999-2020" (Hedegaard, Minino, '
          'Spencer & Warner, Dec 2021), copy at pr.report', "https://pr.report/t7Aoz25L", "medium")
_DB457 = ('NCHS Data Brief No. 457, "Drug Overdose Deaths in the United States, 2001-2021" (Spencer, Minino & '
          'Warner, Dec 2022)', "https://www.cdc.gov/nchs/products/databriefs/db457.htm", "high")
_DB491 = ('NCHS Data Brief No. 491, "Drug Overdose Deaths in the United States, 2002-2022" (Spencer, Garnett & '
          'Minino, Mar 2024)', "https://www.cdc.gov/nchs/products/databriefs/db491.htm", "high")
_SUDORS = ('CDC, SUDORS Data Brief No. 1, "Drug Overdose Deaths in 28 States and the District of Columbia: 2020" '
           '(June 2022), citing NCHS final 2020 count', "https://cdc.gov/drugoverdose/databriefs/sudors-1.html", "high")
_HMP = ('HMP Global Learning Network, "Drug Overdose Deaths Overall Decrease from 2022 to 2023", summary of NCHS '
        'Data Brief No. 522', "https://www.hmpgloballearningnetwork.com/site/pcn/news/drug-overdose-deaths-overall-decrease-2022-2023",
        "medium")
_FINAL_2024 = ('Filter, "Overdose deaths dropped dramatically between 2023 and 2024", on the NCHS report of 29 Jan 2026 '
               'on final 2024 data', "https://filtermag.org/?p=22414", "medium")
_CHANGES_2024 = ('Partnership to End Addiction (drugfree.org), "Drug overdose deaths continue decline in 2024", summary '
                 'of the NCHS annual report (Feb 2026)',
                 "https://drugfree.org/drug-and-alcohol-news/drug-overdose-deaths-continue-decline-in-2024/sms:55753", "medium")
_PROVISIONAL_2024 = ('DailyFly, "U.S. overdose deaths drop nearly 27% in 2024" (14 May 2025), CDC/NCHS provisional counts',
                     "https://www.dailyfly.com/2025/05/14/u-s-overdose-deaths-drop-nearly-27-in-2024-reaching-lowest-level-since-2019",
                     "medium")
_GOVERNING = ('Governing, "27%: decline in U.S. drug overdose deaths in 2024" (May 2025), CDC provisional data',
              "https://www.governing.com/number/27", "medium")
_AUG_2025 = ('Partnership to End Addiction (drugfree.org) summary of AP, "US overdose deaths fell through most of 2025, '
             'federal data reveals" (CDC provisional data to August 2025)', "https://drugfree.org/print/page.php?id=183146",
             "medium")
_JAN_2026 = ('Rize Recovery newsroom, "The Overdose Numbers Fell 13%" (26 Jun 2026), on the CDC provisional release of '
             '17 Jun 2026', "https://www.rizerecovery.com/newsroom/cdc-overdose-decline-complexity-2026", "low")

PREDICTED = "predicted provisional count"

# (year, period, drug class, measure, value, data status, source, note)
ROWS = [
    (2020, "calendar year", "all drug overdose", RATE, 28.3, "final", _DB428, ""),
    (2020, "calendar year", "all drug overdose", DEATHS, 91799, "final", _SUDORS, ""),
    (2020, "calendar year", "synthetic opioids other than methadone", RATE, 17.8, "final", _DB428, ""),
    (2021, "calendar year", "all drug overdose", DEATHS, 106699, "final", _DB457, ""),
    (2021, "calendar year", "all drug overdose", RATE, 32.4, "final", _DB457, ""),
    (2019, "calendar year", "cocaine", RATE, 4.9, "final", _DB428, ""),
    (2020, "calendar year", "cocaine", RATE, 6.0, "final", _DB428, ""),
    (2020, "calendar year", "psychostimulants", RATE, 7.5, "final", _DB428, ""),
    (2019, "calendar year", "heroin", RATE, 4.4, "final", _DB428, ""),
    (2020, "calendar year", "heroin", RATE, 4.1, "final", _DB428, ""),
    (2021, "calendar year", "synthetic opioids other than methadone", RATE, 21.8, "final", _DB491, ""),
    (2022, "calendar year", "synthetic opioids other than methadone", RATE, 22.7, "final", _DB491, ""),
    (2023, "calendar year", "synthetic opioids other than methadone", RATE, 22.2, "final", _HMP, ""),
    (2024, "calendar year", "all drug overdose", DEATHS, 79384, "final", _FINAL_2024,
     "drugfree.org's summary of the same report gives 79,385"),
    (2024, "calendar year", "all drug overdose", RATE, 23.1, "final", _FINAL_2024, ""),
] + [
    (2024, "calendar year", drug, CHANGE, change, "final", _CHANGES_2024, "change in the age-adjusted rate, 2023 to 2024")
    for drug, change in [("synthetic opioids other than methadone", -35.6), ("natural and semisynthetic opioids", -20.7),
                         ("heroin", -33.3), ("methadone", -10.0), ("psychostimulants", -19.8), ("cocaine", -26.7)]
] + [
    (year, "calendar year", drug, DEATHS, value, "provisional", _PROVISIONAL_2024, PREDICTED)
    for drug, counts in [("synthetic opioids other than methadone", (76282, 48422)), ("psychostimulants", (37096, 29456)),
                         ("cocaine", (30833, 22174)), ("natural and semisynthetic opioids", (10511, 8006))]
    for year, value in zip((2023, 2024), counts)
] + [
    (2023, "calendar year", "all drug overdose", DEATHS, 110037, "provisional", _PROVISIONAL_2024, PREDICTED),
    (2025, "12 months to Aug 2025", "all drug overdose", DEATHS, 73000, "provisional", _AUG_2025,
     "rounded by the source ('an estimated 73,000'); previous 12 months about 92,000"),
    (2026, "12 months to Jan 2026", "all drug overdose", DEATHS, 69147, "provisional", _JAN_2026,
     "12 months February 2025 to January 2026; the source gives a 13.2% fall on the year before"),
]

# Rows of the reference table whose page was an aggregator's staging copy: the same figure cited
# to a reputable outlet instead (issue 15). Key: (year, period, drug class, measure, data status).
RECITED = {(2024, "calendar year", "all drug overdose", DEATHS, "provisional"): _GOVERNING,
           (2022, "calendar year", "all drug overdose", DEATHS, "final"): _DB491}


def rows(make_row) -> list[dict]:
    """The page rows, each built with the table's own row maker."""
    return [make_row(year, period, drug, measure, float(value), status, title, url, confidence, note)
            for year, period, drug, measure, value, status, (title, url, confidence), note in ROWS]


def recite(table: pd.DataFrame) -> pd.DataFrame:
    """Point the rows in RECITED at their better page."""
    table = table.copy()
    for (year, period, drug, measure, status), (title, url, confidence) in RECITED.items():
        where = ((table["year"] == year) & (table["period"] == period) & (table["drug_class"] == drug)
                 & (table["measure"] == measure) & (table["data_status"] == status))
        table.loc[where, ["source_title", "source_url", "confidence"]] = [title, url, confidence]
    return table
