"""CI builds a sample of briefs through the sweep and checks what they say.

One Northern Triangle country (Guatemala), one Andean (Peru), one Caribbean (Jamaica) and one with
little data (Saint Kitts and Nevis: aid and a homicide rate, nothing else). Each brief's sentences
name no other country of the list, and no chart is drawn without data.
"""

import re
import shutil

import nbformat
import pandas as pd
import pytest

from hemisphere import paths
from hemisphere.briefs import analysis, build, countries

SAMPLE = ["Guatemala", "Peru", "Jamaica", "Saint Kitts and Nevis"]


@pytest.fixture(scope="module")
def swept(tmp_path_factory):
    folder = tmp_path_factory.mktemp("briefs")
    patch = pytest.MonkeyPatch()
    patch.setattr(paths, "BUILD", folder / "build")
    try:
        result = build.sweep(SAMPLE, progress=False)
        again = build.sweep(SAMPLE, progress=False)
        yield result, again, folder / "build"
    finally:
        patch.undo()


def _sentences(executed) -> str:
    """The Markdown every `say()` displayed: the brief's sentences and headings."""
    notebook = nbformat.read(executed, as_version=4)
    return "\n".join(output.get("data", {}).get("text/markdown", "")
                     for cell in notebook.cells for output in cell.get("outputs", []))


def _chart_titles(figures) -> list[str]:
    return [p.stem for p in figures.rglob("brief_*.png")]


def test_sweep_writes_each_brief_and_the_index(swept):
    result, again, build_dir = swept
    assert sorted(result.executed) == sorted(SAMPLE)
    for country in SAMPLE:
        stem = build_dir / "briefs" / build.slug(country)
        assert stem.with_suffix(".html").stat().st_size > 10_000
        assert stem.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    index = (build_dir / "briefs" / "index.html").read_text()
    for country in SAMPLE:
        assert f'href="{build.slug(country)}.html"' in index and "<svg" in index


def test_a_second_sweep_runs_nothing(swept):
    _, again, _ = swept
    assert again.executed == [] and again.assembled == []


@pytest.mark.parametrize("country", SAMPLE)
def test_sentences_name_no_other_country(swept, country):
    _, _, build_dir = swept
    text = _sentences(build_dir / "cache" / "briefs" / build.slug(country) / "executed.ipynb")
    assert f"## {country} at a glance" in text
    assert text.count("\n- ") >= 4, "five headline sentences"
    others = [other for other in countries.names() if other != country
              and re.search(rf"\b{re.escape(other)}\b", text.replace(country, ""))]
    assert others == []


@pytest.mark.parametrize("country", SAMPLE)
def test_no_chart_without_data_and_no_section_without_data(swept, country):
    _, _, build_dir = swept
    entry = build_dir / "cache" / "briefs" / build.slug(country)
    figures = entry / "figures" / "general"
    for png in figures.glob("brief_*.png"):
        if png.stem.endswith("_table"):
            continue
        plotted = pd.read_csv(png.with_suffix(".csv"))
        assert len(plotted) > 0, f"{country}: {png.stem} was drawn with no data"
    inputs = analysis.country_inputs(analysis.load_tables(), country, 2017, 2026)
    text = _sentences(entry / "executed.ipynb")
    from hemisphere.briefs import narrative

    for section in analysis.absent(inputs):
        heading = f"## {narrative.SECTION_TITLES[section]}\n"
        assert heading not in text + "\n", f"{country}: empty section {section} was shown"
    assert "## What this brief does not hold" in text


def test_little_data_country_says_what_it_lacks(swept):
    _, _, build_dir = swept
    text = _sentences(build_dir / "cache" / "briefs" / "saint-kitts-and-nevis" / "executed.ipynb")
    assert "The stored tables hold nothing for Saint Kitts and Nevis under Border Patrol encounters" in text
    assert "## Border Patrol apprehensions" not in text


def test_a_table_edit_changes_only_the_keys_of_briefs_that_read_it(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA, copy)
    before = build.brief_keys(["Guatemala", "Peru"], 2017, 2026)
    aid = copy / "briefs" / "us_aid_hemisphere.csv"
    lines = aid.read_text().splitlines()
    edited = [line.replace(",2020,obligations,", ",2020,obligations,1") if line.startswith("Guatemala,GTM,2020,obligations,")
              else line for line in lines]
    assert edited != lines
    aid.write_text("\n".join(edited) + "\n")
    monkeypatch.setattr(paths, "DATA", copy)
    monkeypatch.setattr(paths, "DATAPACKAGE", copy / "datapackage.yaml")
    after = build.brief_keys(["Guatemala", "Peru"], 2017, 2026)
    assert after["Guatemala"] != before["Guatemala"]
    assert after["Peru"] == before["Peru"]
