"""The exploration notebook stays out of the report, is committed clean, and runs."""

import json

import yaml

from hemisphere import paths
from hemisphere.build.sweep import computed_prose
from hemisphere.execute import execute_notebook


def test_explore_is_not_a_report_section():
    sections = yaml.safe_load(paths.REPORT_CONFIG.read_text())["sections"]
    assert "explore" not in [section["notebook"] for section in sections]


def test_explore_is_committed_without_outputs():
    cells = json.loads((paths.NOTEBOOKS / "explore.ipynb").read_text())["cells"]
    assert all(not cell.get("outputs") for cell in cells if cell["cell_type"] == "code")


def test_explore_runs_and_charts_the_join(tmp_path):
    executed = execute_notebook("explore", {"country": "Honduras"}, tmp_path)
    prose = " ".join(computed_prose(executed))
    assert "Honduras's homicide rate" in prose
    assert (tmp_path / "figures" / "general" / "explore_homicide_and_aid.png").is_file()
    assert (tmp_path / "figures" / "general" / "explore_homicide_and_aid.csv").read_text().count("\n") > 5
