"""`hemisphere run`: one chapter rendered alone, with its title, anchors, chart data and links (issue 13, item 7).

The chapter run here is a fixture notebook written by the test (one section, one chart of
fixture values, a link to another chapter and one to the country briefs); its values are not data.
"""

import os
import re

import nbformat

from hemisphere import cli, currency, paths

CHART_CELL = """\
import pandas as pd
from IPython.display import Markdown, display
from pathlib import Path
from hemisphere import charts
charts.set_output_dir(Path(hemisphere_figures_dir))  # what params.check does in a chapter
display(Markdown("## Charted section\\n\\nSee [the alpha section](#alpha--alpha-section) and "
                 "[the country briefs](briefs/index.html)."))
chart = charts.Chart(theme="general", name="fixture_run_chart", title="A fixture line rises",
                     subtitle="Units of nothing; data to 2019", alt="Line chart of fixture values", time_axis="year")
chart.ax.plot([2017, 2018, 2019], [1, 2, 3])
chart.show(sources=["administrations"], data=pd.DataFrame({"year": [2017, 2018, 2019], "value": [1, 2, 3]}))
"""


def _charted_notebook(folder):
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_markdown_cell("# Charted fixture chapter\n\nTest fixture."),
                  nbformat.v4.new_code_cell('greeting = "hello"', metadata={"tags": ["parameters"]}),
                  nbformat.v4.new_code_cell(CHART_CELL)]
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(book, folder / "charted.ipynb")
    (folder / "charted.params.yaml").write_text(
        "# Test fixture\nparameters:\n  greeting: {type: str, default: hello, choices: [hello, hola], help: unused}\n")


def test_a_relative_output_lands_under_the_current_folder(sandbox, monkeypatch, capsys):
    _charted_notebook(paths.NOTEBOOKS)
    elsewhere = sandbox / "analyst"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert cli.main(["run", "charted", "--output", "my_run"]) == 0, capsys.readouterr().err
    run = elsewhere / "my_run"
    assert (run / "figures" / "general" / "fixture_run_chart.png").is_file()
    assert not (paths.NOTEBOOKS / "my_run").exists(), "nothing is written beside the notebooks"
    assert not list(paths.NOTEBOOKS.rglob("*.png"))

    page = (run / "charted.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Charted fixture chapter</title>", page), "the page is titled by its chapter"
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    links = re.findall(r'href="([^"]+)"', page)
    for link in links:
        if link.startswith("#"):
            assert link[1:] in ids, f"anchor {link} has no target on the page"
    data_links = [link for link in links if link.startswith("report_data/")]
    assert data_links == ["report_data/general/fixture_run_chart.csv"]
    assert (run / data_links[0]).is_file(), "the chart-data link opens the chart's data"
    report = os.path.relpath(paths.BUILD / "report.html", run).replace(os.sep, "/")
    assert f'href="{report}#alpha--alpha-section"' in page, "another chapter's section: in the full report"
    briefs = os.path.relpath(paths.BUILD / "briefs" / "index.html", run).replace(os.sep, "/")
    assert f'href="{briefs}"' in page, "the country briefs: where the report keeps them"
    edition = currency.edition_date()
    assert f"Edition of {edition:%Y-%m-%d}" in page, "a run carries the edition date of report.yaml, not the clock's"
