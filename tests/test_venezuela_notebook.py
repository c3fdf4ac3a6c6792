"""The Venezuela chapter notebook: parameters as declared, and runs with defaults and another set."""


import nbformat
import pytest

from hemisphere import params
from hemisphere.execute import execute_notebook

NOTEBOOK = "venezuela_sanctions"


def _outputs_text(executed) -> str:
    """All markdown and HTML the executed notebook displayed."""
    notebook = nbformat.read(executed, as_version=4)
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            texts.append(data.get("text/markdown", "") + data.get("text/html", ""))
    return "\n".join(texts)


@pytest.mark.parametrize("bad, message", [
    ({"snapshot": "2019-01-01"}, "snapshot"),
    ({"programs": ["CUBA"]}, "programs"),
    ({"start_date": "2022-01-01", "end_date": "2018-01-01"}, "must not be after"),
])
def test_bad_parameters_are_refused(bad, message):
    with pytest.raises(params.ParameterError, match=message):
        params.validate(NOTEBOOK, bad)


def test_runs_with_defaults(tmp_path):
    executed = execute_notebook(NOTEBOOK, {}, tmp_path, figures_dir=tmp_path / "figures")
    text = _outputs_text(executed)
    assert "Maduro&#x27;s entry (no. 22790) is still listed" in text or "Maduro's entry (no. 22790) is still listed" in text
    figures = {p.name for p in (tmp_path / "figures" / "venezuela").glob("*.png")}
    assert figures == {"designations_cumulative.png", "sdn_entries_by_type.png", "rewards_timeline.png",
                       "oil_production.png", "oil_production_twh.png", "venezuelans_abroad.png"}


def test_runs_for_the_first_trump_term_on_the_2021_copy(tmp_path):
    chosen = {"start_date": "2017-01-01", "end_date": "2021-01-20",
              "programs": ["VENEZUELA", "VENEZUELA-EO13850"], "snapshot": "2021-08-18"}
    executed = execute_notebook(NOTEBOOK, chosen, tmp_path, figures_dir=tmp_path / "figures")
    text = _outputs_text(executed)
    assert "is the earliest held" in text
    assert "before the 2025-2026 events" in text
    # The copy lies after the window's end, so the sentence says it was chosen apart from the dates.
    assert ("SDN list of 18 August 2021 (the copy is chosen for this section on its own, not by the chapter's "
            "dates) holds 396 Venezuela-related entries") in text
    assert "among 9,083 entries in all" in text


def test_runs_for_one_program_and_one_year(tmp_path):
    chosen = {"start_date": "2017-01-01", "end_date": "2017-12-31", "programs": ["SDNTK"], "snapshot": "2024-05-03"}
    executed = execute_notebook(NOTEBOOK, chosen, tmp_path, figures_dir=tmp_path / "figures")
    text = _outputs_text(executed)
    assert "1 designation action under Kingpin Act (SDNTK)" in text
    assert "It added 15 names to the list on 13 February 2017 under Kingpin Act (Tareck Zaidan El Aissami Maddah among them)" in text
    assert "1 names" not in text and "1 periods" not in text and "5 months" not in text
    assert "(1 period within the chapter's dates)" in text
