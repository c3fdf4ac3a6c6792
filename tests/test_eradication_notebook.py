"""The eradication chapter notebook executes end to end, with default and non-default parameters."""


import nbformat
import pytest

from hemisphere import params
from hemisphere.execute import execute_notebook

NOTEBOOK = "eradication_pressure"


def _texts(executed) -> str:
    """All Markdown the executed notebook displayed (the computed prose)."""
    cells = nbformat.read(executed, as_version=4).cells
    return "\n".join(output["data"]["text/markdown"] for cell in cells if cell.cell_type == "code"
                     for output in cell.get("outputs", []) if "text/markdown" in output.get("data", {}))


def test_eradication_notebook_runs_with_defaults(tmp_path):
    executed = execute_notebook(NOTEBOOK, {}, tmp_path)
    text = _texts(executed)
    assert "252,572" in text  # UNODC Colombia 2023, stated in the halving-plan sentence
    assert "none is held for 2001-2003 and 2007" in text          # eradication years without a figure (2007 missing)
    assert "Over the 11 years both bodies published (2011 to 2021)" in text  # ONDCP 2014 now held
    assert "from that low base" in text                         # 2013 is named as a low base
    assert "changed +" not in text and "(+" not in text         # changes in words, not signed figures
    figures = tmp_path / "figures" / "eradication"
    # The cultivation chart's title states, computed, that the two counts moved apart over 2017-2020.
    title = (figures / "coca_cultivation_estimators.svg").read_text()
    assert "moved apart" in title and "fell 17%" in title and "rose 17%" in title
    assert "Opposite" not in text  # the finding is stated per body, not as one spliced figure
    for name in ("coca_cultivation_estimators", "eradication_against_cultivation", "eradication_and_next_change",
                 "production_and_yield", "poppy_cultivation_estimators", "majors_list_grid",
                 "overdose_rates_by_drug", "demand_and_production_indexed"):
        assert (figures / f"{name}.png").stat().st_size > 10_000, name


def test_eradication_notebook_runs_for_peru_from_2012(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"country": "Peru", "start_year": 2012}, tmp_path)
    text = _texts(executed)
    assert "Peru had 49,800 hectares of coca in 2013" in text   # UNODC (WDR 2022 annex)
    assert "cover Colombia only" in text                       # says why no UNODC production line


def test_eradication_notebook_reads_for_a_window_with_little_data(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"country": "Bolivia", "start_year": 2024, "end_year": 2026,
                                           "base_year": 2024}, tmp_path)
    text = _texts(executed)
    assert "Bolivia had 34,000 hectares of coca in 2024, the only UNODC figure in the years shown" in text
    assert "No production estimate for Bolivia falls in 2024-2026" in text


def test_eradication_notebook_rejects_a_country_outside_its_choices(tmp_path):
    with pytest.raises(params.ParameterError, match="Ecuador"):
        execute_notebook(NOTEBOOK, {"country": "Ecuador"}, tmp_path)


def test_eradication_notebook_rejects_years_out_of_order(tmp_path):
    with pytest.raises(params.ParameterError, match="start_year"):
        execute_notebook(NOTEBOOK, {"start_year": 2020, "end_year": 2015}, tmp_path)


def test_eradication_notebook_is_about_the_chosen_country(tmp_path):
    """Bolivia: the majors text speaks of Bolivia, the grid outlines no Colombian cell, the index uses Bolivia's output."""
    executed = execute_notebook(NOTEBOOK, {"country": "Bolivia"}, tmp_path)
    text = _texts(executed)
    assert "Bolivia was among them" in text and "Colombia was not, although" not in text
    assert "Colombian cocaine output" not in text
    grid_note = (tmp_path / "figures" / "eradication" / "majors_list_grid.svg").read_text()
    assert "first designation since 1997" not in grid_note
    source = (tmp_path / "figures" / "eradication" / "coca_cultivation_estimators.svg").read_text()
    assert "SIMCI" not in source and "Ministerio de Defensa" not in source


def test_eradication_notebook_refuses_a_base_year_outside_the_window(tmp_path):
    from hemisphere.params import ParameterError

    with pytest.raises(ParameterError, match="base_year=2013.*must lie inside the period"):
        execute_notebook(NOTEBOOK, {"start_year": 2017}, tmp_path)


def test_eradication_notebook_from_2017(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"start_year": 2017, "base_year": 2017}, tmp_path)
    text = _texts(executed)
    assert "UNODC has no figure for 2013" not in text
    assert "Between 2013 and" not in text          # the index is based on a year the chart shows
    assert "moved in opposite directions" in text  # UNODC fell and the US estimate rose over 2017-2020


def test_eradication_notebook_one_year_window(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"start_year": 2020, "end_year": 2020, "base_year": 2020}, tmp_path)
    text = _texts(executed)
    assert "1 years" not in text and "1 year pairs" not in text
    assert "the only year shown that both bodies published" in text
