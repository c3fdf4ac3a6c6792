"""Parameters are validated against each notebook's declaration before any kernel starts."""

import ast
import json
import shutil
from pathlib import Path

import pytest

from hemisphere import params, paths

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"


@pytest.fixture
def fixture_notebooks(tmp_path, monkeypatch):
    """A notebooks folder holding only the labelled fixture notebooks."""
    folder = tmp_path / "notebooks"
    shutil.copytree(FIXTURES, folder)
    (folder / "ranged.ipynb").write_text((FIXTURES / "alpha.ipynb").read_text())
    (folder / "ranged.params.yaml").write_text(
        "parameters:\n"
        "  start_year: {type: int, default: 2010, min: 2000, max: 2025}\n"
        "  end_year: {type: int, default: 2020, min: 2000, max: 2025}\n"
        "  countries: {type: 'list[str]', default: [Alpha], choices: [Alpha, Beta, Gamma]}\n"
        "  as_of: {type: date, default: '2025-01-01', min: '2017-01-01', max: '2026-12-31'}\n"
        "  strict: {type: bool, default: false}\n"
        "order:\n  - [start_year, end_year]\n"
    )
    monkeypatch.setattr(paths, "NOTEBOOKS", folder)
    return folder


def test_defaults_when_nothing_given(fixture_notebooks):
    assert params.validate("ranged", {}) == {
        "start_year": 2010, "end_year": 2020, "countries": ["Alpha"], "as_of": "2025-01-01", "strict": False}


def test_command_line_text_is_coerced(fixture_notebooks):
    values = params.validate("ranged", {"start_year": "2012", "countries": "Alpha, Gamma", "strict": "true",
                                        "as_of": "2025-02-19"})
    assert values["start_year"] == 2012 and values["countries"] == ["Alpha", "Gamma"]
    assert values["strict"] is True and values["as_of"] == "2025-02-19"
    assert params.validate("ranged", {"countries": '["Beta"]'})["countries"] == ["Beta"]


@pytest.mark.parametrize("given, fragment", [
    ({"country": "Alpha"}, "unknown parameter 'country'"),
    ({"countries": "Atlantis"}, "'Atlantis' is not allowed"),
    ({"start_year": "twenty"}, "expected a whole number"),
    ({"start_year": "1999"}, "below the minimum"),
    ({"end_year": "2030"}, "above the maximum"),
    ({"start_year": "2020", "end_year": "2012"}, "must not be after"),
    ({"as_of": "19-02-2025"}, "expected a date"),
    ({"as_of": "2016-12-31"}, "below the minimum"),
    ({"strict": "perhaps"}, "expected true or false"),
    ({"countries": "[]"}, "the list is empty"),
])
def test_bad_values_name_parameter_value_and_what_is_allowed(fixture_notebooks, given, fragment):
    with pytest.raises(params.ParameterError) as caught:
        params.validate("ranged", given)
    assert fragment in str(caught.value)
    assert "ranged" in str(caught.value)


def test_allowed_values_are_listed_in_the_error(fixture_notebooks):
    with pytest.raises(params.ParameterError, match="allowed: any of Alpha, Beta, Gamma"):
        params.validate("ranged", {"countries": "Atlantis"})


def test_unknown_notebook(fixture_notebooks):
    with pytest.raises(params.ParameterError, match="unknown notebook 'atlantis'"):
        params.validate("atlantis", {})


def test_check_reads_the_notebook_namespace(fixture_notebooks, tmp_path):
    namespace = {"start_year": 2011, "end_year": 2019, "countries": ["Beta"], "as_of": "2024-01-01",
                 "strict": True, "hemisphere_figures_dir": str(tmp_path / "figs")}
    assert params.check("ranged", namespace)["countries"] == ["Beta"]
    with pytest.raises(params.ParameterError):
        params.check("ranged", dict(namespace, start_year=1800))


def parameters_cell(path: Path):
    cells = json.loads(path.read_text())["cells"]
    return [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]


def literal_assignments(source: str) -> dict:
    """The parameters cell must hold literals only (papermill cannot recompute derived values)."""
    values = {}
    for node in ast.parse(source).body:
        assert isinstance(node, ast.Assign) and len(node.targets) == 1, f"not a plain assignment: {ast.unparse(node)}"
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


@pytest.mark.parametrize("notebook", params.available_notebooks())
def test_declared_defaults_equal_the_parameters_cell(notebook):
    cells = parameters_cell(paths.NOTEBOOKS / f"{notebook}.ipynb")
    assert len(cells) == 1, "exactly one cell tagged `parameters`"
    literals = literal_assignments("".join(cells[0]["source"]))
    declared = {name: parameter.default for name, parameter in params.declaration(notebook).parameters.items()}
    assert literals == declared


def test_cross_parameter_constraints_name_the_parameters(fixture_notebooks):
    declaration = fixture_notebooks / "ranged.params.yaml"
    declaration.write_text(declaration.read_text().replace(
        "  strict: {type: bool, default: false}\n",
        "  strict: {type: bool, default: false}\n  base_year: {type: int, default: 2015, min: 2000, max: 2025}\n")
        + "constraints:\n  - rule: start_year <= base_year <= end_year\n    message: the base year lies in the period\n")
    assert params.validate("ranged", {})["base_year"] == 2015
    with pytest.raises(params.ParameterError) as caught:
        params.validate("ranged", {"start_year": "2017"})
    text = str(caught.value)
    assert "start_year=2017" in text and "base_year=2015" in text and "end_year=2020" in text
    assert "start_year <= base_year <= end_year" in text and "the base year lies in the period" in text


@pytest.mark.parametrize("rule, fragment", [
    ("start_year <= nonsense", "names 'nonsense', not a parameter"),
    ("start_year", "must compare parameters"),
    ("__import__('os') == 1", "only parameter names and literals"),
])
def test_malformed_constraints_are_refused(fixture_notebooks, rule, fragment):
    declaration = fixture_notebooks / "ranged.params.yaml"
    declaration.write_text(declaration.read_text() + f"constraints:\n  - {json.dumps(rule)}\n")
    with pytest.raises(params.ParameterError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        params.validate("ranged", {})


def test_duplicated_list_members_are_refused_and_named(fixture_notebooks):
    with pytest.raises(params.ParameterError, match="'Beta' is listed more than once"):
        params.validate("ranged", {"countries": "Alpha, Beta, Beta"})


def test_all_means_every_allowed_value(fixture_notebooks):
    assert params.validate("ranged", {"countries": "all"})["countries"] == ["Alpha", "Beta", "Gamma"]


def test_real_declarations_refuse_a_base_year_outside_the_period():
    with pytest.raises(params.ParameterError, match="base_year=2013"):
        params.validate("eradication_pressure", {"start_year": "2017"})


def test_base_year_outside_the_period_exits_2(capsys):
    from hemisphere import cli

    assert cli.main(["run", "eradication_pressure", "-p", "start_year=2017"]) == 2
    error = capsys.readouterr().err
    assert "start_year=2017" in error and "base_year=2013" in error
