"""Each table's newest figure is read from its own data, and stale series must say why."""

import pandas as pd
import pytest

from hemisphere import currency


def block(fields, **extra):
    return {"name": "fixture", "title": "Fixture", "schema": {"fields": fields}, **extra}


@pytest.mark.parametrize("fields, frame, end, label", [
    ([{"name": "year", "type": "integer"}], pd.DataFrame({"year": [2019, 2024]}), "2024-12-31", "2024"),
    ([{"name": "fiscal_year", "type": "integer"}], pd.DataFrame({"fiscal_year": [2025]}), "2025-09-30", "FY2025"),
    ([{"name": "month", "type": "date"}], pd.DataFrame({"month": pd.to_datetime(["2026-05-01"])}), "2026-05-31", "May 2026"),
    ([{"name": "date", "type": "date"}], pd.DataFrame({"date": pd.to_datetime(["2026-04-15"])}), "2026-04-15", "15 April 2026"),
    ([{"name": "period", "type": "string"}], pd.DataFrame({"period": ["2024", "2025-03"]}), "2025-03-31", "March 2025"),
])
def test_newest_figure_reads_the_time_column_at_its_precision(fields, frame, end, label):
    assert currency.newest_figure(frame, block(fields)) == (pd.Timestamp(end), label)


def test_a_month_column_wins_over_a_fiscal_year_column():
    fields = [{"name": "fiscal_year", "type": "integer"}, {"name": "month", "type": "date"}]
    frame = pd.DataFrame({"fiscal_year": [2026], "month": pd.to_datetime(["2025-11-01"])})
    assert currency.newest_figure(frame, block(fields))[1] == "November 2025"


def test_a_table_without_a_time_column_has_no_newest_figure():
    assert currency.newest_figure(pd.DataFrame({"name": ["x"]}), block([{"name": "name"}])) is None


def test_stale_means_more_than_a_year_behind_the_edition():
    fresh = currency.Currency("a", "A", pd.Timestamp("2025-12-31"), "2025", 335, "")
    old = currency.Currency("b", "B", pd.Timestamp("2024-12-31"), "2024", 700, "why")
    assert not fresh.stale and old.stale


def test_the_edition_date_comes_from_report_yaml():
    assert currency.edition_date() == pd.Timestamp("2026-12-01")


def test_every_series_table_has_a_newest_figure():
    tables = {c.table for c in currency.table_currency()}
    assert {"coca_cultivation", "border_apprehensions", "boat_strikes", "oil_production"} <= tables


def test_every_series_more_than_a_year_old_says_why():
    """Issue 15: no series stops more than a year before the edition unless the report says why."""
    unexplained = [c.table for c in currency.table_currency() if c.stale and not c.note]
    assert unexplained == []


def test_the_summary_counts_the_series_and_names_the_edition():
    found = [currency.Currency("a", "A", pd.Timestamp("2025-12-31"), "2025", 335, ""),
             currency.Currency("b", "B", pd.Timestamp("2024-12-31"), "2024", 700, "")]
    text = currency.summary_sentence(found, pd.Timestamp("2026-12-01"))
    assert text.startswith("Of the 2 dated series in the tables, 1 holds a figure from within a year of this "
                           "edition (1 December 2026); 1 stops earlier")
    assert "For 1 table no reason is yet recorded." in text
