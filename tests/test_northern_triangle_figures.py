"""The chapter's chart helpers: axis labels, line colours, and the removals chart-or-table choice."""

import pandas as pd
import pytest

from hemisphere import charts
from hemisphere.northern_triangle import figures


def test_counts_read_in_millions_not_thousands_of_thousands():
    assert figures.short_count(0) == "0"
    assert figures.short_count(800) == "800"
    assert figures.short_count(2_500) == "2.5k"
    assert figures.short_count(40_000) == "40k"
    assert figures.short_count(500_000) == "500k"
    assert figures.short_count(2_000_000) == "2.0M"
    assert figures.short_count(1_500_000) == "1.5M"


def test_lines_are_never_yellow_and_repeat_colours_dashed():
    styles = figures.line_styles([f"country {n}" for n in range(12)])
    assert all(style["color"] != charts.COLORS["yellow"] for style in styles.values())
    solid = [style for style in styles.values() if style["ls"] == "-"]
    assert len({style["color"] for style in solid}) == len(solid) == len(figures.LINE_COLOURS)
    assert styles["country 8"]["ls"] == "--"
    comparators = figures.line_styles(["a", "b"], skip=(charts.COLORS["blue"],))
    assert charts.COLORS["blue"] not in {style["color"] for style in comparators.values()}


@pytest.fixture
def output(tmp_path):
    charts.set_output_dir(tmp_path)
    yield tmp_path / figures.THEME
    charts.set_output_dir(None)


def test_three_years_of_removals_are_a_table(output):
    by_year = pd.DataFrame({"Guatemala": [10.0, 12.0, 3.0], "Honduras": [5.0, 6.0, None]},
                           index=pd.Index([2018, 2019, 2021], name="fiscal_year"))
    figures.removals(by_year, "ICE removals", alt="Removals")
    assert (output / "removals.csv").exists()
    assert not (output / "removals.png").exists()


def test_more_years_of_removals_are_a_chart(output):
    years = [2016, 2017, 2018, 2020]
    by_year = pd.DataFrame({"Guatemala": [10.0, 11.0, 12.0, 3.0]}, index=pd.Index(years, name="fiscal_year"))
    figures.removals(by_year, "ICE removals", alt="Removals", first_year=2016, last_year=2021)
    assert (output / "removals.png").exists()


def test_tps_status_spans_follow_stays_and_lifted_stays():
    """Fixture: designated 1999, termination for 2020 stayed in 2019, a 2025 termination lifted then vacated and re-lifted."""
    from hemisphere.northern_triangle.figures import status_spans

    T = pd.Timestamp
    rows = pd.DataFrame({
        "decision_date": [T("1999-01-05"), T("2018-05-04"), T("2019-03-12"), T("2025-07-08"), T("2025-07-31"),
                          T("2025-08-20"), T("2025-12-31"), T("2026-02-09")],
        "action": ["designation", "termination_announced", "court_stay", "termination_announced", "court_stay",
                   "court_stay_lifted", "court_stay", "court_stay_lifted"],
        "effective_date": [T("1999-01-05"), T("2020-01-05"), T("2019-03-12"), T("2025-09-08"), T("2025-07-31"),
                           T("2025-09-08"), T("2025-12-31"), T("2026-02-09")],
        "end_date": [pd.NaT] * 8,
    })
    assert status_spans(rows, T("2026-12-31")) == [(T("1999-01-05"), T("2025-09-08")), (T("2025-12-31"), T("2026-02-09"))]
    extension = pd.DataFrame({"decision_date": [T("2001-03-09"), T("2025-01-10")], "action": ["designation", "extension"],
                              "effective_date": [T("2001-03-09"), T("2025-03-10")], "end_date": [pd.NaT, T("2026-09-09")]})
    assert status_spans(extension, T("2026-12-31")) == [(T("2001-03-09"), T("2026-09-09"))]


def test_budget_bars_name_country_named_sources_by_nationality():
    for source, label in figures.BUDGET_SOURCE_LABELS.items():
        assert not any(country in label for country in ("Guatemala ", "Guatemala)", "El Salvador")), label
    assert "El Salvador" not in figures.BUDGET_SOURCE_LABELS["El Salvador government"]
