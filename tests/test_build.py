"""The build on fixture notebooks: cache, failures, atomic outputs, exit codes.

The fixture notebooks (tests/fixtures/notebooks) are tiny labelled test chapters, so these tests
exercise the machinery in seconds; tests/test_report.py builds the real report.
"""

import shutil
from pathlib import Path

import nbformat
import pytest

from hemisphere import cli, paths
from hemisphere.build.pipeline import build_report
from hemisphere.execute import NotebookError

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"


def write_sections(sandbox, *names):
    (sandbox / "report.yaml").write_text("title: Fixture report\nsections:\n" +
                                         "".join(f"  - notebook: {n}\n" for n in names))


def test_second_build_executes_nothing(sandbox):
    first = build_report(jobs=2, progress=False)
    assert sorted(first.executed) == ["alpha", "beta"] and first.assembled
    assert set(first.timings) == {"execute", "html", "pdf"} and all(t > 0 for t in first.timings.values())
    second = build_report(jobs=2, progress=False)
    assert second.executed == [] and not second.assembled


def test_changing_one_notebook_reexecutes_only_it(sandbox):
    build_report(jobs=2, progress=False)
    beta = sandbox / "notebooks" / "beta.ipynb"
    notebook = nbformat.read(beta, as_version=4)
    notebook.cells[2].source = notebook.cells[2].source.replace('"beta "', '"beta, changed "')
    nbformat.write(notebook, beta)
    again = build_report(jobs=2, progress=False)
    assert again.executed == ["beta"] and again.assembled
    assert "beta, changed" in again.html.read_text()


def test_changing_a_parameter_reexecutes_its_notebook(sandbox):
    build_report(jobs=2, progress=False)
    again = build_report(["alpha.greeting=hola"], jobs=2, progress=False)
    assert again.executed == ["alpha"]
    assert "The fixture says hola." in again.html.read_text()


def test_failing_notebook_names_cell_and_keeps_previous_report(sandbox):
    good = build_report(jobs=2, progress=False)
    html_before, pdf_before = good.html.read_bytes(), good.pdf.read_bytes()
    write_sections(sandbox, "alpha", "raises")
    with pytest.raises(NotebookError) as caught:
        build_report(jobs=2, progress=False)
    assert caught.value.notebook == "raises" and caught.value.cell == 3
    assert "ZeroDivisionError" in str(caught.value)
    assert (paths.BUILD / "failed" / "raises.ipynb").is_file()
    assert good.html.read_bytes() == html_before and good.pdf.read_bytes() == pdf_before
    assert not list(paths.BUILD.glob("*.partial"))


def test_cli_failure_exits_1_and_names_the_notebook(sandbox, capsys):
    write_sections(sandbox, "raises")
    assert cli.main(["build", "--quiet"]) == 1
    error = capsys.readouterr().err
    assert "notebook 'raises' failed at cell 3" in error and "ZeroDivisionError" in error


@pytest.mark.parametrize("argument, fragment", [
    ("alpha.greeting=bonjour", "'bonjour' is not allowed"),
    ("alpha.colour=red", "unknown parameter 'colour'"),
    ("atlantis.greeting=hello", "'atlantis' is not a section"),
    ("greeting=hello", "must name its notebook"),
    ("beta.repeat=many", "expected a whole number"),
])
def test_bad_parameters_exit_2_before_any_kernel(sandbox, capsys, argument, fragment):
    assert cli.main(["build", "--quiet", "-p", argument]) == 2
    assert fragment in capsys.readouterr().err
    assert not (paths.BUILD / "cache").exists(), "nothing executed"


def test_malformed_report_definition_exits_2(sandbox, capsys):
    (sandbox / "report.yaml").write_text("title: x\nsections: [ {notebook: alpha}, \n")
    assert cli.main(["build", "--quiet"]) == 2
    assert "report.yaml is not valid YAML" in capsys.readouterr().err


def test_run_renders_one_notebook_with_other_parameters(sandbox, capsys):
    assert cli.main(["run", "alpha", "-p", "greeting=hola"]) == 0
    page = paths.BUILD / "runs" / "alpha--greeting-hola" / "alpha.html"
    assert "The fixture says hola." in page.read_text()


def test_stderr_and_code_are_not_in_the_report(sandbox):
    page = build_report(jobs=2, progress=False).html.read_text()
    assert "a warning on stderr" not in page
    assert "print(" not in page and "from IPython.display" not in page
    assert "beta beta" in page


def test_build_owns_generated_files_only(sandbox):
    (paths.FIGURES / "stale").mkdir(parents=True)
    (paths.FIGURES / "stale" / "old_chart.png").write_bytes(b"fixture")
    (paths.FIGURES / "README.md").write_text("fixture readme")
    build_report(jobs=2, progress=False)
    assert not (paths.FIGURES / "stale").exists(), "charts no section made are removed"
    assert (paths.FIGURES / "README.md").read_text() == "fixture readme"


@pytest.mark.parametrize("damage, fragment", [
    (lambda path: path.unlink(), "administrations.csv is missing"),
    (lambda path: path.write_text(path.read_text().replace("2017-01-20", "20/01/2017", 1)),
     "column 'end_date', row 1 (line 2): expected a date"),
    (lambda path: path.write_text(path.read_text().splitlines()[0] + "\n"), "has a header but no rows"),
])
def test_broken_data_exits_2_before_any_kernel(sandbox, capsys, monkeypatch, damage, fragment):
    """A copy of data/ with one table damaged (the damage is the fixture)."""
    data_copy = sandbox / "data"
    shutil.copytree(paths.DATA, data_copy)
    monkeypatch.setattr(paths, "DATA", data_copy)
    monkeypatch.setattr(paths, "DATAPACKAGE", data_copy / "datapackage.yaml")
    damage(data_copy / "administrations.csv")
    assert cli.main(["build", "--quiet"]) == 2
    error = capsys.readouterr().err
    assert "bad data" in error and "administrations" in error and fragment in error
    assert not (paths.BUILD / "cache").exists(), "nothing executed"


def test_the_cache_key_covers_installed_versions_not_only_the_lock(monkeypatch):
    from hemisphere.build import cache

    before = cache.shared_fingerprint()
    monkeypatch.setattr(cache, "installed_versions", lambda: "pandas==0.0.0-fixture")
    assert cache.shared_fingerprint() != before
