"""The chapter notebook: declared parameters, and execution with the defaults and an earlier as_of."""

import ast

import nbformat
import pytest

from hemisphere import params, paths
from hemisphere.execute import execute_notebook

NOTEBOOK = "terrorist_designation"


def _parameters_cell():
    notebook = nbformat.read(paths.NOTEBOOKS / f"{NOTEBOOK}.ipynb", as_version=4)
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    return {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(cell.source).body}


def _outputs_text(executed):
    notebook = nbformat.read(executed, as_version=4)
    return "\n".join(
        output.get("data", {}).get("text/markdown", "") + output.get("data", {}).get("text/html", "")
        + output.get("text", "")
        for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])
    )


def test_bad_parameters_are_refused_before_running(tmp_path):
    with pytest.raises(params.ParameterError, match="seas"):
        execute_notebook(NOTEBOOK, {"seas": ["Atlantic"]}, tmp_path)
    with pytest.raises(params.ParameterError, match="as_of"):
        execute_notebook(NOTEBOOK, {"as_of": "2027-01-01"}, tmp_path)


def test_runs_with_defaults(tmp_path):
    executed = execute_notebook(NOTEBOOK, {}, tmp_path, figures_dir=tmp_path / "figures")
    text = _outputs_text(executed)
    assert "the list held 68 organizations, 4 of them in the Western Hemisphere" in text
    assert "Tren de Aragua (TdA)" in text
    # Announcements are counted by the same rule as in the claims chapter.
    assert "Of the 48 announcements listed, 3 named a designated group (Tren de Aragua twice, " in text
    assert "in 3 of the 48 announcements; of the others, 31 called the target only" in text
    # Every kind on the list is stated, so the parts add up to the total.
    assert ("the list held 100 organizations: 79 groups designated for political or religious violence; "
            "20 criminal organizations, all in the Americas; and 1 state entity") in text
    figures = tmp_path / "figures" / "terrorist_designation"
    for name in ("fto_list_over_time", "designations_timeline", "boat_strikes_cumulative",
                 "boat_strikes_reconciliation", "violence_where_groups_operate"):
        assert (figures / f"{name}.png").is_file(), name


def test_runs_as_of_the_eve_of_the_designations(tmp_path):
    executed = execute_notebook(NOTEBOOK, {"as_of": "2025-02-19"}, tmp_path, figures_dir=tmp_path / "figures")
    text = _outputs_text(executed)
    assert "On 19 February 2025 the list held 68 organizations, 4 of them in the Western Hemisphere" in text
    assert "No boat strike had taken place by 19 February 2025" in text
    figures = tmp_path / "figures" / "terrorist_designation"
    assert (figures / "fto_list_over_time.png").is_file()
    assert not (figures / "boat_strikes_cumulative.png").exists()
