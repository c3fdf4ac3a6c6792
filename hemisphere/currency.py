"""How current each table is: the newest figure it holds, against the edition date.

Why: a report dated late 2026 whose series stop in 2024 misleads unless it says so. Each
table's newest figure is read from its own data (the time column below), and a table more
than a year behind the edition must say why in its catalogue block (`currency_note`); the
overview lists those tables with their notes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hemisphere import catalogue, data, paths

STALE_AFTER_DAYS = 365
# Time columns, most precise first; a catalogue block may name its own with `currency_column`.
DATE_COLUMNS = ("period_end", "month", "date", "tally_date", "snapshot_date", "decision_date", "listed_on",
                "designation_date", "date_signed")
YEAR_COLUMNS = ("year", "fiscal_year")
PERIOD_COLUMNS = ("period",)  # text periods: "2025-12" (a month) or "2025" (a year)
# Registers and reference lists are not series: they have no "newest figure". Report-wide ones
# are the "general" theme; a theme's own reference table says `series: false` in its block.
NOT_SERIES_THEMES = ("general",)


@dataclass(frozen=True)
class Currency:
    table: str
    title: str
    newest: pd.Timestamp      # the end of the newest period the table holds
    label: str                # as a reader writes it: "2024", "FY2025", "May 2026", "15 April 2026"
    days_behind: int
    note: str                 # the catalogue's currency_note ("" if none)

    @property
    def stale(self) -> bool:
        return self.days_behind > STALE_AFTER_DAYS


def edition_date() -> pd.Timestamp:
    """The edition date, set once in report.yaml."""
    import yaml

    spec = yaml.safe_load(paths.REPORT_CONFIG.read_text(encoding="utf-8")) or {}
    return pd.Timestamp(str(spec.get("date")))


def newest_figure(table: pd.DataFrame, block: dict) -> tuple[pd.Timestamp, str] | None:
    """The end of the newest period in a table and its label; None if it has no time column."""
    from hemisphere.prose import day

    fields = {f["name"]: f.get("type", "string") for f in block["schema"]["fields"]}
    chosen = block.get("currency_column")
    candidates = [chosen] if chosen else [c for c in DATE_COLUMNS + YEAR_COLUMNS + PERIOD_COLUMNS if c in fields]
    for column in candidates:
        values = table[column].dropna()
        if values.empty:
            continue
        if fields.get(column) == "string":
            months = values[values.str.fullmatch(r"\d{4}-\d{2}")]
            years = values[values.str.fullmatch(r"\d{4}")]
            ends = [pd.Timestamp(f"{m}-01") + pd.offsets.MonthEnd(0) for m in months] + \
                   [pd.Timestamp(year=int(y), month=12, day=31) for y in years]
            if not ends:
                continue
            last = max(ends)
            return last, (f"{last:%B %Y}" if last.month != 12 or f"{last.year}-12" in set(months) else str(last.year))
        if column in YEAR_COLUMNS or fields.get(column) in ("integer", "year"):
            last = int(values.max())
            if column == "fiscal_year":
                return pd.Timestamp(year=last, month=9, day=30), f"FY{last}"
            return pd.Timestamp(year=last, month=12, day=31), str(last)
        last = pd.Timestamp(values.max())
        if column == "month":
            return last + pd.offsets.MonthEnd(0), f"{last:%B %Y}"
        return last, day(last)
    return None


def table_currency(edition: pd.Timestamp | None = None) -> list[Currency]:
    """Every series table with its newest figure and how far it lies behind the edition."""
    edition = edition if edition is not None else edition_date()
    found = []
    for block in catalogue.resources():
        if block.get("theme", "general") in NOT_SERIES_THEMES or block.get("series") is False:
            continue
        newest = newest_figure(data.load(block["name"]), block)
        if newest is None:
            continue
        end, label = newest
        found.append(Currency(block["name"], block["title"], end, label, int((edition - end).days),
                              str(block.get("currency_note") or "").strip()))
    return found


def stale_series(edition: pd.Timestamp | None = None) -> pd.DataFrame:
    """Tables whose newest figure is more than a year older than the edition, with why."""
    rows = [{"Series (table)": f"{c.title} ({c.table})", "Newest figure": c.label,
             "Why it stops there": c.note or "(no reason recorded)"}
            for c in table_currency(edition) if c.stale]
    return pd.DataFrame(rows, columns=["Series (table)", "Newest figure", "Why it stops there"])


def summary_sentence(found: list[Currency], edition: pd.Timestamp | None = None) -> str:
    """'Of the 38 series, 29 hold a figure from within a year of the edition (1 December 2026); 9 stop earlier.'"""
    from hemisphere.prose import day, num, plural

    edition = edition if edition is not None else edition_date()
    if not found:
        return "No table in the catalogue holds a dated series."
    stale = [c for c in found if c.stale]
    current = len(found) - len(stale)
    held = "holds" if current == 1 else "hold"
    text = (f"Of the {num(len(found))} dated series in the tables, {num(current)} {held} a figure from within a year "
            f"of this edition ({day(edition)})")
    if not stale:
        return text + "."
    unexplained = [c.table for c in stale if not c.note]
    text += f"; {num(len(stale))} {'stops' if len(stale) == 1 else 'stop'} earlier, listed below with the reason."
    if unexplained:
        text += f" For {plural(len(unexplained), 'table')} no reason is yet recorded."
    return text
