"""Committed notebooks are sources: no outputs, one literal parameters cell, no hand-typed figures."""

import json
import re

import pytest

from hemisphere import paths

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))
# Figures with units typed into markdown (years alone are fine): the same rule as the before-stop hook.
TYPED_FIGURE = re.compile(r"\$?\d[\d,.]*\s?(?:%|percent|million|billion|hectares|ha\b|tons)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path):
    cells = json.loads(path.read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_reads_like_a_chapter(path):
    cells = json.loads(path.read_text())["cells"]
    first = "".join(cells[0]["source"])
    assert cells[0]["cell_type"] == "markdown" and first.startswith("# "), "first cell is the chapter title"
    headings = [line for c in cells if c["cell_type"] == "markdown" for line in "".join(c["source"]).splitlines()
                if line.startswith("# ")]
    assert len(headings) == 1, "exactly one chapter title (H1) per notebook"
    assert path.with_suffix("").with_suffix(".params.yaml").name in {p.name for p in paths.NOTEBOOKS.iterdir()} \
        or path.stem == "sources_and_methods"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_markdown_types_no_figures(path):
    cells = json.loads(path.read_text())["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            hits = [m for m in TYPED_FIGURE.findall("".join(cell["source"])) if not re.fullmatch(r"(19|20)\d\d", m.strip())]
            assert hits == [], f"figures typed by hand: {hits}"
