"""Build the chapter's tidy tables from the publishers' releases and the reference fact tables.

The committed CSVs under data/eradication/ are produced by `write_tables()`; the build itself
never calls this module (it is offline and reads the committed files). Keeping the assembly in
code means every reshaping step, every relabelled category and every dropped row is visible
and re-runnable: `python -m hemisphere.eradication.tables` regenerates the files from
../shared/sources/eradication/.

Rules applied throughout: the ORIGINAL publisher is cited per row; where a value reached us
through a news report the row says so and is graded `medium` (or `low` for a summary of a
summary); values are never adjusted, only relabelled.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from hemisphere import paths
from hemisphere.eradication.unodc_annex import read_annex_table

SOURCES = paths.SHARED_SOURCES / "eradication"
OUTPUT = paths.DATA / "eradication"

CULTIVATION_ANNEX = "unodc_wdr2022_table_6_1_1_coca_cultivation_2009_2020.xlsx"
ERADICATION_ANNEX = "unodc_wdr2022_table_6_1_2_coca_eradication_2009_2020.xlsx"
WDR2022_TITLE = "UNODC, World Drug Report 2022, Statistical Annex"
WDR2022_URL = "https://www.unodc.org/unodc/en/data-and-analysis/world-drug-report-2022.html"

UNODC = "UNODC"
ONDCP = "US government (ONDCP)"
DEVIDA = "DEVIDA (Government of Peru)"
ANDEAN = ["Colombia", "Peru", "Bolivia"]

# Area concepts, from the notes to WDR 2022 annex table 6.1.1 and the SIMCI reports.
AREA_CONCEPT = {
    ("Colombia", UNODC): "net area on 31 December",
    ("Peru", UNODC): "area interpreted on satellite imagery, before later eradication",
    ("Bolivia", UNODC): "area interpreted on satellite imagery",
}
ONDCP_AREA_CONCEPT = "US imagery-based sample estimate"

# Publishers' own domains: a value read there is graded high, a relay by the press medium.
PRIMARY_DOMAINS = ("whitehouse.gov", "whitehouse.archives.gov", "unodc.org", "state.gov",
                   "govinfo.gov", "federalregister", "justia.com/regulations", "cdc.gov")


def _confidence(url: str, default: str = "medium") -> str:
    """`high` when the value was read on the publisher's own page, else the default."""
    url = url if isinstance(url, str) else ""
    return "high" if any(domain in url for domain in PRIMARY_DOMAINS) else default


def _read(name: str, sources: Path) -> pd.DataFrame:
    return pd.read_csv(sources / name, dtype=str, keep_default_na=False)


# Figures this project collected after the shared reference files were assembled (newer surveys,
# Colombia's 2006 and 2008 eradication, checked majors-list designations), one row each with its
# source; they live in data/eradication/ beside the tables they extend.
COLLECTED = paths.DATA / "eradication" / "collected_figures.csv"
MAJORS_CHECKS = paths.DATA / "eradication" / "majors_list_checks.csv"

# The publisher of each row, named exactly as in the table's catalogue sources, so that a chart
# credits only the publishers of the rows it draws.
PUB_SIMCI = "UNODC / SIMCI (Government of Colombia)"
PUB_UNODC = "UNODC"
PUB_ONDCP = "US Office of National Drug Control Policy (ONDCP)"
PUB_STATE = "US Department of State"
PUB_MINDEFENSA = "Ministerio de Defensa Nacional de Colombia"


def _collected(table: str) -> pd.DataFrame:
    facts = pd.read_csv(COLLECTED, dtype=str, keep_default_na=False)
    return facts[facts["table"] == table]


def _us_publisher(source_title: str) -> str:
    """INCSR figures are the State Department's report of the US estimate; the rest are ONDCP's."""
    return PUB_STATE if ("INCSR" in source_title or "Narcotics Control Strategy" in source_title) else PUB_ONDCP


# --- coca cultivation -------------------------------------------------------------------------

def coca_cultivation(sources: Path = SOURCES) -> pd.DataFrame:
    """UNODC and US-government coca area by country and year, one row per estimator.

    Colombia's UNODC series is SIMCI's exact national total (2001-2024); Peru's and Bolivia's
    come from the WDR 2022 annex workbook via the converter (rounded to the hundred).
    """
    facts = _read("coca_cultivation_estimates_unodc_vs_ondcp.csv", sources)
    facts = facts[facts["country"].isin(ANDEAN)]
    rows = []
    for fact in facts.itertuples():
        estimator = ONDCP if "ONDCP" in fact.estimate_by else UNODC
        unodc_2024 = estimator == UNODC and fact.year == "2024"
        rows.append({
            "country": fact.country,
            "year": int(fact.year),
            "estimator": estimator,
            "hectares": float(fact.value),
            "area_concept": AREA_CONCEPT.get((fact.country, estimator), ONDCP_AREA_CONCEPT),
            "vintage": fact.release_vintage if estimator == ONDCP else _simci_vintage(int(fact.year)),
            "publisher": _us_publisher(fact.source_title) if estimator == ONDCP else PUB_SIMCI,
            "source_title": fact.source_title,
            "source_url": fact.source_url,
            "confidence": "medium" if unodc_2024 else ("high" if estimator == UNODC else _confidence(fact.source_url)),
        })
    annex = read_annex_table(sources / CULTIVATION_ANNEX)
    for fact in annex[annex["country"] != "Colombia"].itertuples():
        rows.append({
            "country": fact.country,
            "year": int(fact.year),
            "estimator": UNODC,
            "hectares": fact.hectares,
            "area_concept": AREA_CONCEPT[(fact.country, UNODC)],
            "vintage": "World Drug Report 2022 (Jun 2022)",
            "publisher": PUB_UNODC,
            "source_title": f"{WDR2022_TITLE}, table 6.1.1 (global illicit cultivation of coca bush, 2009-2020)",
            "source_url": WDR2022_URL,
            "confidence": "high",
        })
    for fact in _collected("coca_cultivation").itertuples():
        rows.append({
            "country": fact.country, "year": int(fact.year), "estimator": fact.estimator,
            "hectares": float(fact.value), "area_concept": fact.area_concept, "vintage": fact.vintage,
            "publisher": fact.publisher, "source_title": fact.source_title, "source_url": fact.source_url,
            "confidence": fact.confidence,
        })
    return pd.DataFrame(rows).sort_values(["country", "estimator", "year"], ignore_index=True)


def _simci_vintage(year: int) -> str:
    if year <= 2010:
        return "SIMCI coca survey 2015 (Jul 2016)"
    return "SIMCI coca survey 2024, historical series"


# --- cocaine production -----------------------------------------------------------------------

# Values a later release of the same body replaced: kept, labelled, and left out of the series. The
# revisions, with the source that reports each, are data (data/eradication/production_revisions.csv).
PRODUCTION_REVISIONS = paths.DATA / "eradication" / "production_revisions.csv"


def superseded_production() -> dict[tuple[str, str, str], str]:
    """(country, year, superseded vintage) -> the note saying which later release replaced it."""
    revisions = pd.read_csv(PRODUCTION_REVISIONS, dtype=str, keep_default_na=False)
    return {(row.country, row.year, row.superseded_vintage): row.note for row in revisions.itertuples()}


def cocaine_production(sources: Path = SOURCES) -> pd.DataFrame:
    """Potential pure cocaine production (metric tons) by country, year, estimator and release."""
    facts = _read("cocaine_production_estimates_unodc_vs_ondcp.csv", sources)
    rows = []
    revisions = superseded_production()
    for fact in facts.itertuples():
        estimator = ONDCP if "ONDCP" in fact.estimate_by else UNODC
        superseded_by = revisions.get((fact.country, fact.year, fact.release_vintage), "")
        rows.append({
            "country": fact.country,
            "year": int(fact.year),
            "estimator": estimator,
            "metric_tons": float(fact.value),
            "vintage": fact.release_vintage,
            "superseded": bool(superseded_by),
            "note": superseded_by,
            "publisher": (_us_publisher(fact.source_title) if estimator == ONDCP
                          else PUB_SIMCI if fact.country == "Colombia" else PUB_UNODC),
            "source_title": fact.source_title,
            "source_url": fact.source_url,
            "confidence": _confidence(fact.source_url),
        })
    for fact in _collected("cocaine_production").itertuples():
        # A collected figure for a year the reference file already holds (same body, current
        # release) replaces that row: it is the same figure read in a better source.
        rows = [row for row in rows if not (row["country"] == fact.country and row["year"] == int(fact.year)
                                            and row["estimator"] == fact.estimator and not row["superseded"])]
        rows.append({
            "country": fact.country, "year": int(fact.year), "estimator": fact.estimator,
            "metric_tons": float(fact.value), "vintage": fact.vintage, "superseded": fact.superseded == "true",
            "note": fact.note, "publisher": fact.publisher, "source_title": fact.source_title,
            "source_url": fact.source_url, "confidence": fact.confidence,
        })
    return pd.DataFrame(rows).sort_values(["country", "estimator", "year", "vintage"], ignore_index=True)


# --- coca eradication -------------------------------------------------------------------------

REPORTER_UNODC_ANNEX = "UNODC annual report questionnaire (government data)"
REPORTER_UNODC_SURVEY = "UNODC-Colombia coca survey (government data)"
REPORTER_MINDEFENSA = "Colombian Ministry of Defence"
REPORTER_ONDCP = "ONDCP, citing the Colombian government"
REPORTER_GOVERNMENT_PRESS = "Government of Colombia, as relayed by EFE"
REPORTER_UNODC_BOLIVIA = "UNODC Bolivia coca monitoring report (government data)"
PUB_GOVERNMENT_COLOMBIA = "Government of Colombia (Acción Social and Policía Nacional)"
REPORTER_PUBLISHERS = {
    REPORTER_UNODC_SURVEY: PUB_SIMCI,
    REPORTER_MINDEFENSA: PUB_MINDEFENSA,
    REPORTER_ONDCP: PUB_ONDCP,
}


def coca_eradication(sources: Path = SOURCES) -> pd.DataFrame:
    """Reported eradication (hectares) by country, year, method and reporting body.

    Colombia's annex figures for 2009-2015 add aerial spraying and manual eradication (the
    2012 components published by UNODC sum to the annex total), so they are labelled
    `combined`; from 2016, after spraying was suspended, they are manual.
    """
    rows = []
    annex = read_annex_table(sources / ERADICATION_ANNEX)
    for fact in annex.itertuples():
        colombia = fact.country == "Colombia"
        combined = colombia and fact.year <= 2015
        rows.append({
            "country": fact.country,
            "year": int(fact.year),
            "method": "combined" if combined else "manual",
            "hectares": fact.hectares,
            "period": "calendar_year",
            "lower_bound": False,
            "reported_by": REPORTER_UNODC_ANNEX,
            "note": ("aerial spraying plus manual eradication" if combined
                     else "" if colombia else "includes voluntary eradication"),
            "publisher": PUB_UNODC,
            "source_title": f"{WDR2022_TITLE}, table 6.1.2 (reported eradication of coca bush, 2009-2020)",
            "source_url": WDR2022_URL,
            "confidence": "high",
        })
    facts = _read("colombia_coca_eradication.csv", sources)
    for fact in facts.itertuples():
        if fact.method.startswith("total_forced") or fact.source_url == "":
            continue  # the annex rows, already read from UNODC's workbook above
        reporter, confidence = _eradication_reporter(fact.reported_by, fact.source_url)
        if fact.year in ("2019", "2020") and reporter == REPORTER_ONDCP:
            continue  # the ONDCP rounding of a value the annex gives exactly
        partial = fact.period.startswith("Jan-Sep")
        rows.append({
            "country": fact.country,
            "year": int(fact.year),
            "method": "aerial_spraying" if fact.method == "aerial_spraying" else "manual",
            "hectares": float(fact.hectares),
            "period": "jan_sep" if partial else "calendar_year",
            "lower_bound": fact.year == "2021",
            "reported_by": reporter,
            "note": _eradication_note(fact),
            "publisher": REPORTER_PUBLISHERS[reporter],
            "source_title": fact.source_title,
            "source_url": fact.source_url,
            "confidence": confidence,
        })
    for fact in _collected("coca_eradication").itertuples():
        rows.append({
            "country": fact.country, "year": int(fact.year), "method": fact.method,
            "hectares": float(fact.value), "period": fact.period, "lower_bound": fact.lower_bound == "true",
            "reported_by": fact.reported_by, "note": fact.note, "publisher": fact.publisher,
            "source_title": fact.source_title, "source_url": fact.source_url, "confidence": fact.confidence,
        })
    return pd.DataFrame(rows).sort_values(["country", "year", "period", "method", "reported_by"], ignore_index=True)


def _eradication_reporter(reported_by: str, url: str) -> tuple[str, str]:
    if "ONDCP" in reported_by:
        return REPORTER_ONDCP, "high"
    if "Ministerio de Defensa" in reported_by:
        return REPORTER_MINDEFENSA, "medium"
    return REPORTER_UNODC_SURVEY, _confidence(url)


def _eradication_note(fact) -> str:
    if fact.year == "2021":
        return "ONDCP wrote 'more than' this figure"
    if fact.period.startswith("Jan-Sep"):
        return "January to September only"
    if fact.year == "2012":
        return "component published with the 2012 survey; the annex gives the combined total"
    if fact.year == "2019":
        return "Ministry figure; the annex gives 94,606 ha for the same year"
    return ""


# --- Mexican opium poppy ----------------------------------------------------------------------

UNODC_MEXICO = "UNODC-Mexico (project MEXK54)"


def poppy_cultivation(sources: Path = SOURCES) -> pd.DataFrame:
    """Opium poppy area in Mexico by period and estimator (US government vs UNODC-Mexico)."""
    facts = _read("mexico_opium_poppy.csv", sources)
    facts = facts[facts["metric"] == "opium_poppy_cultivation"]
    rows = []
    for fact in facts.itertuples():
        ondcp = "ONDCP" in fact.estimate_by
        survey_year = "(Jul-Jun)" in fact.period
        rows.append({
            "country": fact.country,
            "period": fact.period.replace(" (Jul-Jun)", "").replace("-20", "/"),
            "year": int(fact.year),
            "period_type": "survey_year_jul_jun" if survey_year else "calendar_year",
            "estimator": ONDCP if ondcp else UNODC_MEXICO,
            "hectares": float(fact.value),
            "source_title": fact.source_title,
            "source_url": fact.source_url,
            "confidence": "high" if ondcp else ("low" if "fightforbotanicals" in fact.source_url else "medium"),
        })
    return pd.DataFrame(rows).sort_values(["estimator", "year"], ignore_index=True)


# --- the majors list --------------------------------------------------------------------------

FLAG_LABELS = {"True": "yes", "False": "no", "not_verified": "not verified"}
WAIVER_LABELS = {"yes": "yes", "no": "no", "n/a": "not applicable", "not_verified": "not verified"}
# Determinations whose designations were read in a secondary summary rather than the text.
SECONDARY_DESIGNATIONS = {"2012", "2014", "2025", "2026"}


def majors_list(sources: Path = SOURCES) -> pd.DataFrame:
    """One row per fiscal year and listed country of the presidential 'majors list' determination."""
    facts = _read("majors_list.csv", sources)
    rows = []
    for fact in facts.itertuples():
        waiver = fact.national_interest_waiver
        rows.append({
            "fiscal_year": int(fact.fiscal_year),
            "determination_no": "" if fact.determination_no.startswith("(") else fact.determination_no,
            "date_signed": fact.date_signed,
            "country": fact.country,
            "listed": fact.listed == "True",
            "failed_demonstrably": FLAG_LABELS[fact.failed_demonstrably],
            "national_interest_waiver": "yes" if waiver.startswith("yes") else WAIVER_LABELS[waiver],
            "note": _majors_note(fact),
            "source_title": fact.source_title,
            "source_url": fact.source_url,
            "confidence": "medium" if fact.fiscal_year in SECONDARY_DESIGNATIONS else "high",
        })
    table = pd.DataFrame(rows)
    checks = pd.read_csv(MAJORS_CHECKS, dtype=str, keep_default_na=False)
    for check in checks.itertuples():
        # A designation paragraph read later, in a better source, replaces the 'not verified' label.
        match = (table["fiscal_year"] == int(check.fiscal_year)) & (table["country"] == check.country)
        if match.sum() != 1:
            raise ValueError(f"majors_list_checks: FY{check.fiscal_year} {check.country} is not one listed row")
        for column in ("failed_demonstrably", "national_interest_waiver", "note", "source_title", "source_url",
                       "confidence"):
            table.loc[match, column] = getattr(check, column)
    return table.sort_values(["fiscal_year", "country"], ignore_index=True)


# Determinations whose designation paragraph was read only in part: what each copy shows (per year,
# and for the one country a reader would expect to find designated).
PARTLY_READ = {
    "2012": ("Designation paragraph read only in part (three countries designated per the State Department note; "
             "two named)."),
    ("2012", "Burma"): ("The State Department note read says three countries were designated, but the copy breaks off "
                        "after Bolivia; the law-firm summary names Bolivia and Venezuela. The third is named in no copy "
                        "read; Burma, designated in FY2011 and FY2013, is not confirmed."),
    ("2025", "Afghanistan"): ("EFE names Bolivia, Burma and Venezuela as the only three countries designated, which "
                              "would leave Afghanistan out, though it was designated in FY2023 and FY2026; the "
                              "designation paragraph of the memorandum (89 FR 77761) was not read, so the status is "
                              "left unconfirmed."),
}


def _majors_note(fact) -> str:
    if fact.country == "Colombia" and fact.fiscal_year == "2018":
        return ("The memorandum says designating Colombia was seriously considered because of "
                "record coca growth, and that designation remained an option.")
    if fact.country == "Colombia" and fact.fiscal_year == "2026":
        return ("First designation of Colombia since 1997, with a waiver; the memorandum ties a "
                "change to more aggressive eradication.")
    if fact.national_interest_waiver.startswith("yes ("):
        return "Waiver reported by EFE for the designated countries as a group."
    if fact.failed_demonstrably == "not_verified":
        return PARTLY_READ.get((fact.fiscal_year, fact.country), PARTLY_READ.get(fact.fiscal_year,
                                                                                 "Designation paragraph not read in the copies consulted."))
    if fact.country == "Colombia":
        return "Not designated (reports of FY2026 call that designation the first since 1997)."
    return ""


# --- US overdose deaths -----------------------------------------------------------------------

NCHS_HUS_TITLE = ("NCHS, Health, United States: Drug overdose death rates, by drug type, sex, age, "
                  "race, and Hispanic origin: United States (data.cdc.gov 95ax-ymtc)")
NCHS_HUS_URL = "https://data.cdc.gov/api/views/95ax-ymtc/rows.csv?accessType=DOWNLOAD"
HUS_PANELS = {
    "All drug overdose deaths": "all drug overdose",
    "Drug overdose deaths involving any opioid": "any opioid",
    "Drug overdose deaths involving heroin": "heroin",
    "Drug overdose deaths involving methadone": "methadone",
    "Drug overdose deaths involving natural and semisynthetic opioids": "natural and semisynthetic opioids",
    "Drug overdose deaths involving other synthetic opioids (other than methadone)": "synthetic opioids other than methadone",
}
DRUG_CLASSES = {
    "all drug overdose": "all drug overdose",
    "any opioid": "any opioid",
    "cocaine (T40.5)": "cocaine",
    "heroin (T40.1)": "heroin",
    "psychostimulants with abuse potential (T43.6)": "psychostimulants",
    "synthetic opioids other than methadone (T40.4)": "synthetic opioids other than methadone",
}
MEASURES = {
    "age-adjusted death rate": "age_adjusted_rate",
    "deaths": "deaths",
    "deaths (predicted provisional)": "deaths",
    "percent change vs 2023": "percent_change_on_previous_year",
}
UNITS = {"age_adjusted_rate": "deaths per 100,000 (age-adjusted)", "deaths": "deaths",
         "percent_change_on_previous_year": "percent"}

# Cocaine and psychostimulant figures found while building this chapter (not in the reference
# tables): NCHS and MMWR publications, read in stored copies of the CDC pages.
# Figures read on NCHS and CDC pages (data briefs, MMWR, press summaries of releases) are data, one
# row each with its page and confidence (data/eradication/overdose_page_figures.csv); so are the
# better pages for reference rows whose page was an aggregator's copy.
OVERDOSE_PAGE_FIGURES = paths.DATA / "eradication" / "overdose_page_figures.csv"
ADDS_A_FIGURE = "adds a figure"
BETTER_PAGE = "better page for a reference row"
DEATH_KEY = ["year", "period", "drug_class", "measure", "data_status"]


def overdose_page_figures(path: Path = OVERDOSE_PAGE_FIGURES) -> pd.DataFrame:
    """The page-read overdose figures and re-citations, as committed."""
    pages = pd.read_csv(path, dtype=str, keep_default_na=False)
    unknown = sorted(set(pages["use"]) - {ADDS_A_FIGURE, BETTER_PAGE})
    if unknown:
        raise ValueError(f"{path.name}: unknown use {unknown}; expected {ADDS_A_FIGURE!r} or {BETTER_PAGE!r}")
    return pages.assign(year=pages["year"].astype(int))


def _recite(table: pd.DataFrame, better: pd.DataFrame, require_all: bool = True) -> pd.DataFrame:
    """Point reference rows at the better page given for them.

    Built from the full reference material every re-cited row must exist; a cut-down fixture
    of the reference table may lack some (`require_all=False`).
    """
    table = table.copy()
    for row in better.itertuples():
        where = pd.Series(True, index=table.index)
        for column in DEATH_KEY:
            where &= table[column] == getattr(row, column)
        if not where.any() and require_all:
            raise ValueError(f"overdose_page_figures: no overdose row {tuple(getattr(row, c) for c in DEATH_KEY)} to re-cite")
        table.loc[where, ["source_title", "source_url", "confidence"]] = [row.source_title, row.source_url, row.confidence]
    return table


def overdose_deaths(sources: Path = SOURCES) -> pd.DataFrame:
    """US overdose deaths and age-adjusted rates by year, drug class and data status."""
    rows = []
    hus = pd.read_csv(sources / "cdc_nchs_overdose_death_rates_by_drug_1999_2018_national.csv")
    hus = hus[hus["UNIT"].str.endswith("age-adjusted")]
    for fact in hus.itertuples():
        rows.append(_death_row(int(fact.YEAR), "calendar year", HUS_PANELS[fact.PANEL], "age_adjusted_rate",
                               float(fact.ESTIMATE), "final", NCHS_HUS_TITLE, NCHS_HUS_URL, "high", ""))
    facts = _read("us_overdose_deaths_key_figures.csv", sources)
    for fact in facts.itertuples():
        twelve_months = fact.year.startswith("12 months")
        status = "provisional" if fact.data_status == "provisional" else "final"
        grade = {"primary": "high", "tertiary": "low"}.get(fact.source_type, "medium")
        rows.append(_death_row(2024 if twelve_months else int(fact.year),
                               "12 months to Sep 2024" if twelve_months else "calendar year",
                               DRUG_CLASSES[fact.drug_class], MEASURES[fact.measure], float(fact.value),
                               status, fact.source_title, fact.source_url, grade, _death_note(fact)))
    pages = overdose_page_figures()
    for page in pages[pages["use"] == ADDS_A_FIGURE].itertuples():
        rows.append(_death_row(page.year, page.period, page.drug_class, page.measure, float(page.value),
                               page.data_status, page.source_title, page.source_url, page.confidence, page.note))
    table = _recite(pd.DataFrame(rows), pages[pages["use"] == BETTER_PAGE], require_all=sources == SOURCES)
    # Where two sources give the same final figure, keep the first (the NCHS dataset).
    table = table.drop_duplicates(subset=DEATH_KEY, keep="first")
    return table.sort_values(["drug_class", "measure", "year", "period", "data_status"], ignore_index=True)


def _death_row(year, period, drug_class, measure, value, status, title, url, confidence, note) -> dict:
    return {"year": year, "period": period, "drug_class": drug_class, "measure": measure, "value": value,
            "unit": UNITS[measure], "data_status": status, "note": note,
            "source_title": title, "source_url": url, "confidence": confidence}


def _death_note(fact) -> str:
    if fact.source_type == "tertiary":
        return "NIDA figure relayed by a third-party summary; not checked against NIDA"
    if fact.source_type.startswith("secondary (US govt"):
        return "CDC figure quoted by ONDCP"
    if fact.measure.startswith("percent"):
        return "change on 2023, CDC provisional data"
    return ""


# --- writing ----------------------------------------------------------------------------------

BUILDERS = {
    "coca_cultivation": coca_cultivation,
    "cocaine_production": cocaine_production,
    "coca_eradication": coca_eradication,
    "poppy_cultivation": poppy_cultivation,
    "majors_list": majors_list,
    "overdose_deaths": overdose_deaths,
}


def build_tables(sources: Path = SOURCES) -> dict[str, pd.DataFrame]:
    """Every table of the chapter, built from the reference material."""
    return {name: build(sources) for name, build in BUILDERS.items()}


def _whole_numbers_as_integers(table: pd.DataFrame) -> pd.DataFrame:
    """Write 144807 rather than 144807.0 where a column holds only whole numbers, and booleans
    as the catalogue's `true`/`false`."""
    table = table.copy()
    for column in table.select_dtypes("bool").columns:
        table[column] = table[column].map({True: "true", False: "false"})
    for column in table.select_dtypes("float").columns:
        values = table[column].dropna()
        if len(values) and (values == values.round()).all():
            table[column] = table[column].astype("Int64")
    return table


def write_tables(sources: Path = SOURCES, output: Path = OUTPUT) -> list[Path]:
    """Write the tables as the committed CSVs; returns the paths written."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in build_tables(sources).items():
        path = output / f"{name}.csv"
        _whole_numbers_as_integers(table).to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_tables():
        print(path)
