"""The overview's findings: computed, sourced to a chapter section, on known values."""

import pandas as pd
import pytest

from hemisphere import overview, params


@pytest.fixture(scope="module")
def findings():
    return {make.__name__: make() for make in overview.FINDINGS}


def test_every_theme_has_a_headline(findings):
    assert {f.theme for f in findings.values()} == set(overview.THEME_CHAPTERS)


def test_findings_link_to_a_section_of_their_chapter(findings):
    import json

    from hemisphere import anchors, paths

    for finding in findings.values():
        notebook = overview.THEME_CHAPTERS[finding.theme]
        cells = json.loads((paths.NOTEBOOKS / f"{notebook}.ipynb").read_text())["cells"]
        headings = {line[3:].strip() for c in cells if c["cell_type"] == "markdown"
                    for line in "".join(c["source"]).splitlines() if line.startswith("## ")}
        assert finding.section in headings
        assert finding.anchor == anchors.section_anchor(notebook, finding.section)


def test_known_values(findings):
    """Published figures: UNODC's Colombian coca of 2024 and the CBP monthly counts of 2016-2017."""
    assert findings["colombia_coca"].values["peak_area"] == pytest.approx(261_386)
    assert findings["colombia_coca"].values["peak_year"] == 2024
    border = findings["early_2017_apprehensions"].values
    assert border["change"] == pytest.approx(-0.718, abs=0.005)
    assert findings["hemisphere_fto_count"].values["before"] == 4


def test_theme_filter(findings):
    chosen = overview.findings(["venezuela"])
    assert {f.theme for f in chosen} == {"venezuela"} and len(chosen) == 2


def test_defaults_come_from_the_chapters_declarations():
    defaults = params.declaration("venezuela_sanctions").defaults()
    values = overview.venezuela_designations().values
    from hemisphere import data
    from hemisphere.venezuela import analysis

    chosen = analysis.designation_actions(data.load("ofac_actions"), defaults["programs"],
                                          defaults["start_date"], defaults["end_date"])
    assert values["designated"] == int(chosen["designated"].sum())


def test_overview_notebook_runs_with_another_period(tmp_path):
    from hemisphere.execute import execute_notebook

    executed = execute_notebook("overview", {"start_date": "2025-01-20", "themes": "terrorist_designation,venezuela"},
                                tmp_path)
    text = executed.read_text()
    assert "Venezuela sanctions" in text and "Eradication pressure.**" not in text
    assert (tmp_path / "figures" / "overview" / "policy_timeline.png").is_file()
    # Events of no one theme are listed whatever themes are chosen (their own table, and the chart's data).
    drawn = pd.read_csv(tmp_path / "figures" / "overview" / "policy_timeline.csv")
    assert "general" in set(drawn["theme"]) and "eradication" not in set(drawn["theme"])
    assert (tmp_path / "figures" / "overview" / "policy_timeline_events_general.csv").is_file()
