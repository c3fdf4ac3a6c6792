"""Defects found on an independent read of the Venezuela chapter, each pinned so it cannot return."""

import nbformat
import pandas as pd

from hemisphere import data
from hemisphere.execute import execute_notebook
from hemisphere.venezuela import analysis, figures, narrative
from venezuela_fixtures import designations as _designations



ALL = ["VENEZUELA", "VENEZUELA-EO13850", "VENEZUELA-EO13884", "SDNTK", "SDGT", "FTO"]


def test_gap_table_with_one_basis_only_is_empty_not_an_error():
    # A one-day window (2019-01-28) holds an official OPEC figure but no independent one: it crashed.
    oil = pd.DataFrame({"period": ["2019-01"], "reporter": [analysis.OPEC_OFFICIAL], "value": [1200.0]})
    assert analysis.official_vs_independent(oil).empty
    assert analysis.official_vs_independent(oil.iloc[:0]).empty


def test_sentence_names_only_programs_with_actions_and_says_which_had_none():
    two = _designations([("2017-02-13", "SDNTK", 15, 2, 13, 0, "Kingpin Act", "Tareck El Aissami"),
                         ("2017-07-31", "VENEZUELA", 1, 1, 0, 0, "EO 13692", "Nicolas Maduro Moros")])
    text = narrative.designations_sentence(two, ALL, "2017-01-01", "2017-12-31")
    assert "actions under EO 13692 (VENEZUELA) and Kingpin Act (SDNTK)." in text
    assert "No action under EO 13850 (sectors), EO 13884 (government), EO 13224 (SDGT) or Foreign Terrorist" in text
    assert "0 vessels" not in text and "0 individuals" not in text


def test_equal_actions_have_no_largest_one():
    ties = _designations([("2025-02-20", "FTO", 1, None, 1, None, "INA 219", "Tren de Aragua"),
                          ("2025-11-24", "FTO", 1, 0, 1, 0, "INA 219", "Cartel de los Soles")])
    text = narrative.designations_sentence(ties, ["FTO"], "2025-01-01", "2026-08-31")
    assert "largest single action" not in text and "Each added 1 name to the list." in text
    assert "0 individuals" not in text and "named 2 entities" in text


def test_one_name_is_not_among_them():
    one = _designations([("2025-07-25", "SDGT", 1, 0, 1, 0, "EO 13224", "Cartel de los Soles")])
    text = narrative.designations_sentence(one, ["SDGT"], "2025-01-01", "2025-12-31")
    assert "(Cartel de los Soles)" in text and "among them" not in text


def test_no_new_entries_is_said_in_words():
    removed = pd.DataFrame({"sdn_type": ["individual"]})
    text = narrative.removed_sentence("2021-08-18", "2024-05-03", 0, removed)
    assert "no Venezuela-related entry was newly listed" in text and " 0 " not in text


def test_oil_source_lines_credit_only_the_publishers_drawn():
    crude = analysis.crude_points(data.load("oil_production"), "2015-01-01", "2026-08-31")
    line = figures.oil_source(crude[crude["frequency"] == "year"])
    assert "OPEC" in line and "Energy Institute" not in line and "Bloomberg" not in line
    twh = figures.drawn_source_text(["oil_production"], {"oil_production": analysis.oil_publishers(
        [analysis.ENERGY_INSTITUTE])})
    assert "Energy Institute" in twh and "OPEC" not in twh and "Bloomberg" not in twh


def test_other_estimates_legend_names_who_produced_them():
    migrants = data.load("migrants_refugees")
    totals = analysis.diaspora_totals(migrants)
    others = totals[totals["indicator"] != analysis.PLATFORM_TOTAL]
    label = figures.other_estimates_label(others)
    assert label == "other estimates (UNHCR/IOM 2018 'living abroad'; CRS 2024 'who fled')"


def _text_and_figure_sources(executed):
    notebook = nbformat.read(executed, as_version=4)
    return "\n".join(output.get("data", {}).get("text/markdown", "") + output.get("data", {}).get("text/html", "")
                     for cell in notebook.cells for output in cell.get("outputs", []))


def test_runs_for_a_one_day_window(tmp_path):
    chosen = {"start_date": "2019-01-28", "end_date": "2019-01-28"}
    executed = execute_notebook("venezuela_sanctions", chosen, tmp_path, figures_dir=tmp_path / "figures")
    text = _text_and_figure_sources(executed)
    assert "On 28 January 2019, the sources gathered for this chapter record 1 designation action" in text
    assert "No month or year in the period chosen has both an official and an independent OPEC figure." in text


def test_a_one_day_window_gets_a_readable_axis():
    low, high = figures.padded_window("2019-01-28", "2019-01-28")
    assert low < pd.Timestamp("2019-01-28") < high and (high - low).days == 90
    assert figures.padded_window("2015-01-01", "2026-08-31") == (pd.Timestamp("2015-01-01"), pd.Timestamp("2026-08-31"))


def test_oil_title_says_it_compares_annual_averages():
    points = analysis.crude_points(data.load("oil_production"), "2015-01-01", "2026-08-31")
    title = narrative.oil_title(points)
    assert title.startswith("Average crude output") and "the newest annual average held" in title
