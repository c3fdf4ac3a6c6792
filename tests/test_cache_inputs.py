"""Honest caching: a notebook reruns when what it read changes, and only then.

Fixture chapters in a sandbox (copies of data/ and of tiny notebooks, pointed at by
HEMISPHERE_DATA_DIR / HEMISPHERE_NOTEBOOKS_DIR so the kernels read them too):
`reads_admin` loads the administrations table, `reads_events` the events register, and
`summary` reads `reads_admin`'s report parameters and title, as the overview and claims do.
"""

import json
import shutil

import nbformat
import pytest

from hemisphere import paths
from hemisphere.build import cache
from hemisphere.build.pipeline import build_report


def notebook(title: str, parameters: str, code: str) -> nbformat.NotebookNode:
    book = nbformat.v4.new_notebook()
    book.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    parameters_cell = nbformat.v4.new_code_cell(parameters)
    parameters_cell.metadata["tags"] = ["parameters"]
    book.cells = [nbformat.v4.new_markdown_cell(f"# {title}"), parameters_cell, nbformat.v4.new_code_cell(code)]
    return book


READER = '''from hemisphere import data, params
from IPython.display import Markdown, display
p = params.check("{name}", globals())
display(Markdown(f"## Rows\\n\\n{{len(data.load('{table}'))}} rows, label {{p['label']}}."))'''

SUMMARY = '''from hemisphere import anchors, params
from IPython.display import Markdown, display
p = params.check("summary", globals())
other = params.section_parameters("reads_admin")
display(Markdown(f"## Summary\\n\\nThe admin chapter, {anchors.chapter_title('reads_admin')}, runs with {other['label']}."))'''


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    data_copy, notebooks = tmp_path / "data", tmp_path / "notebooks"
    shutil.copytree(paths.DATA, data_copy)
    notebooks.mkdir()
    for name, table in (("reads_admin", "administrations"), ("reads_events", "events")):
        nbformat.write(notebook(f"Chapter {name}", 'label = "plain"', READER.format(name=name, table=table)),
                       notebooks / f"{name}.ipynb")
        (notebooks / f"{name}.params.yaml").write_text(
            "parameters:\n  label: {type: str, default: plain, choices: [plain, fancy]}\n")
    nbformat.write(notebook("Summary chapter", "# no parameters", SUMMARY), notebooks / "summary.ipynb")
    for env, attribute, value in (("HEMISPHERE_DATA_DIR", "DATA", data_copy),
                                  ("HEMISPHERE_NOTEBOOKS_DIR", "NOTEBOOKS", notebooks)):
        monkeypatch.setenv(env, str(value))
        monkeypatch.setattr(paths, attribute, value)
    monkeypatch.setattr(paths, "DATAPACKAGE", data_copy / "datapackage.yaml")
    monkeypatch.setattr(paths, "EVENTS", data_copy / "events.csv")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    monkeypatch.setattr(paths, "FIGURES", tmp_path / "figures")
    report = tmp_path / "report.yaml"
    report.write_text("title: Cache fixture\nsections:\n  - notebook: reads_admin\n  - notebook: reads_events\n"
                      "  - notebook: summary\n")
    monkeypatch.setattr(paths, "REPORT_CONFIG", report)
    first = build_report(jobs=2, progress=False)
    assert sorted(first.executed) == ["reads_admin", "reads_events", "summary"]
    return tmp_path


def build(*overrides):
    return sorted(build_report(list(overrides), jobs=2, progress=False).executed)


def test_the_record_names_what_each_notebook_read(sandbox):
    admin = cache.recorded_inputs("reads_admin")
    assert ("table", "administrations") in admin and ("file", "data/administrations.csv") in admin
    assert not [entry for entry in admin if entry[1] in ("events", "data/events.csv")]
    summary = cache.recorded_inputs("summary")
    assert ("section", "reads_admin") in summary and ("title", "reads_admin") in summary
    assert ("catalogue", "*") not in admin, "one block read, not the whole catalogue"


def test_nothing_changed_nothing_runs(sandbox):
    assert build() == []


def test_editing_a_table_reruns_only_its_readers(sandbox):
    table = sandbox / "data" / "events.csv"
    lines = table.read_text().splitlines(keepends=True)
    table.write_text("".join(lines[:-1]))  # drop the last event
    assert build() == ["reads_events"]
    assert build() == []


def test_editing_a_tables_catalogue_block_reruns_only_its_readers(sandbox):
    catalogue = sandbox / "data" / "datapackage.yaml"
    text = catalogue.read_text()
    assert "The second Trump term is open-ended (no end date)." in text
    catalogue.write_text(text.replace("The second Trump term is open-ended (no end date).",
                                      "The second Trump term has no end date yet."))
    assert build() == ["reads_admin"]


def test_editing_another_chapters_declaration_reruns_the_notebooks_that_read_it(sandbox):
    declaration = sandbox / "notebooks" / "reads_admin.params.yaml"
    declaration.write_text(declaration.read_text().replace("default: plain", "default: fancy"))
    assert build() == ["reads_admin", "summary"]
    assert "runs with fancy" in (sandbox / "build" / "report.html").read_text()


def test_an_override_reaches_the_notebooks_that_read_it(sandbox):
    assert build("reads_admin.label=fancy") == ["reads_admin", "summary"]
    page = (sandbox / "build" / "report.html").read_text()
    assert "runs with fancy" in page and "label fancy" in page


def test_retitling_a_chapter_reruns_the_summary(sandbox):
    path = sandbox / "notebooks" / "reads_admin.ipynb"
    book = nbformat.read(path, as_version=4)
    book.cells[0].source = "# Chapter renamed"
    nbformat.write(book, path)
    assert build() == ["reads_admin", "summary"]
    assert "Chapter renamed" in (sandbox / "build" / "report.html").read_text()


def test_an_entry_without_a_record_is_rebuilt(sandbox):
    (cache.entry_dir("reads_events") / cache.RECORD).unlink()
    assert build() == ["reads_events"]


def test_importing_the_package_reads_no_input():
    """Kernels fork from a process that imported the package; a read at import would go unrecorded."""
    import subprocess
    import sys

    probe = (
        "import sys, pkgutil, importlib, json\n"
        "from hemisphere import deps, paths\n"
        "seen = []\n"
        "sys.addaudithook(lambda e, a: seen.append(deps.project_relative(a[0])) if e == 'open' and a and not isinstance(a[0], int) else None)\n"
        "import hemisphere\n"
        "for m in pkgutil.walk_packages(hemisphere.__path__, 'hemisphere.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(json.dumps([s for s in seen if s]))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
