"""The chapter notebook runs with its defaults and with another set of parameters."""

import re

import nbformat
import pytest

from hemisphere import params
from hemisphere.execute import execute_notebook

NOTEBOOK = "northern_triangle"
DEFAULT_CHARTS = {"aid_obligations", "aid_stages", "homicide_rates", "encounters_monthly", "encounters_family_status",
                  "northern_triangle_share", "tps_timeline", "removals", "per_resident_view", "central_america_budget"}


def _outputs(executed):
    notebook = nbformat.read(executed, as_version=4)
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    text = "\n".join(o["data"]["text/markdown"] for c in notebook.cells if c.cell_type == "code"
                     for o in c.get("outputs", []) if "data" in o and "text/markdown" in o["data"])
    return errors, text


def _nested_parentheses(text):
    """Sentences with a parenthesis opened inside another, '(a (b))', which read badly."""
    found = []
    for sentence in re.split(r"(?<=[.;])\s+", text):
        depth = 0
        for character in sentence:
            depth += character == "("
            if depth > 1:
                found.append(sentence)
                break
            depth -= character == ")"
    return found


def test_unknown_country_is_refused():
    with pytest.raises(params.ParameterError, match="Peru"):
        params.validate(NOTEBOOK, {"countries": ["Peru"]})
    with pytest.raises(params.ParameterError, match="start_year"):
        params.validate(NOTEBOOK, {"start_year": 2020, "end_year": 2010})


def test_runs_with_defaults(tmp_path):
    executed = execute_notebook(NOTEBOOK, {}, tmp_path)
    errors, text = _outputs(executed)
    assert not errors
    written = {png.stem for png in (tmp_path / "figures" / "northern_triangle").glob("*.png")}
    assert DEFAULT_CHARTS <= written
    assert "From December 2016 to March 2017, the months the statement compared" in text
    assert "to April 2017, the lowest month of 2017" in text
    assert "from April 2017 to December 2017 encounters rose" in text
    assert "are quoted below" not in text
    assert not _nested_parentheses(text), _nested_parentheses(text)
    assert "Guatemala has no TPS designation" in text
    assert "The sources disagree on the FY2017 enacted amount: CRS gives $750 million and" in text


def test_runs_for_mexico_alone(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"countries": ["Mexico"], "start_year": 2010}, tmp_path)
    errors, text = _outputs(executed)
    assert not errors
    assert "The chapter follows Mexico over 2010 to 2025" in text
    assert "Mexico has no TPS designation" in text
    assert not (tmp_path / "figures" / "northern_triangle" / "tps_timeline.png").exists()
    # Issue 13: the corruption, mano dura and returns sections say they have nothing for Mexico and draw
    # nothing, rather than following the three Northern Triangle countries in its place.
    assert text.count("Mexico, the country this run follows, is not in the Northern Triangle") == 3
    figures = tmp_path / "figures" / "northern_triangle"
    for chart in ("corruption_timeline", "el_salvador_state_of_exception", "returns_received"):
        assert not (figures / f"{chart}.png").exists(), chart
    assert "so this section and the next two follow" not in text


def test_mexico_before_2017_says_nothing_of_central_america_budgets(tmp_path):
    """Issue 13: a Mexico run over 2010-2016 must not discuss the FY2017/FY2018 Central America lines."""
    executed = execute_notebook(NOTEBOOK, {"countries": ["Mexico"], "start_year": 2010, "end_year": 2016}, tmp_path)
    errors, text = _outputs(executed)
    assert not errors
    assert "first budget request" not in text and "FY2018" not in text and "FY2019" not in text
    assert "Mexico is outside it" in text


def test_one_year_period(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"start_year": 2019, "end_year": 2019}, tmp_path)
    errors, text = _outputs(executed)
    assert not errors
    assert "the only complete fiscal year in the window" in text
    assert "FY2016" not in text and "1 years" not in text
    assert not _nested_parentheses(text), _nested_parentheses(text)


@pytest.mark.parametrize("year", [2000, 2026])
def test_a_one_year_period_outside_the_budget_lines_and_the_register(tmp_path, year):
    """Issue 13: FY2000 or FY2026 alone draws no FY2016-FY2022 budget chart and the corruption timeline does not fail."""
    executed = execute_notebook(NOTEBOOK, {"start_year": year, "end_year": year}, tmp_path)
    errors, text = _outputs(executed)
    assert not errors
    assert f"none falls in the chosen period (FY{year}), so they are not drawn" in text
    assert "first budget request" not in text
    assert not (tmp_path / "figures" / "northern_triangle" / "central_america_budget.png").exists()
    assert (tmp_path / "figures" / "northern_triangle" / "corruption_timeline.png").exists()


def test_honduras_alone_does_not_show_el_salvador_sections(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"countries": ["Honduras"], "start_year": 2013, "end_year": 2013}, tmp_path)
    errors, text = _outputs(executed)
    assert not errors
    assert "run the chapter with countries=['El Salvador'] to see it" in text
    assert "CECOT" not in text and "in 2015 to 2013" not in text
    assert not (tmp_path / "figures" / "northern_triangle" / "el_salvador_state_of_exception.png").exists()
