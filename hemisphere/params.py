"""Notebook parameters: declared once per notebook, validated before any kernel starts.

Papermill injects whatever it is given and guesses types from the command line; a typo would
only surface deep inside a run. Each notebook declares its parameters in
`notebooks/<notebook>.params.yaml` (type, default, allowed values or range), and every entry
point (the build, `hemisphere run`, the notebook's own setup cell) validates against it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hemisphere import paths

TYPES = ("str", "int", "float", "bool", "date", "list[str]")
# Names the build injects for its own use (where a run writes its figures, the report's parameters
# of every section); never user parameters.
RESERVED = ("hemisphere_figures_dir", "hemisphere_report_parameters")
# Comparisons a declared constraint may use (`constraints:` in a declaration).
COMPARISONS = {"Lt": ("<", lambda a, b: a < b), "LtE": ("<=", lambda a, b: a <= b),
               "Gt": (">", lambda a, b: a > b), "GtE": (">=", lambda a, b: a >= b),
               "Eq": ("==", lambda a, b: a == b), "NotEq": ("!=", lambda a, b: a != b)}


class ParameterError(ValueError):
    """A parameter is unknown, of the wrong type, or outside what its notebook allows."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: object
    help: str = ""
    choices: tuple | None = None
    choices_from: dict | None = None
    min: object = None
    max: object = None

    def allowed(self) -> list | None:
        """The allowed values, reading them from the data when declared that way.

        `choices_from: {table, column}` reads a column's distinct values, sorted, or in the
        table's row order with `sort: false` (the theme registry's report order).
        """
        if self.choices is not None:
            return list(self.choices)
        if self.choices_from:
            from hemisphere import data

            table = data.load(self.choices_from["table"])
            values = table[self.choices_from["column"]].dropna().unique().tolist()
            return values if self.choices_from.get("sort", True) is False else sorted(values)
        return None

    def resolved_default(self):
        if self.type == "list[str]" and self.default == "all" and self.allowed() is not None:
            return list(self.allowed())
        return self.default

    def describe(self) -> str:
        """What is allowed, in words, for errors and `hemisphere params`."""
        allowed = self.allowed()
        if allowed is not None:
            plural = "any of" if self.type == "list[str]" else "one of"
            return f"{plural} {', '.join(map(str, allowed))}"
        if self.min is not None or self.max is not None:
            return f"{self.type} from {self.min if self.min is not None else '-inf'} to {self.max if self.max is not None else 'inf'}"
        return f"any {self.type}"


@dataclass(frozen=True)
class Constraint:
    """A rule across parameters, e.g. `start_year <= base_year <= end_year`, with its reason."""

    rule: str
    message: str = ""

    def names(self) -> list[str]:
        import ast

        return [node.id for node in ast.walk(ast.parse(self.rule, mode="eval")) if isinstance(node, ast.Name)]


@dataclass(frozen=True)
class Declaration:
    notebook: str
    parameters: dict[str, Parameter]
    order: tuple = field(default_factory=tuple)
    constraints: tuple = field(default_factory=tuple)

    def defaults(self) -> dict:
        """Each parameter's default; `default: all` for a list means every allowed value."""
        return {name: parameter.resolved_default() for name, parameter in self.parameters.items()}


def declaration_path(notebook: str) -> Path:
    return paths.NOTEBOOKS / f"{notebook}.params.yaml"


def declaration(notebook: str) -> Declaration:
    """The declared parameters of a notebook; an error names the notebook if there are none."""
    path = declaration_path(notebook)
    if not (paths.NOTEBOOKS / f"{notebook}.ipynb").is_file():
        known = ", ".join(available_notebooks()) or "none"
        raise ParameterError(f"unknown notebook {notebook!r}; notebooks: {known}")
    if not path.is_file():
        return Declaration(notebook, {})
    spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    declared = {}
    for name, entry in (spec.get("parameters") or {}).items():
        if entry.get("type") not in TYPES:
            raise ParameterError(f"{path.name}: parameter {name!r} has type {entry.get('type')!r}; use one of {', '.join(TYPES)}")
        declared[name] = Parameter(
            name=name,
            type=entry["type"],
            default=entry.get("default"),
            help=entry.get("help", ""),
            choices=tuple(entry["choices"]) if "choices" in entry else None,
            choices_from=entry.get("choices_from"),
            min=entry.get("min"),
            max=entry.get("max"),
        )
    order = tuple(tuple(pair) for pair in spec.get("order") or ())
    constraints = []
    for entry in spec.get("constraints") or ():
        entry = {"rule": entry} if isinstance(entry, str) else dict(entry)
        constraint = Constraint(str(entry.get("rule", "")), str(entry.get("message", "")))
        _check_rule_syntax(path.name, constraint, declared)
        constraints.append(constraint)
    return Declaration(notebook, declared, order, tuple(constraints))


def available_notebooks() -> list[str]:
    """Notebooks that can be run (fixtures and checkpoints excluded)."""
    return sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))


def validate(notebook: str, given: dict) -> dict:
    """Defaults overlaid with `given`, each value checked and normalised; raises ParameterError."""
    spec = declaration(notebook)
    unknown = sorted(set(given) - set(spec.parameters))
    if unknown:
        declared = ", ".join(spec.parameters) or "none"
        raise ParameterError(f"{notebook}: unknown parameter {unknown[0]!r}; declared parameters: {declared}")
    values = spec.defaults()
    for name, value in given.items():
        values[name] = _coerce(notebook, spec.parameters[name], value)
    for name, value in values.items():
        _check_allowed(notebook, spec.parameters[name], value)
    for first, second in spec.order:
        if values[first] > values[second]:
            raise ParameterError(
                f"{notebook}: {first}={values[first]!r} must not be after {second}={values[second]!r}"
            )
    for constraint in spec.constraints:
        if not _holds(constraint.rule, values):
            shown = ", ".join(f"{name}={values[name]!r}" for name in dict.fromkeys(constraint.names()))
            reason = f": {constraint.message}" if constraint.message else ""
            raise ParameterError(f"{notebook}: {shown} break the rule {constraint.rule}{reason}")
    return values


def _check_rule_syntax(where: str, constraint: Constraint, declared: dict) -> None:
    """A rule is a chain of comparisons between declared parameters and literals, nothing else."""
    import ast

    try:
        tree = ast.parse(constraint.rule, mode="eval")
    except SyntaxError as error:
        raise ParameterError(f"{where}: constraint {constraint.rule!r} is not a comparison ({error.msg})") from error
    if not isinstance(tree.body, ast.Compare):
        raise ParameterError(f"{where}: constraint {constraint.rule!r} must compare parameters (e.g. a <= b)")
    for node in [tree.body.left, *tree.body.comparators]:
        if isinstance(node, ast.Name):
            if node.id not in declared:
                raise ParameterError(f"{where}: constraint {constraint.rule!r} names {node.id!r}, not a parameter")
        elif not isinstance(node, ast.Constant):
            raise ParameterError(f"{where}: constraint {constraint.rule!r} may use only parameter names and literals")
    for op in tree.body.ops:
        if type(op).__name__ not in COMPARISONS:
            raise ParameterError(f"{where}: constraint {constraint.rule!r} uses an operator other than {', '.join(c for c, _ in COMPARISONS.values())}")


def _holds(rule: str, values: dict) -> bool:
    """Evaluate a checked rule (a chain of comparisons) on the validated values."""
    import ast

    tree = ast.parse(rule, mode="eval").body
    operands = [tree.left, *tree.comparators]
    resolved = [values[node.id] if isinstance(node, ast.Name) else node.value for node in operands]
    return all(COMPARISONS[type(op).__name__][1](resolved[i], resolved[i + 1]) for i, op in enumerate(tree.ops))


# --- the report's parameters, as a chapter (the overview, the claims) sees them ------------------
# Set by check() from what the build injects; None outside a build (then report.yaml is read).
_REPORT_PARAMETERS: dict | None = None


def section_parameters(notebook: str) -> dict:
    """The parameters the report runs `notebook` with, `-p` overrides included.

    The overview and the claims chapter state other chapters' findings and link to their
    sections, so they must use those chapters' actual parameters, not their declared defaults.
    The build injects every section's parameters (`hemisphere_report_parameters`); elsewhere
    (JupyterLab, a single-chapter run) they are report.yaml's. The value is recorded as an input
    of the calling notebook (hemisphere.deps), so the cache reruns it when they change.
    """
    from hemisphere import deps

    deps.record("section", notebook)
    with deps.quietly():
        if _REPORT_PARAMETERS is not None:
            given = _REPORT_PARAMETERS.get(notebook)
            return dict(given) if given is not None else validate(notebook, {})
        return dict(report_parameters().get(notebook) or validate(notebook, {}))


def report_parameters() -> dict[str, dict]:
    """report.yaml's sections with their validated parameters (no overrides)."""
    from hemisphere.build import config

    return {section.notebook: dict(section.parameters) for section in config.load().sections}


def parse_assignment(text: str) -> tuple[str, str]:
    """Split 'key=value' from the command line."""
    if "=" not in text:
        raise ParameterError(f"parameter {text!r} is not of the form key=value")
    key, value = text.split("=", 1)
    return key.strip(), value.strip()


def _coerce(notebook: str, parameter: Parameter, value):
    """Turn command-line text (or a Python value) into the declared type."""
    def bad(reason: str) -> ParameterError:
        return ParameterError(
            f"{notebook}: parameter {parameter.name!r} got {value!r}: {reason}; allowed: {parameter.describe()}"
        )

    kind = parameter.type
    if kind == "list[str]":
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    value = json.loads(text)
                except json.JSONDecodeError as error:
                    raise bad(f"not a JSON list ({error.msg})") from error
            else:
                value = [item.strip() for item in text.split(",") if item.strip()]
        if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
            raise bad("expected a list of names")
        if not value:
            raise bad("the list is empty")
        if list(value) == ["all"] and parameter.allowed() is not None:
            return list(parameter.allowed())  # `all`: every allowed value, in declared order
        repeated = sorted({item for item in value if list(value).count(item) > 1})
        if repeated:
            raise bad(f"{', '.join(map(repr, repeated))} {'is' if len(repeated) == 1 else 'are'} listed more than once")
        return list(value)
    if kind == "str":
        if not isinstance(value, str):
            raise bad("expected text")
        return value
    if kind == "int":
        if isinstance(value, bool):
            raise bad("expected a whole number")
        try:
            number = int(str(value).strip())
        except ValueError as error:
            raise bad("expected a whole number") from error
        return number
    if kind == "float":
        try:
            return float(value)
        except (TypeError, ValueError) as error:
            raise bad("expected a number") from error
    if kind == "bool":
        if isinstance(value, bool):
            return value
        lowered = str(value).strip().lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
        raise bad("expected true or false")
    if kind == "date":
        text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
        try:
            dt.date.fromisoformat(text)
        except ValueError as error:
            raise bad("expected a date as YYYY-MM-DD") from error
        return text
    raise bad(f"unknown type {kind}")


def _check_allowed(notebook: str, parameter: Parameter, value) -> None:
    def bad(reason: str) -> ParameterError:
        return ParameterError(
            f"{notebook}: parameter {parameter.name!r} got {value!r}: {reason}; allowed: {parameter.describe()}"
        )

    allowed = parameter.allowed()
    if allowed is not None:
        items = value if parameter.type == "list[str]" else [value]
        outside = [item for item in items if item not in allowed]
        if outside:
            raise bad(f"{outside[0]!r} is not allowed")
    low, high = parameter.min, parameter.max
    if parameter.type == "date":
        low = str(low) if low is not None else None
        high = str(high) if high is not None else None
    if low is not None and value < low:
        raise bad("below the minimum")
    if high is not None and value > high:
        raise bad("above the maximum")


def check(notebook: str, namespace: dict) -> dict:
    """Validate a notebook's parameters from inside the notebook (its setup cell).

    Reads the declared names from the notebook's globals, so a hand-edited parameters cell in
    Jupyter fails as clearly as a bad `-p` on the command line. Also applies the build's
    reserved settings (where this run writes its figures).
    """
    spec = declaration(notebook)
    given = {name: namespace[name] for name in spec.parameters if name in namespace}
    values = validate(notebook, given)
    figures_dir = namespace.get("hemisphere_figures_dir")
    global _REPORT_PARAMETERS
    injected = namespace.get("hemisphere_report_parameters")
    _REPORT_PARAMETERS = {name: dict(values) for name, values in injected.items()} if isinstance(injected, dict) else None
    from hemisphere import charts

    charts.set_output_dir(Path(figures_dir) if figures_dir else None)
    return values
