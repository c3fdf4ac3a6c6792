"""The overview and the claims chapter follow the report's parameters, -p overrides included."""

import re

import pytest

from hemisphere import cli, overview, params
from hemisphere.build.sweep import computed_prose
from hemisphere.execute import execute_notebook

MEXICO = {"northern_triangle": {"countries": "Mexico"}, "eradication_pressure": {"country": "Bolivia"}}


def report_parameters(changes: dict) -> dict:
    base = params.report_parameters()
    for notebook, given in changes.items():
        base[notebook] = params.validate(notebook, dict(base[notebook], **given))
    return base


@pytest.fixture
def overridden(monkeypatch):
    monkeypatch.setattr(params, "_REPORT_PARAMETERS", report_parameters(MEXICO))


def test_section_parameters_default_to_report_yaml(monkeypatch):
    monkeypatch.setattr(params, "_REPORT_PARAMETERS", None)
    assert params.section_parameters("northern_triangle")["countries"] == ["Guatemala", "Honduras", "El Salvador"]


def test_findings_follow_an_override(overridden):
    sentences = {f.theme + ":" + f.section: f.sentence for f in overview.findings()}
    aid = sentences["northern_triangle:US assistance"]
    assert "Mexico" in aid and "Guatemala" not in aid
    coca = sentences["eradication:Two ways of counting coca"]
    assert "Bolivia" in coca and "Colombia" not in coca


def test_overview_and_claims_notebooks_follow_an_override(tmp_path):
    injected = report_parameters(MEXICO)
    executed = execute_notebook("overview", {"themes": "northern_triangle,eradication"}, tmp_path / "overview",
                                report_parameters=injected)
    text = "\n".join(computed_prose(executed))  # what the code wrote, not the fixed introduction
    assert "Guatemala, Honduras and El Salvador" not in text and "US aid obligated to Mexico" in text
    assert "Colombia" not in text and "coca in Bolivia" in text and "people from Mexico" in text
    claims_text = execute_notebook("claims", {"themes": "northern_triangle"}, tmp_path / "claims",
                                   report_parameters=injected).read_text()
    assert "in this edition that chapter runs with countries = Mexico" in claims_text


def test_single_chapter_run_has_a_title_working_anchors_and_chart_data(tmp_path):
    folder = tmp_path / "run"
    assert cli.main(["run", "overview", "-p", "themes=venezuela", "--output", str(folder)]) == 0
    page = (folder / "overview.html").read_text()
    assert "Overview: what the record shows" in re.search(r'<p class="report-title">(.*?)</p>', page).group(1)
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    for anchor in re.findall(r'href="#([^"]+)"', page):
        assert anchor in ids, f"link to #{anchor} has no target on the page"
    elsewhere = re.findall(r'href="([^"#]+)#([^"]+)"', page)
    assert elsewhere and all(target.endswith("report.html") for target, _ in elsewhere)
    named = set(re.findall(r"report_data/[\w/.-]+\.csv", page))
    assert named, "tables name their data files"
    for relative in named:
        assert (folder / relative).is_file(), f"{relative} is named on the page but missing"
    for csv in (folder / "figures").rglob("*.csv"):
        assert (folder / "report_data" / csv.relative_to(folder / "figures")).is_file()
